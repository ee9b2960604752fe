import Foundation
import GrantAllocation
import LinearProgramming
import Variants

/// Everything dekom can say about an allocation beyond the reasons read from the solved model:
/// shadow prices, what it would take to fund each measure, and the waiting lists.
public struct Explanation: Sendable, Equatable {
  public var shadowPrices: ShadowPrices
  /// One per eligible measure not funded in full, in scenario order.
  public var whatItTakes: [WhatItTakes]
  /// One per scheme, in scenario order.
  public var waitingLists: [WaitingList]
  /// How many whole allocations were solved again to find these answers.
  public var resolves: Int
  /// The searches were not run because the allocation itself is not proven optimal (its solve
  /// stopped at the time limit): a re-solve with one change could not be compared with it.
  public var searchesSkipped = false
}

/// Explains a solved allocation by analysing its model and by solving it again with one change at
/// a time. Every answer comes from a solve, none from a rule of thumb.
public struct Explainer: Sendable {
  public let allocator: Allocator
  public let analyser: any SensitivityAnalyser
  /// Solves the what-it-takes re-solves, of which only whether the measure is funded in full is
  /// read (so a solver that may end at another of equally good answers serves); default
  /// ``allocator``.
  public var searchAllocator: Allocator
  /// The time limit of each re-solve.
  public var timeLimitSeconds: Double
  /// At most this many re-solves per measure (the searches stop and say "not searched" beyond).
  public var resolvesPerMeasure: Int
  /// Called after each measure's searches, with how many of how many measures are done (from
  /// several threads, in any order).
  public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

  public init(allocator: Allocator, analyser: any SensitivityAnalyser, timeLimitSeconds: Double, resolvesPerMeasure: Int = 40) {
    self.allocator = allocator
    self.searchAllocator = allocator
    self.analyser = analyser
    self.timeLimitSeconds = timeLimitSeconds
    self.resolvesPerMeasure = resolvesPerMeasure
  }

  /// The explanation of `solved`, and its result with the reasons that need a re-solve added
  /// (the fairness floors of other networks).
  public func explain(_ solved: SolvedAllocation) -> (result: AllocationResult, explanation: Explanation) {
    var result = solved.result
    let prices = ShadowPrices.analyse(solved, with: analyser, timeLimitSeconds: timeLimitSeconds)
    guard result.hasAllocation else {
      return (result, Explanation(shadowPrices: prices, whatItTakes: [], waitingLists: [], resolves: 0))
    }
    let scenario = result.scenario
    guard result.status == .optimal else {
      var explanation = Explanation(shadowPrices: prices, whatItTakes: [], waitingLists: [], resolves: 0)
      explanation.searchesSkipped = true
      return (result, explanation)
    }
    let fairness = FairnessEffect.find(result, allocator: allocator, timeLimitSeconds: timeLimitSeconds)
    for (index, networks) in fairness.networksFavoured {
      result.outcomes[index].reasons.append(.fairnessFloorOfOthers(networks))
    }
    let candidates = scenario.measureIndices.filter { Self.isSearched($0, in: result) }
    let base = result
    var schemes: [SchemeID] = []
    for index in candidates where !schemes.contains(scenario.measures[index].scheme) { schemes.append(scenario.measures[index].scheme) }
    let ample = ampleFrameResults(base, schemes: schemes)
    let counter = ProgressCounter(total: candidates.count, report: progress)
    let searches = concurrentMap(candidates.count) { position in
      var search = MeasureSearch(
        explainer: self, base: base, index: candidates[position], ample: ample.results[scenario.measures[candidates[position]].scheme])
      defer { counter.step() }
      return search.run()
    }
    let findings = searches.map(\.finding)
    return (
      result,
      Explanation(
        shadowPrices: prices, whatItTakes: findings, waitingLists: WaitingList.build(scenario: scenario, findings: findings),
        resolves: searches.reduce(fairness.resolves + ample.resolves) { $0 + $1.resolves })
    )
  }
}

extension Explainer {
  /// What it would take to fund one measure of `result` in full (for a page that explains one
  /// measure on demand); `nil` when the measure is unknown, funded in full, ineligible, a
  /// continuing commitment or locked, or when `result` is not proven optimal (re-solves are compared with
  /// it, as in ``explain(_:)``).
  public func whatItTakes(_ measure: MeasureID, in result: AllocationResult) -> WhatItTakes? {
    guard result.hasAllocation, result.status == .optimal, let index = result.scenario.measureIndex(measure),
      Self.isSearched(index, in: result)
    else { return nil }
    let scheme = result.scenario.measures[index].scheme
    let ample = ampleFrameResults(result, schemes: [scheme])
    var search = MeasureSearch(explainer: self, base: result, index: index, ample: ample.results[scheme])
    return search.run().finding
  }
}

extension Explainer {
  /// Whether measure `index` gets a what-it-takes search: eligible, not funded in full, not a
  /// continuing commitment and not locked by the forum.
  static func isSearched(_ index: MeasureIndex, in result: AllocationResult) -> Bool {
    let status = result.outcomes[index].status
    let measure = result.scenario.measures[index]
    // A locked measure's share is the forum's decision, not the solve's: nothing to search for.
    return (status == .notFunded || status == .partlyFunded) && !measure.continuing && measure.lock == nil
  }
}

/// Counts finished measures across threads and passes the count on.
private final class ProgressCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  let total: Int
  let report: (@Sendable (Int, Int) -> Void)?

  init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
    self.total = total
    self.report = report
  }

  func step() {
    let now = lock.withLock {
      done += 1
      return done
    }
    report?(now, total)
  }
}
