import GLPKBackend
import GrantAllocation
import TestSupport
import Testing
import Verification

@Suite("The plan's independent check")
struct PlanVerifierTests {
  /// a1 runs two years (300 a year), b1 one year (150); frames 500 and 400: all funded.
  func solved(mayStop: Bool = false) -> PlanResult {
    let builder = ScenarioBuilder(frame: 0).network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 300).lasting([300], mayStop: mayStop)
    builder.measure("b1", network: "b", rank: 1, cost: 150)
    builder.plan(frames: [500, 400])
    return Allocator(solver: GLPKSolver()).solvePlan(builder.scenario)
  }

  func outcome(_ plan: inout PlanResult, year: Int, _ id: String, share: Double) {
    let position = plan.years[year].outcomes.firstIndex { $0.measure == MeasureID(id) }!
    plan.years[year].outcomes[position].share = share
    plan.years[year].outcomes[position].grant = 300 * share
    plan.years[year].outcomes[position].status = share == 0 ? .notFunded : .funded
  }

  @Test("a solved plan passes")
  func passes() {
    let plan = solved()
    #expect(plan.hasAllocation)
    #expect(PlanVerifier(plan).violations().isEmpty)
  }

  @Test("a later year without the earlier, or a stop where the measure may not stop, is caught")
  func yearsHangTogether() {
    var plan = solved()
    outcome(&plan, year: 0, "a1", share: 0)
    #expect(PlanVerifier(plan).violations().map(\.rule).contains(.planYears))
    var stopped = solved()
    outcome(&stopped, year: 1, "a1", share: 0)
    #expect(PlanVerifier(stopped).violations().map(\.rule) == [.planYears])
    var allowed = solved(mayStop: true)
    outcome(&allowed, year: 1, "a1", share: 0)
    #expect(PlanVerifier(allowed).violations().isEmpty)
  }

  @Test("money beyond a year's frame, or carried beyond the share, is caught")
  func money() {
    var plan = solved()
    // 2028: a1 at 300 plus 200 more than the frame of 400 allows.
    plan.years[1].outcomes[0].grant = 600
    #expect(PlanVerifier(plan).violations().map(\.rule).contains(.frame))
    var carried = solved()
    carried.carriedOver[SchemeID("s")] = [2027: 50]
    #expect(PlanVerifier(carried).violations().map(\.rule).contains(.carryOver))
  }
}
