import GrantAllocation

extension AllocationVerifier {
  /// The network's choice of partner (docs/model.md): no funded measure has hours at a partner
  /// while an acceptable partner before it in the measure's order (one that the scheme accepts and
  /// that has hours in the role) has idle hours, after the whole allocation, for what the measure
  /// gets there — for a single-partner measure, in every role it gets hours in, for all of them;
  /// for a measure that allows a split, any idle hours in the role. 0,01 hour of room counts as
  /// none (the published hours are rounded). Recomputed here from the input and the published
  /// hours.
  func checkPartnerChoice() -> [Violation] {
    let partnersByID = Dictionary(scenario.partners.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var idle: [PartnerID: [PartnerRole: Double]] = [:]
    for partner in scenario.partners { idle[partner.id] = partner.capacity }
    for outcome in outcomes {
      for line in outcome.partners { idle[line.partner, default: [:]][line.role, default: 0] -= line.hours }
    }
    var found: [Violation] = []
    for (measure, outcome) in zip(scenario.measures, outcomes) where outcome.share > Self.tolerance {
      let scheme = scenario.scheme(measure.scheme)
      func able(_ role: PartnerRole) -> [PartnerID] {
        measure.acceptablePartners.filter { id in
          guard let partner = partnersByID[id], scheme?.partnerKinds.contains(partner.kind) == true else { return false }
          return (partner.capacity[role] ?? 0) > 0
        }
      }
      let lines = outcome.partners.filter { $0.hours > 0.01 }
      var given: [PartnerRole: [PartnerID: Double]] = [:]
      for line in lines { given[line.role, default: [:]][line.partner, default: 0] += line.hours }
      if measure.singlePartner {
        let roles = PartnerRole.allCases.filter { (measure.hours[$0] ?? 0) > 0 }
        let candidates = measure.acceptablePartners.filter { id in roles.allSatisfy { able($0).contains(id) } }
        let used = Set(lines.map(\.partner))
        guard let last = candidates.lastIndex(where: { used.contains($0) }) else { continue }
        for earlier in candidates[..<last] where !used.contains(earlier) {
          let fits = given.allSatisfy { role, hours in
            (idle[earlier]?[role] ?? 0) >= hours.values.reduce(0, +) - 0.01
          }
          if fits {
            found.append(
              Violation(
                .partnerChoice,
                "\(measure.id) has its hours at \(used.map(\.rawValue).sorted().joined(separator: ", ")) while \(earlier), before it in the network's order, has them idle"
              ))
            break
          }
        }
      } else {
        for (role, hours) in given.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
          let order = able(role)
          guard let last = order.lastIndex(where: { hours[$0] != nil }) else { continue }
          if let earlier = order[..<last].first(where: { (idle[$0]?[role] ?? 0) > 0.01 }) {
            found.append(
              Violation(
                .partnerChoice,
                "\(measure.id) has \(role.rawValue) hours at \(order[last]) while \(earlier), before it in the network's order, has \(idle[earlier]?[role] ?? 0) idle"
              ))
          }
        }
      }
    }
    return found
  }
}
