import GrantAllocation

/// Norwegian bokmål: the reports' default language.
struct BokmalMessages: Messages {
  let decimalMark: Character = ","
  let thousandSeparator = " "
  let percentSuffix = " %"

  func documentTitle(year: Int, county: String, title: String?) -> String {
    title ?? "Felles årlig innstilling \(year) – \(county)"
  }
  let draftNotice =
    "Utkast fra samarbeidsforumets sekretariat. Tallene er beregnet av dekom og skal drøftes i forumet før innstillingen sendes Statsforvalteren."
  func madeBy(_ provenance: ReportProvenance) -> String {
    "Laget med dekom \(provenance.dekomVersion) og \(provenance.solverName)."
  }
  let contentsHeading = "Innhold"

  let summaryHeading = "1. Sammendrag per ordning"
  let summaryColumns = [
    "Ordning", "Ramme (kr)", "Til utviklingspartnere (kr)", "Til nettverkene (kr)", "Fellestiltak (kr)", "Tildelt (kr)",
    "Ikke fordelt (kr)",
  ]
  func counts(_ counts: [FundingStatus: Int]) -> String {
    "Tiltak: \(counts[.funded] ?? 0) innvilget, \(counts[.partlyFunded] ?? 0) delvis innvilget, \(counts[.notFunded] ?? 0) ikke innvilget, \(counts[.ineligible] ?? 0) ikke kvalifisert."
  }
  let total = "Sum"

  let networksHeading = "2. Prioriterte tiltak per kompetansenettverk"
  let jointHeading = "Fellestiltak"
  let measureColumns = [
    "Ordning", "Pri.", "Tiltak", "Deltakere", "Varighet", "Utviklingspartner", "Tilskudd (kr)", "Til partner (kr)", "Status", "Begrunnelse",
  ]
  func fairnessLine(floors: [(scheme: String, keyShare: String, floor: String?, received: String?)]) -> String {
    guard !floors.isEmpty else { return "Nettverket har ikke søkt om midler." }
    let parts = floors.map { entry in
      var text = "\(entry.scheme): andel etter forumets fordelingsnøkkel \(entry.keyShare)"
      if let floor = entry.floor, let received = entry.received { text += ", minstenivå \(floor) kr, tildelt \(received) kr" }
      return text
    }
    return parts.joined(separator: "; ") + "."
  }
  func paidToHostLine(host: String) -> String { "Nettverkets tilskudd utbetales til vertskommunen, \(host)." }
  let paidToMembersLine = "Nettverkets tilskudd utbetales til hvert medlem etter nettverkets egen avtale (fordelingsnøkkel)."
  let noMeasures = "Ingen tiltak er meldt inn."

  let partnersHeading = "3. Utviklingspartnere: timer og midler"
  let partnerColumns = [
    "Partner", "Pool: timer", "Pool: kapasitet", "Pool (kr)", "Partner 2: timer", "Partner 2: kapasitet", "Partner 2 (kr)", "Sum (kr)",
  ]
  let collaborationHeading = "Samarbeid mellom skoleeiere og utviklingspartnere"
  func partnerRuleBreaches(_ breaches: [(measure: String, partner: String, idle: String)]) -> String {
    "Merk: dekom fant ingen fordeling innenfor rammene der alle tiltak har timene hos den partneren nettverket valgte først. "
      + breaches.map { "\($0.measure) har timene hos \($0.partner), selv om \($0.idle) kommer før i nettverkets valg og har ledige timer" }
      .joined(separator: "; ") + "."
  }
  let collaborationColumns = ["Kompetansenettverk", "Utviklingspartnere"]

