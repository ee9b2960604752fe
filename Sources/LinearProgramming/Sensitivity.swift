/// What a row's limit is worth at the optimum of one stage: its dual value (shadow price) and the
/// range of the limit over which that value holds.
public struct RowSensitivity: Sendable, Equatable {
  public var constraint: ConstraintIndex
  /// The row's value `Σ terms` at the optimum.
  public var activity: Double
  /// Whether the row is at one of its bounds and non-basic (a binding limit).
  public var binding: Bool
  /// The change of the stage's objective per unit increase of the row's active bound; 0 when the
  /// row is not binding.
  public var dual: Double
  /// The smallest value of the active bound at which ``dual`` still holds (`nil`: no limit).
  public var lowerLimit: Double?
  /// The largest value of the active bound at which ``dual`` still holds (`nil`: no limit).
  public var upperLimit: Double?

  public init(constraint: ConstraintIndex, activity: Double, binding: Bool, dual: Double, lowerLimit: Double?, upperLimit: Double?) {
    self.constraint = constraint
    self.activity = activity
    self.binding = binding
    self.dual = dual
    self.lowerLimit = lowerLimit
    self.upperLimit = upperLimit
  }
}

/// The sensitivity of one lexicographic stage.
public struct StageSensitivity: Sendable, Equatable {
  /// Position of the stage in ``LinearModel/objectives``.
  public var stage: Int
  public var name: String
  /// `optimal` when the fixed LP was solved; otherwise ``rows`` is empty.
  public var status: TerminationStatus
  public var rows: [RowSensitivity]

  public init(stage: Int, name: String, status: TerminationStatus, rows: [RowSensitivity]) {
    self.stage = stage
    self.name = name
    self.status = status
    self.rows = rows
  }
}

/// A solver that reads shadow prices and their ranges from a linear program.
///
/// A mixed-integer model has no duals; the usual answer, and the one given here, is to fix every
/// integer variable at its value in a solved point and analyse the linear program that is left.
public protocol SensitivityAnalyser: Sendable {
  /// Fixes the integer variables of `model` at `point`, solves the stages in order (each stage's
  /// optimum kept as a row before the next, as in the full solve) and returns, for every stage in
  /// `stages`, the duals and ranges of `rows`.
  ///
  /// Refuses (status ``TerminationStatus/invalidModel``, no rows) a point of the wrong length or with
  /// a non-finite value, a stage or row out of range, and a model with defects.
  func sensitivity(
    of model: LinearModel, fixingIntegersAt point: [Double], stages: [Int], rows: [ConstraintIndex], options: SolveOptions
  ) -> [StageSensitivity]
}
