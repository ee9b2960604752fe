import ArgumentParser
import Decomposition
import DekomRunner
import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import Verification

extension Dekom {
  /// `dekom bound DIR`: a developer's command (not in `--help`) that measures the column-generation
  /// LP bound of the stages, and optionally GLPK's LP on the whole model beside it.
  public struct Bound: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Developer: the LP bound of each stage by column generation over the ranked lists, with its rounds and times.",
      discussion: """
        Solves stages 1 to --stage (default: the first priority stage) of the scenario's model, each by column \
        generation (docs/solve-methods.md), keeping every earlier stage at its master's optimal value (within the \
        stage tolerance). That chain bounds the integer stages only where each earlier stage's integer optimum \
        equals that value (a fairness stage at 0, say). With --whole-lp, GLPK's simplex also solves each stage's LP relaxation on \
        the whole model with the same kept values, for comparison.
        """,
      shouldDisplay: false)

    @Argument(help: "The scenario folder.", completion: .directory)
    var directory: String

    @Option(help: "The last stage to bound, 1 for the first (default: the first priority stage).")
    var stage: Int?

    @Flag(help: "Also solve each stage's LP relaxation of the whole model with GLPK, and time it.")
    var wholeLp = false

    @Flag(
      help:
        "Then an integer allocation for the last stage: lists the master takes whole are fixed, branch-and-cut searches the others; checked by the verifier."
    )
    var allocate = false

    @Option(help: "Wall-clock limit for each stage's bound (and each whole LP, and the allocation), in seconds.")
    var timeLimit: Double = 600

    public init() {}

    public func validate() throws {
      if let stage, stage < 1 { throw ValidationError("--stage counts from 1.") }
      if !(timeLimit > 0 && timeLimit <= 86_400) { throw ValidationError("--time-limit must be above 0 and at most 86400 seconds.") }
    }

    public func run() throws {
      let loadStart = Date()
      let scenario: Scenario
      do {
        scenario = try ScenarioRun(directory: URL(fileURLWithPath: directory)).load()
      } catch {
        throw report(error, directory: directory, language: .en)
      }
      let loadSeconds = Date().timeIntervalSince(loadStart)
      let buildStart = Date()
      // The model `dekom run` builds: with last year's reference when the scenario names it.
      let formulation = AllocationFormulation(scenario: scenario, reference: scenario.lastYearReference)
      let model = formulation.model
      let buildSeconds = Date().timeIntervalSince(buildStart)
      guard let last = stage.map({ $0 - 1 }) ?? model.objectives.firstIndex(where: { $0.name.hasPrefix("priority") }) else {
        printError("dekom: the model has no priority stage; give --stage N.")
        throw ExitCode.validationFailure
      }
      guard model.objectives.indices.contains(last) else {
        printError("dekom: the model has \(model.objectives.count) stages; --stage \(last + 1) is not one of them.")
        throw ExitCode.validationFailure
      }
      print(
        "\(scenario.measures.count) measures, \(model.variables.count) columns, \(model.constraints.count) rows; load \(Self.seconds(loadSeconds)), model \(Self.seconds(buildSeconds))"
      )
      let generation = ColumnGeneration(factory: GLPKIncrementalProgramFactory())
      var kept: [Double] = []
      for position in 0...last {
        let bound: StageBound
        do {
          bound = try generation.bound(formulation, stage: position, kept: kept, timeLimitSeconds: timeLimit)
        } catch {
          printError("dekom: \(error)")
          throw ExitCode.failure
        }
        print(
          "stage \(position + 1) '\(bound.name)': \(bound.status.rawValue), master \(Self.number(bound.value)), bound \(Self.number(bound.bound)); \(bound.rounds) rounds, \(bound.columns) columns, \(bound.lists) lists (\(bound.fractionalLists) fractional); \(Self.seconds(bound.seconds)) (pricing \(Self.seconds(bound.pricingSeconds)), master \(Self.seconds(bound.masterSeconds)))"
        )
        if wholeLp {
          let start = Date()
          let whole = GLPKSolver().solve(model.stageRelaxation(position, kept: kept), options: SolveOptions(timeLimitSeconds: timeLimit))
          let value = whole.status == .optimal ? whole.stages.first?.objectiveValue : nil
          print(
            "  whole LP (GLPK simplex): \(whole.status.rawValue), \(Self.number(value)); \(Self.seconds(Date().timeIntervalSince(start)))")
        }
        guard bound.status == .optimal, let value = bound.value else { break }
        kept.append(value)
      }
      if allocate { try printAllocation(formulation, stage: last) }
    }

    /// Fix and search for stage `stage`: the allocation's value, bound and gap per stage, the
    /// search's size and time, and what the independent verifier says of it.
    func printAllocation(_ formulation: AllocationFormulation, stage: Int) throws {
      let search = FixAndSearch(generation: ColumnGeneration(factory: GLPKIncrementalProgramFactory()), solver: GLPKSolver())
      let allocation: StageAllocation
      do {
        allocation = try search.allocate(formulation, throughStage: stage, timeLimitSeconds: timeLimit)
      } catch {
        printError("dekom: \(error)")
        throw ExitCode.failure
      }
      // An infeasible search says only that fixing the lists the master settled leaves no allocation.
      let status = allocation.status == .infeasible ? "none (no allocation with the settled lists fixed)" : allocation.status.rawValue
      print(
        "allocation: \(status); \(allocation.fixedLists) lists fixed, \(allocation.searchedLists) searched (\(allocation.searchedVariables) variables, \(allocation.searchedIntegerVariables) integer); search \(Self.seconds(allocation.searchSeconds)), all \(Self.seconds(allocation.seconds))"
      )
      for result in allocation.stages {
        print(
          "  \(result.name): \(result.status.rawValue), value \(Self.number(result.objectiveValue)), bound \(Self.number(result.bound)), gap \(result.relativeGap.map { String(format: "%.2e", $0) } ?? "–")"
        )
      }
      guard allocation.status.hasSolution else { return }
      let violations = AllocationVerifier(scenario: formulation.scenario, outcomes: formulation.outcomes(at: allocation.point)).violations()
      print("  verifier: \(violations.isEmpty ? "no violations" : "\(violations.count) violations, first: \(violations[0])")")
    }

    static func number(_ value: Double?) -> String { value.map { String(format: "%.10g", $0) } ?? "–" }
    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }
  }
}
