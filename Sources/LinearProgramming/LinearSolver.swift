/// Limits and tolerances for one solve.
public struct SolveOptions: Sendable, Equatable {
  /// Wall-clock limit for all stages together, in seconds.
  public var timeLimitSeconds: Double
  /// Relative MIP gap at which branch-and-cut may stop and call the point optimal.
  public var relativeMIPGap: Double
  /// How each stage is solved.
  public var method: SolveMethod

  public init(timeLimitSeconds: Double = 60, relativeMIPGap: Double = 0, method: SolveMethod = .branchAndCut) {
    self.timeLimitSeconds = timeLimitSeconds
    self.relativeMIPGap = relativeMIPGap
    self.method = method
  }
}

/// Something that solves a ``LinearModel`` with its lexicographic objective.
///
/// Implementations must never crash on a model whose ``LinearModel/defects()`` is empty, and must
/// answer ``TerminationStatus/invalidModel`` for one whose defects are not.
public protocol LinearSolver: Sendable {
  /// Solves `model` stage by stage and returns the final point.
  func solve(_ model: LinearModel, options: SolveOptions) -> Solution
}
