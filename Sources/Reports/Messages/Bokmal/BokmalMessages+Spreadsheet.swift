import GrantAllocation

extension BokmalMessages: SpreadsheetMessages {
  var framesSheet: String { "Rammer" }
  var measuresSheet: String { "Tiltak" }
  var paymentsSheet: String { "Utbetalinger" }
  var recipientsSheet: String { "Per mottaker" }
  var ownersSheet: String { "Skoleeiere og egenandel" }
  var partnersSheet: String { "Utviklingspartnere" }
  var measureSheetColumns: [String] {
    [
      "Id", "Kompetansenettverk", "Ordning", "Pri.", "Tiltak", "Deltakere", "Status", "Andel (%)", "Tilskudd (kr)", "Til partner (kr)",
      "Sum (kr)", "Pool: timer", "Partner 2: timer", "Utviklingspartnere", "Begrunnelse",
    ]
  }
  var paymentSheetColumns: [String] { ["Ordning", "Mottaker", "Mottaker-id", "Gjelder", "Dato", "Beløp (kr)"] }
  func schemeTotal(_ scheme: String) -> String { "Sum \(scheme)" }
  var recipientSheetColumns: [String] { ["Mottaker", "Mottaker-id"] }
  func amountColumn(scheme: String) -> String { "\(scheme) (kr)" }
  var amountTotalColumn: String { "Sum (kr)" }
  var ownerSheetColumns: [String] { ["Betaler", "Kompetansenettverk"] }
  func grantColumn(scheme: String) -> String { "Tilskudd: \(scheme) (kr)" }
  func egenandelColumn(scheme: String) -> String { "Egenandel: \(scheme) (kr)" }
  var ownerTotalColumns: [String] { ["Tilskudd i alt (kr)", "Egenandel i alt (kr)"] }
  func statusName(_ status: FundingStatus) -> String {
    switch status {
    case .funded: "innvilget"
    case .partlyFunded: "delvis innvilget"
    case .notFunded: "ikke innvilget"
    case .ineligible: "ikke kvalifisert"
    }
  }
}
