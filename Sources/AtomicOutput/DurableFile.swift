import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why an output could not be written; nothing the writer was asked to change has changed.
public struct OutputError: Error, Sendable, CustomStringConvertible {
  public var description: String

  public init(_ description: String) { self.description = description }

  /// A Foundation file error in the same plain words (never "NSCocoaErrorDomain"): the system's
  /// reason underneath it, or a general one.
  public static func words(for error: any Error) -> String {
    let error = error as NSError
    let posix = error.domain == NSPOSIXErrorDomain ? error : error.userInfo[NSUnderlyingErrorKey] as? NSError
    if let posix, posix.domain == NSPOSIXErrorDomain { return reason(Int32(posix.code)) }
    switch error.code {
    case NSFileWriteOutOfSpaceError: return reason(ENOSPC)
    case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return reason(EACCES)
    case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
    default: return "the file system refused"
    }
  }

  /// The words for the `errno` of a failed call, with what a user can do about the common ones.
  static func system(_ what: String, _ code: Int32 = errno) -> OutputError {
    OutputError("\(what): \(reason(code)).")
  }

  /// The reason for an `errno`, with what to do for the common ones (no full stop).
  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOSPC, EDQUOT: "the disk is full (or the disk quota is used up). Free some space and run again"
    case EACCES, EPERM, EROFS: "no permission to write there. Choose a folder you may write to"
    default: String(cString: strerror(code))
    }
  }
}

/// Files written to the disk for good: each is flushed (`fsync`) before it is moved into place,
/// and so is the folder that names it, so that a power loss cannot leave an empty or half file
/// under a name that was switched.
enum DurableFile {
  /// Creates `path` (which must not exist) with `data`, flushed to the disk.
  static func create(_ path: String, data: Data) throws(OutputError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .system("cannot create \(path)") }
    defer { close(descriptor) }
    var failure: OutputError?
    data.withUnsafeBytes { buffer in
      guard let start = buffer.baseAddress else { return }  // no bytes: nothing to write
      var written = 0
      while written < buffer.count {
        let count = write(descriptor, start + written, buffer.count - written)
        if count < 0 {
          if errno == EINTR { continue }
          failure = .system("cannot write \(path)")
          return
        }
        written += count
      }
    }
    if let failure { throw failure }
    guard fsync(descriptor) == 0 else { throw .system("cannot write \(path) to the disk") }
  }

  /// Flushes a file that another writer (GLPK) wrote to the disk.
  static func sync(_ path: String) throws(OutputError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .system("cannot open \(path)") }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw .system("cannot write \(path) to the disk") }
  }

  /// Flushes a folder's entries (new, removed and renamed names) to the disk.
  static func syncFolder(_ path: String) throws(OutputError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .system("cannot open the folder \(path)") }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw .system("cannot write the folder \(path) to the disk") }
  }

  /// Whether the process `pid` is running (a temporary name with a dead process's id is stale).
  static func isRunning(_ pid: Int32) -> Bool { pid > 0 && (kill(pid, 0) == 0 || errno == EPERM) }

  /// The process id in a temporary name made by ``temporaryName(for:kind:)``, if it is one.
  static func processID(inTemporaryName name: String, for target: String, kind: String) -> Int32? {
    let prefix = ".\(target).\(kind)-"
    guard name.hasPrefix(prefix) else { return nil }
    return Int32(name.dropFirst(prefix.count).prefix { $0.isNumber })
  }

  /// `.TARGET.KIND-PID`: a hidden name beside `target` that says which process made it.
  static func temporaryName(for target: String, kind: String) -> String {
    ".\(target).\(kind)-\(ProcessInfo.processInfo.processIdentifier)"
  }

  #if DEBUG
    /// Tests only (debug builds): `DEKOM_FAULT_KILL_AT=STEP` ends the process with SIGKILL at that
    /// step of a write, as a power loss or `kill -9` would.
    static func faultPoint(_ step: String) {
      if ProcessInfo.processInfo.environment["DEKOM_FAULT_KILL_AT"] == step { kill(getpid(), SIGKILL) }
    }
  #else
    @inline(__always) static func faultPoint(_ step: String) {}
  #endif
}
