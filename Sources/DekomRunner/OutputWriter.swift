import Foundation

/// Writes a set of files into a folder so that either all of them change or none does.
///
/// Each file is first written in full to a temporary file in the same folder, then all are renamed
/// into place (`rename(2)` is atomic within one file system). Nothing is ever written over an input.
struct OutputWriter {
  struct Refusal: Error, CustomStringConvertible {
    var description: String
  }

  let directory: URL
  /// Resolved paths that must never be written.
  let protectedPaths: Set<String>

  init(directory: URL, protecting inputs: [URL]) {
    self.directory = directory
    protectedPaths = Set(inputs.map { $0.resolvingSymlinksInPath().standardizedFileURL.path })
  }

  /// Writes `files` (name → contents).
  ///
  /// - Throws: ``Refusal`` when a target is an input file or cannot be written; then no target changes.
  func write(_ files: [(name: String, contents: String)]) throws {
    let manager = FileManager.default
    do {
      try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw Refusal(description: "cannot create the output folder \(directory.path): \(error.localizedDescription)")
    }
    let targets = files.map { directory.appendingPathComponent($0.name) }
    for target in targets where protectedPaths.contains(target.resolvingSymlinksInPath().standardizedFileURL.path) {
      throw Refusal(description: "refusing to write \(target.path): it is an input file. Choose another --out folder.")
    }
    // From the first temporary file to the last rename, an interrupt waits: no partial file is left.
    let deferral = SignalDeferral()
    var temporaries: [URL] = []
    defer {
      for temporary in temporaries { try? manager.removeItem(at: temporary) }
      deferral.end()
    }
    for (file, target) in zip(files, targets) {
      let temporary = directory.appendingPathComponent(".\(file.name).\(ProcessInfo.processInfo.processIdentifier).tmp")
      temporaries.append(temporary)
      guard manager.createFile(atPath: temporary.path, contents: Data(file.contents.utf8)) else {
        throw Refusal(description: "cannot write \(target.path): check that the folder is writable.")
      }
    }
    for (temporary, target) in zip(temporaries, targets) {
      guard rename(temporary.path, target.path) == 0 else {
        throw Refusal(description: "cannot move the new \(target.lastPathComponent) into place: \(String(cString: strerror(errno))).")
      }
    }
    temporaries.removeAll()
  }
}
