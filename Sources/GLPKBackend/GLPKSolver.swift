import CGLPK
import Foundation
import LinearProgramming

/// Solves a ``LinearModel`` through GLPK's C library: the simplex method for the LP (relaxation),
/// then branch-and-cut (`glp_intopt`) when the model has integer variables; one GLPK problem per
/// call, stage after stage, each stage's optimum kept as a row before the next.
public struct GLPKSolver: LinearSolver {
  /// For ``LinearProgramming/SolveMethod/blockSearch``: the number of integer variables below
  /// which a stage is solved by plain branch-and-cut instead. The Trøndelag example (110) solves
  /// fastest that way (block search took 2–4 s longer in its tie-break stages, measured); a
  /// national region (about 6 000) needs block search to find an allocation at all.
  public var smallestSearchedModel: Int

  /// Whether branch-and-cut adds GLPK's Gomory, mixed-integer rounding and cover cuts (see
  /// ``StageRunner/branchAndCut(start:workShare:onlyWithAllocation:relativeGap:)``); off only
  /// to test what happens when a stage cannot close its gap.
  public var cuts: Bool

  /// With ``cuts``: whether GLPK goes on generating cuts below the root node (after each
  /// backtracking step, GLPK's own rule). `false` stops them once the search branches below the
  /// root: on the Trøndelag example and its raised-frame re-solves branch-and-cut then takes
  /// 0.6–0.8 times the CPU time (Benchmarks/README.md). Among equally good answers of the last
  /// stage it may end at another one, so dekom uses it where only what is funded is read (the
  /// explanations' what-it-takes re-solves), not for the allocation it publishes.
  public var cutsBelowRoot: Bool

  /// Whether branch-and-cut runs GLPK's feasibility pump heuristic at the root (`fp_heur`), which
  /// finds a first allocation sooner in a search that has no start; off by default (GLPK's own).
  public var feasibilityPump: Bool

  /// Whether a stage with no allocation yet also stops by its work share (GLPK's default rule in
  /// dekom lets it go on until the time limit): for searches over part of a model that another
  /// method takes over from when they find nothing (``LinearProgramming/SolveMethod/decomposition``).
  public var stopsWithoutAllocation = false

  public init(smallestSearchedModel: Int = 1000, cuts: Bool = true, cutsBelowRoot: Bool = true, feasibilityPump: Bool = false) {
    self.smallestSearchedModel = smallestSearchedModel
    self.cuts = cuts
    self.cutsBelowRoot = cutsBelowRoot
    self.feasibilityPump = feasibilityPump
  }

  /// GLPK's version, e.g. `5.0`, from `glp_version`.
  public static var version: String { String(cString: glp_version()) }

  public var name: String { "GLPK \(Self.version)" }

  /// Values GLPK would reject or abort on that ``LinearModel/defects()`` does not cover.
  ///
  /// GLPK: "glp_intopt: column j: non-integer lower (upper) bound" — integer bounds must be whole.
  public static func glpkDefects(_ model: LinearModel) -> [ModelDefect] {
    var found: [ModelDefect] = []
    if model.variables.count >= Int(Int32.max) || model.constraints.count + model.objectives.count >= Int(Int32.max) {
      found.append(ModelDefect("model too large for GLPK's 32-bit indices"))
    }
    for (position, variable) in model.variables.enumerated() where variable.kind != .continuous {
      for bound in [variable.lowerBound, variable.upperBound].compactMap({ $0 }) where bound.rounded() != bound {
        found.append(ModelDefect("variable \(position) '\(variable.name)': integer with bound \(bound)"))
      }
    }
    return found
  }

