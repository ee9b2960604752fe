import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

/// Each reason dekom gives must be the constraint that binds: lifting the limit it names changes
/// the outcome.
@Suite("Reasons name what binds")
struct ReasonTests {
  let allocator = Allocator(solver: GLPKSolver())

  func outcome(_ builder: ScenarioBuilder, _ id: String) -> MeasureOutcome? {
    allocator.allocate(builder.scenario).outcome(MeasureID(id))
  }

  @Test("frame spent: a larger frame funds the measure")
  func frame() {
    func build(_ frame: Double) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: frame)
      builder.network("a").network("b")
      builder.measure("a1", network: "a", rank: 1, cost: 300).measure("b1", network: "b", rank: 1, cost: 300)
      return builder
    }
    let before = outcome(build(500), "b1")
    guard case .frameSpent(_, let left, let needed, _)? = before?.reasons.first else {
      Issue.record("expected frameSpent, got \(String(describing: before?.reasons))")
      return
    }
    #expect(outcome(build(500 + needed - left), "b1")?.status == .funded)
  }

  @Test(
    "frame spent: what is needed is priced at the partner that can deliver the hours, and exactly that much more funds it",
    arguments: [true, false])
  func frameNeededAtDeliverablePartner(singlePartner: Bool) throws {
    // a1 takes all of the cheap partner's hours; b1 is half funded at the dear one (100 hours at 200
    // NOK), so the rest costs 0.5 × (1 000 + 100 × 200) = 10 500 NOK, not 0.5 × 11 000 at the cheap price.
    func build(_ frame: Double) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: frame)
      builder.network("a").network("b").partner("cheap", hours: 100, price: 100).partner("dear", hours: 1000, price: 200)
      builder.measure("a1", network: "a", rank: 1, cost: 1000, hours: 100, partners: ["cheap"])
      builder.measure("b1", network: "b", rank: 1, cost: 1000, hours: 100, partners: ["cheap", "dear"], minimumShare: 0.1)
      builder.scenario.measures[1].singlePartner = singlePartner
      return builder
    }
    let frame = 11_000.0 + 10_500
    let before = try #require(outcome(build(frame), "b1"))
    #expect(before.status == .partlyFunded && abs(before.share - 0.5) < 1e-6)
    guard case .frameSpent(_, let left, let needed, let step)? = before.reasons.first else {
      Issue.record("expected frameSpent, got \(before.reasons)")
      return
    }
    #expect(step == .rest && abs(needed - 10_500) < 1e-3 && left < 1)
    #expect(outcome(build(frame + needed - left + 0.5), "b1")?.status == .funded)
    #expect(outcome(build(frame + needed - left - 1), "b1")?.status == .partlyFunded)
  }

  @Test("partner hours used: more hours for the named partner fund the measure")
  func partnerHours() {
    func build(_ hours: Double) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: 1_000_000)
      builder.network("a").network("b").partner("ntnu", hours: hours, price: 100)
      builder.measure("a1", network: "a", rank: 1, cost: 1000, hours: 100, partners: ["ntnu"])
      builder.measure("b1", network: "b", rank: 1, cost: 1000, hours: 100, partners: ["ntnu"])
      return builder
    }
    let before = outcome(build(150), "b1")
    guard case .partnerHoursUsed(let partner, _, let left, let needed)? = before?.reasons.first else {
      Issue.record("expected partnerHoursUsed, got \(String(describing: before?.reasons))")
      return
    }
    #expect(partner == PartnerID("ntnu"))
    #expect(outcome(build(150 + needed - left), "b1")?.status == .funded)
  }

  @Test("higher priority not fully funded: funding the one above lets this one in")
  func higherPriority() {
    func build(costAbove: Double) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: 250)
      builder.network("a")
      builder.measure("a1", network: "a", rank: 1, cost: costAbove).measure("a2", network: "a", rank: 2, cost: 100)
      return builder
    }
    #expect(outcome(build(costAbove: 300), "a2")?.reasons.contains(.higherPriorityNotFullyFunded(MeasureID("a1"))) == true)
    #expect(outcome(build(costAbove: 150), "a2")?.status == .funded)
  }

  @Test("smallest share does not fit: a smaller smallest share lets the measure in")
  func smallestShare() {
    func build(share: Double) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: 600)
      builder.network("a").network("b")
      builder.measure("a1", network: "a", rank: 1, cost: 500)
      builder.measure("b1", network: "b", rank: 2, cost: 500, minimumShare: share)
      builder.measure("b0", network: "b", rank: 1, cost: 0)
      return builder
    }
    let before = outcome(build(share: 0.5), "b1")
    #expect(before?.reasons.contains { if case .smallestShareDoesNotFit = $0 { true } else { false } } == true)
    #expect(outcome(build(share: 0.2), "b1")?.status == .partlyFunded)
  }

  @Test("a failed criterion: meeting it makes the measure eligible and funded")
  func criterion() {
    func build(eligible: Bool) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: 1000)
      builder.network("a")
      builder.measure("a1", network: "a", rank: 1, cost: 100, eligible: eligible)
      return builder
    }
    #expect(outcome(build(eligible: false), "a1")?.reasons == [.failsCriteria([.schoolBased])])
    #expect(outcome(build(eligible: true), "a1")?.status == .funded)
  }

  @Test("no partner in a role: a partner with those hours lets the measure in")
  func noPartner() {
    func build(poolHours: Double) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: 1_000_000)
      builder.network("a").partner("p", hours: 100, price: 1, poolHours: poolHours)
      builder.scenario.measures.append(
        Measure(
          id: MeasureID("a1"), holder: .network(NetworkID("a")), scheme: SchemeID("s"), rank: 1, title: "A1", stateCost: 10,
          hours: [.pool: 10, .partner2: 10], acceptablePartners: [PartnerID("p")],
          criteria: CriteriaFlags(schoolBased: true, collective: true, inLocalPlan: true, broadTargetGroup: nil, individualEducation: false)
        ))
      return builder
    }
    #expect(outcome(build(poolHours: 0), "a1")?.reasons == [.noPartnerInRole(.pool)])
    #expect(outcome(build(poolHours: 10), "a1")?.status == .funded)
  }
}

