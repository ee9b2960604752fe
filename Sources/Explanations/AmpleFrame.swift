import GrantAllocation

/// A measure in the re-solve where its scheme's frame is ample (``Scenario/ampleFrame(of:)``): no
/// larger frame changes the allocation.
public struct AmpleFrame: Sendable, Equatable {
  /// The frame increase (NOK) that makes the frame that large (``Scenario/ampleFrame(of:)``).
  public var increase: Double
  /// What the measure gets there.
  public var status: FundingStatus
  public var share: Double
  /// Why it gets no more there, read from that solve.
  public var reasons: [Reason]
}

extension Scenario {
  /// A frame for `scheme` beyond which a larger one changes nothing (NOK). The frame enters the
  /// model twice: as the scheme's spending limit, which cannot bind once every measure of the
  /// scheme fits with its hours priced at the dearest acceptable partner in each role; and in each
  /// network's fairness floor, `min(floor × key share × frame, what the network asks)`, which stops
  /// growing once the first term reaches the second. The larger of the two frames is ample.
  public func ampleFrame(of schemeID: SchemeID) -> Double {
    guard let scheme = scheme(schemeID) else { return 0 }
    let own = measures.filter { $0.scheme == schemeID }
    let spending = own.reduce(0) { total, measure in
      let hours = PartnerRole.allCases.reduce(0.0) { sum, role in
        let dearest = candidatePartners(for: measure, role: role).map { $0.hourlyPrice(role) }.max() ?? 0
        return sum + measure.hours(role) * dearest
      }
      return total + measure.stateCost + hours
    }
    let alpha = policy.fairnessFloor
    guard alpha > 0 else { return spending }
    let keyShares = networkKeyShares(scheme: scheme)
    let requests = floorRequests(scheme: scheme)
    let floors = networks.reduce(0.0) { largest, network in
      guard let share = keyShares[network.id], share > 0, let request = requests[network.id], request > 0 else { return largest }
      return max(largest, request / (alpha * share))
    }
    return max(spending, floors)
  }
}

extension Explainer {
  /// Per scheme with a measure to search: the re-solve with the frame at ``Scenario/ampleFrame(of:)``
  /// (or the base itself when the frame is already that large); `nil` when it gave no proven optimum.
  func ampleFrameResults(_ base: AllocationResult, schemes: [SchemeID]) -> (results: [SchemeID: AllocationResult], resolves: Int) {
    let scenario = base.scenario
    let solves = concurrentMap(schemes.count) { position -> (AllocationResult?, Int) in
      let scheme = schemes[position]
      guard let schemeIndex = scenario.schemeIndex(scheme) else { return (nil, 0) }
      let ample = scenario.ampleFrame(of: scheme)
      guard ample > scenario.schemes[schemeIndex].frame else { return (base.status == .optimal ? base : nil, 0) }
      var changed = scenario
      changed.schemes[schemeIndex].frame = ample
      // No known start here: this re-solve's reasons (which partner lacks hours) are shown, and a
      // start could change which of equally good points the search ends at.
      let result = allocator.allocate(changed, timeLimitSeconds: timeLimitSeconds, partnersFrom: base)
      let answers = result.hasAllocation && result.status == .optimal && result.partnerRule?.settled != false
      return (answers ? result : nil, 1)
    }
    var results: [SchemeID: AllocationResult] = [:]
    for (scheme, solve) in zip(schemes, solves) { results[scheme] = solve.0 }
    return (results, solves.reduce(0) { $0 + $1.1 })
  }
}
