import GrantAllocation
import UserMessages

extension Language {
  /// The reports' message catalogue for this language.
  var messages: any Messages {
    switch self {
    case .nb: BokmalMessages()
    case .en: EnglishMessages()
    }
  }
}

/// Who made a report and with what, printed in every report.
public struct ReportProvenance: Sendable {
  public var dekomVersion: String
  public var solverName: String

  public init(dekomVersion: String, solverName: String) {
    self.dekomVersion = dekomVersion
    self.solverName = solverName
  }
}

/// Every sentence and label a report uses, once per language.
protocol Messages: ConflictMessages, ExplanationMessages, MeasurePageMessages, SpreadsheetMessages, DecisionLetterMessages,
  LastYearMessages
{
  var decimalMark: Character { get }
  var thousandSeparator: String { get }
  var percentSuffix: String { get }

  func documentTitle(year: Int, county: String, title: String?) -> String
  var draftNotice: String { get }
  func madeBy(_ provenance: ReportProvenance) -> String
  /// The label over the table of contents.
  var contentsHeading: String { get }

  var summaryHeading: String { get }
  var summaryColumns: [String] { get }
  /// The summary's table of each list's money per scheme, on the pages of `dekom serve` only.
  var networkTotalsHeading: String { get }
  /// What the table's amounts are; `comparedWithBase`: a variant's page, with the change from the base.
  func networkTotalsIntro(comparedWithBase: Bool) -> String
  var listColumn: String { get }
  /// One scheme's money column: "Dekom (kr)".
  func moneyColumn(scheme: String) -> String
  var sumColumn: String { get }
  var changeColumn: String { get }
  func counts(_ counts: [FundingStatus: Int]) -> String
  var total: String { get }

  var networksHeading: String { get }
  var jointHeading: String { get }
  var measureColumns: [String] { get }
  /// Per scheme the network asks money from: its key share, and its floor and what it received
  /// when the scheme has a floor for it.
  func fairnessLine(floors: [(scheme: String, keyShare: String, floor: String?, received: String?)]) -> String
  /// Who receives a network's money.
  func paidToHostLine(host: String) -> String
  var paidToMembersLine: String { get }
  var noMeasures: String { get }

  var partnersHeading: String { get }
  var partnerColumns: [String] { get }
  var collaborationHeading: String { get }
  /// The measures whose hours are not at the partner their network chose (each with the partner
  /// it has and the earlier one with idle hours), because dekom found no allocation that follows
  /// the networks' choice within the frames.
  func partnerRuleBreaches(_ breaches: [(measure: String, partner: String, idle: String)]) -> String
  var collaborationColumns: [String] { get }

  var ownersHeading: String { get }
  func ownersIntro(year: Int) -> String
  var ownerColumns: [String] { get }
  /// A network's own key, labelled as the network's own agreement, and what it splits.
  func ownKeyLine(network: String, equal: String, size: String, uses: [OwnKeyUse]) -> String
  func paymentsIntro(date: String) -> String
  var paymentColumns: [String] { get }
  var paymentsHeading: String { get }
  var egenandelHeading: String { get }
  /// The part of a network's grant its agreement does not split among its members.
  func networkAsWhole(_ network: String) -> String
  var forumBudget: String { get }
  func networkPurpose(_ network: String) -> String
  func jointPurpose(_ measure: String) -> String
  func partnerPurpose(_ role: String) -> String
  /// An ISO date (`2027-06-30`) as the language writes it.
  func date(_ iso: String) -> String
  /// The name of a size measure ("elevtall").
  func sizeMeasure(_ measure: SizeMeasure) -> String

  var criteriaHeading: String { get }
  var criteriaIntro: String { get }
  func criterion(_ criterion: Criterion) -> String
  func criterionShort(_ criterion: Criterion) -> String
  var measureColumn: String { get }

  /// The last section's heading; its number follows the explanation sections when there are any.
  /// "How it was computed", as an appendix's title.
  var methodTitle: String { get }
  /// An appendix's heading: "Vedlegg A. Skyggepriser".
  func appendixHeading(letter: String, title: String) -> String
  /// `sizes`: per scheme, the size measure its key uses ("Dekom: elevtall; …").
  /// The policy and the order of the stages: `stability` when a stage keeps close to a reference
  /// allocation, `plan` when it is a long-term plan (the first year decided first).
  func policyLines(_ policy: Policy, keyEqual: String, keyPupils: String, sizes: String, stability: Bool, plan: Bool) -> [String]
  func solveLine(status: String, solver: String) -> String
  func stageLine(name: String, status: String, value: String) -> String
  func modelSizeLine(_ size: ModelSize) -> String
  func parametersLine(timeLimit: String, stageTolerance: String, mipGap: String) -> String
  var inputFilesLine: String { get }
  func gapLine(_ gap: String) -> String

  func compareTitle(year: Int, county: String) -> String
  var compareIntro: String { get }
  var compareOverviewHeading: String { get }
  var compareOverviewColumns: [String] { get }
  var baseName: String { get }
  func variantHeading(name: String, title: String) -> String
  func basedOn(_ name: String) -> String
  var compareSchemeColumns: [String] { get }
  var measureChangesHeading: String { get }
  var measureChangeColumns: [String] { get }
  var ownerChangesHeading: String { get }
  /// Per list holder (joint measures, each network): the money of its measures in the base and the
  /// variant.
  var holderTotalsHeading: String { get }
  var holderTotalsColumns: [String] { get }
  var ownerChangeColumns: [String] { get }
  var noChanges: String { get }
  func variantFailed(_ why: String) -> String

  var chartLabels: ChartLabels { get }
  var currencySuffix: String { get }

  func status(_ status: FundingStatus, share: String) -> String
  func terminationStatus(_ status: String) -> String
  func role(_ role: PartnerRole) -> String
  /// A partner's hours in one role in the measures' table, number first so that the role's own
  /// number ("partner 2") cannot be read as part of the hours: "400 t partner 2".
  func roleHours(_ role: PartnerRole, hours: String) -> String
  /// Hours used of a capacity, as a chart labels them: "120 / 400 t".
  func hoursOfCapacity(used: String, capacity: String) -> String
  func months(_ months: Int, start: String?) -> String
  func reason(_ reason: Reason, names: NameBook) -> String
  /// One partner short of hours in several roles, as one sentence: each role with the whole hours
  /// left and needed.
  func partnerHoursShort(partner: String, roles: [(role: PartnerRole, left: String, needed: String)]) -> String
  /// Several acceptable partners, each short of the hours a measure needs, as one sentence.
  func partnersHoursShort(partners: [String]) -> String
  /// Two reasons that both bind (the frame and a partner's hours), each a sentence, as one.
  func bothBind(_ first: String, _ second: String) -> String
  func stageName(_ name: String) -> String
}

/// The words on the HTML reports' charts.
struct ChartLabels {
  var moneyPerScheme: String
  var moneyPerNetwork: String
  var partnerHours: String
  var frame: String
  var allocated: String
  var keyShare: String
  var received: String
  var capacity: String
  var used: String
  var allocatedPerScenario: String
}
