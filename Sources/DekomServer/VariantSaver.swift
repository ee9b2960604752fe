import AtomicOutput
import Foundation
import ScenarioFiles
import ScenarioFormat
import UserMessages

/// Saves a what-if as `variants/NAME.yaml` in a scenario folder through the one atomic writer
/// (``AtomicFile``): written in full and flushed beside its target, then linked (new name) or
/// renamed (over an existing variant, only when asked) into place, so the folder never holds half
/// a file, even after a power loss.
struct VariantSaver {
  enum SaveError: Error, Equatable {
    /// `variants/NAME.yaml` exists and writing over it was not asked for.
    case exists
    /// The name cannot be a variant's name.
    case invalidName(IssueText)
    /// The file could not be written (the page words why, in its language).
    case cannotWrite(WriteFailure)
  }

  /// Why a variant's file could not be written; `reason` is the system's words.
  enum WriteFailure: Sendable, Equatable {
    case cannotCreateFolder(folder: String, reason: String)
    case folderOutside(folder: String)
    case cannotWrite(file: String, reason: String)
  }

  let scenarioFolder: URL
  let library: ScenarioLibrary

  /// Checks a variant's name: 1–64 ASCII letters, digits, - and _, as a page's address needs.
  static func check(name: String) -> SaveError? {
    guard ScenarioLibrary.isPageName(name), !name.hasPrefix("-") else {
      return .invalidName(.variantNameNotValid(name))
    }
    guard !reservedOnWindows.contains(name.uppercased()) else {
      return .invalidName(.variantNameReserved(name))
    }
    return nil
  }

  /// File names Windows reserves for devices, whatever the extension (`CON.yaml` too).
  static let reservedOnWindows: Set<String> = Set(
    ["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

  /// Writes `contents` to `variants/NAME.yaml`.
  ///
  /// - Returns: the file's path inside the scenario folder, e.g. `variants/rekom-kutt.yaml`.
  /// - Throws: ``SaveError``; then nothing in the folder has changed.
  @discardableResult
  func save(name: String, contents: String, overwrite: Bool) throws(SaveError) -> String {
    if let refusal = Self.check(name: name) { throw refusal }
    let manager = FileManager.default
    let folder = scenarioFolder.appendingPathComponent(VariantFile.folderName)
    if !manager.fileExists(atPath: folder.path) {
      do {
        try manager.createDirectory(at: folder, withIntermediateDirectories: false)
      } catch {
        throw .cannotWrite(.cannotCreateFolder(folder: VariantFile.folderName, reason: OutputError.words(for: error)))
      }
    }
    // A variants folder that is a link out of the served folder is not written to.
    guard library.contains(folder) else {
      throw .cannotWrite(.folderOutside(folder: VariantFile.folderName))
    }
    let relative = VariantFile.fileName(name)
    let target = folder.appendingPathComponent(name + ScenarioSchema.Variant.fileExtension)
    if !overwrite && manager.fileExists(atPath: target.path) { throw .exists }
    do {
      guard try AtomicFile.write(Data(contents.utf8), to: target, replacing: overwrite) == .written else { throw SaveError.exists }
    } catch let error as OutputError {
      throw .cannotWrite(.cannotWrite(file: relative, reason: error.description))
    } catch {
      throw .exists
    }
    return relative
  }
}
