import AtomicOutput
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A generated region waiting in a temporary folder beside its destination, to be moved into place
/// in one step (or thrown away), so that the destination holds either the whole new region or what
/// it held before — never a half-written one.
public struct StagedFolder: Sendable {
  /// Where the region is going.
  public let destination: URL
  /// The hidden folder beside the destination that holds it meanwhile.
  public let temporary: URL
  /// Whether the destination exists with something in it (and `replacing` allowed that).
  let replacesContents: Bool

  /// Checks the destination, and creates the temporary folder beside it (and any missing parents).
  ///
  /// - Parameters:
  ///   - destination: where the region is going.
  ///   - replacing: allow replacing a folder that is not empty (`--force`); everything in it is
  ///     removed once the new region is in place.
  /// - Throws: ``GenerationError`` when the destination is a file, is not empty and `replacing` is
  ///   false, or is a folder that must not be replaced (the root, the home folder, the working folder
  ///   or one above it, a Git checkout).
  public init(destination: URL, replacing: Bool) throws(GenerationError) {
    let manager = FileManager.default
    let destination = destination.standardizedFileURL
    self.destination = destination
    var isDirectory: ObjCBool = false
    let exists = manager.fileExists(atPath: destination.path, isDirectory: &isDirectory)
    if exists && !isDirectory.boolValue {
      throw GenerationError("\(destination.path) is a file, not a folder; nothing was written. Give the path of a new or empty folder.")
    }
    let entries = exists ? ((try? manager.contentsOfDirectory(atPath: destination.path)) ?? []) : []
    if !entries.isEmpty && !replacing {
      throw GenerationError(
        "\(destination.path) is not empty (\(entries.count) entr\(entries.count == 1 ? "y" : "ies")); nothing was written. "
          + "Give a new or empty folder, or add --force to replace the folder and everything in it.")
    }
    if !entries.isEmpty {
      let resolved = destination.resolvingSymlinksInPath().path
      let workingFolder = URL(fileURLWithPath: manager.currentDirectoryPath).resolvingSymlinksInPath().path
      let home = manager.homeDirectoryForCurrentUser.resolvingSymlinksInPath().path
      if resolved == "/" || resolved == home || workingFolder == resolved || workingFolder.hasPrefix(resolved + "/")
        || entries.contains(".git")
      {
        throw GenerationError(
          "refusing to replace \(destination.path), even with --force: it is the root, the home folder, the working folder or one above it, or a Git checkout. Give another folder."
        )
      }
    }
    replacesContents = !entries.isEmpty
    let parent = destination.deletingLastPathComponent()
    let pid = ProcessInfo.processInfo.processIdentifier
    temporary = parent.appendingPathComponent(".\(destination.lastPathComponent).generating-\(pid)")
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      if manager.fileExists(atPath: temporary.path) { try manager.removeItem(at: temporary) }
      try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
    } catch {
      throw GenerationError("cannot create a folder beside \(destination.path): \(OutputError.words(for: error))")
    }
  }

  /// Moves the staged region into place in one step (``FolderSwitch``): a `rename(2)` onto a
  /// missing or empty folder, or, when replacing, one atomic exchange, then the old one removed.
  ///
  /// - Throws: ``GenerationError`` when a rename fails; the destination is then as it was.
  public func moveIntoPlace() throws(GenerationError) {
    do {
      try FolderSwitch.syncTree(temporary)
      try FolderSwitch.move(temporary, into: destination, replacing: replacesContents)
    } catch {
      discard()
      throw GenerationError("cannot move the new region into \(destination.path) (\(error.description)); nothing was changed.")
    }
    // After an exchange the temporary name holds the old region.
    discard()
  }

  /// Removes the temporary folder.
  public func discard() {
    try? FileManager.default.removeItem(at: temporary)
  }
}
