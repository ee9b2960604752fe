import ArgumentParser
import Foundation
import GrantAllocation
import ScenarioFiles
import UserMessages
import Variants

extension Dekom {
  /// `dekom check DIR`: load and validate without solving.
  public struct Check: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Validate a scenario folder without solving; lists every error with file and row.")

    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    @Option(help: "Language of the messages: nb (Norwegian bokmål) or en (English).")
    var lang: Language = .nb

    public init() {}

    public func run() throws {
      let url = URL(fileURLWithPath: directory)
      // Everything run, compare and serve read: the scenario and each of its variants.
      let scenario: Scenario
      do {
        scenario = try ScenarioLoader.load(directory: url)
      } catch {
        let variantIssues = VariantFile.loadEach(directory: url).flatMap { variantErrors($0.variant) }
        reportInvalid(ScenarioError(issues: error.issues + variantIssues), directory: directory, language: lang)
        throw DekomExit.invalidInput
      }
      let variantIssues = VariantFile.issues(directory: url, base: scenario)
      guard variantIssues.isEmpty else {
        reportInvalid(ScenarioError(issues: variantIssues), directory: directory, language: lang)
        throw DekomExit.invalidInput
      }
      let variants = VariantFile.loadEach(directory: url).count
      print(
        ConsoleText.valid(
          directory: directory, schemes: scenario.schemes.count, networks: scenario.networks.count, owners: scenario.owners.count,
          partners: scenario.partners.count, measures: scenario.measures.count, variants: variants
        ).text(in: lang))
      if let years = scenario.horizon?.years, let first = years.first, let last = years.last {
        let lasting = scenario.measures.filter { !$0.laterYears.isEmpty }.count
        print(ConsoleText.planSummary(first: first, last: last, lasting: lasting).text(in: lang))
      }
      for warning in ScenarioWarnings.warnings(for: scenario) {
        print("  " + ConsoleText.warningLead.text(in: lang) + " " + warning.line(in: lang))
      }
    }

    private func variantErrors(_ result: Result<Variant, ScenarioError>) -> [ScenarioIssue] {
      if case .failure(let error) = result { return error.issues }
      return []
    }
  }
}

/// Prints every issue of an invalid scenario to standard error, in `language`.
func reportInvalid(_ error: ScenarioError, directory: String, language: Language) {
  printError(ConsoleText.errorsHeader(directory: directory, count: error.issues.count).text(in: language))
  for line in error.shownLines(in: language) { printError("  " + line) }
}
