import GrantAllocation

/// The words of `innstilling.xlsx` and of the CSV files for a Norwegian Excel (`tiltak.csv`,
/// `utbetalinger.csv`) (part of ``Messages``). Where a sheet shows what an innstilling table
/// shows, it uses that table's column titles.
protocol SpreadsheetMessages {
  /// The sheets' tab names: at most 31 characters, none of `[ ] : * ? / \`.
  var framesSheet: String { get }
  var measuresSheet: String { get }
  var paymentsSheet: String { get }
  var recipientsSheet: String { get }
  var ownersSheet: String { get }
  var partnersSheet: String { get }
  /// One measure per row: id, network, scheme, rank, title, participants, status, share in per
  /// cent, grant, partner money, total, pool hours, partner-2 hours, partners, reasons.
  var measureSheetColumns: [String] { get }
  /// One payment per row: scheme, recipient, recipient id, purpose, date, amount.
  var paymentSheetColumns: [String] { get }
  /// The title of a scheme's subtotal row in the payments.
  func schemeTotal(_ scheme: String) -> String
  /// The first two columns of the payments per recipient: recipient and its id.
  var recipientSheetColumns: [String] { get }
  /// The column of the money one scheme pays a recipient.
  func amountColumn(scheme: String) -> String
  /// The column of the money all schemes pay a recipient.
  var amountTotalColumn: String { get }
  /// The owners' first two columns: payer and network.
  var ownerSheetColumns: [String] { get }
  /// The column of an owner's grant from one scheme.
  func grantColumn(scheme: String) -> String
  /// The column of an owner's egenandel on its grant from one scheme.
  func egenandelColumn(scheme: String) -> String
  /// The owners' last two columns: grant and egenandel over all schemes.
  var ownerTotalColumns: [String] { get }
  /// A decision without its share ("delvis innvilget"), for a column that can be filtered.
  func statusName(_ status: FundingStatus) -> String
}
