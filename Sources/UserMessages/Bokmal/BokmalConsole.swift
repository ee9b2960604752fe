import Foundation

/// The command line's lines in bokmål.
enum BokmalConsole {
  private static func number(_ value: Int) -> String { Language.nb.number(Double(value)) }

  /// A solver status as a word: `optimal`, `gyldig, ikke bevist optimal` …
  static func status(_ status: String) -> String {
    switch status {
    case "optimal": "optimal"
    case "feasible": "gyldig, ikke bevist optimal"
    case "infeasible": "ingen gyldig fordeling"
    case "unbounded": "ubegrenset"
    case "time_limit_without_solution": "ingen fordeling innen tidsgrensen"
    case "invalid_model": "ugyldig modell"
    default: status
    }
  }

  static func text(_ line: ConsoleText) -> String {
    switch line {
    case .errorsHeader(let directory, let count): "\(directory): \(number(count)) feil; ingenting ble skrevet."
    case .moreErrors(let more): "… og \(number(more)) feil til: rett disse først, og sjekk på nytt."
    case .columnLabel(let column): "kolonne '\(column)'"
    case .keyLabel(let key): "nøkkel '\(key)'"
    case .fixLead: " Slik retter du det: "
    case .warningLead: "advarsel:"
    case .valid(let directory, let schemes, let networks, let owners, let partners, let measures, let variants):
      "\(directory): gyldig – \(number(schemes)) \(schemes == 1 ? "ordning" : "ordninger"), \(number(networks)) nettverk, "
        + "\(number(owners)) \(owners == 1 ? "skoleeier" : "skoleeiere"), \(number(partners)) \(partners == 1 ? "partner" : "partnere"), "
        + "\(number(measures)) tiltak\(variants > 0 ? ", \(number(variants)) \(variants == 1 ? "variant" : "varianter")" : "")."
    case .planSummary(let first, let last, let lasting):
      "En plan for \(first)–\(last): \(number(lasting)) tiltak varer mer enn ett år."
    case .solved(let county, let year, let status, let solver): "\(county) \(year) er løst: \(self.status(status)) (\(solver))."
    case .solvedPlan(let county, let first, let last, let status, let solver):
      "Planen for \(county) \(first)–\(last) er løst som én modell: \(self.status(status)) (\(solver))."
    case .planYear(let year): "År \(year), innstillingen:"
    case .measureCounts(let funded, let partly, let notFunded, let ineligible):
      "Tiltak: \(number(funded)) innvilget, \(number(partly)) delvis innvilget, \(number(notFunded)) ikke innvilget, \(number(ineligible)) ikke kvalifisert."
    case .notProven: "Ikke bevist optimal innenfor arbeids- og tidsgrensene:"
    case .stageNotProven(let name, let status, let gap, let stop):
      "  trinn \(name): \(self.status(status)), "
        + (gap.map { "bevist gap " + String(format: "%.4g", $0 * 100).replacingOccurrences(of: ".", with: ",") + " %" } ?? "ingen grense")
        + (stop == .workLimit
          ? ", stoppet av arbeidsgrensen" : stop == .timeLimit ? ", stoppet av tidsgrensen (avhenger av hvor rask maskinen er)" : "")
    case .laterStagesSkipped(let skipped):
      "  \(number(skipped)) senere trinn ble ikke nådd; fordelingen er det siste løste trinnets."
    case .draftIn(let folder): "Utkastet til innstilling ligger i \(folder)/innstilling.md"
    case .lettersIn(let recipients, let folder): "Vedtaksbrevene, ett per mottaker (\(number(recipients))), ligger i \(folder)/"
    case .planIn(let folder): "Den langsiktige planen ligger i \(folder)/langsiktig-plan.md"
    case .explaining(let done, let total):
      "Forklarer: \(number(done)) av \(number(total)) tiltak som ikke er innvilget fullt ut, er undersøkt"
    case .compared(let variants, let failed):
      "Sammenlignet grunnscenarioet med \(number(variants)) \(variants == 1 ? "variant" : "varianter")"
        + "\(failed > 0 ? " (\(number(failed)) uten fordeling)" : "")."
    case .comparisonIn(let folder): "Sammenligningen ligger i \(folder)/compare.md"
    case .cannotWrite(let message): "dekom: \(message) Ingenting ble skrevet."
    case .verificationFailed: "dekom: intern feil: fordelingen besto ikke dekoms uavhengige kontroll; ingenting ble skrevet."
    case .reportWithScenario: "Meld gjerne fra om dette, og legg ved scenariomappen."
    case .renderingFailed(let message): "dekom: intern feil da rapportene ble laget: \(message)"
    case .unbounded: "dekom: modellen er ubegrenset, noe gyldige data ikke kan føre til; ingenting ble skrevet. Meld gjerne fra om dette."
    case .noAllocationInTime: "dekom: ingen fordeling ble funnet innen tidsgrensen; ingenting ble skrevet. Prøv en lengre --time-limit."
    case .invalidModel: "dekom: intern feil, modellen ble avvist før løsningen; ingenting ble skrevet:"
    case .solverFailed(let status): "dekom: løseren feilet (\(self.status(status))); ingenting ble skrevet."
    case .serving(let scenarios, let directory, let port):
      "Viser \(number(scenarios)) \(scenarios == 1 ? "scenario" : "scenarioer") fra \(directory) på http://127.0.0.1:\(port)/ (Ctrl-C stopper)."
    case .serveNotAFolder(let directory):
      "dekom serve: \(directory) er ikke en mappe. Oppgi mappen til et scenario, eller en mappe med scenariomapper."
    case .portInUse(let port):
      "dekom serve: port \(port) brukes av et annet program. Velg en annen med --port N, eller --port 0 for en hvilken som helst ledig port."
    case .cannotServe(let port, let detail): "dekom serve: kan ikke vise sidene på 127.0.0.1:\(port): \(detail)"
    case .variantNoAllocationInTime: "ingen fordeling ble funnet innen tidsgrensen."
    case .variantSolverEnded(let status): "løseren endte med «\(self.status(status))»."
    case .variantInternalError(let message): "intern feil: \(message)"
    }
  }
}
