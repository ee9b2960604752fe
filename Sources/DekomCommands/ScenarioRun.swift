import Foundation
import GLPKBackend
import GrantAllocation
import Reports
import ScenarioFiles
import Verification

/// One `dekom run`: load, solve, render and write, as a library call (the CLI and the benchmarks
/// both use it).
public struct ScenarioRun {
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

  /// - Parameter outputDirectory: default `directory/out`.
  public init(directory: URL, outputDirectory: URL? = nil, language: Language = .nb, timeLimitSeconds: Double? = nil) {
    self.directory = directory
    self.outputDirectory = outputDirectory ?? directory.appendingPathComponent("out")
    self.language = language
    self.timeLimitSeconds = timeLimitSeconds
  }

  /// The names of the files a run writes.
  public static let outputFiles = ["innstilling.md", "allocation.csv", "allocation.json"]

  /// Loads and validates the scenario.
  public func load() throws(Failure) -> Scenario {
    do {
      return try ScenarioLoader.load(directory: directory)
    } catch {
      throw .invalidInput(error)
    }
  }

  /// Solves a loaded scenario with GLPK.
  public func solve(_ scenario: Scenario) throws(Failure) -> AllocationResult {
    let result = Allocator(solver: GLPKSolver()).allocate(scenario, timeLimitSeconds: timeLimitSeconds)
    guard result.hasAllocation else { throw .noAllocation(result) }
    return result
  }

  /// Renders every output file in memory, after the independent verifier has passed the
  /// allocation, its kroner and the innstilling's totals.
  public func render(_ result: AllocationResult) throws(Failure) -> [(name: String, contents: String)] {
    let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: result.solverName)
    let input = ReportInput(result: result, language: language, provenance: provenance)
    let files: [(name: String, contents: String)]
    do {
      files = [
        ("innstilling.md", InnstillingMarkdown(input).render()),
        ("allocation.csv", AllocationCSV(input).render()),
        ("allocation.json", try AllocationJSON(input).render()),
      ]
    } catch {
      throw .rendering("\(error)")
    }
    let violations =
      AllocationVerifier(scenario: result.scenario, outcomes: result.outcomes).violations()
      + SettlementVerifier(scenario: result.scenario, outcomes: result.outcomes, settlement: input.settlement).violations()
      + ReportTotalsVerifier(markdown: files[0].contents).violations()
    guard violations.isEmpty else { throw .verificationFailed(violations) }
    return files
  }

  /// Writes rendered files atomically into ``outputDirectory``, never over an input file.
  public func write(_ files: [(name: String, contents: String)]) throws(Failure) {
    let inputs = ScenarioLoader.inputFiles.map { directory.appendingPathComponent($0) }
    do {
      try OutputWriter(directory: outputDirectory, protecting: inputs).write(files)
    } catch {
      throw .cannotWrite("\(error)")
    }
  }

  /// Load, solve, render and write; returns the solved allocation.
  @discardableResult
  public func execute() throws(Failure) -> AllocationResult {
    let result = try solve(try load())
    try write(try render(result))
    return result
  }
}
