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
///    Where the search finds none within its work, or a worse one, the allocation rounded from
///    the priority stage's master point (``RoundedStart``, no simplex work) is taken, with the
///    same proof.
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
/// Where the search of step 1 finds no allocation (the earlier stages' LP bounds are not reached
/// in whole numbers with the settled lists fixed, or not within its work), a model of at least
/// ``smallestGreedyModel`` integer variables is solved stage by stage as in step 2 from the
/// formulation's greedy allocation (``fromGreedyStart(_:options:started:)``). A model this does
/// not take — a plan, a stability stage, no priority stage, or a smaller model whose search found
/// nothing (county size) — is solved by branch-and-cut on the whole model with the time left and
/// the whole work limit, and the result says so.
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

  /// Whether the first priority stage's master point is rounded to a whole allocation
  /// (``RoundedStart``), taken where the search finds none or a worse one.
  public var rounding = true

  /// Integer variables from which ``rounding`` applies: below, a search that finds nothing leaves
  /// the model to branch-and-cut on the whole model, which proves county-size stages (the rounded
  /// point would be published unproven). As ``smallestGreedyModel``.
  public var smallestRoundedModel = smallestGreedyModel

  /// Branch-and-cut on the whole model where this method does not take it (default: ``solver``).
  public var fallbackSolver: any LinearSolver

  public init(generation: ColumnGeneration, solver: any LinearSolver, freeingEdges: Bool = true, fallbackSolver: (any LinearSolver)? = nil)
  {
    self.generation = generation
    self.solver = solver
    self.freeingEdges = freeingEdges
    self.fallbackSolver = fallbackSolver ?? solver
  }

  public func solve(_ formulation: AllocationFormulation, options: SolveOptions) -> FormulationSolution {
    let started = Date()
    let model = formulation.model
    let takes =
      formulation.scenario.horizon == nil && !formulation.isPlan && formulation.deviations.isEmpty && model.hasIntegerVariables
      && !formulation.hasPartialLocks
      && !model.objectives.isEmpty
    guard takes, let first = model.objectives.firstIndex(where: { $0.name.hasPrefix("priority") }) else {
      return fallback(model, options: options, started: started)
    }
    let stageCount = model.objectives.count
    let searchWork = max(1, Int((Double(options.workLimit) * Double(first + 1) / Double(stageCount)).rounded(.down)))
    let search = FixAndSearch(generation: generation, solver: solver)
    guard
      let allocation = try? search.allocate(
        // Half the time at most: a search that finds nothing leaves the rest to the greedy start.
        formulation, throughStage: first, timeLimitSeconds: options.timeLimitSeconds / 2, workLimit: searchWork,
        relativeMIPGap: options.relativeMIPGap, freeingEdges: freeingEdges,
        rounding: rounding && model.variables.count(where: { $0.kind != .continuous }) >= smallestRoundedModel),
      allocation.status.hasSolution, allocation.bounds.count == first + 1
    else {
      return fromGreedyStart(formulation, options: options, started: started) ?? fallback(model, options: options, started: started)
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
    func funded(_ measure: MeasureIndex) -> Bool { (fixed[formulation.funded[measure]] ?? 0) > 0 }
    var partnerVariables: Set<VariableIndex> = []
    for hours in formulation.hours where funded(hours.measure) { partnerVariables.insert(hours.variable) }
    for (measure, choices) in formulation.partnerChoice where funded(measure) { partnerVariables.formUnion(choices.values) }
    return fixed.filter { !partnerVariables.contains($0.key) }
  }

  /// Every stage as a later stage (``LaterStages``), starting from the formulation's greedy
  /// allocation (``GrantAllocation/AllocationFormulation/greedyPoint()``): for when fixing the lists the priority stage's
  /// master settles leaves no allocation, or none within the limits (10⁴ measures). Each stage's
  /// bound is column generation's with the earlier stages kept at the values found, so an
  /// earlier stage left above its bound weakens none of the later proofs' meaning; it is just not
  /// proven. `nil` when the greedy allocation breaks a row of the model.
  func fromGreedyStart(_ formulation: AllocationFormulation, options: SolveOptions, started: Date) -> FormulationSolution? {
    // Below this size branch-and-cut on the whole model proves its stages (county size), which
    // the restricted searches cannot.
    guard formulation.model.variables.count(where: { $0.kind != .continuous }) >= Self.smallestGreedyModel else { return nil }
    let model = formulation.model
    guard let start = formulation.greedyPoint() else { return nil }
    var later = LaterStages(
      formulation: formulation, options: options, started: started, kept: [], point: start, settled: [:],
      workLeft: options.workLimit)
    later.freeingEdges = true
    let stages = model.objectives.indices.map { later.solve(stage: $0, generation: generation, solver: solver) }
    let status: TerminationStatus = stages.allSatisfy { $0.status == .optimal } ? .optimal : .feasible
    return FormulationSolution(
      solution: Solution(
        status: status, values: later.point, stages: stages, solverName: later.solverName.isEmpty ? "column generation" : later.solverName),
      method: .decomposition)
  }

  /// Integer variables from which a model the fix-and-search leaves without an allocation is
  /// solved from the greedy start rather than by branch-and-cut on the whole model: the size
  /// from which block search searches too (`GLPKSolver.smallestSearchedModel`);
  /// the Trøndelag example has 110, a national region about 6 000.
  static let smallestGreedyModel = 1000

  /// Branch-and-cut on the whole model, with the time left and the whole work limit.
  func fallback(_ model: LinearModel, options: SolveOptions, started: Date) -> FormulationSolution {
    var whole = options
    whole.method = .branchAndCut
    whole.timeLimitSeconds = max(options.timeLimitSeconds - Date().timeIntervalSince(started), 0.001)
    return FormulationSolution(solution: fallbackSolver.solve(model, options: whole), method: .branchAndCut)
  }
}
