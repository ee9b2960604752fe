import GrantAllocation

/// Small all-or-nothing scenarios and their exhaustive optimum, for checking the model.
public enum BruteForce {
  /// One measure of a small scenario, in whole units so that generators can shrink it.
  public struct MeasureSpec: Sendable, Equatable {
    public var network: Int
    public var costUnits: Int
    public var hourUnits: Int
    public var partnerChoice: Int
    public var continuing: Bool
    public var eligible: Bool

    public init(network: Int, costUnits: Int, hourUnits: Int, partnerChoice: Int, continuing: Bool, eligible: Bool) {
      self.network = network
      self.costUnits = costUnits
      self.hourUnits = hourUnits
      self.partnerChoice = partnerChoice
      self.continuing = continuing
      self.eligible = eligible
    }
  }

  /// A scenario with partners p (price 2) and q (price 3), up to three networks, and the measures
  /// in list order (a measure's rank is its place among its network's measures).
  public static func scenario(
    frameUnits: Int, floorChoice: Int, costValued: Bool, pUnits: Int, qUnits: Int, pupils: [Int], measures: [MeasureSpec]
  ) -> Scenario {
    let builder = ScenarioBuilder(
      frame: Double(frameUnits) * 100, fairnessFloor: [0, 0.4, 0.8][floorChoice % 3], value: costValued ? .cost : .count)
    builder.partner("p", hours: Double(pUnits) * 20, price: 2)
    builder.partner("q", hours: Double(qUnits) * 20, price: 3)
    for (network, count) in pupils.enumerated() { builder.network("n\(network)", pupils: count) }
    var ranks: [Int: Int] = [:]
    for spec in measures {
      let network = spec.network % max(pupils.count, 1)
      ranks[network, default: 0] += 1
      let rank = ranks[network]!
      builder.measure(
        "n\(network)m\(rank)", network: "n\(network)", rank: rank, cost: Double(spec.costUnits) * 50,
        hours: Double(spec.hourUnits) * 20, partners: [["p"], ["q"], ["p", "q"], ["q", "p"]][spec.partnerChoice % 4],
        continuing: spec.continuing, eligible: spec.eligible)
    }
    return builder.scenario
  }

  /// A random small scenario from a seed: 2–3 networks, up to 7 measures.
  public static func randomScenario(seed: UInt64) -> Scenario {
    var random = SeededGenerator(seed: seed)
    let networkCount = Int.random(in: 2...3, using: &random)
    let frame = Int.random(in: 4...12, using: &random)
    let floor = Int.random(in: 0...2, using: &random)
    let costValued = Bool.random(using: &random)
    let p = Int.random(in: 2...8, using: &random)
    let q = Int.random(in: 1...5, using: &random)
    let pupils = (0..<networkCount).map { _ in Int.random(in: 50...500, using: &random) }
    var specs: [MeasureSpec] = []
    for network in 0..<networkCount {
      for _ in 1...Int.random(in: 1...3, using: &random) where specs.count < 7 {
        specs.append(
          MeasureSpec(
            network: network, costUnits: Int.random(in: 1...6, using: &random), hourUnits: Int.random(in: 0...3, using: &random),
            partnerChoice: Int.random(in: 0...3, using: &random), continuing: Int.random(in: 0..<12, using: &random) == 0,
            eligible: Int.random(in: 0..<8, using: &random) != 0))
      }
    }
    return scenario(frameUnits: frame, floorChoice: floor, costValued: costValued, pUnits: p, qUnits: q, pupils: pupils, measures: specs)
  }

