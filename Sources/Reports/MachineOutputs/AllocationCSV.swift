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
    var lines = [CSVFormat.machine.line(Self.header)]
    for (index, measure) in result.scenario.indexedMeasures {
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
      lines.append(CSVFormat.machine.line(cells))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A cell as `allocation.csv` writes it (``CSVFormat/machine``).
  static func escape(_ cell: String) -> String { CSVFormat.machine.escape(cell) }
}
