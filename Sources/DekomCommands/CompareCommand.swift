import ArgumentParser
import DekomRunner
import Foundation
import Reports
import UserMessages

extension Dekom {
  /// `dekom compare DIR`: the base and every variant side by side.
  public struct Compare: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Solve the base scenario and every variant in DIR/variants/, and write compare.md side by side.")

    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    @Option(help: "Where to write compare.md (default: DIR/out).", completion: .directory)
    var out: String?

    @OptionGroup var options: CommonSolveOptions

    public init() {}

    public func run() throws {
      var scenarioRun = ScenarioRun(
        directory: URL(fileURLWithPath: directory), outputDirectory: out.map { URL(fileURLWithPath: $0) }, language: options.lang,
        timeLimitSeconds: options.timeLimit)
      scenarioRun.method = options.method
      let entries: [CompareMarkdown.Entry]
      do {
        entries = try CompareRun(run: scenarioRun).execute()
      } catch {
        throw report(error, directory: directory, language: options.lang)
      }
      if !options.quiet {
        let failed = entries.filter { if case .failure = $0.outcome { true } else { false } }.count
        print(ConsoleText.compared(variants: entries.count, failed: failed).text(in: options.lang))
        let shownFolder = out ?? (directory.hasSuffix("/") ? directory + "out" : directory + "/out")
        print(ConsoleText.comparisonIn(folder: shownFolder).text(in: options.lang))
      }
    }
  }
}
