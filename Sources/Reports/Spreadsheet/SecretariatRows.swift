import GrantAllocation

/// One measure as the secretariat's spreadsheet and `tiltak.csv` list it: the settlement's kroner
/// and whole hours, the same figures as the innstilling.
struct MeasureRow {
  var id: String
  var holder: String
  var scheme: String
  var rank: Int
  var title: String
  var participants: Int?
  var status: String
  /// The funded share in per cent (0–100), to four decimals.
  var sharePercent: Double
  var grant: Int
  var partnerMoney: Int
  var total: Int
  var poolHours: Int
  var partner2Hours: Int
  var partners: String
  var reasons: String
}

/// One payment as the spreadsheet and `utbetalinger.csv` list it.
struct PaymentRow {
  var to: Recipient
  var schemeID: SchemeID
  var scheme: String
  var recipient: String
  var recipientID: String
  var purpose: String
  /// ISO date, `YYYY-MM-DD`.
  var date: String
  var amount: Int
}

extension ReportInput {
  /// Every measure in the innstilling's order (network by network, then joint measures), with
  /// names as plain text.
  var measureRows: [MeasureRow] {
    scenario.measuresInReportOrder.map { index in
      let measure = scenario.measures[index]
      let outcome = result.outcomes[index]
      let money = settlement.measures[index]
      let hours = { (role: PartnerRole) in money.partners.filter { $0.role == role }.reduce(0) { $0 + $1.wholeHours } }
      let partnerMoney = money.partners.reduce(0) { $0 + $1.money }
      return MeasureRow(
        id: measure.id.rawValue, holder: names.holder(measure.holder), scheme: names.scheme(measure.scheme), rank: measure.rank,
        title: measure.title, participants: measure.participants, status: messages.statusName(outcome.status),
        sharePercent: (outcome.share * 1e6).rounded() / 1e4, grant: money.grant, partnerMoney: partnerMoney, total: money.total,
        poolHours: hours(.pool), partner2Hours: hours(.partner2),
        partners: Array(Set(money.partners.map(\.partner))).sorted().map(names.partner).joined(separator: ", "),
        reasons: outcome.reasons.map { messages.reason($0, names: names) }.joined(separator: " "))
    }
  }

  /// Every payment of the settlement, in its order (by scheme, recipient, purpose and date).
  var paymentRows: [PaymentRow] {
    settlement.payments.map { payment in
      PaymentRow(
        to: payment.recipient, schemeID: payment.scheme, scheme: names.scheme(payment.scheme),
        recipient: names.recipient(payment.recipient),
        recipientID: payment.recipient.id, purpose: names.purpose(payment.purpose), date: payment.date, amount: payment.amount)
    }
  }
}
