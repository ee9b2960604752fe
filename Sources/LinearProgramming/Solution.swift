/// How a solve ended. A value, not an error: infeasible and timed-out solves are results to report.
public enum TerminationStatus: String, Sendable, Codable, Equatable {
  /// Every stage was solved to proven optimality (within the MIP gap asked for).
  case optimal
  /// A feasible point was found but optimality was not proven (usually the time limit).
  case feasible
  /// No point satisfies the constraints.
  case infeasible
  /// The objective can improve without limit.
  case unbounded
  /// The time limit passed before any feasible point was found.
  case timeLimitWithoutSolution = "time_limit_without_solution"
  /// The model was refused before solving: see ``Solution/defects``.
  case invalidModel = "invalid_model"
  /// The solver failed for numerical or internal reasons.
  case solverFailure = "solver_failure"

  /// Whether ``Solution/values`` holds a usable point.
  public var hasSolution: Bool { self == .optimal || self == .feasible }
}

/// Why a stage stopped before it closed its gap.
public enum StageStop: String, Sendable, Codable, Equatable {
  /// It used its share of the solve's work limit (simplex iterations): the same on every machine.
  case workLimit = "work_limit"
  /// The wall-clock time limit, a safety stop: where it ends a stage depends on the machine.
  case timeLimit = "time_limit"
}

/// What happened in one lexicographic stage.
public struct StageResult: Sendable, Codable, Equatable {
  public var name: String
  public var status: TerminationStatus
  /// The stage's objective value at the point found.
  public var objectiveValue: Double?
  /// The best proven bound on the objective: equal to the value when the stage is closed exactly;
  /// within the relative MIP gap of it when the stage stopped at a gap above 0.
  public var bound: Double?
  /// Wall time spent on this stage, in seconds.
  public var seconds: Double
  /// Why the stage stopped before it closed its gap; `nil` when it did not stop early.
  public var stoppedBy: StageStop?
  /// The work the stage did, in the units of ``SolveOptions/workLimit`` (0 when not counted).
  public var work = 0

  public init(
    name: String, status: TerminationStatus, objectiveValue: Double?, bound: Double?, seconds: Double, stoppedBy: StageStop? = nil,
    work: Int = 0
  ) {
    self.name = name
    self.status = status
    self.objectiveValue = objectiveValue
    self.bound = bound
    self.seconds = seconds
    self.stoppedBy = stoppedBy
    self.work = work
  }

  /// `|value − bound| / max(1, |value|)`, when both are known.
  public var relativeGap: Double? {
    guard let objectiveValue, let bound else { return nil }
    return abs(objectiveValue - bound) / max(1, abs(objectiveValue))
  }
}

/// The answer of a ``LinearSolver``.
public struct Solution: Sendable, Equatable {
  /// The overall status: the worst of the stages that ran.
  public var status: TerminationStatus
  /// One value per variable, in model order; empty when ``status`` has no solution.
  public var values: [Double]
  public var stages: [StageResult]
  /// Why the model was refused, when ``status`` is ``TerminationStatus/invalidModel``.
  public var defects: [ModelDefect]
  /// Solver name and version, for the record.
  public var solverName: String

  public init(
    status: TerminationStatus, values: [Double], stages: [StageResult],
    defects: [ModelDefect] = [], solverName: String
  ) {
    self.status = status
    self.values = values
    self.stages = stages
    self.defects = defects
    self.solverName = solverName
  }

  /// The value of one variable.
  public subscript(variable: VariableIndex) -> Double { values[variable.rawValue] }
}
