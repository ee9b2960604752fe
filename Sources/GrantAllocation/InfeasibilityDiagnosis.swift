import LinearProgramming

/// Finds, when an allocation model has no solution, which of the forum's inputs conflict: a
/// minimal conflicting set of inputs, and the changes to one of them that would resolve it.
///
/// The model's rows and bounds are grouped into inputs (a frame, a partner's capacity in a role, a
/// continuing commitment, a single-partner rule, a role without partner hours); everything else is
/// structure that "fund nothing" satisfies. The diagnosis is a deletion filter over these groups
/// (Chinneck and Dravnieks, 1991, applied to groups of rows and bounds instead of single rows):
/// starting from all of them, each group is lifted on a copy of the model; if
/// the model stays infeasible the group is left out for good, otherwise it is kept. The kept
/// groups conflict, and lifting any one of them makes the rest feasible: a minimal (irreducible)
/// set. Groups are tried in blocks that are halved when they cannot be left out together, so a
/// county with a hundred groups and a conflict of three needs a few dozen feasibility solves, not a
/// hundred; the result is the same kind of set, found in the same fixed order every time.
///
/// Once a set is found, its limits and rules (everything but its commitments) are set aside and the
/// rest is tested again, so that other conflicts are reported in the same run: two schemes'
/// commitments each over their frame, or the same commitments over both a frame and a partner's
/// hours. Every conflict holds at least one limit or rule (commitments alone can always be met), so
/// this ends. The remedies of each conflict are those that resolve it once the other reported
/// conflicts are resolved: raising one frame alone does not help while a partner's hours also fall
/// short.
///
/// Every test is a solve of the model without objective (the solver's feasibility stage) by the
/// ``LinearSolver`` the allocation used, so this stays solver-neutral. The number of solves and
/// the time are capped; a conflict found when the cap was reached says so
/// (``Conflict/searchCompleted``).
public struct InfeasibilityDiagnosis: Sendable {
  /// How much work the diagnosis may do.
  public struct Budget: Sendable, Equatable {
    /// At most this many solves in all.
    public var solves: Int
    /// At most this many seconds in all.
    public var seconds: Double
    /// At most this many independent conflicts are looked for.
    public var conflicts: Int

    public init(solves: Int = 2000, seconds: Double = 60, conflicts: Int = 10) {
      self.solves = solves
      self.seconds = seconds
      self.conflicts = conflicts
    }
  }

  public let formulation: AllocationFormulation
  public let solver: any LinearSolver
  public let budget: Budget

  public init(formulation: AllocationFormulation, solver: any LinearSolver, budget: Budget = Budget()) {
    self.formulation = formulation
    self.solver = solver
    self.budget = budget
  }

  /// The conflicts, each a minimal set of inputs with its remedies; empty when even with every
  /// input lifted the model has no solution (which valid data cannot cause).
  ///
  /// Call it only for a model the solver found infeasible.
  public func conflicts() -> [Conflict] {
    var search = Search(formulation: formulation, solver: solver, budget: budget)
    return search.run()
  }
}

/// The state of one diagnosis: the inputs, the base model, and the solves spent.
private struct Search {
  enum Feasibility { case feasible, infeasible, unknown }

  let inputs: [HardInput]
  let base: LinearModel
  let solver: any LinearSolver
  let budget: InfeasibilityDiagnosis.Budget
  let clock = ContinuousClock()
  let started: ContinuousClock.Instant
  var solves = 0

  init(formulation: AllocationFormulation, solver: any LinearSolver, budget: InfeasibilityDiagnosis.Budget) {
    inputs = formulation.hardInputs()
    var model = formulation.model
    // Feasibility does not depend on the objective; without one the solver stops at the first point.
    model.objectives = []
    base = model
    self.solver = solver
    self.budget = budget
    started = clock.now
  }

  var secondsLeft: Double {
    let elapsed = clock.now - started
    return budget.seconds - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
  }

  var exhausted: Bool { solves >= budget.solves || secondsLeft <= 0.001 }

  /// The model with every input outside `active` lifted.
  func model(active: Set<Int>) -> LinearModel {
    var model = base
    for position in inputs.indices where !active.contains(position) { inputs[position].lift(&model) }
    return model
  }

  mutating func solve(_ model: LinearModel) -> Solution? {
    guard !exhausted else { return nil }
    solves += 1
    return solver.solve(model, options: SolveOptions(timeLimitSeconds: secondsLeft))
  }

  mutating func feasibility(active: Set<Int>) -> Feasibility {
    guard let solution = solve(model(active: active)) else { return .unknown }
    if solution.status.hasSolution { return .feasible }
    return solution.status == .infeasible ? .infeasible : .unknown
  }

  /// Whether an input is a continuing commitment or a lock of the forum's, which asks for money
  /// and hours rather than limiting them, and stays a candidate in every round.
  func isCommitment(_ position: Int) -> Bool {
    switch inputs[position].input {
    case .commitment, .lock: true
    case .frame, .capacity, .singlePartner, .noPartnerHours: false
    }
  }

