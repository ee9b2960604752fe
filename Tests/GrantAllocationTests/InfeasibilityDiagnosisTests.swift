import Foundation
import GLPKBackend
import LinearProgramming
import TestSupport
import Testing

@testable import GrantAllocation

/// The diagnosis of scenarios that admit no allocation, on instances small enough to check by hand.
///
/// Minimality and remedies are checked on the *data*, not through the diagnosis's own relaxations:
/// a member is lifted by changing the scenario as the forum would (a huge frame, a commitment no
/// longer continuing, …) and the scenario is solved again.
@Suite("Infeasibility diagnosis")
struct InfeasibilityDiagnosisTests {
  func solve(_ scenario: Scenario) -> AllocationResult { Allocator(solver: GLPKSolver()).allocate(scenario) }

  func conflicts(_ builder: ScenarioBuilder) -> [Conflict] {
    let result = solve(builder.scenario)
    #expect(result.status == .infeasible)
    #expect(!result.hasAllocation)
    return result.conflicts
  }

  static func addScheme(_ builder: ScenarioBuilder, _ id: String, frame: Double) {
    builder.scenario.schemes.append(Scheme(id: SchemeID(id), name: id.uppercased(), frame: frame, egenandelRate: 0.3, partnerKinds: [.uh]))
  }

  static func setSinglePartner(_ builder: ScenarioBuilder, _ id: String, _ value: Bool) {
    let index = builder.scenario.measures.firstIndex { $0.id == MeasureID(id) }!
    builder.scenario.measures[index].singlePartner = value
  }

  // MARK: - Lifting inputs in the data

  /// Identifies an input without its numbers.
  static func key(_ input: ConflictingInput) -> String {
    switch input {
    case .frame(let scheme, _): "frame \(scheme)"
    case .capacity(let partner, let role, _): "capacity \(partner) \(role)"
    case .commitment(let measure, _, _): "commitment \(measure)"
    case .lock(let measure, _, _, _): "lock \(measure)"
    case .singlePartner(let measure): "single partner \(measure)"
    case .noPartnerHours(let measure, let role, _): "no partner hours \(measure) \(role)"
    }
  }

  /// Every hard input of the scenario, read from the data (not from the model).
  static func hardInputs(of scenario: Scenario) -> [ConflictingInput] {
    var found: [ConflictingInput] = scenario.schemes.map { .frame(scheme: $0.id, nok: $0.frame) }
    for partner in scenario.partners {
      for role in PartnerRole.allCases where partner.hours(role) > 0 {
        found.append(.capacity(partner: partner.id, role: role, hours: partner.hours(role)))
      }
    }
    for measure in scenario.measures {
      if let lock = measure.lock, lock != .none {
        found.append(.lock(measure: measure.id, share: lock.smallestShare, cost: 0, hours: [:]))
      } else if measure.continuing, measure.lock == nil {
        found.append(.commitment(measure: measure.id, cost: 0, hours: [:]))
      }
      if measure.singlePartner { found.append(.singlePartner(measure: measure.id)) }
      for role in PartnerRole.allCases where measure.hours(role) > 0 && scenario.candidatePartners(for: measure, role: role).isEmpty {
        found.append(.noPartnerHours(measure: measure.id, role: role, hours: measure.hours(role)))
      }
    }
    return found
  }

  /// The scenario with `input` no longer binding, changed as the forum would change it.
  static func lifting(_ input: ConflictingInput, in scenario: Scenario) -> Scenario {
    var scenario = scenario
    func measure(_ id: MeasureID) -> Int { scenario.measures.firstIndex { $0.id == id }! }
    switch input {
    case .frame(let scheme, _):
      scenario.schemes[scenario.schemes.firstIndex { $0.id == scheme }!].frame = 1e12
    case .capacity(let partner, let role, _):
      scenario.partners[scenario.partners.firstIndex { $0.id == partner }!].capacity[role] = 1e9
    case .commitment(let id, _, _):
      scenario.measures[measure(id)].continuing = false
    case .lock(let id, _, _, _):
      scenario.measures[measure(id)].lock = nil
    case .singlePartner(let id):
      scenario.measures[measure(id)].singlePartner = false
    case .noPartnerHours(let id, let role, _):
      scenario.measures[measure(id)].hours[role] = 0
    }
    return scenario
  }

