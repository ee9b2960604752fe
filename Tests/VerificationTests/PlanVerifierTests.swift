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

  @Test("money beyond a forecast: only under the conditional rule, only what the year spends, never for a measure starting then")
  func beyondForecast() {
    // Conditional: a1 (300 + 300) and b1 (150) in 2027; 2028's forecast of 200 leaves 100 beyond it,
    // and n1 (starting 2028, 100) is not funded.
    func plan(_ rule: ForecastRule) -> PlanResult {
      Allocator(solver: GLPKSolver()).solvePlan(ScenarioBuilder.forecastCutPlan(rule).scenario)
    }
    let conditional = plan(.conditional)
    #expect(conditional.beyondForecast[SchemeID("s")]?[2028] == 100)
    #expect(PlanVerifier(conditional).violations().isEmpty)
    // Without the money beyond the forecast, 2028 spends above its frame.
    var dropped = conditional
    dropped.beyondForecast = [:]
    #expect(PlanVerifier(dropped).violations().map(\.rule) == [.frame])
    // More beyond the forecast than the year spends.
    var inflated = conditional
    inflated.beyondForecast[SchemeID("s")]?[2028] = 250
    #expect(PlanVerifier(inflated).violations().map(\.rule) == [.frame])
    // A measure starting in 2028 funded while 2028 is beyond its forecast.
    var starting = conditional
    let position = starting.years[1].outcomes.firstIndex { $0.measure == MeasureID("n1") }!
    starting.years[1].outcomes[position].share = 1
    starting.years[1].outcomes[position].grant = 100
    starting.years[1].outcomes[position].status = .funded
    starting.beyondForecast[SchemeID("s")]?[2028] = 200
    #expect(PlanVerifier(starting).violations().map(\.rule) == [.frame])
    // Money beyond a forecast under the binding rule.
    var binding = plan(.binding)
    binding.beyondForecast = [SchemeID("s"): [2028: 50]]
    #expect(PlanVerifier(binding).violations().map(\.rule).contains(.frame))
  }

  @Test("the network's choice of partner is checked over the years: a partner with room in every year, not in one")
  func partnerChoiceOverYears() {
    // m1 runs two years with 50 partner-2 hours a year and prefers p to the cheaper q.
    func plan(pHoursIn2028: Double) -> PlanResult {
      Allocator(solver: GLPKSolver()).solvePlan(ScenarioBuilder.firstPartnerPlan(pHoursIn2028: pHoursIn2028).scenario)
    }
    func moved(_ plan: PlanResult, to partner: String) -> PlanResult {
      var moved = plan
      for year in moved.years.indices {
        guard let position = moved.years[year].outcomes.firstIndex(where: { $0.measure == MeasureID("m1") }) else { continue }
        moved.years[year].outcomes[position].partners = moved.years[year].outcomes[position].partners.map { line in
          var copy = line
          copy.partner = PartnerID(partner)
          return copy
        }
      }
      return moved
    }
    // p has room both years: m1 at p passes, m1 moved to q is caught.
    let roomy = plan(pHoursIn2028: 100)
    #expect(PlanVerifier(roomy).violations().isEmpty)
    #expect(PlanVerifier(moved(roomy, to: "q")).violations().map(\.rule) == [.partnerChoice])
    // p has no hours in 2028: m1 at q for both years is right, though p is idle in 2027.
    let short = plan(pHoursIn2028: 0)
    #expect(PlanVerifier(short).violations().isEmpty)
    // The first year alone is not checked for the rule (one year cannot see the next).
    #expect(AllocationVerifier(short.years[0]).violations().isEmpty)
  }
}
