import LinearProgramming

/// Builds the allocation model for a scenario, solves it with a ``LinearSolver``, and reads the
/// answer back as outcomes with reasons.
public struct Allocator: Sendable {
  public let solver: any LinearSolver
  /// How the solver works through each stage (both methods give the same optimum; see
  /// ``LinearProgramming/SolveMethod``).
  public let method: SolveMethod
  /// The solver for ``LinearProgramming/SolveMethod/decomposition``, which needs the model's
  /// structure; without one that method is solved by branch-and-cut (and recorded so).
  public let structured: (any FormulationSolver)?

  /// - Parameters:
  ///   - solver: solves the model row by row (every method but the structured one, the
  ///     infeasibility diagnosis).
  ///   - method: how each stage is solved.
  ///   - structured: the solver that takes ``LinearProgramming/SolveMethod/decomposition``.
  public init(solver: any LinearSolver, method: SolveMethod = .branchAndCut, structured: (any FormulationSolver)? = nil) {
    self.solver = solver
    self.method = method
    self.structured = structured
  }

  /// Solves `scenario`.
  ///
  /// - Parameters:
  ///   - scenario: the validated scenario.
  ///   - reference: an allocation to stay close to among equally good answers
  ///     (the base scenario's, when solving a what-if).
  ///   - timeLimitSeconds: overrides the scenario's solver time limit.
  ///   - known: an allocation of a nearby scenario (the base of a re-solve that changes one
  ///     number): its yes/no choices are the solver's start in every stage where they stay
  ///     feasible (``AllocationFormulation/start(from:)``). It changes no optimum.
  ///   - partnersFrom: a solved allocation of a scenario this one changes by a number or two (the
  ///     base of an explanation's re-solve): the search for partners that follow the network's
  ///     choice starts from the limits it ended with (see ``solve(_:reference:timeLimitSeconds:known:partnersFrom:)``).
  /// - Returns: the allocation, or a result whose ``AllocationResult/status`` says why there is none;
  ///   when the data admit no allocation, its ``AllocationResult/conflicts`` name the inputs that
  ///   conflict (see ``InfeasibilityDiagnosis``).
  public func allocate(
    _ scenario: Scenario, reference: AllocationReference = AllocationReference(), timeLimitSeconds: Double? = nil,
    known: AllocationReference? = nil, partnersFrom: AllocationResult? = nil
  ) -> AllocationResult {
    solve(
      scenario, reference: reference, timeLimitSeconds: timeLimitSeconds, known: known,
      partnersFrom: partnersFrom
    ).result
  }

  /// Solves `scenario` and keeps the model and the solved point beside the result, for analyses
  /// that go back to the model (shadow prices). The parameters are those of
  /// ``allocate(_:reference:timeLimitSeconds:known:partnersFrom:)``.
  ///
  /// Partners follow the network's choice (``PartnerRule``; docs/model.md, "The network chooses its
  /// partner"): a measure whose hours are at a partner while one before it in its order has them
  /// idle is limited to its partners up to that one, and the model solved again. With
  /// `partnersFrom`, or else with a `reference` (a what-if of a solved base), the search starts
  /// from the limits that allocation ended with.
  public func solve(
    _ scenario: Scenario, reference: AllocationReference = AllocationReference(), timeLimitSeconds: Double? = nil,
    known: AllocationReference? = nil, partnersFrom: AllocationResult? = nil
  ) -> SolvedAllocation {
    // A what-if of a solved base (its reference) starts from the base's partner limits, as the
    // explanations' re-solves do: a variant run then answers as the explanation that led to it.
    let limits = partnersFrom.map(\.partnerLimits) ?? (reference.isEmpty ? nil : reference.partnerLimits)
    return solveFollowingPartnerRule(
      scenario, reference: reference, timeLimitSeconds: timeLimitSeconds, known: known,
      partnersFrom: limits)
  }

