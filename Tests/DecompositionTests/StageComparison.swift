import Decomposition
import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import ScenarioFiles
import ScenarioGeneration
import TestSupport

/// One stage: the whole model's LP relaxation solved by GLPK, and the column-generation bound.
struct StageComparison {
  var stage: Int
  var name: String
  var fullStatus: TerminationStatus
  var fullValue: Double?
  var decomposed: StageBound

  /// Every stage of `scenario`'s model in order, each earlier stage kept at the whole LP's value
  /// (the same kept rows for both, so that the two answer the same question).
  ///
  /// The kept rows get `stageTolerance` of room (the model's default is 10⁻⁹): kept values come
  /// from GLPK's simplex, whose feasibility tolerance is 10⁻⁷, so with 10⁻⁹ a later stage sits at
  /// the edge of what either simplex can decide (one calls it infeasible, the other not), and its
  /// optimum moves by up to 10⁻⁵ with round-off; the two then do not answer the same question.
  static func allStages(_ scenario: Scenario, stageTolerance: Double = 1e-6) throws -> [StageComparison] {
    var scenario = scenario
    scenario.solver.stageTolerance = stageTolerance
    let formulation = AllocationFormulation(scenario: scenario)
    let model = formulation.model
    let generation = ColumnGeneration(factory: GLPKIncrementalProgramFactory())
    var kept: [Double] = []
    var comparisons: [StageComparison] = []
    for stage in model.objectives.indices {
      let full = GLPKSolver().solve(model.stageRelaxation(stage, kept: kept), options: SolveOptions(timeLimitSeconds: 60))
      let fullValue = full.status == .optimal ? full.stages.first?.objectiveValue : nil
      let decomposed = try generation.bound(formulation, stage: stage, kept: kept)
      comparisons.append(
        StageComparison(
          stage: stage, name: model.objectives[stage].name, fullStatus: full.status, fullValue: fullValue, decomposed: decomposed))
      guard let fullValue else { break }
      kept.append(fullValue)
    }
    return comparisons
  }

  /// What differs beyond `relative × max(1, |value|)`: status, the master's value, the proven bound.
  func disagreements(relative: Double = 1e-6) -> [String] {
    let label = "stage \(stage + 1) '\(name)'"
    guard let fullValue else {
      return decomposed.status == fullStatus ? [] : ["\(label): whole LP \(fullStatus), decomposition \(decomposed.status)"]
    }
    guard decomposed.status == .optimal, let value = decomposed.value, let bound = decomposed.bound else {
      return ["\(label): whole LP optimal at \(fullValue), decomposition \(decomposed.status)"]
    }
    let scale = relative * max(1, abs(fullValue))
    var found: [String] = []
    if abs(value - fullValue) > scale { found.append("\(label): master \(value), whole LP \(fullValue)") }
    if abs(bound - fullValue) > scale { found.append("\(label): bound \(bound), whole LP \(fullValue)") }
    // The bound is a bound: never on the wrong side of the LP optimum (beyond rounding).
    let wrongSide = decomposed.sense == .maximize ? fullValue - bound : bound - fullValue
    if wrongSide > scale { found.append("\(label): bound \(bound) on the wrong side of \(fullValue)") }
    return found
  }
}

/// A generated county (`dekom generate`'s region) written to a temporary folder and loaded back.
func generatedScenario(_ parameters: RegionParameters) throws -> Scenario {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-decomposition-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  _ = try RegionGenerator(parameters).write(into: folder)
  return try ScenarioLoader.load(directory: folder)
}

/// Generated counties that together use every knob of the generator that changes the model:
/// weighting and value, fairness floor, all-or-nothing share, commitments, tight frames and capacities.
func variedParameters(seed: Int) -> RegionParameters {
  let weightings: [RegionParameters.Weighting] = [.strictTiers, .decay(0.8), .decay(0.5)]
  return RegionParameters(
    seed: UInt64(seed), measures: [20, 40, 60][seed % 3], schemes: 1 + seed % 3,
    allOrNothingShare: [0.5, 0.2, 1.0, 0.0][seed % 4], frameTightness: [0.75, 0.5, 0.9][seed % 3],
    capacityTightness: [0.8, 0.4, 0.6, 1.2][(seed / 2) % 4], continuingShare: [0.03, 0.2][seed % 2],
    fairnessFloor: [0.5, 0, 0.9, 0.7][(seed / 3) % 4], weighting: weightings[(seed / 2) % 3],
    value: seed % 2 == 0 ? .count : .cost)
}
