import GrantAllocation

extension EnglishMessages: SpreadsheetMessages {
  var framesSheet: String { "Frames" }
  var measuresSheet: String { "Measures" }
  var paymentsSheet: String { "Payments" }
  var recipientsSheet: String { "By recipient" }
  var ownersSheet: String { "Owners and egenandel" }
  var partnersSheet: String { "Development partners" }
  var measureSheetColumns: [String] {
    [
      "Id", "Competence network", "Scheme", "Rank", "Measure", "Participants", "Status", "Share (%)", "Grant (NOK)", "To partner (NOK)",
      "Total (NOK)", "Pool: hours", "Partner 2: hours", "Development partners", "Reason",
    ]
  }
  var paymentSheetColumns: [String] { ["Scheme", "Recipient", "Recipient id", "For", "Date", "Amount (NOK)"] }
  func schemeTotal(_ scheme: String) -> String { "Total \(scheme)" }
  var recipientSheetColumns: [String] { ["Recipient", "Recipient id"] }
  func amountColumn(scheme: String) -> String { "\(scheme) (NOK)" }
  var amountTotalColumn: String { "Total (NOK)" }
  var ownerSheetColumns: [String] { ["Payer", "Competence network"] }
  func grantColumn(scheme: String) -> String { "Grant: \(scheme) (NOK)" }
  func egenandelColumn(scheme: String) -> String { "Own contribution: \(scheme) (NOK)" }
  var ownerTotalColumns: [String] { ["Grant, all schemes (NOK)", "Own contribution, all schemes (NOK)"] }
  func statusName(_ status: FundingStatus) -> String {
    switch status {
    case .funded: "funded"
    case .partlyFunded: "partly funded"
    case .notFunded: "not funded"
    case .ineligible: "not eligible"
    }
  }
}
