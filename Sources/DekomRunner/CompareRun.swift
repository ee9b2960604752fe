import Dispatch
import Foundation
import GrantAllocation
import Reports
import UserMessages
import Variants
import Verification

/// `dekom compare`: the base scenario and every variant in `variants/`, solved on all cores, and
/// written side by side to `compare.md`.
public struct CompareRun {
  public var run: ScenarioRun

  /// - Parameter run: where the scenario is and where `compare.md` goes (its ``ScenarioRun/outputDirectory``).
  public init(run: ScenarioRun) { self.run = run }

  /// The names of the files a comparison writes.
  public static let outputFiles = ["compare.md", "compare.html"]

  /// Solves everything, writes `compare.md`, and returns the entries (a variant that cannot be
  /// solved is reported in the file, not thrown; invalid files are thrown).
  @discardableResult
  public func execute() throws(ScenarioRun.RunError) -> [CompareMarkdown.Entry] {
    let base = try run.load()
    let variants = try run.loadVariants()
    // Resolve every variant first, so that a broken file stops the run before any solving.
    var resolved: [Scenario] = []
    for variant in variants { resolved.append(try run.scenario(ofVariant: variant.name, variants: variants, base: base)) }
    let scenarios = resolved
    if base.isPlan { return try executePlan(base, variants: variants, scenarios: scenarios) }
    let baseResult = try run.solve(base)
    let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: baseResult.solverName)
    let baseInput = ReportInput(result: baseResult, language: run.language, provenance: provenance)
    try ScenarioRun.verify(baseInput)
    let reference = AllocationReference(baseResult)
    // GLPK keeps its memory per thread: each variant is built, solved and freed on one thread.
    let run = self.run
    let language = run.language
    let solved = concurrentMap(variants.count) { index -> Result<AllocationResult, CompareMarkdown.VariantRunError> in
      do throws(ScenarioRun.RunError) {
        return .success(try run.solve(scenarios[index], reference: reference))
      } catch {
        return .failure(CompareMarkdown.VariantRunError(Self.reason(error, language: language)))
      }
    }
    let entries = try Self.entries(against: baseInput, variants: variants, results: solved, verifying: true)
    let report = CompareMarkdown(base: baseInput, entries: entries)
    let markdown = report.render()
    try write(markdown: markdown) { try report.renderHTML(markdown: markdown) }
    return entries
  }

  /// The comparison of a multi-year scenario: the base plan and every variant plan, each solved as
  /// one model, compared year by year. Returns the first year's entries.
  private func executePlan(_ base: Scenario, variants: [Variant], scenarios: [Scenario]) throws(ScenarioRun.RunError)
    -> [CompareMarkdown.Entry]
  {
    let basePlan = try run.solvePlan(base)
    let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: basePlan.expandedResult.solverName)
    try ScenarioRun.verify(basePlan)
    let reference = AllocationReference(basePlan.expandedResult)
    let run = self.run
    let language = run.language
    let solved = concurrentMap(variants.count) { index -> Result<PlanResult, CompareMarkdown.VariantRunError> in
      do throws(ScenarioRun.RunError) {
        return .success(try run.solvePlan(scenarios[index], reference: reference))
      } catch {
        return .failure(CompareMarkdown.VariantRunError(Self.reason(error, language: language)))
      }
    }
    for case .success(let plan) in solved { try ScenarioRun.verify(plan) }
    var documents: [CompareMarkdown] = []
    var firstEntries: [CompareMarkdown.Entry] = []
    for position in base.planYears.indices {
      let baseInput = ReportInput(result: basePlan.years[position], language: language, provenance: provenance)
      if position == 0 { try ScenarioRun.verify(baseInput) }
      let years = solved.map { slot in slot.map { $0.years[position] } }
      let entries = try Self.entries(against: baseInput, variants: variants, results: years, verifying: position == 0)
      if position == 0 { firstEntries = entries }
      documents.append(CompareMarkdown(base: baseInput, entries: entries))
    }
    let report = PlanCompareMarkdown(years: documents, county: base.county)
    let markdown = report.render()
    try write(markdown: markdown) { try report.renderHTML(markdown: markdown) }
    return firstEntries
  }

  /// One entry per variant: its comparison with `baseInput` (its allocation verified first when
  /// `verifying`), or why it has no allocation.
  private static func entries(
    against baseInput: ReportInput, variants: [Variant], results: [Result<AllocationResult, CompareMarkdown.VariantRunError>],
    verifying: Bool
  ) throws(ScenarioRun.RunError) -> [CompareMarkdown.Entry] {
    var entries: [CompareMarkdown.Entry] = []
    for (variant, slot) in zip(variants, results) {
      switch slot {
      case .success(let result):
        let input = ReportInput(result: result, language: baseInput.language, provenance: baseInput.provenance)
        if verifying { try ScenarioRun.verify(input) }
        let comparison = Comparison(
          base: baseInput.result, baseSettlement: baseInput.settlement, variant: input.result, variantSettlement: input.settlement)
        entries.append(CompareMarkdown.Entry(variant: variant, outcome: .success((input, comparison))))
      case .failure(let failure):
        entries.append(CompareMarkdown.Entry(variant: variant, outcome: .failure(failure)))
      }
    }
    return entries
  }

  /// Writes `compare.md` and the `compare.html` that `html` renders, both or neither.
  private func write(markdown: String, html: () throws -> String) throws(ScenarioRun.RunError) {
    let page: String
    do {
      page = try html()
    } catch {
      throw .rendering("\(error)")
    }
    try run.write([("compare.md", markdown), ("compare.html", page)])
  }

  /// Why a variant has no allocation, for the comparison report.
  public static func reason(_ error: ScenarioRun.RunError, language: Language) -> String {
    switch error {
    case .noAllocation(let result):
      switch result.status {
      case .infeasible: return ConflictText.describe(result.conflicts, scenario: result.scenario, language: language).joined(separator: " ")
      case .timeLimitWithoutSolution: return ConsoleText.variantNoAllocationInTime.text(in: language)
      default: return ConsoleText.variantSolverEnded(status: result.status.rawValue).text(in: language)
      }
    case .invalidInput(let error): return error.shownLines(in: language).joined(separator: "\n")
    case .cannotWrite(let message), .rendering(let message): return message
    case .verificationFailed(let violations):
      return ConsoleText.variantInternalError(violations.map(\.description).joined(separator: "; ")).text(in: language)
    }
  }
}
