import Foundation
import TestSupport
import Testing

/// `dekom run scenarios/trondelag` end to end, against reviewed expected files.
///
/// To refresh the expected files after an intended change, run
/// `DEKOM_UPDATE_EXPECTED=1 swift test --filter TrondelagEndToEndTests`, then review `git diff`.
@Suite("scenarios/trondelag end to end")
struct TrondelagEndToEndTests {
  static let scenario = repositoryRoot.appendingPathComponent("scenarios/trondelag")
  static let expected = repositoryRoot.appendingPathComponent("Tests/DekomCommandsTests/Expected/trondelag")
  static let files = ["innstilling.md", "innstilling.html", "tiltak.csv", "utbetalinger.csv", "allocation.csv", "allocation.json"]

  func runInto(_ out: URL, _ extra: [String] = []) throws -> CommandLine.Output {
    try CommandLine.run(["run", Self.scenario.path, "--out", out.path] + extra)
  }

  func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("dekom-e2e-\(UUID().uuidString)")
  }

  @Test("check accepts the example")
  func check() throws {
    let output = try CommandLine.run(["check", Self.scenario.path])
    #expect(output.status == 0, "\(output.standardError)")
  }

  @Test("run writes the reviewed innstilling, CSV and JSON, byte for byte")
  func matchesExpected() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let output = try runInto(out)
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardOutput.hasPrefix("Trøndelag 2027 er løst: optimal ("), "\(output.standardOutput)")
    #expect(output.standardOutput.contains("Utkastet til innstilling ligger i \(out.path)/innstilling.md"))
    #expect(output.standardOutput.contains("ett per mottaker (18), ligger i \(out.path)/vedtak/"), "\(output.standardOutput)")
    let update = ProcessInfo.processInfo.environment["DEKOM_UPDATE_EXPECTED"] == "1"
    for file in Self.files {
      let actual = try Data(contentsOf: out.appendingPathComponent(file))
      let expectedURL = Self.expected.appendingPathComponent(file)
      if update {
        try FileManager.default.createDirectory(at: Self.expected, withIntermediateDirectories: true)
        try actual.write(to: expectedURL)
      }
      let expected = try Data(contentsOf: expectedURL)
      #expect(actual == expected, "\(file) differs from Tests/DekomCommandsTests/Expected/trondelag/\(file)")
    }
    // The decision letters: the same recipients, and each letter byte for byte.
    let letters = try Self.letterFiles(in: out)
    let expectedLetters = Self.expected.appendingPathComponent("vedtak")
    if update {
      try? FileManager.default.removeItem(at: expectedLetters)
      try FileManager.default.createDirectory(at: expectedLetters, withIntermediateDirectories: true)
      for file in letters { try Data(contentsOf: out.appendingPathComponent(file)).write(to: Self.expected.appendingPathComponent(file)) }
    }
    #expect(letters.count > 20 && letters.contains("vedtak/trondheim.md") && letters.contains("vedtak/ntnu.html"))
    #expect(letters == (try Self.letterFiles(in: Self.expected)), "the letters' recipients differ from Expected/trondelag/vedtak")
    for file in letters where FileManager.default.fileExists(atPath: Self.expected.appendingPathComponent(file).path) {
      let actual = try Data(contentsOf: out.appendingPathComponent(file))
      #expect(
        actual == (try Data(contentsOf: Self.expected.appendingPathComponent(file))), "\(file) differs from Expected/trondelag/\(file)")
    }
  }

  /// The letters a run wrote, as `vedtak/NAME.md` and `.html`, sorted.
  static func letterFiles(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("vedtak").path).sorted().map { "vedtak/\($0)" }
  }

  /// The explained run is compared with the reviewed files above (made by an earlier run); these
  /// two skip the re-solves to keep the suite short.
  @Test("a second run gives byte-identical outputs")
  func rerunIsIdentical() throws {
    let first = temporaryFolder()
    let second = temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    #expect(try runInto(first, ["--quiet", "--no-explain"]).status == 0)
    #expect(try runInto(second, ["--quiet", "--no-explain"]).status == 0)
    // The spreadsheet too: its creation time is fixed, not the clock's.
    let letters = try Self.letterFiles(in: first)
    #expect(letters == (try Self.letterFiles(in: second)) && !letters.isEmpty)
    for file in Self.files + ["innstilling.xlsx"] + letters {
      #expect(try Data(contentsOf: first.appendingPathComponent(file)) == Data(contentsOf: second.appendingPathComponent(file)))
    }
  }

  @Test("--method block-search writes the same allocation as branch-and-cut and says which method it used")
  func blockSearch() throws {
    let plain = temporaryFolder()
    let searched = temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: plain)
      try? FileManager.default.removeItem(at: searched)
    }
    #expect(try runInto(plain, ["--quiet", "--no-explain", "--method", "branch-and-cut"]).status == 0)
    #expect(try runInto(searched, ["--quiet", "--no-explain", "--method", "block-search"]).status == 0)
    for file in ["allocation.csv", "innstilling.md"] {
      #expect(
        try Data(contentsOf: plain.appendingPathComponent(file)) == Data(contentsOf: searched.appendingPathComponent(file)), "\(file)")
    }
    let json = try String(contentsOf: searched.appendingPathComponent("allocation.json"), encoding: .utf8)
    #expect(json.contains("\"method\" : \"lexicographic-block-search\""))
    let bad = try runInto(searched, ["--method", "simplex"])
    #expect(bad.status != 0)
    #expect(bad.standardError.contains("block-search"))
  }

  @Test("compare writes the reviewed side-by-side comparison of the base and its five variants (one of them the meeting's locks)")
  func compare() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let output = try CommandLine.run(["compare", Self.scenario.path, "--out", out.path])
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardOutput.contains("Sammenlignet grunnscenarioet med 5 varianter."))
    for file in ["compare.md", "compare.html"] {
      let actual = try Data(contentsOf: out.appendingPathComponent(file))
      let expectedURL = Self.expected.appendingPathComponent(file)
      if ProcessInfo.processInfo.environment["DEKOM_UPDATE_EXPECTED"] == "1" { try actual.write(to: expectedURL) }
      #expect(actual == (try Data(contentsOf: expectedURL)), "\(file) differs from Expected/trondelag/\(file)")
    }
  }

  @Test("run --variant solves one what-if and writes its innstilling")
  func oneVariant() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let output = try CommandLine.run(["run", Self.scenario.path, "--variant", "rekom-kutt", "--out", out.path, "--verbose", "--no-explain"])
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardError.contains("stage stability"))
    let text = try String(contentsOf: out.appendingPathComponent("innstilling.md"), encoding: .utf8)
    #expect(text.contains("| Regional ordning for kompetanseutvikling i barnehagen (Rekom) | 7 470 000 |"))
    let unknown = try CommandLine.run(["run", Self.scenario.path, "--variant", "nope", "--out", out.path])
    #expect(unknown.status == 1)
    #expect(unknown.standardError.contains("det finnes ingen variant nope."), "\(unknown.standardError)")
  }

  @Test("--lang en writes the English innstilling")
  func english() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(try runInto(out, ["--lang", "en", "--quiet"]).status == 0)
    let text = try String(contentsOf: out.appendingPathComponent("innstilling.md"), encoding: .utf8)
    #expect(text.hasPrefix("# Joint annual recommendation"))
    for heading in ["What it would take", "Waiting list per scheme", "Shadow prices"] { #expect(text.contains(heading)) }
    for bokmal in ["Hva som skal til", "Venteliste", "Skyggepris", "Minstenivået til"] { #expect(!text.contains(bokmal)) }
  }

  @Test(
    "broken copies of the example get file:row errors, exit 1, and nothing is written",
    arguments: [
      ("measures.csv", ";dekom;", ";dekomm;", "kolonne 'scheme': «dekomm» er ikke en ordning i scenario.yaml."),
      ("owners.csv", ";kommune;", ";kommun;", "kolonne 'kind': «kommun» er ikke en av de tillatte verdiene."),
      ("partners.csv", "id;", "ident;", "kolonne 'ident': ukjent kolonne."),
    ])
  func brokenCopies(file: String, old: String, new: String, expected: String) throws {
    let folder = try ScenarioFolder(copying: Self.scenario)
    defer { folder.remove() }
    try folder.edit(file, replacing: old, with: new)
    let output = try CommandLine.run(["run", folder.url.path])
    #expect(output.status == 1)
    #expect(output.standardError.contains("\(file):"))
    #expect(output.standardError.contains(expected), "\(output.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
  }
}
