import CGLPK
import LinearProgramming

/// ``SolveMethod/blockSearch``: the LP relaxation's bound, an integer point built around the
/// relaxation block by block, and branch-and-cut on the whole model only while a gap remains.
///
/// Why it helps: the model is many small blocks (ranked lists) tied by a few linking rows
/// (frames, capacities). The relaxation is fractional in few blocks — roughly one per binding
/// linking row — so an integer point that agrees with the relaxation everywhere else needs only a
/// small mixed-integer program over the blocks where they differ. Branch-and-cut on the whole
/// model, which starts from no point at all in the first stage, may find nothing for minutes at
/// national size.
extension StageRunner {
  /// Integer values closer than this to a whole number count as whole.
  private static let integrality = 1e-9

  /// The 1-based integer columns of each block of ``LinearModel/variableBlocks()``; blocks
  /// without integer columns are left out.
  static func integerColumnsByBlock(_ model: LinearModel) -> [[Int32]] {
    let blocks = model.variableBlocks()
    var columns = Array(repeating: [Int32](), count: (blocks.max() ?? -1) + 1)
    for (position, variable) in model.variables.enumerated() where variable.kind != .continuous {
      columns[blocks[position]].append(Int32(position + 1))
    }
    return columns.filter { !$0.isEmpty }
  }

  /// Solves one stage by block search; `start` is a point feasible for it (the previous stage's),
  /// or empty in the first stage. Branch-and-cut on the whole model stops, once it holds an
  /// allocation, after `workShare` of the work left, so that a stage that cannot close its gap
  /// leaves work for the later ones.
  func solveStageByBlocks(_ objective: Objective, start: [Double], workShare: Double) -> StageOutcome {
    // On the national region the first relaxation took 1.6 s from the advanced basis instead of
    // 3.9–4.1 s from the all-slack one (measured).
    if let failure = relaxationFailure(advancedBasis: true) { return failure }
    let relaxed = columnValues()
    let lpBound = glp_get_obj_val(problem.pointer)
    // An integral relaxation is the optimum.
    if isIntegral(relaxed) { return StageOutcome(status: .optimal, values: snapped(relaxed), bound: lpBound) }

    var search = IncumbentSearch(objective: objective, bound: lpBound, gap: max(options.relativeMIPGap, 1e-9))
    search.offer(start.count == relaxed.count ? start : nil)
    search.offer(knownCompletion())
    if search.incumbent == nil { search.offer(completion(of: model.suggestedIntegerValues)) }
    // Once the stage is closed nothing below can improve it (on the national region the
    // fairness stage is closed by the suggestion, and rounding down cost another 3.5 s).
    let roundedDown = search.isClosed ? nil : roundedDownCompletion(of: relaxed)
    search.offer(roundedDown)
    // The relaxation kept wherever it is whole; the blocks where it is fractional solved again.
    if !search.isClosed {
      search.offer(searchBlocks(fixedAt: relaxed, where: isIntegral, start: roundedDown ?? [], share: 0.1))
    }
    // The incumbent kept wherever the relaxation agrees with it; the other blocks solved again.
    if !search.isClosed, let known = search.incumbent {
      search.offer(searchBlocks(fixedAt: known, where: { $0.agrees(with: relaxed) }, start: known, share: 0.1))
    }
    if search.isClosed, let incumbent = search.incumbent {
      return StageOutcome(status: .optimal, values: incumbent, bound: lpBound)
    }
    // A gap remains: branch-and-cut on the whole model, from the incumbent. It needs an optimal
    // basis of the whole relaxation again (presolve is off).
    guard secondsLeft > 0.001, problem.simplex(milliseconds: { milliseconds() }, iterations: iterationsLeft) == .success,
      GLPKStatus.simplex(problem.pointer) == .optimal
    else {
      // Out of time, or the relaxation failed: the clock is named only when it ran out.
      let stop: StageStop? = secondsLeft > 0.001 ? nil : .timeLimit
      return search.incumbent.map { StageOutcome(status: .feasible, values: $0, bound: lpBound, stop: stop) }
        ?? StageOutcome(status: .timeLimitWithoutSolution, values: [], stop: stop)
    }
    var outcome = branchAndCut(start: search.incumbent ?? [], workShare: workShare)
    guard outcome.status.hasSolution else {
      return search.incumbent.map { StageOutcome(status: .feasible, values: $0, bound: lpBound, stop: outcome.stop) } ?? outcome
    }
    if let incumbent = search.incumbent, search.isBetter(incumbent, than: outcome.values) {
      // Branch-and-cut did not take the offered point (time, or its own feasibility tolerance)
      // and stopped at a worse one; its status and bound still hold for the better point.
      outcome.values = incumbent
    }
    outcome.bound = tighter(outcome.bound, lpBound, objective.sense)
    return outcome
  }

  // MARK: - Steps

  /// Every integer column rounded down (whole-number bounds keep that feasible for them), the
  /// continuous columns re-optimised by the simplex method; `nil` when that LP is infeasible
  /// (a kept stage or a lower bound on a row needed the fractional part).
  private func roundedDownCompletion(of relaxed: [Double]) -> [Double]? {
    var fixed: [Int32: Double] = [:]
    for column in integerColumns {
      fixed[column] = (relaxed[Int(column) - 1] + Self.integrality).rounded(.down)
    }
    return solvingWithFixed(fixed) { $0 == .optimal ? snapped(columnValues()) : nil }
  }

