import GrantAllocation

/// What a variant changes compared with the base: totals per scheme, and only the measures and
/// school owners whose outcome moved, by how much.
public struct Comparison: Sendable {
  /// One measure whose share, status or money differs.
  public struct MeasureDifference: Sendable, Equatable {
    public var measure: MeasureID
    public var baseStatus: FundingStatus
    public var variantStatus: FundingStatus
    public var baseShare: Double
    public var variantShare: Double
    /// Grant plus partner money, whole kroner.
    public var baseMoney: Int
    public var variantMoney: Int
    public var change: Int { variantMoney - baseMoney }
  }

  /// One school owner whose grant differs.
  public struct OwnerDifference: Sendable, Equatable {
    public var owner: OwnerID
    public var baseGrant: Int
    public var variantGrant: Int
    public var change: Int { variantGrant - baseGrant }
  }

  /// One scheme's frame and allocation on both sides.
  public struct SchemeTotals: Sendable, Equatable {
    public var scheme: SchemeID
    public var baseFrame: Int
    public var variantFrame: Int
    public var baseAllocated: Int
    public var variantAllocated: Int
  }

  /// The money of one list holder's measures (joint measures, or a network's), grant plus partner
  /// money, on both sides.
  public struct HolderTotals: Sendable, Equatable {
    public var holder: MeasureHolder
    public var baseMoney: Int
    public var variantMoney: Int
    public var change: Int { variantMoney - baseMoney }
  }

  public var schemes: [SchemeTotals]
  /// Every holder with measures: joint measures first, then the networks in `scenario.yaml` order.
  public var holders: [HolderTotals]
  public var measures: [MeasureDifference]
  public var owners: [OwnerDifference]
  /// Count of measures per status, base and variant.
  public var baseCounts: [FundingStatus: Int]
  public var variantCounts: [FundingStatus: Int]

  /// Compares two solved allocations of the same measures (a variant may not add or remove any).
  public init(base: AllocationResult, baseSettlement: Settlement, variant: AllocationResult, variantSettlement: Settlement) {
    let variantFrames = Dictionary(uniqueKeysWithValues: variantSettlement.schemes.map { ($0.scheme, $0) })
    schemes = baseSettlement.schemes.map { money in
      SchemeTotals(
        scheme: money.scheme, baseFrame: money.frame, variantFrame: variantFrames[money.scheme]?.frame ?? 0,
        baseAllocated: money.allocated, variantAllocated: variantFrames[money.scheme]?.allocated ?? 0)
    }
    let variantOutcomes = Dictionary(uniqueKeysWithValues: variant.outcomes.map { ($0.measure, $0) })
    let variantMoney = Dictionary(uniqueKeysWithValues: variantSettlement.measures.map { ($0.measure, $0.total) })
    measures = zip(base.outcomes, baseSettlement.measures).compactMap { outcome, money in
      guard let other = variantOutcomes[outcome.measure] else { return nil }
      let otherMoney = variantMoney[outcome.measure] ?? 0
      guard other.status != outcome.status || abs(other.share - outcome.share) > 1e-6 || otherMoney != money.total else { return nil }
      return MeasureDifference(
        measure: outcome.measure, baseStatus: outcome.status, variantStatus: other.status, baseShare: outcome.share,
        variantShare: other.share, baseMoney: money.total, variantMoney: otherMoney)
    }
    var baseByHolder: [MeasureHolder: Int] = [:]
    var variantByHolder: [MeasureHolder: Int] = [:]
    for (measure, money) in zip(base.scenario.measures, baseSettlement.measures) {
      baseByHolder[measure.holder, default: 0] += money.total
      variantByHolder[measure.holder, default: 0] += variantMoney[measure.id] ?? 0
    }
    let order = [MeasureHolder.joint] + base.scenario.networks.map { MeasureHolder.network($0.id) }
    holders = order.compactMap { holder in
      baseByHolder[holder].map { HolderTotals(holder: holder, baseMoney: $0, variantMoney: variantByHolder[holder] ?? 0) }
    }
    let variantGrants = Dictionary(uniqueKeysWithValues: variantSettlement.owners.map { ($0.owner, $0.grant) })
    owners = baseSettlement.owners.compactMap { payment in
      let other = variantGrants[payment.owner] ?? 0
      return other == payment.grant ? nil : OwnerDifference(owner: payment.owner, baseGrant: payment.grant, variantGrant: other)
    }
    baseCounts = Dictionary(grouping: base.outcomes, by: \.status).mapValues(\.count)
    variantCounts = Dictionary(grouping: variant.outcomes, by: \.status).mapValues(\.count)
  }
}
