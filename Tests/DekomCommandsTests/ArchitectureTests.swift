import Foundation
import TestSupport
import Testing

/// The module graph's rules: GLPK behind one module, the web server behind another, and every
/// module importing only the modules below it, so the graph reads top-down as the data flows
/// (commands / server → runner → explanations, reports, verification → formulation → LP → GLPK).
@Suite("Architecture")
struct ArchitectureTests {
  /// Every project module each module may import. A module missing here fails the test, so a new
  /// module is placed in the graph on purpose.
  static let allowedImports: [String: Set<String>] = [
    "dekom": ["DekomCommands"],
    "dekom-serve": ["DekomServer"],
    "DekomCommands": [
      "AtomicOutput", "DekomRunner", "GLPKBackend", "GrantAllocation", "LinearProgramming", "ScenarioFiles", "Variants", "Reports",
      "ScenarioGeneration", "Decomposition", "Verification", "UserMessages",
    ],
    "DekomServer": [
      "AtomicOutput", "DekomRunner", "GrantAllocation", "ScenarioFiles", "ScenarioFormat", "Variants", "Explanations", "Reports",
      "UserMessages",
    ],
    "DekomRunner": [
      "AtomicOutput", "GLPKBackend", "GrantAllocation", "LinearProgramming", "ScenarioFiles", "Variants", "Explanations", "Reports",
      "Verification", "Spreadsheets", "XLSXBackend", "Decomposition", "UserMessages",
    ],
    "Reports": ["GrantAllocation", "Variants", "Explanations", "LinearProgramming", "Spreadsheets", "UserMessages"],
    "XLSXBackend": ["CXLSXWriter", "Spreadsheets"],
    "Spreadsheets": [],
    "CXLSXWriter": [],
    "Explanations": ["GrantAllocation", "LinearProgramming", "Variants"],
    "Verification": ["GrantAllocation"],
    "ScenarioFiles": ["GrantAllocation", "ScenarioFormat", "Variants", "UserMessages"],
    "ScenarioGeneration": ["AtomicOutput", "ScenarioFormat"],
    "ScenarioFormat": [],
    // What dekom tells people, per language: a leaf, below everything that words a message.
    "UserMessages": [],
    "AtomicOutput": ["CFolderExchange"],
    "CFolderExchange": [],
    "Variants": ["GrantAllocation", "ScenarioFormat", "UserMessages"],
    "GrantAllocation": ["LinearProgramming"],
    "Decomposition": ["GrantAllocation", "LinearProgramming"],
    "GLPKBackend": ["CGLPK", "LinearProgramming"],
    "LinearProgramming": [],
    "CGLPK": [],
  ]

  /// The project's modules each module imports (folders right under Sources/).
  static func projectImports() throws -> [String: Set<String>] {
    let sources = repositoryRoot.appendingPathComponent("Sources")
    let modules = Set(try FileManager.default.contentsOfDirectory(atPath: sources.path))
    let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    var imports: [String: Set<String>] = [:]
    for case let file as URL in files where file.pathExtension == "swift" {
      let module = String(file.path.dropFirst(sources.path.count + 1).split(separator: "/")[0])
      let text = try String(contentsOf: file, encoding: .utf8)
      for line in text.split(separator: "\n") {
        let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard let at = words.firstIndex(of: "import"), at + 1 < words.count, words[..<at].allSatisfy({ $0.hasPrefix("@") }) else {
          continue
        }
        imports[module, default: []].insert(String(words[at + 1]))
      }
    }
    for module in modules where imports[module] == nil { imports[module] = [] }
    return imports.mapValues { $0.filter { modules.contains($0) || $0 == "Hummingbird" || $0 == "ArgumentParser" } }
  }

  @Test("only GLPKBackend imports the GLPK C module")
  func glpkBehindOneModule() throws {
    let importers = try Self.projectImports().filter { $0.value.contains("CGLPK") }.keys
    #expect(Set(importers) == ["GLPKBackend"])
  }

  @Test("only XLSXBackend imports the libxlsxwriter C module")
  func xlsxWriterBehindOneModule() throws {
    let importers = try Self.projectImports().filter { $0.value.contains("CXLSXWriter") }.keys
    #expect(Set(importers) == ["XLSXBackend"])
  }

  @Test("only the server imports Hummingbird, and only the two user interfaces import ArgumentParser")
  func userInterfacesAtTheTop() throws {
    let imports = try Self.projectImports()
    #expect(Set(imports.filter { $0.value.contains("Hummingbird") }.keys) == ["DekomServer"])
    #expect(Set(imports.filter { $0.value.contains("ArgumentParser") }.keys) == ["DekomCommands", "DekomServer"])
  }

  @Test("every module imports only the modules below it in the graph")
  func modulesImportDownwards() throws {
    let imports = try Self.projectImports()
    for (module, imported) in imports.sorted(by: { $0.key < $1.key }) {
      let allowed = try #require(Self.allowedImports[module], "\(module) is not placed in the module graph")
      let project = imported.subtracting(["Hummingbird", "ArgumentParser", "CGLPK"])
      #expect(project.subtracting(allowed).isEmpty, "\(module) imports \(project.subtracting(allowed).sorted())")
    }
  }

