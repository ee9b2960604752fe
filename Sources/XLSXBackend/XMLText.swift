/// Text as an XLSX file can hold it. libxlsxwriter escapes `& < >` (and, in cells only, the
/// C0 controls), but a character XML 1.0 does not allow at all (controls other than tab, line
/// feed and carriage return; U+FFFE, U+FFFF) would make the file one Excel calls damaged, and a
/// cell holds at most 32 767 characters. Input text reaches the workbook (titles, names, reasons),
/// so it is cleaned before it reaches C rather than refused: the innstilling is still written.
enum XMLText {
  /// The most characters a cell holds (Excel's limit).
  static let maximumLength = WorkbookValidator.maximumTextLength

  /// `text` with each character XML does not allow replaced by U+FFFD, cut to
  /// ``maximumLength`` characters (the last one then "…").
  static func cleaned(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let allowed = scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r"
      scalars.append(allowed && scalar.value != 0xFFFE && scalar.value != 0xFFFF ? scalar : "\u{FFFD}")
    }
    guard scalars.count > maximumLength else { return String(scalars) }
    return String(String.UnicodeScalarView(scalars.prefix(maximumLength - 1))) + "…"
  }
}
