import Foundation
import ScenarioGeneration
import TestSupport
import Testing

/// A new temporary folder path (not created).
private func freshPath(_ label: String) -> URL {
  FileManager.default.temporaryDirectory.appendingPathComponent("dekom-\(label)-\(UUID().uuidString)")
}

private func files(in folder: URL) throws -> [String: Data] {
  var result: [String: Data] = [:]
  for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
    result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
  }
  return result
}

@Suite("dekom generate and dekom export")
struct GenerateAndExportTests {
  @Test("a generated region passes dekom check and dekom run")
  func generateCheckRun() throws {
    let folder = freshPath("generate")
    defer { try? FileManager.default.removeItem(at: folder) }
    let generated = try CommandLine.run(["generate", "--seed", "1", "--measures", "30", "--out", folder.path])
    #expect(generated.status == 0, "\(generated.standardError)")
    #expect(generated.standardOutput.contains("30 measures"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == RegionGenerator.fileNames.sorted())
    let check = try CommandLine.run(["check", folder.path])
    #expect(check.status == 0, "\(check.standardError)")
    #expect(check.standardOutput.contains(", 30 tiltak."), "\(check.standardOutput)")
    let run = try CommandLine.run(["run", folder.path, "--quiet", "--time-limit", "60"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/innstilling.md").path))
  }

  @Test("the same seed gives the same bytes through the command; another seed does not")
  func sameBytes() throws {
    let first = freshPath("generate")
    let second = freshPath("generate")
    let other = freshPath("generate")
    defer { for folder in [first, second, other] { try? FileManager.default.removeItem(at: folder) } }
    for (folder, seed) in [(first, "5"), (second, "5"), (other, "6")] {
      #expect(try CommandLine.run(["generate", "--seed", seed, "--measures", "120", "--out", folder.path, "--quiet"]).status == 0)
    }
    #expect(try files(in: first) == files(in: second))
    #expect(try files(in: first)["measures.csv"] != files(in: other)["measures.csv"])
  }

  @Test("a folder that is not empty is refused (exit 4, untouched); --force replaces it")
  func refusesNonEmpty() throws {
    let folder = freshPath("generate")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let refused = try CommandLine.run(["generate", "--seed", "1", "--measures", "10", "--out", folder.path])
    #expect(refused.status == 4)
    #expect(refused.standardError.contains("is not empty"))
    #expect(refused.standardError.contains("--force"))
    #expect(try files(in: folder) == ["notes.txt": Data("keep me".utf8)])
    // Nothing was left beside the folder either.
    let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
    #expect(!siblings.contains { $0.hasPrefix(".\(folder.lastPathComponent).") })

    let forced = try CommandLine.run(["generate", "--seed", "1", "--measures", "10", "--out", folder.path, "--force", "--quiet"])
    #expect(forced.status == 0, "\(forced.standardError)")
    #expect(forced.standardOutput.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == RegionGenerator.fileNames.sorted())
  }

  @Test("options out of range are usage errors naming the option (exit 64), and nothing is written")
  func badOptions() throws {
    let folder = freshPath("generate")
    defer { try? FileManager.default.removeItem(at: folder) }
    for (arguments, option) in [
      (["--measures", "0"], "--measures"), (["--measures", "10", "--frame-tightness", "0"], "--frame-tightness"),
      (["--measures", "10", "--weighting", "tiers"], "--weighting"),
      (["--measures", "10", "--networks", "3", "--measures-per-list", "2"], "--networks"),
    ] {
      let output = try CommandLine.run(["generate", "--seed", "1", "--out", folder.path] + arguments)
      #expect(output.status == 64, "\(arguments)")
      #expect(output.standardError.contains(option), "\(output.standardError)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }

  @Test("export writes MPS and LP of the priority stage with the fairness stage kept, and leaves no temporary file")
  func export() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let out = freshPath("export")
    defer { try? FileManager.default.removeItem(at: out) }
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let mps = out.appendingPathComponent("model.mps").path
    let lp = out.appendingPathComponent("model.lp").path
    let output = try CommandLine.run(["export", folder.url.path, "--mps", mps, "--lp", lp])
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardOutput.contains("'priority rank 1' (maximize)"))
    #expect(output.standardOutput.contains("'fairness' kept at"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["model.lp", "model.mps"])
    #expect(try String(contentsOfFile: mps, encoding: .utf8).contains("keep_fairness"))
    #expect(try String(contentsOfFile: lp, encoding: .utf8).contains("Maximize"))

    let first = try CommandLine.run(["export", folder.url.path, "--lp", lp, "--stage", "1", "--quiet"])
    #expect(first.status == 0)
    #expect(first.standardOutput.isEmpty)
    #expect(try String(contentsOfFile: lp, encoding: .utf8).contains("Minimize"))
  }

  @Test("export --variant writes the variant's model, which has the stability stage")
  func exportVariant() throws {
    let out = freshPath("export")
    defer { try? FileManager.default.removeItem(at: out) }
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let lp = out.appendingPathComponent("variant.lp").path
    let scenario = repositoryRoot.appendingPathComponent("scenarios/trondelag").path
    let output = try CommandLine.run(["export", scenario, "--variant", "rekom-kutt", "--lp", lp, "--verbose"])
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardError.contains(": stability (minimize"))
    #expect(try String(contentsOfFile: lp, encoding: .utf8).contains("deviation"))
  }

  @Test("export refuses an input file as output, a missing stage and no output at all, and changes nothing")
  func exportRefusals() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let measures = try folder.read("measures.csv")
    let overInput = try CommandLine.run(["export", folder.url.path, "--mps", folder.url.appendingPathComponent("measures.csv").path])
    #expect(overInput.status == 4)
    #expect(overInput.standardError.contains("input file"))
    #expect(try folder.read("measures.csv") == measures)
    let noStage = try CommandLine.run(["export", folder.url.path, "--lp", folder.url.appendingPathComponent("m.lp").path, "--stage", "99"])
    #expect(noStage.status == 64)
    #expect(noStage.standardError.contains("stage 99 does not exist"))
    let nothing = try CommandLine.run(["export", folder.url.path])
    #expect(nothing.status == 64)
    let missingFolder = try CommandLine.run(["export", folder.url.path, "--mps", folder.url.path + "/no/such/folder/m.mps"])
    #expect(missingFolder.status == 4)
    #expect(missingFolder.standardError.contains("does not exist"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
        "measures.csv", "owners.csv", "partners.csv", "scenario.yaml",
      ])
  }
}
