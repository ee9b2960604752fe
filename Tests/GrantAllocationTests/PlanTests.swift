import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

/// The multi-year plan on instances small enough to check by hand, and against brute force.
@Suite("Long-term plan, by hand")
struct PlanTests {
  func solve(_ builder: ScenarioBuilder) -> PlanResult { Allocator(solver: GLPKSolver()).solvePlan(builder.scenario) }

  /// The share of measure `id` in each of the plan's years (nil where it does not run).
  func shares(_ plan: PlanResult, _ id: String) -> [Double?] { plan.years.map { $0.outcome(MeasureID(id))?.share } }

  @Test("no later year without the earlier: a two-year measure that year 2 cannot afford is not started")
  func noLaterYearWithoutTheEarlier() {
    // Frames 500 (2027) and 200 (2028). a1 costs 300 each year; b1 costs 150 in 2027 only.
    // Alone, 2027 would fund a1 and b1 (450 ≤ 500). But a1's 2028 year (300 > 200) cannot be paid,
    // and it may not stop, so the plan funds a1 in neither year.
    let builder = ScenarioBuilder(frame: 0).network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 300).lasting([300])
    builder.measure("b1", network: "b", rank: 1, cost: 150)
    builder.plan(frames: [500, 200])
    let plan = solve(builder)
    #expect(plan.hasAllocation)
    #expect(shares(plan, "a1") == [0, 0])
    #expect(shares(plan, "b1") == [1, nil])
    // The reason names the later year: 200 of 2028's frame left, 300 needed.
    #expect(
      plan.years[0].outcome(MeasureID("a1"))?.reasons
        == [.laterYearFrameSpent(scheme: SchemeID("s"), year: 2028, left: 200, needed: 300)])
    // The one-year view of 2027 alone would have funded a1.
    let alone = Allocator(solver: GLPKSolver()).allocate(builder.scenario.yearScenario(2027))
    #expect(alone.outcome(MeasureID("a1"))?.share == 1)
  }

  @Test("a measure that may stop is funded for its first part: 2027, not 2028")
  func mayStop() {
    // As above, but a1 may stop after a first part: 2027 pays a1 300 + b1 150 = 450 ≤ 500; 2028 stops it.
    let builder = ScenarioBuilder(frame: 0).network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 300).lasting([300], mayStop: true)
    builder.measure("b1", network: "b", rank: 1, cost: 150)
    builder.plan(frames: [500, 200])
    let plan = solve(builder)
    #expect(shares(plan, "a1") == [1, 0])
    #expect(shares(plan, "b1") == [1, nil])
    #expect(PlanCheck.laterYearsFollowTheFirst(plan))
  }

  @Test("commitments are honoured every year; a new measure gives way; a commitment above a frame is infeasible")
  func commitments() {
    // c is a continuing commitment of 300 a year. n1 (new, 200 a year) fits 2027 (500 ≤ 600) but not
    // 2028 (300 + 200 = 500 > 400), so it is not started.
    let builder = ScenarioBuilder(frame: 0).network("a").network("b")
    builder.measure("c", network: "a", rank: 1, cost: 300, continuing: true).lasting([300])
    builder.measure("n1", network: "b", rank: 1, cost: 200).lasting([200])
    builder.plan(frames: [600, 400])
    let plan = solve(builder)
    #expect(shares(plan, "c") == [1, 1])
    #expect(shares(plan, "n1") == [0, 0])
    // With 250 in 2028 the commitment itself (300) cannot be kept: no allocation.
    builder.plan(frames: [600, 250])
    #expect(solve(builder).expandedResult.status == .infeasible)
  }

  @Test("a frame cut in year 2 changes year 1 only when it must")
  func laterCut() {
    // a1 and b1 run two years at 400 a year; a2 is a 2027 measure at 150. Base frames 1000/1000:
    // 2027 pays 950, 2028 pays 800, so everything is funded.
    func builder(_ secondFrame: Double) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: 0).network("a").network("b")
      builder.measure("a1", network: "a", rank: 1, cost: 400).lasting([400])
      builder.measure("a2", network: "a", rank: 2, cost: 150)
      builder.measure("b1", network: "b", rank: 1, cost: 400).lasting([400])
      return builder.plan(frames: [1000, secondFrame])
    }
    let base = solve(builder(1000))
    #expect([shares(base, "a1"), shares(base, "a2"), shares(base, "b1")] == [[1, 1], [1, nil], [1, 1]])
    // −10 % in 2028 (900 ≥ 800): nothing in 2027 changes.
    let mild = solve(builder(900))
    #expect(mild.years[0].outcomes == base.years[0].outcomes)
    // 700 < 800: one of a1, b1 must go, in both years; the tie-break keeps a1 (network a first).
    // 2027 then pays a1 400 + a2 150 = 550.
    let deep = solve(builder(700))
    #expect([shares(deep, "a1"), shares(deep, "a2"), shares(deep, "b1")] == [[1, 1], [1, nil], [0, 0]])
  }

  @Test("carry-over: unspent money moves to the next year only up to the policy's share")
  func carryOver() {
    // 2027: 1000, a1 costs 700 (300 unspent). 2028: 500, b1 (starting 2028) costs 650.
    // With a 20 % share up to 200 may move: 500 + 200 = 700 ≥ 650, so b1 is funded (150 carried at least).
    // With 10 % only 100 may move: 600 < 650, b1 is not funded. With none, neither.
    func plan(_ share: Double) -> PlanResult {
      let builder = ScenarioBuilder(frame: 0).network("a").network("b")
      builder.measure("a1", network: "a", rank: 1, cost: 700)
      builder.measure("b1", network: "b", rank: 1, cost: 650).lasting([], firstYear: 2028)
      return solve(builder.plan(frames: [1000, 500], carryOverShare: share))
    }
    let generous = plan(0.2)
    #expect(shares(generous, "b1") == [nil, 1])
    let carried = generous.carriedOver[SchemeID("s")]?[2027] ?? 0
    #expect(carried >= 150 - 1e-6 && carried <= 200 + 1e-6)
    #expect(shares(plan(0.1), "b1") == [nil, 0])
    #expect(shares(plan(0), "b1") == [nil, 0])
    #expect(plan(0).carriedOver.isEmpty)
  }

  @Test("a single-partner measure keeps its partner every year")
  func samePartner() {
    // m asks 50 partner-2 hours a year from p (preferred) or q, at 1000 NOK/h. p has 100 hours in
    // 2027 and none in 2028, so m must take q in both years.
    let builder = ScenarioBuilder(frame: 0).network("a")
    builder.partner("p", hours: 100).partner("q", hours: 100)
    builder.measure("m", network: "a", rank: 1, cost: 0, hours: 50, partners: ["p", "q"]).lasting([0])
    builder.plan(frames: [100_000, 100_000]).hours("p", 0, in: 2028)
    let plan = solve(builder)
    #expect(shares(plan, "m") == [1, 1])
    for year in plan.years { #expect(year.outcome(MeasureID("m"))?.partners.map(\.partner) == [PartnerID("q")]) }
  }

  @Test("the network's choice of partner holds in a plan: a two-year measure stays with its first partner while it has room every year")
  func partnerRuleInAPlan() {
    // m1 runs two years with 50 partner-2 hours a year and prefers p (1000 NOK/h) to q (500 NOK/h);
    // m2 (another network) costs 60 000 in 2027. Frames 85 000 and 100 000. At the cheaper q, m1
    // (25 000) leaves room for m2; the rule keeps m1 at p (50 000 a year), which has the hours, so m2
    // does not fit (tiers tie at one measure; the canonical order funds m1). Where p has room in 2027
    // only, m1 may go to q for both years.
    func plan(pHoursIn2028: Double) -> PlanResult {
      Allocator(solver: GLPKSolver()).solvePlan(ScenarioBuilder.firstPartnerPlan(pHoursIn2028: pHoursIn2028).scenario)
    }
    let roomy = plan(pHoursIn2028: 100)
    #expect(shares(roomy, "m1") == [1, 1])
    #expect(shares(roomy, "m2") == [0, nil])
    for year in roomy.years { #expect(year.outcome(MeasureID("m1"))?.partners.map(\.partner) == [PartnerID("p")]) }
    #expect(roomy.expandedResult.partnerRule?.settled == true)
    let short = plan(pHoursIn2028: 0)
    #expect(shares(short, "m1") == [1, 1])
    #expect(shares(short, "m2") == [1, nil])
    for year in short.years { #expect(year.outcome(MeasureID("m1"))?.partners.map(\.partner) == [PartnerID("q")]) }
  }

  @Test("the priority value counts a multi-year measure once, not once per year (value rule count)")
  func valueOnce() {
    // One list: a1 (three years, 100 a year) above nothing; b1 and b2 on network b (one year, 100 each).
    // 2027 frame 200: a1 + one of b's, or b1 + b2. Counted per year, a1 would weigh 3; counted once it
    // weighs 1 like b1, and strict tiers put a1 and b1 (both rank 1) before b2: a1 and b1.
    let builder = ScenarioBuilder(frame: 0).network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 100).lasting([100, 100])
    builder.measure("b1", network: "b", rank: 1, cost: 100)
    builder.measure("b2", network: "b", rank: 2, cost: 100)
    builder.plan(frames: [200, 1000, 1000])
    let plan = solve(builder)
    #expect(shares(plan, "a1") == [1, 1, 1])
    #expect(shares(plan, "b1") == [1, nil, nil])
    #expect(shares(plan, "b2") == [0, nil, nil])
    // The rank-1 stage's value is 2 (a1 counted once, b1 once), not 4.
    let rankOne = plan.expandedResult.stages.first { $0.name == "priority rank 1" }
    #expect(abs((rankOne?.objectiveValue ?? 0) - 2) < 1e-6)
  }

  @Test("forecasts conditional: a cut in year 2 leaves no year-1 money idle; year 2's overrun is recorded, and no new year-2 measure uses it")
  func conditionalForecast() {
    // Frames 500 (2027) and 200 (2028, a forecast). a1 costs 300 both years, b1 150 in 2027 only,
    // n1 (starting 2028) 100. Binding: a1 cannot be started (its 300 in 2028 > 200), 2027 spends 150
    // of 500 and n1 gets 2028's money. Conditional: 2027 funds a1 and b1 (450); 2028 needs 300 of a
    // 200 forecast: 100 beyond it, conditional; n1 gets nothing (it would need 100 more beyond).
    func builder(_ rule: ForecastRule) -> ScenarioBuilder { ScenarioBuilder.forecastCutPlan(rule) }
    let binding = solve(builder(.binding))
    #expect([shares(binding, "a1"), shares(binding, "b1"), shares(binding, "n1")] == [[0, 0], [1, nil], [nil, 1]])
    #expect(binding.beyondForecast.isEmpty)
    let conditional = solve(builder(.conditional))
    #expect([shares(conditional, "a1"), shares(conditional, "b1"), shares(conditional, "n1")] == [[1, 1], [1, nil], [nil, 0]])
    #expect(conditional.beyondForecast == [SchemeID("s"): [2028: 100]])
    // No later-year reason for a1 any more, and the year's scenario holds what it spends.
    #expect(conditional.years[0].outcome(MeasureID("a1"))?.status == .funded)
    #expect(conditional.years[1].scenario.schemes[0].frame == 300)
    // The stage that keeps the overrun small comes after the first year's priorities.
    let names = conditional.expandedResult.stages.map(\.name)
    #expect(names.firstIndex(of: "conditional on forecasts").map { $0 > (names.firstIndex(of: "priority rank 1") ?? .max) } == true)
    // A decided (not forecast) later frame still binds.
    let decided = builder(.conditional)
    decided.scenario.horizon?.laterFrames[SchemeID("s")]?[2028]?.forecast = false
    let decidedPlan = solve(decided)
    #expect(shares(decidedPlan, "a1") == [0, 0])
    #expect(
      decidedPlan.years[0].outcome(MeasureID("a1"))?.reasons.contains {
        if case .laterYearFrameSpent(_, 2028, _, _) = $0 { true } else { false }
      } == true)
  }

  @Test("forecasts conditional: a partner's fewer planned hours in year 2 do not drop year-1 measures; the extra hours are recorded")
  func conditionalHours() {
    // m1 and m2 run two years with 50 partner-2 hours a year at p, which has 100 hours in 2027 and
    // 60 planned in 2028. Binding: only one of them fits 2028. Conditional: both run, 40 hours beyond.
    func builder(_ rule: ForecastRule) -> ScenarioBuilder {
      let builder = ScenarioBuilder(frame: 0).network("a").network("b").partner("p", hours: 100)
      builder.measure("m1", network: "a", rank: 1, cost: 0, hours: 50, partners: ["p"]).lasting([0])
      builder.measure("m2", network: "b", rank: 1, cost: 0, hours: 50, partners: ["p"]).lasting([0])
      return builder.plan(frames: [1_000_000, 1_000_000], forecasts: rule).hours("p", 60, in: 2028)
    }
    let binding = solve(builder(.binding))
    #expect([shares(binding, "m1"), shares(binding, "m2")] == [[1, 1], [0, 0]])
    let conditional = solve(builder(.conditional))
    #expect([shares(conditional, "m1"), shares(conditional, "m2")] == [[1, 1], [1, 1]])
    #expect(conditional.beyondPlannedHours[PartnerID("p")]?[2028]?[.partner2] == 40)
    #expect(conditional.years[1].scenario.partner(PartnerID("p"))?.hours(.partner2) == 100)
  }

  @Test("brute force: on 40 random two-year plans with conditional forecasts, the stages equal the exhaustive optimum")
  func bruteForceConditional() {
    for seed in UInt64(41)...80 {
      var scenario = PlanBruteForce.randomPlan(seed: seed)
      scenario.horizon?.forecasts = .conditional
      let plan = Allocator(solver: GLPKSolver()).solvePlan(scenario)
      let best = PlanBruteForce.bestConditional(scenario)
      guard let best else {
        #expect(plan.expandedResult.status == .infeasible, "seed \(seed)")
        continue
      }
      #expect(plan.hasAllocation, "seed \(seed)")
      guard plan.hasAllocation else { continue }
      let years = PlanBruteForce.fundedYears(plan)
      let found = PlanBruteForce.conditionalStages(scenario, fundedYears: years)
      #expect(found.count == best.count && zip(found, best).allSatisfy { abs($0 - $1) < 1e-6 }, "seed \(seed): \(found) vs \(best)")
      #expect(PlanCheck.laterYearsFollowTheFirst(plan), "seed \(seed)")
      // The overrun recorded is the one the allocation has.
      let recorded = (plan.beyondForecast[SchemeID("s")] ?? [:]).values.reduce(0, +)
      #expect(abs(recorded + found[PlanBruteForce.firstTierCount(scenario)]) < 1, "seed \(seed)")
    }
  }

  @Test("brute force: on 40 random two-year plans the tiers' values equal the exhaustive optimum")
  func bruteForce() {
    for seed in UInt64(1)...40 {
      let scenario = PlanBruteForce.randomPlan(seed: seed)
      let plan = Allocator(solver: GLPKSolver()).solvePlan(scenario)
      let best = PlanBruteForce.bestTiers(scenario)
      guard let best else {
        #expect(plan.expandedResult.status == .infeasible, "seed \(seed)")
        continue
      }
      #expect(plan.hasAllocation, "seed \(seed)")
      guard plan.hasAllocation else { continue }
      let years = Dictionary(
        uniqueKeysWithValues: scenario.measures.map { measure in
          (
            measure.id,
            scenario.years(of: measure).filter { year in
              (plan.years[scenario.planYears.firstIndex(of: year)!].outcome(measure.id)?.share ?? 0) == 1
            }.count
          )
        })
      let found = PlanBruteForce.tiers(scenario, fundedYears: years)
      #expect(found.count == best.count && zip(found, best).allSatisfy { abs($0 - $1) < 1e-6 }, "seed \(seed): \(found) vs \(best)")
      #expect(PlanCheck.laterYearsFollowTheFirst(plan), "seed \(seed)")
    }
  }

}

