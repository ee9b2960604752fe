/// How a CSV file separates cells and writes decimals, and how it keeps a cell from becoming a
/// formula.
struct CSVFormat {
  let separator: Character
  let decimalMark: Character

  /// RFC 4180 for machines: `,` between cells, `.` in decimals (`allocation.csv`).
  static let machine = CSVFormat(separator: ",", decimalMark: ".")
  /// What a Norwegian Excel opens without asking: `;` between cells, `,` in decimals (`tiltak.csv`,
  /// `utbetalinger.csv`).
  static let norwegianExcel = CSVFormat(separator: ";", decimalMark: ",")

  /// A cell as RFC 4180 writes it; text that a spreadsheet would run as a formula (it begins with
  /// `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's rule) gets a `'` in front, so Excel
  /// shows it as text. Plain numbers, negative ones too, stay numbers. A cell holding the
  /// separator, a quote, a `'` or a line break is quoted, its quotes doubled.
  func escape(_ cell: String) -> String {
    var cell = cell
    if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), !isNumber(cell) {
      cell = "'" + cell
    }
    guard cell.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "'" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Whether `cell` is a plain decimal number in this format, such as `-12` or `0.25` (`0,25`).
  func isNumber(_ cell: String) -> Bool {
    var digits = Substring(cell).unicodeScalars.dropFirst(cell.hasPrefix("-") ? 1 : 0)
    guard !digits.isEmpty else { return false }
    if let point = digits.firstIndex(where: { Character($0) == decimalMark }) {
      let fraction = digits[digits.index(after: point)...]
      guard !fraction.isEmpty, fraction.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
      digits = digits[..<point]
    }
    return !digits.isEmpty && digits.allSatisfy { ("0"..."9").contains($0) }
  }

  /// One line of escaped cells, without its line break.
  func line(_ cells: [String]) -> String { cells.map(escape).joined(separator: String(separator)) }

  /// A number with as few decimals as it needs (at most six), in this format's decimal mark.
  func number(_ value: Double) -> String {
    let plain = AllocationJSON.plain(value)
    return decimalMark == "." ? plain : plain.replacingOccurrences(of: ".", with: String(decimalMark))
  }

  /// The whole file: CRLF line ends, and for a Norwegian Excel a byte order mark first, so that
  /// Excel reads it as UTF-8 (æ, ø, å).
  func file(_ lines: [[String]]) -> String {
    let body = lines.map(line).joined(separator: "\r\n") + "\r\n"
    return self.separator == ";" ? "\u{FEFF}" + body : body
  }
}