  /// Checks on the data that `conflict`'s inputs alone conflict, and that without any one of them
  /// they do not.
  func expectMinimal(_ conflict: Conflict, in scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) {
    let members = Set(conflict.inputs.map(Self.key))
    var alone = scenario
    for input in Self.hardInputs(of: scenario) where !members.contains(Self.key(input)) { alone = Self.lifting(input, in: alone) }
    #expect(solve(alone).status == .infeasible, "the set alone does not conflict", sourceLocation: sourceLocation)
    for member in conflict.inputs {
      let status = solve(Self.lifting(member, in: alone)).status
      #expect(status.hasSolution, "still infeasible without \(Self.key(member))", sourceLocation: sourceLocation)
    }
  }

  /// Checks on the data that every remedy resolves the scenario, and that an amount one step
  /// smaller (a krone, a tenth of an hour) does not.
  func expectRemediesWork(_ conflict: Conflict, in scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) {
    func applying(_ remedy: Remedy, less: Bool) -> Scenario {
      var changed = scenario
      switch remedy {
      case .raiseFrame(let scheme, let amount):
        changed.schemes[changed.schemes.firstIndex { $0.id == scheme }!].frame += amount - (less ? 1 : 0)
      case .addHours(let partner, let role, let amount):
        changed.partners[changed.partners.firstIndex { $0.id == partner }!].capacity[role, default: 0] += amount - (less ? 0.1 : 0)
      case .endCommitment(let measure): changed = Self.lifting(.commitment(measure: measure, cost: 0, hours: [:]), in: scenario)
      case .liftLock(let measure): changed = Self.lifting(.lock(measure: measure, share: 1, cost: 0, hours: [:]), in: scenario)
      case .allowSeveralPartners(let measure): changed = Self.lifting(.singlePartner(measure: measure), in: scenario)
      case .givePartnerHours(let measure, let role, let hours):
        changed = Self.lifting(.noPartnerHours(measure: measure, role: role, hours: hours), in: scenario)
      }
      return changed
    }
    for remedy in conflict.remedies {
      #expect(solve(applying(remedy, less: false)).status.hasSolution, "\(remedy) does not resolve it", sourceLocation: sourceLocation)
      switch remedy {
      case .raiseFrame, .addHours:
        #expect(solve(applying(remedy, less: true)).status == .infeasible, "\(remedy) is not the least", sourceLocation: sourceLocation)
      default: break
      }
    }
  }

  // MARK: - Instances

