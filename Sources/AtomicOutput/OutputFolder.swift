import CFolderExchange
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one atomic writer of dekom's outputs: a set of files in one folder changes all at once, or
/// not at all — also when the process is killed (`kill -9`) or the power fails at any moment.
///
/// How: the folder's new state is built beside it in a hidden folder (`.out.staged-PID`) — the
/// new files written and flushed, every other entry of the old folder hard-linked in (no copy of
/// their bytes) — and then the two folders are exchanged with one `renameat2(RENAME_EXCHANGE)`,
/// after which the old state is removed. Every step before the exchange leaves the folder as it
/// was; every step after it leaves the new folder. Hidden folders of dead processes are removed
/// by the next write. Writers of the same folder take turns (`flock` on the parent folder).
///
/// Only a folder that holds nothing but dekom's outputs is exchanged (`outputNames`, in it and in
/// its subfolders, such as a variant's `out/NAME/`); a folder that holds anything else (say
/// `--out /tmp`) is never replaced: there each file is replaced on its own (each atomically, not
/// the set).
///
/// A file name may have one folder in front (`vedtak/trondheim.md`): such a folder of outputs
/// (`outputFolders`) is written whole, so that a letter to a recipient no longer paid does not
/// stay behind.
public struct OutputFolder: Sendable {
  /// The folder written.
  public let url: URL
  /// The names of every file dekom writes into an output folder.
  public let outputNames: Set<String>
  /// Subfolders dekom writes whole, each with the endings of the files it holds (`vedtak` → `.md`,
  /// `.html`): a folder of that name holding only such files is an output.
  public let outputFolders: [String: Set<String>]

  public init(_ url: URL, outputNames: Set<String>, outputFolders: [String: Set<String>] = [:]) {
    self.url = url.standardizedFileURL
    self.outputNames = outputNames
    self.outputFolders = outputFolders
  }

  /// The folder in front of a file name (`vedtak` of `vedtak/x.md`), or `nil`.
  static func subfolder(of name: String) -> String? {
    guard let slash = name.firstIndex(of: "/") else { return nil }
    return String(name[..<slash])
  }

  /// The entry of the output folder a file name writes: the file, or the folder in front of it.
  static func topEntry(of name: String) -> String { subfolder(of: name) ?? name }

