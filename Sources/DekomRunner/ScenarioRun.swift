import Decomposition
import Explanations
import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import Reports
import ScenarioFiles
import Spreadsheets
import UserMessages
import Variants
import Verification
import XLSXBackend

/// One `dekom run`: load, solve, render and write, as a library call (the CLI and the benchmarks
/// both use it).
public struct ScenarioRun: Sendable {
  /// Why a run wrote nothing.
  public enum RunError: Error {
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
  /// Told how many of the measures not funded in full have been explained, of how many (the
  /// command line shows it on a terminal); `nil`: no progress is reported.
  public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

  /// - Parameters:
  ///   - directory: the scenario folder.
  ///   - outputDirectory: default `directory/out`, or `directory/out/VARIANT` for a variant.
  ///   - language: the reports' language.
  ///   - timeLimitSeconds: the limit of each solve (default: the scenario's, else 60).
  ///   - variant: a what-if variant (`variants/NAME.yaml`) to solve instead of the base.
  ///   - explain: whether to add the explanations (many re-solves).
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

  /// The names of the files a run writes: the innstilling, the secretariat's spreadsheet and CSV
  /// files for a Norwegian Excel, and the machine outputs.
  public static let outputFiles = [
    "innstilling.md", "innstilling.html", "innstilling.xlsx", "tiltak.csv", "utbetalinger.csv", "allocation.csv", "allocation.json",
  ]

  /// The folder of the decision letters (`vedtak/NAME.md` and `.html`, one per recipient).
  public static let letterFolder = DecisionLetterDocuments.folder

  /// Loads and validates the scenario.
  public func load() throws(RunError) -> Scenario {
    do {
      return try ScenarioLoader.load(directory: directory)
    } catch {
      throw .invalidInput(error)
    }
  }

  /// Loads the scenario's what-if variants (`variants/*.yaml`).
  public func loadVariants() throws(RunError) -> [Variant] {
    do {
      return try VariantFile.loadAll(directory: directory)
    } catch {
      throw .invalidInput(error)
    }
  }

  /// The scenario a variant describes.
  public func scenario(ofVariant name: String, variants: [Variant], base: Scenario) throws(RunError) -> Scenario {
    do {
      return try VariantResolver.scenario(name, variants: variants, base: base)
    } catch {
      throw .invalidInput(error)
    }
  }

  /// Solves a loaded scenario with GLPK, staying close to `reference` among equally good answers
  /// (none given: last year's allocation, when the scenario names one). A multi-year scenario is
  /// solved as a plan, and its first year returned (`reference` then holds for the first year).
  public func solve(_ scenario: Scenario, reference: AllocationReference = AllocationReference()) throws(RunError) -> AllocationResult {
    if scenario.isPlan {
      return try solvePlan(scenario, reference: PlanExpansion.reference(reference, year: scenario.year)).years[0]
    }
    return try solveAndExplain(scenario, reference: reference, explain: false).result
  }

  /// Solves a loaded scenario and, when `explain`, explains it (shadow prices, what it would take,
  /// waiting lists; the re-solves use the same time limit each).
  public func solveAndExplain(
    _ scenario: Scenario, reference: AllocationReference = AllocationReference(), explain: Bool
  ) throws(RunError) -> (result: AllocationResult, explanation: Explanation?) {
    // GLPK's cuts at the root only: the preferred-partner stage leaves no ties for deeper cuts to
    // settle, so the answer is the same at about 3/4 of the time (Benchmarks/README.md, "Root-only
    // cuts for the one-year published solve"). Plans keep them (``solvePlan``).
    let allocator = Self.allocator(method: method, solver: GLPKSolver(cutsBelowRoot: false))
    let reference = reference.isEmpty ? scenario.lastYearReference : reference
    let solved = allocator.solve(scenario, reference: reference, timeLimitSeconds: timeLimitSeconds)
    guard solved.result.hasAllocation else { throw .noAllocation(solved.result) }
    guard explain else { return (solved.result, nil) }
    var explainer = Explainer(
      allocator: allocator, analyser: GLPKSolver(), timeLimitSeconds: timeLimitSeconds ?? scenario.solver.timeLimitSeconds)
    explainer.searchAllocator = Self.searchAllocator(method: method)
    if let progress { explainer.progress = progress }
    let (result, explanation) = explainer.explain(solved)
    return (result, explanation)
  }

  /// What it would take to fund one measure of a solved allocation in full (the page asks this per
  /// measure), with at most `resolves` re-solves of `timeLimitSeconds` each.
  public static func whatItTakes(
    _ measure: MeasureID, in result: AllocationResult, timeLimitSeconds: Double, method: SolveMethod = .branchAndCut, resolves: Int
  ) -> WhatItTakes? {
    let allocator = allocator(method: method)
    var explainer = Explainer(
      allocator: allocator, analyser: GLPKSolver(), timeLimitSeconds: timeLimitSeconds, resolvesPerMeasure: resolves)
    explainer.searchAllocator = searchAllocator(method: method)
    return explainer.whatItTakes(measure, in: result)
  }