/// Checks on a solved plan, independent of the model.
enum PlanCheck {
  /// Every measure's later years have its first year's share, or (where it may stop) 0 from some year on.
  static func laterYearsFollowTheFirst(_ plan: PlanResult) -> Bool {
    let scenario = plan.scenario
    guard plan.years.count == scenario.planYears.count else { return false }
    for measure in scenario.measures {
      let shares = scenario.years(of: measure).map { year in
        plan.years[scenario.planYears.firstIndex(of: year)!].outcome(measure.id)?.share ?? -1
      }
      var stopped = false
      for share in shares.dropFirst() {
        if share == 0 && measure.mayStop { stopped = true; continue }
        if stopped || abs(share - shares[0]) > 1e-6 { return false }
      }
    }
    return true
  }
}

/// Small all-or-nothing two-year plans and their exhaustive optimum.
enum PlanBruteForce {
  /// Two networks, up to 6 measures without partner hours, lasting one or two years, some starting
  /// in 2028; frames per year; value rule count, strict tiers, no fairness floor, no carry-over.
  static func randomPlan(seed: UInt64) -> Scenario {
    var random = SeededGenerator(seed: seed)
    let builder = ScenarioBuilder(frame: 0).network("a").network("b")
    var ranks: [String: Int] = [:]
    for _ in 0..<Int.random(in: 3...6, using: &random) {
      let network = Bool.random(using: &random) ? "a" : "b"
      ranks[network, default: 0] += 1
      let rank = ranks[network]!
      let startsLater = Int.random(in: 0..<4, using: &random) == 0
      let cost = Double(Int.random(in: 1...5, using: &random) * 100)
      builder.measure(
        "\(network)\(rank)", network: network, rank: rank, cost: cost, continuing: Int.random(in: 0..<10, using: &random) == 0)
      if startsLater {
        builder.lasting([], firstYear: 2028)
        builder.scenario.measures[builder.scenario.measures.count - 1].continuing = false
      } else if Bool.random(using: &random) {
        builder.lasting([Double(Int.random(in: 1...5, using: &random) * 100)], mayStop: Bool.random(using: &random))
      }
    }
    return builder.plan(frames: [
      Double(Int.random(in: 3...12, using: &random) * 100), Double(Int.random(in: 2...10, using: &random) * 100),
    ]).scenario
  }

