import CGLPK
import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import ScenarioFiles
import ScenarioGeneration
import TestSupport
import Testing

/// Reads an exported file back with GLPK's own readers and solves it to optimality.
///
/// - Returns: the optimum, or `nil` when the file cannot be read or has no proven optimum.
func solveWithGLPK(_ path: String, _ format: GLPKExport.Format) -> Double? {
  glp_term_out(GLP_OFF)
  let problem = glp_create_prob()
  defer { glp_delete_prob(problem) }
  let code = format == .freeMPS ? glp_read_mps(problem, GLP_MPS_FILE, nil, path) : glp_read_lp(problem, nil, path)
  guard code == 0 else { return nil }
  var parameters = glp_iocp()
  glp_init_iocp(&parameters)
  parameters.msg_lev = GLP_MSG_OFF
  parameters.presolve = GLP_ON
  guard glp_intopt(problem, &parameters) == 0, glp_mip_status(problem) == GLP_OPT else { return nil }
  return glp_mip_obj_val(problem)
}

/// The bounds of the row named `name` in an exported MPS file.
func rowBounds(_ path: String, _ name: String) -> (type: Int32, lower: Double, upper: Double)? {
  glp_term_out(GLP_OFF)
  let problem = glp_create_prob()
  defer { glp_delete_prob(problem) }
  guard glp_read_mps(problem, GLP_MPS_FILE, nil, path) == 0 else { return nil }
  glp_create_index(problem)
  let row = glp_find_row(problem, name)
  guard row > 0 else { return nil }
  return (glp_get_row_type(problem, row), glp_get_row_lb(problem, row), glp_get_row_ub(problem, row))
}

/// `dekom run`'s value of stage `stage`: the same solver on the model with the stages up to it.
func dekomStageValue(_ model: LinearModel, stage: Int) throws -> Double {
  var prefix = model
  prefix.objectives = Array(model.objectives.prefix(stage + 1))
  let solution = GLPKSolver().solve(prefix, options: SolveOptions(timeLimitSeconds: 60))
  try #require(solution.status == .optimal)
  return try #require(solution.stages[stage].objectiveValue)
}

func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-export-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

func firstPriorityStage(_ model: LinearModel) throws -> Int {
  try #require(model.objectives.firstIndex { $0.name.hasPrefix("priority") })
}

@Suite("Model export through GLPK")
struct GLPKExportTests {
  /// Trøndelag (strict tiers: fairness, then one stage per rank) and a small generated region
  /// (decay: fairness, then one priority stage).
  static func models() throws -> [(String, LinearModel)] {
    let trondelag = try ScenarioLoader.load(directory: repositoryRoot.appendingPathComponent("scenarios/trondelag"))
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try RegionGenerator(RegionParameters(seed: 31, measures: 40)).write(into: folder)
    let generated = try ScenarioLoader.load(directory: folder)
    return [
      ("trondelag", AllocationFormulation(scenario: trondelag).model), ("generated", AllocationFormulation(scenario: generated).model),
    ]
  }

