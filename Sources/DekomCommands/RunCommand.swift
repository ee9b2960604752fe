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
      let language = options.lang
      if !options.quiet && standardErrorIsTerminal {
        scenarioRun.progress = { done, total in
          printError("\u{1B}[2K\r" + ConsoleText.explaining(done: done, total: total).text(in: language), newline: done == total)
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
            ConsoleText.solvedPlan(
              county: scenario.county, first: years.first ?? "", last: years.last ?? "", status: result.status.rawValue,
              solver: result.solverName
            ).text(in: language))
          print(ConsoleText.planYear(scenario.year).text(in: language))
        } else {
          print(
            ConsoleText.solved(county: scenario.county, year: scenario.year, status: result.status.rawValue, solver: result.solverName)
              .text(in: language))
        }
        print(
          ConsoleText.measureCounts(
            funded: counts[.funded] ?? 0, partly: counts[.partlyFunded] ?? 0, notFunded: counts[.notFunded] ?? 0,
            ineligible: counts[.ineligible] ?? 0
          ).text(in: language))
        if result.status != .optimal {
          print(ConsoleText.notProven.text(in: language))
          for stage in result.stages where stage.status != .optimal {
            let stop: ConsoleText.Stop? =
              switch stage.stoppedBy {
              case .workLimit?: .workLimit
              case .timeLimit?: .timeLimit
              case nil: nil
              }
            print(
              ConsoleText.stageNotProven(name: stage.name, status: stage.status.rawValue, gap: stage.relativeGap, stop: stop)
                .text(in: language))
          }
          let skipped = result.modelSize.stages - result.stages.count
          if skipped > 0 { print(ConsoleText.laterStagesSkipped(skipped).text(in: language)) }
        }
        // The path as the user wrote it, not made absolute.
        let defaultFolder = (directory.hasSuffix("/") ? directory + "out" : directory + "/out") + (variant.map { "/" + $0 } ?? "")
        let shownFolder = out ?? defaultFolder
        print(ConsoleText.draftIn(folder: shownFolder).text(in: language))
        let recipients = Set(Settlement(result).payments.map(\.recipient)).count
        print(ConsoleText.lettersIn(recipients: recipients, folder: "\(shownFolder)/\(ScenarioRun.letterFolder)").text(in: language))
        if plan != nil { print(ConsoleText.planIn(folder: shownFolder).text(in: language)) }
      }
    }

  }
}

/// Prints why a run wrote nothing and returns the exit code that says so.
func report(_ error: ScenarioRun.RunError, directory: String, language: Language) -> ExitCode {
  switch error {
  case .invalidInput(let scenarioError):
    reportInvalid(scenarioError, directory: directory, language: language)
    return DekomExit.invalidInput
  case .noAllocation(let result):
    reportNoAllocation(result, language: language)
    return result.defects.isEmpty ? DekomExit.noAllocation : DekomExit.internalError
  case .cannotWrite(let message):
    printError(ConsoleText.cannotWrite(message).text(in: language))
    return DekomExit.cannotWrite
  case .verificationFailed(let violations):
    printError(ConsoleText.verificationFailed.text(in: language))
    for violation in violations.prefix(20) { printError("  - \(violation)") }
    printError(ConsoleText.reportWithScenario.text(in: language))
    return DekomExit.internalError
  case .rendering(let message):
    printError(ConsoleText.renderingFailed(message).text(in: language))
    return DekomExit.internalError
  }
}

func reportNoAllocation(_ result: AllocationResult, language: Language) {
  switch result.status {
  case .infeasible:
    printError(ConflictText.heading(language: language))
    for text in ConflictText.describe(result.conflicts, scenario: result.scenario, language: language) { printError("  - " + text) }
  case .unbounded:
    printError(ConsoleText.unbounded.text(in: language))
  case .timeLimitWithoutSolution:
    printError(ConsoleText.noAllocationInTime.text(in: language))
  case .invalidModel:
    printError(ConsoleText.invalidModel.text(in: language))
    for defect in result.defects.prefix(10) { printError("  - \(defect)") }
  default:
    printError(ConsoleText.solverFailed(status: result.status.rawValue).text(in: language))
  }
}