  public func solve(_ model: LinearModel, options: SolveOptions) -> Solution {
    let defects = model.defects() + Self.glpkDefects(model)
    let optionsValid = options.timeLimitSeconds > 0 && options.relativeMIPGap >= 0 && options.workLimit > 0
    guard defects.isEmpty, optionsValid else {
      let optionDefects =
        optionsValid ? [] : [ModelDefect("time limit and work limit must be positive and MIP gap non-negative")]
      return Solution(status: .invalidModel, values: [], stages: [], defects: defects + optionDefects, solverName: name)
    }
    guard !model.variables.isEmpty else {
      let feasible = model.constraints.allSatisfy { ($0.lowerBound ?? 0) <= 0 && 0 <= ($0.upperBound ?? 0) }
      return Solution(status: feasible ? .optimal : .infeasible, values: [], stages: [], solverName: name)
    }
    // GLPK prints to stdout by default; dekom's output is its own.
    glp_term_out(GLP_OFF)
    let problem = GLPKProblem(model)
    var run = StageRunner(
      problem: problem, model: model, options: options, smallestSearchedModel: smallestSearchedModel, cuts: cuts,
      cutsBelowRoot: cutsBelowRoot)
    run.feasibilityPump = feasibilityPump
    run.stopsWithoutAllocation = stopsWithoutAllocation
    return run.solveAllStages(solverName: name)
  }
}

/// Runs the lexicographic stages on one ``GLPKProblem``.
struct StageRunner {
  let problem: GLPKProblem
  let model: LinearModel
  let options: SolveOptions
  let started = Date()
  /// The integer columns (1-based) of each block, for ``SolveMethod/blockSearch``; empty otherwise.
  let integerColumnsByBlock: [[Int32]]
  /// Every integer column (1-based).
  let integerColumns: [Int32]
  let smallestSearchedModel: Int
  let cuts: Bool
  let cutsBelowRoot: Bool
  /// ``GLPKSolver/feasibilityPump``.
  var feasibilityPump = false
  /// ``GLPKSolver/stopsWithoutAllocation``.
  var stopsWithoutAllocation = false

  init(
    problem: GLPKProblem, model: LinearModel, options: SolveOptions, smallestSearchedModel: Int, cuts: Bool = true,
    cutsBelowRoot: Bool = true
  ) {
    self.problem = problem
    self.model = model
    self.options = options
    self.smallestSearchedModel = smallestSearchedModel
    self.cuts = cuts
    self.cutsBelowRoot = cutsBelowRoot
    integerColumnsByBlock = options.method == .blockSearch ? Self.integerColumnsByBlock(model) : []
    integerColumns = model.variables.indices.filter { model.variables[$0].kind != .continuous }.map { Int32($0 + 1) }
  }

  var secondsLeft: Double { options.timeLimitSeconds - Date().timeIntervalSince(started) }

  /// The simplex iterations done on the problem so far (GLPK counts those of every relaxation and
  /// of branch-and-cut).
  var iterationsDone: Int { Int(glp_get_it_cnt(problem.pointer)) }

  /// What one simplex iteration counts towards ``LinearProgramming/SolveOptions/workLimit``: its
  /// cost grows with the model, so an iteration on `n` rows and columns counts `max(1, n/1000)`
  /// (on this project's machine the Trøndelag example, 1 200 rows and columns, and a national
  /// region, 36 000, both ran about 10 000 of these units a second).
  var workPerIteration: Double { max(1, Double(model.variables.count + model.constraints.count) / 1000) }

  /// The work done so far, counted the same on every machine.
  var workDone: Int { Int((Double(iterationsDone) * workPerIteration).rounded(.down)) }

  /// What is left of ``LinearProgramming/SolveOptions/workLimit``.
  var workLeft: Int { max(options.workLimit - workDone, 0) }

  /// The simplex iterations ``workLeft`` allows, for GLPK's `it_lim`: every simplex run stops by
  /// the work limit, not only branch-and-cut, so that the clock does not decide where a large
  /// relaxation ends.
  var iterationsLeft: Int32 { Int32(clamping: Int((Double(workLeft) / workPerIteration).rounded(.down))) }

