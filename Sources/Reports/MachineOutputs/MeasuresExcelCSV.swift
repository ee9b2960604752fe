import GrantAllocation

/// `tiltak.csv`: the measures for a Norwegian Excel (`;`, decimal comma, UTF-8 with a byte order
/// mark), one row per measure in the innstilling's order, with the report language's headers and
/// decisions and the same kroner and whole hours as `innstilling.xlsx`'s measures sheet.
public struct MeasuresExcelCSV: ReportRenderer {
  let input: ReportInput

  public init(_ input: ReportInput) { self.input = input }

  /// The file's text.
  public func render() -> String {
    let format = CSVFormat.norwegianExcel
    let rows = input.measureRows.map { measure in
      [
        measure.id, measure.holder, measure.scheme, String(measure.rank), measure.title, measure.participants.map(String.init) ?? "",
        measure.status, format.number(measure.sharePercent), String(measure.grant), String(measure.partnerMoney), String(measure.total),
        String(measure.poolHours), String(measure.partner2Hours), measure.partners, measure.reasons,
      ]
    }
    return format.file([messages.measureSheetColumns] + rows)
  }
}
