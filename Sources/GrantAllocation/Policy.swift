/// How priority value falls with rank.
public enum PriorityWeighting: Sendable, Equatable {
  /// Every list's first priority before anyone's second, and so on: one lexicographic stage per rank.
  case strictTiers
  /// Rank r weighs `factor^(r-1)`, in one stage.
  case decay(factor: Double)
}

/// What a funded measure is worth inside its tier.
public enum PriorityValue: String, Sendable, Equatable, Codable {
  /// Each measure counts 1 (times its funded share).
  case count
  /// A measure counts its full cost (times its funded share).
  case cost
}

/// The forum's policy: fairness floor and priority weighting. All of it is data.
public struct Policy: Sendable, Equatable {
  /// α: each network should reach α × key share × frame, or all it asks if less; 0 turns it off.
  public var fairnessFloor: Double
  /// The forum's allocation key between networks (base amount + per pupil).
  public var fairnessKey: CostSharingKey
  public var weighting: PriorityWeighting
  public var value: PriorityValue

  public init(fairnessFloor: Double, fairnessKey: CostSharingKey, weighting: PriorityWeighting, value: PriorityValue) {
    self.fairnessFloor = fairnessFloor
    self.fairnessKey = fairnessKey
    self.weighting = weighting
    self.value = value
  }
}

/// Solver settings a scenario may carry.
public struct SolverSettings: Sendable, Equatable {
  public var timeLimitSeconds: Double
  /// Relative slack when a stage's optimum is kept for the next stage.
  public var stageTolerance: Double
  /// Branch-and-cut stops a stage once its allocation is within this relative gap of the proven
  /// bound (the stage is then reported optimal within it).
  public var relativeMIPGap: Double

  public init(timeLimitSeconds: Double = 60, stageTolerance: Double = 1e-9, relativeMIPGap: Double = 0) {
    self.timeLimitSeconds = timeLimitSeconds
    self.stageTolerance = stageTolerance
    self.relativeMIPGap = relativeMIPGap
  }
}
