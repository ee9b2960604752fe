import Foundation
import TestSupport
import Testing

/// The design's rule that GLPK is imported in exactly one module.
@Suite("Architecture")
struct ArchitectureTests {
  @Test("only GLPKBackend imports the GLPK C module")
  func glpkBehindOneModule() throws {
    let sources = repositoryRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    var importers = Set<String>()
    for case let file as URL in files where file.pathExtension == "swift" {
      let text = try String(contentsOf: file, encoding: .utf8)
      if text.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "import CGLPK" }) {
        // The module is the folder right under Sources/.
        importers.insert(file.path.dropFirst(sources.path.count + 1).split(separator: "/").first.map(String.init) ?? "")
      }
    }
    #expect(importers == ["GLPKBackend"])
  }
}