  /// Integer values (``LinearModel/suggestedIntegerValues`` or
  /// ``LinearModel/knownIntegerValues``) with the continuous columns optimised by the simplex
  /// method for the stage's objective; `nil` when there are none or that LP is infeasible. Entries
  /// that are not integer columns with whole values within their bounds are left out before
  /// anything reaches GLPK. The simplex method leaves the basis of that LP, not of the relaxation.
  func completion(of integerValues: [VariableIndex: Double]) -> [Double]? {
    var fixed: [Int32: Double] = [:]
    for (variable, value) in integerValues {
      guard model.variables.indices.contains(variable.rawValue) else { continue }
      let declared = model.variables[variable.rawValue]
      guard declared.kind != .continuous, value.isFinite, value.rounded() == value,
        value >= (declared.lowerBound ?? -.infinity), value <= (declared.upperBound ?? .infinity)
      else { continue }
      fixed[Int32(variable.rawValue + 1)] = value
    }
    guard !fixed.isEmpty else { return nil }
    // Integer columns the suggestion leaves out must come out whole, or the point is not one.
    return solvingWithFixed(fixed) { status in
      let values = columnValues()
      return status == .optimal && isIntegral(values) ? snapped(values) : nil
    }
  }

  /// Fixes the integer columns of every block that `keep` accepts at their values in `anchor`, and
  /// solves the rest by branch-and-cut from `start` (when it fits) within `share` of the work left.
  /// `nil` when no block is kept or none is free (then the search would be nothing or the whole
  /// model), or when branch-and-cut found no point.
  private func searchBlocks(
    fixedAt anchor: [Double], where keep: (BlockValues) -> Bool, start: [Double], share: Double
  ) -> [Double]? {
    var fixed: [Int32: Double] = [:]
    var freeBlocks = 0
    for block in integerColumnsByBlock {
      if keep(BlockValues(columns: block, values: anchor)) {
        for column in block { fixed[column] = anchor[Int(column) - 1].rounded() }
      } else {
        freeBlocks += 1
      }
    }
    guard freeBlocks > 0, freeBlocks < integerColumnsByBlock.count else { return nil }
    return solvingWithFixed(fixed) { relaxation in
      guard relaxation == .optimal else { return nil }
      // A search, not a proof: stop within 10⁻⁶ of the part's own bound.
      let outcome = branchAndCut(start: start, workShare: share, onlyWithAllocation: false, relativeGap: max(options.relativeMIPGap, 1e-6))
      return outcome.status.hasSolution ? outcome.values : nil
    }
  }

  /// Fixes `fixed` columns, runs the simplex method, hands its status to `body`, and restores
  /// the model's own bounds whatever happens.
  func solvingWithFixed<Result>(_ fixed: [Int32: Double], _ body: (TerminationStatus) -> Result?) -> Result? {
    let pointer = problem.pointer
    for (column, value) in fixed { glp_set_col_bnds(pointer, column, GLP_FX, value, value) }
    defer {
      for column in fixed.keys {
        let variable = model.variables[Int(column) - 1]
        let (type, lower, upper) = GLPKProblem.boundType(variable.lowerBound, variable.upperBound)
        glp_set_col_bnds(pointer, column, type, lower, upper)
      }
    }
    guard secondsLeft > 0.001, problem.simplex(milliseconds: { milliseconds() }, iterations: iterationsLeft) == .success else { return nil }
    return body(GLPKStatus.simplex(pointer))
  }

  // MARK: - Helpers

  private func isIntegral(_ block: BlockValues) -> Bool {
    block.columns.allSatisfy { column in
      let value = block.values[Int(column) - 1]
      return abs(value - value.rounded()) <= Self.integrality
    }
  }

  func isIntegral(_ values: [Double]) -> Bool {
    isIntegral(BlockValues(columns: integerColumns, values: values))
  }

  /// `values` with integer columns rounded to whole numbers.
  func snapped(_ values: [Double]) -> [Double] {
    var result = values
    for column in integerColumns { result[Int(column) - 1] = result[Int(column) - 1].rounded() }
    return result
  }

  private func tighter(_ first: Double?, _ second: Double, _ sense: ObjectiveSense) -> Double {
    guard let first else { return second }
    return sense == .maximize ? min(first, second) : max(first, second)
  }
}

/// The integer columns of one block and a point's values.
struct BlockValues {
  let columns: [Int32]
  let values: [Double]

  /// Whether `other` has the same values in this block's columns.
  func agrees(with other: [Double]) -> Bool {
    columns.allSatisfy { abs(values[Int($0) - 1] - other[Int($0) - 1]) <= 1e-6 }
  }
}

/// The best point found in a stage, against the stage's proven bound.
struct IncumbentSearch {
  let objective: Objective
  let bound: Double
  /// The relative gap at which the incumbent counts as optimal.
  let gap: Double
  private(set) var incumbent: [Double]?

  init(objective: Objective, bound: Double, gap: Double) {
    self.objective = objective
    self.bound = bound
    self.gap = gap
  }

  /// Keeps `candidate` when it is better than the incumbent.
  mutating func offer(_ candidate: [Double]?) {
    guard let candidate else { return }
    if let incumbent, !isBetter(candidate, than: incumbent) { return }
    incumbent = candidate
  }

  /// Whether the incumbent is within the gap of the bound.
  var isClosed: Bool {
    guard let incumbent else { return false }
    let value = LinearModel.evaluate(objective.terms, at: incumbent)
    return abs(bound - value) <= gap * max(1, abs(value))
  }

  func isBetter(_ candidate: [Double], than other: [Double]) -> Bool {
    let candidateValue = LinearModel.evaluate(objective.terms, at: candidate)
    let otherValue = LinearModel.evaluate(objective.terms, at: other)
    let margin = 1e-9 * max(1, abs(otherValue))
    return objective.sense == .maximize ? candidateValue > otherValue + margin : candidateValue < otherValue - margin
  }
}
