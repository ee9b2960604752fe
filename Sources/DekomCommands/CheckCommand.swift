import ArgumentParser
import Foundation
import GrantAllocation
import ScenarioFiles
import Variants

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
      // Everything run, compare and serve read: the scenario and each of its variants.
      let scenario: Scenario
      do {
        scenario = try ScenarioLoader.load(directory: url)
      } catch {
        let variantIssues = VariantFile.loadEach(directory: url).flatMap { variantErrors($0.variant) }
        reportInvalid(ScenarioError(issues: error.issues + variantIssues), directory: directory)
        throw DekomExit.invalidInput
      }
      let variantIssues = VariantFile.issues(directory: url, base: scenario)
      guard variantIssues.isEmpty else {
        reportInvalid(ScenarioError(issues: variantIssues), directory: directory)
        throw DekomExit.invalidInput
      }
      let variants = VariantFile.loadEach(directory: url).count
      print(
        "\(directory): valid – \(scenario.schemes.count) schemes, \(scenario.networks.count) networks, \(scenario.owners.count) school owners, \(scenario.partners.count) partners, \(scenario.measures.count) measures\(variants > 0 ? ", \(variants) variant\(variants == 1 ? "" : "s")" : "")."
      )
      if let years = scenario.horizon?.years, let first = years.first, let last = years.last {
        let lasting = scenario.measures.filter { !$0.laterYears.isEmpty }.count
        print("A plan for \(first)–\(last): \(lasting) measures run more than one year.")
      }
      for warning in ScenarioWarnings.warnings(for: scenario) { print("  warning: \(warning)") }
    }

    private func variantErrors(_ result: Result<Variant, ScenarioError>) -> [ScenarioIssue] {
      if case .failure(let error) = result { return error.issues }
      return []
    }
  }
}

/// Prints every issue of an invalid scenario to standard error.
func reportInvalid(_ error: ScenarioError, directory: String) {
  printError("\(directory): \(error.issues.count) error\(error.issues.count == 1 ? "" : "s"); nothing was written.")
  for line in error.shownLines { printError("  " + line) }
}
