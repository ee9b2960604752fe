import Foundation
import ScenarioFiles
import TestSupport
import Testing
import UserMessages

/// The corpus of broken scenario folders in `BadInputs/`: each case folder holds only the files that
/// differ from the small valid scenario (`NAME.absent` removes a file), `expected.txt`, the exact
/// errors `dekom check --lang en` must give (or `valid` for inputs that must load), and
/// `expected.nb.txt`, the same errors as `dekom check` gives them by default, in bokmål.
///
/// To refresh after an intended change: `DEKOM_UPDATE_EXPECTED=1 swift test --filter BadInputTests`,
/// then review `git diff`.
@Suite("Bad-input corpus")
struct BadInputTests {
  static let corpus = repositoryRoot.appendingPathComponent("Tests/ScenarioFilesTests/BadInputs")

  static var cases: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
  }

  @Test("the corpus is there")
  func corpusExists() {
    #expect(Self.cases.count >= 25)
  }

  @Test("each broken input gets its exact error", arguments: cases)
  func exactErrors(name: String) throws {
    let caseFolder = Self.corpus.appendingPathComponent(name)
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    for file in try FileManager.default.contentsOfDirectory(atPath: caseFolder.path) where !file.hasPrefix("expected.") {
      let target = folder.url.appendingPathComponent(file.replacingOccurrences(of: ".absent", with: ""))
      try? FileManager.default.removeItem(at: target)
      if !file.hasSuffix(".absent") { try FileManager.default.copyItem(at: caseFolder.appendingPathComponent(file), to: target) }
    }
    var actual: [Language: String] = [:]
    do {
      _ = try ScenarioLoader.load(directory: folder.url)
      for language in Language.allCases { actual[language] = "valid\n" }
    } catch {
      for language in Language.allCases { actual[language] = error.issues.map { $0.line(in: language) }.joined(separator: "\n") + "\n" }
    }
    for (language, file) in [(Language.en, "expected.txt"), (.nb, "expected.nb.txt")] {
      let expectedURL = caseFolder.appendingPathComponent(file)
      if ProcessInfo.processInfo.environment["DEKOM_UPDATE_EXPECTED"] == "1" {
        try actual[language]?.write(to: expectedURL, atomically: true, encoding: .utf8)
      }
      let expected = try String(contentsOf: expectedURL, encoding: .utf8)
      #expect(actual[language] == expected, "case \(name), \(file)")
    }
  }
}
