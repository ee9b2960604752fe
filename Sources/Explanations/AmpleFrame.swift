import GrantAllocation

/// A measure in the re-solve where its scheme's frame is large enough for every measure of the
/// scheme: the frame can then no longer bind, so no larger frame changes the allocation.
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
  /// A frame for `scheme` that can no longer bind: every measure of the scheme funded in full, its
  /// hours priced at the dearest acceptable partner in each role (NOK). Every allocation the other
  /// limits allow spends less, so with this frame or a larger one the model is the same.
  public func ampleFrame(of scheme: SchemeID) -> Double {
    measures.filter { $0.scheme == scheme }.reduce(0) { total, measure in
      let hours = PartnerRole.allCases.reduce(0.0) { sum, role in
        let dearest = candidatePartners(for: measure, role: role).map { $0.hourlyPrice(role) }.max() ?? 0
        return sum + measure.hours(role) * dearest
      }
      return total + measure.stateCost + hours
    }
  }
}

extension Explainer {
  /// Per scheme with a measure to search: the re-solve with the frame at ``Scenario/ampleFrame(of:)``
  /// (or the base itself when the frame is already that large); `nil` when it gave no proven optimum.
  func ampleFrameResults(_ base: AllocationResult, schemes: [SchemeID]) -> (results: [SchemeID: AllocationResult], resolves: Int) {
    let scenario = base.scenario
    let solves = concurrentMap(schemes.count) { position -> (AllocationResult?, Int) in
      let scheme = schemes[position]
      guard let schemeIndex = scenario.schemes.firstIndex(where: { $0.id == scheme }) else { return (nil, 0) }
      let ample = scenario.ampleFrame(of: scheme)
      guard ample > scenario.schemes[schemeIndex].frame else { return (base, 0) }
      var changed = scenario
      changed.schemes[schemeIndex].frame = ample
      let result = allocator.allocate(changed, timeLimitSeconds: timeLimitSeconds, partnerTieBreak: false)
      return (result.hasAllocation && result.status == .optimal ? result : nil, 1)
    }
    var results: [SchemeID: AllocationResult] = [:]
    for (scheme, solve) in zip(schemes, solves) { results[scheme] = solve.0 }
    return (results, solves.reduce(0) { $0 + $1.1 })
  }
}
