import GrantAllocation

/// Which measures the fairness floors of other networks hold back: found by solving once more
/// without the floors and comparing.
struct FairnessEffect {
  /// Measure index → the networks (other than its own) that receive more in its scheme because of
  /// their floors.
  var networksFavoured: [MeasureIndex: [NetworkID]] = [:]
  var resolves = 0

  static func find(_ result: AllocationResult, allocator: Allocator, timeLimitSeconds: Double) -> FairnessEffect {
    let scenario = result.scenario
    guard scenario.policy.fairnessFloor > 0, !result.fairness.isEmpty else { return FairnessEffect() }
    var withoutFloors = scenario
    withoutFloors.policy.fairnessFloor = 0
    let free = allocator.allocate(withoutFloors, timeLimitSeconds: timeLimitSeconds, partnersFrom: result)
    var effect = FairnessEffect(resolves: 1)
    // Only a proven optimum without the floors can show what the floors hold back.
    guard free.hasAllocation, free.status == .optimal else { return effect }
    // Money per network and scheme with and without the floors.
    func received(_ outcomes: [MeasureOutcome]) -> [ListKey: Double] {
      var money: [ListKey: Double] = [:]
      for (measure, outcome) in zip(scenario.measures, outcomes) {
        money[ListKey(holder: measure.holder, scheme: measure.scheme), default: 0] += outcome.stateMoney
      }
      return money
    }
    let with = received(result.outcomes)
    let without = received(free.outcomes)
    for (index, outcome) in zip(scenario.measureIndices, result.outcomes)
    where outcome.status == .notFunded || outcome.status == .partlyFunded {
      guard free.outcomes[index].share > outcome.share + 1e-6 else { continue }
      let measure = scenario.measures[index]
      let favoured = result.fairness.filter { floor in
        let key = ListKey(holder: .network(floor.network), scheme: measure.scheme)
        return floor.scheme == measure.scheme && measure.holder != .network(floor.network)
          && (with[key] ?? 0) > (without[key] ?? 0) + 0.5
      }
      .map(\.network)
      if !favoured.isEmpty { effect.networksFavoured[index] = favoured }
    }
    return effect
  }
}
