import GrantAllocation
import UserMessages

/// The words of the long-term plan (*langsiktig plan*) and of the innstilling's section on the
/// commitments it creates, in one language.
protocol PlanMessages: Sendable {
  func planTitle(first: Int, last: Int, county: String) -> String
  func planIntro(first: Int) -> String
  var forecastMark: String { get }
  var framesHeading: String { get }
  var framesIntro: String { get }
  var frameColumns: [String] { get }
  var measuresHeading: String { get }
  var measuresIntro: String { get }
  func measureColumns(years: [Int]) -> [String]
  func planStatus(_ status: PlanMeasureStatus) -> String
  var partnersHeading: String { get }
  func partnerColumns(years: [Int]) -> [String]
  var ownersHeading: String { get }
  func ownersIntro(years: [Int]) -> String
  func ownerColumns(years: [Int]) -> [String]
  func methodHeading(number: Int) -> String
  func methodLines(carryOverShare: String, juneShare: String?) -> [String]
  var explanationsSkipped: String { get }
  var chartHeading: String { get }
  var chartFrame: String { get }
  var chartCommitted: String { get }
  var chartNew: String { get }
  func commitmentsHeading(number: Int, first: Int) -> String
  func commitmentsIntro(first: Int) -> String
  var noCommitments: String { get }
  var commitmentColumns: [String] { get }
  var planFileLine: String { get }
  func carriedOnLine(scheme: String, amount: String, year: Int) -> String
  func compareTitle(first: Int, last: Int, county: String) -> String
  var compareIntro: String { get }
}

/// What happened to a measure over the plan's years.
enum PlanMeasureStatus: Equatable {
  case continuing
  /// A measure of one year, funded in full.
  case funded
  /// A measure of one year, funded in part.
  case partly(share: String)
  case allYears
  case partlyAllYears(share: String)
  case stoppedAfter(year: Int)
  case notFunded
  case ineligible
}

