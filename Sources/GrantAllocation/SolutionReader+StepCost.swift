extension SolutionReader {
  /// What the next step of measure `index` costs, in NOK: its state cost for the step plus its
  /// partner hours for the step, priced at the partners the network's choice gives it
  /// (docs/model.md, "The network chooses its partner") with the hours the other measures left.
  ///
  /// A single-partner measure already (partly) funded takes the rest from its partner when that
  /// partner has the hours left, else moves as a whole to its first acceptable partner that has
  /// all its hours left; one not yet funded goes to its first acceptable partner that has the
  /// step's hours left in every role. A measure that may split its hours takes them, role by role,
  /// from its partners in its order, each giving what it has left. Hours no acceptable partner has
  /// left are priced at the cheapest acceptable partner (the hours then stop the measure too, and
  /// are named as a reason).
  func stepCost(_ index: MeasureIndex, outcome: MeasureOutcome, step: Double, usage: Usage) -> Double {
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
        return inEveryRole.first { has($0, step) }.map { cost + price($0, step) } ?? cheapest
      }
      // The rest at its partner, else the whole measure moved to the first partner with all its
      // hours left (the money it has now is then freed).
      let current = inEveryRole.first { $0.id == chosen }
      if let current, has(current, step) { return cost + price(current, step) }
      if let moved = inEveryRole.first(where: { $0.id != chosen && has($0, 1) }) {
        return measure.stateCost + price(moved, 1) - outcome.stateMoney
      }
      return current.map { cost + price($0, step) } ?? cheapest
    }
    for role in roles {
      var missing = step * measure.hours(role)
      let inOrder = candidates(role)
      guard let cheapestPartner = inOrder.min(by: { $0.hourlyPrice(role) < $1.hourlyPrice(role) }) else { return cheapest }
      for partner in inOrder where missing > 0 {
        let taken = min(missing, hoursLeft(partner.id, role))
        cost += taken * partner.hourlyPrice(role)
        missing -= taken
      }
      cost += max(0, missing) * cheapestPartner.hourlyPrice(role)
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
