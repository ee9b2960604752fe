import GrantAllocation
import Spreadsheets

/// `innstilling.xlsx`: the innstilling's figures as sheets the secretariat can work in — frames,
/// measures, payments, owners and their egenandel, partners — with the settlement's kroner as
/// numbers and every sum as a formula over the rows above it (its value stored with it, equal to
/// the innstilling's total).
///
/// Names from the input files are text cells: a name that starts with `=` is shown, never computed.
public struct InnstillingWorkbook: ReportRenderer {
  let input: ReportInput
  /// Names as they are: a cell is not Markdown.
  var plain: NameBook { input.names }

  public init(_ input: ReportInput) { self.input = input }

  /// The workbook, its sheets in the innstilling's order.
  public func workbook() -> Workbook {
    Workbook(
      title: messages.documentTitle(year: scenario.year, county: scenario.county, title: scenario.title),
      sheets: [frames(), measures(), payments(), recipients(), owners(), partners()].map { sheet in
        var fitted = sheet
        fitted.fitColumnWidths()
        return fitted
      })
  }

  /// Columns titled `titles` (their widths are fitted to the cells when the sheet is whole).
  private func columns(_ titles: [String]) -> [Worksheet.Column] {
    titles.map { Worksheet.Column($0, width: 8) }
  }

  /// A total row: `title`, then in each of `columns` the sum of the rows `first...last`.
  private func totalRow(
    _ title: String, columns: [(column: Int, value: Double, style: NumberStyle)], width: Int, from first: RowNumber, through last: RowNumber
  ) -> [Cell] {
    var cells = [Cell](repeating: .empty, count: width)
    cells[0] = .text(title)
    for entry in columns {
      cells[entry.column] = .formula(.sum(column: entry.column, from: first, through: last), value: entry.value, entry.style)
    }
    return cells
  }

  /// Per scheme its frame and where the money went (the innstilling's summary).
  func frames() -> Worksheet {
    var sheet = Worksheet(name: messages.framesSheet, columns: columns(messages.summaryColumns))
    let first = sheet.nextRow
    for money in settlement.schemes {
      let row = sheet.nextRow
      sheet.append([
        .text(plain.scheme(money.scheme)), .kroner(money.frame), .kroner(money.toPartners), .kroner(money.toNetworks),
        .kroner(money.toJointMeasures), .formula(.add(columns: [2, 3, 4], row: row), value: Double(money.allocated), .kroner),
        .formula(.add(columns: [1], minus: [5], row: row), value: Double(money.left), .kroner),
      ])
    }
    let paths: [KeyPath<Settlement.SchemeMoney, Int>] = [\.frame, \.toPartners, \.toNetworks, \.toJointMeasures, \.allocated, \.left]
    let totals = paths.enumerated().map { position, path in
      (column: position + 1, value: Double(settlement.schemes.reduce(0) { $0 + $1[keyPath: path] }), style: NumberStyle.kroner)
    }
    let last = RowNumber(sheet.nextRow.index - 1)
    sheet.append(totalRow(messages.total, columns: totals, width: 7, from: first, through: last), isTotal: true)
    return sheet
  }

  /// Every measure in the innstilling's order, with its decision, kroner and whole hours.
  func measures() -> Worksheet {
    var sheet = Worksheet(
      name: messages.measuresSheet, columns: columns(messages.measureSheetColumns))
    let rows = input.measureRows
    let first = sheet.nextRow
    for measure in rows {
      let row = sheet.nextRow
      sheet.append([
        .text(measure.id), .text(measure.holder), .text(measure.scheme), .number(Double(measure.rank), .whole), .text(measure.title),
        measure.participants.map { .number(Double($0), .whole) } ?? .empty, .text(measure.status),
        .number(measure.sharePercent, .hours), .kroner(measure.grant), .kroner(measure.partnerMoney),
        .formula(.add(columns: [8, 9], row: row), value: Double(measure.total), .kroner),
        .number(Double(measure.poolHours), .whole), .number(Double(measure.partner2Hours), .whole), .text(measure.partners),
        .text(measure.reasons),
      ])
    }
    let sums: [(Int, KeyPath<MeasureRow, Int>, NumberStyle)] = [
      (8, \.grant, .kroner), (9, \.partnerMoney, .kroner), (10, \.total, .kroner), (11, \.poolHours, .whole), (12, \.partner2Hours, .whole),
    ]
    let totals = sums.map { column, path, style in (column: column, value: Double(rows.reduce(0) { $0 + $1[keyPath: path] }), style: style)
    }
    let last = RowNumber(sheet.nextRow.index - 1)
    sheet.append(totalRow(messages.total, columns: totals, width: 15, from: first, through: last), isTotal: true)
    return sheet
  }