  mutating func solveAllStages(solverName: String) -> Solution {
    let stages =
      model.objectives.isEmpty
      ? [Objective(name: "feasibility", sense: .minimize, terms: [], relativeTolerance: 0)]
      : model.objectives
    var results: [StageResult] = []
    var best: [Double] = []
    for (position, objective) in stages.enumerated() {
      let stageStart = Date()
      let workBefore = workDone
      guard secondsLeft > 0.001 else {
        results.append(
          StageResult(
            name: objective.name, status: .timeLimitWithoutSolution, objectiveValue: nil, bound: nil, seconds: 0, stoppedBy: .timeLimit))
        break
      }
      problem.setObjective(objective)
      // The previous stage's point is feasible for this one (its optimum is kept within tolerance):
      // branch-and-cut starts from it as its first incumbent.
      // A stage that cannot close its gap gets its share of the work left, so that the later
      // stages (the tie-breaks) still run; work a stage does not use passes on to the next.
      let share = 1 / Double(stages.count - position)
      let outcome =
        options.method == .blockSearch && model.hasIntegerVariables
          && integerColumnsByBlock.joined().count >= smallestSearchedModel
        ? solveStageByBlocks(objective, start: best, workShare: share)
        : solveStage(objective, start: best, workShare: share)
      let seconds = Date().timeIntervalSince(stageStart)
      let work = workDone - workBefore
      guard outcome.status.hasSolution else {
        results.append(
          StageResult(
            name: objective.name, status: outcome.status, objectiveValue: nil, bound: nil, seconds: seconds, stoppedBy: outcome.stop,
            work: work))
        if position == 0 {
          return Solution(status: outcome.status, values: [], stages: results, solverName: solverName)
        }
        break  // Keep the previous stage's point: it is still feasible and optimal for the earlier stages.
      }
      let value = LinearModel.evaluate(objective.terms, at: outcome.values)
      results.append(
        StageResult(
          name: objective.name, status: outcome.status, objectiveValue: value,
          bound: reportedBound(outcome, value: value, sense: objective.sense), seconds: seconds,
          stoppedBy: outcome.status == .optimal ? nil : outcome.stop, work: work))
      best = outcome.values
      if position + 1 < stages.count, !objective.terms.isEmpty {
        problem.keep(objective, at: value)
      }
    }
    // No stage found a point (the time ran out before the first): there is no solution to give.
    guard !best.isEmpty else {
      return Solution(status: .timeLimitWithoutSolution, values: [], stages: results, solverName: solverName)
    }
    let status: TerminationStatus =
      results.count == stages.count && results.allSatisfy({ $0.status == .optimal })
      ? .optimal : .feasible
    return Solution(status: status, values: best, stages: results, solverName: solverName)
  }

  /// The bound to report for a stage that found a point of value `value`: the value itself when the
  /// gap is closed exactly; else the proven bound (an optimum within a relative MIP gap above 0
  /// is not exact, and says by how much it may miss), never better for the point than its value.
  func reportedBound(_ outcome: StageOutcome, value: Double, sense: ObjectiveSense) -> Double? {
    if outcome.status == .optimal, options.relativeMIPGap == 0 { return value }
    guard let bound = outcome.bound else { return outcome.status == .optimal ? value : nil }
    return sense == .maximize ? max(bound, value) : min(bound, value)
  }

  /// The time left, in GLPK's milliseconds (at least 1).
  func milliseconds() -> Int32 {
    Int32(clamping: Int((max(secondsLeft, 0.001) * 1000).rounded(.up)))
  }

  struct StageOutcome {
    var status: TerminationStatus
    var values: [Double]
    var bound: Double?
    /// Why the stage stopped before closing its gap (or found nothing), when it did.
    var stop: StageStop?
  }

