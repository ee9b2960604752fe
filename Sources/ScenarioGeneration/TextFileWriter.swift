import Foundation

/// Writes a text file in pieces through a buffer, so that a million-row CSV never sits in memory.
final class TextFileWriter {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private static let flushSize = 1 << 20

  /// Creates (or empties) the file at `url`.
  init(_ url: URL) throws {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw GenerationError("cannot create \(url.path): check that the folder is writable.")
    }
    handle = try FileHandle(forWritingTo: url)
    buffer.reserveCapacity(Self.flushSize + 4096)
  }

  func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= Self.flushSize { try flush() }
  }

  /// Writes one CSV row with `;` between the cells, quoting where needed, and a line feed.
  func writeRow(_ cells: [String]) throws {
    var first = true
    for cell in cells {
      if !first { buffer.append(UInt8(ascii: ";")) }
      first = false
      buffer.append(contentsOf: CSVText.cell(cell).utf8)
    }
    buffer.append(UInt8(ascii: "\n"))
    if buffer.count >= Self.flushSize { try flush() }
  }

  private func flush() throws {
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is left and closes the file.
  func close() throws {
    try flush()
    try handle.synchronize()
    try handle.close()
  }
}

/// CSV cells as dekom's loader (and Excel) read them, with `;` as the separator.
public enum CSVText {
  /// `text` as one cell: quoted, with inner quotes doubled, when it holds the separator, a quote,
  /// a line break, or space at either end (which the loader would otherwise trim).
  public static func cell(_ text: String) -> String {
    let needsQuotes =
      text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "," })
      || text.first?.isWhitespace == true || text.last?.isWhitespace == true
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

/// Why a region could not be written.
public struct GenerationError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
