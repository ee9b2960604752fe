/// Limits and tolerances for one solve.
///
/// Two limits: ``workLimit`` decides where a stage that cannot close its gap stops, by counting
/// the solver's work (simplex iterations, weighted by the model's size), so that the same model
/// gives the same answer however busy the machine is; ``timeLimitSeconds`` is only a safety stop, and a stage it ends says so
/// (``StageStop/timeLimit``).
public struct SolveOptions: Sendable, Equatable {
  /// Wall-clock limit for all stages together, in seconds: a hard stop for safety.
  public var timeLimitSeconds: Double
  /// Relative MIP gap at which branch-and-cut may stop and call the point optimal.
  public var relativeMIPGap: Double
  /// How each stage is solved.
  public var method: SolveMethod
  /// The work (relaxations and branch-and-cut together) that the stages share: a stage that holds
  /// an allocation but cannot close its gap stops once it has used `1/(stages left)` of what is
  /// left; work a stage does not use passes on. One unit is one simplex iteration on a model of
  /// up to 1 000 rows and columns; on a larger one an iteration counts `(rows + columns)/1000`.
  public var workLimit: Int

  /// Work units per second of ``timeLimitSeconds`` when no ``workLimit`` is given: a fixed rate,
  /// so the work limit follows from the input alone. GLPK did about 10 000 units a second on the
  /// Trøndelag example and on a national region on this project's busy 2-core machine
  /// (Benchmarks/README.md), so a solve usually meets its work limit before its time limit.
  public static let unitsPerSecond = 8_000.0

  /// - Parameters:
  ///   - timeLimitSeconds: the hard wall-clock stop.
  ///   - relativeMIPGap: the relative gap at which a stage counts as optimal.
  ///   - method: how each stage is solved.
  ///   - workLimit: work units for the whole solve (kept within 1…`Int32.max`); default
  ///     ``unitsPerSecond`` × `timeLimitSeconds`.
  public init(timeLimitSeconds: Double = 60, relativeMIPGap: Double = 0, method: SolveMethod = .branchAndCut, workLimit: Int? = nil) {
    self.timeLimitSeconds = timeLimitSeconds
    self.relativeMIPGap = relativeMIPGap
    self.method = method
    self.workLimit = workLimit.map { min(max($0, 1), Int(Int32.max)) } ?? Self.defaultWorkLimit(timeLimitSeconds: timeLimitSeconds)
  }

  /// ``unitsPerSecond`` × `timeLimitSeconds`, within 1…`Int32.max`.
  public static func defaultWorkLimit(timeLimitSeconds: Double) -> Int {
    let iterations = unitsPerSecond * timeLimitSeconds
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
