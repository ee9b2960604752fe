import ArgumentParser
import Foundation
import ScenarioFiles

extension Dekom {
  /// `dekom check DIR`: load and validate without solving.
  public struct Check: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Validate a scenario folder without solving; lists every error with file and row.")

    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    public init() {}

    public func run() throws {
      let url = URL(fileURLWithPath: directory)
      do {
        let scenario = try ScenarioLoader.load(directory: url)
        print(
          "\(directory): valid – \(scenario.schemes.count) schemes, \(scenario.networks.count) networks, \(scenario.owners.count) school owners, \(scenario.partners.count) partners, \(scenario.measures.count) measures."
        )
        if let years = scenario.horizon?.years, let first = years.first, let last = years.last {
          let lasting = scenario.measures.filter { !$0.laterYears.isEmpty }.count
          print("A plan for \(first)–\(last): \(lasting) measures run more than one year.")
        }
        for warning in ScenarioWarnings.warnings(for: scenario) { print("  warning: \(warning)") }
      } catch {
        reportInvalid(error, directory: directory)
        throw DekomExit.invalidInput
      }
    }
  }
}

/// Prints every issue of an invalid scenario to standard error.
func reportInvalid(_ error: ScenarioError, directory: String) {
  printError("\(directory): \(error.issues.count) error\(error.issues.count == 1 ? "" : "s"); nothing was written.")
  for line in error.shownLines { printError("  " + line) }
}