  /// Names of the scenario files that only the readers, the generator and the what-if page use;
  /// each must be spelled once, in ScenarioFormat (issue 18 item 6). Names that are also words of
  /// the outputs (`pool_hours` in allocation.csv) or values (`teacher_fte` as a size measure) are
  /// left out, so the rule does not flag a different thing with the same spelling.
  static let schemaNames = [
    "frame_nok", "egenandel_rate", "partner_kinds", "requires_broad_target_group", "cost_nok", "price_per_participant_nok",
    "participants_by_owner", "min_share", "single_partner", "in_region", "joined_agreement", "based_on", "last_year",
    "carry_over_share", "school_year_june_share", "fairness_floor", "time_limit_seconds", "relative_mip_gap",
  ]

  @Test("the scenario files' column and key names are spelled only in ScenarioFormat")
  func oneSchema() throws {
    let sources = repositoryRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    var spelled: [String] = []
    for case let file as URL in files where file.pathExtension == "swift" {
      let path = String(file.path.dropFirst(sources.path.count + 1))
      guard !path.hasPrefix("ScenarioFormat/") else { continue }
      let text = try String(contentsOf: file, encoding: .utf8)
      spelled += Self.schemaNames.filter { text.contains("\"\($0)\"") }.map { "\(path): \"\($0)\"" }
    }
    #expect(spelled.isEmpty, "use ScenarioSchema instead of: \(spelled.joined(separator: ", "))")
  }

  @Test("a scheme, partner, network, owner or measure is found by id through the scenario's indices, not by a scan")
  func lookupsByIDAreIndexed() throws {
    // `Scenario.measure(_:)`, `measureIndex(_:)`, `scheme(_:)` … are O(1); a scan per lookup made
    // reports and explanations quadratic in the number of measures.
    let scan = try NSRegularExpression(
      pattern: #"\b(measures|schemes|partners|networks|owners)\.(first|firstIndex|contains)\s*(\(where:)?\s*\{\s*\$0\.id\s*=="#)
    let sources = repositoryRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    var scans: [String] = []
    for case let file as URL in files where file.pathExtension == "swift" {
      let text = try String(contentsOf: file, encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = String(line)
        if scan.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
          scans.append("\(file.path.dropFirst(sources.path.count + 1)):\(number + 1)")
        }
      }
    }
    #expect(scans.isEmpty, "use the scenario's lookup by id instead of a scan: \(scans.joined(separator: ", "))")
  }

  @Test("issue and console texts come from the catalogues: each switches over every case, and no module words an issue itself")
  func messagesFromCatalogues() throws {
    let root = repositoryRoot.appendingPathComponent("Sources/UserMessages")
    // No `default:` in the switch that words each case: the compiler then refuses a case that one
    // language has no text for.
    for (file, signature) in [
      ("Bokmal/BokmalIssues.swift", "static func words(_ issue: IssueText)"),
      ("English/EnglishIssues.swift", "static func words(_ issue: IssueText)"),
      ("Bokmal/BokmalConsole.swift", "static func text(_ line: ConsoleText)"),
      ("English/EnglishConsole.swift", "static func text(_ line: ConsoleText)"),
    ] {
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      let body = try #require(text.range(of: signature).map { text[$0.upperBound...] }, "\(file) has no \(signature)")
      #expect(!body.contains("default:"), "\(file): a default branch hides a case without a text")
    }
    // The modules that find issues give typed values, not English sentences of their own.
    let sources = repositoryRoot.appendingPathComponent("Sources")
    var worded: [String] = []
    for module in ["ScenarioFiles", "Variants", "DekomServer", "DekomCommands", "DekomRunner"] {
      let files = try #require(FileManager.default.enumerator(at: sources.appendingPathComponent(module), includingPropertiesForKeys: nil))
      for case let file as URL in files where file.pathExtension == "swift" {
        let text = try String(contentsOf: file, encoding: .utf8)
        for marker in ["fix: \"", "problem: \"", "Fix: "] where text.contains(marker) { worded.append("\(file.lastPathComponent): \(marker)") }
      }
    }
    #expect(worded.isEmpty, "word these in Sources/UserMessages: \(worded.joined(separator: ", "))")
  }

  @Test("the dekom program reaches no web server module through its imports")
  func dekomLinksNoServer() throws {
    let imports = try Self.projectImports()
    var reached: Set<String> = []
    var queue = ["dekom"]
    while let module = queue.popLast() {
      guard reached.insert(module).inserted else { continue }
      queue += (imports[module] ?? []).filter { $0 != "Hummingbird" && $0 != "ArgumentParser" }
    }
    #expect(!reached.contains("DekomServer"))
    #expect(reached.allSatisfy { !(imports[$0] ?? []).contains("Hummingbird") })
  }
}