  /// The value of each rank's tier when each measure is funded for its first `fundedYears[id]`
  /// years: each year of an n-year measure counts 1/n, so a measure funded in full counts 1.
  static func tiers(_ scenario: Scenario, fundedYears: [MeasureID: Int]) -> [Double] {
    let ranks = Set(scenario.measures.filter { !$0.continuing }.map(\.rank)).sorted()
    return ranks.map { rank in
      scenario.measures.filter { !$0.continuing && $0.rank == rank }.reduce(0.0) { sum, measure in
        sum + Double(fundedYears[measure.id] ?? 0) / Double(scenario.years(of: measure).count)
      }
    }
  }

  /// How many years of each measure `plan` funds in full.
  static func fundedYears(_ plan: PlanResult) -> [MeasureID: Int] {
    let scenario = plan.scenario
    return Dictionary(
      uniqueKeysWithValues: scenario.measures.map { measure in
        (
          measure.id,
          scenario.years(of: measure).filter { year in
            (plan.years[scenario.planYears.firstIndex(of: year)!].outcome(measure.id)?.share ?? 0) == 1
          }.count
        )
      })
  }

  /// The number of priority tiers among the measures starting in the first year.
  static func firstTierCount(_ scenario: Scenario) -> Int {
    Set(scenario.measures.filter { !$0.continuing && scenario.years(of: $0)[0] == scenario.year }.map(\.rank)).count
  }

