import LinearProgramming

/// The LP bound of one lexicographic stage, found by column generation over the ranked lists.
public struct StageBound: Sendable, Equatable {
  /// Position of the stage in the model's objectives (0 for the first).
  public var stage: Int
  public var name: String
  public var sense: ObjectiveSense
  /// ``TerminationStatus/optimal``: no list has an answer that improves the master (within the
  /// tolerance), so ``value`` is the LP relaxation's optimum. Otherwise infeasible, out of time, or
  /// a solver failure; ``bound`` is then `nil` unless a round proved one.
  public var status: TerminationStatus
  /// The master's optimum at the last round: reached by a point of the LP relaxation.
  public var value: Double?
  /// The proven bound on the stage (on its LP relaxation, hence on its integer optimum): the
  /// Lagrangian bound `master value + Σ_lists min(0, reduced cost of the list's best answer)`,
  /// the best of the rounds (a maximum is bounded from above, a minimum from below).
  public var bound: Double?
  /// Master solves with pricing after them.
  public var rounds: Int
  /// Columns the master held at the end (list answers, not counting shortfalls and artificials).
  public var columns: Int
  public var lists: Int
  /// Lists whose shares in the master's point are not all 0 or 1.
  public var fractionalLists: Int
  public var seconds: Double
  /// Of ``seconds``: pricing (all lists, all rounds) and the master's simplex.
  public var pricingSeconds: Double
  public var masterSeconds: Double
  /// Per measure, its share `y_i` at the master's point (0 for measures on no list).
  public var shares: [Double]
  /// The lists whose shares the master's point settles at 0 or 1: their shares and indicators
  /// (and, where one answer carries the list, its partner hours and choices), the integer part of
  /// an allocation to build around.
  public var integralListValues: [VariableIndex: Double] = [:]
  /// How many lists ``integralListValues`` covers.
  public var integralLists: Int = 0
  /// Of ``integralListValues``: the variables of each settled list's edge — its last measure funded
  /// and its first not funded (share, indicator, partner hours and choices) — where a whole
  /// allocation near the LP point most likely differs from it (a partly funded measure after
  /// the last full one, one full measure fewer to make room elsewhere).
  public var edgeVariables: Set<VariableIndex> = []
  /// A whole allocation rounded from the master's point (``RoundedStart``), one value per model
  /// variable, that keeps every row of the stage model with its kept rows; `nil` when it was not
  /// asked for or the rounding broke a row.
  public var roundedPoint: [Double]?

  public init(
    stage: Int, name: String, sense: ObjectiveSense, status: TerminationStatus, value: Double?, bound: Double?, rounds: Int,
    columns: Int, lists: Int, fractionalLists: Int, seconds: Double, pricingSeconds: Double, masterSeconds: Double, shares: [Double]
  ) {
    self.stage = stage
    self.name = name
    self.sense = sense
    self.status = status
    self.value = value
    self.bound = bound
    self.rounds = rounds
    self.columns = columns
    self.lists = lists
    self.fractionalLists = fractionalLists
    self.seconds = seconds
    self.pricingSeconds = pricingSeconds
    self.masterSeconds = masterSeconds
    self.shares = shares
  }
}
