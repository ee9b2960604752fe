import Explanations
import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import Reports
import ScenarioFiles
import Scenarios
import Verification

/// One `dekom run`: load, solve, render and write, as a library call (the CLI and the benchmarks
/// both use it).
public struct ScenarioRun: Sendable {
  /// Why a run wrote nothing.
  public enum Failure: Error {
    case invalidInput(ScenarioError)
    case noAllocation(AllocationResult)
    case cannotWrite(String)
    case rendering(String)
    /// dekom's own independent check found the allocation or a report wrong: a bug in dekom.
    case verificationFailed([Violation])
  }

  public var directory: URL
  public var outputDirectory: URL
  public var language: Language
  public var timeLimitSeconds: Double?
  /// How each stage is solved.
  public var method: SolveMethod = .branchAndCut
  /// A what-if variant (`variants/NAME.yaml`) to solve instead of the base scenario.
  public var variant: String?
  /// Whether to add shadow prices, what it would take to fund each measure and the waiting lists
  /// (many re-solves).
  public var explain: Bool
  /// Whether `allocation.json` records each stage's seconds (two runs then differ in those numbers).
  public var recordsSeconds = false
  /// Whether to show progress of long steps on standard error (set by the CLI when it is a terminal).
  public var showsProgress = false

  /// - Parameter outputDirectory: default `directory/out`, or `directory/out/VARIANT` for a variant.
  public init(
    directory: URL, outputDirectory: URL? = nil, language: Language = .nb, timeLimitSeconds: Double? = nil, variant: String? = nil,
    explain: Bool = true
  ) {
    self.explain = explain
    self.directory = directory
    let defaultOut = directory.appendingPathComponent("out")
    self.outputDirectory = outputDirectory ?? (variant.map { defaultOut.appendingPathComponent($0) } ?? defaultOut)
    self.language = language
    self.timeLimitSeconds = timeLimitSeconds
    self.variant = variant
  }

  /// The names of the files a run writes.
  public static let outputFiles = ["innstilling.md", "innstilling.html", "allocation.csv", "allocation.json"]

  /// Loads and validates the scenario.
  public func load() throws(Failure) -> Scenario {
    do {
      return try ScenarioLoader.load(directory: directory)
    } catch {
      throw .invalidInput(error)
    }
  }

  /// Loads the scenario's what-if variants (`variants/*.yaml`).
  public func loadVariants() throws(Failure) -> [Variant] {
    do {
      return try VariantFile.loadAll(directory: directory)
    } catch {
      throw .invalidInput(error)
    }
  }

  /// The scenario a variant describes.
  public func scenario(ofVariant name: String, variants: [Variant], base: Scenario) throws(Failure) -> Scenario {
    do {
      return try VariantResolver.scenario(name, variants: variants, base: base)
    } catch {
      throw .invalidInput(error)
    }
  }

  /// Solves a loaded scenario with GLPK, staying close to `reference` among equally good answers.
  /// A multi-year scenario is solved as a plan, and its first year returned (`reference` then
  /// holds for the first year).
  public func solve(_ scenario: Scenario, reference: AllocationReference = AllocationReference()) throws(Failure) -> AllocationResult {
    if scenario.isPlan {
      return try solvePlan(scenario, reference: PlanExpansion.reference(reference, year: scenario.year)).years[0]
    }
    return try solveAndExplain(scenario, reference: reference, explain: false).result
  }

  /// Solves a loaded scenario and, when `explain`, explains it (shadow prices, what it would take,
  /// waiting lists; the re-solves use the same time limit each).
  public func solveAndExplain(
    _ scenario: Scenario, reference: AllocationReference = AllocationReference(), explain: Bool
  ) throws(Failure) -> (result: AllocationResult, explanation: Explanation?) {
    let allocator = Allocator(solver: GLPKSolver(), method: method)
    let solved = allocator.solve(scenario, reference: reference, timeLimitSeconds: timeLimitSeconds)
    guard solved.result.hasAllocation else { throw .noAllocation(solved.result) }
    guard explain else { return (solved.result, nil) }
    var explainer = Explainer(
      allocator: allocator, analyser: GLPKSolver(), timeLimitSeconds: timeLimitSeconds ?? scenario.solver.timeLimitSeconds)
    if showsProgress {
      explainer.progress = { done, total in
        printError("\u{1B}[2K\rExplaining: \(done) of \(total) measures not funded in full searched", newline: done == total)
      }
    }
    let (result, explanation) = explainer.explain(solved)
    return (result, explanation)
  }

