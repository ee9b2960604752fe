import Foundation
import TestSupport
import Testing

/// `dekom run` and `dekom compare` on the three-year example `scenarios/trondelag-plan`, against
/// reviewed expected files.
///
/// To refresh the expected files after an intended change, run
/// `DEKOM_UPDATE_EXPECTED=1 swift test --filter TrondelagPlanEndToEndTests`, then review `git diff`.
@Suite("scenarios/trondelag-plan end to end")
struct TrondelagPlanEndToEndTests {
  static let scenario = repositoryRoot.appendingPathComponent("scenarios/trondelag-plan")
  static let expected = repositoryRoot.appendingPathComponent("Tests/DekomCommandsTests/Expected/trondelag-plan")
  static let files = [
    "innstilling.md", "innstilling.html", "tiltak.csv", "utbetalinger.csv", "allocation.csv", "allocation.json", "langsiktig-plan.md",
    "langsiktig-plan.html",
  ]
  static var update: Bool { ProcessInfo.processInfo.environment["DEKOM_UPDATE_EXPECTED"] == "1" }

  func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("dekom-plan-e2e-\(UUID().uuidString)")
  }

  func compareWithExpected(_ folder: URL, _ files: [String]) throws {
    for file in files {
      let actual = try Data(contentsOf: folder.appendingPathComponent(file))
      let expectedURL = Self.expected.appendingPathComponent(file)
      if Self.update {
        try FileManager.default.createDirectory(at: Self.expected, withIntermediateDirectories: true)
        try actual.write(to: expectedURL)
      }
      #expect(
        actual == (try Data(contentsOf: expectedURL)), "\(file) differs from Tests/DekomCommandsTests/Expected/trondelag-plan/\(file)")
    }
  }

  @Test("check accepts the example plan")
  func check() throws {
    let output = try CommandLine.run(["check", Self.scenario.path])
    #expect(output.status == 0, "\(output.standardError)")
  }

  @Test("run writes the reviewed plan and first-year innstilling, byte for byte")
  func matchesExpected() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let output = try CommandLine.run(["run", Self.scenario.path, "--out", out.path])
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardOutput.contains("Planen for Trøndelag 2027–2029 er løst som én modell: optimal"))
    #expect(output.standardOutput.contains("langsiktig-plan.md"))
    try compareWithExpected(out, Self.files)
  }

  @Test("--method block-search solves the plan too, to the same plan, and allocation.json names it")
  func blockSearch() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let output = try CommandLine.run(["run", Self.scenario.path, "--out", out.path, "--quiet", "--method", "block-search"])
    #expect(output.status == 0, "\(output.standardError)")
    try compareWithExpected(out, ["allocation.csv", "langsiktig-plan.md"])
    let json = try String(contentsOf: out.appendingPathComponent("allocation.json"), encoding: .utf8)
    #expect(json.contains("\"method\" : \"lexicographic-block-search\""))
  }

  @Test("the innstilling is the plan's first year: per scheme, its allocated money is the plan's committed + new in 2027")
  func innstillingIsFirstYear() throws {
    // The reviewed files, which matchesExpected shows a run reproduces byte for byte.
    let innstilling = try String(contentsOf: Self.expected.appendingPathComponent("innstilling.md"), encoding: .utf8)
    let plan = try String(contentsOf: Self.expected.appendingPathComponent("langsiktig-plan.md"), encoding: .utf8)
    func cells(_ line: Substring) -> [String] { line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    func kroner(_ text: String) -> Int { Int(text.filter(\.isNumber)) ?? -1 }
    let schemes = [
      "Desentralisert kompetanseutvikling (Dekom)", "Regional ordning for kompetanseutvikling i barnehagen (Rekom)",
      "Kompetanseløftet for spesialpedagogikk og inkluderende praksis",
    ]
    for scheme in schemes {
      // Innstilling summary: scheme | frame | partners | owners | joint | allocated | left.
      let summary = innstilling.split(separator: "\n").first { $0.hasPrefix("| \(scheme) |") }.map(cells)
      // Plan: scheme | year | frame | carried in | committed | new | carried on | free.
      let planRow = plan.split(separator: "\n").first { $0.hasPrefix("| \(scheme) | 2027 |") }.map(cells)
      #expect(summary != nil && planRow != nil)
      guard let summary, let planRow else { continue }
      #expect(kroner(summary[1]) == kroner(planRow[2]), "\(scheme)")
      #expect(kroner(summary[5]) == kroner(planRow[4]) + kroner(planRow[5]), "\(scheme)")
    }
    // The section on commitments is there, and the later frames are marked as forecasts.
    #expect(innstilling.contains("## 6. Forpliktelser for senere år"))
    #expect(innstilling.contains("## Vedlegg A. Om beregningen"))
    #expect(plan.contains("23 000 000 (prognose)"))
  }

  @Test("in English the plan says so, and marks forecasts")
  func english() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(try CommandLine.run(["run", Self.scenario.path, "--out", out.path, "--quiet", "--lang", "en"]).status == 0)
    let english = try String(contentsOf: out.appendingPathComponent("langsiktig-plan.md"), encoding: .utf8)
    #expect(english.hasPrefix("# Long-term plan 2027–2029"))
    #expect(english.contains("(forecast)"))
    let innstilling = try String(contentsOf: out.appendingPathComponent("innstilling.md"), encoding: .utf8)
    #expect(innstilling.contains("## 6. Commitments for later years"))
    #expect(innstilling.contains("## Appendix A. How it was computed"))
  }

  @Test("the variant cutting the 2028 Dekom forecast 10 % leaves 2027 as it is and says what 2028 needs beyond the forecast; binding forecasts change 2027")
  func laterCutVariant() throws {
    let variant = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: variant) }
    let output = try CommandLine.run(["run", Self.scenario.path, "--variant", "dekom-2028-kutt", "--out", variant.path, "--quiet"])
    #expect(output.status == 0, "\(output.standardError)")
    let plan = try String(contentsOf: variant.appendingPathComponent("langsiktig-plan.md"), encoding: .utf8)
    #expect(plan.contains("| Desentralisert kompetanseutvikling (Dekom) | 2028 | 20 700 000 (prognose) | 76 000 | 23 269 250 | 0 | 0 | 2 493 250 | 0 |"))
    // Every 2027 measure keeps its status and its share (up to the solver's last digits: the variant
    // is solved again, towards the base).
    struct Allocation: Decodable {
      struct Measure: Decodable {
        var id: String
        var share: Double
      }
      var measures: [Measure]
    }
    func shares(_ folder: URL) throws -> [String: Double] {
      let data = try Data(contentsOf: folder.appendingPathComponent("allocation.json"))
      return Dictionary(uniqueKeysWithValues: try JSONDecoder().decode(Allocation.self, from: data).measures.map { ($0.id, $0.share) })
    }
    let before = try shares(Self.expected)
    let after = try shares(variant)
    #expect(before.count == 58 && Set(before.keys) == Set(after.keys))
    for (id, share) in before { #expect(abs((after[id] ?? -1) - share) < 1e-5, "\(id)") }
    let innstilling = try String(contentsOf: variant.appendingPathComponent("innstilling.md"), encoding: .utf8)
    #expect(innstilling.contains("I Desentralisert kompetanseutvikling (Dekom) 2028 trenger tiltakene 2 493 250 kr mer enn prognosen."))
    // With binding forecasts the same cut holds 2027 money back for 2028.
    let folder = try ScenarioFolder(copying: Self.scenario)
    defer { folder.remove() }
    try folder.edit("scenario.yaml", replacing: "carry_over_share: 0.05", with: "carry_over_share: 0.05\n  forecasts: binding")
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("variants"), withIntermediateDirectories: true)
    let cutFile = "variants/dekom-2028-kutt.yaml"
    try folder.write(cutFile, try String(contentsOf: Self.scenario.appendingPathComponent(cutFile), encoding: .utf8))
    let base = temporaryFolder()
    let cut = temporaryFolder()
    defer { for folder in [base, cut] { try? FileManager.default.removeItem(at: folder) } }
    #expect(try CommandLine.run(["run", folder.url.path, "--no-explain", "--out", base.path, "--quiet"]).status == 0)
    #expect(try CommandLine.run(["run", folder.url.path, "--variant", "dekom-2028-kutt", "--out", cut.path, "--quiet"]).status == 0)
    let bindingBase = try shares(base)
    let bindingCut = try shares(cut)
    #expect(bindingBase.contains { id, share in abs((bindingCut[id] ?? -1) - share) > 1e-3 })
    #expect(!(try String(contentsOf: cut.appendingPathComponent("langsiktig-plan.md"), encoding: .utf8)).contains("Utover prognosen"))
  }

  @Test("a commitment that a later year's frame cannot pay: exit 3, the scheme-year named, nothing written")
  func laterYearConflict() throws {
    let folder = try ScenarioFolder(copying: Self.scenario)
    defer { folder.remove() }
    // (A forecast that cannot pay a commitment binds only under `forecasts: binding`.)
    try folder.edit("scenario.yaml", replacing: "carry_over_share: 0.05", with: "carry_over_share: 0\n  forecasts: binding")
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("variants"), withIntermediateDirectories: true)
    try folder.write("variants/tom-2028.yaml", "title: T\nyears:\n  2028:\n    frames: {dekom: {frame_nok: 1}}\n")
    let out = temporaryFolder()
    let output = try CommandLine.run(["run", folder.url.path, "--variant", "tom-2028", "--out", out.path])
    #expect(output.status == 3)
    // Gauldal's reading measure is a commitment for 2027 and 2028 (671 000 NOK in 2028).
    #expect(output.standardError.contains("rammen for Desentralisert kompetanseutvikling (Dekom) 2028 (1 kr)"))
    #expect(output.standardError.contains("ga-dekom-1@2028"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test("compare writes the reviewed per-year comparison of the base plan and its three variants")
  func compare() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let output = try CommandLine.run(["compare", Self.scenario.path, "--out", out.path])
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardOutput.contains("Sammenlignet grunnscenarioet med 3 varianter."))
    try compareWithExpected(out, ["compare.md", "compare.html"])
  }
}
