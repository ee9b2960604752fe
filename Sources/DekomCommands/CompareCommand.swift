import ArgumentParser
import Foundation
import Reports

extension Dekom {
  /// `dekom compare DIR`: the base and every variant side by side.
  public struct Compare: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Solve the base scenario and every variant in DIR/variants/, and write compare.md side by side.")

    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    @Option(help: "Where to write compare.md (default: DIR/out).", completion: .directory)
    var out: String?

    @Option(help: "Report language: nb (Norwegian bokmål) or en (English).")
    var lang: Language = .nb

    @Option(help: "Wall-clock limit for each solve, in seconds (default: the scenario's, else 60).")
    var timeLimit: Double?

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    public init() {}

    public func validate() throws {
      if let timeLimit, !(timeLimit > 0 && timeLimit <= 86_400) {
        throw ValidationError("--time-limit must be a number of seconds above 0 and at most 86400.")
      }
    }

    public func run() throws {
      let scenarioRun = ScenarioRun(
        directory: URL(fileURLWithPath: directory), outputDirectory: out.map { URL(fileURLWithPath: $0) }, language: lang,
        timeLimitSeconds: timeLimit)
      let entries: [CompareMarkdown.Entry]
      do {
        entries = try CompareRun(run: scenarioRun).execute()
      } catch {
        throw report(error, directory: directory)
      }
      if !quiet {
        let failed = entries.filter { if case .failure = $0.outcome { true } else { false } }.count
        print(
          "Compared the base scenario with \(entries.count) variant\(entries.count == 1 ? "" : "s")\(failed > 0 ? " (\(failed) without an allocation)" : "")."
        )
        let shownFolder = out ?? (directory.hasSuffix("/") ? directory + "out" : directory + "/out")
        print("The comparison is in \(shownFolder)/compare.md")
      }
    }
  }
}
