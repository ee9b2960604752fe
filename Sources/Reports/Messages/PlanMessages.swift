import GrantAllocation
import UserMessages

/// The words of the long-term plan (*langsiktig plan*) and of the innstilling's section on the
/// commitments it creates, in one language.
protocol PlanMessages: Sendable {
  func planTitle(first: Int, last: Int, county: String) -> String
  func planIntro(first: Int) -> String
  var forecastMark: String { get }
  var framesHeading: String { get }
  func framesIntro(conditional: Bool) -> String
  func frameColumns(conditional: Bool) -> [String]
  var measuresHeading: String { get }
  var measuresIntro: String { get }
  func measureColumns(years: [Int]) -> [String]
  func planStatus(_ status: PlanMeasureStatus) -> String
  /// Added to a measure's status: the later years that are conditional on the forecast.
  func conditionalYears(_ years: [Int]) -> String
  /// Added to a partner's hours in a year: the hours beyond those planned, conditional on them.
  func hoursBeyondPlan(_ hours: String) -> String
  var partnersHeading: String { get }
  func partnerColumns(years: [Int]) -> [String]
  var ownersHeading: String { get }
  func ownersIntro(years: [Int]) -> String
  func ownerColumns(years: [Int]) -> [String]
  func methodHeading(number: Int) -> String
  func methodLines(carryOverShare: String, juneShare: String?, forecasts: ForecastRule) -> [String]
  var explanationsSkipped: String { get }
  var chartHeading: String { get }
  var chartFrame: String { get }
  var chartCommitted: String { get }
  var chartNew: String { get }
  func commitmentsHeading(number: Int, first: Int) -> String
  func commitmentsIntro(first: Int) -> String
  var noCommitments: String { get }
  var commitmentColumns: [String] { get }
  /// A year in the commitments table that is conditional on the forecast.
  func conditionalYear(_ year: Int) -> String
  func beyondForecastLine(scheme: String, amount: String, year: Int) -> String
  func beyondPlannedHoursLine(partner: String, role: String, hours: String, year: Int) -> String
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
  func framesIntro(conditional: Bool) -> String {
    let bound =
      "*Bundet* er penger til vedtatte forpliktelser og til senere år av tiltak som starter tidligere i planen; *nytt* er tiltak som starter det året."
    guard conditional else { return bound + " *Ledig* = ramme + overført inn − bundet − nytt − overført videre." }
    return bound
      + " *Utover prognosen* er det tiltakene som starter i år, trenger det året ut over prognosen; de årene er betinget av at rammen blir stor nok."
      + " *Ledig* = ramme + overført inn + utover prognosen − bundet − nytt − overført videre."
  }
  func frameColumns(conditional: Bool) -> [String] {
    ["Ordning", "År", "Ramme (kr)", "Overført inn (kr)", "Bundet (kr)", "Nytt (kr)", "Overført videre (kr)"]
      + (conditional ? ["Utover prognosen (kr)"] : []) + ["Ledig (kr)"]
  }
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
  func conditionalYears(_ years: [Int]) -> String {
    "; " + years.map(String.init).joined(separator: " og ") + " betinget av prognosen"
  }
  func hoursBeyondPlan(_ hours: String) -> String { " (+\(hours) betinget)" }
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
  func methodLines(carryOverShare: String, juneShare: String?, forecasts: ForecastRule) -> [String] {
    let rule =
      switch forecasts {
      case .conditional:
        "Prognosene holder ikke årets tiltak tilbake: først fordeles årets midler etter minstenivåene og prioriteringen, så planlegges senere år innenfor prognosene så langt årets prioriteringer tillater. "
          + "Det årets tiltak trenger ut over en prognose eller en partners planlagte timer, er *betinget av prognosen*; tiltak som starter i et senere år, får bare det prognosene gir rom for. "
          + "(Med `forecasts: binding` under `horizon:` binder prognosene i stedet som årets ramme.)"
      case .binding:
        "Prognosene binder som årets ramme (`forecasts: binding`): et flerårig tiltak starter bare om alle årene får plass innenfor prognosene og de planlagte timene, også når det lar årets midler stå ubrukt."
      }
    return [
      "Hvert tiltak-år, hver ordning-år og hver partner-år er en egen del av én modell; prioriteringsrekkefølgen (blant tiltak som starter samme år), minstenivåene og partnerkapasiteten gjelder hvert år.",
      "Et flerårig tiltak får samme andel hvert år; der det kan stoppe, får et senere år samme andel eller ingenting, og aldri et senere år uten de tidligere. Tiltak med én partner beholder partneren alle år.",
      "Et tiltaks verdi i prioriteringen telles én gang for hele tiltaket (fordelt på årene), ikke én gang per år.",
      "Inntil \(carryOverShare) av et års ramme kan stå ubrukt og brukes året etter; rammen for siste år kan ikke overføres.",
      rule,
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
  func conditionalYear(_ year: Int) -> String { "\(year) (betinget av prognosen)" }
  func beyondForecastLine(scheme: String, amount: String, year: Int) -> String {
    "I \(scheme) \(year) trenger tiltakene \(amount) kr mer enn prognosen. De som står sist i prioriteringen og er merket «betinget av prognosen», er innvilget for \(year) med forbehold om at rammen blir stor nok."
  }
  func beyondPlannedHoursLine(partner: String, role: String, hours: String, year: Int) -> String {
    "Tiltakene trenger \(hours) timer mer fra \(partner) (\(role)) i \(year) enn planlagt. De som står sist i prioriteringen og er merket «betinget av prognosen», er innvilget for \(year) med forbehold om at timene finnes."
  }
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
  func framesIntro(conditional: Bool) -> String {
    let bound =
      "*Committed* is money for earlier commitments and for later years of measures that start earlier in the plan; *new* is measures starting that year."
    guard conditional else { return bound + " *Free* = frame + carried in − committed − new − carried on." }
    return bound
      + " *Beyond the forecast* is what the measures starting this year need that year beyond the forecast; those years are conditional on the frame being large enough."
      + " *Free* = frame + carried in + beyond the forecast − committed − new − carried on."
  }
  func frameColumns(conditional: Bool) -> [String] {
    ["Scheme", "Year", "Frame (NOK)", "Carried in (NOK)", "Committed (NOK)", "New (NOK)", "Carried on (NOK)"]
      + (conditional ? ["Beyond the forecast (NOK)"] : []) + ["Free (NOK)"]
  }
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
  func conditionalYears(_ years: [Int]) -> String {
    "; " + years.map(String.init).joined(separator: " and ") + " conditional on the forecast"
  }
  func hoursBeyondPlan(_ hours: String) -> String { " (+\(hours) conditional)" }
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
  func methodLines(carryOverShare: String, juneShare: String?, forecasts: ForecastRule) -> [String] {
    let rule =
      switch forecasts {
      case .conditional:
        "Forecasts do not hold this year's measures back: this year's money is allocated first, by the fairness floors and the priorities, then later years are planned within the forecasts as far as this year's priorities allow. "
          + "What this year's measures need beyond a forecast or a partner's planned hours is *conditional on the forecast*; measures starting in a later year get only what the forecasts leave. "
          + "(With `forecasts: binding` under `horizon:` the forecasts bind like this year's frame instead.)"
      case .binding:
        "The forecasts bind like this year's frame (`forecasts: binding`): a multi-year measure starts only if all its years fit the forecasts and the planned hours, even when that leaves this year's money unused."
      }
    return [
      "Every measure-year, scheme-year and partner-year is a part of one model; the priority order (among measures starting the same year), the fairness floors and partner capacity hold in every year.",
      "A multi-year measure gets the same share every year; where it may stop, a later year gets the same share or nothing, and never a later year without the earlier ones. A measure with one partner keeps it every year.",
      "A measure's priority value counts once for the whole measure (spread over its years), not once per year.",
      "Up to \(carryOverShare) of a year's frame may be left unspent and spent the next year; the last year's frame cannot be carried on.",
      rule,
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
  func conditionalYear(_ year: Int) -> String { "\(year) (conditional on the forecast)" }
  func beyondForecastLine(scheme: String, amount: String, year: Int) -> String {
    "In \(scheme) \(year) the measures need \(amount) NOK more than the forecast. Those last in priority, marked “conditional on the forecast”, are granted for \(year) on condition that the frame is large enough."
  }
  func beyondPlannedHoursLine(partner: String, role: String, hours: String, year: Int) -> String {
    "The measures need \(hours) more hours from \(partner) (\(role)) in \(year) than planned. Those last in priority, marked “conditional on the forecast”, are granted for \(year) on condition that the hours are there."
  }
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
