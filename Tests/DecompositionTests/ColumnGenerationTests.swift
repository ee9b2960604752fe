import Decomposition
import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import ScenarioFiles
import TestSupport
import Testing

/// The column-generation bound of each stage equals the LP relaxation of the whole model, solved
/// by GLPK on the model `AllocationFormulation` builds (docs/model.md §1–4), to 10⁻⁶ relative.
@Suite("Column generation over the ranked lists")
struct ColumnGenerationTests {
  @Test("every stage's bound is the whole LP relaxation's optimum on generated counties", arguments: 1...24)
  func generatedCounties(seed: Int) throws {
    let scenario = try generatedScenario(variedParameters(seed: seed))
    let comparisons = try StageComparison.allStages(scenario)
    #expect(comparisons.count >= 2, "seed \(seed)")
    for comparison in comparisons {
      #expect(comparison.disagreements() == [], "seed \(seed)")
    }
  }

  @Test("every stage's bound is the whole LP relaxation's optimum on random small scenarios", arguments: 1...40)
  func randomScenarios(seed: Int) throws {
    let scenario = BruteForce.randomScenario(seed: UInt64(seed))
    for comparison in try StageComparison.allStages(scenario) {
      #expect(comparison.disagreements() == [], "seed \(seed)")
    }
  }

  @Test("the Trøndelag example: every stage's bound is the whole LP relaxation's optimum")
  func trondelag() throws {
    let scenario = try ScenarioLoader.load(directory: repositoryRoot.appendingPathComponent("scenarios/trondelag"))
    let comparisons = try StageComparison.allStages(scenario)
    #expect(comparisons.count == AllocationFormulation(scenario: scenario).model.objectives.count)
    for comparison in comparisons { #expect(comparison.disagreements() == []) }
  }

  @Test("the Trøndelag plan example: refused as a plan; its first year alone agrees with the whole LP")
  func trondelagPlan() throws {
    var scenario = try ScenarioLoader.load(directory: repositoryRoot.appendingPathComponent("scenarios/trondelag-plan"))
    #expect(scenario.horizon != nil)
    let generation = ColumnGeneration(factory: GLPKIncrementalProgramFactory())
    #expect(throws: DecompositionRefusal.self) {
      try generation.bound(AllocationFormulation(scenario: scenario), stage: 0, kept: [])
    }
    scenario.horizon = nil
    for comparison in try StageComparison.allStages(scenario) {
      #expect(comparison.disagreements() == [])
    }
  }

  /// Two lists each ask 10 partner-2 hours for their first measure; partner p (1 000 kr/h) has 10
  /// hours, q (5 000 kr/h) has 100; the frame (60 000 kr) pays exactly p's hours for one and
  /// q's for the other. Pricing that left out p's capacity price would only ever offer p, and the
  /// master could fund one measure in all.
  @Test("a binding capacity is priced: both first priorities are funded, one at the dearer partner")
  func capacityPrice() throws {
    let builder = ScenarioBuilder(frame: 60_000)
    builder.partner("p", hours: 10, price: 1000).partner("q", hours: 100, price: 5000)
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 0, hours: 10, partners: ["p", "q"])
    builder.measure("b1", network: "b", rank: 1, cost: 0, hours: 10, partners: ["p", "q"])
    let formulation = AllocationFormulation(scenario: builder.scenario)
    let stage = try #require(formulation.model.objectives.firstIndex { $0.name == "priority rank 1" })
    #expect(stage == 0, "no floor, so no fairness stage")
    let bound = try ColumnGeneration(factory: GLPKIncrementalProgramFactory()).bound(formulation, stage: stage, kept: [])
    #expect(bound.status == .optimal)
    #expect(abs((bound.value ?? 0) - 2) < 1e-9)
    #expect(abs((bound.bound ?? 0) - 2) < 1e-9)
    #expect(bound.shares.allSatisfy { abs($0 - 1) < 1e-9 })
    for comparison in try StageComparison.allStages(formulation.scenario) { #expect(comparison.disagreements() == []) }
  }

  /// One measure must have one partner for both roles, and only u1 gives pool hours, only u2
  /// partner-2 hours: the model's relaxation (`w_iu ∈ [0, 1]`) funds it by half, the integer
  /// model not at all. With pool hours at u2 as well (dearer), the relaxation funds it in full.
  @Test("single partner: the LP hull funds half when no partner serves both roles, all when one does")
  func singlePartnerHull() throws {
    func scenario(poolAtU2: Double) -> Scenario {
      let builder = ScenarioBuilder(frame: 1_000_000)
      builder.partner("u1", hours: 0, price: 1000, poolHours: 100).partner("u2", hours: 100, price: 3000, poolHours: poolAtU2)
      builder.network("a")
      builder.measure("a1", network: "a", rank: 1, cost: 1000, hours: 10, partners: ["u1", "u2"])
      builder.scenario.measures[0].hours[.pool] = 10
      builder.scenario.measures[0].singlePartner = true
      return builder.scenario
    }
    let generation = ColumnGeneration(factory: GLPKIncrementalProgramFactory())
    for (poolAtU2, expected) in [(0.0, 0.5), (100.0, 1.0)] {
      let formulation = AllocationFormulation(scenario: scenario(poolAtU2: poolAtU2))
      let bound = try generation.bound(formulation, stage: 0, kept: [])
      #expect(abs((bound.bound ?? 0) - expected) < 1e-9, "pool hours at u2: \(poolAtU2)")
      for comparison in try StageComparison.allStages(formulation.scenario) { #expect(comparison.disagreements() == []) }
    }
  }

  @Test("a kept stage no allocation can reach makes the stage infeasible, as in the whole LP")
  func infeasibleKeptStage() throws {
    let scenario = BruteForce.randomScenario(seed: 3)
    let formulation = AllocationFormulation(scenario: scenario)
    let model = formulation.model
    guard let stage = model.objectives.indices.first(where: { $0 > 0 && model.objectives[$0 - 1].sense == .maximize }) else {
      Issue.record("seed 3 has no maximised stage before another")
      return
    }
    // Keep the stage before at a value far above anything reachable.
    var kept = try StageComparison.allStages(formulation.scenario).prefix(stage).map { try #require($0.fullValue) }
    kept[stage - 1] += 1000
    let full = GLPKSolver().solve(model.stageRelaxation(stage, kept: kept), options: SolveOptions())
    #expect(full.status == .infeasible)
    let bound = try ColumnGeneration(factory: GLPKIncrementalProgramFactory()).bound(formulation, stage: stage, kept: kept)
    #expect(bound.status == .infeasible)
    #expect(bound.bound == nil)
  }
}
