import Decomposition
import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import TestSupport
import Testing
import Verification

/// `--method decomposition` through the ``Allocator`` as `dekom run` uses it, cross-checked
/// against branch-and-cut on the whole model and against exhaustive enumeration: every stage it
/// calls optimal has the optimum, no stage's value beats the optimum, no optimum beats a bound it
/// reports, and every allocation passes the independent verifier.
@Suite("The decomposition method")
struct DecompositionMethodTests {
  /// As `dekom run --method decomposition` builds it (DekomRunner's `ScenarioRun.allocator`).
  static let decomposition = Allocator(
    solver: GLPKSolver(), method: .decomposition,
    structured: LexicographicDecomposition(
      generation: ColumnGeneration(factory: GLPKIncrementalProgramFactory()), solver: searcher, fallbackSolver: GLPKSolver()))

  /// The same, but the first priority stage's search finds nothing (as at national size within
  /// a short limit): the rounded start from the master's point is what it publishes.
  static let roundedOnly: Allocator = {
    var method = LexicographicDecomposition(
      generation: ColumnGeneration(factory: GLPKIncrementalProgramFactory()), solver: FirstSearchFindsNothing(searcher: searcher),
      fallbackSolver: GLPKSolver())
    method.smallestRoundedModel = 0  // dekom rounds from 1 000 integer variables; these are small
    return Allocator(solver: GLPKSolver(), method: .decomposition, structured: method)
  }()

  static var searcher: GLPKSolver {
    var solver = GLPKSolver()
    solver.stopsWithoutAllocation = true
    return solver
  }

  /// Exhaustive enumeration's optimum per stage name (fairness and the priority tiers), in the
  /// model's units; tie-breaks have none.
  static func bruteForceOptima(_ scenario: Scenario) -> [String: Double] {
    guard let best = BruteForce.bestObjective(scenario) else { return [:] }
    var optima = ["fairness": best[0]]
    let scale = scenario.policy.value == .cost ? 1000.0 : 1.0  // the model counts cost in thousands of NOK
    for (position, rank) in Set(scenario.measures.map(\.rank)).sorted().enumerated() {
      optima["priority rank \(rank)"] = -best[1 + position] / scale
    }
    return optima
  }

  /// What is wrong with the decomposition's result for `scenario` (empty when nothing is), and the
  /// method that solved it.
  static func problems(_ scenario: Scenario, bruteForce: Bool, allocator: Allocator = decomposition) -> (
    method: SolveMethod?, problems: [String]
  ) {
    let found = allocator.allocate(scenario)
    let exact = Allocator(solver: GLPKSolver()).allocate(scenario)
    guard exact.status == .optimal else { return (nil, []) }  // nothing exact to compare with
    guard found.hasAllocation else { return (found.parameters.method, ["no allocation: \(found.status)"]) }
    var problems = AllocationVerifier(scenario: scenario, outcomes: found.outcomes).violations().map { "verifier: \($0)" }
    let optima = bruteForce ? bruteForceOptima(scenario) : [:]
    let objectives = AllocationFormulation(scenario: scenario).model.objectives
    guard found.stages.map(\.name) == exact.stages.map(\.name) else {
      return (found.parameters.method, problems + ["stages \(found.stages.map(\.name)), branch-and-cut \(exact.stages.map(\.name))"])
    }
    for (position, (stage, reference)) in zip(found.stages, exact.stages).enumerated() {
      // Each stage is compared with the lexicographic optimum only while every earlier stage holds
      // its optimum (as its status claims): after that the stages answer other questions.
      guard found.stages.prefix(position).allSatisfy({ $0.status == .optimal }) else { break }
      guard let value = stage.objectiveValue, let optimum = reference.objectiveValue else {
        problems.append("\(stage.name): no value")
        continue
      }
      let tolerance = 1e-6 * max(1, abs(optimum))
      let maximum = objectives[position].sense == .maximize
      if (maximum ? value - optimum : optimum - value) > tolerance {
        problems.append("\(stage.name): \(value) beats the optimum \(optimum)")
      }
      if let bound = stage.bound, (maximum ? optimum - bound : bound - optimum) > tolerance {
        problems.append("\(stage.name): the optimum \(optimum) beats the bound \(bound)")
      }
      if let bound = stage.bound, (maximum ? value - bound : bound - value) > tolerance {
        problems.append("\(stage.name): \(value) beyond its own bound \(bound)")
      }
      if stage.status == .optimal {
        if abs(value - optimum) > tolerance { problems.append("\(stage.name): optimal at \(value), the optimum is \(optimum)") }
        if let target = optima[stage.name], abs(value - target) > 1e-5 * max(1, abs(target)) {
          problems.append("\(stage.name): optimal at \(value), brute force \(target)")
        }
      } else if stage.bound == nil, stage.relativeGap != nil {
        problems.append("\(stage.name): a gap without a bound")
      }
    }
    return (found.parameters.method, problems)
  }