  /// Every payment, scheme by scheme, each scheme with its subtotal (the money it allocates),
  /// and the sum of the subtotals.
  func payments() -> Worksheet {
    var sheet = Worksheet(name: messages.paymentsSheet, columns: columns(messages.paymentSheetColumns))
    let rows = input.paymentRows
    var subtotals: [RowNumber] = []
    for scheme in scenario.schemes {
      let schemeRows = rows.filter { $0.schemeID == scheme.id }
      guard !schemeRows.isEmpty else { continue }
      let first = sheet.nextRow
      for payment in schemeRows {
        sheet.append([
          .text(payment.scheme), .text(payment.recipient), .text(payment.recipientID), .text(payment.purpose), .isoDate(payment.date),
          .kroner(payment.amount),
        ])
      }
      let last = RowNumber(sheet.nextRow.index - 1)
      let amount = Double(schemeRows.reduce(0) { $0 + $1.amount })
      subtotals.append(sheet.nextRow)
      sheet.append(
        totalRow(
          messages.schemeTotal(plain.scheme(scheme.id)), columns: [(5, amount, .kroner)], width: 6, from: first, through: last),
        isTotal: true)
    }
    var total = [Cell](repeating: .empty, count: 6)
    total[0] = .text(messages.total)
    total[5] = .formula(.add(column: 5, rows: subtotals), value: Double(rows.reduce(0) { $0 + $1.amount }), .kroner)
    sheet.append(total, isTotal: true)
    return sheet
  }

  /// Per recipient, what each scheme pays it (the sum of its payments), and in all: what a
  /// decision letter states.
  func recipients() -> Worksheet {
    let schemes = scenario.schemes.map(\.id)
    let titles =
      messages.recipientSheetColumns + schemes.map { messages.amountColumn(scheme: plain.scheme($0)) } + [messages.amountTotalColumn]
    var sheet = Worksheet(name: messages.recipientsSheet, columns: columns(titles))
    let byRecipient = Dictionary(grouping: input.paymentRows, by: \.to)
    let first = sheet.nextRow
    for recipient in byRecipient.keys.sorted() {
      let payments = byRecipient[recipient] ?? []
      let row = sheet.nextRow
      let amounts = schemes.map { scheme in payments.filter { $0.schemeID == scheme }.reduce(0) { $0 + $1.amount } }
      let total = Double(amounts.reduce(0, +))
      sheet.append(
        [.text(payments.first?.recipient ?? ""), .text(payments.first?.recipientID ?? "")] + amounts.map(Cell.kroner)
          + [.formula(.add(columns: Array(2..<(2 + schemes.count)), row: row), value: total, .kroner)])
    }
    let last = RowNumber(sheet.nextRow.index - 1)
    let rows = input.paymentRows
    let sums = (0...schemes.count).map { position in
      let amount =
        position < schemes.count
        ? rows.filter { $0.schemeID == schemes[position] }.reduce(0) { $0 + $1.amount } : rows.reduce(0) { $0 + $1.amount }
      return (column: 2 + position, value: Double(amount), style: NumberStyle.kroner)
    }
    sheet.append(totalRow(messages.total, columns: sums, width: titles.count, from: first, through: last), isTotal: true)
    return sheet
  }