  /// Renders every output file in memory, after the independent verifier has passed the
  /// allocation, its kroner and the innstilling's totals.
  public func render(_ result: AllocationResult, explanation: Explanation? = nil) throws(Failure) -> [(name: String, contents: String)] {
    let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: result.solverName)
    return try render(ReportInput(result: result, language: language, provenance: provenance, explanation: explanation))
  }

  /// The files of one allocation's report input, verified.
  func render(_ input: ReportInput) throws(Failure) -> [(name: String, contents: String)] {
    let files: [(name: String, contents: String)]
    do {
      let markdown = InnstillingMarkdown(input).render()
      files = [
        ("innstilling.md", markdown),
        ("innstilling.html", try InnstillingHTML(input, markdown: markdown).render()),
        ("allocation.csv", AllocationCSV(input).render()),
        ("allocation.json", try AllocationJSON(input, recordsSeconds: recordsSeconds).render()),
      ]
    } catch {
      throw .rendering("\(error)")
    }
    try Self.verify(input, markdown: files[0].contents)
    return files
  }

  /// The independent check: the allocation and its kroner, and the innstilling's totals when given.
  static func verify(_ input: ReportInput, markdown: String? = nil) throws(Failure) {
    let result = input.result
    let violations =
      AllocationVerifier(scenario: result.scenario, outcomes: result.outcomes).violations()
      + SettlementVerifier(scenario: result.scenario, outcomes: result.outcomes, settlement: input.settlement).violations()
      + (markdown.map { ReportTotalsVerifier(markdown: $0).violations() } ?? [])
    guard violations.isEmpty else { throw .verificationFailed(violations) }
  }

  /// The independent check of a plan: every year's frames, capacities and commitments, and how a
  /// measure's years hang together (``PlanVerifier``).
  static func verify(_ plan: PlanResult) throws(Failure) {
    let violations = PlanVerifier(plan).violations()
    guard violations.isEmpty else { throw .verificationFailed(violations) }
  }

  /// Every input file of the scenario folder, which no output may replace.
  var inputFiles: [URL] {
    let variantsFolder = directory.appendingPathComponent(VariantFile.folderName)
    let variants = ((try? FileManager.default.contentsOfDirectory(atPath: variantsFolder.path)) ?? [])
      .map { variantsFolder.appendingPathComponent($0) }
    return ScenarioLoader.allInputFiles.map { directory.appendingPathComponent($0) } + variants
  }

  /// Writes rendered files atomically into ``outputDirectory``, never over an input file.
  public func write(_ files: [(name: String, contents: String)]) throws(Failure) {
    let inputs = inputFiles
    do {
      try OutputWriter(directory: outputDirectory, protecting: inputs).write(files)
    } catch {
      throw .cannotWrite("\(error)")
    }
  }

  /// The names of the files a run of a multi-year scenario writes besides ``outputFiles``.
  public static let planFiles = ["langsiktig-plan.md", "langsiktig-plan.html"]

  /// Solves a multi-year scenario as one model, staying close to `reference` (an expanded
  /// allocation) among equally good answers.
  public func solvePlan(_ scenario: Scenario, reference: AllocationReference = AllocationReference()) throws(Failure) -> PlanResult {
    let plan = Allocator(solver: GLPKSolver(), method: method).solvePlan(scenario, reference: reference, timeLimitSeconds: timeLimitSeconds)
    guard plan.hasAllocation else { throw .noAllocation(plan.expandedResult) }
    return plan
  }

  /// Renders the first year's innstilling (with the commitments it creates) and the long-term
  /// plan, after the independent verifiers have passed both.
  public func renderPlan(_ plan: PlanResult) throws(Failure) -> [(name: String, contents: String)] {
    let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: plan.expandedResult.solverName)
    var input = ReportInput(result: plan.years[0], language: language, provenance: provenance)
    input.planCommitments = PlanCommitments(plan)
    try Self.verify(plan)
    let files = try render(input)
    do {
      let document = PlanMarkdown(plan, language: language, provenance: provenance)
      let markdown = document.render()
      return files + [("langsiktig-plan.md", markdown), ("langsiktig-plan.html", try PlanHTML(document, markdown: markdown).render())]
    } catch {
      throw .rendering("\(error)")
    }
  }

  /// Load, solve, render and write; returns the first year's allocation and, for a multi-year
  /// scenario, the plan. Explanations are not made for a plan (its reports say so).
  public func executeReportingPlan() throws(Failure) -> (result: AllocationResult, plan: PlanResult?) {
    let base = try load()
    guard base.isPlan else { return (try execute(base), nil) }
    let plan: PlanResult
    if let variant {
      let scenario = try scenario(ofVariant: variant, variants: try loadVariants(), base: base)
      plan = try solvePlan(scenario, reference: AllocationReference(try solvePlan(base).expandedResult))
    } else {
      plan = try solvePlan(base)
    }
    try write(try renderPlan(plan))
    return (plan.years[0], plan)
  }

  /// Load, solve, render and write; returns the solved allocation (the first year's, for a plan).
  @discardableResult
  public func execute() throws(Failure) -> AllocationResult {
    try executeReportingPlan().result
  }

  /// Load, solve, render and write; returns the solved allocation. A variant is solved after its
  /// base, closest to the base's allocation among its optimal answers.
  private func execute(_ base: Scenario) throws(Failure) -> AllocationResult {
    guard let variant else {
      let (result, explanation) = try solveAndExplain(base, explain: explain)
      try write(try render(result, explanation: explanation))
      return result
    }
    let variants = try loadVariants()
    let scenario = try scenario(ofVariant: variant, variants: variants, base: base)
    let (result, explanation) = try solveAndExplain(scenario, reference: AllocationReference(try solve(base)), explain: explain)
    try write(try render(result, explanation: explanation))
    return result
  }
}
