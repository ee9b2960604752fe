import Foundation
import TestSupport
import Testing

@testable import DekomCommands

@Suite("dekom check and dekom run")
struct CheckAndRunTests {
  @Test("check on a valid folder exits 0 and writes nothing")
  func checkValid() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let output = try CommandLine.run(["check", folder.url.path])
    #expect(output.status == 0)
    #expect(output.standardOutput.contains("valid"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
        "measures.csv", "owners.csv", "partners.csv", "scenario.yaml",
      ])
  }

  @Test("check on a broken folder lists every error with file and row, exits 1 and writes nothing")
  func checkBroken() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try folder.edit("measures.csv", replacing: "n2;nord;dekom;2", with: "n2;nord;dekom;3")
    try folder.edit("owners.csv", replacing: "b;Bø;nord;kommune;3000", with: "b;Bø;nord;kommune;tre tusen")
    let output = try CommandLine.run(["check", folder.url.path])
    #expect(output.status == 1)
    #expect(output.standardError.contains("measures.csv:3: column 'rank': rank 2 is missing"))
    #expect(output.standardError.contains("owners.csv:3: column 'pupils'"))
    #expect(output.standardError.contains("Fix:"))
    let run = try CommandLine.run(["run", folder.url.path])
    #expect(run.status == 1)
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
  }

  @Test("a failed run leaves the previous outputs as they were")
  func failedRunKeepsOutputs() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    #expect(try CommandLine.run(["run", folder.url.path, "--quiet"]).status == 0)
    let out = folder.url.appendingPathComponent("out")
    let before = try ScenarioRun.outputFiles.map { try Data(contentsOf: out.appendingPathComponent($0)) }
    try folder.edit("measures.csv", replacing: "300 000", with: "-300 000")
    #expect(try CommandLine.run(["run", folder.url.path]).status == 1)
    let after = try ScenarioRun.outputFiles.map { try Data(contentsOf: out.appendingPathComponent($0)) }
    #expect(before == after)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ScenarioRun.outputFiles.sorted())
  }

  @Test("commitments that exceed the frame: exit 3, the conflict in plain words, nothing written")
  func infeasible() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try folder.write(
      "measures.csv",
      """
      id;network;scheme;rank;title;cost_nok;partners;continuing;school_based;collective;in_local_plan
      n1;nord;dekom;1;A;700 000;ntnu;ja;ja;ja;ja
      s1;sor;dekom;1;B;600 000;ntnu;ja;ja;ja;ja

      """)
    let output = try CommandLine.run(["run", folder.url.path])
    #expect(output.status == 3)
    #expect(output.standardError.contains("continuing commitments in dekom (n1, s1) cost NOK 1300000, more than the frame of NOK 1000000"))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
  }

  @Test("the writer refuses to write over an input file and changes nothing")
  func neverOverInput() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let before = try folder.read("measures.csv")
    let writer = OutputWriter(directory: folder.url, protecting: [folder.url.appendingPathComponent("measures.csv")])
    #expect(throws: OutputWriter.Refusal.self) {
      try writer.write([("innstilling.md", "new"), ("measures.csv", "overwritten")])
    }
    #expect(try folder.read("measures.csv") == before)
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("innstilling.md").path))
  }

  @Test("usage errors exit 64 with a message")
  func usage() throws {
    let output = try CommandLine.run(["run", "somewhere", "--time-limit", "-1"])
    #expect(output.status == 64)
    #expect(output.standardError.contains("--time-limit"))
  }
}