  @Test("commitments over the frame: exactly the frame and those commitments, not the other scheme or measures")
  func commitmentsOverFrame() {
    let builder = ScenarioBuilder(frame: 500)
    Self.addScheme(builder, "t", frame: 1000)
    builder.network("a").network("b").partner("p", hours: 100, price: 1)
    builder.measure("a1", network: "a", rank: 1, cost: 300, continuing: true)
    builder.measure("a2", network: "a", rank: 2, cost: 100, hours: 10, partners: ["p"])
    builder.measure("b1", network: "b", rank: 1, cost: 300, continuing: true)
    builder.measure("t1", network: "a", rank: 1, cost: 200, continuing: true, scheme: "t")
    let found = conflicts(builder)
    #expect(
      found == [
        Conflict(
          inputs: [
            .frame(scheme: SchemeID("s"), nok: 500), .commitment(measure: MeasureID("a1"), cost: 300, hours: [:]),
            .commitment(measure: MeasureID("b1"), cost: 300, hours: [:]),
          ],
          remedies: [
            .raiseFrame(scheme: SchemeID("s"), by: 100), .endCommitment(measure: MeasureID("a1")),
            .endCommitment(measure: MeasureID("b1")),
          ])
      ])
    for conflict in found {
      expectMinimal(conflict, in: builder.scenario)
      expectRemediesWork(conflict, in: builder.scenario)
    }
  }

  @Test("the forum's locks over the frame: the frame and the locks that ask money, not the dropped measure or the commitment")
  func locksOverFrame() {
    let builder = ScenarioBuilder(frame: 900)
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 300, continuing: true)
    builder.measure("a2", network: "a", rank: 2, cost: 400)
    builder.measure("a3", network: "a", rank: 3, cost: 600, minimumShare: 0.25)
    builder.measure("b1", network: "b", rank: 1, cost: 500)
    builder.lock("a2", .full).lock("a3", .atLeast(0.5)).lock("b1", .none)
    let found = conflicts(builder)
    #expect(
      found == [
        Conflict(
          inputs: [
            .frame(scheme: SchemeID("s"), nok: 900), .commitment(measure: MeasureID("a1"), cost: 300, hours: [:]),
            .lock(measure: MeasureID("a2"), share: 1, cost: 400, hours: [:]),
            .lock(measure: MeasureID("a3"), share: 0.5, cost: 300, hours: [:]),
          ],
          remedies: [
            .raiseFrame(scheme: SchemeID("s"), by: 100), .endCommitment(measure: MeasureID("a1")), .liftLock(measure: MeasureID("a2")),
            .liftLock(measure: MeasureID("a3")),
          ])
      ])
    for conflict in found {
      expectMinimal(conflict, in: builder.scenario)
      expectRemediesWork(conflict, in: builder.scenario)
    }
  }

  @Test("a commitment whose only partner has no hours in the role it asks")
  func commitmentWithoutPartnerHours() {
    let builder = ScenarioBuilder(frame: 1_000_000)
    builder.network("a").partner("p", hours: 0, poolHours: 10)
    builder.measure("c", network: "a", rank: 1, cost: 100, hours: 40, partners: ["p"], continuing: true)
    let found = conflicts(builder)
    #expect(
      found == [
        Conflict(
          inputs: [
            .commitment(measure: MeasureID("c"), cost: 100, hours: [.partner2: 40]),
            .noPartnerHours(measure: MeasureID("c"), role: .partner2, hours: 40),
          ],
          remedies: [.endCommitment(measure: MeasureID("c")), .givePartnerHours(measure: MeasureID("c"), role: .partner2, hours: 40)])
      ])
    for conflict in found {
      expectMinimal(conflict, in: builder.scenario)
      expectRemediesWork(conflict, in: builder.scenario)
    }
  }

  @Test("two commitments that need more of one partner's hours than it has")
  func commitmentsOverCapacity() {
    let builder = ScenarioBuilder(frame: 10_000_000)
    builder.network("a").network("b").partner("p", hours: 100).partner("q", hours: 500)
    builder.measure("c1", network: "a", rank: 1, cost: 1000, hours: 60, partners: ["p"], continuing: true)
    builder.measure("c2", network: "b", rank: 1, cost: 1000, hours: 60, partners: ["p"], continuing: true)
    builder.measure("b2", network: "b", rank: 2, cost: 1000, hours: 60, partners: ["q", "p"])
    let found = conflicts(builder)
    #expect(
      found == [
        Conflict(
          inputs: [
            .capacity(partner: PartnerID("p"), role: .partner2, hours: 100),
            .commitment(measure: MeasureID("c1"), cost: 61000, hours: [.partner2: 60]),
            .commitment(measure: MeasureID("c2"), cost: 61000, hours: [.partner2: 60]),
          ],
          remedies: [
            .addHours(partner: PartnerID("p"), role: .partner2, by: 20), .endCommitment(measure: MeasureID("c1")),
            .endCommitment(measure: MeasureID("c2")),
          ])
      ])
    for conflict in found {
      expectMinimal(conflict, in: builder.scenario)
      expectRemediesWork(conflict, in: builder.scenario)
    }
  }

  @Test("three commitments of which any two exceed the frame: a set of two, minimal, and the frame's whole shortfall")
  func minimalAmongThree() {
    let builder = ScenarioBuilder(frame: 500)
    builder.network("a")
    for rank in 1...3 { builder.measure("a\(rank)", network: "a", rank: rank, cost: 300, continuing: true) }
    let found = conflicts(builder)
    #expect(found.count == 1)
    guard let conflict = found.first else { return }
    // Deletion in a fixed order: a1 is left out first, and without it a2 and a3 still conflict.
    #expect(
      conflict.inputs.map(Self.key) == ["frame s", "commitment a2", "commitment a3"])
    expectMinimal(conflict, in: builder.scenario)
    // Ending a2 or a3 alone leaves two commitments over the frame: the only single change that
    // resolves the scenario is a frame 400 larger.
    #expect(conflict.remedies == [.raiseFrame(scheme: SchemeID("s"), by: 400)])
    expectRemediesWork(conflict, in: builder.scenario)
  }

  @Test("a conflict between a frame and a partner's capacity together")
  func frameAndCapacityTogether() {
    // c needs 100 partner-2 hours: p has 50 at 1 000 kr/h, q has 200 at 2 000 kr/h. The cheapest
    // way, 50 h from each, costs 150 000 kr; the frame is 120 000 kr.
    let builder = ScenarioBuilder(frame: 120_000)
    builder.network("a").partner("p", hours: 50, price: 1000).partner("q", hours: 200, price: 2000)
    builder.measure("c", network: "a", rank: 1, cost: 0, hours: 100, partners: ["p", "q"], continuing: true)
    Self.setSinglePartner(builder, "c", false)
    let found = conflicts(builder)
    #expect(
      found == [
        Conflict(
          inputs: [
            .frame(scheme: SchemeID("s"), nok: 120_000), .capacity(partner: PartnerID("p"), role: .partner2, hours: 50),
            .commitment(measure: MeasureID("c"), cost: 100_000, hours: [.partner2: 100]),
          ],
          remedies: [
            // 150 000 − 120 000; or 80 h from p and 20 from q: 80 000 + 40 000 = 120 000.
            .raiseFrame(scheme: SchemeID("s"), by: 30_000), .addHours(partner: PartnerID("p"), role: .partner2, by: 30),
            .endCommitment(measure: MeasureID("c")),
          ])
      ])
    for conflict in found {
      expectMinimal(conflict, in: builder.scenario)
      expectRemediesWork(conflict, in: builder.scenario)
    }
  }

  @Test("remedies are found on the whole scenario: a single-partner rule outside the set makes them larger")
  func remediesSeeTheWholeScenario() {
    let builder = ScenarioBuilder(frame: 120_000)
    builder.network("a").partner("p", hours: 50, price: 1000).partner("q", hours: 200, price: 2000)
    builder.measure("c", network: "a", rank: 1, cost: 0, hours: 100, partners: ["p", "q"], continuing: true)
    let found = conflicts(builder)
    // Even with the hours split the frame is too small, so the rule is not part of the conflict…
    #expect(found.map { $0.inputs.map(Self.key) } == [["frame s", "capacity p partner2", "commitment c"]])
    // …but it decides what resolves it: all 100 h from q (200 000 kr), or all from p.
    #expect(
      found.first?.remedies == [
        .raiseFrame(scheme: SchemeID("s"), by: 80_000), .addHours(partner: PartnerID("p"), role: .partner2, by: 50),
        .endCommitment(measure: MeasureID("c")),
      ])
    for conflict in found {
      expectMinimal(conflict, in: builder.scenario)
      expectRemediesWork(conflict, in: builder.scenario)
    }
  }

  @Test("a single-partner rule in the conflict: each partner alone is too small")
  func singlePartnerRule() {
    let builder = ScenarioBuilder(frame: 1_000_000)
    builder.network("a").partner("p", hours: 60).partner("q", hours: 60)
    builder.measure("c", network: "a", rank: 1, cost: 0, hours: 100, partners: ["p", "q"], continuing: true)
    let found = conflicts(builder)
    #expect(
      found == [
        Conflict(
          inputs: [
            .capacity(partner: PartnerID("p"), role: .partner2, hours: 60), .capacity(partner: PartnerID("q"), role: .partner2, hours: 60),
            .commitment(measure: MeasureID("c"), cost: 100_000, hours: [.partner2: 100]), .singlePartner(measure: MeasureID("c")),
          ],
          remedies: [
            .addHours(partner: PartnerID("p"), role: .partner2, by: 40), .addHours(partner: PartnerID("q"), role: .partner2, by: 40),
            .endCommitment(measure: MeasureID("c")), .allowSeveralPartners(measure: MeasureID("c")),
          ])
      ])
    for conflict in found {
      expectMinimal(conflict, in: builder.scenario)
      expectRemediesWork(conflict, in: builder.scenario)
    }
  }

  @Test("the same commitments over a frame and over a partner's hours: both conflicts, each with its own remedies")
  func twoConflictsSharingCommitments() {
    let builder = ScenarioBuilder(frame: 300_000)
    builder.network("a").network("b").partner("p", hours: 300)
    builder.measure("c1", network: "a", rank: 1, cost: 0, hours: 200, partners: ["p"], continuing: true)
    builder.measure("c2", network: "b", rank: 1, cost: 0, hours: 200, partners: ["p"], continuing: true)
    let found = conflicts(builder)
    #expect(
      found == [
        Conflict(
          inputs: [
            .frame(scheme: SchemeID("s"), nok: 300_000), .commitment(measure: MeasureID("c1"), cost: 200_000, hours: [.partner2: 200]),
            .commitment(measure: MeasureID("c2"), cost: 200_000, hours: [.partner2: 200]),
          ],
          remedies: [
            .raiseFrame(scheme: SchemeID("s"), by: 100_000), .endCommitment(measure: MeasureID("c1")),
            .endCommitment(measure: MeasureID("c2")),
          ]),
        Conflict(
          inputs: [
            .capacity(partner: PartnerID("p"), role: .partner2, hours: 300),
            .commitment(measure: MeasureID("c1"), cost: 200_000, hours: [.partner2: 200]),
            .commitment(measure: MeasureID("c2"), cost: 200_000, hours: [.partner2: 200]),
          ],
          remedies: [
            .addHours(partner: PartnerID("p"), role: .partner2, by: 100), .endCommitment(measure: MeasureID("c1")),
            .endCommitment(measure: MeasureID("c2")),
          ]),
      ])
    for conflict in found { expectMinimal(conflict, in: builder.scenario) }
    // Each conflict's limit alone is not enough; both together are.
    var both = builder.scenario
    both.schemes[0].frame += 100_000
    both.partners[1].capacity[.partner2, default: 0] += 100
    #expect(solve(both).status.hasSolution)
  }

  @Test("independent conflicts in two schemes are both reported")
  func twoSchemes() {
    let builder = ScenarioBuilder(frame: 100)
    Self.addScheme(builder, "t", frame: 100)
    builder.network("a")
    builder.measure("s1", network: "a", rank: 1, cost: 150, continuing: true)
    builder.measure("t1", network: "a", rank: 1, cost: 120, continuing: true, scheme: "t")
    let found = conflicts(builder)
    #expect(found.map { $0.inputs.map(Self.key) } == [["frame s", "commitment s1"], ["frame t", "commitment t1"]])
    #expect(found.map(\.remedies.first) == [.raiseFrame(scheme: SchemeID("s"), by: 50), .raiseFrame(scheme: SchemeID("t"), by: 20)])
    for conflict in found { expectMinimal(conflict, in: builder.scenario) }
  }

  @Test("a budget too small to finish still names a conflicting set, and says the search was cut short")
  func budget() {
    let builder = ScenarioBuilder(frame: 500)
    builder.network("a")
    for rank in 1...3 { builder.measure("a\(rank)", network: "a", rank: rank, cost: 300, continuing: true) }
    let formulation = AllocationFormulation(scenario: builder.scenario)
    let cut = InfeasibilityDiagnosis(
      formulation: formulation, solver: GLPKSolver(), budget: InfeasibilityDiagnosis.Budget(solves: 1)
    ).conflicts()
    #expect(cut.count == 1)
    #expect(cut.first?.searchCompleted == false)
    // One solve (nothing lifted is feasible) is not enough to leave anything out.
    #expect(cut.first?.inputs.count == 4)
    let full = InfeasibilityDiagnosis(formulation: formulation, solver: GLPKSolver()).conflicts()
    #expect(full.first?.searchCompleted == true)
    #expect(full.first?.inputs.count == 3)
  }

  @Test("every kind of hard input is found in the model")
  func hardInputsFound() {
    let builder = ScenarioBuilder(frame: 1000)
    builder.network("a").partner("p", hours: 50, poolHours: 10).partner("q", hours: 50)
    builder.measure("c", network: "a", rank: 1, cost: 10, hours: 20, partners: ["p", "q"], continuing: true)
    builder.measure("d", network: "a", rank: 2, cost: 10, hours: 20, partners: ["p"])
    // d asks pool hours too; and e asks partner-2 hours that no partner of its can give.
    builder.scenario.measures[1].hours[.pool] = 5
    builder.measure("e", network: "a", rank: 3, cost: 10, hours: 5, partners: ["uh"])
    let inputs = AllocationFormulation(scenario: builder.scenario).hardInputs()
    #expect(
      inputs.map { Self.key($0.input) } == [
        "frame s", "capacity p pool", "capacity p partner2", "capacity q partner2", "commitment c", "single partner c",
        "no partner hours e partner2",
      ])
    #expect(inputs.allSatisfy { !$0.rows.isEmpty || !$0.lowerBoundsToZero.isEmpty })
  }
}

