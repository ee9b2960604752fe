import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

/// The model on instances small enough to check by hand.
@Suite("Allocation model, by hand")
struct FormulationTests {
  func solve(_ builder: ScenarioBuilder) -> AllocationResult {
    Allocator(solver: GLPKSolver()).allocate(builder.scenario)
  }

  func share(_ result: AllocationResult, _ id: String) -> Double { result.outcome(MeasureID(id))?.share ?? -1 }

  @Test("frame: the cheapest combination that fits is funded, and spending stays within the frame")
  func frame() {
    let builder = ScenarioBuilder(frame: 500)
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 300).measure("b1", network: "b", rank: 1, cost: 300)
    let result = solve(builder)
    #expect(result.status == .optimal)
    // Both are first priorities, all or nothing, and only one fits: the tie-break funds a1 (canonical order).
    #expect(share(result, "a1") == 1)
    #expect(share(result, "b1") == 0)
    #expect(result.outcome(MeasureID("b1"))?.reasons == [.frameSpent(scheme: SchemeID("s"), left: 200, needed: 300, for: .whole)])
    #expect(result.outcomes.reduce(0) { $0 + $1.stateMoney } <= 500)
  }

  @Test("priority order: a lower rank is never funded above a higher one on the same list")
  func priorityOrder() {
    let builder = ScenarioBuilder(frame: 250)
    builder.network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 300).measure("a2", network: "a", rank: 2, cost: 100)
    let result = solve(builder)
    // a2 would fit, but a1 (higher) cannot be funded, so a2 may not be either.
    #expect(share(result, "a1") == 0)
    #expect(share(result, "a2") == 0)
    #expect(result.outcome(MeasureID("a2"))?.reasons.contains(.higherPriorityNotFullyFunded(MeasureID("a1"))) == true)
  }

  @Test("an ineligible measure does not block the measures below it")
  func ineligibleDoesNotBlock() {
    let builder = ScenarioBuilder(frame: 1000)
    builder.network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 300, eligible: false).measure("a2", network: "a", rank: 2, cost: 100)
    let result = solve(builder)
    #expect(result.outcome(MeasureID("a1"))?.status == .ineligible)
    #expect(result.outcome(MeasureID("a1"))?.reasons == [.failsCriteria([.schoolBased])])
    #expect(share(result, "a2") == 1)
  }

  @Test("smallest viable share: a partly fundable measure gets exactly what is left, if that reaches its share")
  func smallestShare() {
    let builder = ScenarioBuilder(frame: 700)
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 400)
    builder.measure("b1", network: "b", rank: 1, cost: 500, minimumShare: 0.5)
    let result = solve(builder)
    // Strict tiers, count value: funding a1 fully (1) and b1 at 300/500 = 0.6 gives 1.6, the most.
    #expect(share(result, "a1") == 1)
    #expect(abs(share(result, "b1") - 0.6) < 1e-6)
    #expect(result.outcome(MeasureID("b1"))?.status == .partlyFunded)

    let tight = ScenarioBuilder(frame: 600)
    tight.network("a").network("b")
    tight.measure("a1", network: "a", rank: 1, cost: 400)
    tight.measure("b1", network: "b", rank: 1, cost: 500, minimumShare: 0.5)
    let tightResult = solve(tight)
    // 200 left is below b1's smallest share (250): b1 gets 0 … unless a1 gives way. a1 = 1 and b1 = 0
    // is worth 1; a1 = 0 and b1 = 1 is worth 1 too; a1 = 0.5 is not allowed (all or nothing).
    #expect(share(tightResult, "a1") + share(tightResult, "b1") == 1)
  }

  @Test("partner capacity: hours are never over-used, and the binding partner is named")
  func capacity() {
    let builder = ScenarioBuilder(frame: 1_000_000)
    builder.network("a").network("b").partner("ntnu", hours: 150, price: 100)
    builder.measure("a1", network: "a", rank: 1, cost: 1000, hours: 100, partners: ["ntnu"])
    builder.measure("b1", network: "b", rank: 1, cost: 1000, hours: 100, partners: ["ntnu"])
    let result = solve(builder)
    let used = result.outcomes.flatMap(\.partners).reduce(0) { $0 + $1.hours }
    #expect(used <= 150 + 1e-6)
    #expect(share(result, "a1") == 1 && share(result, "b1") == 0)
    #expect(
      result.outcome(MeasureID("b1"))?.reasons == [
        .partnerHoursUsed(partner: PartnerID("ntnu"), role: .partner2, left: 50, needed: 100)
      ])
    // Partner money is paid out of the frame: 100 h × 100 NOK.
    #expect(abs((result.outcome(MeasureID("a1"))?.stateMoney ?? 0) - 11_000) < 1e-6)
  }

  @Test("one partner institution: all of a measure's hours go to one of its partners")
  func singlePartner() {
    let builder = ScenarioBuilder(frame: 1_000_000)
    builder.network("a").partner("p", hours: 60).partner("q", hours: 60)
    builder.measure("a1", network: "a", rank: 1, cost: 0, hours: 100, partners: ["p", "q"])
    let result = solve(builder)
    // 60 + 60 would cover 100 hours, but one partner alone cannot.
    #expect(share(result, "a1") == 0)
  }

  @Test("continuing commitments are funded in full, even low on a list and before new first priorities")
  func commitments() {
    let builder = ScenarioBuilder(frame: 500)
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 300)
    builder.measure("b3", network: "b", rank: 3, cost: 400, continuing: true)
    let result = solve(builder)
    #expect(share(result, "b3") == 1)
    #expect(share(result, "a1") == 0)
    #expect(result.outcome(MeasureID("b3"))?.reasons == [.continuingCommitment])
  }

  @Test("commitments larger than the frame are an infeasible result with the conflict named")
  func commitmentsExceedFrame() {
    let builder = ScenarioBuilder(frame: 500)
    builder.network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 300, continuing: true)
    builder.measure("a2", network: "a", rank: 2, cost: 300, continuing: true)
    let result = solve(builder)
    #expect(result.status == .infeasible)
    #expect(!result.hasAllocation)
    #expect(
      result.conflicts.map(\.inputs) == [
        [
          .frame(scheme: SchemeID("s"), nok: 500), .commitment(measure: MeasureID("a1"), cost: 300, hours: [:]),
          .commitment(measure: MeasureID("a2"), cost: 300, hours: [:]),
        ]
      ])
  }

  @Test("fairness floor: a network reaches its floor before a bigger joint measure")
  func fairnessFloor() {
    // Key by pupils: a has 900 pupils (90 %), b 100 (10 %). Floor α = 0.5 → b's floor is
    // 0.5 × 0.1 × 1000 = 50; a asks nothing, so it has no floor.
    func build(floor: Double) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: 1000, fairnessFloor: floor, value: .cost)
      builder.network("a", pupils: 900).network("b", pupils: 100)
      builder.measure("j1", network: nil, rank: 1, cost: 950).measure("b1", network: "b", rank: 1, cost: 200)
      return builder
    }
    // Without the floor, cost-weighted first priorities: j1 (950) beats b1 (200); only one fits.
    let without = solve(build(floor: 0))
    #expect(share(without, "j1") == 1 && share(without, "b1") == 0)
    // With it, b must reach 50, so b1 (all or nothing, 200) is funded and j1 cannot be.
    let with = solve(build(floor: 0.5))
    #expect(share(with, "b1") == 1 && share(with, "j1") == 0)
    #expect(with.fairness.map(\.network) == [NetworkID("b")])
    #expect(abs((with.fairness.first?.floor ?? 0) - 50) < 1e-9)
    #expect(with.fairness.first?.shortfall == 0)
  }

  @Test("strict tiers: every first priority before anyone's second")
  func strictTiers() {
    let builder = ScenarioBuilder(frame: 300)
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 100).measure("a2", network: "a", rank: 2, cost: 50)
    builder.measure("a3", network: "a", rank: 3, cost: 50)
    builder.measure("b1", network: "b", rank: 1, cost: 200)
    let result = solve(builder)
    // a1 + b1 = 300 uses the whole frame; a2 and a3 (cheaper, so more measures) must wait.
    #expect(share(result, "a1") == 1 && share(result, "b1") == 1)
    #expect(share(result, "a2") == 0 && share(result, "a3") == 0)
  }

  @Test("decay weighting can prefer two second priorities over one first priority")
  func decayWeighting() {
    let builder = ScenarioBuilder(frame: 200, weighting: .decay(factor: 0.9))
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 100).measure("a2", network: "a", rank: 2, cost: 100)
    builder.measure("b1", network: "b", rank: 1, cost: 200)
    let result = solve(builder)
    // a1 + a2 = 1 + 0.9 beats b1 = 1.
    #expect(share(result, "a1") == 1 && share(result, "a2") == 1 && share(result, "b1") == 0)
  }

  @Test("the same scenario gives the same allocation every time")
  func deterministic() {
    let builder = ScenarioBuilder(frame: 1000, fairnessFloor: 0.3)
    builder.network("a", pupils: 300).network("b", pupils: 200).partner("p", hours: 200).partner("q", hours: 100)
    for network in ["a", "b"] {
      for rank in 1...4 {
        builder.measure("\(network)\(rank)", network: network, rank: rank, cost: 100, hours: 40, partners: ["p", "q"], minimumShare: 0.5)
      }
    }
    let first = solve(builder).outcomes
    for _ in 0..<3 { #expect(solve(builder).outcomes == first) }
  }
}
