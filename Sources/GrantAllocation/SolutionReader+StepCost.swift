extension SolutionReader {
  /// What the next step of measure `index` costs, in NOK: its state cost for the step plus its
  /// partner hours for the step, priced at partners that have those hours left.
  ///
  /// A single-partner measure already (partly) funded takes the rest from its partner, or moves as
  /// a whole to another acceptable partner that has all its hours left, whichever costs less; one
  /// not yet funded is priced at the cheapest acceptable partner that has the step's hours left in
  /// every role. A measure that may split its hours takes them, role by role,
  /// from the cheapest partners' hours left. Hours no acceptable partner has left are priced at the
  /// cheapest acceptable partner (the hours then stop the measure too, and are named as a reason).
  func stepCost(_ index: Int, outcome: MeasureOutcome, step: Double, usage: Usage) -> Double {
    let measure = scenario.measures[index]
    let roles = PartnerRole.allCases.filter { measure.hours($0) > 0 }
    let hoursLeft = usage.hoursLeft(_:_:)
    func candidates(_ role: PartnerRole) -> [Partner] {
      scenario.candidatePartners(for: measure, role: role)
    }
    let cheapest = step * (formulation.fullCosts[index] ?? measure.stateCost)
    guard !roles.isEmpty else { return cheapest }
    var cost = step * measure.stateCost
    if measure.singlePartner {
      let inEveryRole = partnersInEveryRole(of: measure, roles: roles)
      func price(_ partner: Partner, _ fraction: Double) -> Double {
        roles.reduce(0) { $0 + fraction * measure.hours($1) * partner.hourlyPrice($1) }
      }
      func has(_ partner: Partner, _ fraction: Double) -> Bool {
        roles.allSatisfy { hoursLeft(partner.id, $0) + 1e-6 >= fraction * measure.hours($0) }
      }
      guard outcome.share > 0, let chosen = outcome.partners.first?.partner else {
        let able = inEveryRole.filter { has($0, step) }
        return able.map { cost + price($0, step) }.min() ?? cheapest
      }
      // The rest at its partner, or the whole measure moved to a partner with all its hours left
      // (the money it has now is then freed).
      let current = inEveryRole.first { $0.id == chosen }
      var options = current.flatMap { has($0, step) ? [cost + price($0, step)] : nil } ?? []
      for partner in inEveryRole where partner.id != chosen && has(partner, 1) {
        options.append(measure.stateCost + price(partner, 1) - outcome.stateMoney)
      }
      if let best = options.min() { return best }
      return current.map { cost + price($0, step) } ?? cheapest
    }
    for role in roles {
      var missing = step * measure.hours(role)
      let byPrice = candidates(role).enumerated().sorted {
        ($0.element.hourlyPrice(role), $0.offset) < ($1.element.hourlyPrice(role), $1.offset)
      }.map(\.element)
      guard let first = byPrice.first else { return cheapest }
      for partner in byPrice where missing > 0 {
        let taken = min(missing, hoursLeft(partner.id, role))
        cost += taken * partner.hourlyPrice(role)
        missing -= taken
      }
      cost += max(0, missing) * first.hourlyPrice(role)
    }
    return cost
  }

  /// The candidate partners of `measure` that serve every one of `roles` (one institution for all
  /// its hours), in the order of its first role's candidates.
  func partnersInEveryRole(of measure: Measure, roles: [PartnerRole]) -> [Partner] {
    guard let first = roles.first else { return [] }
    return roles.dropFirst().reduce(scenario.candidatePartners(for: measure, role: first)) { kept, role in
      let ids = Set(scenario.candidatePartners(for: measure, role: role).map(\.id))
      return kept.filter { ids.contains($0.id) }
    }
  }
}
