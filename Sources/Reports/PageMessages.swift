/// The words of the pages `dekom serve` shows (navigation, the scenario list, a measure's
/// explanation, the what-if form), once per language (part of ``Messages``).
protocol PageMessages {
  var pagesTitle: String { get }
  var navScenarios: String { get }
  var navAllocation: String { get }
  var navCompare: String { get }
  var navWhatIf: String { get }
  /// The link to the page in the other language, in that language ("English", "Norsk").
  var otherLanguageLink: String { get }

  func scenarioListIntro(folder: String) -> String
  var scenarioListColumns: [String] { get }
  var noScenarios: String { get }
  func scenarioHasErrors(_ count: Int) -> String
  var noVariants: String { get }

  var explainHeading: String { get }
  var explainIntro: String { get }

  func measureTitle(_ measure: String) -> String
  var measureFacts: [String] { get }
  var reasonsHeading: String { get }
  var whatItTakesOneHeading: String { get }
  var nothingToSearch: String { get }
  var frameIncreaseLabel: String { get }
  var moreHoursLabel: String { get }
  var moveUpLabel: String { get }
  func computedIn(seconds: String, resolves: Int?) -> String

  var chooseVariantsHeading: String { get }
  var compareButton: String { get }

  var whatIfTitle: String { get }
  var whatIfIntro: String { get }
  var framesLegend: String { get }
  var frameColumns: [String] { get }
  var factorLabel: String { get }
  var partnersLegend: String { get }
  var partnerHoursColumns: [String] { get }
  var measuresLegend: String { get }
  var measureChangeFormColumns: [String] { get }
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