  /// Scales the problem and runs the simplex method on the (relaxed) stage: `nil` when it is
  /// optimal, else the outcome to report (a relaxation that is only feasible is a failure when
  /// branch-and-cut would need its optimal basis). With `advancedBasis`, the first simplex on the
  /// problem starts from GLPK's advanced basis (a triangular basis chosen from the matrix, glpsol's
  /// default) instead of the all-slack one.
  func relaxationFailure(advancedBasis: Bool = false) -> StageOutcome? {
    glp_scale_prob(problem.pointer, GLP_SF_AUTO)
    // GLPK: glp_adv_basis "flags: reserved for use in the future; must be specified as zero".
    if advancedBasis, glp_get_status(problem.pointer) == GLP_UNDEF, problem.rowCount > 0 { glp_adv_basis(problem.pointer, 0) }
    let code = problem.simplex(milliseconds: { milliseconds() }, iterations: iterationsLeft)
    if code == .timeLimit { return StageOutcome(status: .timeLimitWithoutSolution, values: [], stop: .timeLimit) }
    if code == .iterationLimit { return StageOutcome(status: .timeLimitWithoutSolution, values: [], stop: .workLimit) }
    guard code == .success else { return StageOutcome(status: .solverFailure, values: []) }
    let relaxation = GLPKStatus.simplex(problem.pointer)
    guard relaxation != .optimal else { return nil }
    return StageOutcome(status: model.hasIntegerVariables && relaxation == .feasible ? .solverFailure : relaxation, values: [])
  }

  /// The simplex method's value of every column.
  func columnValues() -> [Double] {
    (1...problem.columnCount).map { glp_get_col_prim(problem.pointer, $0) }
  }

  /// Simplex on the LP (relaxation); then, when there are integer variables, branch-and-cut, which
  /// stops once it holds an allocation and has used `workShare` of the work left. A stage with no
  /// allocation yet (the first has no point to start from) goes on until it finds one or the
  /// time limit stops it.
  private func solveStage(_ objective: Objective, start: [Double], workShare: Double) -> StageOutcome {
    if let failure = relaxationFailure() { return failure }
    guard model.hasIntegerVariables else { return StageOutcome(status: .optimal, values: columnValues()) }
    guard !model.knownIntegerValues.isEmpty else {
      return branchAndCut(start: start, workShare: workShare, onlyWithAllocation: !stopsWithoutAllocation)
    }
    // A re-solve of a nearby model: the known allocation's choices, completed for this stage, may
    // already reach the relaxation's bound, which proves the stage without a search.
    let bound = glp_get_obj_val(problem.pointer)
    let relaxationBasis = problem.basis()
    var search = IncumbentSearch(objective: objective, bound: bound, gap: Self.objectiveTolerance)
    search.offer(start.count == Int(problem.columnCount) ? start : nil)
    search.offer(knownCompletion())
    if search.isClosed, let incumbent = search.incumbent {
      return StageOutcome(status: .optimal, values: incumbent, bound: bound)
    }
    // Branch-and-cut needs the relaxation's optimal basis again (presolve is off): the same one as
    // without the start, since where the search goes depends on it (a what-if of the example
    // started from the basis the start's own LP left took 9.8 s instead of 2.2 s, measured).
    problem.setBasis(relaxationBasis)
    let code = problem.simplex(milliseconds: { milliseconds() }, iterations: iterationsLeft)
    guard code == .success, GLPKStatus.simplex(problem.pointer) == .optimal else {
      let stop: StageStop? = code == .timeLimit ? .timeLimit : code == .iterationLimit ? .workLimit : nil
      return search.incumbent.map { StageOutcome(status: .feasible, values: $0, bound: bound, stop: stop) }
        ?? StageOutcome(status: stop != nil ? .timeLimitWithoutSolution : .solverFailure, values: [], stop: stop)
    }
    return branchAndCut(start: search.incumbent ?? [], workShare: workShare, onlyWithAllocation: !stopsWithoutAllocation)
  }

  /// ``LinearProgramming/LinearModel/knownIntegerValues`` completed for the current stage, when
  /// that gives a feasible whole point.
  func knownCompletion() -> [Double]? {
    model.knownIntegerValues.isEmpty ? nil : completion(of: model.knownIntegerValues)
  }

