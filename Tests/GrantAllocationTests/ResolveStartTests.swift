import GLPKBackend
import GrantAllocation
import LinearProgramming
import TestSupport
import Testing

/// Re-solves that start from a nearby allocation, and GLPK's cuts at the root only: faster ways
/// to the same optimum, checked against exhaustive enumeration.
@Suite("Re-solves from a known allocation")
struct ResolveStartTests {
  /// The random scenario of `seed` with its frame scaled by `factor`.
  static func changed(_ scenario: Scenario, frameTimes factor: Double) -> Scenario {
    var changed = scenario
    changed.schemes[0].frame = (changed.schemes[0].frame * factor).rounded()
    return changed
  }

  @Test(
    "a re-solve started from the base allocation gives brute force's optimum, with the frame raised or cut",
    arguments: 1...24, [0.6, 1.4])
  func knownStart(seed: Int, factor: Double) {
    let scenario = BruteForce.randomScenario(seed: UInt64(seed))
    let base = Allocator(solver: GLPKSolver()).allocate(scenario)
    #expect(base.status == .optimal, "seed \(seed)")
    let changed = Self.changed(scenario, frameTimes: factor)
    // A cut frame leaves the base infeasible: its choices must then be dropped, not offered.
    let started = Allocator(solver: GLPKSolver()).allocate(changed, known: AllocationReference(base))
    let plain = Allocator(solver: GLPKSolver()).allocate(changed)
    // A frame cut below what the commitments need leaves no allocation at all; the start must not hide that.
    #expect(started.status == plain.status, "seed \(seed) × \(factor)")
    guard plain.status == .optimal else { return }
    #expect(BruteForce.disagreements(changed, started) == [], "seed \(seed) × \(factor)")
    for (found, reference) in zip(started.stages, plain.stages) {
      let scale = max(1, abs(reference.objectiveValue ?? 0))
      #expect(abs((found.objectiveValue ?? .nan) - (reference.objectiveValue ?? .nan)) <= 1e-6 * scale, "seed \(seed) \(found.name)")
    }
  }

  @Test("branch-and-cut with cuts at the root only gives brute force's optimum", arguments: 1...24)
  func rootCuts(seed: Int) {
    let scenario = BruteForce.randomScenario(seed: UInt64(seed))
    let result = Allocator(solver: GLPKSolver(cutsBelowRoot: false)).allocate(scenario)
    #expect(result.status == .optimal, "seed \(seed)")
    #expect(BruteForce.disagreements(scenario, result) == [], "seed \(seed)")
  }
}