struct BokmalPlanMessages: PlanMessages {
  func planTitle(first: Int, last: Int, county: String) -> String { "Langsiktig plan \(first)–\(last) for Samarbeidsforum i \(county)" }
  func planIntro(first: Int) -> String {
    "Alle årene er løst i én modell: et flerårig tiltak får midler alle sine år eller ingen (eller stopper etter en første del der dataene tillater det), "
      + "og ingen penger flyttes mellom år ut over den tillatte overføringen. Årets innstilling (\(first)) er planens første år."
  }
  let forecastMark = "(prognose)"
  let framesHeading = "1. Rammer og forpliktelser per år og ordning"
  let framesIntro =
    "*Bundet* er penger til vedtatte forpliktelser og til senere år av tiltak som starter tidligere i planen; *nytt* er tiltak som starter det året. *Ledig* = ramme + overført inn − bundet − nytt − overført videre."
  let frameColumns = [
    "Ordning", "År", "Ramme (kr)", "Overført inn (kr)", "Bundet (kr)", "Nytt (kr)", "Overført videre (kr)", "Ledig (kr)",
  ]
  let measuresHeading = "2. Tiltak per nettverk over årene"
  let measuresIntro = "Statlige midler per tiltak og år (tilskudd og utviklingspartnere); – betyr at tiltaket ikke går det året."
  func measureColumns(years: [Int]) -> [String] { ["Tiltak", "Ordning", "Prioritet"] + years.map { "\($0) (kr)" } + ["Status"] }
  func planStatus(_ status: PlanMeasureStatus) -> String {
    switch status {
    case .continuing: "videreført forpliktelse"
    case .funded: "innvilget"
    case .partly(let share): "delvis innvilget (\(share))"
    case .allYears: "innvilget alle år"
    case .partlyAllYears(let share): "delvis innvilget (\(share)) alle år"
    case .stoppedAfter(let year): "innvilget til og med \(year), deretter stoppet"
    case .notFunded: "ikke innvilget"
    case .ineligible: "ikke kvalifisert"
    }
  }
  let partnersHeading = "3. Utviklingspartnere: timer per rolle og år"
  func partnerColumns(years: [Int]) -> [String] { ["Partner", "Rolle"] + years.map { "\($0): brukt / kapasitet (t)" } }
  let ownersHeading = "4. Skoleeiere: tilskudd og egenandel per år"
  func ownersIntro(years: [Int]) -> String {
    "Tilskudd til hver skoleeier per år etter nettverkets fordelingsnøkkel, med egenandel etter ordningens sats. Hvert år utbetales i to like deler: ved utgangen av juni og påfølgende vinter."
  }
  func ownerColumns(years: [Int]) -> [String] {
    ["Skoleeier", "Nettverk"] + years.flatMap { ["\($0) tilskudd (kr)", "\($0) egenandel (kr)"] }
  }
  func methodHeading(number: Int) -> String { "\(number). Hvordan planen er beregnet" }
  func methodLines(carryOverShare: String, juneShare: String?) -> [String] {
    [
      "Hvert tiltak-år, hver ordning-år og hver partner-år er en egen del av én modell; prioriteringsrekkefølgen (blant tiltak som starter samme år), minstenivåene og partnerkapasiteten gjelder hvert år.",
      "Et flerårig tiltak får samme andel hvert år; der det kan stoppe, får et senere år samme andel eller ingenting, og aldri et senere år uten de tidligere. Tiltak med én partner beholder partneren alle år.",
      "Et tiltaks verdi i prioriteringen telles én gang for hele tiltaket (fordelt på årene), ikke én gang per år.",
      "Inntil \(carryOverShare) av et års ramme kan stå ubrukt og brukes året etter; rammen for siste år kan ikke overføres.",
    ]
      + (juneShare.map {
        [
          "Beløp gitt per skoleår er fordelt på kalenderår slik utbetalingene faller: \($0) i juni det året skoleåret starter, resten påfølgende vinter."
        ]
      } ?? [])
  }
  let explanationsSkipped =
    "Forklaringene (hva som skal til for å innvilge et tiltak, ventelister og skyggepriser) lages ikke for flerårige planer; begrunnelsene i tabellene er lest fra den løste planen."
  let chartHeading = "Bundet og nytt mot rammen per ordning og år"
  let chartFrame = "Ramme + overført inn"
  let chartCommitted = "Bundet"
  let chartNew = "Bundet + nytt"
  func commitmentsHeading(number: Int, first: Int) -> String { "\(number). Forpliktelser for senere år" }
  func commitmentsIntro(first: Int) -> String {
    "Innstillingen er første år av den langsiktige planen (langsiktig-plan.md). Tiltakene under innvilges for flere år; å vedta dem for \(first) binder disse midlene i senere års rammer:"
  }
  let noCommitments = "Innstillingen binder ingen midler i senere år."
  let commitmentColumns = ["Tiltak", "Ordning", "År", "Statlige midler (kr)"]
  let planFileLine = "Den langsiktige planen står i langsiktig-plan.md."
  func carriedOnLine(scheme: String, amount: String, year: Int) -> String {
    "Av rammen for \(scheme) \(year) står \(amount) kr ubrukt; de overføres til \(year + 1) og brukes der i planen."
  }
  func compareTitle(first: Int, last: Int, county: String) -> String { "Sammenligning av planscenarioer for \(county) \(first)–\(last)" }
  let compareIntro =
    "Grunnplanen og hver variant er løst som én modell over alle årene, varianten så nær grunnplanen som reglene tillater. Under vises hvert år for seg: bare det som flytter seg det året."
}

