import CGLPK
import Foundation
import LinearProgramming

extension GLPKSolver: SensitivityAnalyser {
  /// Shadow prices from `glp_get_row_dual` and their ranges from `glp_analyze_bound`, on the
  /// linear program left when the integer variables are fixed at `point`.
  public func sensitivity(
    of model: LinearModel, fixingIntegersAt point: [Double], stages: [Int], rows: [ConstraintIndex], options: SolveOptions
  ) -> [StageSensitivity] {
    func refused() -> [StageSensitivity] {
      stages.map { StageSensitivity(stage: $0, name: "", status: .invalidModel, rows: []) }
    }
    // GLPK aborts on a row number out of range; everything is checked here first.
    guard point.count == model.variables.count, point.allSatisfy(\.isFinite), !model.variables.isEmpty,
      stages.allSatisfy({ model.objectives.indices.contains($0) }),
      rows.allSatisfy({ model.constraints.indices.contains($0.rawValue) }),
      options.timeLimitSeconds > 0
    else { return refused() }
    let fixed = model.fixingIntegers(at: point)
    guard fixed.defects().isEmpty, Self.glpkDefects(fixed).isEmpty else { return refused() }
    glp_term_out(GLP_OFF)
    let problem = GLPKProblem(fixed)
    let started = Date()
    let wanted = Set(stages)
    var results: [StageSensitivity] = []
    for (position, objective) in fixed.objectives.enumerated() where position <= (stages.max() ?? -1) {
      problem.setObjective(objective)
      let secondsLeft = options.timeLimitSeconds - Date().timeIntervalSince(started)
      let status = secondsLeft > 0.001 ? Self.simplex(problem, seconds: secondsLeft) : .timeLimitWithoutSolution
      guard status == .optimal else {
        // Later stages cannot be reached either.
        results += stages.filter { $0 >= position }.map {
          StageSensitivity(stage: $0, name: fixed.objectives[$0].name, status: status, rows: [])
        }
        return results.sorted { $0.stage < $1.stage }
      }
      if wanted.contains(position) {
        results.append(
          StageSensitivity(stage: position, name: objective.name, status: .optimal, rows: rows.map { Self.analyse(problem, row: $0) }))
      }
      if !objective.terms.isEmpty { problem.keep(objective, at: glp_get_obj_val(problem.pointer)) }
    }
    return results
  }

  /// The stage's LP from the current basis, within `seconds`.
  private static func simplex(_ problem: GLPKProblem, seconds: Double) -> TerminationStatus {
    let code = problem.simplex { Int32(clamping: Int((seconds * 1000).rounded(.up))) }
    if code == .timeLimit { return .timeLimitWithoutSolution }
    guard code == .success else { return .solverFailure }
    return GLPKStatus.simplex(problem.pointer)
  }

  /// The dual of one row and, when it is binding, the range of its bound (GLPK rows are 1-based).
  private static func analyse(_ problem: GLPKProblem, row constraint: ConstraintIndex) -> RowSensitivity {
    let pointer = problem.pointer
    let row = Int32(constraint.rawValue + 1)
    let activity = glp_get_row_prim(pointer, row)
    let status = glp_get_row_stat(pointer, row)
    let binding = status == GLP_NL || status == GLP_NU || status == GLP_NS
    guard binding else {
      // A basic (slack) row: its limit is worth nothing until it is tightened to the activity.
      let type = glp_get_row_type(pointer, row)
      let lowerLimit: Double? = type == GLP_UP || type == GLP_DB ? activity : nil
      let upperLimit: Double? = type == GLP_LO ? activity : nil
      return RowSensitivity(
        constraint: constraint, activity: activity, binding: false, dual: 0, lowerLimit: lowerLimit, upperLimit: upperLimit)
    }
    let dual = glp_get_row_dual(pointer, row)
    // GLPK: glp_analyze_bound needs an optimal basic solution, a basis factorization and a
    // non-basic variable; otherwise it aborts the process.
    guard glp_get_prim_stat(pointer) == GLP_FEAS, glp_get_dual_stat(pointer) == GLP_FEAS else {
      return RowSensitivity(constraint: constraint, activity: activity, binding: true, dual: dual, lowerLimit: nil, upperLimit: nil)
    }
    if glp_bf_exists(pointer) == 0 { _ = glp_factorize(pointer) }
    guard glp_bf_exists(pointer) != 0 else {
      return RowSensitivity(constraint: constraint, activity: activity, binding: true, dual: dual, lowerLimit: nil, upperLimit: nil)
    }
    var lower = 0.0
    var upper = 0.0
    var lowerVariable: Int32 = 0
    var upperVariable: Int32 = 0
    glp_analyze_bound(pointer, row, &lower, &lowerVariable, &upper, &upperVariable)
    let limit = 0.5 * Double.greatestFiniteMagnitude
    return RowSensitivity(
      constraint: constraint, activity: activity, binding: true, dual: dual,
      lowerLimit: lower <= -limit ? nil : lower, upperLimit: upper >= limit ? nil : upper)
  }
}
