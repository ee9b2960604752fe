import Reports
import UserMessages

/// The words of the pages `dekom serve` shows (navigation, the scenario list, the what-if form,
/// problem pages), once per language. A measure's own page is a report (``MeasureMarkdown``).
protocol PageWords {
  var pagesTitle: String { get }
  var navScenarios: String { get }
  var navAllocation: String { get }
  var navCompare: String { get }
  var navWhatIf: String { get }
  var navPlan: String { get }
  /// The decision letters (*vedtak*), one per recipient.
  var navLetters: String { get }
  func lettersTitle(_ document: String) -> String
  var lettersIntro: String { get }
  var lettersColumns: [String] { get }
  /// The plan page of a one-year scenario.
  var noPlan: String { get }
  /// The link to the page in the other language, in that language ("English", "Norsk").
  var otherLanguageLink: String { get }
  func scenarioListIntro(folder: String) -> String
  var scenarioListColumns: [String] { get }
  var noScenarios: String { get }
  func scenarioHasErrors(_ count: Int) -> String
  var noVariants: String { get }
  /// A variant file on the list that does not load.
  func variantHasErrors(_ count: Int) -> String
  /// The allocation page's line while its explanations are computed (`done` of `total` measures
  /// explained; both 0 before the searches begin); the page loads itself again every `seconds`.
  func explanationsPending(done: Int, total: Int, seconds: Int) -> String
  /// The link that loads the page again at once.
  var reloadLink: String { get }
  /// The explanations could not be computed (`reason`: why, in the page's language).
  func explanationsFailed(_ reason: String) -> String
  var explainHeading: String { get }
  var explainIntro: String { get }
  var chooseVariantsHeading: String { get }
  var compareButton: String { get }
  var whatIfTitle: String { get }
  var whatIfIntro: String { get }
  var framesLegend: String { get }
  var frameColumns: [String] { get }
  var factorLabel: String { get }
  /// One change of a what-if in the one line that titles it ("rekom: ramme × 0,9").
  func changeLine(_ change: WhatIfChange, value: String) -> String
  var partnersLegend: String { get }
  var partnerHoursColumns: [String] { get }
  var measuresLegend: String { get }
  var measureChangeFormColumns: [String] { get }
  /// "Unchanged", the first choice of every list in the form.
  var unchangedChoice: String { get }
  var lockLabel: String { get }
  /// A lock the form offers (``WhatIfField/lockChoices``), in words.
  func lockChoice(_ value: String) -> String
  var costLabel: String { get }
  var changeFlagsSummary: String { get }
  /// A yes/no flag of measures.csv (`continuing` or a criterion), by its column.
  func flagName(_ flag: String) -> String
  /// `ja` or `nei`, in words.
  func flagChoice(_ value: String) -> String
  var policyLegend: String { get }
  var policyColumns: [String] { get }
  /// A key of a variant's `policy:`, in words.
  func policyName(_ key: String) -> String
  /// A weighting (`strict_tiers`, `decay`) or value rule (`count`, `cost`), in words.
  func policyChoice(_ value: String) -> String
  var solveButton: String { get }
  var resultHeading: String { get }
  func solvedIn(seconds: String) -> String
  var fixFieldsNotice: String { get }
  var noChangesGiven: String { get }
  var fullAllocationLink: String { get }
  var saveHeading: String { get }
  var variantNameLabel: String { get }
  var variantTitleLabel: String { get }
  var overwriteLabel: String { get }
  var saveButton: String { get }
  func saved(file: String) -> String
  func variantExists(_ name: String) -> String
  /// Why a request's body was not read: "at most 64 KiB are read."
  func bodyLimit(kib: Int) -> String
  /// Why a variant could not be saved (`reason`: the system's words).
  func cannotSave(_ failure: VariantSaver.WriteFailure) -> String
  var notFoundTitle: String { get }
  var badRequestTitle: String { get }
  var tooLargeTitle: String { get }
  var busyTitle: String { get }
  var forbiddenTitle: String { get }
  var misdirectedTitle: String { get }
  var noAllocationTitle: String { get }
  var invalidScenarioTitle: String { get }
  var backToList: String { get }
}

extension Language {
  /// The page words in this language.
  var pageWords: any PageWords {
    switch self {
    case .nb: BokmalPageWords()
    case .en: EnglishPageWords()
    }
  }
}
