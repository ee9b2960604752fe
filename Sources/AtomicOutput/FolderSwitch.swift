import CFolderExchange
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Moving a finished folder into place in one step.
public enum FolderSwitch {
  /// Moves `staged` (already flushed: ``syncTree(_:)``) to `destination`: a `rename(2)` when nothing is there, else one atomic
  /// exchange (`renameat2(RENAME_EXCHANGE)`), after which `staged` holds the old folder for the
  /// caller to remove. On a file system that cannot exchange, the old folder is renamed aside and
  /// the new one in (two steps; a crash between them leaves the old folder under `staged`'s
  /// name beside the destination, which ``OutputFolder`` then restores).
  ///
  /// - Throws: ``OutputError``; then `destination` is as it was.
  public static func move(_ staged: URL, into destination: URL, replacing: Bool) throws(OutputError) {
    defer { try? DurableFile.syncFolder(destination.deletingLastPathComponent().path) }
    guard replacing else {
      guard rename(staged.path, destination.path) == 0 else { throw .system("cannot move the new \(destination.path) into place") }
      return
    }
    if dekom_exchange_paths(staged.path, destination.path) == 0 { return }
    guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
      throw .system("cannot switch \(destination.path) to the new folder")
    }
    let aside = destination.deletingLastPathComponent()
      .appendingPathComponent(DurableFile.temporaryName(for: destination.lastPathComponent, kind: "aside"))
    guard rename(destination.path, aside.path) == 0 else { throw .system("cannot move the old \(destination.path) aside") }
    guard rename(staged.path, destination.path) == 0 else {
      let failure = OutputError.system("cannot move the new \(destination.path) into place")
      _ = rename(aside.path, destination.path)
      throw failure
    }
    _ = rename(aside.path, staged.path)
  }
}

extension FolderSwitch {
  /// Flushes every file and folder under `folder` to the disk (for a folder whose files were
  /// written by ordinary writes, before it is moved into place).
  public static func syncTree(_ folder: URL) throws(OutputError) {
    let manager = FileManager.default
    for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] {
      let path = folder.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      _ = manager.fileExists(atPath: path.path, isDirectory: &isDirectory)
      if isDirectory.boolValue { try syncTree(path) } else { try DurableFile.sync(path.path) }
    }
    try DurableFile.syncFolder(folder.path)
  }
}

/// One file replaced atomically and durably: written in full beside its target, flushed, then
/// renamed over it (or linked, when an existing file must not be replaced).
public enum AtomicFile {
  /// Why a file was not written although nothing failed.
  public enum Outcome: Sendable, Equatable {
    case written
    /// `replacing` was false and the name is taken.
    case exists
  }

  /// Writes `contents` to `target`.
  ///
  /// - Parameters:
  ///   - contents: the file's bytes.
  ///   - target: where the file goes.
  ///   - replacing: whether an existing file at `target` may be replaced; when false, the name is
  ///     claimed with `link(2)`, which fails if it was taken even a moment ago.
  /// - Returns: ``Outcome/written``, or ``Outcome/exists`` when the name was taken and not to be replaced.
  /// - Throws: ``OutputError``; then `target` is as it was.
  @discardableResult
  public static func write(_ contents: Data, to target: URL, replacing: Bool = true) throws(OutputError) -> Outcome {
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(DurableFile.temporaryName(for: target.lastPathComponent, kind: "new") + ".tmp")
    unlink(temporary.path)
    defer { unlink(temporary.path) }
    try DurableFile.create(temporary.path, data: contents)
    if replacing {
      guard rename(temporary.path, target.path) == 0 else { throw .system("cannot move the new \(target.lastPathComponent) into place") }
    } else {
      guard link(temporary.path, target.path) == 0 else {
        if errno == EEXIST { return .exists }
        throw .system("cannot create \(target.lastPathComponent)")
      }
    }
    try DurableFile.syncFolder(folder.path)
    return .written
  }

  /// Writes the files at `targets`: `fill` writes each one's contents to the temporary path it is
  /// given (same order, beside its target); then each is flushed and renamed over its target. Each
  /// file is atomic; a set spread over folders cannot be switched in one step.
  ///
  /// - Throws: ``OutputError``, or what `fill` throws; then no target has changed.
  public static func writeAll(to targets: [URL], fill: ([URL]) throws -> Void) throws {
    let temporaries = targets.map {
      $0.deletingLastPathComponent().appendingPathComponent(DurableFile.temporaryName(for: $0.lastPathComponent, kind: "new") + ".tmp")
    }
    for temporary in temporaries { unlink(temporary.path) }
    defer { for temporary in temporaries { unlink(temporary.path) } }
    try fill(temporaries)
    for temporary in temporaries { try DurableFile.sync(temporary.path) }
    let deferral = SignalDeferral()
    defer { deferral.end() }
    for (temporary, target) in zip(temporaries, targets) where rename(temporary.path, target.path) != 0 {
      throw OutputError.system("cannot move the new \(target.lastPathComponent) into place")
    }
    for folder in Set(targets.map { $0.deletingLastPathComponent().path }) { try DurableFile.syncFolder(folder) }
  }
}