struct EnglishPlanMessages: PlanMessages {
  func planTitle(first: Int, last: Int, county: String) -> String {
    "Long-term plan \(first)–\(last) of the collaboration forum in \(county)"
  }
  func planIntro(first: Int) -> String {
    "All years are solved as one model: a multi-year measure is funded in all its years or in none (or stops after a first part where the data allow it), "
      + "and no money moves between years beyond the carry-over allowed. This year's innstilling (\(first)) is the plan's first year."
  }
  let forecastMark = "(forecast)"
  let framesHeading = "1. Frames and commitments per year and scheme"
  let framesIntro =
    "*Committed* is money for earlier commitments and for later years of measures that start earlier in the plan; *new* is measures starting that year. *Free* = frame + carried in − committed − new − carried on."
  let frameColumns = [
    "Scheme", "Year", "Frame (NOK)", "Carried in (NOK)", "Committed (NOK)", "New (NOK)", "Carried on (NOK)", "Free (NOK)",
  ]
  let measuresHeading = "2. Measures per network over the years"
  let measuresIntro = "State money per measure and year (grant and development partners); – means the measure does not run that year."
  func measureColumns(years: [Int]) -> [String] { ["Measure", "Scheme", "Rank"] + years.map { "\($0) (NOK)" } + ["Status"] }
  func planStatus(_ status: PlanMeasureStatus) -> String {
    switch status {
    case .continuing: "continuing commitment"
    case .funded: "funded"
    case .partly(let share): "partly funded (\(share))"
    case .allYears: "funded all years"
    case .partlyAllYears(let share): "partly funded (\(share)) all years"
    case .stoppedAfter(let year): "funded up to \(year), then stopped"
    case .notFunded: "not funded"
    case .ineligible: "not eligible"
    }
  }
  let partnersHeading = "3. Development partners: hours per role and year"
  func partnerColumns(years: [Int]) -> [String] { ["Partner", "Role"] + years.map { "\($0): used / capacity (h)" } }
  let ownersHeading = "4. School owners: grant and egenandel per year"
  func ownersIntro(years: [Int]) -> String {
    "Each school owner's grant per year by its network's cost-sharing key, with the egenandel at the scheme's rate. Each year is paid in two equal parts: at the end of June and the following winter."
  }
  func ownerColumns(years: [Int]) -> [String] {
    ["School owner", "Network"] + years.flatMap { ["\($0) grant (NOK)", "\($0) egenandel (NOK)"] }
  }
  func methodHeading(number: Int) -> String { "\(number). How the plan was computed" }
  func methodLines(carryOverShare: String, juneShare: String?) -> [String] {
    [
      "Every measure-year, scheme-year and partner-year is a part of one model; the priority order (among measures starting the same year), the fairness floors and partner capacity hold in every year.",
      "A multi-year measure gets the same share every year; where it may stop, a later year gets the same share or nothing, and never a later year without the earlier ones. A measure with one partner keeps it every year.",
      "A measure's priority value counts once for the whole measure (spread over its years), not once per year.",
      "Up to \(carryOverShare) of a year's frame may be left unspent and spent the next year; the last year's frame cannot be carried on.",
    ]
      + (juneShare.map {
        [
          "Amounts given per school year fall on calendar years as they are paid: \($0) in June of the year the school year starts, the rest the following winter."
        ]
      } ?? [])
  }
  let explanationsSkipped =
    "The explanations (what it would take to fund a measure, waiting lists and shadow prices) are not made for multi-year plans; the reasons in the tables are read from the solved plan."
  let chartHeading = "Committed and new against the frame per scheme and year"
  let chartFrame = "Frame + carried in"
  let chartCommitted = "Committed"
  let chartNew = "Committed + new"
  func commitmentsHeading(number: Int, first: Int) -> String { "\(number). Commitments for later years" }
  func commitmentsIntro(first: Int) -> String {
    "This innstilling is the first year of the long-term plan (langsiktig-plan.md). The measures below are funded for several years; deciding them for \(first) binds this money in later years' frames:"
  }
  let noCommitments = "The innstilling binds no money in later years."
  let commitmentColumns = ["Measure", "Scheme", "Year", "State money (NOK)"]
  let planFileLine = "The long-term plan is in langsiktig-plan.md."
  func carriedOnLine(scheme: String, amount: String, year: Int) -> String {
    "Of the frame for \(scheme) \(year), \(amount) NOK are left unspent and carried into \(year + 1), where the plan spends them."
  }
  func compareTitle(first: Int, last: Int, county: String) -> String { "Comparison of plan scenarios for \(county) \(first)–\(last)" }
  let compareIntro =
    "The base plan and each variant are solved as one model over all years, the variant as close to the base plan as the rules allow. Each year is shown on its own below: only what moves that year."
}

extension Language {
  var planMessages: any PlanMessages {
    switch self {
    case .nb: BokmalPlanMessages()
    case .en: EnglishPlanMessages()
    }
  }
}