  let ownersHeading = "4. Utbetalinger og egenandel"
  func ownersIntro(year: Int) -> String {
    "Egenandelen er ordningens sats av tilskuddet, rundet opp til hele kroner. Et tiltak for én skoleeier regnes til den skoleeieren. Nettverkets egen fordelingsnøkkel brukes bare der nettverkets avtale sier at den deler tilskuddet eller egenandelen, og bare mellom medlemmer som har sluttet seg til avtalen og som ordningen gjelder; ellers står egenandelen på nettverket samlet."
  }
  let ownerColumns = ["Betaler", "Kompetansenettverk", "Tilskudd (kr)", "Egenandel (kr)"]
  func ownKeyLine(network: String, equal: String, size: String, uses: [OwnKeyUse]) -> String {
    let what = uses.map { $0 == .grant ? "tilskuddet" : "egenandelen" }.joined(separator: " og ")
    return "\(network), nettverkets egen avtale: \(equal) likt, \(size) etter størrelse (ordningens mål); deler \(what)."
  }
  func paymentsIntro(date: String) -> String {
    "Statsforvalteren utbetaler til kompetansenettverkene (til vertskommunen, eller til medlemmene der nettverkets avtale sier det), til fellestiltakenes navngitte mottakere og direkte til UH for timene. Utbetalingen skjer \(date) der dataene ikke gir egne datoer."
  }
  let paymentColumns = ["Mottaker", "Gjelder", "Dato", "Beløp (kr)"]
  let paymentsHeading = "Utbetalinger"
  let egenandelHeading = "Egenandel"
  func networkAsWhole(_ network: String) -> String { "\(network) (nettverket samlet)" }
  let forumBudget = "Samarbeidsforumets egne midler (sekretariatet)"
  func networkPurpose(_ network: String) -> String { "Kompetansenettverk \(network)" }
  func jointPurpose(_ measure: String) -> String { "Fellestiltak: \(measure)" }
  func partnerPurpose(_ role: String) -> String { "Timer som \(role)" }
  func date(_ iso: String) -> String {
    let parts = iso.split(separator: "-")
    guard parts.count == 3 else { return iso }
    return "\(parts[2]).\(parts[1]).\(parts[0])"
  }
  func sizeMeasure(_ measure: SizeMeasure) -> String {
    switch measure {
    case .pupils: "elevtall"
    case .teacherFTE: "lærerårsverk"
    case .kindergartenChildren: "antall barnehagebarn"
    case .kindergartenStaff: "ansatte i barnehagen"
    case .pupilsAndKindergartenChildren: "elevtall og barnehagebarn"
    }
  }

  let criteriaHeading = "5. Kriterier"
  let criteriaIntro =
    "✓ = oppfylt, ✗ = ikke oppfylt, – = gjelder ikke for ordningen. Et tiltak som ikke oppfyller alle kriteriene, får ikke midler."
  func criterion(_ criterion: Criterion) -> String {
    switch criterion {
    case .schoolBased: "skole- eller arbeidsplassbasert"
    case .collective: "kollektiv kompetanseutvikling"
    case .inLocalPlan: "møter lokale behov og står i nettverkets langsiktige plan"
    case .developmentPartner: "UH (eller Statped) er utviklingspartner"
    case .broadTargetGroup: "bred målgruppe: laget rundt eleven"
    case .notIndividualEducation: "ikke individuell videreutdanning"
    }
  }
  func criterionShort(_ criterion: Criterion) -> String {
    switch criterion {
    case .schoolBased: "Skolebasert"
    case .collective: "Kollektiv"
    case .inLocalPlan: "Lokal plan"
    case .developmentPartner: "UH-partner"
    case .broadTargetGroup: "Bred målgruppe"
    case .notIndividualEducation: "Ikke individuell"
    }
  }
  let measureColumn = "Tiltak"

  var methodTitle: String { "Om beregningen" }
  func appendixHeading(letter: String, title: String) -> String { "Vedlegg \(letter). \(title)" }
  func policyLines(_ policy: Policy, keyEqual: String, keyPupils: String, sizes: String, stability: Bool, plan: Bool) -> [String] {
    let weighting: String
    switch policy.weighting {
    case .strictTiers: weighting = "strenge prioritetsnivåer: alle listers 1. prioritet før noens 2. prioritet, og så videre"
    case .decay(let factor): weighting = "avtagende vekt: prioritet r veier \(factor) opphøyd i (r − 1)"
    }
    let value = policy.value == .count ? "hvert tiltak teller likt" : "hvert tiltak teller med sin kostnad"
    return [
      "Minstenivå per nettverk: \(Int((policy.fairnessFloor * 100).rounded())) % av nettverkets andel av hver ramme (eller alt nettverket søker om, om det er mindre). Fordelingsnøkkel: \(keyEqual) likt mellom nettverkene ordningen gjelder, \(keyPupils) etter størrelse (\(sizes)).",
      "Prioritering: \(weighting); \(value).",
      "Rekkefølge i optimeringen: 1) minst mulig mangel mot minstenivåene, 2) mest mulig prioritetsverdi"
        + (plan ? " (i en langsiktig plan først for det første året, så minst mulig ut over prognosene, så for senere år)" : "")
        + (stability ? ", 3) nærmest referansen (fjorårets fordeling, eller grunnscenarioet for en variant), 4)" : ", 3)")
        + " fast regel ved likhet (ordning, liste, prioritet, id; deretter nettverkets foretrukne partner).",
    ]
  }
  func solveLine(status: String, solver: String) -> String { "Løsning: \(status) (\(solver))." }
  func stageLine(name: String, status: String, value: String) -> String { "\(name): \(status), verdi \(value)" }
  func modelSizeLine(_ size: ModelSize) -> String {
    "Modellen har \(size.variables) variabler (\(size.integerVariables) heltall), \(size.constraints) restriksjoner og \(size.stages) trinn."
  }

