import LinearProgramming

/// How the partners of an allocation were settled under the network's choice of partner.
public struct PartnerRuleRecord: Sendable, Equatable, Codable {
  /// Solves of the model with some measures' partners limited by the rule, besides the first
  /// (0 when that one followed the rule).
  public var rounds: Int
  /// Whether the allocation's hours are where the rule puts them. `false` when no allocation was
  /// found, or when ``Allocator/partnerRuleRounds`` rounds gave none that follows the rule: the
  /// allocation is then the last round's.
  public var settled: Bool
  /// Whether the allocation is proven the best that follows the rule: it reaches, on every stage,
  /// the proven optimum of the model with the partners free, which bounds them all.
  public var provenBest: Bool
  /// Where the allocation does not follow the rule (empty when settled): no allocation the search
  /// found that follows it had room in the frames (a commitment whose first partner is too dear).
  public var breaches: [PartnerRuleBreach]
  /// The rule was read over a plan's years (a one-institution measure keeps its partner every
  /// year): one year alone cannot check it, the plan's own check does (not written to files).
  public var readOverYears = false

  private enum CodingKeys: String, CodingKey { case rounds, settled, provenBest, breaches }

  public init(rounds: Int, settled: Bool, provenBest: Bool, breaches: [PartnerRuleBreach] = []) {
    self.rounds = rounds
    self.settled = settled
    self.provenBest = provenBest
    self.breaches = breaches
  }
}

/// A funded measure whose hours are at `partner` while `idlePartner`, before it in the measure's
/// order, has idle hours for them.
public struct PartnerRuleBreach: Sendable, Equatable, Codable {
  public var measure: MeasureID
  public var partner: PartnerID
  public var idlePartner: PartnerID

  public init(measure: MeasureID, partner: PartnerID, idlePartner: PartnerID) {
    self.measure = measure
    self.partner = partner
    self.idlePartner = idlePartner
  }
}

extension Allocator {
  /// At most this many solves with limited partners after the first.
  public static let partnerRuleRounds = 12

  /// ``solve(_:reference:timeLimitSeconds:known:partnersFrom:)``: the allocation
  /// that follows the network's choice of partner (``PartnerRule``).
  ///
  /// First the model with every acceptable partner open (`limits`: none, or those `partnersFrom`
  /// ended with). Its optimum bounds every allocation that follows the rule, which only takes
  /// choices away: when it follows the rule itself, it is the answer, proven best; when it has no
  /// allocation, no allocation follows the rule (and its diagnosis names the conflicting inputs).
  /// Otherwise rounds: every measure whose hours are at a partner while one before it in its order
  /// has them idle may from then on use only its partners up to that one, and the model is solved
  /// again, until an answer follows the rule (or ``partnerRuleRounds`` rounds). The limits only
  /// shrink, so this ends; an answer equal to the unlimited optimum on every stage is proven best,
  /// otherwise it is a search, not a proof (Tests/GrantAllocationTests compare it with brute
  /// force). Each solve gets the whole time limit. Every solve keeps the preferred-partner stage:
  /// without it a measure's partner is any of equally good ones, and the rule then needs more
  /// rounds (the example's explained run took 101 s of CPU without it, 77 s with it, debug build).
  ///
  /// `partnersFrom`: the limits a solved allocation of a nearby scenario ended with (the base of
  /// an explanation's re-solve or a what-if), the first solve's limits — one solve where the change
  /// does not move the partners. They are a start: a measure they hold that ends below full
  /// funding gets all its partners back once, and the rounds go on. The answer is then not
  /// compared with an unlimited optimum. A measure that allows a split is limited only where the
  /// partner it passed over could carry all its hours (``PartnerRule/tightened(_:by:of:)``); a
  /// breach left is recorded (`settled: false`).
  func solveFollowingPartnerRule(
    _ scenario: Scenario, reference: AllocationReference, timeLimitSeconds: Double?,
    known: AllocationReference? = nil, partnersFrom: [MeasureID: [PartnerID]]? = nil
  ) -> SolvedAllocation {
    solveFollowingPartnerRule(
      scenario, timeLimitSeconds: timeLimitSeconds, known: known, partnersFrom: partnersFrom
    ) { AllocationFormulation(scenario: scenario, reference: reference, partnerLimits: $0) }
  }

