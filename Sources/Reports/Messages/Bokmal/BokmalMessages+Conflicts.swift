import GrantAllocation

extension BokmalMessages: ConflictMessages {
  var noAllocationHeading: String { "dekom: scenarioet har ingen gyldig fordeling; ingenting er skrevet. Dette er i konflikt:" }

  func conflictingInput(_ input: ConflictingInput, showing details: ConflictDetails, names: NameBook) -> String {
    switch input {
    case .frame(let scheme, let nok):
      return "rammen for \(names.scheme(scheme)) (\(names.kroner(nok)) kr)"
    case .capacity(let partner, let role, let hours):
      return "\(self.role(role))-timene til \(names.partner(partner)) (\(names.hours(hours)) timer)"
    case .commitment(let measure, let cost, let hours):
      var parts = [measure.rawValue]
      if details.showsCost { parts.append("\(names.kroner(cost)) kr") }
      for role in details.roles { parts.append("\(names.hours(hours[role] ?? 0)) \(self.role(role))-timer") }
      return "videreføringen «\(names.measureTitle(measure))» (\(parts.joined(separator: ", ")))"
    case .lock(let measure, let share, let cost, let hours):
      var parts = [measure.rawValue]
      if details.showsCost { parts.append("\(names.kroner(cost)) kr") }
      for role in details.roles { parts.append("\(names.hours(hours[role] ?? 0)) \(self.role(role))-timer") }
      let amount = share >= 1 ? "fullt" : "med minst \(names.percent(share))"
      return "låsen om å finansiere «\(names.measureTitle(measure))» \(amount) (\(parts.joined(separator: ", ")))"
    case .singlePartner(let measure):
      return "regelen om at «\(names.measureTitle(measure))» (\(measure)) skal ha én utviklingspartner"
    case .noPartnerHours(let measure, let role, let hours):
      return
        "\(names.hours(hours)) \(self.role(role))-timer til «\(names.measureTitle(measure))» (\(measure)), som ingen partner tiltaket kan bruke, har"
    }
  }

  func conflictingInputs(_ items: [String]) -> String {
    "Disse kravene kan ikke oppfylles samtidig: \(items.joined(separator: "; "))."
  }

  func remedy(_ remedy: RemedyPhrase, names: NameBook) -> String {
    func quoted(_ measure: MeasureID) -> String { "«\(names.measureTitle(measure))» (\(measure))" }
    switch remedy {
    case .single(.raiseFrame(let scheme, let amount)):
      return "øk rammen for \(names.scheme(scheme)) med minst \(names.kroner(amount)) kr"
    case .single(.addHours(let partner, let role, let amount)):
      return "gi \(names.partner(partner)) minst \(names.hours(amount)) flere \(self.role(role))-timer"
    case .single(.endCommitment(let measure)):
      return "avslutt videreføringen \(quoted(measure))"
    case .single(.liftLock(let measure)):
      return "fjern låsen på \(quoted(measure))"
    case .single(.allowSeveralPartners(let measure)):
      return "la \(quoted(measure)) dele timene på flere partnere"
    case .single(.givePartnerHours(let measure, let role, let hours)):
      return "gi \(quoted(measure)) \(names.hours(hours)) \(self.role(role))-timer fra en partner tiltaket kan bruke"
    case .endAnyCommitment:
      return "avslutt en av videreføringene"
    case .endOneOf(let measures):
      return "avslutt videreføringen " + measures.map(quoted).joined(separator: " eller ")
    }
  }

  func remedies(_ items: [String]) -> String {
    let alternatives = items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + ", eller " + items[items.count - 1]
    return alternatives.capitalisedFirst + "."
  }

  var noSingleRemedy: String { "Ingen av dem kan endres alene slik at alt går opp; flere må endres." }
  var searchCutShort: String { "(dekom nådde grensen for søket, så listen er kanskje ikke den korteste.)" }
  var unexplainedConflict: String {
    "Dataene gir ingen gyldig fordeling, men ingen ramme, kapasitet, videreføring, lås eller partnerregel forklarer det. Det er trolig en feil i dekom; meld fra med scenariomappen."
  }
}