  @Test("random small scenarios: agrees with brute force and branch-and-cut where it claims to", arguments: 1...40)
  func randomScenarios(seed: Int) {
    let (method, problems) = Self.problems(BruteForce.randomScenario(seed: UInt64(seed)), bruteForce: true)
    #expect(problems == [], "seed \(seed), solved by \(method?.rawValue ?? "–")")
  }

  @Test("generated counties: agrees with branch-and-cut where it claims to", arguments: 1...24)
  func generatedCounties(seed: Int) throws {
    let (method, problems) = Self.problems(try generatedScenario(variedParameters(seed: seed)), bruteForce: false)
    #expect(problems == [], "seed \(seed), solved by \(method?.rawValue ?? "–")")
  }

  @Test("with the first search finding nothing, the rounded start: agrees with brute force and branch-and-cut", arguments: 1...40)
  func roundedRandomScenarios(seed: Int) {
    let (method, problems) = Self.problems(BruteForce.randomScenario(seed: UInt64(seed)), bruteForce: true, allocator: Self.roundedOnly)
    #expect(problems == [], "seed \(seed), solved by \(method?.rawValue ?? "–")")
  }

  @Test("with the first search finding nothing, the rounded start: agrees with branch-and-cut", arguments: 1...24)
  func roundedGeneratedCounties(seed: Int) throws {
    let (method, problems) = Self.problems(
      try generatedScenario(variedParameters(seed: seed)), bruteForce: false, allocator: Self.roundedOnly)
    #expect(problems == [], "seed \(seed), solved by \(method?.rawValue ?? "–")")
  }

  @Test("with the first search finding nothing, most small instances are still decomposed (from the rounded start)")
  func roundedRuns() throws {
    var decomposed = 0
    for seed in 1...40 where Self.roundedOnly.allocate(BruteForce.randomScenario(seed: UInt64(seed))).parameters.method == .decomposition {
      decomposed += 1
    }
    for seed in 1...24
    where Self.roundedOnly.allocate(try generatedScenario(variedParameters(seed: seed))).parameters.method == .decomposition {
      decomposed += 1
    }
    print("rounded start through the method: \(decomposed) of 64 decomposed")
    #expect(decomposed >= 30)
  }

  /// The checks above are about the decomposition only where it ran: most of these instances
  /// must be solved by it, not by the branch-and-cut it falls back to.
  @Test("the decomposition itself solves most of the small instances")
  func decompositionRuns() throws {
    var decomposed = 0
    for seed in 1...40 where Self.decomposition.allocate(BruteForce.randomScenario(seed: UInt64(seed))).parameters.method == .decomposition
    {
      decomposed += 1
    }
    for seed in 1...24
    where Self.decomposition.allocate(try generatedScenario(variedParameters(seed: seed))).parameters.method == .decomposition {
      decomposed += 1
    }
    print("decomposition: \(decomposed) of 64 solved without falling back")
    #expect(decomposed >= 30)
  }

  @Test("the same scenario gives the same allocation and the same record")
  func deterministic() throws {
    let scenario = try generatedScenario(variedParameters(seed: 3))
    let first = Self.decomposition.allocate(scenario)
    let second = Self.decomposition.allocate(scenario)
    #expect(first.parameters.method == .decomposition)
    #expect(first.outcomes == second.outcomes)
    #expect(first.stages.map(\.objectiveValue) == second.stages.map(\.objectiveValue))
    #expect(first.stages.map(\.bound) == second.stages.map(\.bound))
  }

  @Test("what it does not take (a stability stage) is solved by branch-and-cut, and recorded so")
  func fallsBack() {
    let scenario = BruteForce.randomScenario(seed: 5)
    let base = Allocator(solver: GLPKSolver()).allocate(scenario)
    let variant = Self.decomposition.allocate(scenario, reference: AllocationReference(base))
    #expect(variant.stages.contains { $0.name == "stability" })
    #expect(variant.parameters.method == .branchAndCut)
    // Without its structured solver the method is branch-and-cut, too.
    #expect(Allocator(solver: GLPKSolver(), method: .decomposition).allocate(scenario).parameters.method == .branchAndCut)
  }
}

/// GLPK's search, except that a search with no known start (the first priority stage's; the later
/// stages' start from the allocation so far) finds nothing.
struct FirstSearchFindsNothing: LinearSolver {
  var searcher: GLPKSolver

  func solve(_ model: LinearModel, options: SolveOptions) -> Solution {
    guard !model.knownIntegerValues.isEmpty else {
      return Solution(status: .timeLimitWithoutSolution, values: [], stages: [], solverName: searcher.name)
    }
    return searcher.solve(model, options: options)
  }
}
