import GrantAllocation

/// `utbetalinger.csv`: every payment (scheme, recipient, recipient id, purpose, date, amount) for a
/// Norwegian Excel (`;`, dates as `30.06.2027`, UTF-8 with a byte order mark), in the settlement's
/// order; per scheme the amounts add up to the money the scheme allocates.
public struct PaymentsCSV: ReportRenderer {
  let input: ReportInput

  public init(_ input: ReportInput) { self.input = input }

  /// The file's text.
  public func render() -> String {
    let rows = input.paymentRows.map { payment in
      [payment.scheme, payment.recipient, payment.recipientID, payment.purpose, Self.norwegianDate(payment.date), String(payment.amount)]
    }
    return CSVFormat.norwegianExcel.file([messages.paymentSheetColumns] + rows)
  }

  /// `2027-06-30` as a Norwegian Excel reads a date: `30.06.2027` (any other text as it is).
  static func norwegianDate(_ iso: String) -> String {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3 else { return iso }
    return "\(parts[2]).\(parts[1]).\(parts[0])"
  }
}
