import Dispatch
import Foundation

/// Runs `body` for `0..<count` on all cores and returns the answers in index order.
///
/// Meant for independent solves: GLPK keeps its memory per thread, so each call of `body` must
/// build, solve and free its own problem (as ``Allocator`` does). The answers do not depend on
/// which thread ran what.
public func concurrentMap<Value: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
  let slots = Slots<Value>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, body(index)) }
  return slots.values.map { value in
    // concurrentPerform has run every iteration before it returns.
    guard let value else { preconditionFailure("an iteration of concurrentMap left no value") }
    return value
  }
}

/// One slot per iteration, written under a lock.
private final class Slots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Value?]

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

  var values: [Value?] { lock.withLock { storage } }
}
