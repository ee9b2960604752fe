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
      Network(id: NetworkID(id), name: id.uppercased(), ownKey: CostSharingKey(equal: 1.0 / 3, pupils: 2.0 / 3), ownKeyUses: [.egenandel]))
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

extension ScenarioBuilder {
  /// Locks measure `id` as the forum would in the meeting.
  @discardableResult
  public func lock(_ id: String, _ lock: MeasureLock?) -> ScenarioBuilder {
    guard let index = scenario.measureIndex(MeasureID(id)) else { return self }
    scenario.measures[index.rawValue].lock = lock
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

extension ScenarioBuilder {
  /// Makes the scenario a plan from 2027 to `2026 + frames.count`: `frames[0]` is the first year's
  /// frame of scheme `s`, the others its later frames (forecasts). The tests of the plan's model
  /// read them as binding unless they ask for `forecasts: .conditional` (the scenario files' default).
  @discardableResult
  public func plan(frames: [Double], carryOverShare: Double = 0, forecasts: ForecastRule = .binding) -> ScenarioBuilder {
    scenario.schemes[0].frame = frames[0]
    let years = Array(2027..<(2027 + frames.count))
    var later: [Int: PlannedFrame] = [:]
    for (year, frame) in zip(years, frames).dropFirst() { later[year] = PlannedFrame(amount: frame, forecast: true) }
    scenario.horizon = Horizon(years: years, laterFrames: [SchemeID("s"): later], carryOverShare: carryOverShare)
    scenario.horizon?.forecasts = forecasts
    return self
  }

  /// The last measure added runs more years: `laterCosts` (with the same hours as its first year),
  /// from `firstYear` (default the plan's first).
  @discardableResult
  public func lasting(_ laterCosts: [Double], firstYear: Int? = nil, mayStop: Bool = false, singlePartner: Bool = true) -> ScenarioBuilder {
    let index = scenario.measures.count - 1
    let hours = scenario.measures[index].hours
    scenario.measures[index].laterYears = laterCosts.map { YearAmounts(stateCost: $0, hours: hours) }
    scenario.measures[index].firstYear = firstYear
    scenario.measures[index].mayStop = mayStop
    scenario.measures[index].singlePartner = singlePartner
    return self
  }

  /// Sets partner `id`'s partner-2 hours in a later year.
  @discardableResult
  public func hours(_ id: String, _ hours: Double, in year: Int) -> ScenarioBuilder {
    scenario.horizon?.laterCapacity[PartnerID(id), default: [:]][year] = [.partner2: hours]
    return self
  }
}

extension ScenarioBuilder {
  /// A two-year plan whose second-year forecast (200) cannot pay what the first year starts: a1
  /// (network a, rank 1) costs 300 in 2027 and 2028, b1 (network b, rank 1) 150 in 2027, n1
  /// (network b, rank 2) 100 from 2028; frames 500 and 200, read by `rule`.
  public static func forecastCutPlan(_ rule: ForecastRule) -> ScenarioBuilder {
    let builder = ScenarioBuilder(frame: 0).network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 300).lasting([300])
    builder.measure("b1", network: "b", rank: 1, cost: 150)
    builder.measure("n1", network: "b", rank: 2, cost: 100).lasting([], firstYear: 2028)
    return builder.plan(frames: [500, 200], forecasts: rule)
  }

  /// A two-year plan for the network's choice of partner: m1 runs 2027–2028 with 50 partner-2 hours
  /// a year and prefers p (1 000 NOK/h, 100 hours in 2027, `pHoursIn2028` in 2028) to the cheaper q
  /// (500 NOK/h, 100 hours); m2 (network b) costs 60 000 in 2027; frames 85 000 and 100 000.
  public static func firstPartnerPlan(pHoursIn2028: Double) -> ScenarioBuilder {
    let builder = ScenarioBuilder(frame: 0).network("a").network("b")
    builder.partner("p", hours: 100, price: 1000).partner("q", hours: 100, price: 500)
    builder.measure("m1", network: "a", rank: 1, cost: 0, hours: 50, partners: ["p", "q"]).lasting([0])
    builder.measure("m2", network: "b", rank: 1, cost: 60_000)
    return builder.plan(frames: [85_000, 100_000]).hours("p", pHoursIn2028, in: 2028)
  }
}
