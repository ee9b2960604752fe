import GLPKBackend
import GrantAllocation
import ScenarioFiles
import TestSupport
import Testing
import Verification

/// A solve cut short by the time limit gives its best allocation, which must still hold every
/// rule, or says plainly that it has none; it never crashes.
@Suite("Time limits")
struct TimeLimitTests {
  @Test("any time limit: a valid allocation or a plain no", arguments: [0.0005, 0.002, 0.01, 0.05, 0.1, 0.2, 0.4])
  func cutShort(seconds: Double) throws {
    let scenario = try ScenarioLoader.load(directory: repositoryRoot.appendingPathComponent("scenarios/trondelag"))
    let result = Allocator(solver: GLPKSolver()).allocate(scenario, timeLimitSeconds: seconds)
    if result.hasAllocation {
      #expect(result.status == .optimal || result.status == .feasible)
      #expect(AllocationVerifier(result).violations() == [])
      #expect(SettlementVerifier(scenario: scenario, outcomes: result.outcomes, settlement: Settlement(result)).violations() == [])
    } else {
      #expect(result.status == .timeLimitWithoutSolution)
      #expect(result.outcomes.isEmpty)
    }
  }
}
