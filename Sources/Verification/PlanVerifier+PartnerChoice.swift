import GrantAllocation

extension PlanVerifier {
  /// The network's choice of partner over the plan's years (docs/plan.md): as
  /// ``AllocationVerifier``'s check, each year with that year's hours (and any hours beyond those
  /// planned), except that a measure with one institution keeps it every year, so a partner before
  /// its own counts as idle for it only with room, in every role, in every year it is funded.
  /// Only where the plan says its partners settled under the rule.
  func checkPartnerChoice() -> [Violation] {
    guard plan.expandedResult.partnerRule?.settled == true else { return [] }
    let scenario = plan.scenario
    let years = scenario.planYears
    var capacity: [Int: [PartnerID: [PartnerRole: Double]]] = [:]
    var idle: [Int: [PartnerID: [PartnerRole: Double]]] = [:]
    var outcomes: [Int: [MeasureID: MeasureOutcome]] = [:]
    for (position, year) in years.enumerated() {
      for partner in scenario.partners {
        capacity[year, default: [:]][partner.id] = scenario.capacity(partner, in: year)
        let extra = plan.beyondPlannedHours[partner.id]?[year] ?? [:]
        idle[year, default: [:]][partner.id] = scenario.capacity(partner, in: year).merging(extra, uniquingKeysWith: +)
      }
      for outcome in plan.years[position].outcomes {
        outcomes[year, default: [:]][outcome.measure] = outcome
        for line in outcome.partners { idle[year, default: [:]][line.partner, default: [:]][line.role, default: 0] -= line.hours }
      }
    }
    func idleHours(_ partner: PartnerID, _ role: PartnerRole, _ year: Int) -> Double { idle[year]?[partner]?[role] ?? 0 }
    var found: [Violation] = []
    for measure in scenario.measures {
      let funded = scenario.years(of: measure).filter { (outcomes[$0]?[measure.id]?.share ?? 0) > Self.tolerance }
      guard !funded.isEmpty, let scheme = scenario.scheme(measure.scheme) else { continue }
      /// The measure's acceptable partners the scheme accepts with hours in `role` in `year`, in its order.
      func able(_ role: PartnerRole, _ year: Int) -> [PartnerID] {
        measure.acceptablePartners.filter { id in
          guard let partner = scenario.partner(id), scheme.partnerKinds.contains(partner.kind) else { return false }
          return (capacity[year]?[id]?[role] ?? 0) > 0
        }
      }
      // The hours the measure gets, per funded year, role and partner (read once).
      var givenByYear: [Int: [PartnerRole: [PartnerID: Double]]] = [:]
      for year in funded {
        for line in outcomes[year]?[measure.id]?.partners ?? [] where line.hours > 0.01 {
          givenByYear[year, default: [:]][line.role, default: [:]][line.partner, default: 0] += line.hours
        }
      }
      func given(_ year: Int) -> [PartnerRole: [PartnerID: Double]] { givenByYear[year] ?? [:] }
      if measure.singlePartner {
        // Able in a year: serves every role the measure asks hours in that year.
        let candidates = measure.acceptablePartners.filter { id in
          funded.allSatisfy { year in
            PartnerRole.allCases.allSatisfy { role in
              (scenario.amounts(of: measure, in: year)?.hours(role) ?? 0) <= 0 || able(role, year).contains(id)
            }
          }
        }
        let used = Set(funded.flatMap { given($0).values.flatMap(\.keys) })
        guard let last = candidates.lastIndex(where: { used.contains($0) }) else { continue }
        let earlier = candidates[..<last].first { candidate in
          !used.contains(candidate)
            && funded.allSatisfy { year in
              given(year).allSatisfy { role, hours in idleHours(candidate, role, year) >= hours.values.reduce(0, +) - 0.01 }
            }
        }
        if let earlier {
          found.append(
            Violation(
              .partnerChoice,
              "\(measure.id) has its hours at \(used.map(\.rawValue).sorted().joined(separator: ", ")) while \(earlier), before it in the network's order, has them idle in every year it runs"
            ))
        }
      } else {
        for year in funded {
          for (role, hours) in given(year).sorted(by: { $0.key < $1.key }) {
            let order = able(role, year)
            guard let last = order.lastIndex(where: { hours[$0] != nil }),
              let earlier = order[..<last].first(where: { idleHours($0, role, year) > 0.01 })
            else { continue }
            found.append(
              Violation(
                .partnerChoice,
                "\(measure.id) has \(role.rawValue) hours at \(order[last]) in \(year) while \(earlier), before it in the network's order, has some idle"
              ))
          }
        }
      }
    }
    return found
  }
}