  /// The what-it-takes re-solves read only whether a measure is funded in full: GLPK's cuts at
  /// the root only make them cheaper (``GLPKBackend/GLPKSolver/cutsBelowRoot``).
  static func searchAllocator(method: SolveMethod) -> Allocator {
    allocator(method: method, solver: GLPKSolver(cutsBelowRoot: false))
  }

  /// The allocator of every solve: GLPK, and for ``LinearProgramming/SolveMethod/decomposition``
  /// column generation with GLPK as its master LP and branch-and-cut.
  public static func allocator(method: SolveMethod, solver: GLPKSolver = GLPKSolver()) -> Allocator {
    var searcher = solver
    searcher.stopsWithoutAllocation = true
    let structured = LexicographicDecomposition(
      generation: ColumnGeneration(factory: GLPKIncrementalProgramFactory()), solver: searcher, fallbackSolver: solver)
    return Allocator(solver: solver, method: method, structured: structured)
  }

  /// Renders every output file in memory, after the independent verifier has passed the
  /// allocation, its kroner and the innstilling's totals.
  public func render(_ result: AllocationResult, explanation: Explanation? = nil) throws(RunError) -> [(name: String, contents: Data)] {
    let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: result.solverName)
    return try render(ReportInput(result: result, language: language, provenance: provenance, explanation: explanation))
  }

  /// The files of one allocation's report input, verified.
  func render(_ input: ReportInput) throws(RunError) -> [(name: String, contents: Data)] {
    let markdown = InnstillingMarkdown(input).render()
    let texts: [(name: String, contents: String)]
    let workbook: Data
    let letters: [(fileName: String, letter: DecisionLetter, markdown: String)]
    do {
      letters = try DecisionLetterDocuments(input).markdown()
      texts =
        [
          ("innstilling.md", markdown),
          ("innstilling.html", try InnstillingHTML(input, markdown: markdown).render()),
          ("tiltak.csv", MeasuresExcelCSV(input).render()),
          ("utbetalinger.csv", PaymentsCSV(input).render()),
          ("allocation.csv", AllocationCSV(input).render()),
          ("allocation.json", try AllocationJSON(input, recordsSeconds: recordsSeconds).render()),
        ] + (try DecisionLetterDocuments(input).render(letters))
      workbook = try XLSXWriter().data(InnstillingWorkbook(input).workbook())
    } catch let error as XLSXError where error.isFileSystem {
      throw .cannotWrite("\(error).")
    } catch {
      throw .rendering("\(error)")
    }
    try Self.verify(input, markdown: markdown)
    try Self.verify(letters.map(\.letter), markdown: letters.map(\.markdown), input: input)
    return texts.map { ($0.name, Data($0.contents.utf8)) } + [("innstilling.xlsx", workbook)]
  }

  /// The independent check of the decision letters: every payment in its recipient's letter, the
  /// amounts per scheme, and the totals of the letters' tables.
  static func verify(_ letters: [DecisionLetter], markdown: [String], input: ReportInput) throws(RunError) {
    // dekom's own template writes the total and each scheme's amount; a secretariat's may not.
    let ownTemplate = input.result.scenario.decisionTerms.template == nil
    let read = zip(letters, markdown).map { letter, markdown in
      LetterVerifier.Letter(
        recipient: letter.recipient, payments: letter.payments,
        schemeAmounts: Dictionary(letter.schemes.map { ($0.scheme, $0.amount) }, uniquingKeysWith: +), markdown: markdown,
        requiredTexts: ownTemplate ? ([letter.total] + letter.schemes.map(\.amount)).map(input.names.kroner) : [])
    }
    let violations = LetterVerifier(settlement: input.settlement, letters: read).violations()
    guard violations.isEmpty else { throw .verificationFailed(violations) }
  }

  /// The independent check: the allocation and its kroner, and the innstilling's totals when given.
  public static func verify(_ input: ReportInput, markdown: String? = nil) throws(RunError) {
    let result = input.result
    let violations =
      AllocationVerifier(result).violations()
      + SettlementVerifier(scenario: result.scenario, outcomes: result.outcomes, settlement: input.settlement).violations()
      + (markdown.map { ReportTotalsVerifier(markdown: $0).violations() } ?? [])
    guard violations.isEmpty else { throw .verificationFailed(violations) }
  }

  /// The independent check of a plan: every year's frames, capacities and commitments, and how a
  /// measure's years hang together (``PlanVerifier``).
  public static func verify(_ plan: PlanResult) throws(RunError) {
    let violations = PlanVerifier(plan).violations()
    guard violations.isEmpty else { throw .verificationFailed(violations) }
  }

  /// Every input file of the scenario folder, which no output may replace.
  public var inputFiles: [URL] {
    let variantsFolder = directory.appendingPathComponent(VariantFile.folderName)
    let variants = ((try? FileManager.default.contentsOfDirectory(atPath: variantsFolder.path)) ?? [])
      .map { variantsFolder.appendingPathComponent($0) }
    return ScenarioLoader.allInputFiles.map { directory.appendingPathComponent($0) } + variants
      + ScenarioLoader.namedInputFiles(directory: directory)
  }

