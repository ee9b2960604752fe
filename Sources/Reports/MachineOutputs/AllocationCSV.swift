import GrantAllocation

/// `allocation.csv`: one row per measure, for machines (RFC 4180, `,` separator, `.` decimals).
public struct AllocationCSV: ReportRenderer {
  let input: ReportInput

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
  static func escape(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
