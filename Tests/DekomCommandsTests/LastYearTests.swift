import DekomRunner
import Foundation
import GrantAllocation
import TestSupport
import Testing

/// Last year's allocation (`last_year_allocation` in `scenario.yaml`): the stability stage keeps
/// close to it among equally good answers, the innstilling shows the change per payer, and the
/// file is an input like any other (read only inside the folder, never written over).
@Suite("Last year's allocation")
struct LastYearTests {
  /// Two networks' first measures of the same cost and rank in a frame that holds one of them: the
  /// canonical order picks network a's, unless last year had network b's.
  static func tie() -> Scenario {
    let builder = ScenarioBuilder(frame: 300)
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 300)
    builder.measure("b1", network: "b", rank: 1, cost: 300)
    return builder.scenario
  }

  static func lastYear(funding id: String) -> LastYearAllocation {
    LastYearAllocation(
      file: "fjor.json", year: 2026, reference: AllocationReference(shares: [MeasureID(id): 1]), networkGrants: [:], ownerGrants: [:])
  }

  @Test("the solve stays close to last year's continuing measures only: another measure under a last year's id steers nothing")
  func stability() throws {
    let run = ScenarioRun(directory: URL(fileURLWithPath: "/nonexistent"), explain: false)
    let plain = try run.solve(Self.tie())
    #expect(plain.outcome(MeasureID("a1"))?.share == 1 && plain.outcome(MeasureID("b1"))?.share == 0)
    // b1 was funded last year, but it does not continue: this year's b1 is another measure.
    var remembered = Self.tie()
    remembered.lastYear = Self.lastYear(funding: "b1")
    #expect(remembered.lastYearReference.isEmpty)
    let same = try run.solve(remembered)
    #expect(same.outcomes == plain.outcomes)
    #expect(!same.stages.contains { $0.name == "stability" })
    // A continuing b1 is last year's: its share and hours are kept close (a stability stage), and
    // the result says what it stayed close to.
    remembered.measures[1].continuing = true
    #expect(remembered.lastYearReference.shares == [MeasureID("b1"): 1])
    let kept = try run.solve(remembered)
    #expect(kept.stages.contains { $0.name == "stability" })
    #expect(kept.reference == remembered.lastYearReference)
    // A reference given (a what-if's base) wins over last year's.
    let asked = try run.solve(remembered, reference: AllocationReference(shares: [MeasureID("a1"): 0]))
    #expect(asked.reference.shares == [MeasureID("a1"): 0])
  }

  @Test("dekom run shows the change per payer and never writes over last year's file")
  func runAndProtect() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let settings = try folder.read("scenario.yaml")
    let lastYear = #"{"year": 2026, "measures": [{"id": "s1", "share": 1}], "networks": [{"id": "nord", "grant_nok": 150000}], "owners": []}"#
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("fjor"), withIntermediateDirectories: true)
    try folder.write("fjor/allocation.json", lastYear)
    try folder.write("scenario.yaml", settings + "last_year_allocation: fjor/allocation.json\n")
    let out = folder.url.appendingPathComponent("out")
    let run = try CommandLine.run(["run", folder.url.path, "--out", out.path, "--quiet", "--no-explain"])
    #expect(run.status == 0, "\(run.standardError)")
    let innstilling = try String(contentsOf: out.appendingPathComponent("innstilling.md"), encoding: .utf8)
    #expect(innstilling.contains("### Endring fra i fjor"))
    #expect(innstilling.contains("| Nordnettet (nettverket samlet) | Nordnettet | 150 000 |"), "\(innstilling)")
    #expect(innstilling.contains("`fjor/allocation.json`: `"), "the file and its hash are among the inputs")
    // Last year's file inside the output folder: the run refuses and leaves it as it was.
    try folder.write("scenario.yaml", settings + "last_year_allocation: fjor/allocation.json\n")
    let refused = try CommandLine.run(["run", folder.url.path, "--out", folder.url.appendingPathComponent("fjor").path, "--quiet"])
    #expect(refused.status != 0)
    #expect(refused.standardError.contains("it is an input file"), "\(refused.standardError)")
    #expect(try folder.read("fjor/allocation.json") == lastYear)
  }

  @Test("a link that leads out of the scenario folder is refused like a path that does")
  func linkOutside() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-outside-\(UUID().uuidString).json")
    try #"{"measures": []}"#.write(to: outside, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: outside) }
    try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("fjor.json"), withDestinationURL: outside)
    try folder.write("scenario.yaml", try folder.read("scenario.yaml") + "last_year_allocation: fjor.json\n")
    let check = try CommandLine.run(["check", folder.url.path])
    #expect(check.status != 0)
    #expect(check.standardError.contains("fjor.json er ikke en fil i scenariomappen"), "\(check.standardError)")
  }
}