  /// The search of ``solveFollowingPartnerRule(_:reference:timeLimitSeconds:known:partnersFrom:)``
  /// over the models `formulation` builds for given limits, whose measures and partners are
  /// `scenario`'s (a one-year scenario, or a plan's expanded one: measure-years at partner-years).
  func solveFollowingPartnerRule(
    _ scenario: Scenario, timeLimitSeconds: Double?, known: AllocationReference? = nil,
    partnersFrom: [MeasureID: [PartnerID]]? = nil, together: [MeasureIndex: [MeasureIndex]] = [:],
    formulation build: ([MeasureIndex: [PartnerID]]) -> AllocationFormulation
  ) -> SolvedAllocation {
    var limits: [MeasureIndex: [PartnerID]] = [:]
    for (index, measure) in scenario.indexedMeasures {
      if let limit = partnersFrom?[measure.id] { limits[index] = limit }
    }
    func solved(with limits: [MeasureIndex: [PartnerID]], after previous: SolvedAllocation? = nil) -> SolvedAllocation {
      var formulation = build(limits)
      // A round starts from the previous round's answer (its yes/no choices, where they stay
      // feasible under the tighter limits: 4.2 -> 2.9 s CPU for the example, debug build), else
      // from the caller's.
      if let start = previous.map({ AllocationReference($0.result) }) ?? known { formulation.start(from: start) }
      return solve(formulation: formulation, timeLimitSeconds: timeLimitSeconds, diagnose: limits.isEmpty)
    }
    let first = solved(with: limits)
    var answer = first
    var answerLimits = limits
    var rounds = 0
    var breaches = answer.result.hasAllocation ? PartnerRule.breaches(answer.result.outcomes, of: scenario, together: together) : []
    // Limits carried over from a nearby scenario are a start, not a finding: a measure they hold
    // that ends below full funding gets all its partners back once (its first partner may be full
    // in this scenario, where the rule lets it move on).
    var carried = Set(limits.keys)
    while answer.result.hasAllocation, rounds < Self.partnerRuleRounds {
      var next = limits
      if !breaches.isEmpty {
        next = PartnerRule.tightened(limits, by: breaches, of: scenario)
      } else {
        let held = carried.filter { answer.result.outcomes[$0].share < 1 - 1e-9 }
        carried = []
        for index in held { next[index] = nil }
      }
      guard next != limits else { break }
      limits = next
      rounds += 1
      let solvedNext = solved(with: limits, after: answer)
      guard solvedNext.result.hasAllocation else { break }
      answer = solvedNext
      answerLimits = limits
      breaches = PartnerRule.breaches(answer.result.outcomes, of: scenario, together: together)
    }
    if !first.result.hasAllocation, !limits.isEmpty {
      // The limits carried over admit no allocation: search from none.
      return solveFollowingPartnerRule(
        scenario, timeLimitSeconds: timeLimitSeconds, known: known, together: together, formulation: build)
    }
    let settled = answer.result.hasAllocation && breaches.isEmpty
    let unlimited = partnersFrom == nil || partnersFrom?.isEmpty == true
    let proven =
      settled && unlimited && first.result.status == .optimal && answer.result.status == .optimal
      && Self.reaches(answer, bound: first)
    answer.result.partnerRule = PartnerRuleRecord(
      rounds: rounds, settled: settled, provenBest: proven,
      breaches: breaches.map {
        PartnerRuleBreach(measure: scenario.measures[$0.measure].id, partner: $0.used, idlePartner: $0.earlier)
      })
    answer.result.partnerLimits = Dictionary(
      answerLimits.map { (scenario.measures[$0.key].id, $0.value) }, uniquingKeysWith: { first, _ in first })
    return answer
  }

  /// Whether `answer` reaches `bound` (the unlimited optimum, solved from the same scenario) on
  /// every stage but the preferred-partner one, each within its kept tolerance. A stage that cannot
  /// be compared (missing, or without a value) is not reached: no proof is claimed from it.
  static func reaches(_ answer: SolvedAllocation, bound: SolvedAllocation) -> Bool {
    let objectives = bound.formulation.model.objectives
    for (position, objective) in objectives.enumerated() where objective.name != "tie-break: preferred partner" {
      guard answer.result.stages.indices.contains(position), bound.result.stages.indices.contains(position),
        answer.formulation.model.objectives.indices.contains(position),
        answer.formulation.model.objectives[position].name == objective.name,
        let a = answer.result.stages[position].objectiveValue, let b = bound.result.stages[position].objectiveValue
      else { return false }
      let slack = max(objective.relativeTolerance, 1e-7) * max(1, abs(a), abs(b))
      if abs(a - b) <= slack { continue }
      return objective.sense == .maximize ? a > b : a < b
    }
    return true
  }
}
