import Foundation
import Testing

@testable import ScenarioGeneration

@Suite("Moving a generated region into place")
struct StagedFolderTests {
  @Test("a new folder, and its missing parents, are created; nothing is left beside it")
  func newFolder() throws {
    let root = try TemporaryFolder()
    defer { root.remove() }
    let destination = root.url.appendingPathComponent("a/b/region")
    let staged = try StagedFolder(destination: destination, replacing: false)
    _ = try RegionGenerator(RegionParameters(seed: 1, measures: 20)).write(into: staged.temporary)
    try staged.moveIntoPlace()
    #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path).sorted() == RegionGenerator.fileNames.sorted())
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.url.appendingPathComponent("a/b").path) == ["region"])
  }

  @Test("an empty folder is filled")
  func emptyFolder() throws {
    let root = try TemporaryFolder()
    defer { root.remove() }
    let staged = try StagedFolder(destination: root.url, replacing: false)
    _ = try RegionGenerator(RegionParameters(seed: 1, measures: 20)).write(into: staged.temporary)
    try staged.moveIntoPlace()
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.url.path).count == 4)
  }

  @Test("a folder that is not empty is refused, and left as it was, unless replacing")
  func nonEmpty() throws {
    let root = try TemporaryFolder()
    defer { root.remove() }
    let destination = root.url.appendingPathComponent("region")
    try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: destination.appendingPathComponent("notes.txt"))
    #expect(throws: GenerationError.self) { try StagedFolder(destination: destination, replacing: false) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path) == ["notes.txt"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.url.path) == ["region"])

    let staged = try StagedFolder(destination: destination, replacing: true)
    _ = try RegionGenerator(RegionParameters(seed: 1, measures: 20)).write(into: staged.temporary)
    try staged.moveIntoPlace()
    #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path).sorted() == RegionGenerator.fileNames.sorted())
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.url.path) == ["region"])
  }

  @Test("a file, a Git checkout and the working folder are refused even when replacing")
  func refusals() throws {
    let root = try TemporaryFolder()
    defer { root.remove() }
    let file = root.url.appendingPathComponent("file.txt")
    try Data("x".utf8).write(to: file)
    #expect(throws: GenerationError.self) { try StagedFolder(destination: file, replacing: true) }
    let checkout = root.url.appendingPathComponent("checkout")
    try FileManager.default.createDirectory(at: checkout.appendingPathComponent(".git"), withIntermediateDirectories: true)
    #expect(throws: GenerationError.self) { try StagedFolder(destination: checkout, replacing: true) }
    let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    #expect(throws: GenerationError.self) { try StagedFolder(destination: working, replacing: true) }
    #expect(FileManager.default.fileExists(atPath: checkout.appendingPathComponent(".git").path))
  }

  @Test("a discarded region leaves nothing behind")
  func discard() throws {
    let root = try TemporaryFolder()
    defer { root.remove() }
    let staged = try StagedFolder(destination: root.url.appendingPathComponent("region"), replacing: false)
    #expect(FileManager.default.fileExists(atPath: staged.temporary.path))
    staged.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.url.path).isEmpty)
  }
}