  /// The lexicographic objective values (fairness shortfall, then one value per tier) of a funded
  /// set whose partners follow the network's choice, or nil when no funded set is feasible.
  public static func bestObjective(_ scenario: Scenario) -> [Double]? {
    let measures = scenario.measures
    let count = measures.count
    let ranks = Set(measures.map(\.rank)).sorted()
    let keyShares = scenario.networkKeyShares(scheme: scenario.schemes[0])
    let frame = scenario.schemes[0].frame
    var best: [Double]?
    func better(_ a: [Double], _ b: [Double]) -> Bool {
      for (x, y) in zip(a, b) where abs(x - y) > 1e-7 { return x < y }
      return false
    }
    /// Fairness shortfall, then one value per tier (negated: smaller is better).
    func objectiveValues(funded: [Bool], received: [NetworkID: Double]) -> [Double] {
      var shortfall = 0.0
      if scenario.policy.fairnessFloor > 0 {
        for network in scenario.networks {
          let request = measures.filter {
            $0.holder == .network(network.id) && $0.failedCriteria(under: scenario.schemes[0]).isEmpty && $0.lock != MeasureLock.none
          }.compactMap { scenario.cheapestFullCost(of: $0) }.reduce(0, +)
          let target = min(scenario.policy.fairnessFloor * keyShares[network.id]! * frame, request)
          if target >= 1 { shortfall += max(0, 1 - (received[network.id] ?? 0) / target) }
        }
      }
      let tiers = ranks.map { rank -> Double in
        -measures.indices.filter {
          funded[$0] && measures[$0].rank == rank && !measures[$0].continuing && measures[$0].lock == nil
        }.map { scenario.policy.value == .count ? 1 : scenario.cheapestFullCost(of: measures[$0])! }.reduce(0, +)
      }
      return [shortfall] + tiers
    }
    for mask in 0..<(1 << count) {
      let funded = (0..<count).map { mask & (1 << $0) != 0 }
      var ok = true
      for (index, measure) in measures.enumerated() {
        let eligible = measure.failedCriteria(under: scenario.schemes[0]).isEmpty
        if funded[index] && !eligible { ok = false }
        if measure.continuing && eligible && measure.lock != MeasureLock.none && !funded[index] { ok = false }
        // The forum's locks (all or nothing here: a share locked is the whole measure).
        if eligible, let lock = measure.lock, funded[index] != (lock != .none) { ok = false }
        // Priority order among eligible, non-continuing, unlocked measures of the same list.
        if funded[index], eligible, !measure.continuing, measure.lock == nil {
          let above = measures.indices.filter {
            measures[$0].holder == measure.holder && measures[$0].rank < measure.rank && !measures[$0].continuing
              && measures[$0].lock == nil && measures[$0].failedCriteria(under: scenario.schemes[0]).isEmpty
          }
          if above.contains(where: { !funded[$0] }) { ok = false }
        }
      }
      guard ok else { continue }
      // Every partner choice for the funded measures with hours; a choice follows the network's
      // choice of partner when no funded measure is at a partner while one before it in its
      // order has idle hours for all of its hours after the whole allocation.
      let needing = measures.indices.filter { funded[$0] && measures[$0].hours(.partner2) > 0 }
      let able = measures.map { measure in measure.acceptablePartners.filter { (scenario.partner($0)?.hours(.partner2) ?? 0) > 0 } }
      if needing.contains(where: { able[$0].isEmpty }) { continue }
      var choice = [Int](repeating: 0, count: needing.count)
      while true {
        var used: [PartnerID: Double] = [:]
        var money = 0.0
        var received: [NetworkID: Double] = [:]
        for (index, measure) in measures.enumerated() where funded[index] {
          var cost = measure.stateCost
          if let position = needing.firstIndex(of: index) {
            let partner = able[index][choice[position]]
            used[partner, default: 0] += measure.hours(.partner2)
            cost += measure.hours(.partner2) * (scenario.partner(partner)?.hourlyPrice(.partner2) ?? .nan)
          }
          money += cost
          if let network = measure.holder.network { received[network, default: 0] += cost }
        }
        let idle = Dictionary(uniqueKeysWithValues: scenario.partners.map { ($0.id, $0.hours(.partner2) - (used[$0.id] ?? 0)) })
        let withinCapacity = idle.values.allSatisfy { $0 >= -1e-9 }
        let followsRule = needing.enumerated().allSatisfy { position, index in
          able[index].prefix(choice[position]).allSatisfy { (idle[$0] ?? 0) < measures[index].hours(.partner2) - 1e-9 }
        }
        if withinCapacity, followsRule, money <= frame + 1e-9 {
          let objective = objectiveValues(funded: funded, received: received)
          if best == nil || better(objective, best!) { best = objective }
        }
        // Next partner choice.
        var position = 0
        while position < needing.count {
          choice[position] += 1
          if choice[position] < able[needing[position]].count { break }
          choice[position] = 0
          position += 1
        }
        if position == needing.count { break }
      }
    }
    return best
  }

  /// How dekom's solved stages differ from the exhaustive optimum (empty when they agree).
  ///
  /// - Parameter allowingWorse: accept an allocation lexicographically below the optimum (the first
  ///   stage that differs is worse for dekom), never one above it.
  public static func disagreements(_ scenario: Scenario, _ result: AllocationResult, allowingWorse: Bool = false) -> [String] {
    guard let best = bestObjective(scenario) else {
      // No allocation follows the rule: dekom has none, or one it says does not follow it.
      if result.status == .infeasible || (result.hasAllocation && result.partnerRule?.settled == false) { return [] }
      return ["brute force finds no allocation that follows the rule; dekom says \(result.status)"]
    }
    guard result.status == .optimal else { return ["brute force finds an optimum; dekom says \(result.status)"] }
    // (stage, dekom's value, brute force's value, whether larger is better), in stage order.
    var compared: [(String, Double, Double, Bool)] = []
    var found: [String] = []
    if let fairness = result.stages.first, fairness.name == "fairness" {
      compared.append(("fairness", fairness.objectiveValue ?? .nan, best[0], false))
    } else if abs(best[0]) > 1e-9 {
      found.append("no fairness stage, but brute force has shortfall \(best[0])")
    }
    let scale = scenario.policy.value == .cost ? 1000.0 : 1.0  // the model counts cost in thousands of NOK
    let ranks = Set(scenario.measures.map(\.rank)).sorted()
    for stage in result.stages where stage.name.hasPrefix("priority rank") {
      guard let rank = Int(stage.name.split(separator: " ").last ?? ""), let position = ranks.firstIndex(of: rank) else {
        found.append("unknown stage \(stage.name)")
        continue
      }
      compared.append((stage.name, stage.objectiveValue ?? .nan, -best[1 + position] / scale, true))
    }
    for (name, value, target, larger) in compared {
      let tolerance = name == "fairness" ? 1e-5 : 1e-5 * max(1, abs(target))
      if abs(value - target) < tolerance { continue }
      let worse = larger ? value < target : value > target
      if allowingWorse, worse { return found }
      found.append("\(name): \(value), brute force \(target)")
      if allowingWorse { return found }
    }
    return found
  }
}
