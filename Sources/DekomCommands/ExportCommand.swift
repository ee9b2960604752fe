import ArgumentParser
import DekomRunner
import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import Reports

extension Dekom {
  /// `dekom export DIR --mps FILE --lp FILE`: the model that decides the allocation, for other solvers.
  public struct Export: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Write the model that decides the allocation as free MPS and/or CPLEX LP, through GLPK.",
      discussion: """
        The file holds the first priority stage's objective (or --stage N), with every earlier stage (the \
        fairness stage) solved by dekom and its optimum kept as a row, exactly as `dekom run` keeps it. \
        MPS has no objective sense, so a maximisation is written there as minimise −objective; the LP file \
        keeps Maximize. Solve it with e.g. `glpsol --freemps FILE` or `glpsol --lp FILE`.
        """)

    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    @Option(help: "Write free MPS to this file.", completion: .file())
    var mps: String?

    @Option(help: "Write CPLEX LP to this file.", completion: .file())
    var lp: String?

    @Option(help: "Export the what-if variant DIR/variants/NAME.yaml (its model as `dekom run --variant` builds it).")
    var variant: String?

    @Option(help: "The stage to export, 1 for the first (default: the first priority stage). --verbose lists them.")
    var stage: Int?

    @Option(help: "Wall-clock limit for solving the earlier stages, in seconds (default: the scenario's, else 60).")
    var timeLimit: Double?

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Also list the model's stages and the kept values (on standard error).")
    var verbose = false

    public init() {}

    public func validate() throws {
      if mps == nil && lp == nil { throw ValidationError("give --mps FILE, --lp FILE or both.") }
      if let mps, let lp, Self.resolved(mps) == Self.resolved(lp) { throw ValidationError("--mps and --lp name the same file.") }
      if let stage, stage < 1 { throw ValidationError("--stage counts from 1.") }
      if let timeLimit, !(timeLimit > 0 && timeLimit <= 86_400) {
        throw ValidationError("--time-limit must be a number of seconds above 0 and at most 86400.")
      }
    }

    static func resolved(_ path: String) -> String {
      URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    public func run() throws {
      let scenarioRun = ScenarioRun(directory: URL(fileURLWithPath: directory), timeLimitSeconds: timeLimit, variant: variant)
      // The same model `dekom run` solves: one step decides it for both.
      let formulation: AllocationFormulation
      do {
        formulation = scenarioRun.formulation(of: try scenarioRun.target())
      } catch {
        // As `dekom run` without --lang: conflicts in bokmål.
        throw report(error, directory: directory, language: .nb)
      }
      let model = formulation.model
      let scenario = formulation.scenario
      if verbose {
        for (position, objective) in model.objectives.enumerated() {
          printError("  stage \(position + 1): \(objective.name) (\(objective.sense.rawValue), \(objective.terms.count) terms)")
        }
      }
      guard let stageIndex = stage.map({ $0 - 1 }) ?? model.objectives.firstIndex(where: { $0.name.hasPrefix("priority") }) else {
        printError("dekom: the model has no priority stage (it has no measure in the priority contest); give --stage N.")
        throw ExitCode.validationFailure
      }

      // Never over an input; written through the one atomic writer, as `dekom run` writes.
      var targets: [(format: GLPKExport.Format, path: String)] = []
      if let mps { targets.append((.freeMPS, mps)) }
      if let lp { targets.append((.cplexLP, lp)) }
      let name = "dekom \(scenario.county) \(scenario.year)\(variant.map { " variant \($0)" } ?? "") stage \(stageIndex + 1)"
      let options = SolveOptions(
        timeLimitSeconds: timeLimit ?? scenario.solver.timeLimitSeconds, relativeMIPGap: scenario.solver.relativeMIPGap)
      var written: GLPKExport.Outcome?
      do {
        try OutputWriter(protecting: scenarioRun.inputFiles).write(to: targets.map { URL(fileURLWithPath: $0.path) }) { temporaries in
          let files = zip(targets, temporaries).map { (format: $0.0.format, path: $0.1.path) }
          written = try GLPKExport().write(model, stage: stageIndex, name: name, to: files, options: options)
        }
      } catch let error as GLPKExport.ExportError {
        switch error {
        case .noSuchStage:
          printError("dekom: \(error)")
          throw ExitCode.validationFailure
        case .earlierStageUnsolved:
          printError("dekom: \(error) Nothing was written. Try a longer --time-limit, or check the scenario with `dekom run`.")
          throw DekomExit.noAllocation
        case .cannotWrite:
          printError("dekom: \(error) Nothing was written.")
          throw DekomExit.cannotWrite
        case .invalidModel:
          printError("dekom: internal error: \(error). Nothing was written. Please report this.")
          throw DekomExit.internalError
        }
      } catch {
        printError("dekom: \(error) Nothing was written.")
        throw DekomExit.cannotWrite
      }
      guard let outcome = written else { throw DekomExit.internalError }

      if verbose {
        for kept in outcome.keptStages {
          let value = kept.objectiveValue.map { String(format: "%.10g", $0) } ?? "–"
          printError("  kept stage \(kept.name): \(kept.status.rawValue), value \(value), \(String(format: "%.3f", kept.seconds)) s")
        }
      }
      if !quiet {
        let objective = outcome.objective
        let kept =
          outcome.keptStages.isEmpty
          ? "no earlier stage"
          : outcome.keptStages.map { stage in
            "'\(stage.name)' kept at \(stage.objectiveValue.map { String(format: "%.10g", $0) } ?? "–") (\(stage.status.rawValue))"
          }.joined(separator: ", ")
        print(
          "Stage \(outcome.stage + 1) of \(model.objectives.count), '\(objective.name)' (\(objective.sense.rawValue)); \(kept). \(outcome.columns) columns (\(outcome.integerColumns) integer), \(outcome.rows) rows."
        )
        if let mps {
          print("Wrote \(mps) (free MPS\(outcome.mpsObjectiveNegated ? "; objective negated: minimise −\(objective.name)" : "")).")
        }
        if let lp { print("Wrote \(lp) (CPLEX LP).") }
      }
    }
  }
}
