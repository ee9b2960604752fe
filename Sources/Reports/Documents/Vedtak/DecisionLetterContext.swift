import GrantAllocation

/// What a letter template sees: every value a finished piece of text, and every text from the
/// input files escaped for Markdown and HTML (and for a table cell) before the template gets it,
/// so that neither `{{x}}` nor `{{{x}}}` can put markup from a file into a letter.
///
/// Fields missing from the scenario are `nil` (a section `{{#reporting}}…{{/reporting}}` is then
/// left out, `{{^reporting}}…{{/reporting}}` shown). docs/vedtak.md lists the fields.
struct DecisionLetterContext {
  struct MeasureLine {
    var title: String
    var id: String
    var network: String
    var share: String
    var amount: String
    /// A partner's hours on the measure ("120 t partner 2"); `nil` for a grant.
    var hours: String?
  }

  struct SchemeLine {
    var scheme: String
    var amount: String
    var measures: [MeasureLine]
  }

  struct PaymentLine {
    var date: String
    var isoDate: String
    var scheme: String
    var purpose: String
    var amount: String
  }

  struct EgenandelLine {
    var scheme: String
    var payer: String
    var rate: String
    var amount: String
  }

  var year: String
  var county: String
  var recipient: String
  var recipientID: String
  var isOwner: Bool
  var isPartner: Bool
  var isForum: Bool
  /// A network pays the recipient its part by the network's own key.
  var paidByKey: Bool
  var total: String
  var schemes: [SchemeLine]
  var payments: [PaymentLine]
  var egenandel: [EgenandelLine]
  var hasEgenandel: Bool
  var conditions: [String]
  var reporting: String?
  var reportingDeadline: String?
  var contact: String?
  var appeal: String?

  /// The context of `letter`; `names` must be the Markdown name book (it escapes every name).
  init(_ letter: DecisionLetter, scenario: Scenario, names: NameBook, messages: any Messages) {
    func text(_ raw: String) -> String { Self.cell(names.text(raw)) }
    year = String(scenario.year)
    county = text(scenario.county)
    recipient = Self.cell(names.recipient(letter.recipient))
    recipientID = text(letter.recipient.id)
    switch letter.recipient {
    case .owner: (isOwner, isPartner, isForum) = (true, false, false)
    case .partner: (isOwner, isPartner, isForum) = (false, true, false)
    case .forum: (isOwner, isPartner, isForum) = (false, false, true)
    }
    paidByKey = letter.paidByKey
    total = names.kroner(letter.total)
    schemes = letter.schemes.map { line in
      SchemeLine(
        scheme: Self.cell(names.scheme(line.scheme)), amount: names.kroner(line.amount),
        measures: line.measures.map { measure in
          MeasureLine(
            title: text(scenario.measure(measure.measure)?.title ?? measure.measure.rawValue),
            id: text(measure.measure.rawValue),
            network: Self.cell(measure.network.map(names.network) ?? messages.jointHeading), share: names.percent(measure.share),
            amount: names.kroner(measure.amount),
            hours: measure.hours.flatMap { hours in measure.role.map { messages.roleHours($0, hours: names.kroner(hours)) } })
        })
    }
    payments = letter.payments.map { payment in
      PaymentLine(
        date: messages.longDate(payment.date), isoDate: payment.date, scheme: Self.cell(names.scheme(payment.scheme)),
        purpose: Self.cell(names.purpose(payment.purpose)), amount: names.kroner(payment.amount))
    }
    egenandel = letter.egenandel.map { line in
      EgenandelLine(
        scheme: Self.cell(names.scheme(line.scheme)),
        payer: Self.cell(
          messages.egenandelPayer(
            own: line.owner != nil && line.network == nil, member: line.owner.map(names.owner), network: line.network.map(names.network))),
        rate: names.percent(line.rate), amount: names.kroner(line.amount))
    }
    hasEgenandel = !egenandel.isEmpty
    let terms = scenario.decisionTerms
    conditions = terms.conditions.map(text)
    reporting = terms.reporting.map(text)
    reportingDeadline = terms.reportingDeadline.map(messages.longDate)
    contact = terms.contact.map(text)
    appeal = terms.appeal.map(text)
  }

  /// Escaped text made safe for a table cell and for the start of a line: `|` as an entity, a line
  /// break as a space (so no text from a file starts a list, a heading or a new table row).
  static func cell(_ escaped: String) -> String {
    escaped.replacingOccurrences(of: "|", with: "&#124;").replacingOccurrences(of: "\r\n", with: " ")
      .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
  }
}
