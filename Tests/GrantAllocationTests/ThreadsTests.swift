import Dispatch
import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

/// GLPK keeps its memory per thread; solves on many threads at once must give the same answers
/// as one after another.
@Suite("Same answer on one thread and many")
struct ThreadsTests {
  @Test("eight random scenarios solved serially and concurrently agree exactly")
  func concurrentEqualsSerial() {
    let scenarios = (1...8).map { BruteForceTests.randomScenario(seed: UInt64(100 + $0)) }
    let allocator = Allocator(solver: GLPKSolver())
    let serial = scenarios.map { allocator.allocate($0).outcomes }
    let box = ResultsBox(count: scenarios.count)
    DispatchQueue.concurrentPerform(iterations: scenarios.count * 3) { iteration in
      let index = iteration % scenarios.count
      box.set(index, allocator.allocate(scenarios[index]).outcomes)
    }
    for index in scenarios.indices {
      #expect(box.results[index].count == 3)
      for outcomes in box.results[index] { #expect(outcomes == serial[index]) }
    }
  }
}

/// Collects results from several threads.
private final class ResultsBox: @unchecked Sendable {
  private let lock = NSLockLike()
  private(set) var results: [[[MeasureOutcome]]]

  init(count: Int) { results = Array(repeating: [], count: count) }

  func set(_ index: Int, _ outcomes: [MeasureOutcome]) {
    lock.withLock { results[index].append(outcomes) }
  }
}

/// A tiny lock on a serial dispatch queue (Foundation is not imported here).
private final class NSLockLike: @unchecked Sendable {
  private let queue = DispatchQueue(label: "ThreadsTests.lock")
  func withLock(_ body: () -> Void) { queue.sync(execute: body) }
}