  /// Solves a built formulation (a one-year scenario's, or an expanded plan's). `diagnose`: when
  /// the model is infeasible, name the conflicting inputs (``InfeasibilityDiagnosis``).
  func solve(formulation: AllocationFormulation, timeLimitSeconds: Double?, diagnose: Bool = true) -> SolvedAllocation {
    let scenario = formulation.scenario
    var options = SolveOptions(
      timeLimitSeconds: timeLimitSeconds ?? scenario.solver.timeLimitSeconds, relativeMIPGap: scenario.solver.relativeMIPGap,
      method: method)
    let solution: Solution
    if method == .decomposition, let structured {
      let solved = structured.solve(formulation, options: options)
      solution = solved.solution
      options.method = solved.method
    } else {
      // Without its structured solver, decomposition is branch-and-cut: the record says which ran.
      if method == .decomposition { options.method = .branchAndCut }
      solution = solver.solve(formulation.model, options: options)
    }
    let size = ModelSize(
      variables: formulation.model.variables.count,
      integerVariables: formulation.model.variables.filter { $0.kind != .continuous }.count,
      constraints: formulation.model.constraints.count, stages: formulation.model.objectives.count)
    var result = AllocationResult(
      scenario: scenario, status: solution.status, stages: solution.stages, solverName: solution.solverName,
      outcomes: [], fairness: [], conflicts: [], defects: solution.defects, modelSize: size,
      parameters: SolveParameters(
        timeLimitSeconds: options.timeLimitSeconds, stageTolerance: scenario.solver.stageTolerance,
        relativeMIPGap: options.relativeMIPGap, method: options.method, workLimit: options.workLimit))
    result.reference = formulation.reference
    guard solution.status.hasSolution, solution.values.count == formulation.model.variables.count else {
      if diagnose, solution.status == .infeasible {
        // The diagnosis gets its own budget of the same time limit: it runs only when there is no
        // allocation to wait for.
        let budget = InfeasibilityDiagnosis.Budget(seconds: options.timeLimitSeconds)
        result.conflicts = InfeasibilityDiagnosis(formulation: formulation, solver: solver, budget: budget).conflicts()
      }
      return SolvedAllocation(result: result, formulation: formulation, point: [])
    }
    let reader = SolutionReader(formulation: formulation, values: solution.values)
    result.outcomes = reader.outcomes()
    result.fairness = reader.fairness(result.outcomes)
    result.stages = Self.publishedStages(
      solution.stages, objectives: formulation.model.objectives, at: reader.publishedPoint(result.outcomes))
    return SolvedAllocation(result: result, formulation: formulation, point: solution.values)
  }

  /// The stages as recorded: each stage's value is that of the allocation published (`published`,
  /// see ``SolutionReader/publishedPoint(_:)``), not of the point the solver had when it finished
  /// that stage — a stage that was not proven optimal may have been improved by the later ones, and
  /// the reports must describe the allocation they print. Each stage keeps the bound the solver
  /// proved. A stage closed exactly (its bound was its value) whose published value lies within the
  /// tolerance its optimum was kept with stays closed: its bound becomes that value.
  static func publishedStages(_ stages: [StageResult], objectives: [Objective], at published: [Double]) -> [StageResult] {
    stages.enumerated().map { position, stage in
      guard objectives.indices.contains(position), let solved = stage.objectiveValue, published.allSatisfy(\.isFinite) else {
        return stage
      }
      var recorded = stage
      let objective = objectives[position]
      let value = LinearModel.evaluate(objective.terms, at: published)
      recorded.objectiveValue = value
      let kept = objective.relativeTolerance * max(1, abs(solved))
      if stage.status == .optimal, stage.bound == solved, abs(value - solved) <= kept {
        recorded.bound = value
      }
      return recorded
    }
  }
}

/// A solved allocation together with the model it came from and the solver's point.
public struct SolvedAllocation: Sendable {
  public var result: AllocationResult
  public let formulation: AllocationFormulation
  /// One value per model variable; empty when there is no allocation.
  public let point: [Double]
}