/// Counts the solves a diagnosis asks for.
private final class CountingSolver: LinearSolver, @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var solves: Int { lock.withLock { count } }

  func solve(_ model: LinearModel, options: SolveOptions) -> Solution {
    lock.withLock { count += 1 }
    return GLPKSolver().solve(model, options: options)
  }
}

@Suite("Infeasibility diagnosis, cost")
struct InfeasibilityDiagnosisCostTests {
  @Test("blocks that can be left out together cost one solve: far fewer solves than inputs")
  func fewerSolvesThanInputs() {
    // 30 networks with two measures each that may use either of two partners (a single-partner rule
    // each), and one commitment over the frame: 1 frame + 2 capacities + 60 rules + 1 commitment.
    let builder = ScenarioBuilder(frame: 1000)
    builder.partner("p", hours: 10_000, price: 0).partner("q", hours: 10_000, price: 0)
    for number in 1...30 {
      builder.network("n\(number)")
      for rank in 1...2 {
        builder.measure("n\(number)-\(rank)", network: "n\(number)", rank: rank, cost: 10, hours: 5, partners: ["p", "q"])
      }
    }
    builder.measure("c", network: "n1", rank: 3, cost: 2000, continuing: true)
    let formulation = AllocationFormulation(scenario: builder.scenario)
    #expect(formulation.hardInputs().count == 64)
    let solver = CountingSolver()
    let found = InfeasibilityDiagnosis(formulation: formulation, solver: solver).conflicts()
    #expect(found.map(\.inputs.count) == [2])
    #expect(found.first?.searchCompleted == true)
    // Filter, second round, two remedies: about 2 log2(64) + 3, where one solve per input would be 64.
    #expect(solver.solves <= 20, "\(solver.solves) solves")
  }
}