  /// Replaces (or adds) `files` in the folder, creating it when missing; every other entry stays.
  ///
  /// - Throws: ``OutputError``; then the folder is as it was.
  public func replace(_ files: [(name: String, contents: Data)]) throws(OutputError) {
    let manager = FileManager.default
    let parent = url.deletingLastPathComponent()
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw OutputError("cannot create the folder \(parent.path): \(OutputError.words(for: error))")
    }
    let lock = try FolderLock(parent.path)
    defer { lock.release() }
    removeStaleFolders(in: parent)
    var isDirectory: ObjCBool = false
    let exists = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
    if exists && !isDirectory.boolValue { throw OutputError("\(url.path) is a file, not a folder. Choose another output folder.") }
    guard !exists || holdsOnlyOutputs(url) else {
      try replaceOneByOne(files)
      return
    }
    let staged = parent.appendingPathComponent(DurableFile.temporaryName(for: url.lastPathComponent, kind: "staged"))
    try? manager.removeItem(at: staged)
    // Until the exchange, an interrupt waits and a failure removes the staged folder: the old stays.
    let deferral = SignalDeferral()
    defer { deferral.end() }
    do throws(OutputError) {
      guard mkdir(staged.path, 0o755) == 0 else { throw OutputError.system("cannot create a folder beside \(url.path)") }
      if exists { try linkEntries(of: url, into: staged, except: Set(files.map { Self.topEntry(of: $0.name) })) }
      let subfolders = Set(files.compactMap { Self.subfolder(of: $0.name) }).sorted()
      for folder in subfolders where mkdir(staged.appendingPathComponent(folder).path, 0o755) != 0 {
        throw OutputError.system("cannot create the folder \(folder) beside \(url.path)")
      }
      for file in files { try DurableFile.create(staged.appendingPathComponent(file.name).path, data: file.contents) }
      for folder in subfolders { try DurableFile.syncFolder(staged.appendingPathComponent(folder).path) }
      try DurableFile.syncFolder(staged.path)
      DurableFile.faultPoint("staged")
      try FolderSwitch.move(staged, into: url, replacing: exists)
    } catch {
      try? manager.removeItem(at: staged)
      throw error
    }
    try DurableFile.syncFolder(parent.path)
    DurableFile.faultPoint("exchanged")
    // The staged name now holds the old folder.
    try? manager.removeItem(at: staged)
  }

  /// Whether `folder` holds nothing but dekom's outputs (and subfolders that do), so that it may be
  /// exchanged for a new one.
  func holdsOnlyOutputs(_ folder: URL) -> Bool {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
    return entries.allSatisfy { name in
      if outputNames.contains(name) || name.hasSuffix(".tmp") && name.hasPrefix(".") { return true }
      var isDirectory: ObjCBool = false
      let path = folder.appendingPathComponent(name)
      if let endings = outputFolders[name] { return holdsOnlyFiles(path, endingIn: endings) }
      return FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) && isDirectory.boolValue
        && !isSymbolicLink(path) && holdsOnlyOutputs(path)
    }
  }

  /// Whether `folder` is a real folder that holds only plain files with one of `endings` (and
  /// temporary files of a write).
  private func holdsOnlyFiles(_ folder: URL, endingIn endings: Set<String>) -> Bool {
    guard !isSymbolicLink(folder), let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
    return entries.allSatisfy { name in
      let path = folder.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory), !isDirectory.boolValue, !isSymbolicLink(path)
      else { return false }
      return endings.contains { name.hasSuffix($0) } || name.hasPrefix(".") && name.hasSuffix(".tmp")
    }
  }

  private func isSymbolicLink(_ url: URL) -> Bool {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
  }

  /// Hard-links every entry of `source` except `excluded` (and stale temporary files) into `target`,
  /// folders recreated; a file system without hard links gets copies.
  private func linkEntries(of source: URL, into target: URL, except excluded: Set<String>) throws(OutputError) {
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: source.path)
    } catch {
      throw OutputError("cannot read the folder \(source.path): \(OutputError.words(for: error))")
    }
    for name in entries.sorted() where !excluded.contains(name) && !(name.hasPrefix(".") && name.hasSuffix(".tmp")) {
      let from = source.appendingPathComponent(name)
      let to = target.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: from.path, isDirectory: &isDirectory)
      if isDirectory.boolValue {
        guard mkdir(to.path, 0o755) == 0 else { throw OutputError.system("cannot create \(to.path)") }
        try linkEntries(of: from, into: to, except: [])
        try DurableFile.syncFolder(to.path)
      } else if link(from.path, to.path) != 0 {
        do {
          try FileManager.default.copyItem(at: from, to: to)
        } catch {
          throw OutputError("cannot keep \(from.path) in the new outputs: \(OutputError.words(for: error))")
        }
      }
    }
  }

  /// In a folder that holds other files too: each file written beside its target, flushed, and
  /// renamed over it (each file atomic; the set is not).
  private func replaceOneByOne(_ files: [(name: String, contents: Data)]) throws(OutputError) {
    var temporaries: [(temporary: String, target: String)] = []
    defer { for entry in temporaries { unlink(entry.temporary) } }
    for folder in Set(files.compactMap { Self.subfolder(of: $0.name) }).sorted() {
      let path = url.appendingPathComponent(folder).path
      guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw OutputError.system("cannot create the folder \(path)") }
    }
    for file in files {
      let target = url.appendingPathComponent(file.name)
      let temporary = target.deletingLastPathComponent()
        .appendingPathComponent(DurableFile.temporaryName(for: target.lastPathComponent, kind: "new") + ".tmp").path
      unlink(temporary)
      temporaries.append((temporary, target.path))
      try DurableFile.create(temporary, data: file.contents)
    }
    let deferral = SignalDeferral()
    defer { deferral.end() }
    for entry in temporaries where rename(entry.temporary, entry.target) != 0 {
      throw OutputError.system("cannot move the new \(URL(fileURLWithPath: entry.target).lastPathComponent) into place")
    }
    temporaries.removeAll()
    for folder in Set(files.compactMap { Self.subfolder(of: $0.name) }).sorted() {
      try DurableFile.syncFolder(url.appendingPathComponent(folder).path)
    }
    try DurableFile.syncFolder(url.path)
  }

  /// Removes the staged folders of writers that died, and their temporary files in the folder.
  private func removeStaleFolders(in parent: URL) {
    let manager = FileManager.default
    let name = url.lastPathComponent
    for entry in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] {
      if let pid = DurableFile.processID(inTemporaryName: entry, for: name, kind: "staged"), !DurableFile.isRunning(pid) {
        try? manager.removeItem(at: parent.appendingPathComponent(entry))
      }
      // The old folder moved aside by a two-step switch that died before the new one was in.
      if let pid = DurableFile.processID(inTemporaryName: entry, for: name, kind: "aside"), !DurableFile.isRunning(pid) {
        let aside = parent.appendingPathComponent(entry)
        if !manager.fileExists(atPath: url.path) { _ = rename(aside.path, url.path) } else { try? manager.removeItem(at: aside) }
      }
    }
    for entry in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
      // `.NAME.PID.tmp` (older dekom) and `.NAME.new-PID.tmp` (a one-by-one write that died).
      let digits = entry.dropLast(4).reversed().prefix { $0.isNumber }.reversed()
      if let pid = Int32(String(digits)), !DurableFile.isRunning(pid) { unlink(url.appendingPathComponent(entry).path) }
    }
  }
}

/// An exclusive lock on a folder (`flock`), so that two dekom processes writing outputs beside
/// each other take turns.
struct FolderLock {
  private let descriptor: Int32

  init(_ path: String) throws(OutputError) {
    descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .system("cannot open the folder \(path)") }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else {
        close(descriptor)
        throw .system("cannot lock the folder \(path)")
      }
    }
  }

  func release() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