  /// The conditional rule's stages: the tiers of the measures starting in the first year, then
  /// minus the money spent beyond the later years' forecasts, then the tiers of the later starters.
  static func conditionalStages(_ scenario: Scenario, fundedYears: [MeasureID: Int]) -> [Double] {
    let first = scenario.measures.filter { !$0.continuing && scenario.years(of: $0)[0] == scenario.year }
    let later = scenario.measures.filter { !$0.continuing && scenario.years(of: $0)[0] != scenario.year }
    func tiers(_ measures: [Measure]) -> [Double] {
      Set(measures.map(\.rank)).sorted().map { rank in
        measures.filter { $0.rank == rank }.reduce(0.0) { sum, measure in
          sum + Double(fundedYears[measure.id] ?? 0) / Double(scenario.years(of: measure).count)
        }
      }
    }
    let beyond = scenario.planYears.dropFirst().reduce(0.0) { sum, year in
      sum + max(0, spent(scenario, fundedYears, in: year) - scenario.frame(scenario.schemes[0], in: year))
    }
    return tiers(first) + [-beyond] + tiers(later)
  }

  /// The money `fundedYears` spends in `year`.
  static func spent(_ scenario: Scenario, _ fundedYears: [MeasureID: Int], in year: Int) -> Double {
    scenario.measures.filter { measure in
      let years = scenario.years(of: measure)
      return years.contains(year) && year - years[0] < (fundedYears[measure.id] ?? 0)
    }.compactMap { scenario.amounts(of: $0, in: year)?.stateCost }.reduce(0, +)
  }

