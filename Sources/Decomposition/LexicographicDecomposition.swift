import Foundation
import GrantAllocation
import LinearProgramming

/// ``LinearProgramming/SolveMethod/decomposition``: every lexicographic stage of the allocation
/// model, bounded by column generation and searched around its bound.
///
/// 1. **Up to the first priority stage** (``FixAndSearch``): each stage's LP bound by column
///    generation, the earlier ones kept at their bounds; the lists the priority stage's master
///    settles are fixed and branch-and-cut searches the rest, with `(stage + 1)/stages` of the
///    work limit. An allocation found reaches every earlier stage's bound (within the stage
///    tolerance), which proves those stages and makes the priority stage's bound its proof.
/// 2. **The later stages** (further priority tiers, the tie-breaks): branch-and-cut over the same
///    free lists with the same lists fixed, every earlier stage kept (the ones before the first
///    priority stage at their bounds, the rest at the values found), starting from the allocation
///    of step 1, with the work left shared as in branch-and-cut. The fixed lists make that search
///    a restricted one, so its own bounds prove nothing about the model: each stage's bound is
///    column generation's on the whole model, with every earlier stage kept at (at least) the value
///    the published allocation has — the same meaning as a bound of branch-and-cut's later stages.
///    Where that bound cannot be found, the stage reports none (its gap unknown).
///
/// A model this does not take — a plan, a stability stage, no priority stage, or no allocation
/// with the settled lists fixed (where the earlier stages' LP bounds are not reached in whole
/// numbers, as at county size) — is solved by branch-and-cut on the whole model with the time
/// left and the whole work limit, and the result says so.
///
/// Every search stops by work (simplex iterations, ``LinearProgramming/SolveOptions/workLimit``),
/// not by the clock; the column-generation masters run to convergence. So the same input gives
/// the same allocation, unless the wall-clock limit (a safety stop) ends something first.
public struct LexicographicDecomposition: FormulationSolver {
  public var generation: ColumnGeneration
  /// Branch-and-cut for the searches and the fallback (GLPK's, through ``LinearProgramming/LinearSolver``).
  public var solver: any LinearSolver

  public init(generation: ColumnGeneration, solver: any LinearSolver) {
    self.generation = generation
    self.solver = solver
  }

  public func solve(_ formulation: AllocationFormulation, options: SolveOptions) -> FormulationSolution {
    let started = Date()
    let model = formulation.model
    let takes =
      formulation.scenario.horizon == nil && formulation.deviations.isEmpty && model.hasIntegerVariables
      && !model.objectives.isEmpty
    guard takes, let first = model.objectives.firstIndex(where: { $0.name.hasPrefix("priority") }) else {
      return fallback(model, options: options, started: started)
    }
    let stageCount = model.objectives.count
    let searchWork = max(1, Int((Double(options.workLimit) * Double(first + 1) / Double(stageCount)).rounded(.down)))
    let search = FixAndSearch(generation: generation, solver: solver)
    guard
      let allocation = try? search.allocate(
        formulation, throughStage: first, timeLimitSeconds: options.timeLimitSeconds, workLimit: searchWork,
        relativeMIPGap: options.relativeMIPGap),
      allocation.status.hasSolution, allocation.bounds.count == first + 1
    else {
      return fallback(model, options: options, started: started)
    }
    var stages = allocation.stages
    stages[first].stoppedBy = allocation.searchStop
    stages[first].work = allocation.searchWork
    stages[first].seconds = allocation.bounds[first].seconds + allocation.searchSeconds
    // The stages before the first priority stage stay at their bounds (as the search kept them);
    // the first priority stage at the value found.
    let keptBefore = allocation.bounds.prefix(first).compactMap(\.value)
    var point = allocation.point
    var later: Solution?
    if first + 1 < stageCount, keptBefore.count == first {
      let kept = keptBefore + [LinearModel.evaluate(model.objectives[first].terms, at: point)]
      var laterModel = model.stage(first + 1, kept: kept)
      laterModel.objectives = Array(model.objectives[(first + 1)...])
      let fixing = Self.sharesOnly(allocation.bounds[first].integralListValues, formulation)
      if let restricted = laterModel.restricted(fixing: fixing) {
        var searched = restricted.model
        // The allocation found is feasible here: each later stage starts from it.
        for (position, original) in restricted.originalVariables.enumerated() where searched.variables[position].kind != .continuous {
          searched.knownIntegerValues[VariableIndex(position)] = point[original.rawValue]
        }
        let left = options.timeLimitSeconds - Date().timeIntervalSince(started)
        let work = max(1, options.workLimit - searchWork)
        if left > 0 {
          let solution = solver.solve(
            searched,
            options: SolveOptions(timeLimitSeconds: left, relativeMIPGap: options.relativeMIPGap, method: .branchAndCut, workLimit: work))
          later = solution
          if solution.status.hasSolution, solution.values.count == searched.variables.count {
            point = restricted.originalPoint(solution.values)
          }
        }
      }
    }
    stages += laterStages(formulation, first: first, point: point, searched: later, options: options, started: started)
    for position in stages.indices where position <= first {
      let objective = model.objectives[position]
      stages[position].objectiveValue = LinearModel.evaluate(objective.terms, at: point)
      // An earlier stage is kept within its tolerance of its bound: closed when it is that close.
      let closed = max(1e-9, options.relativeMIPGap) + (position < first ? objective.relativeTolerance : 0)
      stages[position].status = (stages[position].relativeGap ?? .infinity) <= closed ? .optimal : .feasible
      if stages[position].status == .optimal { stages[position].stoppedBy = nil }
    }
    let status: TerminationStatus =
      stages.count == stageCount && stages.allSatisfy { $0.status == .optimal } ? .optimal : .feasible
    return FormulationSolution(
      solution: Solution(status: status, values: point, stages: stages, solverName: allocation.solverName),
      method: .decomposition)
  }

