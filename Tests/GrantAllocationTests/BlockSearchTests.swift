import GLPKBackend
import GrantAllocation
import LinearProgramming
import TestSupport
import Testing

/// The block-search method on allocation models: the same optimum as branch-and-cut and as
/// exhaustive enumeration, and a greedy start that is a feasible allocation.
@Suite("Block search on allocation models")
struct BlockSearchTests {
  @Test("block search gives brute force's optimum and branch-and-cut's allocation", arguments: 1...30)
  func agrees(seed: Int) {
    let scenario = BruteForce.randomScenario(seed: UInt64(seed))
    // Searches on small models too, so that the searches themselves are what is tested.
    let searched = Allocator(solver: GLPKSolver(smallestSearchedModel: 0), method: .blockSearch).allocate(scenario)
    let plain = Allocator(solver: GLPKSolver()).allocate(scenario)
    #expect(searched.status == .optimal, "seed \(seed)")
    #expect(BruteForce.disagreements(scenario, searched) == [], "seed \(seed)")
    #expect(searched.parameters.method == .blockSearch)
    for (found, reference) in zip(searched.stages, plain.stages) {
      let scale = max(1, abs(reference.objectiveValue ?? 0))
      #expect(abs((found.objectiveValue ?? .nan) - (reference.objectiveValue ?? .nan)) <= 1e-6 * scale, "seed \(seed) \(found.name)")
    }
    #expect(searched.outcomes.map(\.share) == plain.outcomes.map(\.share), "seed \(seed)")
  }

  @Test("the greedy start is a feasible allocation of the model", arguments: 1...30)
  func greedyStartIsFeasible(seed: Int) {
    let scenario = BruteForce.randomScenario(seed: UInt64(seed))
    let model = AllocationFormulation(scenario: scenario).model
    #expect(!model.suggestedIntegerValues.isEmpty)
    var point = Array(repeating: 0.0, count: model.variables.count)
    for (variable, value) in model.suggestedIntegerValues { point[variable.rawValue] = value }
    var fixed = model.fixingIntegers(at: point)
    fixed.objectives = []
    let solution = GLPKSolver().solve(fixed, options: SolveOptions())
    #expect(solution.status == .optimal, "seed \(seed)")
  }

  @Test("the greedy start as a whole point: every row holds, the same choices as the suggestion", arguments: 1...30)
  func greedyPoint(seed: Int) throws {
    let formulation = AllocationFormulation(scenario: BruteForce.randomScenario(seed: UInt64(seed)))
    // nil would mean a row or bound broken beyond 10⁻⁹ (checked inside): the hours or shortfalls wrong.
    let point = try #require(formulation.greedyPoint(), "seed \(seed)")
    for (variable, value) in formulation.model.suggestedIntegerValues {
      #expect(point[variable.rawValue] == value, "seed \(seed) \(formulation.model.variables[variable.rawValue].name)")
    }
  }
}
