import LinearProgramming

/// How the partners of an allocation were settled under the network's choice of partner.
public struct PartnerRuleRecord: Sendable, Equatable, Codable {
  /// Solves of the whole model: one per set of partners tried.
  public var rounds: Int
  /// Whether the last solve's allocation gives its own partners back, so that every measure's
  /// hours are where the rule puts them. `false` after ``Allocator/partnerRuleRounds`` rounds
  /// without agreement: the allocation is the last round's.
  public var settled: Bool

  public init(rounds: Int, settled: Bool) {
    self.rounds = rounds
    self.settled = settled
  }
}

extension Allocator {
  /// At most this many solves with partners set by the rule from each start.
  public static let partnerRuleRounds = 6

  /// ``solve(_:reference:timeLimitSeconds:)``: rounds of solves with partners placed by the rule
  /// (``PartnerRule``). A round's partners come from an allocation — at first from one of three
  /// starts (every eligible measure funded; only the commitments; the allocation a forum would make
  /// by hand down its order), then from the previous round's answer — until the partners repeat or
  /// ``partnerRuleRounds`` rounds have run from that start. An answer follows the rule when the
  /// partners it gives its funded measures are those it was solved with; the best such answer (by
  /// the stages in order) is the allocation. This is a search, not a proof: on small instances it
  /// finds the best allocation that follows the rule almost always (Tests/GrantAllocationTests,
  /// BruteForceTests and PartnerRuleTests). Each round gets the whole time limit.
  func solveFollowingPartnerRule(
    _ scenario: Scenario, reference: AllocationReference, timeLimitSeconds: Double?
  ) -> SolvedAllocation {
    let failed = scenario.measures.map { measure in scenario.scheme(measure.scheme).map { measure.failedCriteria(under: $0) } ?? [] }
    let order = PartnerRule.order(of: scenario, failedCriteria: failed)
    // The starts of the rounds: the partners when every eligible measure is funded (each measure
    // ahead takes its hours), when only the commitments are, and the allocation a forum would make
    // by hand down its order.
    let starts = [
      PartnerRule.greedyShares(of: scenario, order: order),
      failed.map { $0.isEmpty ? 1.0 : 0.0 },
      scenario.measures.indices.map { failed[$0].isEmpty && scenario.measures[$0].continuing ? 1.0 : 0.0 },
    ]
    var tried: [PartnerPlacement] = []
    var best: SolvedAllocation?
    var last: SolvedAllocation?
    for start in starts {
      var assignment = PartnerRule.assignment(of: scenario, order: order, shares: start)
      var rounds = 0
      while rounds < Self.partnerRuleRounds, !tried.contains(where: { $0.agrees(with: assignment) }) {
        rounds += 1
        tried.append(assignment)
        let formulation = AllocationFormulation(
          scenario: scenario, reference: reference, partnerTieBreak: false, partnerPlacement: assignment)
        let solved = solve(formulation: formulation, timeLimitSeconds: timeLimitSeconds)
        last = solved
        guard solved.result.hasAllocation else { break }
        let shares = solved.result.outcomes.map(\.share)
        let next = PartnerRule.assignment(of: scenario, order: order, shares: shares)
        if next.agrees(with: assignment, onMeasuresFundedAt: shares), best.map({ Self.isBetter(solved, than: $0) }) ?? true {
          best = solved
        }
        assignment = next
      }
    }
    // Every start gives at least one round, so `last` is set.
    guard var answer = best ?? last else { preconditionFailure("no round was solved") }
    answer.result.partnerRule = PartnerRuleRecord(rounds: tried.count, settled: best != nil)
    return answer
  }

  /// Whether `first` is lexicographically better than `second` by their stage values (both solved
  /// from the same scenario, so with the same stages), each stage within its kept tolerance.
  static func isBetter(_ first: SolvedAllocation, than second: SolvedAllocation) -> Bool {
    let objectives = first.formulation.model.objectives
    for (position, objective) in objectives.enumerated() {
      guard first.result.stages.indices.contains(position), second.result.stages.indices.contains(position),
        let a = first.result.stages[position].objectiveValue, let b = second.result.stages[position].objectiveValue
      else { return false }
      let slack = max(objective.relativeTolerance, 1e-7) * max(1, abs(a), abs(b))
      if abs(a - b) <= slack { continue }
      return objective.sense == .maximize ? a > b : a < b
    }
    return false
  }
}
