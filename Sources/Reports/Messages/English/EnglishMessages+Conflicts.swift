import GrantAllocation

extension EnglishMessages: ConflictMessages {
  var noAllocationHeading: String { "dekom: the scenario has no valid allocation; nothing was written. What conflicts:" }

  func conflictingInput(_ input: ConflictingInput, showing details: ConflictDetails, names: NameBook) -> String {
    switch input {
    case .frame(let scheme, let nok):
      return "the frame of \(names.scheme(scheme)) (NOK \(names.kroner(nok)))"
    case .capacity(let partner, let role, let hours):
      return "the \(self.role(role)) hours of \(names.partner(partner)) (\(names.hours(hours)) hours)"
    case .commitment(let measure, let cost, let hours):
      var parts = [measure.rawValue]
      if details.showsCost { parts.append("NOK \(names.kroner(cost))") }
      for role in details.roles { parts.append("\(names.hours(hours[role] ?? 0)) \(self.role(role)) hours") }
      return "the commitment “\(names.measureTitle(measure))” (\(parts.joined(separator: ", ")))"
    case .lock(let measure, let share, let cost, let hours):
      var parts = [measure.rawValue]
      if details.showsCost { parts.append("NOK \(names.kroner(cost))") }
      for role in details.roles { parts.append("\(names.hours(hours[role] ?? 0)) \(self.role(role)) hours") }
      let amount = share >= 1 ? "in full" : "at least \(names.percent(share))"
      return "the lock to fund “\(names.measureTitle(measure))” \(amount) (\(parts.joined(separator: ", ")))"
    case .singlePartner(let measure):
      return "the rule that “\(names.measureTitle(measure))” (\(measure)) has one development partner"
    case .noPartnerHours(let measure, let role, let hours):
      return
        "the \(names.hours(hours)) \(self.role(role)) hours of “\(names.measureTitle(measure))” (\(measure)), which no partner it may use has"
    }
  }

  func conflictingInputs(_ items: [String]) -> String {
    "These requirements cannot all be met: \(items.joined(separator: "; "))."
  }

  func remedy(_ remedy: RemedyPhrase, names: NameBook) -> String {
    func quoted(_ measure: MeasureID) -> String { "“\(names.measureTitle(measure))” (\(measure))" }
    switch remedy {
    case .single(.raiseFrame(let scheme, let amount)):
      return "raise the frame of \(names.scheme(scheme)) by at least NOK \(names.kroner(amount))"
    case .single(.addHours(let partner, let role, let amount)):
      return "give \(names.partner(partner)) at least \(names.hours(amount)) more \(self.role(role)) hours"
    case .single(.endCommitment(let measure)):
      return "end the commitment \(quoted(measure))"
    case .single(.liftLock(let measure)):
      return "lift the lock on \(quoted(measure))"
    case .single(.allowSeveralPartners(let measure)):
      return "let \(quoted(measure)) share its hours among several partners"
    case .single(.givePartnerHours(let measure, let role, let hours)):
      return "give \(quoted(measure)) \(names.hours(hours)) \(self.role(role)) hours from a partner it may use"
    case .endAnyCommitment:
      return "end one of the commitments"
    case .endOneOf(let measures):
      return "end the commitment " + measures.map(quoted).joined(separator: " or ")
    }
  }

  func remedies(_ items: [String]) -> String {
    let alternatives = items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + ", or " + items[items.count - 1]
    return alternatives.capitalisedFirst + "."
  }

  var noSingleRemedy: String { "No one of them can be changed alone to make everything fit; several must change." }
  var searchCutShort: String { "(dekom reached its search limit, so the list may not be the shortest.)" }
  var unexplainedConflict: String {
    "The data admit no valid allocation, but no frame, capacity, commitment, lock or partner rule explains it. This is probably a bug in dekom; please report it with the scenario folder."
  }
}