  /// `glp_intopt` from the current optimal basis, offering `start` (when it has one value per
  /// column) as the first incumbent, until the time limit at the latest. Once it has used
  /// `workShare` of the work left (simplex iterations) it stops: as soon as it holds an
  /// allocation, or at once when `onlyWithAllocation` is `false` (a search that may find nothing).
  func branchAndCut(
    start: [Double], workShare: Double = 1, onlyWithAllocation: Bool = true, relativeGap: Double? = nil
  ) -> StageOutcome {
    let pointer = problem.pointer
    let tracker = BoundTracker()
    tracker.iterationLimit = iterationsDone + Int((Double(workLeft) * min(max(workShare, 0), 1) / workPerIteration).rounded(.down))
    tracker.stopsOnlyWithAllocation = onlyWithAllocation
    // The relaxation just solved bounds the stage until branch-and-cut reports a better bound.
    let relaxationBound = glp_get_status(pointer) == GLP_OPT ? glp_get_obj_val(pointer) : nil
    // GLPK: "x[0] is not used"; the incumbent offered at GLP_IHEUR, 1-based.
    tracker.start = start.count == Int(problem.columnCount) ? [0] + start : nil
    var parameters = glp_iocp()
    glp_init_iocp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.presolve = GLP_OFF  // the simplex above left an optimal basis, as GLPK requires then
    parameters.tm_lim = milliseconds()
    parameters.mip_gap = relativeGap ?? options.relativeMIPGap
    // GLPK's defaults (tol_int 1e-5, tol_obj 1e-7) accept a binary at 0.999995 as whole and prune
    // nodes within 1e-7 of the incumbent. Snapped to 1, such a binary spent money the frame did not
    // have (a 1.28 kr overspend on the Trøndelag example, issue 15) and gave a stage a value that
    // the next stage then had to keep, 4.5e-7 above what the stage reaches without it. With these, a whole number is whole to
    // 1e-9 and an optimal stage is optimal to 1e-9 relative, as docs/solve-methods.md says.
    parameters.tol_int = Self.integralityTolerance
    parameters.tol_obj = Self.objectiveTolerance
    parameters.cb_func = boundCallback
    if feasibilityPump { parameters.fp_heur = GLP_ON }
    // GLPK's cut generators are off by default. Without them, proving a priority stage optimal
    // when a frame is raised by a few million NOK (the explanations' re-solves) took GLPK 45–300 s
    // on the Trøndelag example: the partner-hour and frame knapsacks with the all-or-nothing
    // measures leave a weak bound. Mixed-integer rounding cuts alone closed that stage in 0.17 s;
    // with Gomory and cover cuts too, the whole explained run took least CPU (see
    // Benchmarks/README.md, "Explanations").
    if cuts {
      parameters.gmi_cuts = GLP_ON
      parameters.mir_cuts = GLP_ON
      parameters.cov_cuts = GLP_ON
    }
    // The parameters live at a fixed address for the whole search, so that the callback may turn
    // the cut generators off below the root (``GLPKSolver/cutsBelowRoot``).
    let heldParameters = UnsafeMutablePointer<glp_iocp>.allocate(capacity: 1)
    defer { heldParameters.deallocate() }
    let code = withExtendedLifetime(tracker) { () -> GLPKReturnCode in
      parameters.cb_info = Unmanaged.passUnretained(tracker).toOpaque()
      heldParameters.initialize(to: parameters)
      if cuts && !cutsBelowRoot { tracker.parametersToStopCuts = heldParameters }
      return GLPKReturnCode(rawValue: glp_intopt(pointer, heldParameters))
    }
    let status = GLPKStatus.mip(pointer, returnCode: code)
    let stop: StageStop? = tracker.stoppedForWork ? .workLimit : code == .timeLimit ? .timeLimit : nil
    guard status.hasSolution else {
      return StageOutcome(status: tracker.stoppedForWork ? .timeLimitWithoutSolution : status, values: [], stop: stop)
    }
    let values = (1...problem.columnCount).map { column -> Double in
      let value = glp_mip_col_val(pointer, column)
      // Integer columns come back within GLPK's integrality tolerance; snap them.
      return glp_get_col_kind(pointer, column) == GLP_CV ? value : value.rounded()
    }
    return StageOutcome(
      status: status, values: values,
      bound: Self.provenBound(pointer, code: code, gap: parameters.mip_gap, lastSeen: tracker.bound ?? relaxationBound), stop: stop)
  }
}