@Suite("Hours reasons for one partner institution")
struct SinglePartnerHoursReasonTests {
  @Test("a single-partner measure whose roles are left at different partners is stopped by hours, and each partner's figure is what it would need")
  func rolesAtDifferentPartners() throws {
    // a1 uses all of q's pool hours and b1 all of p's partner-2 hours; c1 needs 10 pool and 10
    // partner-2 hours from one institution: p has pool hours left but no partner-2 hours, q the
    // other way round. Money is ample, so the hours are what stops it.
    let builder = ScenarioBuilder(frame: 1_000_000)
    builder.network("a").network("b").network("c")
    builder.partner("p", hours: 20, price: 10, poolHours: 50).partner("q", hours: 50, price: 10, poolHours: 20)
    builder.measure("a1", network: "a", rank: 1, cost: 100, hours: 0, partners: ["q"])
    builder.measure("b1", network: "b", rank: 1, cost: 100, hours: 20, partners: ["p"])
    builder.measure("c1", network: "c", rank: 1, cost: 100, hours: 10, partners: ["p", "q"])
    builder.scenario.measures[0].hours[.pool] = 20
    builder.scenario.measures[2].hours[.pool] = 10
    let result = Allocator(solver: GLPKSolver()).allocate(builder.scenario)
    let c1 = try #require(result.outcome(MeasureID("c1")))
    #expect(c1.status == .notFunded)
    let hours = c1.reasons.compactMap { reason -> String? in
      guard case .partnerHoursUsed(let partner, let role, let left, let needed) = reason else { return nil }
      return "\(partner) \(role.rawValue) \(Int(left)) \(Int(needed))"
    }
    #expect(hours == ["q pool 0 10", "p partner2 0 10"])
  }
}
