import CGLPK
import Foundation
import LinearProgramming

/// Writes one lexicographic stage of a ``LinearModel`` to a file through GLPK (`glp_write_mps`,
/// `glp_write_lp`), so that any solver can solve the model dekom solves at that stage.
///
/// The file holds the model's variables and constraints, the chosen stage's objective, and one
/// row per earlier stage that keeps that stage's optimum, exactly as ``GLPKSolver`` keeps it before
/// solving the next stage: `Σ terms ≥ value − relativeTolerance × max(1, |value|)` for a
/// maximisation (`≤ value + …` for a minimisation). The earlier stages' optima come from
/// ``GLPKSolver`` itself, on the model with only those stages, so they are the values `dekom run`
/// keeps.
///
/// Free MPS as GLPK writes it has no objective sense, and every MPS reader minimises unless told
/// otherwise; a maximisation stage is therefore written to MPS as *minimise −objective* (its optimum
/// is minus the stage's value). The CPLEX LP file keeps `Maximize` and the objective as it is.
public struct GLPKExport: Sendable {
  /// A file format GLPK writes.
  public enum Format: String, Sendable, CaseIterable {
    /// Free (modern) MPS, `glp_write_mps(…, GLP_MPS_FILE, …)`; read it with `glpsol --freemps`.
    case freeMPS = "mps"
    /// CPLEX LP, `glp_write_lp`; read it with `glpsol --lp`.
    case cplexLP = "lp"
  }

  /// Why nothing was written.
  public enum ExportError: Error, Sendable, CustomStringConvertible {
    /// The model has values GLPK would abort on; a bug in whoever built it.
    case invalidModel([ModelDefect])
    /// `stage` is not one of the model's stages.
    case noSuchStage(stage: Int, stageCount: Int)
    /// An earlier stage has no solution to keep (infeasible, or the time ran out first).
    case earlierStageUnsolved([StageResult], status: TerminationStatus)
    /// A path GLPK cannot take, or GLPK could not write the file.
    case cannotWrite(String)

    public var description: String {
      switch self {
      case .invalidModel(let defects):
        return "the model was refused before reaching GLPK: " + defects.prefix(5).map(\.description).joined(separator: "; ")
      case .noSuchStage(let stage, let count):
        return "stage \(stage + 1) does not exist; the model has \(count) stage\(count == 1 ? "" : "s") (1–\(count))."
      case .earlierStageUnsolved(let stages, let status):
        let last = stages.last.map { "stage '\($0.name)' ended \($0.status.rawValue)" } ?? "the first stage was not reached"
        return "the earlier stages could not be solved to keep their optimum (\(status.rawValue); \(last))."
      case .cannotWrite(let message):
        return message
      }
    }
  }

  /// What was written.
  public struct Outcome: Sendable, Equatable {
    /// The exported stage (0-based) and its objective.
    public var stage: Int
    public var objective: Objective
    /// The earlier stages as solved and kept, in order (empty for the first stage).
    public var keptStages: [StageResult]
    /// Whether the MPS objective is the negation of the stage's (a maximisation stage).
    public var mpsObjectiveNegated: Bool
    public var columns: Int
    public var integerColumns: Int
    public var rows: Int
  }

  public init() {}

  /// Solves the stages before `stage`, keeps their optima as rows, and writes the model with
  /// `stage`'s objective to each `(format, path)`.
  ///
  /// GLPK writes straight to each path; to replace a file atomically, give a temporary path in the
  /// same folder and rename it afterwards.
  ///
  /// - Parameters:
  ///   - model: the whole allocation model.
  ///   - stage: 0-based index into `model.objectives`.
  ///   - name: the problem's name in the files (GLPK cuts it to fit).
  ///   - targets: each file to write, with its format.
  ///   - options: limits for solving the earlier stages.
  /// - Returns: what was written, with the earlier stages' values kept in it.
  /// - Throws: ``ExportError``; files already written by this call are left for the caller to remove.
  public func write(
    _ model: LinearModel, stage: Int, name: String, to targets: [(format: Format, path: String)], options: SolveOptions
  ) throws(ExportError) -> Outcome {
    let defects = model.defects() + GLPKSolver.glpkDefects(model)
    guard defects.isEmpty, !model.variables.isEmpty else {
      throw .invalidModel(defects.isEmpty ? [ModelDefect("the model has no variables")] : defects)
    }
    guard model.objectives.indices.contains(stage) else {
      throw .noSuchStage(stage: stage, stageCount: model.objectives.count)
    }
    for target in targets {
      try Self.checkPath(target.path)
    }
    let kept = try solveEarlierStages(model, before: stage, options: options)

    // GLPK prints "Writing problem data to …" otherwise; dekom's output is its own.
    glp_term_out(GLP_OFF)
    let problem = GLPKProblem(model)
    for (objective, result) in zip(model.objectives, kept) where !objective.terms.isEmpty {
      // The same row GLPKSolver adds after solving a stage.
      let value = result.objectiveValue ?? 0
      let slack = objective.relativeTolerance * max(1, abs(value))
      guard value.isFinite, slack.isFinite else {
        throw .invalidModel([ModelDefect("stage '\(objective.name)': kept value \(value) with slack \(slack)")])
      }
      problem.keep(objective, at: value)
    }
    let objective = model.objectives[stage]
    problem.setObjective(objective)
    problem.setProblemName(name)
    problem.setObjectiveName(objective.name)

    let negate = objective.sense == .maximize
    for target in targets {
      let code: Int32
      switch target.format {
      case .cplexLP:
        code = glp_write_lp(problem.pointer, nil, target.path)
      case .freeMPS:
        if negate {
          let negated = objective.terms.map { LinearTerm(-$0.coefficient, $0.variable) }
          problem.setObjective(
            Objective(name: objective.name, sense: .minimize, terms: negated, relativeTolerance: objective.relativeTolerance))
        }
        code = glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, target.path)
        if negate { problem.setObjective(objective) }
      }
      guard code == 0 else {
        throw .cannotWrite("GLPK could not write \(target.path); check that the folder is writable and the disk not full.")
      }
    }
    return Outcome(
      stage: stage, objective: objective, keptStages: kept, mpsObjectiveNegated: negate, columns: Int(problem.columnCount),
      integerColumns: Int(glp_get_num_int(problem.pointer)), rows: Int(glp_get_num_rows(problem.pointer)))
  }

  /// The earlier stages' results from ``GLPKSolver`` on the model with only those stages.
  private func solveEarlierStages(_ model: LinearModel, before stage: Int, options: SolveOptions) throws(ExportError) -> [StageResult] {
    guard stage > 0 else { return [] }
    var prefix = model
    prefix.objectives = Array(model.objectives.prefix(stage))
    let solution = GLPKSolver().solve(prefix, options: options)
    guard solution.status.hasSolution, solution.stages.count == stage,
      solution.stages.allSatisfy({ $0.status.hasSolution && $0.objectiveValue != nil })
    else {
      throw .earlierStageUnsolved(solution.stages, status: solution.status)
    }
    return solution.stages
  }

  /// Checked in Swift before the path reaches C: GLPK's `fopen` gets a path it can open or fail on,
  /// never one with a NUL byte, an empty one, or one in a missing folder.
  static func checkPath(_ path: String) throws(ExportError) {
    guard !path.isEmpty, !path.utf8.contains(0) else {
      throw .cannotWrite("the output path is empty or holds a NUL byte; give a file path.")
    }
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    let parent = url.deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .cannotWrite("the folder \(parent) does not exist; create it first or give another path.")
    }
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw .cannotWrite("\(path) is a folder; give a file path.")
    }
  }
}
