import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

/// Random all-or-nothing instances, checked against exhaustive enumeration of every funded set and
/// every partner choice that follows the network's choice of partner (see also the property-based
/// version in VerificationTests).
@Suite("Allocation model against brute force")
struct BruteForceTests {
  static func randomScenario(seed: UInt64) -> Scenario { BruteForce.randomScenario(seed: seed) }

  @Test("dekom's optimum equals the exhaustive optimum", arguments: 1...60)
  func matchesBruteForce(seed: Int) {
    let scenario = BruteForce.randomScenario(seed: UInt64(seed))
    let result = Allocator(solver: GLPKSolver()).allocate(scenario)
    #expect(BruteForce.disagreements(scenario, result) == [], "seed \(seed)")
  }
}
