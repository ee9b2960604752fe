import GrantAllocation

extension AllocationVerifier {
  /// The network's choice of partner (docs/model.md): going through the eligible measures in the
  /// forum's order (commitments, then by rank, each in scheme, list and id order), each measure's
  /// hours are at its first acceptable partner with room for all the hours it asks after the funded
  /// measures ahead of it — or, for a measure that allows a split, taken from its partners in its
  /// order, each giving what it has left. Without room for all, the first partner with hours left.
  /// Room within 0,01 hour counts as enough (and 0,01 hour as none): the published hours are
  /// rounded. Recomputed here from the input and the published hours.
  func checkPartnerChoice() -> [Violation] {
    let schemeOrder = Dictionary(scenario.schemes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let listOrder = Dictionary(scenario.networks.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let partnersByID = Dictionary(scenario.partners.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    func key(_ index: Int) -> (Int, Int, Int, Int, String) {
      let measure = scenario.measures[index]
      let list = measure.holder.network.flatMap { listOrder[$0] } ?? -1
      return (measure.continuing ? 0 : 1, measure.rank, schemeOrder[measure.scheme] ?? 0, list, measure.id.rawValue)
    }
    let order = scenario.measures.indices.filter { isEligible(scenario.measures[$0]) }.sorted { key($0) < key($1) }
    var left: [PartnerID: [PartnerRole: Double]] = [:]
    for partner in scenario.partners { left[partner.id] = partner.capacity }
    var found: [Violation] = []
    for index in order {
      let measure = scenario.measures[index]
      let outcome = outcomes[index]
      let scheme = scenario.schemes.first { $0.id == measure.scheme }
      let roles = PartnerRole.allCases.filter { (measure.hours[$0] ?? 0) > 0 }
      func able(_ role: PartnerRole) -> [PartnerID] {
        measure.acceptablePartners.filter { id in
          guard let partner = partnersByID[id], scheme?.partnerKinds.contains(partner.kind) == true else { return false }
          return (partner.capacity[role] ?? 0) > 0
        }
      }
      func room(_ id: PartnerID, _ role: PartnerRole) -> Double { max(0, left[id]?[role] ?? 0) }
      let given = Dictionary(grouping: outcome.partners.filter { $0.hours > Self.hoursRounding }, by: \.role)
      if outcome.share > Self.tolerance, !roles.isEmpty {
        if measure.singlePartner {
          let candidates = measure.acceptablePartners.filter { id in roles.allSatisfy { able($0).contains(id) } }
          let expected =
            candidates.first { id in roles.allSatisfy { room(id, $0) >= (measure.hours[$0] ?? 0) - 0.01 } }
            ?? candidates.first { id in roles.allSatisfy { room(id, $0) > 0.01 } } ?? candidates.first
          let used = Set(outcome.partners.filter { $0.hours > Self.hoursRounding }.map(\.partner))
          if let expected, used != [expected] {
            let first = candidates.first.map { "\($0)" } ?? "-"
            found.append(
              Violation(
                .partnerChoice,
                "\(measure.id) has its hours at \(used.map(\.rawValue).sorted().joined(separator: ", ")); the rule gives \(expected) (first choice \(first))"
              ))
          }
        } else {
          for role in roles {
            var wanted = measure.hours[role] ?? 0
            var parts: [(PartnerID, Double)] = []
            for id in able(role) where wanted > 1e-9 {
              let hours = min(room(id, role), wanted)
              if hours > 0.01 { parts.append((id, hours)); wanted -= hours }
            }
            let total = parts.reduce(0) { $0 + $1.1 }
            guard total > 1e-9 else { continue }
            for (id, hours) in parts {
              let expected = hours / total * (measure.hours[role] ?? 0) * outcome.share
              let actual = (given[role] ?? []).filter { $0.partner == id }.reduce(0) { $0 + $1.hours }
              if abs(actual - expected) > Self.tolerance * max(1, expected) + Self.hoursRounding * 2 {
                found.append(
                  Violation(.partnerChoice, "\(measure.id) has \(actual) \(role.rawValue) hours at \(id); the rule gives \(expected)"))
              }
            }
          }
        }
      }
      guard outcome.share > Self.tolerance else { continue }
      for line in outcome.partners { left[line.partner, default: [:]][line.role, default: 0] -= line.hours }
    }
    return found
  }
}
