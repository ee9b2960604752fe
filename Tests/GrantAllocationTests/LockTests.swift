import GLPKBackend
import TestSupport
import Testing

@testable import GrantAllocation

/// The forum's locks from the meeting (fund in full, at least a share, not at all): the locked
/// measure gets what the lock says, stands outside the priority contest, and the rest is solved
/// around it.
@Suite("Locks from the meeting")
struct LockTests {
  func solve(_ builder: ScenarioBuilder) -> AllocationResult { Allocator(solver: GLPKSolver()).allocate(builder.scenario) }

  func share(_ result: AllocationResult, _ id: String) -> Double? { result.outcome(MeasureID(id))?.share }

  /// One list a1 (300), a2 (300), a3 (200) in a frame of 500: unlocked, only a1 fits.
  func list() -> ScenarioBuilder {
    let builder = ScenarioBuilder(frame: 500)
    builder.network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 300)
    builder.measure("a2", network: "a", rank: 2, cost: 300, minimumShare: 0.25)
    builder.measure("a3", network: "a", rank: 3, cost: 200)
    return builder
  }

  @Test("unlocked, the list's order decides: a1 in full, a2 with the rest, a3 not")
  func unlocked() {
    let result = solve(list())
    #expect(share(result, "a1") == 1)
    #expect(abs((share(result, "a2") ?? 0) - 2.0 / 3) < 1e-6)
    #expect(share(result, "a3") == 0)
  }

  @Test("fund fully: a3 is funded although a2 above it is not, and the measures above are not forced")
  func full() {
    let result = solve(list().lock("a3", .full))
    #expect(result.status == .optimal)
    #expect(share(result, "a3") == 1)
    #expect(share(result, "a1") == 1)
    // What is left after a1 and a3 (0 kr) goes nowhere: a2 is not held at a3's share.
    #expect(share(result, "a2") == 0)
    #expect(result.outcome(MeasureID("a3"))?.reasons == [.lockedByForum(.full)])
  }

  @Test("not at all: a1 is dropped and the measures below it move up")
  func none() {
    let result = solve(list().lock("a1", MeasureLock.none))
    #expect(share(result, "a1") == 0)
    #expect(share(result, "a2") == 1)
    #expect(share(result, "a3") == 1)
    #expect(result.outcome(MeasureID("a1"))?.reasons == [.lockedByForum(.none)])
  }

  @Test("at least a share: a2 gets its half, and what no measure in the contest can use on top")
  func atLeast() {
    let builder = list().lock("a2", .atLeast(0.5))
    let result = solve(builder)
    #expect(share(result, "a1") == 1)
    // 150 kr for half of a2; a3 (200) does not fit in the 50 left, which a2 then takes.
    #expect(share(result, "a3") == 0)
    #expect(abs((share(result, "a2") ?? 0) - 200.0 / 300) < 1e-6)
    // With 150 kr more, a3 comes before a2's part above its lock.
    builder.scenario.schemes[0].frame = 650
    let larger = solve(builder)
    #expect(share(larger, "a3") == 1)
    #expect(abs((share(larger, "a2") ?? 0) - 0.5) < 1e-6)
  }

  @Test("dropping a continuing commitment frees its money")
  func dropCommitment() {
    let builder = ScenarioBuilder(frame: 500)
    builder.network("a")
    builder.measure("c", network: "a", rank: 1, cost: 400, continuing: true)
    builder.measure("a1", network: "a", rank: 2, cost: 300)
    #expect(share(solve(builder), "a1") == 0)
    let result = solve(builder.lock("c", MeasureLock.none))
    #expect(share(result, "c") == 0)
    #expect(share(result, "a1") == 1)
  }

  @Test("a lock the frame cannot hold admits no allocation, and the diagnosis names the lock")
  func infeasible() {
    let result = solve(list().lock("a1", .full).lock("a2", .full))
    #expect(result.status == .infeasible)
    #expect(!result.hasAllocation)
    #expect(
      result.conflicts == [
        Conflict(
          inputs: [
            .frame(scheme: SchemeID("s"), nok: 500), .lock(measure: MeasureID("a1"), share: 1, cost: 300, hours: [:]),
            .lock(measure: MeasureID("a2"), share: 1, cost: 300, hours: [:]),
          ],
          remedies: [
            .raiseFrame(scheme: SchemeID("s"), by: 100), .liftLock(measure: MeasureID("a1")), .liftLock(measure: MeasureID("a2")),
          ])
      ])
  }

  @Test("in a plan, a lock decides the first year and the later years follow it")
  func plan() throws {
    let builder = ScenarioBuilder(frame: 300)
    builder.network("a")
    builder.measure("a1", network: "a", rank: 1, cost: 200).lasting([200])
    builder.measure("a2", network: "a", rank: 2, cost: 100).lasting([100])
    builder.plan(frames: [300, 300])
    let plain = Allocator(solver: GLPKSolver()).solvePlan(builder.scenario)
    #expect(plain.years.map { $0.outcome(MeasureID("a1"))?.share } == [1, 1])
    builder.lock("a1", MeasureLock.none)
    let locked = Allocator(solver: GLPKSolver()).solvePlan(builder.scenario)
    #expect(locked.years.map { $0.outcome(MeasureID("a1"))?.share } == [0, 0])
    #expect(locked.years.map { $0.outcome(MeasureID("a2"))?.share } == [1, 1])
  }

  @Test("locked measures agree with the exhaustive optimum", arguments: 1...40)
  func bruteForce(seed: Int) {
    var scenario = BruteForce.randomScenario(seed: UInt64(1000 + seed))
    var random = SeededGenerator(seed: UInt64(seed))
    let eligible = scenario.measureIndices.filter { scenario.measures[$0].criteria.schoolBased }
    for index in eligible.shuffled(using: &random).prefix(2) {
      scenario.measures[index.rawValue].lock = Bool.random(using: &random) ? .full : MeasureLock.none
    }
    let result = Allocator(solver: GLPKSolver()).allocate(scenario)
    #expect(BruteForce.disagreements(scenario, result) == [], "seed \(seed)")
    for (measure, outcome) in zip(scenario.measures, result.outcomes) where result.hasAllocation {
      switch measure.lock {
      case .full?: #expect(outcome.share == 1, "seed \(seed): \(measure.id)")
      case .none?: #expect(outcome.share == 0, "seed \(seed): \(measure.id)")
      default: break
      }
    }
  }
}
