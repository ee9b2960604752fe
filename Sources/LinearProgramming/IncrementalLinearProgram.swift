/// One non-zero of a column: `coefficient` in row `row` (0-based, in the order rows were added).
public struct ColumnEntry: Sendable, Equatable {
  public var row: Int
  public var coefficient: Double

  public init(row: Int, coefficient: Double) {
    self.row = row
    self.coefficient = coefficient
  }
}

/// Why an ``IncrementalLinearProgram`` refused a row or column: a value that must not reach a
/// solver (non-finite, crossed bounds, a row out of range or named twice in one column).
public struct IncrementalProgramDefect: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// A linear program that grows by columns and is solved again from its last basis: the master
/// problem of a column-generation method.
///
/// Rows are added first (with their bounds and no entries); columns then bring their cost, bounds
/// and entries. The objective is always *minimised*. After ``solve(seconds:)`` answers
/// ``TerminationStatus/optimal``, ``rowDuals()`` and ``columnValues()`` describe that optimum: the
/// reduced cost of a column `j` not yet added is `cost_j − Σ_r dual_r · a_rj`.
///
/// An instance belongs to the thread that made it: make it, use it and drop it inside one
/// synchronous call (a C solver may keep per-thread state).
public protocol IncrementalLinearProgram: AnyObject {
  var rowCount: Int { get }
  var columnCount: Int { get }

  /// Appends the row `lower ≤ Σ_j a_rj x_j ≤ upper` (a `nil` bound is infinite) and returns its index.
  func addRow(lower: Double?, upper: Double?) throws(IncrementalProgramDefect) -> Int

  /// Appends a column with objective coefficient `cost`, bounds `lower ≤ x ≤ upper` and non-zeros
  /// `entries`; returns its index. A new column starts non-basic at its lower bound, so the last
  /// basis stays a basis.
  func addColumn(cost: Double, lower: Double?, upper: Double?, entries: [ColumnEntry]) throws(IncrementalProgramDefect) -> Int

  /// Changes a column's objective coefficient.
  func setCost(column: Int, _ cost: Double) throws(IncrementalProgramDefect)

  /// Changes a column's bounds.
  func setBounds(column: Int, lower: Double?, upper: Double?) throws(IncrementalProgramDefect)

  /// Minimises from the current basis, within `seconds` of wall clock.
  func solve(seconds: Double) -> TerminationStatus

  /// The objective's value at the last optimum.
  func objectiveValue() -> Double

  /// Each row's dual value at the last optimum, in row order.
  func rowDuals() -> [Double]

  /// Each column's value at the last optimum, in column order.
  func columnValues() -> [Double]
}

/// Makes empty ``IncrementalLinearProgram``s (one solver's), for callers that must not import the solver.
public protocol IncrementalLinearProgramFactory: Sendable {
  /// The solver's name and version, for the record.
  var name: String { get }
  /// A new, empty program with no rows and no columns.
  func makeProgram() -> any IncrementalLinearProgram
}
