import Foundation
import GrantAllocation

/// Builds small scenarios in code for tests: one scheme `s` unless more are added, networks with
/// one owner each, partners of kind `uh`.
public final class ScenarioBuilder {
  public var scenario: Scenario

  public init(frame: Double, fairnessFloor: Double = 0, weighting: PriorityWeighting = .strictTiers, value: PriorityValue = .count) {
    scenario = Scenario(
      year: 2027, county: "Test",
      schemes: [Scheme(id: SchemeID("s"), name: "S", frame: frame, egenandelRate: 0.3, partnerKinds: [.uh])],
      // A development partner without hours, so that measures asking no hours meet the UH criterion.
      partners: [Partner(id: PartnerID("uh"), name: "UH", kind: .uh, insideRegion: true, capacity: [:], price: [:])],
      networks: [], owners: [], measures: [],
      policy: Policy(
        fairnessFloor: fairnessFloor, fairnessKey: CostSharingKey(equal: 0, pupils: 1), weighting: weighting, value: value))
  }

  /// Adds a network with one owner of `pupils` pupils.
  @discardableResult
  public func network(_ id: String, pupils: Int = 100) -> ScenarioBuilder {
    scenario.networks.append(
      Network(id: NetworkID(id), name: id.uppercased(), costSharing: CostSharingKey(equal: 1.0 / 3, pupils: 2.0 / 3)))
    scenario.owners.append(
      SchoolOwner(id: OwnerID("\(id)-owner"), name: "\(id) kommune", network: NetworkID(id), kind: .kommune, pupils: pupils))
    return self
  }

  /// Adds a UH partner with partner-2 capacity `hours` at `price` NOK/h (and no pool hours).
  @discardableResult
  public func partner(_ id: String, hours: Double, price: Double = 1000, poolHours: Double = 0) -> ScenarioBuilder {
    scenario.partners.append(
      Partner(
        id: PartnerID(id), name: id.uppercased(), kind: .uh, insideRegion: true,
        capacity: [.pool: poolHours, .partner2: hours], price: [.pool: price, .partner2: price]))
    return self
  }

  /// Adds an eligible measure.
  @discardableResult
  public func measure(
    _ id: String, network: String?, rank: Int, cost: Double, hours: Double = 0, partners: [String] = ["uh"],
    minimumShare: Double = 1, continuing: Bool = false, eligible: Bool = true, scheme: String = "s"
  ) -> ScenarioBuilder {
    scenario.measures.append(
      Measure(
        id: MeasureID(id), holder: network.map { .network(NetworkID($0)) } ?? .joint, scheme: SchemeID(scheme), rank: rank,
        title: "Measure \(id)", stateCost: cost, hours: [.partner2: hours], acceptablePartners: partners.map(PartnerID.init),
        minimumShare: minimumShare, continuing: continuing,
        criteria: CriteriaFlags(
          schoolBased: eligible, collective: true, inLocalPlan: true, broadTargetGroup: nil, individualEducation: false)))
    return self
  }
}

/// A deterministic random source (SplitMix64), so random tests are the same on every run.
public struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