  /// Writes rendered text files atomically into ``outputDirectory``, never over an input file.
  public func write(_ files: [(name: String, contents: String)]) throws(RunError) {
    try write(files.map { ($0.name, Data($0.contents.utf8)) })
  }

  /// Writes rendered files atomically into ``outputDirectory``, never over an input file.
  public func write(_ files: [(name: String, contents: Data)]) throws(RunError) {
    let inputs = inputFiles
    do {
      try OutputWriter(protecting: inputs).write(files, into: outputDirectory)
    } catch {
      throw .cannotWrite("\(error)")
    }
  }

  /// The names of the files a run of a multi-year scenario writes besides ``outputFiles``.
  public static let planFiles = ["langsiktig-plan.md", "langsiktig-plan.html"]

  /// Solves a multi-year scenario as one model, staying close to `reference` (an expanded
  /// allocation; none given: last year's, for the first year) among equally good answers.
  public func solvePlan(_ scenario: Scenario, reference: AllocationReference = AllocationReference()) throws(RunError) -> PlanResult {
    let reference = reference.isEmpty ? PlanExpansion.reference(scenario.lastYearReference, year: scenario.year) : reference
    let plan = Self.allocator(method: method).solvePlan(scenario, reference: reference, timeLimitSeconds: timeLimitSeconds)
    guard plan.hasAllocation else { throw .noAllocation(plan.expandedResult) }
    return plan
  }

  /// Renders the first year's innstilling (with the commitments it creates) and the long-term
  /// plan, after the independent verifiers have passed both.
  public func renderPlan(_ plan: PlanResult) throws(RunError) -> [(name: String, contents: Data)] {
    let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: plan.expandedResult.solverName)
    var input = ReportInput(result: plan.years[0], language: language, provenance: provenance)
    input.planCommitments = PlanCommitments(plan)
    try Self.verify(plan)
    let files = try render(input)
    do {
      let document = PlanMarkdown(plan, language: language, provenance: provenance)
      let markdown = document.render()
      let html = try PlanHTML(document, markdown: markdown).render()
      return files + [("langsiktig-plan.md", Data(markdown.utf8)), ("langsiktig-plan.html", Data(html.utf8))]
    } catch {
      throw .rendering("\(error)")
    }
  }

  /// What a command solves: the scenario (the base, or the variant asked for) and the allocation
  /// it stays closest to among equally good answers.
  public struct Target: Sendable {
    /// The scenario as its files describe it.
    public var base: Scenario
    /// The scenario solved: `base`, or its variant.
    public var scenario: Scenario
    /// Last year's allocation (when the scenario names one) for the base; the base's allocation
    /// for a variant (a plan's expanded allocation).
    public var reference: AllocationReference

  }

  /// The model `dekom run` solves for `target`: a plan as its one expanded model; one year with the
  /// partners the network's choice settles on (found by solving, see ``Allocator/solve(_:reference:timeLimitSeconds:)``).
  public func formulation(of target: Target) -> AllocationFormulation {
    if target.scenario.isPlan { return PlanExpansion(target.scenario).formulation(reference: target.reference) }
    return Allocator(solver: GLPKSolver(), method: method)
      .solve(target.scenario, reference: target.reference, timeLimitSeconds: timeLimitSeconds).formulation
  }

  /// The one step that decides which model `run`, `export` and the page's variants solve: loads
  /// the scenario and, for a variant, resolves it and solves the base for the reference.
  public func target() throws(RunError) -> Target {
    let base = try load()
    guard let variant else {
      let lastYear = base.isPlan ? PlanExpansion.reference(base.lastYearReference, year: base.year) : base.lastYearReference
      return Target(base: base, scenario: base, reference: lastYear)
    }
    let scenario = try scenario(ofVariant: variant, variants: try loadVariants(), base: base)
    return Target(base: base, scenario: scenario, reference: try reference(solving: base))
  }

  /// The allocation a variant of `base` stays close to: the base's own (a plan's expanded one).
  public func reference(solving base: Scenario) throws(RunError) -> AllocationReference {
    base.isPlan ? AllocationReference(try solvePlan(base).expandedResult) : AllocationReference(try solve(base))
  }

  /// Load, solve, render and write; returns the first year's allocation and, for a multi-year
  /// scenario, the plan. Explanations are not made for a plan (its reports say so). A variant is
  /// solved after its base, closest to the base's allocation among its optimal answers.
  public func executeReportingPlan() throws(RunError) -> (result: AllocationResult, plan: PlanResult?) {
    let target = try target()
    if target.scenario.isPlan {
      let plan = try solvePlan(target.scenario, reference: target.reference)
      try write(try renderPlan(plan))
      return (plan.years[0], plan)
    }
    let (result, explanation) = try solveAndExplain(target.scenario, reference: target.reference, explain: explain)
    try write(try render(result, explanation: explanation))
    return (result, nil)
  }

  /// Load, solve, render and write; returns the solved allocation (the first year's, for a plan).
  @discardableResult
  public func execute() throws(RunError) -> AllocationResult {
    try executeReportingPlan().result
  }
}
