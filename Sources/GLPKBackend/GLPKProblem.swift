import CGLPK
import LinearProgramming

/// The one owner of a `glp_prob`: created, used and deleted on the thread that calls
/// ``GLPKSolver/solve(_:options:)``, inside that call.
///
/// GLPK keeps its memory per thread (`glp_config("TLS")` is `_Thread_local`) and aborts the whole
/// process on a bad argument, so every value is checked by ``LinearModel/defects()`` and
/// ``GLPKSolver/glpkDefects(_:)`` before it reaches this type.
final class GLPKProblem {
  let pointer: OpaquePointer
  private(set) var rowCount: Int32 = 0
  let columnCount: Int32

  /// Loads `model`'s variables and constraints (not its objective).
  ///
  /// - Precondition: `model` has no defects and at least one variable.
  init(_ model: LinearModel) {
    pointer = glp_create_prob()
    columnCount = Int32(model.variables.count)
    // GLPK: "glp_add_cols: ncs = 0; invalid number of columns" — never call it with 0.
    if columnCount > 0 { glp_add_cols(pointer, columnCount) }
    for (position, variable) in model.variables.enumerated() {
      let column = Int32(position + 1)
      setName(variable.name) { glp_set_col_name(pointer, column, $0) }
      let (type, lower, upper) = Self.boundType(variable.lowerBound, variable.upperBound)
      glp_set_col_bnds(pointer, column, type, lower, upper)
      switch variable.kind {
      case .continuous: glp_set_col_kind(pointer, column, GLP_CV)
      // GLPK: glp_set_col_kind with GLP_BV also sets the bounds to [0, 1]; ours are already inside.
      case .integer, .binary: glp_set_col_kind(pointer, column, GLP_IV)
      }
    }
    for constraint in model.constraints {
      addRow(name: constraint.name, terms: constraint.terms, lower: constraint.lowerBound, upper: constraint.upperBound)
    }
  }

  deinit { glp_delete_prob(pointer) }

  /// Appends the row `lower ≤ Σ terms ≤ upper`.
  func addRow(name: String, terms: [LinearTerm], lower: Double?, upper: Double?) {
    let row = glp_add_rows(pointer, 1)
    rowCount = row
    setName(name) { glp_set_row_name(pointer, row, $0) }
    let (type, lowerValue, upperValue) = Self.boundType(lower, upper)
    glp_set_row_bnds(pointer, row, type, lowerValue, upperValue)
    // GLPK: "ind[0] and val[0] are not used"; zero coefficients are dropped here.
    let nonZero = terms.filter { $0.coefficient != 0 }
    guard !nonZero.isEmpty else { return }
    var indices: [Int32] = [0] + nonZero.map { Int32($0.variable.rawValue + 1) }
    var values: [Double] = [0] + nonZero.map(\.coefficient)
    glp_set_mat_row(pointer, row, Int32(nonZero.count), &indices, &values)
  }

  /// Replaces the objective with `objective` (all other coefficients become 0).
  func setObjective(_ objective: Objective) {
    glp_set_obj_dir(pointer, objective.sense == .minimize ? GLP_MIN : GLP_MAX)
    for column in stride(from: Int32(1), through: columnCount, by: 1) {
      glp_set_obj_coef(pointer, column, 0)
    }
    for term in objective.terms {
      glp_set_obj_coef(pointer, Int32(term.variable.rawValue + 1), term.coefficient)
    }
  }

  /// Adds the row that keeps a solved stage's objective within its tolerance of `value`:
  /// `Σ terms ≥ value − slack` when maximising, `≤ value + slack` when minimising, with
  /// `slack = relativeTolerance × max(1, |value|)`. The solver, the sensitivity analysis and the
  /// export all keep stages with this one row.
  ///
  /// - Precondition: `value` and the slack are finite.
  func keep(_ objective: Objective, at value: Double) {
    let slack = objective.relativeTolerance * max(1, abs(value))
    switch objective.sense {
    case .maximize: addRow(name: "keep \(objective.name)", terms: objective.terms, lower: value - slack, upper: nil)
    case .minimize: addRow(name: "keep \(objective.name)", terms: objective.terms, lower: nil, upper: value + slack)
    }
  }

  /// Primal simplex from the current basis without presolve (so the basis stays warm and its
  /// factorisation stays for sensitivity analysis); a singular or ill-conditioned basis gets one
  /// more try from the standard basis. `milliseconds` is asked again for the retry.
  func simplex(milliseconds: () -> Int32, iterations: Int32 = .max) -> GLPKReturnCode {
    var parameters = glp_smcp()
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.presolve = GLP_OFF
    parameters.tm_lim = milliseconds()
    // GLPK: "it_lim: simplex iteration limit" (per call; GLP_EITLIM when reached).
    parameters.it_lim = max(iterations, 1)
    var code = GLPKReturnCode(rawValue: glp_simplex(pointer, &parameters))
    if code != .success && code != .timeLimit && code != .iterationLimit {
      glp_std_basis(pointer)
      parameters.tm_lim = milliseconds()
      code = GLPKReturnCode(rawValue: glp_simplex(pointer, &parameters))
    }
    return code
  }

  /// The status of every row and column in the current basis (GLPK's `GLP_BS`, `GLP_NL`, …).
  func basis() -> (rows: [Int32], columns: [Int32]) {
    let rows = rowCount > 0 ? (1...rowCount).map { glp_get_row_stat(pointer, $0) } : []
    let columns = columnCount > 0 ? (1...columnCount).map { glp_get_col_stat(pointer, $0) } : []
    return (rows, columns)
  }

  /// Puts back a basis from ``basis()`` of this problem with the same rows (the simplex method
  /// then starts from it: the same basis, the same path).
  func setBasis(_ basis: (rows: [Int32], columns: [Int32])) {
    guard basis.rows.count == Int(rowCount), basis.columns.count == Int(columnCount) else { return }
    for (position, status) in basis.rows.enumerated() { glp_set_row_stat(pointer, Int32(position + 1), status) }
    for (position, status) in basis.columns.enumerated() { glp_set_col_stat(pointer, Int32(position + 1), status) }
  }

  /// Names the problem (for exported files).
  func setProblemName(_ name: String) { setName(name) { glp_set_prob_name(pointer, $0) } }

  /// Names the objective (for exported files).
  func setObjectiveName(_ name: String) { setName(name) { glp_set_obj_name(pointer, $0) } }

  /// GLPK's bound type for a pair of optional bounds.
  static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
    switch (lower, upper) {
    case (nil, nil): return (GLP_FR, 0, 0)
    case (let lower?, nil): return (GLP_LO, lower, 0)
    case (nil, let upper?): return (GLP_UP, 0, upper)
    case (let lower?, let upper?) where lower == upper: return (GLP_FX, lower, upper)
    case (let lower?, let upper?): return (GLP_DB, lower, upper)
    }
  }

  /// GLPK: "the name must be no longer than 255 characters" — longer names are cut at a
  /// character boundary; names are only for exports and messages.
  private func setName(_ name: String, _ set: (UnsafePointer<CChar>) -> Void) {
    var bytes = 0
    var cut = ""
    for character in name where character != "\0" {
      let length = String(character).utf8.count
      if bytes + length > 200 { break }
      bytes += length
      cut.append(character)
    }
    guard !cut.isEmpty else { return }
    cut.withCString(set)
  }
}
