import Explanations
import GrantAllocation

extension BokmalMessages: ExplanationMessages {
  var whatItTakesHeading: String { "Hva som skal til" }
  var whatItTakesIntro: String {
    "For hvert tiltak som ikke er fullt innvilget: den minste økningen av rammen eller av en partners timer, eller flyttingen opp på egen liste, som gjør at tiltaket blir fullt innvilget. Hvert svar er funnet ved å løse hele fordelingen på nytt med bare den ene endringen; beløpene er avrundet opp til søkets presisjon (5 % av tiltakets kostnad, minst 10 000 kr). Timer er søkt bare når timene alene stopper tiltaket."
  }
  var whatItTakesColumns: [String] { ["Tiltak", "Nettverk", "Vedtak", "Økt ramme", "Flere timer", "Flytte opp på listen"] }
  func finding(_ finding: Finding, amount: (Double) -> String) -> String {
    switch finding {
    case .funds(let increase, _): "+\(amount(increase))"
    case .notEnough(let tried): "nei, heller ikke +\(amount(tried)) (mer endrer ingenting)"
    case .notSearched: "ikke søkt"
    }
  }
  func hoursFinding(partner: String, role: PartnerRole, finding: String) -> String {
    "\(partner), \(self.role(role)): \(finding)"
  }
  func rankFinding(_ finding: WhatItTakes.RankFinding?) -> String {
    switch finding {
    case nil: "står først"
    case .funds(let rank)?: "til plass \(rank)"
    case .notEnough?: "nei, heller ikke først"
    case .notSearched?: "ikke søkt"
    }
  }
  var hoursSuffix: String { "t" }
  var hoursNotSearched: String { "–" }
  func resolvesLine(_ count: Int) -> String { "Svarene over kommer fra \(count) nye løsninger av hele fordelingen." }
  func moreMoneyFundsLess(measure: String, funds: String, ample: String, status: String, reasons: String) -> String {
    "Mer penger kan gi mindre: \(measure) blir fullt innvilget med \(funds) mer i rammen, men med \(ample) mer, der mer ikke endrer noe, blir det \(status). \(reasons)"
  }

  var waitingListHeading: String { "Venteliste per ordning" }
  var waitingListIntro: String {
    "Rekkefølgen mer penger i rammen ville innvilget tiltakene i. Beløpet er økningen som alene gjør tiltaket fullt innvilget (fra tabellen over); det første tiltaket er det neste kronene går til."
  }
  var waitingListColumns: [String] { ["Nr.", "Tiltak", "Nettverk", "Økt ramme"] }
  func notByMoneyAlone(_ measures: [String]) -> String {
    "Blir ikke fullt innvilget uansett hvor stor rammen blir: " + measures.joined(separator: "; ") + "."
  }
  func frameNotSearched(_ measures: [String]) -> String {
    "Ikke søkt ferdig (søket gikk tom for omløsninger eller tid), så her sies ingenting om hva mer penger gir: "
      + measures.joined(separator: "; ") + "."
  }
  var emptyWaitingList: String { "Alle kvalifiserte tiltak er fullt innvilget." }
  var searchesSkipped: String {
    "Ikke søkt: fordelingen er ikke bevist optimal (løsningen stoppet ved arbeids- eller tidsgrensen), så en ny løsning med én endring kan ikke sammenlignes med den. En lengre tidsgrense (`--time-limit`) gir disse svarene."
  }

  var shadowPricesHeading: String { "Skyggepriser" }
  func shadowPricesIntro(integersFixed: Bool) -> String {
    let base =
      "Hva én krone mer i en ramme, eller én time mer hos en partner, er verdt ved fordelingen som er funnet, i den første prioriteten der grensen har en pris; lest fra GLPKs sensitivitetsanalyse (glp_get_row_dual, glp_analyze_bound). Prisen gjelder mens grensen ligger mellom «fra» og «til»."
    guard integersFixed else { return base }
    return base
      + " Modellen har ja/nei-valg (hele tiltak, minste andel, én partner): de er holdt faste der de ble valgt, og resten er løst på nytt som et lineært program. En pris på 0 betyr da at mer av grensen ikke gir noe uten å endre et ja/nei-valg; hva et større steg gir, står i ventelisten."
  }
  var shadowPriceColumns: [String] { ["Grense", "Nå", "Brukt", "Skyggepris", "Gjelder fra", "Gjelder til", "Prioritet"] }
  func frameLimit(_ scheme: String) -> String { "Ramme: \(scheme)" }
  func capacityLimit(partner: String, role: PartnerRole) -> String { "\(partner), \(self.role(role))-timer" }
  func framePrice(_ value: String, unit: PriorityValue) -> String {
    unit == .count ? "\(value) tiltak per 100 000 kr" : "\(value) kr per kr"
  }
  func hoursPrice(_ value: String, unit: PriorityValue) -> String {
    unit == .count ? "\(value) tiltak per 100 timer" : "\(value) kr per time"
  }
  var noLimit: String { "ingen grense" }
  var noPrice: String { "0" }
  func shadowPricesFailed(_ status: String) -> String { "Skyggeprisene kunne ikke regnes ut (\(status))." }
}