extension StageRunner {
  /// How far from a whole number branch-and-cut accepts an integer column (GLPK's `tol_int`).
  static let integralityTolerance = 1e-9
  /// How much better than the incumbent, relative, a node's bound must be for branch-and-cut to
  /// search it (GLPK's `tol_obj`): what "optimal" proves.
  static let objectiveTolerance = 1e-9

  /// The bound `glp_intopt` proved: its optimum when the search tree was exhausted; when it stopped
  /// at the relative gap `gap`, what that stop guarantees (GLPK 5.0 stops once
  /// `|bound − mip| / (|mip| + DBL_EPSILON) <= mip_gap`) or the last bound seen during the search,
  /// whichever is tighter; else the last bound seen.
  static func provenBound(_ pointer: OpaquePointer, code: GLPKReturnCode, gap: Double, lastSeen: Double?) -> Double? {
    if glp_mip_status(pointer) == GLP_OPT { return glp_mip_obj_val(pointer) }
    guard code == .mipGapReached else { return lastSeen }
    let incumbent = glp_mip_obj_val(pointer)
    let slack = gap * (abs(incumbent) + Double.ulpOfOne)
    if glp_get_obj_dir(pointer) == GLP_MAX {
      return min(lastSeen ?? .infinity, incumbent + slack)
    }
    return max(lastSeen ?? -.infinity, incumbent - slack)
  }
}

/// Collects branch-and-cut's best proven bound while it searches, and offers a known point once.
private final class BoundTracker {
  var bound: Double?
  /// A feasible point (1-based, as GLPK wants it) to offer as the first incumbent.
  var start: [Double]?
  /// Once the problem's simplex iteration count reaches this, the search stops (as soon as it
  /// holds an incumbent, with ``stopsOnlyWithAllocation``).
  var iterationLimit = Int.max
  var stopsOnlyWithAllocation = true
  /// Whether the search was stopped by ``iterationLimit``.
  var stoppedForWork = false
  /// The parameters `glp_intopt` runs with, when its cut generators are to stop below the root.
  var parametersToStopCuts: UnsafeMutablePointer<glp_iocp>?
}

/// GLPK calls this at each branch-and-cut event; it records the best bound of the open nodes.
private let boundCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
  guard let tree, let info else { return }
  let tracker = Unmanaged<BoundTracker>.fromOpaque(info).takeUnretainedValue()
  let reason = glp_ios_reason(tree)
  if reason == GLP_IHEUR, let start = tracker.start {
    tracker.start = nil
    // GLPK: glp_ios_heur_sol accepts the point if it is integral and better than the incumbent.
    _ = start.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
    return
  }
  // GLPK 5.0 reads its parameters through the pointer given to glp_intopt at every node
  // (`T->parm`), and generates cuts at the root and after each backtracking step while a
  // generator's flag is on. Turning the flags off once a node below the root branches stops that;
  // GLPK frees the generators' workspaces by pointer, not by flag, so nothing else changes. (A
  // GLPK that copied its parameters would simply go on cutting: slower, the same answers.)
  if reason == GLP_IBRANCH, let parameters = tracker.parametersToStopCuts, glp_ios_node_level(tree, glp_ios_curr_node(tree)) >= 1 {
    parameters.pointee.gmi_cuts = GLP_OFF
    parameters.pointee.mir_cuts = GLP_OFF
    parameters.pointee.cov_cuts = GLP_OFF
    tracker.parametersToStopCuts = nil
  }
  guard reason == GLP_ISELECT || reason == GLP_IBINGO || reason == GLP_IBRANCH else { return }
  let node = glp_ios_best_node(tree)
  if node != 0 { tracker.bound = glp_ios_node_bound(tree, node) }
  // GLPK: glp_ios_terminate "sets a flag indicating that the MIP solver should prematurely
  // terminate the search"; the incumbent and its status (GLP_FEAS) stay.
  guard !tracker.stoppedForWork, let problem = glp_ios_get_prob(tree), Int(glp_get_it_cnt(problem)) >= tracker.iterationLimit else {
    return
  }
  if !tracker.stopsOnlyWithAllocation || glp_mip_status(problem) == GLP_FEAS {
    tracker.stoppedForWork = true
    glp_ios_terminate(tree)
  }
}
