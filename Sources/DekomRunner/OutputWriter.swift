import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a set of files so that either all of them change or none does, and never over an input.
///
/// Each file is first written in full to a temporary file beside its target, then all are renamed
/// into place (`rename(2)` is atomic within one file system) while interrupts wait. `dekom run`,
/// `compare` and `export` all write through it.
public struct OutputWriter: Sendable {
  /// Why nothing was written.
  public struct Refusal: Error, CustomStringConvertible {
    public var description: String
  }

  /// Resolved paths that must never be written.
  let protectedPaths: Set<String>

  /// - Parameter inputs: files no output may replace (symbolic links are resolved).
  public init(protecting inputs: [URL]) {
    protectedPaths = Set(inputs.map(Self.resolved))
  }

  static func resolved(_ url: URL) -> String { url.resolvingSymlinksInPath().standardizedFileURL.path }

  /// Writes `files` (name → contents) into `directory`, creating it when missing.
  ///
  /// - Throws: ``Refusal`` when a target is an input file or cannot be written; then no target changes.
  public func write(_ files: [(name: String, contents: String)], into directory: URL) throws(Refusal) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw Refusal(description: "cannot create the output folder \(directory.path): \(error.localizedDescription)")
    }
    let targets = files.map { directory.appendingPathComponent($0.name) }
    do {
      try write(to: targets) { temporaries in
        for (file, temporary) in zip(files, temporaries)
        where !FileManager.default.createFile(atPath: temporary.path, contents: Data(file.contents.utf8)) {
          throw Refusal(description: "cannot write in \(directory.path): check that the folder is writable.")
        }
      }
    } catch let refusal as Refusal {
      throw refusal
    } catch {
      throw Refusal(description: "\(error)")
    }
  }

  /// Writes the files at `targets`: `fill` writes each one's contents to the temporary path it is
  /// given (same order), and only when it returns are they all moved into place.
  ///
  /// - Throws: ``Refusal`` when a target is an input file or cannot be moved into place, or what
  ///   `fill` throws; then no target changes.
  public func write(to targets: [URL], fill: ([URL]) throws -> Void) throws {
    for target in targets where protectedPaths.contains(Self.resolved(target)) {
      throw Refusal(description: "refusing to write \(target.path): it is an input file. Choose another output path.")
    }
    let pid = ProcessInfo.processInfo.processIdentifier
    let temporaries = targets.map { $0.deletingLastPathComponent().appendingPathComponent(".\($0.lastPathComponent).\(pid).tmp") }
    defer { for temporary in temporaries { unlink(temporary.path) } }
    try fill(temporaries)
    // From the first rename to the last, an interrupt waits: no mix of old and new is left.
    let deferral = SignalDeferral()
    defer { deferral.end() }
    for (temporary, target) in zip(temporaries, targets) where rename(temporary.path, target.path) != 0 {
      throw Refusal(description: "cannot move the new \(target.lastPathComponent) into place: \(String(cString: strerror(errno))).")
    }
  }
}
