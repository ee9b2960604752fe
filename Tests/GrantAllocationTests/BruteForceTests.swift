import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

/// Random all-or-nothing instances, checked against exhaustive enumeration of every funded set and
/// every partner choice.
@Suite("Allocation model against brute force")
struct BruteForceTests {
  struct Instance {
    var scenario: Scenario
  }

  static func randomScenario(seed: UInt64) -> Scenario {
    var random = SeededGenerator(seed: seed)
    let networkCount = Int.random(in: 2...3, using: &random)
    let builder = ScenarioBuilder(
      frame: Double(Int.random(in: 4...12, using: &random)) * 100, fairnessFloor: [0, 0.4, 0.8].randomElement(using: &random)!,
      value: Bool.random(using: &random) ? .count : .cost)
    builder.partner("p", hours: Double(Int.random(in: 2...8, using: &random)) * 20, price: 2)
    builder.partner("q", hours: Double(Int.random(in: 1...5, using: &random)) * 20, price: 3)
    var total = 0
    for network in 0..<networkCount {
      builder.network("n\(network)", pupils: Int.random(in: 50...500, using: &random))
      for rank in 1...Int.random(in: 1...3, using: &random) where total < 7 {
        total += 1
        let partners = [["p"], ["q"], ["p", "q"], ["q", "p"]].randomElement(using: &random)!
        builder.measure(
          "n\(network)m\(rank)", network: "n\(network)", rank: rank, cost: Double(Int.random(in: 1...6, using: &random)) * 50,
          hours: Double(Int.random(in: 0...3, using: &random)) * 20, partners: partners,
          continuing: Int.random(in: 0..<12, using: &random) == 0, eligible: Int.random(in: 0..<8, using: &random) != 0)
      }
    }
    return builder.scenario
  }

  /// The lexicographic objective values (fairness shortfall, then one value per tier) of a funded
  /// set, or nil when it is infeasible for every partner choice.
  static func bestObjective(_ scenario: Scenario) -> [Double]? {
    let measures = scenario.measures
    let count = measures.count
    let ranks = Set(measures.map(\.rank)).sorted()
    let keyShares = scenario.networkKeyShares()
    let frame = scenario.schemes[0].frame
    var best: [Double]?
    func better(_ a: [Double], _ b: [Double]) -> Bool {
      for (x, y) in zip(a, b) where abs(x - y) > 1e-7 { return x < y }
      return false
    }
    for mask in 0..<(1 << count) {
      let funded = (0..<count).map { mask & (1 << $0) != 0 }
      var ok = true
      for (index, measure) in measures.enumerated() {
        let eligible = measure.failedCriteria(under: scenario.schemes[0]).isEmpty
        if funded[index] && !eligible { ok = false }
        if measure.continuing && eligible && !funded[index] { ok = false }
        // Priority order among eligible, non-continuing measures of the same list.
        if funded[index], eligible, !measure.continuing {
          let above = measures.indices.filter {
            measures[$0].holder == measure.holder && measures[$0].rank < measure.rank && !measures[$0].continuing
              && measures[$0].failedCriteria(under: scenario.schemes[0]).isEmpty
          }
          if above.contains(where: { !funded[$0] }) { ok = false }
        }
      }
      guard ok else { continue }
      // Every partner choice for the funded measures with hours.
      let needing = measures.indices.filter { funded[$0] && measures[$0].hours(.partner2) > 0 }
      var choice = [Int](repeating: 0, count: needing.count)
      while true {
        var used: [PartnerID: Double] = [:]
        var money = 0.0
        var received: [NetworkID: Double] = [:]
        var feasible = true
        for (index, measure) in measures.enumerated() where funded[index] {
          var cost = measure.stateCost
          if let position = needing.firstIndex(of: index) {
            guard position < choice.count, choice[position] < measure.acceptablePartners.count else { feasible = false; break }
            let partner = scenario.partner(measure.acceptablePartners[choice[position]])!
            used[partner.id, default: 0] += measure.hours(.partner2)
            cost += measure.hours(.partner2) * partner.hourlyPrice(.partner2)
          }
          money += cost
          if let network = measure.holder.network { received[network, default: 0] += cost }
        }
        if feasible, money <= frame + 1e-9, scenario.partners.allSatisfy({ (used[$0.id] ?? 0) <= $0.hours(.partner2) + 1e-9 }) {
          var shortfall = 0.0
          if scenario.policy.fairnessFloor > 0 {
            for network in scenario.networks {
              let request = measures.filter {
                $0.holder == .network(network.id) && $0.failedCriteria(under: scenario.schemes[0]).isEmpty
              }.compactMap { scenario.cheapestFullCost(of: $0) }.reduce(0, +)
              let target = min(scenario.policy.fairnessFloor * keyShares[network.id]! * frame, request)
              if target >= 1 { shortfall += max(0, 1 - (received[network.id] ?? 0) / target) }
            }
          }
          let tiers = ranks.map { rank -> Double in
            -measures.indices.filter {
              funded[$0] && measures[$0].rank == rank && !measures[$0].continuing
            }.map { scenario.policy.value == .count ? 1 : scenario.cheapestFullCost(of: measures[$0])! }.reduce(0, +)
          }
          let objective = [shortfall] + tiers
          if best == nil || better(objective, best!) { best = objective }
        }
        // Next partner choice.
        var position = 0
        while position < needing.count {
          choice[position] += 1
          if choice[position] < measures[needing[position]].acceptablePartners.count { break }
          choice[position] = 0
          position += 1
        }
        if position == needing.count { break }
      }
    }
    return best
  }

  @Test("dekom's optimum equals the exhaustive optimum", arguments: 1...60)
  func matchesBruteForce(seed: Int) {
    let scenario = Self.randomScenario(seed: UInt64(seed))
    let result = Allocator(solver: GLPKSolver()).allocate(scenario)
    let best = Self.bestObjective(scenario)
    guard let best else {
      #expect(result.status == .infeasible)
      return
    }
    #expect(result.status == .optimal)
    // Fairness stage, if any, then the tiers, in the order the model solved them.
    var stages = result.stages.makeIterator()
    var expected = best.makeIterator()
    let fairnessTarget = expected.next()!
    if result.stages.first?.name == "fairness" {
      #expect(abs(stages.next()!.objectiveValue! - fairnessTarget) < 1e-5, "seed \(seed)")
    } else {
      #expect(abs(fairnessTarget) < 1e-9)
    }
    let scale = scenario.policy.value == .cost ? 1000.0 : 1.0  // the model counts cost in thousands of NOK
    let tierStages = result.stages.filter { $0.name.hasPrefix("priority rank") }
    for stage in tierStages {
      let rank = Int(stage.name.split(separator: " ").last!)!
      let ranks = Set(scenario.measures.map(\.rank)).sorted()
      let target = -best[1 + ranks.firstIndex(of: rank)!] / scale
      #expect(abs(stage.objectiveValue! - target) < 1e-5 * max(1, abs(target)), "seed \(seed), \(stage.name)")
    }
  }
}
