/// Trimming without Foundation's bridged `trimmingCharacters(in:)`, which was about a third of the
/// load time at 10⁴ measures (`perf record` on `dekom check`). The sets are Foundation's on
/// Linux, checked scalar by scalar: `.whitespaces` is Unicode category Zs, tab and U+200B (zero
/// width space); `.whitespacesAndNewlines` adds Zl, Zp, U+000A–U+000D and U+0085.
enum Blanks {
  /// Foundation's `CharacterSet.whitespaces`.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || scalar == "\t" }
    return scalar.properties.generalCategory == .spaceSeparator || scalar.value == 0x200B
  }

  /// Foundation's `CharacterSet.whitespacesAndNewlines`.
  static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
    switch scalar.properties.generalCategory {
    case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
    default: return scalar.value == 0x85 || scalar.value == 0x200B
    }
  }

  /// `text` without spaces (and tabs) at either end.
  static func trimmed(_ text: String) -> String { trimmed(text, where: isSpace) }

  /// `text` without spaces, tabs and line breaks at either end.
  static func trimmedLines(_ text: String) -> String { trimmed(text, where: isSpaceOrNewline) }

  private static func trimmed(_ text: String, where blank: (Unicode.Scalar) -> Bool) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else {
      return ""
    }
    if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
    return String(scalars[first...last])
  }
}

extension String {
  /// The lines, ended by LF, CRLF or CR (Excel and Windows editors write CRLF, which Swift sees as
  /// one character), without their ends.
  var linesOfAnyEnding: [Substring] {
    split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
  }
}