  func parametersLine(timeLimit: String, stageTolerance: String, mipGap: String) -> String {
    "Innstillinger: tidsgrense \(timeLimit) s, toleranse mellom trinnene \(stageTolerance), MIP-gap \(mipGap)."
  }
  let inputFilesLine = "Inndata (SHA-256), slik at beregningen kan gjentas og etterprøves:"
  func gapLine(_ gap: String) -> String { "bevist avstand til beste mulige: \(gap)" }

  func compareTitle(year: Int, county: String) -> String { "Sammenligning av scenarioer \(year) – \(county)" }
  let compareIntro =
    "Hver variant er løst for seg og sammenlignet med grunnscenarioet. Blant de like gode fordelingene velges den som ligger nærmest grunnscenarioet, så en variant endrer bare det den må. Tabellene viser bare tiltak og skoleeiere som endres."
  let compareOverviewHeading = "Oversikt"
  let compareOverviewColumns = [
    "Scenario", "Hva", "Tildelt (kr)", "Innvilget", "Delvis", "Ikke innvilget", "Ikke kvalifisert", "Endrede tiltak",
  ]
  let baseName = "Grunnscenario"
  func variantHeading(name: String, title: String) -> String { "Variant \(name): \(title)" }
  func basedOn(_ name: String) -> String { "Bygger på varianten \(name)." }
  let compareSchemeColumns = [
    "Ordning", "Ramme (kr)", "Ramme i varianten (kr)", "Tildelt (kr)", "Tildelt i varianten (kr)", "Endring (kr)",
  ]
  let measureChangesHeading = "Tiltak som endres"
  let measureChangeColumns = ["Tiltak", "Liste", "Status", "Status i varianten", "Midler (kr)", "Midler i varianten (kr)", "Endring (kr)"]
  let networkTotalsHeading = "Midler per nettverk og ordning"
  func networkTotalsIntro(comparedWithBase: Bool) -> String {
    "Tilskudd og midler til utviklingspartnere for hver listes tiltak, per ordning."
      + (comparedWithBase ? " Endringen er fra grunnscenarioet." : "")
  }
  let listColumn = "Liste"
  func moneyColumn(scheme: String) -> String { "\(scheme) (kr)" }
  let sumColumn = "Sum (kr)"
  let changeColumn = "Endring (kr)"
  let holderTotalsHeading = "Midler per nettverk"
  let holderTotalsColumns = ["Liste", "Midler (kr)", "Midler i varianten (kr)", "Endring (kr)"]
  let ownerChangesHeading = "Skoleeiere som får endret tilskudd"
  let ownerChangeColumns = ["Skoleeier", "Tilskudd (kr)", "Tilskudd i varianten (kr)", "Endring (kr)"]
  let noChanges = "Ingen endringer."
  func variantFailed(_ why: String) -> String { "Varianten kunne ikke løses: \(why)" }

  let chartLabels = ChartLabels(
    moneyPerScheme: "Midler per ordning: tildelt mot ramme", moneyPerNetwork: "Midler per kompetansenettverk mot andel etter nøkkelen",
    partnerHours: "Utviklingspartnernes timer: brukt mot kapasitet", frame: "Ramme", allocated: "Tildelt",
    keyShare: "Andel av rammene etter nøkkelen", received: "Tildelt nettverkets tiltak", capacity: "Kapasitet", used: "Brukt",
    allocatedPerScenario: "Tildelt per scenario mot rammene")
  let currencySuffix = "kr"