  /// The lexicographically best ``conditionalStages(_:fundedYears:)`` over every funded set that
  /// keeps the first year's frame, the commitments and the priority order; nil when none does.
  static func bestConditional(_ scenario: Scenario) -> [Double]? {
    best(scenario, laterFramesBind: false) { conditionalStages(scenario, fundedYears: $0) }
  }

  /// The lexicographically best tier values over every feasible funded set, or nil when none is feasible.
  static func bestTiers(_ scenario: Scenario) -> [Double]? {
    best(scenario, laterFramesBind: true) { tiers(scenario, fundedYears: $0) }
  }

  static func best(_ scenario: Scenario, laterFramesBind: Bool, value: ([MeasureID: Int]) -> [Double]) -> [Double]? {
    let measures = scenario.measures
    var best: [Double]?
    // Each measure: not funded, funded all its years, or (where it may stop) its first year only.
    var choice = [Int](repeating: 0, count: measures.count)
    let options = measures.map { $0.mayStop && !$0.laterYears.isEmpty ? 3 : 2 }
    let total = options.reduce(1, *)
    for _ in 0..<total {
      defer {
        for position in choice.indices {
          choice[position] += 1
          if choice[position] < options[position] { break }
          choice[position] = 0
        }
      }
      let fundedYears = Dictionary(
        uniqueKeysWithValues: measures.indices.map { index in
          (measures[index].id, [0, scenario.years(of: measures[index]).count, 1][choice[index]])
        })
      let funded = Set(measures.filter { (fundedYears[$0.id] ?? 0) > 0 }.map(\.id))
      // Commitments are funded in all their years.
      guard measures.allSatisfy({ !$0.continuing || fundedYears[$0.id] == scenario.years(of: $0).count }) else { continue }
      // Frames per year.
      let fits = scenario.planYears.allSatisfy { year in
        guard laterFramesBind || year == scenario.year else { return true }
        return spent(scenario, fundedYears, in: year) <= scenario.frame(scenario.schemes[0], in: year) + 1e-9
      }
      guard fits else { continue }
      // Priority order among the new measures starting in the same year, per list.
      let ordered = measures.allSatisfy { lower in
        guard !lower.continuing, funded.contains(lower.id) else { return true }
        return measures.allSatisfy { higher in
          higher.continuing || higher.holder != lower.holder || higher.rank >= lower.rank
            || scenario.years(of: higher)[0] != scenario.years(of: lower)[0] || funded.contains(higher.id)
        }
      }
      guard ordered else { continue }
      let value = value(fundedYears)
      if let current = best {
        if let difference = zip(value, current).first(where: { abs($0 - $1) > 1e-9 }), difference.0 > difference.1 { best = value }
      } else {
        best = value
      }
    }
    return best
  }
}
