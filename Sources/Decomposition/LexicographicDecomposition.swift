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
/// 2. **The later stages** (further priority tiers, the tie-breaks), one by one
///    (``LaterStages``): the stage's bound by column generation on the whole model with every
///    earlier stage kept (the ones before the first priority stage at their bounds, the rest at
///    the values found) — the same meaning as a bound of branch-and-cut's later stages; then
///    branch-and-cut from the allocation so far over the lists that the stage's master leaves
///    open or where it disagrees with that allocation, with `1/(stages left)` of the work left.
///    The fixed lists make that search a restricted one, so its own bounds prove nothing about
///    the model and are not reported; where column generation gives no bound, the stage reports
///    none (its gap unknown).
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
  /// Whether the first priority stage's search also frees each settled list's edge
  /// (``StageBound/edgeVariables``).
  public var freeingEdges: Bool

  public init(generation: ColumnGeneration, solver: any LinearSolver, freeingEdges: Bool = true) {
    self.generation = generation
    self.solver = solver
    self.freeingEdges = freeingEdges
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
        relativeMIPGap: options.relativeMIPGap, freeingEdges: freeingEdges),
      allocation.status.hasSolution, allocation.bounds.count == first + 1
    else {
      return fallback(model, options: options, started: started)
    }
    var stages = allocation.stages
    stages[first].stoppedBy = allocation.searchStop
    stages[first].work = allocation.searchWork
    stages[first].seconds = allocation.bounds[first].seconds + allocation.searchSeconds
    // The stages before the first priority stage stay at their bounds (as the search kept them);
    // the first priority stage, and each later one, at the value found.
    var point = allocation.point
    if first + 1 < stageCount {
      let keptBefore = allocation.bounds.prefix(first).compactMap(\.value)
      var later = LaterStages(
        formulation: formulation, options: options, started: started,
        kept: keptBefore + [LinearModel.evaluate(model.objectives[first].terms, at: point)],
        point: point, settled: allocation.bounds[first].integralListValues, workLeft: max(options.workLimit - allocation.searchWork, 1))
      if keptBefore.count == first {
        stages += (first + 1..<stageCount).map { later.solve(stage: $0, generation: generation, solver: solver) }
        point = later.point
      }
    }
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
