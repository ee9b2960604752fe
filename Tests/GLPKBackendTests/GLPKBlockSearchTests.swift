import GLPKBackend
import LinearProgramming
import Testing

/// ``SolveMethod/blockSearch`` against branch-and-cut and exhaustive enumeration, on models of the
/// allocation's shape: ranked lists (chains of yes/no choices) tied by a few knapsack rows.
@Suite("GLPK block search")
struct GLPKBlockSearchTests {
  /// A small deterministic generator (SplitMix64), so every seed is the same model everywhere.
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
      low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }
  }

  /// `lists` chains of three binaries (`x₁ ≥ x₂ ≥ x₃`), two linking knapsack rows, a value stage and
  /// a second stage that prefers the lighter of equally valued choices.
  static func chainModel(seed: UInt64, lists: Int) -> (model: LinearModel, weights: [[Double]], values: [[Double]], capacity: [Double]) {
    var random = Random(state: seed)
    var model = LinearModel()
    var weights: [[Double]] = [[], []]
    var values: [Double] = []
    var variables: [VariableIndex] = []
    for list in 0..<lists {
      var previous: VariableIndex?
      for position in 0..<3 {
        let x = model.addVariable(name: "x[\(list),\(position)]", kind: .binary)
        if let previous {
          model.addConstraint(name: "order[\(list),\(position)]", terms: [LinearTerm(1, x), LinearTerm(-1, previous)], upperBound: 0)
        }
        previous = x
        variables.append(x)
        weights[0].append(random.uniform(1, 10).rounded())
        weights[1].append(random.uniform(0, 6).rounded())
        values.append(random.uniform(1, 9).rounded() / Double(position + 1))
      }
    }
    let capacity = weights.map { ($0.reduce(0, +) * 0.45).rounded() }
    var linking: [ConstraintIndex] = []
    for row in 0..<2 {
      linking.append(
        model.addConstraint(
          name: "knapsack[\(row)]", terms: zip(weights[row], variables).map { LinearTerm($0, $1) }, upperBound: capacity[row]))
    }
    model.linkingConstraints = linking
    model.objectives = [
      Objective(name: "value", sense: .maximize, terms: zip(values, variables).map { LinearTerm($0, $1) }, relativeTolerance: 1e-9),
      Objective(name: "light", sense: .minimize, terms: zip(weights[0], variables).map { LinearTerm($0, $1) }, relativeTolerance: 1e-9),
    ]
    return (model, weights, [values], capacity)
  }

  /// The best value over every choice of how many of each list's three are funded.
  static func bruteForceValue(lists: Int, weights: [[Double]], values: [Double], capacity: [Double]) -> Double {
    var best = 0.0
    var counts = Array(repeating: 0, count: lists)
    while true {
      var used = [0.0, 0.0]
      var value = 0.0
      for list in 0..<lists {
        for position in 0..<counts[list] {
          let variable = list * 3 + position
          used[0] += weights[0][variable]
          used[1] += weights[1][variable]
          value += values[variable]
        }
      }
      if used[0] <= capacity[0] + 1e-9 && used[1] <= capacity[1] + 1e-9 { best = max(best, value) }
      var list = 0
      while list < lists && counts[list] == 3 {
        counts[list] = 0
        list += 1
      }
      if list == lists { return best }
      counts[list] += 1
    }
  }

  @Test("blocks are the parts that only linking rows join")
  func blocks() {
    let (model, _, _, _) = Self.chainModel(seed: 1, lists: 3)
    #expect(model.variableBlocks() == [0, 0, 0, 1, 1, 1, 2, 2, 2])
    var unlinked = model
    unlinked.linkingConstraints = []
    #expect(unlinked.variableBlocks() == Array(repeating: 0, count: 9))
  }

  @Test("block search reaches the exhaustive optimum and agrees with branch-and-cut", arguments: 1...12)
  func agreesWithBruteForce(seed: Int) {
    let lists = 5
    let (model, weights, values, capacity) = Self.chainModel(seed: UInt64(seed), lists: lists)
    let expected = Self.bruteForceValue(lists: lists, weights: weights, values: values[0], capacity: capacity)
    // Searches on even this small model, so that they, not only the final branch-and-cut, are tested.
    let searching = GLPKSolver(smallestSearchedModel: 0)
    let blocks = searching.solve(model, options: SolveOptions(method: .blockSearch))
    let plain = GLPKSolver().solve(model, options: SolveOptions(method: .branchAndCut))
    #expect(blocks.status == .optimal, "seed \(seed)")
    #expect(abs((blocks.stages.first?.objectiveValue ?? -1) - expected) < 1e-6, "seed \(seed)")
    for (found, reference) in zip(blocks.stages, plain.stages) {
      #expect(abs((found.objectiveValue ?? .nan) - (reference.objectiveValue ?? .nan)) < 1e-6, "seed \(seed) \(found.name)")
      #expect(found.status == .optimal)
    }
  }

  @Test("the reported bound is never beaten by the true optimum, even when the time runs out", arguments: [0.002, 0.02, 0.2])
  func honestBound(seconds: Double) {
    let lists = 6
    let (model, weights, values, capacity) = Self.chainModel(seed: 99, lists: lists)
    let optimum = Self.bruteForceValue(lists: lists, weights: weights, values: values[0], capacity: capacity)
    let solution = GLPKSolver(smallestSearchedModel: 0).solve(model, options: SolveOptions(timeLimitSeconds: seconds, method: .blockSearch))
    guard let first = solution.stages.first, let value = first.objectiveValue, let bound = first.bound else { return }
    #expect(value <= optimum + 1e-6)
    #expect(bound >= optimum - 1e-6)
    if first.status == .optimal { #expect(abs(value - optimum) < 1e-6) }
  }

  @Test("suggested values that are not whole, out of bounds or not integer variables are left out")
  func badSuggestionsAreIgnored() {
    var (model, _, _, _) = Self.chainModel(seed: 7, lists: 4)
    let continuous = model.addVariable(name: "free", lowerBound: 0, upperBound: 1)
    model.suggestedIntegerValues = [
      VariableIndex(0): 0.5, VariableIndex(1): 7, VariableIndex(2): .nan, VariableIndex(500): 1, continuous: 1, VariableIndex(3): 1,
    ]
    let searched = GLPKSolver(smallestSearchedModel: 0).solve(model, options: SolveOptions(method: .blockSearch))
    let plain = GLPKSolver().solve(model, options: SolveOptions())
    #expect(searched.status == .optimal)
    #expect(abs((searched.stages.first?.objectiveValue ?? -1) - (plain.stages.first?.objectiveValue ?? -2)) < 1e-6)
  }
}
