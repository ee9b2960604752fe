import LinearProgramming
import TestSupport
import Testing

@testable import GrantAllocation

/// A solver that answers with a fixed point and fixed stage results, as GLPK may after a stage it
/// could not prove: the stage's value was that of its own point, which later stages improved.
private struct FixedSolver: LinearSolver {
  let values: [Double]
  let stages: [StageResult]
  func solve(_ model: LinearModel, options: SolveOptions) -> Solution {
    Solution(status: .feasible, values: values, stages: stages, solverName: "fixed")
  }
}

@Suite("The stages on record describe the published allocation")
struct PublishedStagesTests {
  /// Two networks, each with one measure asking exactly its fairness floor.
  static func scenario() -> Scenario {
    let builder = ScenarioBuilder(frame: 1_000_000, fairnessFloor: 0.8).network("a").network("b").partner("p", hours: 100, price: 100)
    builder.measure("a1", network: "a", rank: 1, cost: 400_000, partners: ["p"])
    builder.measure("b1", network: "b", rank: 1, cost: 400_000, partners: ["p"])
    return builder.scenario
  }

  @Test("an unproven stage records the value the published allocation has, not its own point's (issue 15)")
  func unprovenStageValue() throws {
    let formulation = AllocationFormulation(scenario: Self.scenario())
    let model = formulation.model
    #expect(model.objectives.first?.name == "fairness")
    #expect(formulation.fairnessFloors.count == 2)
    // The allocation funds both measures, so both floors are met: its shortfall is 0. The solver's
    // shortfall variables stayed at 0.5 each, which the kept fairness total (≤ 1) allows.
    var values = [Double](repeating: 0, count: model.variables.count)
    for index in 0..<2 {
      values[formulation.funded[index].rawValue] = 1
      values[formulation.indicator[index].rawValue] = 1
    }
    for floor in formulation.fairnessFloors { values[floor.shortfall.rawValue] = 0.5 }
    let stages = model.objectives.map { objective in
      let value = LinearModel.evaluate(objective.terms, at: values)
      return StageResult(
        name: objective.name, status: .feasible, objectiveValue: objective.name == "fairness" ? 1 : value,
        bound: objective.name == "fairness" ? 0 : value, seconds: 0)
    }
    let result = Allocator(solver: FixedSolver(values: values, stages: stages)).allocate(Self.scenario())
    #expect(result.fairness.allSatisfy { $0.shortfall == 0 })
    let fairness = try #require(result.stages.first)
    #expect(fairness.objectiveValue == 0)
    #expect(fairness.bound == 0)
    #expect(fairness.relativeGap == 0)
    #expect(fairness.status == .feasible)
  }

  @Test("a proven stage keeps its value and bound when the published allocation is the solver's point")
  func provenStageUnchanged() {
    let scenario = Self.scenario()
    let result = Allocator(solver: GLPKBackendFree.solver(for: scenario)).allocate(scenario)
    #expect(result.stages.allSatisfy { $0.objectiveValue == $0.bound })
  }
}

/// Builds a consistent point by hand so the second test needs no GLPK.
private enum GLPKBackendFree {
  static func solver(for scenario: Scenario) -> FixedSolver {
    let formulation = AllocationFormulation(scenario: scenario)
    let model = formulation.model
    var values = [Double](repeating: 0, count: model.variables.count)
    for index in 0..<2 {
      values[formulation.funded[index].rawValue] = 1
      values[formulation.indicator[index].rawValue] = 1
    }
    let stages = model.objectives.map { objective in
      let value = LinearModel.evaluate(objective.terms, at: values)
      return StageResult(name: objective.name, status: .optimal, objectiveValue: value, bound: value, seconds: 0)
    }
    return FixedSolver(values: values, stages: stages)
  }
}