  /// The stages after the first priority stage at the published point: each one's value there, and
  /// its bound by column generation on the whole model with every earlier stage kept at the value
  /// the point has (the ones before the first priority stage at their bounds, as the search kept
  /// them).
  func laterStages(
    _ formulation: AllocationFormulation, first: Int, point: [Double], searched: Solution?, options: SolveOptions, started: Date
  ) -> [StageResult] {
    let model = formulation.model
    let values = model.objectives.map { LinearModel.evaluate($0.terms, at: point) }
    var results: [StageResult] = []
    for position in (first + 1)..<model.objectives.count {
      let objective = model.objectives[position]
      let searchedStage = searched?.stages.indices.contains(position - first - 1) == true ? searched?.stages[position - first - 1] : nil
      let boundStart = Date()
      let left = options.timeLimitSeconds - Date().timeIntervalSince(started)
      var bound: Double?
      if left > 0, let found = try? generation.bound(formulation, stage: position, kept: Array(values.prefix(position)), timeLimitSeconds: left),
        found.status == .optimal, let proven = found.bound
      {
        // Never better for the point than its value (the master's tolerance may leave a bound a
        // hair on the wrong side).
        bound = objective.sense == .maximize ? max(proven, values[position]) : min(proven, values[position])
      }
      var result = StageResult(
        name: objective.name, status: .feasible, objectiveValue: values[position], bound: bound,
        seconds: (searchedStage?.seconds ?? 0) + Date().timeIntervalSince(boundStart), work: searchedStage?.work ?? 0)
      if let gap = result.relativeGap, gap <= max(1e-9, options.relativeMIPGap) {
        result.status = .optimal
      } else {
        result.stoppedBy = searchedStage?.stoppedBy ?? (left > 0 ? nil : .timeLimit)
      }
      results.append(result)
    }
    return results
  }

  /// `fixed` without the partner hours and partner choices of the measures it funds: the later
  /// stages keep what the settled lists fund but may move their hours between partners (the
  /// preferred-partner tie-break is about nothing else). The allocation found keeps these
  /// values, so it stays feasible.
  static func sharesOnly(_ fixed: [VariableIndex: Double], _ formulation: AllocationFormulation) -> [VariableIndex: Double] {
    func funded(_ measure: Int) -> Bool { (fixed[formulation.funded[measure]] ?? 0) > 0 }
    var partnerVariables: Set<VariableIndex> = []
    for hours in formulation.hours where funded(hours.measure) { partnerVariables.insert(hours.variable) }
    for (measure, choices) in formulation.partnerChoice where funded(measure) { partnerVariables.formUnion(choices.values) }
    return fixed.filter { !partnerVariables.contains($0.key) }
  }

  /// Branch-and-cut on the whole model, with the time left and the whole work limit.
  func fallback(_ model: LinearModel, options: SolveOptions, started: Date) -> FormulationSolution {
    var whole = options
    whole.method = .branchAndCut
    whole.timeLimitSeconds = max(options.timeLimitSeconds - Date().timeIntervalSince(started), 0.001)
    return FormulationSolution(solution: solver.solve(model, options: whole), method: .branchAndCut)
  }
}
