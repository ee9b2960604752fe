import ArgumentParser
import DekomRunner
import Foundation
import GrantAllocation
import Reports
import ScenarioFiles
import UserMessages

extension Language: ExpressibleByArgument {}

extension Dekom {
  /// `dekom run DIR`: validate, solve, and write the innstilling and machine outputs.
  public struct Run: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Solve a scenario and write the draft innstilling (innstilling.md, allocation.csv, allocation.json).")

    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    @Option(help: "Where to write the outputs (default: DIR/out, or DIR/out/NAME for a variant).", completion: .directory)
    var out: String?

    @Option(help: "Solve the what-if variant DIR/variants/NAME.yaml instead of the base scenario.")
    var variant: String?

    @OptionGroup var options: CommonSolveOptions

    @Flag(
      inversion: .prefixedNo,
      help: "Explain the allocation: what it would take to fund each measure, waiting lists and shadow prices (many re-solves).")
    var explain = true

    @Flag(help: "Record each solve stage's seconds in allocation.json (two runs then differ in those numbers).")
    var recordSeconds = false

    @Flag(help: "Also print each solve stage with its value and time (on standard error).")
    var verbose = false

    public init() {}

    public func run() throws {
      var scenarioRun = ScenarioRun(
        directory: URL(fileURLWithPath: directory), outputDirectory: out.map { URL(fileURLWithPath: $0) }, language: options.lang,
        timeLimitSeconds: options.timeLimit, variant: variant, explain: explain)
      if !options.quiet && standardErrorIsTerminal {
        scenarioRun.progress = { done, total in
          printError("\u{1B}[2K\rExplaining: \(done) of \(total) measures not funded in full searched", newline: done == total)
        }
      }
      scenarioRun.recordsSeconds = recordSeconds
      scenarioRun.method = options.method
      let result: AllocationResult
      let plan: PlanResult?
      do {
        (result, plan) = try scenarioRun.executeReportingPlan()
      } catch {
        throw report(error, directory: directory, language: options.lang)
      }
      if verbose {
        for stage in result.stages {
          let value = stage.objectiveValue.map { String(format: "%.6g", $0) } ?? "–"
          printError(
            String(format: "  stage %@: %@, value %@, %.3f s, work %d", stage.name, stage.status.rawValue, value, stage.seconds, stage.work)
          )
        }
      }
      if !options.quiet {
        let counts = Dictionary(grouping: result.outcomes, by: \.status).mapValues(\.count)
        let scenario = result.scenario
        if let plan {
          let years = plan.scenario.planYears.map(String.init)
          print(
            "Solved the plan \(scenario.county) \(years.first ?? "")–\(years.last ?? "") as one model: \(result.status.rawValue) (\(result.solverName))."
          )
          print("Year \(scenario.year), the innstilling:")
        } else {
          print("Solved \(scenario.county) \(scenario.year): \(result.status.rawValue) (\(result.solverName)).")
        }
        print(
          "Measures: \(counts[.funded] ?? 0) funded, \(counts[.partlyFunded] ?? 0) partly, \(counts[.notFunded] ?? 0) not funded, \(counts[.ineligible] ?? 0) not eligible."
        )
        if result.status != .optimal {
          print("Not proven optimal within the work and time limits:")
          for stage in result.stages where stage.status != .optimal {
            let gap = stage.relativeGap.map { String(format: "proven gap %.4g %%", $0 * 100) } ?? "no bound"
            let stop =
              switch stage.stoppedBy {
              case .workLimit?: ", stopped by the work limit"
              case .timeLimit?: ", stopped by the time limit (depends on the machine's speed)"
              case nil: ""
              }
            print("  stage \(stage.name): \(stage.status.rawValue), \(gap)\(stop)")
          }
          let skipped = result.modelSize.stages - result.stages.count
          if skipped > 0 { print("  \(skipped) later stage(s) not reached; the allocation is the last solved stage's.") }
        }
        // The path as the user wrote it, not made absolute.
        let defaultFolder = (directory.hasSuffix("/") ? directory + "out" : directory + "/out") + (variant.map { "/" + $0 } ?? "")
        let shownFolder = out ?? defaultFolder
        print("The draft innstilling is in \(shownFolder)/innstilling.md")
        let recipients = Set(Settlement(result).payments.map(\.recipient)).count
        print("The decision letters, one per recipient (\(recipients)), are in \(shownFolder)/\(ScenarioRun.letterFolder)/")
        if plan != nil { print("The long-term plan is in \(shownFolder)/langsiktig-plan.md") }
      }
    }

  }
}

/// Prints why a run wrote nothing and returns the exit code that says so.
func report(_ error: ScenarioRun.RunError, directory: String, language: Language) -> ExitCode {
  switch error {
  case .invalidInput(let scenarioError):
    reportInvalid(scenarioError, directory: directory)
    return DekomExit.invalidInput
  case .noAllocation(let result):
    reportNoAllocation(result, language: language)
    return result.defects.isEmpty ? DekomExit.noAllocation : DekomExit.internalError
  case .cannotWrite(let message):
    printError("dekom: \(message) Nothing was written.")
    return DekomExit.cannotWrite
  case .verificationFailed(let violations):
    printError("dekom: internal error: the allocation failed dekom's independent check; nothing was written.")
    for violation in violations.prefix(20) { printError("  - \(violation)") }
    printError("Please report this with the scenario folder.")
    return DekomExit.internalError
  case .rendering(let message):
    printError("dekom: internal error while rendering the reports: \(message)")
    return DekomExit.internalError
  }
}

func reportNoAllocation(_ result: AllocationResult, language: Language) {
  switch result.status {
  case .infeasible:
    printError(ConflictText.heading(language: language))
    for text in ConflictText.describe(result.conflicts, scenario: result.scenario, language: language) { printError("  - " + text) }
  case .unbounded:
    printError("dekom: the model is unbounded, which valid data cannot cause; nothing was written. Please report this.")
  case .timeLimitWithoutSolution:
    printError("dekom: no allocation was found within the time limit; nothing was written. Try a longer --time-limit.")
  case .invalidModel:
    printError("dekom: internal error, the model was refused before solving; nothing was written:")
    for defect in result.defects.prefix(10) { printError("  - \(defect)") }
  default:
    printError("dekom: the solver failed (\(result.status.rawValue)); nothing was written.")
  }
}