  func status(_ status: FundingStatus, share: String) -> String {
    switch status {
    case .funded: "innvilget"
    case .partlyFunded: "delvis innvilget (\(share))"
    case .notFunded: "ikke innvilget"
    case .ineligible: "ikke kvalifisert"
    }
  }
  func terminationStatus(_ status: String) -> String {
    switch status {
    case "optimal": "optimal"
    case "feasible": "gyldig, men ikke bevist optimal"
    case "infeasible": "ingen gyldig fordeling"
    case "unbounded": "ubegrenset"
    case "time_limit_without_solution": "tidsgrensen nådd uten løsning"
    default: status
    }
  }
  func role(_ role: PartnerRole) -> String { role == .pool ? "pool" : "partner 2" }
  func hoursOfCapacity(used: String, capacity: String) -> String { "\(used) / \(capacity) t" }
  func roleHours(_ role: PartnerRole, hours: String) -> String { "\(hours) t \(self.role(role))" }
  func months(_ months: Int, start: String?) -> String {
    "\(months) mnd" + (start.map { " fra \($0)" } ?? "")
  }
  func reason(_ reason: Reason, names: NameBook) -> String {
    switch reason {
    case .failsCriteria(let criteria):
      "Oppfyller ikke: " + criteria.map { criterion($0) }.joined(separator: "; ") + "."
    case .continuingCommitment: "Videreføring av forpliktelse fra tidligere år."
    case .lockedByForum(.full): "Låst av forumet: finansieres fullt."
    case .lockedByForum(.atLeast(let share)): "Låst av forumet: finansieres med minst \(names.percent(share))."
    case .lockedByForum(.none): "Låst av forumet: finansieres ikke."
    case .fundedByPriority: "Innenfor rammen etter prioriteringen."
    case .frameSpent(let scheme, let left, let needed, .whole):
      "Rammen for \(names.scheme(scheme)) er brukt opp (igjen \(names.kroner(left)) kr; hele tiltaket trenger \(names.kroner(needed)) kr)."
    case .frameSpent(let scheme, let left, let needed, .rest):
      "Rammen for \(names.scheme(scheme)) er brukt opp (igjen \(names.kroner(left)) kr; resten av tiltaket trenger \(names.kroner(needed)) kr)."
    case .frameSpent(let scheme, let left, let needed, .smallestShare(let share)):
      "Rammen for \(names.scheme(scheme)) er brukt opp (igjen \(names.kroner(left)) kr; minste andel, \(names.percent(share)), trenger \(names.kroner(needed)) kr)."
    case .smallestShareDoesNotFit(let share, let left, let needed):
      "Minste forsvarlige andel (\(names.percent(share))) koster \(names.kroner(needed)) kr; bare \(names.kroner(left)) kr er igjen."
    case .partnerHoursUsed(let partner, let role, let left, let needed):
      "\(names.partner(partner)) har ikke nok \(self.role(role))-timer (igjen \(names.wholeHours(left, up: false)), trengs \(names.wholeHours(needed, up: true)))."
    case .noPartnerInRole(let role): "Ingen akseptert partner har \(self.role(role))-timer."
    case .higherPriorityNotFullyFunded(let measure):
      "Høyere prioritet på samme liste (\(names.measure(measure))) er ikke fullt innvilget."
    case .fairnessFloorOfOthers(let networks):
      "Minstenivået til \(networks.map { names.network($0) }.joined(separator: ", ")) går foran: uten minstenivåene ville tiltaket fått mer."
    case .betterUseElsewhere: "Midler og timer gir mer etter forumets regler i andre tiltak."
    case .laterYearFrameSpent(let scheme, let year, let left, let needed):
      "Tiltaket går også i \(year), og rammen for \(names.scheme(scheme)) i \(year) er bundet (igjen \(names.kroner(left)) kr, trengs \(names.kroner(needed)) kr)."
    }
  }
  func partnerHoursShort(partner: String, roles: [(role: PartnerRole, left: String, needed: String)]) -> String {
    "\(partner) har ikke nok timer (" + roles.map { "\(role($0.role)): igjen \($0.left), trengs \($0.needed)" }.joined(separator: "; ")
      + ")."
  }
  func bothBind(_ first: String, _ second: String) -> String {
    // The second clause goes on the sentence: its own capital goes, unless it starts with a name.
    let clause = second.hasPrefix("Ingen ") ? second.prefix(1).lowercased() + second.dropFirst() : second
    return (first.hasSuffix(".") ? String(first.dropLast()) : first) + ", og " + clause
  }
  func partnersHoursShort(partners: [String]) -> String {
    "Ingen av de aksepterte partnerne (\(partners.joined(separator: ", "))) har nok timer igjen."
  }
  func stageName(_ name: String) -> String {
    let later = ", later years"
    if name.hasSuffix(later) { return stageName(String(name.dropLast(later.count))) + ", senere år" }
    if name == "conditional on forecasts" { return "Minst mulig betinget av prognosene" }
    if name == "fairness" { return "Minstenivå" }
    if name == "stability" { return "Stabilitet: nærmest referansen (grunnscenarioet for en variant, ellers fjorårets fordeling)" }
    if name.hasPrefix("priority rank ") { return "Prioritet \(name.dropFirst("priority rank ".count))" }
    if name == "priority" { return "Prioritet" }
    if name == "tie-break: canonical order" { return "Likhetsregel: rekkefølge" }
    if name == "tie-break: preferred partner" { return "Likhetsregel: foretrukket partner" }
    return name
  }
}
