import LinearProgramming

/// What happened to a measure.
public enum FundingStatus: String, Sendable, Codable, CaseIterable {
  /// *Innvilget*: funded in full.
  case funded
  /// *Delvis innvilget*: funded at a share below 1.
  case partlyFunded = "partly_funded"
  /// *Ikke innvilget*: eligible but not funded.
  case notFunded = "not_funded"
  /// *Ikke kvalifisert*: fails a criterion.
  case ineligible
}

/// Why a measure got what it got, read from the solved model.
public enum Reason: Sendable, Equatable, Hashable {
  /// It fails these criteria, so it may not be funded.
  case failsCriteria([Criterion])
  /// A commitment from earlier years, funded in full outside the priority contest.
  case continuingCommitment
  /// The forum locked it in the meeting (fund in full, at least a share, or not at all); it stands
  /// outside the priority contest.
  case lockedByForum(MeasureLock)
  /// Funded as the priority order allows.
  case fundedByPriority
  /// The scheme's frame is spent: `left` NOK remain, `needed` NOK would fund the next step (`for`),
  /// priced at partners that have its hours left.
  case frameSpent(scheme: SchemeID, left: Double, needed: Double, for: FundingStep)
  /// The smallest viable share costs `needed` NOK; only `left` NOK remain in the frame.
  case smallestShareDoesNotFit(share: Double, left: Double, needed: Double)
  /// The partner's hours in this role are used up (`left` hours remain, `needed` asked).
  case partnerHoursUsed(partner: PartnerID, role: PartnerRole, left: Double, needed: Double)
  /// No acceptable partner has hours in this role at all.
  case noPartnerInRole(PartnerRole)
  /// The measure above it on the same list is not fully funded.
  case higherPriorityNotFullyFunded(MeasureID)
  /// Solved again without the fairness floors, the measure gets more: these networks (not its own)
  /// receive more in its scheme because of their floors.
  case fairnessFloorOfOthers([NetworkID])
  /// Frame and hours remain, but they give more value to the floors or priorities of others.
  case betterUseElsewhere
  /// In a plan: the measure's later year `year` cannot be paid: `left` NOK of that year's frame
  /// remain (after what is carried), `needed` NOK would fund the next step there.
  case laterYearFrameSpent(scheme: SchemeID, year: Int, left: Double, needed: Double)
}

/// The next step a measure's ``Reason/frameSpent(scheme:left:needed:for:)`` prices.
public enum FundingStep: Sendable, Equatable, Hashable {
  /// From nothing to the whole measure (it is all or nothing).
  case whole
  /// From nothing to its smallest viable share.
  case smallestShare(Double)
  /// From the share it has to the whole measure.
  case rest
}

/// Hours one partner gives to one measure in one role, and what they cost.
public struct PartnerAssignment: Sendable, Equatable {
  public var partner: PartnerID
  public var role: PartnerRole
  public var hours: Double
  /// NOK, exact (rounded to kroner only in ``Settlement``).
  public var money: Double

  public init(partner: PartnerID, role: PartnerRole, hours: Double, money: Double) {
    self.partner = partner
    self.role = role
    self.hours = hours
    self.money = money
  }
}

/// The decision for one measure.
public struct MeasureOutcome: Sendable, Equatable {
  public var measure: MeasureID
  /// Funded share in [0, 1].
  public var share: Double
  public var status: FundingStatus
  /// Local grant in NOK (`a_i y_i`), exact.
  public var grant: Double
  public var partners: [PartnerAssignment]
  public var reasons: [Reason]

  /// Grant plus partner money, exact NOK.
  public var stateMoney: Double { grant + partners.reduce(0) { $0 + $1.money } }
}

/// A network's fairness floor and what it received.
public struct FairnessOutcome: Sendable, Equatable {
  public var network: NetworkID
  public var scheme: SchemeID
  public var floor: Double
  public var received: Double
  /// Whether the floor was missed by more than a krone.
  public var shortfall: Double { max(0, floor - received) }
}

/// The solved allocation of a scenario, or the reason there is none.
public struct AllocationResult: Sendable {
  public var scenario: Scenario
  public var status: TerminationStatus
  public var stages: [StageResult]
  public var solverName: String
  /// One per measure, in ``Scenario/measures`` order; empty when there is no solution.
  public var outcomes: [MeasureOutcome]
  public var fairness: [FairnessOutcome]
  /// When the model is infeasible: minimal sets of inputs that conflict, with what would resolve
  /// each (see ``InfeasibilityDiagnosis``); empty otherwise, or when no input explains it.
  public var conflicts: [Conflict]
  /// Problems the solver refused to take (a bug in dekom, never the user's input).
  public var defects: [ModelDefect]
  public var modelSize: ModelSize
  /// The solver settings this result was computed with.
  public var parameters: SolveParameters
  /// How the partners were settled (``PartnerRule``); `nil` where the solver chose them (plans).
  public var partnerRule: PartnerRuleRecord?
  /// The partners the network's choice limited measures to (a first part of each one's acceptable
  /// partners; measures not named were not limited). Where a re-solve of a nearby scenario starts.
  public var partnerLimits: [MeasureID: [PartnerID]] = [:]
  /// The allocation the stability stage stayed close to (empty: none), so that a report can say
  /// whether it was last year's or a what-if's base.
  public var reference = AllocationReference()

  /// Whether there is an allocation to report: a solution with one outcome per measure.
  public var hasAllocation: Bool { status.hasSolution && outcomes.count == scenario.measures.count }

  /// The outcome of measure `id`, `nil` when there is none. O(1) where the outcomes run parallel
  /// to the scenario's measures (every result with an allocation).
  public func outcome(_ id: MeasureID) -> MeasureOutcome? {
    guard let index = scenario.measureIndex(id) else {
      // Outcomes parallel to the measures have none for an id the scenario does not have.
      return outcomes.count == scenario.measures.count ? nil : outcomes.first { $0.measure == id }
    }
    if index.rawValue < outcomes.count, outcomes[index].measure == id { return outcomes[index] }
    return outcomes.first { $0.measure == id }
  }
}

/// The size of the model that was solved.
public struct ModelSize: Sendable, Equatable, Codable {
  public var variables: Int
  public var integerVariables: Int
  public var constraints: Int
  public var stages: Int
}

/// The settings a solve ran with, printed in every report so the run can be repeated.
public struct SolveParameters: Sendable, Equatable, Codable {
  /// The hard wall-clock stop of the solve.
  public var timeLimitSeconds: Double
  public var stageTolerance: Double
  public var relativeMIPGap: Double
  /// How each stage was solved (recorded on its own as the result's method, not among these keys).
  public var method: SolveMethod = .branchAndCut
  /// The simplex iterations the stages shared (``LinearProgramming/SolveOptions/workLimit``):
  /// where a stage that cannot close its gap stops.
  public var workLimit: Int = SolveOptions.defaultWorkLimit(timeLimitSeconds: 60)

  private enum CodingKeys: String, CodingKey {
    case timeLimitSeconds, stageTolerance, relativeMIPGap, workLimit
  }
}
