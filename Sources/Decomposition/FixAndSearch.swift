import Foundation
import GrantAllocation
import LinearProgramming

/// An integer allocation for a stage built around its column-generation bound, with that bound as
/// the proof of its gap.
public struct StageAllocation: Sendable {
  /// ``TerminationStatus/optimal`` when every stage up to the one asked is closed (relative gap
  /// at most 10⁻⁹), ``TerminationStatus/feasible`` when an allocation was found with a gap left;
  /// otherwise why there is none (the bound was not found, the time ran out, …).
  /// ``TerminationStatus/infeasible`` means only that the search with the settled lists fixed and
  /// the earlier stages kept has no allocation — never that the stage itself has none.
  public var status: TerminationStatus
  /// One value per model variable; empty when there is no allocation.
  public var point: [Double]
  /// Per stage up to the one asked: the allocation's value, the column-generation bound, and the
  /// status (optimal when the gap is closed to 10⁻⁹ relative).
  public var stages: [StageResult]
  /// The bounds found, one per stage up to the one asked (fewer when one failed).
  public var bounds: [StageBound]
  /// Lists fixed at the master's whole answer, and lists left to the branch-and-cut search.
  public var fixedLists: Int
  public var searchedLists: Int
  /// Variables and integer variables of the model the search solved.
  public var searchedVariables: Int
  public var searchedIntegerVariables: Int
  /// Of the whole time: the search (building and solving the restricted model).
  public var searchSeconds: Double
  public var seconds: Double
  /// Why the search stopped before closing its own gap, when it did; and the work it did (units
  /// of ``LinearProgramming/SolveOptions/workLimit``).
  public var searchStop: StageStop?
  public var searchWork = 0
  /// The search's solver, for the record (empty when there was no search).
  public var solverName = ""
  /// Whether the allocation is the one rounded from the master's point (``StageBound/roundedPoint``)
  /// rather than the search's: the search found none, or a worse one, within its work.
  public var fromRoundedStart = false
}

/// Stages 1 to `k` by column generation, each earlier stage kept at the master's optimum; then an
/// integer allocation for stage `k`: every list the master takes whole from one answer with shares
/// 0 or 1 is fixed at it, and branch-and-cut solves stage `k` over the other lists alone (with
/// the frames, capacities, floors and kept stages the fixed lists leave).
///
/// Every allocation it returns satisfies the kept rows, so the earlier stages are within their
/// kept tolerance of their bounds: their integer optima equal their LP bounds, which is what makes
/// stage `k`'s bound a bound of the lexicographic stage (a fairness stage at 0 is thereby proven).
public struct FixAndSearch: Sendable {
  public var generation: ColumnGeneration
  /// Branch-and-cut for the restricted model (GLPK's, through ``LinearProgramming/LinearSolver``).
  public var solver: any LinearSolver

  public init(generation: ColumnGeneration, solver: any LinearSolver) {
    self.generation = generation
    self.solver = solver
  }

