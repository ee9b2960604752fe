/// The lines `dekom check`, `dekom run` and `dekom compare` print, as values; ``ConsoleText/text(in:)``
/// gives each in a language, from `Bokmal/BokmalConsole.swift` or `English/EnglishConsole.swift`
/// (each switches over every case).
public enum ConsoleText: Sendable, Hashable {
  /// `DIR: 3 errors; nothing was written.`
  case errorsHeader(directory: String, count: Int)
  /// The line after the shown issues when there are more.
  case moreErrors(Int)
  /// Where an issue is, in a CSV file: `column 'cost_nok'`.
  case columnLabel(String)
  /// Where an issue is, in a YAML file: `key 'policy.priority'`.
  case keyLabel(String)
  /// Between an issue's problem and its fix: ` Fix: `.
  case fixLead
  /// A warning line's lead: `warning:`.
  case warningLead
  case valid(directory: String, schemes: Int, networks: Int, owners: Int, partners: Int, measures: Int, variants: Int)
  case planSummary(first: Int, last: Int, lasting: Int)
  case solved(county: String, year: Int, status: String, solver: String)
  case solvedPlan(county: String, first: String, last: String, status: String, solver: String)
  case planYear(Int)
  case measureCounts(funded: Int, partly: Int, notFunded: Int, ineligible: Int)
  case notProven
  case stageNotProven(name: String, status: String, gap: Double?, stop: Stop?)
  case laterStagesSkipped(Int)
  case draftIn(folder: String)
  case lettersIn(recipients: Int, folder: String)
  case planIn(folder: String)
  case explaining(done: Int, total: Int)
  case compared(variants: Int, failed: Int)
  case comparisonIn(folder: String)
  case cannotWrite(String)
  case verificationFailed
  case reportWithScenario
  case renderingFailed(String)
  case unbounded
  case noAllocationInTime
  case invalidModel
  case solverFailed(status: String)
  /// `dekom serve`'s first line, with the address (tests and scripts read the address from it).
  case serving(scenarios: Int, directory: String, port: Int)
  case serveNotAFolder(String)
  case portInUse(Int)
  case cannotServe(port: Int, detail: String)
  /// Why a variant (in `compare.md`, on a page) has no allocation: no time left.
  case variantNoAllocationInTime
  /// Why a variant has no allocation: the solver's status.
  case variantSolverEnded(status: String)
  /// Why a variant has no allocation: dekom's own check failed.
  case variantInternalError(String)

  /// What stopped a stage before it was proven optimal.
  public enum Stop: Sendable, Hashable { case workLimit, timeLimit }

  /// The line in `language`.
  public func text(in language: Language) -> String {
    switch language {
    case .nb: BokmalConsole.text(self)
    case .en: EnglishConsole.text(self)
    }
  }
}
