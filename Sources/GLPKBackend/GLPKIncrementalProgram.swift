import CGLPK
import LinearProgramming

/// Makes ``GLPKIncrementalProgram``s: GLPK's simplex method as the master of a column-generation method.
public struct GLPKIncrementalProgramFactory: IncrementalLinearProgramFactory {
  public init() {}

  public var name: String { "GLPK \(GLPKSolver.version)" }

  public func makeProgram() -> any IncrementalLinearProgram { GLPKIncrementalProgram() }
}

/// An ``IncrementalLinearProgram`` held in one `glp_prob`, solved by GLPK's primal simplex method
/// from the last basis (added columns enter non-basic, so the previous optimum is the start).
///
/// Every value is checked in Swift before it reaches GLPK, which aborts the process on a bad
/// argument. Not `Sendable`: GLPK keeps its memory per thread, so the program is made, solved and
/// dropped on one thread.
public final class GLPKIncrementalProgram: IncrementalLinearProgram {
  private let pointer: OpaquePointer
  public private(set) var rowCount = 0
  public private(set) var columnCount = 0

  public init() {
    // GLPK prints to stdout by default; dekom's output is its own.
    glp_term_out(GLP_OFF)
    pointer = glp_create_prob()
    glp_set_obj_dir(pointer, GLP_MIN)
  }

  deinit { glp_delete_prob(pointer) }

  public func addRow(lower: Double?, upper: Double?) throws(IncrementalProgramDefect) -> Int {
    try Self.checkBounds(lower, upper, what: "row \(rowCount)")
    // GLPK's rows and columns are counted in Int32.
    guard rowCount < Int(Int32.max) - 1 else { throw IncrementalProgramDefect("too many rows for GLPK") }
    let row = glp_add_rows(pointer, 1)
    let (type, lowerValue, upperValue) = GLPKProblem.boundType(lower, upper)
    glp_set_row_bnds(pointer, row, type, lowerValue, upperValue)
    rowCount += 1
    return rowCount - 1
  }

  public func addColumn(cost: Double, lower: Double?, upper: Double?, entries: [ColumnEntry]) throws(IncrementalProgramDefect) -> Int {
    let what = "column \(columnCount)"
    try Self.checkBounds(lower, upper, what: what)
    guard cost.isFinite else { throw IncrementalProgramDefect("\(what): cost \(cost)") }
    guard columnCount < Int(Int32.max) - 1 else { throw IncrementalProgramDefect("too many columns for GLPK") }
    var seen = Set<Int>()
    for entry in entries {
      guard entry.row >= 0, entry.row < rowCount else { throw IncrementalProgramDefect("\(what): row \(entry.row) out of range") }
      guard seen.insert(entry.row).inserted else { throw IncrementalProgramDefect("\(what): row \(entry.row) twice") }
      guard entry.coefficient.isFinite else { throw IncrementalProgramDefect("\(what): coefficient \(entry.coefficient)") }
    }
    let column = glp_add_cols(pointer, 1)
    let (type, lowerValue, upperValue) = GLPKProblem.boundType(lower, upper)
    glp_set_col_bnds(pointer, column, type, lowerValue, upperValue)
    glp_set_obj_coef(pointer, column, cost)
    // GLPK: "ind[0] and val[0] are not used"; zero coefficients are left out.
    let nonZero = entries.filter { $0.coefficient != 0 }
    if !nonZero.isEmpty {
      var indices: [Int32] = [0] + nonZero.map { Int32($0.row + 1) }
      var values: [Double] = [0] + nonZero.map(\.coefficient)
      glp_set_mat_col(pointer, column, Int32(nonZero.count), &indices, &values)
    }
    columnCount += 1
    return columnCount - 1
  }

  public func setCost(column: Int, _ cost: Double) throws(IncrementalProgramDefect) {
    guard column >= 0, column < columnCount else { throw IncrementalProgramDefect("column \(column) out of range") }
    guard cost.isFinite else { throw IncrementalProgramDefect("column \(column): cost \(cost)") }
    glp_set_obj_coef(pointer, Int32(column + 1), cost)
  }

  public func setBounds(column: Int, lower: Double?, upper: Double?) throws(IncrementalProgramDefect) {
    guard column >= 0, column < columnCount else { throw IncrementalProgramDefect("column \(column) out of range") }
    try Self.checkBounds(lower, upper, what: "column \(column)")
    let (type, lowerValue, upperValue) = GLPKProblem.boundType(lower, upper)
    glp_set_col_bnds(pointer, Int32(column + 1), type, lowerValue, upperValue)
  }

  public func solve(seconds: Double) -> TerminationStatus {
    guard rowCount > 0, columnCount > 0 else { return .invalidModel }
    guard seconds > 0 else { return .timeLimitWithoutSolution }
    var parameters = glp_smcp()
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    // Without presolve GLPK starts from the basis it holds (the last optimum, with the new
    // columns non-basic), which is what makes each round cheap.
    parameters.presolve = GLP_OFF
    parameters.tm_lim = Int32(clamping: Int((min(seconds, 86_400) * 1000).rounded(.up)))
    var code = GLPKReturnCode(rawValue: glp_simplex(pointer, &parameters))
    if code != .success && code != .timeLimit {
      // GLPK: glp_simplex fails on "invalid initial basis" or a singular / ill-conditioned basis
      // matrix; one more try from the standard basis.
      glp_std_basis(pointer)
      code = GLPKReturnCode(rawValue: glp_simplex(pointer, &parameters))
    }
    if code == .timeLimit { return .timeLimitWithoutSolution }
    guard code == .success else { return .solverFailure }
    return GLPKStatus.simplex(pointer)
  }

  public func objectiveValue() -> Double { glp_get_obj_val(pointer) }

  public func rowDuals() -> [Double] {
    guard rowCount > 0 else { return [] }
    return (1...Int32(rowCount)).map { glp_get_row_dual(pointer, $0) }
  }

  public func columnValues() -> [Double] {
    guard columnCount > 0 else { return [] }
    return (1...Int32(columnCount)).map { glp_get_col_prim(pointer, $0) }
  }

  /// A bound pair GLPK accepts: no NaN, no infinite value on the wrong side, not crossed.
  private static func checkBounds(_ lower: Double?, _ upper: Double?, what: String) throws(IncrementalProgramDefect) {
    if let lower, !lower.isFinite { throw IncrementalProgramDefect("\(what): lower bound \(lower)") }
    if let upper, !upper.isFinite { throw IncrementalProgramDefect("\(what): upper bound \(upper)") }
    if let lower, let upper, lower > upper { throw IncrementalProgramDefect("\(what): lower bound \(lower) > upper bound \(upper)") }
  }
}
