import Dispatch
import Foundation
import GrantAllocation
import Reports
import Scenarios

/// `dekom compare`: the base scenario and every variant in `variants/`, solved on all cores, and
/// written side by side to `compare.md`.
public struct CompareRun {
  public var run: ScenarioRun

  /// - Parameter run: where the scenario is and where `compare.md` goes (its ``ScenarioRun/outputDirectory``).
  public init(run: ScenarioRun) { self.run = run }

  /// Solves everything, writes `compare.md`, and returns the entries (a variant that cannot be
  /// solved is reported in the file, not thrown; invalid files are thrown).
  @discardableResult
  public func execute() throws(ScenarioRun.Failure) -> [CompareMarkdown.Entry] {
    let base = try run.load()
    let variants = try run.loadVariants()
    // Resolve every variant first, so that a broken file stops the run before any solving.
    var resolved: [Scenario] = []
    for variant in variants { resolved.append(try run.scenario(ofVariant: variant.name, variants: variants, base: base)) }
    let scenarios = resolved
    let baseResult = try run.solve(base)
    let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: baseResult.solverName)
    let baseInput = ReportInput(result: baseResult, language: run.language, provenance: provenance)
    try ScenarioRun.verify(baseInput)
    let reference = AllocationReference(baseResult)
    // GLPK keeps its memory per thread: each variant is built, solved and freed on one thread.
    let solved = Slots<Result<ReportInput, CompareMarkdown.VariantFailure>>(count: variants.count)
    let run = self.run
    let language = run.language
    DispatchQueue.concurrentPerform(iterations: variants.count) { index in
      do throws(ScenarioRun.Failure) {
        let result = try run.solve(scenarios[index], reference: reference)
        solved.set(index, .success(ReportInput(result: result, language: language, provenance: provenance)))
      } catch {
        solved.set(index, .failure(CompareMarkdown.VariantFailure(Self.reason(error, language: language))))
      }
    }
    var entries: [CompareMarkdown.Entry] = []
    for (variant, slot) in zip(variants, solved.values) {
      switch slot {
      case .success(let input):
        try ScenarioRun.verify(input)
        let comparison = Comparison(
          base: baseResult, baseSettlement: baseInput.settlement, variant: input.result, variantSettlement: input.settlement)
        entries.append(CompareMarkdown.Entry(variant: variant, outcome: .success((input, comparison))))
      case .failure(let failure):
        entries.append(CompareMarkdown.Entry(variant: variant, outcome: .failure(failure)))
      case nil:
        entries.append(CompareMarkdown.Entry(variant: variant, outcome: .failure(.init("internal error"))))
      }
    }
    let report = CompareMarkdown(base: baseInput, entries: entries)
    let markdown = report.render()
    let html: String
    do {
      html = try report.renderHTML(markdown: markdown)
    } catch {
      throw .rendering("\(error)")
    }
    try run.write([("compare.md", markdown), ("compare.html", html)])
    return entries
  }

  /// Why a variant has no allocation, for the comparison report.
  static func reason(_ error: ScenarioRun.Failure, language: Language) -> String {
    switch error {
    case .noAllocation(let result):
      switch result.status {
      case .infeasible: return ConflictText.describe(result.conflicts, scenario: result.scenario, language: language).joined(separator: " ")
      case .timeLimitWithoutSolution: return "no allocation was found within the time limit."
      default: return "the solver ended with \(result.status.rawValue)."
      }
    case .invalidInput(let error): return error.description
    case .cannotWrite(let message), .rendering(let message): return message
    case .verificationFailed(let violations): return "internal error: \(violations.map(\.description).joined(separator: "; "))"
    }
  }
}

/// Results written by several threads, one slot each.
final class Slots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Value?]

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

  var values: [Value?] { lock.withLock { storage } }
}
