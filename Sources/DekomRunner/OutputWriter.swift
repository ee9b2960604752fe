import AtomicOutput
import Foundation

/// Writes a command's outputs through the one atomic writer (``OutputFolder``, ``AtomicFile``),
/// never over an input.
public struct OutputWriter: Sendable {
  /// Why nothing was written.
  public struct RefusedError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Every file name dekom writes into an output folder: a folder holding only these (and
  /// subfolders that do, such as a variant's) is switched to its new contents in one step.
  public static let outputNames: Set<String> = Set(
    ScenarioRun.outputFiles + ScenarioRun.planFiles + CompareRun.outputFiles)
  /// The folders dekom writes whole into an output folder, with the endings of their files: the
  /// decision letters.
  public static let outputFolders: [String: Set<String>] = [ScenarioRun.letterFolder: [".md", ".html"]]

  /// Resolved paths that must never be written.
  let protectedPaths: Set<String>

  /// - Parameter inputs: files no output may replace (symbolic links are resolved).
  public init(protecting inputs: [URL]) {
    protectedPaths = Set(inputs.map(Self.resolved))
  }

  static func resolved(_ url: URL) -> String { url.resolvingSymlinksInPath().standardizedFileURL.path }

  private func refuseInputs(_ targets: [URL]) throws(RefusedError) {
    for target in targets where protectedPaths.contains(Self.resolved(target)) {
      throw RefusedError(description: "refusing to write \(target.path): it is an input file. Choose another output path.")
    }
  }

  /// Writes `files` (name → contents) into `directory`, creating it when missing: all of them
  /// change or none does, also if the process is killed; other files in the folder stay.
  ///
  /// - Throws: ``RefusedError`` when a target is an input file or cannot be written; then no target changes.
  public func write(_ files: [(name: String, contents: String)], into directory: URL) throws(RefusedError) {
    try write(files.map { ($0.name, Data($0.contents.utf8)) }, into: directory)
  }

  /// Writes `files` (name → bytes) into `directory`, creating it when missing: all of them change
  /// or none does, also if the process is killed; other files in the folder stay.
  ///
  /// - Throws: ``RefusedError`` when a target is an input file or cannot be written; then no target changes.
  public func write(_ files: [(name: String, contents: Data)], into directory: URL) throws(RefusedError) {
    try refuseInputs(files.map { directory.appendingPathComponent($0.name) })
    do {
      try OutputFolder(directory, outputNames: Self.outputNames, outputFolders: Self.outputFolders).replace(files)
    } catch {
      throw RefusedError(description: error.description)
    }
  }

  /// Writes the files at `targets` (each atomically): `fill` writes each one's contents to the
  /// temporary path it is given (same order), and only when it returns are they moved into place.
  ///
  /// - Throws: ``RefusedError`` when a target is an input file or cannot be moved into place, or what
  ///   `fill` throws; then no target changes.
  public func write(to targets: [URL], fill: ([URL]) throws -> Void) throws {
    try refuseInputs(targets)
    do {
      try AtomicFile.writeAll(to: targets, fill: fill)
    } catch let error as OutputError {
      throw RefusedError(description: error.description)
    }
  }
}
