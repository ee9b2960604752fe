import Foundation
import GrantAllocation
import LinearProgramming

/// The stages after the first priority stage of ``LexicographicDecomposition``, one at a time,
/// each starting from the allocation the earlier ones left.
struct LaterStages {
  let formulation: AllocationFormulation
  let options: SolveOptions
  let started: Date
  /// The value each earlier stage is kept at (within its tolerance), one per stage solved.
  var kept: [Double]
  /// The allocation so far: feasible for every kept row.
  var point: [Double]
  /// The lists the first priority stage's master settled: what is fixed when a stage's own master
  /// cannot be had.
  let settled: [VariableIndex: Double]
  /// Work units left for the stages still to come.
  var workLeft: Int
  /// Whether each list's edge (``StageBound/edgeVariables``) is left to the search too.
  var freeingEdges = false
  /// The name of the solver that searched, for the record (empty until a search ran).
  var solverName = ""

  /// Bounds and searches stage `stage` (the next after those in ``kept``), and keeps it.
  ///
  /// - Returns: the stage's value at the allocation after its search, and its bound by column
  ///   generation on the whole model (none when that failed); optimal only when the two meet.
  mutating func solve(stage: Int, generation: ColumnGeneration, solver: any LinearSolver) -> StageResult {
    let model = formulation.model
    let objective = model.objectives[stage]
    let stageStart = Date()
    var bound: StageBound?
    if secondsLeft > 0 {
      bound = try? generation.bound(formulation, stage: stage, kept: kept, timeLimitSeconds: secondsLeft)
    }
    let master = bound?.status == .optimal ? bound : nil
    // Fixed: what the stage's master settles (its partner hours left free), where the allocation
    // so far agrees, so that the allocation stays a feasible start.
    let edges = freeingEdges ? master?.edgeVariables ?? [] : []
    let fixing = LexicographicDecomposition.sharesOnly(master?.integralListValues ?? settled, formulation)
      .filter { abs(point[$0.key.rawValue] - $0.value) <= 1e-9 && !edges.contains($0.key) }
    // A stage the allocation so far already closes needs no search.
    let closedAlready = bound?.bound.map { gap(LinearModel.evaluate(objective.terms, at: point), $0) <= closedGap } ?? false
    let stagesLeft = model.objectives.count - stage
    var stop: StageStop?
    var work = 0
    if !closedAlready, secondsLeft > 0, let restricted = model.stage(stage, kept: kept).restricted(fixing: fixing) {
      var searched = restricted.model
      for (position, original) in restricted.originalVariables.enumerated() where searched.variables[position].kind != .continuous {
        searched.knownIntegerValues[VariableIndex(position)] = point[original.rawValue]
      }
      let share = max(1, workLeft / stagesLeft)
      let solution = solver.solve(
        searched,
        options: SolveOptions(
          timeLimitSeconds: secondsLeft, relativeMIPGap: options.relativeMIPGap, method: .branchAndCut, workLimit: share))
      work = solution.stages.first?.work ?? 0
      solverName = solution.solverName
      stop = solution.stages.first?.stoppedBy
      if solution.status.hasSolution, solution.values.count == searched.variables.count {
        let found = restricted.originalPoint(solution.values)
        // Branch-and-cut starts from the allocation so far; never take a worse one.
        let better =
          objective.sense == .maximize
          ? LinearModel.evaluate(objective.terms, at: found) >= LinearModel.evaluate(objective.terms, at: point)
          : LinearModel.evaluate(objective.terms, at: found) <= LinearModel.evaluate(objective.terms, at: point)
        if better { point = found }
      }
    } else if !closedAlready, secondsLeft <= 0 {
      stop = .timeLimit
    }
    workLeft = max(workLeft - work, 1)
    let value = LinearModel.evaluate(objective.terms, at: point)
    kept.append(value)
    var result = StageResult(
      name: objective.name, status: .feasible, objectiveValue: value,
      // Never better for the point than its value (the master's tolerance may leave a bound a
      // hair on the wrong side).
      bound: bound?.bound.map { objective.sense == .maximize ? max($0, value) : min($0, value) },
      seconds: Date().timeIntervalSince(stageStart), work: work)
    if let gap = result.relativeGap, gap <= closedGap {
      result.status = .optimal
    } else {
      result.stoppedBy = stop
    }
    return result
  }

  /// The relative gap at which a stage counts as closed.
  var closedGap: Double { max(1e-9, options.relativeMIPGap) }

  /// `|value − bound| / max(1, |value|)`, as ``LinearProgramming/StageResult/relativeGap``.
  func gap(_ value: Double, _ bound: Double) -> Double { abs(value - bound) / max(1, abs(value)) }

  var secondsLeft: Double { options.timeLimitSeconds - Date().timeIntervalSince(started) }
}
