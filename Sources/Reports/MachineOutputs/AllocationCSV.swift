import GrantAllocation

/// `allocation.csv`: one row per measure, for machines (RFC 4180, `,` separator, `.` decimals).
public struct AllocationCSV: ReportRenderer {
  let input: ReportInput
  /// Names as they are: CSV and JSON are not Markdown.
  var names: NameBook { input.names }

  public init(_ input: ReportInput) { self.input = input }

  static let header = [
    "id", "network", "scheme", "rank", "title", "status", "share", "grant_nok", "partner_nok", "total_nok",
    "partners", "pool_hours", "partner2_hours", "reasons",
  ]

  public func render() -> String {
    var lines = [Self.header.map(Self.escape).joined(separator: ",")]
    for (index, measure) in result.scenario.measures.enumerated() {
      let outcome = result.outcomes[index]
      let money = settlement.measures[index]
      let hours = { (role: PartnerRole) in outcome.partners.filter { $0.role == role }.reduce(0) { $0 + $1.hours } }
      let cells = [
        measure.id.rawValue, measure.holder.description, measure.scheme.rawValue, String(measure.rank), measure.title,
        outcome.status.rawValue, AllocationJSON.plain(outcome.share), String(money.grant),
        String(money.partners.reduce(0) { $0 + $1.money }), String(money.total),
        Array(Set(outcome.partners.map(\.partner.rawValue))).sorted().joined(separator: "|"),
        AllocationJSON.plain(hours(.pool)), AllocationJSON.plain(hours(.partner2)),
        outcome.reasons.map { messages.reason($0, names: names) }.joined(separator: " "),
      ]
      lines.append(cells.map(Self.escape).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes.
  /// A cell as RFC 4180 writes it; text that a spreadsheet would run as a formula (it begins with
  /// `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's rule) gets a `'` in front, so Excel
  /// shows it as text. Plain numbers, negative ones too, stay numbers.
  static func escape(_ cell: String) -> String {
    var cell = cell
    if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), !isNumber(cell) {
      cell = "'" + cell
    }
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "'" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Whether `cell` is a plain decimal number such as `-12` or `0.25`.
  static func isNumber(_ cell: String) -> Bool {
    var digits = cell.unicodeScalars.dropFirst(cell.hasPrefix("-") ? 1 : 0)
    guard !digits.isEmpty else { return false }
    if let point = digits.firstIndex(of: ".") {
      let fraction = digits[digits.index(after: point)...]
      guard !fraction.isEmpty, fraction.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
      digits = digits[..<point]
    }
    return !digits.isEmpty && digits.allSatisfy { ("0"..."9").contains($0) }
  }
}