  @Test("the exported priority stage, solved again by GLPK from the file, has dekom's optimum")
  func roundTrip() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, model) in try Self.models() {
      let stage = try firstPriorityStage(model)
      #expect(stage == 1, "\(name): the fairness stage comes first")
      let mps = folder.appendingPathComponent("\(name).mps").path
      let lp = folder.appendingPathComponent("\(name).lp").path
      let outcome = try GLPKExport().write(
        model, stage: stage, name: name, to: [(.freeMPS, mps), (.cplexLP, lp)], options: SolveOptions(timeLimitSeconds: 60))
      #expect(outcome.keptStages.map(\.name) == ["fairness"])
      #expect(outcome.keptStages.allSatisfy { $0.status == .optimal })
      #expect(outcome.mpsObjectiveNegated)
      #expect(outcome.rows == model.constraints.count + 1)
      let expected = try dekomStageValue(model, stage: stage)
      #expect(expected > 0)
      let fromMPS = try #require(solveWithGLPK(mps, .freeMPS))
      let fromLP = try #require(solveWithGLPK(lp, .cplexLP))
      // MPS holds minimise −priority; the LP file holds the maximisation itself.
      #expect(abs(-fromMPS - expected) <= 1e-6 * max(1, expected), "\(name): MPS \(fromMPS), dekom \(expected)")
      #expect(abs(fromLP - expected) <= 1e-6 * max(1, expected), "\(name): LP \(fromLP), dekom \(expected)")
    }
  }

  @Test(
    "glpsol reads the exported MPS and finds dekom's optimum",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol"), "glpsol (Debian's glpk-utils) is not installed"))
  func glpsol() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, model) = try #require(try Self.models().last)
    let stage = try firstPriorityStage(model)
    let mps = folder.appendingPathComponent("model.mps").path
    let report = folder.appendingPathComponent("glpsol.txt").path
    _ = try GLPKExport().write(model, stage: stage, name: "generated", to: [(.freeMPS, mps)], options: SolveOptions())
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
    process.arguments = ["--freemps", mps, "-o", report]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let text = try String(contentsOfFile: report, encoding: .utf8)
    #expect(text.contains("Status:     INTEGER OPTIMAL"))
    // "Objective:  R0000000 = -12.3456 (MINimum)"
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
    let number = try #require(line.split(separator: "=").last?.split(separator: " ").first)
    let value = try #require(Double(number))
    let expected = try dekomStageValue(model, stage: stage)
    #expect(abs(-value - expected) <= 1e-5 * max(1, expected), "glpsol \(value), dekom \(expected)")
  }

  /// max x + y, then max y, with x + y ≤ 1 (binaries): stage 2 keeps x + y ≥ 1 − 10⁻⁶.
  static func twoStageModel() -> LinearModel {
    var model = LinearModel()
    let x = model.addVariable(name: "x", kind: .binary)
    let y = model.addVariable(name: "y", kind: .binary)
    model.addConstraint(name: "at most one", terms: [LinearTerm(1, x), LinearTerm(1, y)], upperBound: 1)
    model.objectives = [
      Objective(name: "first", sense: .maximize, terms: [LinearTerm(1, x), LinearTerm(1, y)], relativeTolerance: 1e-6),
      Objective(name: "second", sense: .maximize, terms: [LinearTerm(1, y)], relativeTolerance: 1e-6),
    ]
    return model
  }

  @Test("an earlier stage is kept as GLPKSolver keeps it: value minus tolerance × max(1, |value|)")
  func keptRow() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let mps = folder.appendingPathComponent("two.mps").path
    let outcome = try GLPKExport().write(Self.twoStageModel(), stage: 1, name: "two stages", to: [(.freeMPS, mps)], options: SolveOptions())
    #expect(outcome.keptStages.map(\.objectiveValue) == [1])
    let bounds = try #require(rowBounds(mps, "keep_first"))
    #expect(bounds.type == GLP_LO)
    #expect(bounds.lower == 1 - 1e-6)
    #expect(solveWithGLPK(mps, .freeMPS) == -1)

    let first = folder.appendingPathComponent("first.mps").path
    let firstOutcome = try GLPKExport().write(
      Self.twoStageModel(), stage: 0, name: "two stages", to: [(.freeMPS, first)], options: SolveOptions())
    #expect(firstOutcome.keptStages.isEmpty)
    #expect(rowBounds(first, "keep_first") == nil)
  }

  @Test("the same model gives the same bytes")
  func deterministic() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, model) = try #require(try Self.models().last)
    var files: [Data] = []
    for run in 0..<2 {
      let path = folder.appendingPathComponent("run\(run).lp").path
      _ = try GLPKExport().write(model, stage: 1, name: "same", to: [(.cplexLP, path)], options: SolveOptions())
      files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    #expect(files[0] == files[1])
  }

  @Test("a missing stage, a missing folder, an infeasible earlier stage and a bad model are refused before GLPK writes")
  func refusals() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("model.mps").path
    let export = GLPKExport()
    #expect {
      try export.write(Self.twoStageModel(), stage: 2, name: "x", to: [(.freeMPS, path)], options: SolveOptions())
    } throws: { error in
      guard case GLPKExport.ExportError.noSuchStage(stage: 2, stageCount: 2) = error else { return false }
      return true
    }
    #expect {
      try export.write(
        Self.twoStageModel(), stage: 1, name: "x", to: [(.freeMPS, folder.path + "/missing/model.mps")], options: SolveOptions())
    } throws: { error in
      guard case GLPKExport.ExportError.cannotWrite = error else { return false }
      return true
    }
    var infeasible = Self.twoStageModel()
    infeasible.addConstraint(name: "both", terms: [LinearTerm(1, VariableIndex(0)), LinearTerm(1, VariableIndex(1))], lowerBound: 2)
    #expect {
      try export.write(infeasible, stage: 1, name: "x", to: [(.freeMPS, path)], options: SolveOptions())
    } throws: { error in
      guard case GLPKExport.ExportError.earlierStageUnsolved(_, status: .infeasible) = error else { return false }
      return true
    }
    var nan = Self.twoStageModel()
    nan.setUpperBound(VariableIndex(0), .nan)
    #expect {
      try export.write(nan, stage: 0, name: "x", to: [(.freeMPS, path)], options: SolveOptions())
    } throws: { error in
      guard case GLPKExport.ExportError.invalidModel = error else { return false }
      return true
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