  /// Each payer (an owner, or a network as a whole) with its grant and egenandel per scheme, as
  /// the innstilling's egenandel table lists them.
  func owners() -> Worksheet {
    let schemes = scenario.schemes.map(\.id)
    let titles =
      messages.ownerSheetColumns
      + schemes.flatMap { [messages.grantColumn(scheme: plain.scheme($0)), messages.egenandelColumn(scheme: plain.scheme($0))] }
      + messages.ownerTotalColumns
    let width = titles.count
    var sheet = Worksheet(name: messages.ownersSheet, columns: columns(titles))
    let grantColumns = schemes.indices.map { 2 + 2 * $0 }
    let egenandelColumns = grantColumns.map { $0 + 1 }
    var totals = [Int](repeating: 0, count: width)
    let first = sheet.nextRow
    func add(_ payer: String, _ network: String, grants: [SchemeID: Int], egenandel: [SchemeID: Int]) {
      let grant = grants.values.reduce(0, +)
      let charged = egenandel.values.reduce(0, +)
      guard grant != 0 || charged != 0 else { return }
      let row = sheet.nextRow
      var cells: [Cell] = [.text(payer), .text(network)]
      for (position, scheme) in schemes.enumerated() {
        let amounts = [grants[scheme] ?? 0, egenandel[scheme] ?? 0]
        cells += amounts.map(Cell.kroner)
        totals[grantColumns[position]] += amounts[0]
        totals[egenandelColumns[position]] += amounts[1]
      }
      cells.append(.formula(.add(columns: grantColumns, row: row), value: Double(grant), .kroner))
      cells.append(.formula(.add(columns: egenandelColumns, row: row), value: Double(charged), .kroner))
      totals[width - 2] += grant
      totals[width - 1] += charged
      sheet.append(cells)
    }
    for network in scenario.networks {
      let name = plain.network(network.id)
      if let share = settlement.networkPayment(network.id) {
        add(messages.networkAsWhole(name), name, grants: share.grantByScheme, egenandel: share.egenandelByScheme)
      }
      for owner in scenario.members(of: network.id) {
        guard let payment = settlement.payment(owner.id) else { continue }
        add(plain.owner(owner.id), name, grants: payment.grantByScheme, egenandel: payment.egenandelByScheme)
      }
    }
    let last = RowNumber(sheet.nextRow.index - 1)
    let sums = (2..<width).map { (column: $0, value: Double(totals[$0]), style: NumberStyle.kroner) }
    sheet.append(totalRow(messages.total, columns: sums, width: width, from: first, through: last), isTotal: true)
    return sheet
  }

  /// Each partner's whole hours, capacity and money per role (the innstilling's partner table).
  func partners() -> Worksheet {
    var sheet = Worksheet(name: messages.partnersSheet, columns: columns(messages.partnerColumns))
    var totals = [Double](repeating: 0, count: 8)
    let first = sheet.nextRow
    for money in settlement.partners {
      let values: [(Double, NumberStyle)] = [
        (Double(money.wholeHours[.pool] ?? 0), .whole), (money.capacity[.pool] ?? 0, .hours), (Double(money.money[.pool] ?? 0), .kroner),
        (Double(money.wholeHours[.partner2] ?? 0), .whole), (money.capacity[.partner2] ?? 0, .hours),
        (Double(money.money[.partner2] ?? 0), .kroner),
      ]
      for (position, value) in values.enumerated() { totals[position + 1] += value.0 }
      totals[7] += Double(money.total)
      let row = sheet.nextRow
      sheet.append(
        [.text(plain.partner(money.partner))] + values.map { Cell.number($0.0, $0.1) } + [
          .formula(.add(columns: [3, 6], row: row), value: Double(money.total), .kroner)
        ])
    }
    let styles: [NumberStyle] = [.whole, .hours, .kroner, .whole, .hours, .kroner, .kroner]
    let sums = styles.enumerated().map { (column: $0.offset + 1, value: totals[$0.offset + 1], style: $0.element) }
    let last = RowNumber(sheet.nextRow.index - 1)
    sheet.append(totalRow(messages.total, columns: sums, width: 8, from: first, through: last), isTotal: true)
    return sheet
  }
}
