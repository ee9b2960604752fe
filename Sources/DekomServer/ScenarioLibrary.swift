import Foundation
import ScenarioFiles
import ScenarioFormat

/// The scenarios `dekom serve DIR` shows: DIR itself when it holds `scenario.yaml`, otherwise every
/// folder right under DIR that holds one.
///
/// Pages name a scenario by its folder's name and a variant by its file name; the server looks
/// those names up among the folders and files found here and never turns a part of an address into
/// a path. Symbolic links are followed only where they end inside DIR.
struct ScenarioLibrary: Sendable {
  /// DIR with every symbolic link resolved.
  let root: URL
  /// DIR as the user gave it, for the pages.
  let displayName: String

  /// - Throws: ``ServeError`` when DIR is not a folder.
  init(directory: String) throws(ServeError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ServeError(directory: directory)
    }
    root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL
    displayName = directory
  }

  /// Whether `url`, with its links resolved, is DIR or inside it.
  func contains(_ url: URL) -> Bool {
    let path = url.resolvingSymlinksInPath().standardizedFileURL.path
    return path == root.path || path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/")
  }

  /// The scenarios by name, sorted by name.
  func scenarios() -> [(name: String, folder: URL)] {
    let manager = FileManager.default
    if manager.fileExists(atPath: root.appendingPathComponent(ScenarioSchema.Settings.fileName).path) {
      return [(Self.pageName(root.lastPathComponent), root)]
    }
    let children = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
    return children.sorted().compactMap { child -> (String, URL)? in
      guard !child.hasPrefix("."), Self.isPageName(child) else { return nil }
      let folder = root.appendingPathComponent(child)
      guard contains(folder), manager.fileExists(atPath: folder.appendingPathComponent(ScenarioSchema.Settings.fileName).path) else {
        return nil
      }
      return (child, folder.resolvingSymlinksInPath())
    }
  }

  /// The folder of the scenario called `name` on the pages, or `nil`.
  func folder(named name: String) -> URL? {
    scenarios().first { $0.name == name }?.folder
  }

  /// Input files of a scenario that are links to somewhere outside DIR (they are not read).
  func linksOutside(_ folder: URL) -> [String] {
    let variants = folder.appendingPathComponent(VariantFile.folderName)
    let variantFiles = ((try? FileManager.default.contentsOfDirectory(atPath: variants.path)) ?? []).sorted()
      .map { "\(VariantFile.folderName)/\($0)" }
    let names = ScenarioLoader.inputFiles + [VariantFile.folderName] + variantFiles
    return names.filter { name in
      let url = folder.appendingPathComponent(name)
      return FileManager.default.fileExists(atPath: url.path) && !contains(url)
    }
  }

  /// Whether a name can stand in a page's address as it is: 1–64 ASCII letters, digits, - and _.
  static func isPageName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64
      && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
  }

  /// A folder name made fit for an address (DIR itself may be called anything).
  static func pageName(_ name: String) -> String {
    let kept = String(name.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") })
    return kept.isEmpty ? "scenario" : String(kept.prefix(64))
  }
}

/// Why `dekom serve` cannot start: the folder it was given is not a folder.
struct ServeError: Error {
  var directory: String
}
