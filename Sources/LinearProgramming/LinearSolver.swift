/// Limits and tolerances for one solve.
///
/// Two limits: ``workLimit`` decides where a stage that cannot close its gap stops, by counting
/// the solver's work (simplex iterations), so that the same model gives the same answer however
/// busy the machine is; ``timeLimitSeconds`` is only a safety stop, and a stage it ends says so
/// (``StageStop/timeLimit``).
public struct SolveOptions: Sendable, Equatable {
  /// Wall-clock limit for all stages together, in seconds: a hard stop for safety.
  public var timeLimitSeconds: Double
  /// Relative MIP gap at which branch-and-cut may stop and call the point optimal.
  public var relativeMIPGap: Double
  /// How each stage is solved.
  public var method: SolveMethod
  /// The simplex iterations (relaxations and branch-and-cut together) that the stages share: a
  /// stage that holds an allocation but cannot close its gap stops once it has used
  /// `1/(stages left)` of what is left; work a stage does not use passes on.
  public var workLimit: Int

  /// Simplex iterations per second of ``timeLimitSeconds`` when no ``workLimit`` is given: a fixed
  /// rate, so the work limit follows from the input alone. On the Trøndelag example GLPK's
  /// branch-and-cut with cuts runs about 7 000–8 000 iterations a second on this project's
  /// 2-core machine (Benchmarks/README.md), so a solve usually meets its work limit well before
  /// its time limit.
  public static let iterationsPerSecond = 5_000.0

  /// - Parameters:
  ///   - timeLimitSeconds: the hard wall-clock stop.
  ///   - relativeMIPGap: the relative gap at which a stage counts as optimal.
  ///   - method: how each stage is solved.
  ///   - workLimit: simplex iterations for the whole solve; default ``iterationsPerSecond`` ×
  ///     `timeLimitSeconds`.
  public init(timeLimitSeconds: Double = 60, relativeMIPGap: Double = 0, method: SolveMethod = .branchAndCut, workLimit: Int? = nil) {
    self.timeLimitSeconds = timeLimitSeconds
    self.relativeMIPGap = relativeMIPGap
    self.method = method
    self.workLimit = workLimit ?? Self.defaultWorkLimit(timeLimitSeconds: timeLimitSeconds)
  }

  /// ``iterationsPerSecond`` × `timeLimitSeconds`, within 1…`Int32.max` (GLPK counts in 32 bits).
  public static func defaultWorkLimit(timeLimitSeconds: Double) -> Int {
    let iterations = iterationsPerSecond * timeLimitSeconds
    guard iterations.isFinite else { return iterations > 0 ? Int(Int32.max) : 1 }
    return Int(min(max(iterations.rounded(), 1), Double(Int32.max)))
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
