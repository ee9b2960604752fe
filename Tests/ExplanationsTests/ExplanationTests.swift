import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

@testable import Explanations

/// Explanations on instances small enough to check by hand: every answer is checked again by
/// solving the changed scenario directly.
@Suite("Explanations")
struct ExplanationTests {
  let allocator = Allocator(solver: GLPKSolver())
  var explainer: Explainer { Explainer(allocator: allocator, analyser: GLPKSolver(), timeLimitSeconds: 30) }

  func explain(_ builder: ScenarioBuilder) -> (result: AllocationResult, explanation: Explanation) {
    explainer.explain(allocator.solve(builder.scenario))
  }

  func status(_ builder: ScenarioBuilder, _ id: String, change: (inout Scenario) -> Void = { _ in }) -> FundingStatus? {
    var scenario = builder.scenario
    change(&scenario)
    return allocator.allocate(scenario).outcome(MeasureID(id))?.status
  }

  func finding(_ explanation: Explanation, _ id: String) -> WhatItTakes? {
    explanation.whatItTakes.first { $0.measure == MeasureID(id) }
  }

  @Test("shadow price of a frame: one krone funds 1/150 000 of a divisible measure, from 15 000 to 150 000 NOK")
  func frameShadowPrice() throws {
    // One measure of 150 000 NOK that may be funded from 10 %: with 100 000 NOK it gets 2/3.
    // With the yes/no choice fixed (funded), each krone adds 1/150 000 of a measure; the price holds
    // from the smallest share (15 000 NOK) to full funding (150 000 NOK).
    let builder = ScenarioBuilder(frame: 100_000).network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 150_000, minimumShare: 0.1)
    let prices = explain(builder).explanation.shadowPrices
    #expect(prices.status == .optimal && prices.integersFixed && prices.value == .count)
    let frame = try #require(prices.prices.first { $0.limit == .frame(SchemeID("s")) })
    #expect(frame.binding && frame.stage == "priority rank 1")
    #expect(abs(frame.perUnit - 1.0 / 150_000) < 1e-12)
    #expect(abs((frame.validFrom ?? 0) - 15_000) < 1e-6 && abs((frame.validTo ?? 0) - 150_000) < 1e-6)
    #expect(abs(frame.used - 100_000) < 1e-6)
  }

  @Test("a frame with money left has no price, from what is used upwards")
  func slackFrame() throws {
    let builder = ScenarioBuilder(frame: 100_000).network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 40_000)
    let frame = try #require(explain(builder).explanation.shadowPrices.prices.first)
    #expect(!frame.binding && frame.perUnit == 0 && frame.stage == nil)
    #expect(abs((frame.validFrom ?? 0) - 40_000) < 1e-6 && frame.validTo == nil)
  }

  @Test("the increase search claims only the precision it reached")
  func increaseSearchPrecision() {
    // Funds from 35 on; steps of 10: the first guess 20 does not, 40 does, 30 does not → +40 ± 10.
    let search = IncreaseSearch(start: 20, cap: 1000, precision: 10)
    #expect(search.run { $0 >= 35 } == .funds(increase: 40, precision: 10))
    // The re-solve at 30 answers nothing: 20 does not, 40 does, nothing in between is known.
    #expect(search.run { $0 == 30 ? nil : $0 >= 35 } == .funds(increase: 40, precision: 20))
    // The first guess funds it and the step below answers nothing: only 20 is known to fund it.
    #expect(IncreaseSearch(start: 20, cap: 1000, precision: 10).run { $0 == 10 ? nil : $0 >= 5 } == .funds(increase: 20, precision: 20))
    #expect(IncreaseSearch(start: 20, cap: 1000, precision: 10).run { $0 >= 15 } == .funds(increase: 20, precision: 10))
  }

  @Test("an allocation not proven optimal gets no searches: a re-solve could not be compared with it")
  func notProvenOptimal() throws {
    let builder = ScenarioBuilder(frame: 100_000).network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 60_000).measure("a2", network: "a", rank: 2, cost: 50_000)
    var solved = allocator.solve(builder.scenario)
    #expect(explainer.explain(solved).explanation.whatItTakes.count == 1)
    // As if the solve had stopped at the time limit with this point.
    solved.result.status = .feasible
    let explanation = explainer.explain(solved).explanation
    #expect(explanation.searchesSkipped)
    #expect(explanation.whatItTakes.isEmpty && explanation.waitingLists.isEmpty && explanation.resolves == 0)
  }

  @Test("what it takes, frame: the increase funds the measure and one step less does not")
  func frameIncrease() throws {
    // 100 000 NOK; a1 (60 000) first, a2 (50 000) second: a2 lacks 10 000 NOK.
    let builder = ScenarioBuilder(frame: 100_000).network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 60_000).measure("a2", network: "a", rank: 2, cost: 50_000)
    let found = try #require(finding(explain(builder).explanation, "a2"))
    guard case .funds(let increase, let precision) = found.frame else {
      Issue.record("expected a frame increase, got \(found.frame)")
      return
    }
    #expect(increase == 10_000 && precision == 10_000)
    #expect(status(builder, "a2") { $0.schemes[0].frame += increase } == .funded)
    #expect(status(builder, "a2") { $0.schemes[0].frame += increase - 1_000 } == .notFunded)
    #expect(found.hours.isEmpty)
    #expect(found.rank == .funds(rank: 1))
  }

  @Test("what it takes, hours: more of the named partner's hours fund the measure, fewer do not")
  func hoursIncrease() throws {
    // Money is plenty; the only partner has 50 hours and the measure asks 80.
    let builder = ScenarioBuilder(frame: 10_000_000).network("a").partner("p", hours: 50, price: 100)
    builder.measure("a1", network: "a", rank: 1, cost: 100_000, hours: 80, partners: ["p"])
    let found = try #require(finding(explain(builder).explanation, "a1"))
    let hours = try #require(found.hours.first)
    #expect(hours.partner == PartnerID("p") && hours.role == .partner2)
    guard case .funds(let increase, let precision) = hours.finding else {
      Issue.record("expected an hours increase, got \(hours.finding)")
      return
    }
    #expect(increase >= 30 && increase < 30 + precision)
    let partner = 1  // after the builder's hourless "uh"
    #expect(status(builder, "a1") { $0.partners[partner].capacity[.partner2]! += increase } == .funded)
    #expect(status(builder, "a1") { $0.partners[partner].capacity[.partner2]! += 29 } == .notFunded)
    #expect(found.rank == nil)
  }

  @Test("what it takes, rank: moving up past a measure that cannot be funded funds it")
  func rankMove() throws {
    // 55 000 NOK: a1 (60 000, all or nothing) never fits, and it blocks a2 (50 000) below it.
    let builder = ScenarioBuilder(frame: 55_000).network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 60_000).measure("a2", network: "a", rank: 2, cost: 50_000)
    let explanation = explain(builder).explanation
    #expect(finding(explanation, "a2")?.rank == .funds(rank: 1))
    #expect(finding(explanation, "a1")?.rank == nil)
    guard case .funds(let increase, _)? = finding(explanation, "a1")?.frame else {
      Issue.record("expected a frame increase for a1")
      return
    }
    #expect(increase == 10_000)
    #expect(status(builder, "a1") { $0.schemes[0].frame += increase } == .funded)
  }

  @Test("waiting list: the cheapest next step first, measures behind a higher tier after it")
  func waitingList() throws {
    // 100 000 NOK; a1 (60 000) wins the tie at rank 1 over b1 (45 000); a2 (50 000) is second on a's list.
    let builder = ScenarioBuilder(frame: 100_000).network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 60_000).measure("a2", network: "a", rank: 2, cost: 50_000)
    builder.measure("b1", network: "b", rank: 1, cost: 45_000)
    let explanation = explain(builder).explanation
    let list = try #require(explanation.waitingLists.first)
    #expect(list.entries.map(\.measure.rawValue) == ["b1", "a2"])
    // The search ends where the frame can no longer bind (155 000 NOK, +55 000), off its 10 000 grid.
    #expect(list.entries.map(\.frameIncrease) == [10_000, 55_000])
    // b1 at +10 000 NOK; a2 needs b1 funded first (a higher tier): 155 000 NOK in all.
    #expect(status(builder, "a2") { $0.schemes[0].frame += 55_000 } == .funded)
    #expect(status(builder, "a2") { $0.schemes[0].frame += 50_000 } == .notFunded)
    #expect(explanation.resolves > 0)
  }

  @Test("fairness floor of another network: named, and without the floors the measure is funded")
  func fairnessFloorOfOthers() throws {
    // x has all the pupils, so a floor of half the frame; y comes first in canonical order.
    // Without floors y1 wins the tie at rank 1; with them x1 must be funded and y1 no longer fits.
    func build(_ floor: Double) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: 100_000, fairnessFloor: floor).network("y", pupils: 0).network("x", pupils: 900)
      builder.measure("y1", network: "y", rank: 1, cost: 50_000).measure("x1", network: "x", rank: 1, cost: 60_000)
      return builder
    }
    let (result, _) = explain(build(0.5))
    let y1 = try #require(result.outcome(MeasureID("y1")))
    #expect(y1.status == .notFunded)
    #expect(y1.reasons.contains(.fairnessFloorOfOthers([NetworkID("x")])))
    #expect(status(build(0), "y1") == .funded)
    // The measure that the floor favours gets no such reason.
    #expect(result.outcome(MeasureID("x1"))?.reasons.contains { if case .fairnessFloorOfOthers = $0 { true } else { false } } == false)
  }

  @Test("one measure on demand gives the same answer as the whole explanation")
  func oneMeasure() {
    let builder = ScenarioBuilder(frame: 100_000).network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 60_000).measure("a2", network: "a", rank: 2, cost: 50_000)
    builder.measure("b1", network: "b", rank: 1, cost: 45_000)
    let (result, explanation) = explain(builder)
    for id in ["a2", "b1"] { #expect(explainer.whatItTakes(MeasureID(id), in: result) == finding(explanation, id)) }
    #expect(explainer.whatItTakes(MeasureID("a1"), in: result) == nil)  // funded in full
    #expect(explainer.whatItTakes(MeasureID("nope"), in: result) == nil)
    // Re-solves are compared with the base: without a proven optimum there is no search.
    var unproven = result
    unproven.status = .feasible
    #expect(explainer.whatItTakes(MeasureID("a2"), in: unproven) == nil)
  }

  @Test("the explanation is the same when computed twice (re-solves run in parallel)")
  func deterministic() {
    let builder = ScenarioBuilder(frame: 100_000).network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 60_000).measure("a2", network: "a", rank: 2, cost: 50_000)
    builder.measure("b1", network: "b", rank: 1, cost: 45_000).measure("b2", network: "b", rank: 2, cost: 30_000, minimumShare: 0.5)
    #expect(explain(builder).explanation == explain(builder).explanation)
  }
}

@Suite("Waiting lists")
struct WaitingListTests {
  @Test("a measure whose frame search did not end is not listed as proven unfundable by money")
  func notSearchedIsNotNotByMoney() {
    let builder = ScenarioBuilder(frame: 1000)
    builder.network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 800)
    builder.measure("a2", network: "a", rank: 2, cost: 800)
    builder.measure("a3", network: "a", rank: 3, cost: 800)
    let findings = [
      WhatItTakes(measure: MeasureID("a1"), frame: .funds(increase: 600, precision: 10), hours: [], rank: nil),
      WhatItTakes(measure: MeasureID("a2"), frame: .notEnough(triedUpTo: 5000), hours: [], rank: nil),
      WhatItTakes(measure: MeasureID("a3"), frame: .notSearched, hours: [], rank: nil),
    ]
    let lists = WaitingList.build(scenario: builder.scenario, findings: findings)
    #expect(lists.count == 1)
    #expect(lists.first?.entries.map(\.measure) == [MeasureID("a1")])
    #expect(lists.first?.notByMoneyAlone == [MeasureID("a2")])
    #expect(lists.first?.notSearched == [MeasureID("a3")])
  }
}
