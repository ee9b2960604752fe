import LinearProgramming

/// How the partners of an allocation were settled under the network's choice of partner.
public struct PartnerRuleRecord: Sendable, Equatable, Codable {
  /// Solves of the whole model with the partners placed by the rule, one per placement tried
  /// (besides the first solve with the partners free; 0 when that one followed the rule).
  public var rounds: Int
  /// Whether the allocation's hours are where the rule puts them. `false` when no allocation was
  /// found, or after ``Allocator/partnerRuleRounds`` rounds from every start without agreement:
  /// the allocation is then the last round's.
  public var settled: Bool
  /// Whether the allocation is proven the best that follows the rule: it reaches, on every stage,
  /// the proven optimum of the model with the partners free, which bounds them all.
  public var provenBest: Bool

  public init(rounds: Int, settled: Bool, provenBest: Bool) {
    self.rounds = rounds
    self.settled = settled
    self.provenBest = provenBest
  }
}

extension Allocator {
  /// At most this many solves with partners set by the rule from each start.
  public static let partnerRuleRounds = 6

  /// ``solve(_:reference:timeLimitSeconds:)``: the allocation that follows the network's choice of
  /// partner (``PartnerRule``).
  ///
  /// First the model with the partners free (every acceptable partner may carry a measure's hours,
  /// the preferred partner breaking ties last). Its optimum bounds every allocation that follows
  /// the rule, which only takes choices away: when it follows the rule itself, it is the answer,
  /// proven; when it has no allocation, no allocation follows the rule (and its diagnosis names the
  /// conflicting inputs whatever partners the networks choose). Otherwise rounds of solves with the
  /// partners placed by the rule: a round's partners come from an allocation — at first from one of
  /// four starts (the free optimum; the allocation a forum would make by hand down its order; every
  /// eligible measure funded; only the commitments), then from the previous round's answer — until
  /// the partners repeat or ``partnerRuleRounds`` rounds have run from that start. An answer
  /// follows the rule when the partners it gives its funded measures are those it was solved with;
  /// the best such answer (by the stages in order) is the allocation, and the search stops as soon
  /// as one reaches the free optimum on every stage (then it is proven best). Otherwise this is a
  /// search, not a proof: on small instances it finds the best allocation that follows the rule
  /// almost always (Tests/GrantAllocationTests, BruteForceTests and PartnerRuleTests). Each solve
  /// gets the whole time limit.
  ///
  /// `partnersFrom`: the shares of a solved allocation of a scenario this one differs from by a
  /// number or two (the base of an explanation's re-solve). The rounds then start from the partners
  /// those shares give, without the free model and the other starts — one or two solves where the
  /// change does not move the partners — and search in full only when those rounds do not settle.
  ///
  /// `partnerTieBreak` and `known` are those of ``allocate(_:reference:timeLimitSeconds:partnerTieBreak:known:partnersFrom:)``:
  /// the first applies to the model with the partners free (the placed models have no partner to
  /// choose), the second is the start of every solve.
  func solveFollowingPartnerRule(
    _ scenario: Scenario, reference: AllocationReference, timeLimitSeconds: Double?, partnerTieBreak: Bool = true,
    known: AllocationReference? = nil, partnersFrom: [Double]? = nil
  ) -> SolvedAllocation {
    let failed = scenario.measures.map { measure in scenario.scheme(measure.scheme).map { measure.failedCriteria(under: $0) } ?? [] }
    let order = PartnerRule.order(of: scenario, failedCriteria: failed)
    if let partnersFrom, partnersFrom.count == scenario.measures.count {
      let warm = PartnerRuleSearch(
        allocator: self, scenario: scenario, reference: reference, timeLimitSeconds: timeLimitSeconds, order: order, known: known
      )
      .run(starts: [partnersFrom], bound: nil)
      if var answer = warm.best {
        answer.result.partnerRule = PartnerRuleRecord(rounds: warm.tried.count, settled: true, provenBest: false)
        return answer
      }
    }
    var freeFormulation = AllocationFormulation(scenario: scenario, reference: reference, partnerTieBreak: partnerTieBreak)
    if let known { freeFormulation.start(from: known) }
    var free = solve(formulation: freeFormulation, timeLimitSeconds: timeLimitSeconds)
    guard free.result.hasAllocation else {
      free.result.partnerRule = PartnerRuleRecord(rounds: 0, settled: false, provenBest: false)
      return free
    }
    let freeShares = free.result.outcomes.map(\.share)
    let freeIsBound = free.result.status == .optimal
    if PartnerRule.follows(free.result.outcomes, of: scenario, order: order) {
      free.result.partnerRule = PartnerRuleRecord(rounds: 0, settled: true, provenBest: freeIsBound)
      return free
    }
    // The starts of the rounds: the free optimum's funding, the allocation a forum would make by
    // hand down its order, every eligible measure funded (each measure ahead takes its hours), and
    // only the commitments.
    let starts = [
      freeShares,
      PartnerRule.greedyShares(of: scenario, order: order),
      failed.map { $0.isEmpty ? 1.0 : 0.0 },
      scenario.measures.indices.map { failed[$0].isEmpty && scenario.measures[$0].continuing ? 1.0 : 0.0 },
    ]
    let search = PartnerRuleSearch(
      allocator: self, scenario: scenario, reference: reference, timeLimitSeconds: timeLimitSeconds, order: order, known: known
    )
    .run(starts: starts, bound: freeIsBound ? free : nil)
    let best = search.best
    // Every start gives at least one round, so `last` is set.
    guard var answer = best ?? search.last else { preconditionFailure("no round was solved") }
    if best == nil, answer.result.status == .infeasible {
      // The free model has an allocation but no placement by the rule admits one: the conflict is
      // in the partners the rule gives, so it is diagnosed on that model.
      answer = solve(formulation: answer.formulation, timeLimitSeconds: timeLimitSeconds)
    }
    answer.result.partnerRule = PartnerRuleRecord(rounds: search.tried.count, settled: best != nil, provenBest: search.provenBest)
    return answer
  }