  mutating func run() -> [Conflict] {
    var sets: [(members: [Int], complete: Bool)] = []
    var setAside: Set<Int> = []
    while sets.count < budget.conflicts {
      let candidates = inputs.indices.filter { !setAside.contains($0) }
      // The first round starts from a model known to be infeasible; later rounds test the rest.
      if !sets.isEmpty, feasibility(active: Set(candidates)) != .infeasible { break }
      let found = deletionFilter(candidates)
      // Nothing the forum controls explains it, or the budget ran out before anything was found.
      guard !found.members.isEmpty else { break }
      sets.append(found)
      setAside.formUnion(found.members.filter { !isCommitment($0) })
    }
    // In the order of the inputs, not of discovery: a scenario's first frame before its second.
    sets.sort { $0.members.lexicographicallyPrecedes($1.members) }
    var conflicts: [Conflict] = []
    for (number, set) in sets.enumerated() {
      let others = Set(sets.enumerated().filter { $0.offset != number }.flatMap(\.element.members).filter { !isCommitment($0) })
      let remedies = remedies(for: set.members, setAside: others)
      conflicts.append(
        Conflict(
          inputs: set.members.map { inputs[$0].input }, remedies: remedies.found,
          searchCompleted: set.complete && remedies.complete))
    }
    return conflicts
  }

  /// A minimal subset of `candidates` whose inputs, with every other input lifted, still admit no
  /// solution; in `candidates`' order. `complete` is `false` when the budget ran out or a test
  /// was inconclusive (the set then still conflicts, but may not be minimal).
  mutating func deletionFilter(_ candidates: [Int]) -> (members: [Int], complete: Bool) {
    var kept = Set(candidates)
    var complete = true
    // Blocks still to try, a stack whose last block is tried next: lifting a whole block that is
    // not needed costs one solve.
    var blocks: [ArraySlice<Int>] = [candidates[...]]
    while let block = blocks.popLast() {
      if exhausted {
        complete = false
        break
      }
      switch feasibility(active: kept.subtracting(block)) {
      case .infeasible:
        kept.subtract(block)
      case .feasible where block.count == 1:
        break  // needed: keep it
      case .unknown where block.count == 1:
        complete = false
      case .feasible, .unknown:
        let middle = block.startIndex + block.count / 2
        // The first half is tried first, so it is pushed last.
        blocks.append(block[middle...])
        blocks.append(block[..<middle])
      }
    }
    return (candidates.filter { kept.contains($0) }, complete)
  }

  /// The changes to one member of a conflict that alone let the model (with `setAside` lifted) be
  /// solved: for a limit, the smallest growth found by minimising it; for the others, whether
  /// lifting the input is enough.
  mutating func remedies(for members: [Int], setAside: Set<Int>) -> (found: [Remedy], complete: Bool) {
    let active = Set(inputs.indices).subtracting(setAside)
    var found: [Remedy] = []
    var complete = true
    for member in members {
      let hardInput = inputs[member]
      if let limit = hardInput.limit {
        var model = model(active: active)
        guard let growth = hardInput.makeElastic(&model) else { continue }
        model.objectives = [Objective(name: "growth", sense: .minimize, terms: [LinearTerm(1, growth)], relativeTolerance: 0)]
        guard let solution = solve(model) else {
          complete = false
          continue
        }
        // Only a proven optimum is the least growth; a point found before the time ran out is not.
        guard solution.status == .optimal else {
          if solution.status != .infeasible { complete = false }
          continue
        }
        let amount = solution[growth] * limit.unit
        switch hardInput.input {
        case .frame(let scheme, _): found.append(.raiseFrame(scheme: scheme, by: Self.roundedUp(amount, stepsPerUnit: 1)))
        case .capacity(let partner, let role, _):
          found.append(.addHours(partner: partner, role: role, by: Self.roundedUp(amount, stepsPerUnit: 10)))
        default: break
        }
      } else {
        switch feasibility(active: active.subtracting([member])) {
        case .feasible: break
        case .infeasible: continue
        case .unknown:
          complete = false
          continue
        }
        switch hardInput.input {
        case .commitment(let measure, _, _): found.append(.endCommitment(measure: measure))
        case .lock(let measure, _, _, _): found.append(.liftLock(measure: measure))
        case .singlePartner(let measure): found.append(.allowSeveralPartners(measure: measure))
        case .noPartnerHours(let measure, let role, let hours): found.append(.givePartnerHours(measure: measure, role: role, hours: hours))
        case .frame, .capacity: break
        }
      }
    }
    return (found, complete)
  }

  /// `amount` rounded up to a whole `1 / stepsPerUnit` (a krone, a tenth of an hour), after
  /// dropping the solver's last digits so that 99 999.999 999 is 100 000, not 100 001.
  static func roundedUp(_ amount: Double, stepsPerUnit: Double) -> Double {
    let steps = (amount * stepsPerUnit * 1000).rounded() / 1000
    return max(0, steps.rounded(.up) / stepsPerUnit)
  }
}
