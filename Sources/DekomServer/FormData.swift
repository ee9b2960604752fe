import Foundation

/// The fields of an HTML form, from a query string or an `application/x-www-form-urlencoded` body.
struct FormData: Sendable, Equatable {
  /// Why a form could not be read.
  struct MalformedError: Error, CustomStringConvertible {
    var description: String
  }

  /// Name and value pairs, in the order sent.
  private(set) var pairs: [(name: String, value: String)] = []

  /// At most this many fields: the largest form (a county's what-if) has a few hundred.
  static let maximumFields = 2_000

  init(pairs: [(name: String, value: String)] = []) { self.pairs = pairs }

  /// Reads `name=value&name=value`, with `+` for space and `%XX` escapes of UTF-8 bytes.
  ///
  /// - Throws: ``MalformedError`` for a bad escape, text that is not UTF-8, or too many fields.
  init(urlEncoded text: Substring) throws(MalformedError) {
    guard !text.isEmpty else { return }
    let parts = text.split(separator: "&", omittingEmptySubsequences: true)
    guard parts.count <= Self.maximumFields else {
      throw MalformedError(description: "the form has \(parts.count) fields; at most \(Self.maximumFields) are read.")
    }
    for part in parts {
      let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = try Self.decode(halves[0])
      let value = try halves.count > 1 ? Self.decode(halves[1]) : ""
      pairs.append((name, value))
    }
  }

  static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
  }

  /// The first value of `name`, or `nil`.
  subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

  /// Every value of `name`, in order.
  func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

  /// `name=value&…` with everything but unreserved characters percent-escaped.
  static func encode(_ pairs: [(name: String, value: String)]) -> String {
    func escape(_ text: String) -> String {
      text.utf8.map { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
          UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
          String(UnicodeScalar(byte))
        default: String(format: "%%%02X", byte)
        }
      }.joined()
    }
    return pairs.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
  }

  private static func decode(_ text: Substring) throws(MalformedError) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
      case UInt8(ascii: "%"):
        guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
          throw MalformedError(description: "a field has a % that is not followed by two hexadecimal digits.")
        }
        bytes.append(high << 4 | low)
      default: bytes.append(byte)
      }
    }
    guard let decoded = String(validating: bytes, as: UTF8.self) else {
      throw MalformedError(description: "a field is not UTF-8 text.")
    }
    return decoded
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