  /// Whether `first` is lexicographically better than `second` by the stages both have (solved
  /// from the same scenario; the model with free partners has one stage more at the end), each
  /// stage within its kept tolerance.
  static func isBetter(_ first: SolvedAllocation, than second: SolvedAllocation) -> Bool {
    let objectives = first.formulation.model.objectives
    for (position, objective) in objectives.enumerated() {
      guard first.result.stages.indices.contains(position), second.result.stages.indices.contains(position),
        second.formulation.model.objectives.indices.contains(position),
        second.formulation.model.objectives[position].name == objective.name,
        let a = first.result.stages[position].objectiveValue, let b = second.result.stages[position].objectiveValue
      else { return false }
      let slack = max(objective.relativeTolerance, 1e-7) * max(1, abs(a), abs(b))
      if abs(a - b) <= slack { continue }
      return objective.sense == .maximize ? a > b : a < b
    }
    return false
  }
}

/// The rounds of solves with partners placed by the rule (``Allocator``): from each start, the
/// partners the start's shares give, then those of each answer, until they repeat or
/// ``Allocator/partnerRuleRounds`` rounds have run.
struct PartnerRuleSearch {
  let allocator: Allocator
  let scenario: Scenario
  let reference: AllocationReference
  let timeLimitSeconds: Double?
  let order: [Int]
  /// The start of every solve (``AllocationFormulation/start(from:)``), if any.
  let known: AllocationReference?
  /// The placements solved, in order.
  var tried: [PartnerPlacement] = []
  /// The best answer that follows the rule.
  var best: SolvedAllocation?
  /// The last answer solved.
  var last: SolvedAllocation?
  /// Whether `best` reached the bound on every stage.
  var provenBest = false

  init(
    allocator: Allocator, scenario: Scenario, reference: AllocationReference, timeLimitSeconds: Double?, order: [Int],
    known: AllocationReference? = nil
  ) {
    self.allocator = allocator
    self.known = known
    self.scenario = scenario
    self.reference = reference
    self.timeLimitSeconds = timeLimitSeconds
    self.order = order
  }

  /// Runs the rounds from each of `starts` (shares, by measure index); stops early when an answer
  /// that follows the rule is no worse than `bound` (a proven optimum of a model that allows every
  /// allocation following the rule) on any stage.
  func run(starts: [[Double]], bound: SolvedAllocation?) -> Self {
    var search = self
    search: for start in starts {
      var assignment = PartnerRule.assignment(of: scenario, order: order, shares: start)
      var rounds = 0
      while rounds < Allocator.partnerRuleRounds, !search.tried.contains(where: { $0.agrees(with: assignment) }) {
        rounds += 1
        search.tried.append(assignment)
        var formulation = AllocationFormulation(
          scenario: scenario, reference: reference, partnerTieBreak: false, partnerPlacement: assignment)
        if let known { formulation.start(from: known) }
        let solved = allocator.solve(formulation: formulation, timeLimitSeconds: timeLimitSeconds, diagnose: false)
        search.last = solved
        guard solved.result.hasAllocation else { break }
        let shares = solved.result.outcomes.map(\.share)
        let next = PartnerRule.assignment(of: scenario, order: order, shares: shares)
        if next.agrees(with: assignment, onMeasuresFundedAt: shares), search.best.map({ Allocator.isBetter(solved, than: $0) }) ?? true {
          search.best = solved
          if let bound, solved.result.status == .optimal, !Allocator.isBetter(bound, than: solved) {
            search.provenBest = true
            break search
          }
        }
        assignment = next
      }
    }
    return search
  }
}
