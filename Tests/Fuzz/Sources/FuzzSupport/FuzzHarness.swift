import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import ScenarioFiles
import Variants

/// What every fuzz target does with its input: load it as one file of a scenario folder whose
/// other three files are valid, and check that the loader either refuses it with usable issues or
/// accepts it with a model that is safe to hand to GLPK (and, by default, that GLPK solves it).
///
/// A violated expectation ends the process with `fatalError`, which libFuzzer reports as a crash.
public enum FuzzHarness {
  /// The input file names, as ``ScenarioLoader/load(files:)`` expects them.
  public static let fileNames = ["scenario.yaml", "partners.csv", "owners.csv", "measures.csv"]

  /// Whether accepted scenarios are also solved with GLPK (`DEKOM_FUZZ_SOLVE=0` turns it off).
  static let solves = ProcessInfo.processInfo.environment["DEKOM_FUZZ_SOLVE"] != "0"

  /// Checks, once per process, that the embedded valid scenario still loads and solves: if the
  /// file format changed, every input would be refused for the other files and the run would
  /// test nothing.
  static let baselineChecked: Bool = {
    let files = ValidScenario.files
    do {
      let scenario = try ScenarioLoader.load(files: files)
      check(scenario, input: "(the embedded valid scenario)")
    } catch {
      fatalError(
        """
        dekom-fuzz: the embedded valid scenario (Tests/Fuzz/Sources/FuzzSupport/ValidScenario.swift) no longer loads; \
        update it from Tests/TestSupport/ScenarioFolder.swift:
        \(error)
        """)
    }
    return true
  }()

  /// Runs one input as the file `fileName`; returns 0 as libFuzzer expects.
  public static func run(_ fileName: String, _ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    precondition(fileNames.contains(fileName), "dekom-fuzz: unknown file \(fileName)")
    _ = baselineChecked
    let data = size > 0 && bytes != nil ? Data(bytes: bytes!, count: size) : Data()
    var files = ValidScenario.files
    files[fileName] = data
    let scenario: Scenario
    do {
      scenario = try ScenarioLoader.load(files: files)
    } catch {
      check(error, fileName: fileName)
      return 0
    }
    check(scenario, input: fileName)
    // Nothing lost: an accepted measures.csv has one measure per line of data (an unclosed quote
    // once swallowed the rest of the file).
    if fileName == "measures.csv", let text = String(data: data, encoding: .utf8) {
      let dataLines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        .dropFirst().filter { !$0.allSatisfy { $0.isWhitespace || $0 == ";" || $0 == "," || $0 == "\u{FEFF}" } }.count
      if dataLines != scenario.measures.count {
        fatalError("dekom-fuzz: measures.csv has \(dataLines) lines of data but \(scenario.measures.count) measures were read")
      }
    }
    return 0
  }

  /// Runs one input as the variant `variants/fuzz.yaml` of the valid scenario: refused with usable
  /// issues, or applied to a scenario that is as safe for GLPK as any loaded one.
  public static func runVariant(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = baselineChecked
    let data = size > 0 && bytes != nil ? Data(bytes: bytes!, count: size) : Data()
    let file = "variants/fuzz.yaml"
    guard let base = try? ScenarioLoader.load(files: ValidScenario.files) else {
      fatalError("dekom-fuzz: the valid scenario no longer loads")
    }
    let scenario: Scenario
    do {
      let variant = try VariantFile.load(data, name: "fuzz")
      scenario = try VariantResolver.scenario("fuzz", variants: [variant], base: base)
    } catch {
      check(error, fileName: file, allowed: [file])
      return 0
    }
    check(scenario, input: file)
    return 0
  }

  /// A refusal must say where, what and how to fix it.
  static func check(_ error: ScenarioError, fileName: String, allowed: [String] = fileNames) {
    guard !error.issues.isEmpty else {
      fatalError("dekom-fuzz: \(fileName): ScenarioLoader threw a ScenarioError with no issues.")
    }
    for issue in error.issues {
      func fail(_ why: String) -> Never {
        fatalError("dekom-fuzz: \(fileName): unusable issue (\(why)): \(String(reflecting: issue))")
      }
      if issue.file.isEmpty { fail("empty file") }
      if !allowed.contains(issue.file) { fail("file is not one of \(allowed)") }
      // Both catalogues, bokmål and English.
      for text in [issue.problem(in: .nb), issue.fix(in: .nb), issue.problem(in: .en), issue.fix(in: .en)]
      where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        fail("empty problem or fix")
      }
      if let row = issue.row, row < 1 { fail("row \(row) < 1") }
    }
  }

  /// An accepted scenario must give a model with no defects, which GLPK then solves without aborting.
  static func check(_ scenario: Scenario, input: String) {
    // A plan is solved as its expanded model (PlanExpansion), which must be as safe for GLPK.
    let formulation = scenario.isPlan ? PlanExpansion(scenario).formulation() : AllocationFormulation(scenario: scenario)
    let defects = formulation.model.defects() + GLPKSolver.glpkDefects(formulation.model)
    guard defects.isEmpty else {
      fatalError(
        """
        dekom-fuzz: \(input): the loader accepted a scenario whose model GLPK must not be given \
        (input reaching GLPK unchecked):
        \(defects.prefix(20).map(\.description).joined(separator: "\n"))
        """)
    }
    guard solves else { return }
    let result =
      scenario.isPlan
      ? Allocator(solver: GLPKSolver()).solvePlan(scenario, timeLimitSeconds: 1).expandedResult
      : Allocator(solver: GLPKSolver()).allocate(scenario, timeLimitSeconds: 1)
    if result.status == .invalidModel || !result.defects.isEmpty {
      fatalError(
        "dekom-fuzz: \(input): GLPKSolver refused the model: \(result.defects.map(\.description).joined(separator: "; "))")
    }
  }
}
