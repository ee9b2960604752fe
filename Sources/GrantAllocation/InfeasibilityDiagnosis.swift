/// A set of inputs that cannot all hold, in terms the forum knows.
public enum Conflict: Sendable, Equatable {
  /// Continuing commitments in a scheme cost more than its frame.
  case commitmentsExceedFrame(scheme: SchemeID, committed: Double, frame: Double, measures: [MeasureID])
  /// A continuing commitment asks hours in a role where none of its partners has any.
  case commitmentWithoutPartner(measure: MeasureID, role: PartnerRole)
  /// Continuing commitments that can only use one partner ask more of its hours than it has.
  case commitmentsExceedCapacity(partner: PartnerID, role: PartnerRole, asked: Double, capacity: Double, measures: [MeasureID])
  /// The model is infeasible for a reason these checks do not name.
  case unexplained
}

/// Looks for the usual reasons an allocation model has no solution: commitments (which are fixed
/// at full funding) that do not fit the frames or the partners' hours.
public struct InfeasibilityDiagnosis: Sendable {
  public let scenario: Scenario

  public init(scenario: Scenario) { self.scenario = scenario }

  /// The conflicts found, or `[.unexplained]`.
  public func conflicts() -> [Conflict] {
    var found: [Conflict] = []
    let commitments = scenario.measures.filter { measure in
      measure.continuing && scenario.scheme(measure.scheme).map { measure.failedCriteria(under: $0).isEmpty } == true
    }
    for scheme in scenario.schemes {
      let committed = commitments.filter { $0.scheme == scheme.id }
      let cost = committed.reduce(0) { $0 + (scenario.cheapestFullCost(of: $1) ?? $1.stateCost) }
      if cost > scheme.frame + 0.5 {
        found.append(.commitmentsExceedFrame(scheme: scheme.id, committed: cost, frame: scheme.frame, measures: committed.map(\.id)))
      }
    }
    var singlePartnerDemand: [PartnerID: [PartnerRole: (Double, [MeasureID])]] = [:]
    for measure in commitments {
      for role in PartnerRole.allCases where measure.hours(role) > 0 {
        let candidates = scenario.candidatePartners(for: measure, role: role)
        if candidates.isEmpty { found.append(.commitmentWithoutPartner(measure: measure.id, role: role)) }
        if candidates.count == 1 {
          let previous = singlePartnerDemand[candidates[0].id, default: [:]][role] ?? (0, [])
          singlePartnerDemand[candidates[0].id, default: [:]][role] = (previous.0 + measure.hours(role), previous.1 + [measure.id])
        }
      }
    }
    for partner in scenario.partners {
      for role in PartnerRole.allCases {
        guard let (asked, measures) = singlePartnerDemand[partner.id]?[role], asked > partner.hours(role) + 1e-6 else { continue }
        found.append(
          .commitmentsExceedCapacity(
            partner: partner.id, role: role, asked: asked, capacity: partner.hours(role), measures: measures))
      }
    }
    return found.isEmpty ? [.unexplained] : found
  }
}