  /// The allocation for stage `stage` (0 for the first) of `formulation`'s model.
  ///
  /// - Parameters:
  ///   - formulation: the allocation model whose stages are solved.
  ///   - stage: the last stage solved (0 for the first); the earlier ones are kept.
  ///   - timeLimitSeconds: for the whole: bounds first, the search gets what is left.
  ///   - workLimit: the search's work limit (``LinearProgramming/SolveOptions/workLimit``); by
  ///     default the rate per second of what is left of `timeLimitSeconds` — which makes where a
  ///     search that cannot close its gap stops depend on the clock, so a solve that must give the
  ///     same answer every time passes one.
  ///   - relativeMIPGap: the relative gap at which the search may stop.
  ///   - freeingEdges: whether each settled list's edge (``StageBound/edgeVariables``) is left
  ///     to the search too.
  ///   - rounding: whether the last stage's master point is also rounded to a whole allocation
  ///     (``RoundedStart``), taken where the search finds none or a worse one.
  /// - Returns: the allocation found (if any) with each stage's value and proven bound.
  /// - Throws: ``DecompositionRefusal`` as ``ColumnGeneration/bound(_:stage:kept:timeLimitSeconds:)``.
  public func allocate(
    _ formulation: AllocationFormulation, throughStage stage: Int, timeLimitSeconds: Double = 60, workLimit: Int? = nil,
    relativeMIPGap: Double = 0, freeingEdges: Bool = false, rounding: Bool = false
  ) throws(DecompositionRefusal) -> StageAllocation {
    let started = Date()
    let model = formulation.model
    var bounds: [StageBound] = []
    var kept: [Double] = []
    func none(_ status: TerminationStatus, searched: Int = 0) -> StageAllocation {
      StageAllocation(
        status: status, point: [], stages: [], bounds: bounds, fixedLists: bounds.last?.integralLists ?? 0, searchedLists: searched,
        searchedVariables: 0, searchedIntegerVariables: 0, searchSeconds: 0, seconds: Date().timeIntervalSince(started),
        searchStop: nil)
    }
    for position in 0...stage {
      let left = timeLimitSeconds - Date().timeIntervalSince(started)
      guard left > 0 else { return none(.timeLimitWithoutSolution) }
      let bound = try generation.bound(
        formulation, stage: position, kept: kept, timeLimitSeconds: left, rounding: rounding && position == stage)
      bounds.append(bound)
      guard bound.status == .optimal, let value = bound.value else { return none(bound.status) }
      kept.append(value)
    }
    let last = bounds[stage]
    let searchStart = Date()
    let fixing = freeingEdges ? last.integralListValues.filter { !last.edgeVariables.contains($0.key) } : last.integralListValues
    guard let restricted = model.stage(stage, kept: kept).restricted(fixing: fixing) else {
      return none(.solverFailure)
    }
    let searched = last.lists - last.integralLists
    let left = timeLimitSeconds - Date().timeIntervalSince(started)
    guard left > 0 else { return none(.timeLimitWithoutSolution, searched: searched) }
    let solution = solver.solve(
      restricted.model, options: SolveOptions(timeLimitSeconds: left, relativeMIPGap: relativeMIPGap, workLimit: workLimit))
    let searchSeconds = Date().timeIntervalSince(searchStart)
    var found: [Double]?
    if solution.status.hasSolution, solution.values.count == restricted.model.variables.count {
      found = restricted.originalPoint(solution.values)
    }
    // The rounded start where the search found nothing, or less (it stops by work).
    var fromRoundedStart = false
    if let rounded = last.roundedPoint {
      let objective = model.objectives[stage]
      let better = found.map { point in
        let (a, b) = (LinearModel.evaluate(objective.terms, at: rounded), LinearModel.evaluate(objective.terms, at: point))
        return objective.sense == .maximize ? a > b : a < b
      }
      if better ?? true {
        found = rounded
        fromRoundedStart = true
      }
    }
    guard let point = found else {
      var result = none(solution.status == .infeasible ? .infeasible : solution.status, searched: searched)
      result.searchSeconds = searchSeconds
      return result
    }
    let stages = bounds.map { bound -> StageResult in
      let objective = model.objectives[bound.stage]
      let value = LinearModel.evaluate(objective.terms, at: point)
      var result = StageResult(name: bound.name, status: .feasible, objectiveValue: value, bound: bound.bound, seconds: bound.seconds)
      // An earlier stage is kept within its tolerance of its bound: closed when it is that close.
      let closed = 1e-9 + (bound.stage < stage ? objective.relativeTolerance : 0)
      if let gap = result.relativeGap, gap <= closed { result.status = .optimal }
      return result
    }
    return StageAllocation(
      status: stages.allSatisfy { $0.status == .optimal } ? .optimal : .feasible, point: point, stages: stages, bounds: bounds,
      fixedLists: last.integralLists, searchedLists: searched, searchedVariables: restricted.model.variables.count,
      searchedIntegerVariables: restricted.model.variables.filter { $0.kind != .continuous }.count, searchSeconds: searchSeconds,
      seconds: Date().timeIntervalSince(started), searchStop: solution.stages.first?.stoppedBy,
      searchWork: solution.stages.first?.work ?? 0,
      solverName: solution.solverName, fromRoundedStart: fromRoundedStart)
  }
}
