import GrantAllocation
import ScenarioFormat

/// The words of the pages of `dekom serve` in bokmål.
struct BokmalPageWords: PageWords {
  var pagesTitle: String { "dekom – scenarioer" }
  var navScenarios: String { "Scenarioer" }
  var navAllocation: String { "Fordeling" }
  var navCompare: String { "Sammenlign" }
  var navPlan: String { "Langsiktig plan" }
  var navLetters: String { "Vedtak" }
  func lettersTitle(_ document: String) -> String { "Vedtaksbrev – \(document)" }
  var lettersIntro: String {
    "Ett vedtaksbrev per mottaker av tilskudd, som dekom run skriver dem i out/vedtak/, med ordlyden fra scenarioets mal (vedtak.mustache) eller standardmalen."
  }
  var lettersColumns: [String] { ["Mottaker", "Tilskudd (kr)"] }
  var noPlan: String { "Dette scenarioet gjelder ett år (scenario.yaml har ingen horizon), så det har ingen langsiktig plan." }
  var navWhatIf: String { "Hva om?" }
  var otherLanguageLink: String { "English" }
  func scenarioListIntro(folder: String) -> String {
    "Scenarioene i \(folder). Velg et scenario for å se fordelingen, sammenligne det med variantene eller prøve «hva om»."
  }
  var scenarioListColumns: [String] { ["Scenario", "Varianter", "Sider"] }
  var noScenarios: String { "Mappen har ingen scenarioer (ingen scenario.yaml)." }
  func scenarioHasErrors(_ count: Int) -> String { "Scenarioet har \(count) \(count == 1 ? "feil" : "feil") og kan ikke løses:" }
  func variantHasErrors(_ count: Int) -> String { "Variantfilen har \(count) feil og vises ikke:" }
  var noVariants: String { "ingen" }
  func explanationsPending(done: Int, total: Int, seconds: Int) -> String {
    "Forklaringene beregnes …" + (total > 0 ? " (\(done) av \(total) tiltak er forklart)" : "")
      + ": hva som skal til for å innvilge tiltakene, ventelistene per ordning og skyggeprisene. Siden lastes inn på nytt av seg selv hvert \(seconds). sekund til de er klare."
  }
  var reloadLink: String { "Last inn nå" }
  func explanationsFailed(_ reason: String) -> String { "Forklaringene kunne ikke beregnes: \(reason)" }
  var explainHeading: String { "Forklaring per tiltak" }
  var explainIntro: String {
    "Velg et tiltak for å se begrunnelsen og hva som skal til for å innvilge det fullt (fra forklaringene over når de er beregnet, ellers regnet ut når du ber om det)."
  }
  var chooseVariantsHeading: String { "Velg varianter" }
  var compareButton: String { "Sammenlign" }
  var whatIfTitle: String { "Hva om?" }
  var whatIfIntro: String {
    "Fyll inn bare det du vil endre; tomme felt beholder verdien i grunnscenarioet. Svaret løses på nytt med GLPK og vises som endringer fra grunnscenarioet. Verdiene kontrolleres med de samme reglene som variantfilene."
  }
  var framesLegend: String { "Rammer" }
  var frameColumns: [String] { ["Ordning", "Ramme nå (kr)", "Ny ramme (kr)", "eller faktor"] }
  func changeLine(_ change: WhatIfChange, value: String) -> String {
    switch change {
    case .frame(let scheme): "\(scheme): ramme \(value) kr"
    case .factor(let scheme): "\(scheme): ramme × \(value)"
    case .hours(let partner, let role): "\(partner): \(hoursWord(role)) \(value)"
    case .rank(let measure): "\(measure): prioritet \(value)"
    case .minimumShare(let measure): "\(measure): minste andel \(value)"
    case .cost(let measure): "\(measure): kostnad \(value) kr"
    case .lock(let measure): "\(measure): \(lockChoice(value).lowercased())"
    case .flag(let measure, let flag): "\(measure): \(flagName(flag).lowercased()) \(value)"
    case .policy(let key): "\(policyName(key).lowercased()) \(policyChoice(value))"
    }
  }
  private func hoursWord(_ role: PartnerRole) -> String { "\(role == .pool ? "pool" : "partner 2")-timer" }
  var factorLabel: String { "faktor" }
  var partnersLegend: String { "Utviklingspartnernes timer" }
  var partnerHoursColumns: [String] { ["Partner", "Pool nå", "Ny pool", "Partner 2 nå", "Ny partner 2"] }
  var measuresLegend: String { "Tiltakene: lås fra møtet, plass, minste andel, kostnad og kriterier" }
  var measureChangeFormColumns: [String] {
    ["Tiltak", "Lås", "Plass nå", "Ny plass", "Minste andel nå", "Ny minste andel", "Kostnad nå (kr)", "Ny kostnad (kr)", "Kriterier"]
  }
  var unchangedChoice: String { "uendret" }
  var lockLabel: String { "lås" }
  func lockChoice(_ value: String) -> String {
    switch value {
    case "full": "Finansier fullt"
    case "none": "Ikke finansier"
    case ScenarioSchema.Variant.Measure.lockAsLastYear[0]: "Som i fjor"
    default: Double(value).flatMap { $0.isFinite && $0 > 0 && $0 <= 1 ? "Minst \(Int(($0 * 100).rounded())) %" : nil } ?? value
    }
  }
  var costLabel: String { "kostnad" }
  var changeFlagsSummary: String { "endre" }
  func flagName(_ flag: String) -> String {
    switch flag {
    case ScenarioSchema.Measures.continuing: "Videreføring"
    case ScenarioSchema.Measures.schoolBased: "Skolebasert"
    case ScenarioSchema.Measures.collective: "Kollektivt"
    case ScenarioSchema.Measures.inLocalPlan: "I lokal plan"
    case ScenarioSchema.Measures.broadTargetGroup: "Bred målgruppe"
    case ScenarioSchema.Measures.individualEducation: "Individuell videreutdanning"
    default: flag
    }
  }
  func flagChoice(_ value: String) -> String { value == "ja" ? "Ja" : value == "nei" ? "Nei" : value }
  var policyLegend: String { "Politikk" }
  var policyColumns: [String] { ["Innstilling", "Nå", "Ny"] }
  func policyName(_ key: String) -> String {
    switch key {
    case ScenarioSchema.Variant.Policy.fairnessFloor: "Rettferdighetsgulv (andel av nøkkelen)"
    case ScenarioSchema.Variant.Policy.weighting: "Vekting av prioritetene"
    case ScenarioSchema.Variant.Policy.decay: "Vekt per plass nedover listen (ved avtakende vekt)"
    case ScenarioSchema.Variant.Policy.value: "Hva et tiltak teller"
    default: key
    }
  }
  func policyChoice(_ value: String) -> String {
    switch value {
    case "strict_tiers": "strenge nivåer"
    case "decay": "avtakende vekt"
    case "count": "antall tiltak"
    case "cost": "kostnad"
    default: value
    }
  }
  var solveButton: String { "Regn ut" }
  var resultHeading: String { "Svar" }
  func solvedIn(seconds: String) -> String { "Løst på \(seconds) s." }
  var fixFieldsNotice: String { "Rett opp feltene som er merket; ingenting er løst." }
  var noChangesGiven: String { "Ingen endringer er fylt inn ennå." }
  var fullAllocationLink: String { "Hele fordelingen i denne varianten" }
  var saveHeading: String { "Lagre som variant" }
  var variantNameLabel: String { "Navn (bokstaver, sifre, - og _)" }
  var variantTitleLabel: String { "Tittel" }
  var overwriteLabel: String { "Skriv over en variant med samme navn" }
  var saveButton: String { "Lagre" }
  func saved(file: String) -> String { "Lagret som \(file)." }
  func bodyLimit(kib: Int) -> String { "Høyst \(kib) KiB av en forespørsel leses." }
  func cannotSave(_ failure: VariantSaver.WriteFailure) -> String {
    switch failure {
    case .cannotCreateFolder(let folder, let reason): "Kan ikke opprette \(folder)/: \(reason)"
    case .folderOutside(let folder):
      "\(folder)/ er en lenke til en mappe utenfor mappen som vises; dekom serve skriver ikke der."
    case .cannotWrite(let file, let reason): "Kan ikke skrive \(file): \(reason)"
    }
  }
  func variantExists(_ name: String) -> String {
    "Varianten \(name) finnes allerede. Velg et annet navn, eller kryss av for å skrive over den."
  }
  var notFoundTitle: String { "Siden finnes ikke" }
  var badRequestTitle: String { "Ugyldig forespørsel" }
  var tooLargeTitle: String { "Forespørselen er for stor" }
  var busyTitle: String { "Opptatt – prøv igjen om litt" }
  var forbiddenTitle: String { "Avvist: forespørselen kom ikke fra dekoms egne sider" }
  var misdirectedTitle: String { "Avvist: adressen er ikke denne maskinens dekom serve" }
  var noAllocationTitle: String { "Ingen fordeling" }
  var invalidScenarioTitle: String { "Scenarioet har feil" }
  var backToList: String { "Tilbake til scenarioene" }
}
