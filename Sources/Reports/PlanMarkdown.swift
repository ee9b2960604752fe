import GrantAllocation

/// The plan's figures in whole kroner, computed once for the Markdown, the HTML and the
/// innstilling's section on commitments.
struct PlanFigures {
  struct SchemeYear {
    var scheme: SchemeID
    var year: Int
    var frame: Int
    var forecast: Bool
    var carriedIn: Int
    /// Continuing commitments and later years of measures that started earlier in the plan.
    var committed: Int
    /// Measures in their first year.
    var new: Int
    var carriedOn: Int
    var free: Int { frame + carriedIn - committed - new - carriedOn }
  }

  let plan: PlanResult
  let years: [Int]
  /// One per plan year, of ``PlanResult/years``.
  let settlements: [Settlement]
  /// Per year: each measure's state money in whole kroner, by id.
  let money: [[MeasureID: Int]]
  let schemeYears: [SchemeYear]

  init(_ plan: PlanResult) {
    self.plan = plan
    let scenario = plan.scenario
    years = scenario.planYears
    settlements = plan.years.map(Settlement.init)
    money = settlements.map { settlement in
      Dictionary(uniqueKeysWithValues: settlement.measures.map { ($0.measure, $0.total) })
    }
    var rows: [SchemeYear] = []
    for scheme in scenario.schemes {
      for (position, year) in years.enumerated() {
        var committed = 0
        var new = 0
        for measure in scenario.measures where measure.scheme == scheme.id {
          guard let amount = money[position][measure.id] else { continue }
          if measure.continuing || year != scenario.years(of: measure).first { committed += amount } else { new += amount }
        }
        rows.append(
          SchemeYear(
            scheme: scheme.id, year: year, frame: Int(scenario.frame(scheme, in: year).rounded(.down)),
            forecast: scenario.frameIsForecast(scheme.id, in: year), carriedIn: Int(plan.carriedIn(scheme.id, year: year).rounded()),
            committed: committed, new: new, carriedOn: Int((plan.carriedOver[scheme.id]?[year] ?? 0).rounded())))
      }
    }
    schemeYears = rows
  }

  /// The measure's share in `year`, or `nil` when it does not run then.
  func share(_ measure: MeasureID, year: Int) -> Double? {
    guard let position = years.firstIndex(of: year) else { return nil }
    return plan.years[position].outcome(measure)?.share
  }

  func status(_ measure: Measure) -> PlanMeasureStatus {
    let measureYears = plan.scenario.years(of: measure)
    guard let first = share(measure.id, year: measureYears[0]),
      let outcome = plan.years[years.firstIndex(of: measureYears[0])!].outcome(measure.id)
    else { return .notFunded }
    if outcome.status == .ineligible { return .ineligible }
    if measure.continuing { return .continuing }
    if first == 0 { return .notFunded }
    if let stop = measureYears.firstIndex(where: { (share(measure.id, year: $0) ?? 0) == 0 }) {
      return .stoppedAfter(year: measureYears[stop - 1])
    }
    let shareText = NameBook(scenario: plan.scenario, messages: Language.nb.messages).percent(first)
    if measureYears.count == 1 { return first >= 1 ? .funded : .partly(share: shareText) }
    return first >= 1 ? .allYears : .partlyAllYears(share: shareText)
  }
}

/// The long-term plan (*langsiktig plan*) as Markdown: frames and commitments per year and
/// scheme, each network's measures over the years, partner hours per year, and the money per
/// school owner per year with egenandel.
public struct PlanMarkdown {
  let figures: PlanFigures
  let language: Language
  let provenance: ReportProvenance
  let messages: any PlanMessages
  let names: NameBook

  public init(_ plan: PlanResult, language: Language, provenance: ReportProvenance) {
    figures = PlanFigures(plan)
    self.language = language
    self.provenance = provenance
    messages = language.planMessages
    names = NameBook(scenario: plan.scenario, messages: language.messages)
  }

  var scenario: Scenario { figures.plan.scenario }
  var years: [Int] { figures.years }

  public var title: String { messages.planTitle(first: years.first!, last: years.last!, county: scenario.county) }

  /// The whole document, ending in a newline.
  public func render() -> String {
    [header(), frames(), measures(), partners(), owners(), method()].joined(separator: "\n\n") + "\n"
  }

  private func header() -> String {
    var lines = ["# " + title, ""]
    if let note = scenario.note { lines += ["> " + note.replacingOccurrences(of: "\n", with: " "), ""] }
    lines += [language.messages.draftNotice + " " + language.messages.madeBy(provenance), "", messages.planIntro(first: years[0])]
    return lines.joined(separator: "\n")
  }

  private func frames() -> String {
    var table = MarkdownTable(columns: messages.frameColumns, rightAligned: Set(2...7))
    for row in figures.schemeYears {
      let frame = names.kroner(row.frame) + (row.forecast ? " " + messages.forecastMark : "")
      table.add(
        [names.scheme(row.scheme), String(row.year), frame]
          + [row.carriedIn, row.committed, row.new, row.carriedOn, row.free].map(names.kroner))
    }
    for year in years {
      let rows = figures.schemeYears.filter { $0.year == year }
      let sums = [\PlanFigures.SchemeYear.frame, \.carriedIn, \.committed, \.new, \.carriedOn, \.free].map { path in
        rows.reduce(0) { $0 + $1[keyPath: path] }
      }
      table.add(["**\(language.messages.total) \(year)**", ""] + sums.map { "**\(names.kroner($0))**" })
    }
    return ["## " + messages.framesHeading, messages.framesIntro, table.rendered].joined(separator: "\n\n")
  }

  private func measures() -> String {
    var parts = ["## " + messages.measuresHeading, messages.measuresIntro]
    let holders = scenario.networks.map { MeasureHolder.network($0.id) } + [.joint]
    let schemeOrder = Dictionary(uniqueKeysWithValues: scenario.schemes.enumerated().map { ($0.element.id, $0.offset) })
    for holder in holders {
      let list = scenario.measures.filter { $0.holder == holder }.sorted {
        (schemeOrder[$0.scheme] ?? 0, $0.rank, $0.id.rawValue) < (schemeOrder[$1.scheme] ?? 0, $1.rank, $1.id.rawValue)
      }
      guard !list.isEmpty else { continue }
      var table = MarkdownTable(columns: messages.measureColumns(years: years), rightAligned: Set(2...(2 + years.count)))
      var totals = [Int](repeating: 0, count: years.count)
      for measure in list {
        let cells = years.enumerated().map { position, year -> String in
          guard let amount = figures.money[position][measure.id] else { return "–" }
          totals[position] += amount
          return names.kroner(amount)
        }
        table.add(
          ["\(measure.title) (\(measure.id))", names.scheme(measure.scheme), String(measure.rank)] + cells
            + [messages.planStatus(status(measure))])
      }
      table.add(["**\(language.messages.total)**", "", ""] + totals.map { "**\(names.kroner($0))**" } + [""])
      parts += ["### " + names.holder(holder), table.rendered]
    }
    return parts.joined(separator: "\n\n")
  }

  private func status(_ measure: Measure) -> PlanMeasureStatus {
    let status = figures.status(measure)
    guard let share = figures.share(measure.id, year: scenario.years(of: measure)[0]) else { return status }
    switch status {
    case .partlyAllYears: return .partlyAllYears(share: names.percent(share))
    case .partly: return .partly(share: names.percent(share))
    default: return status
    }
  }

  private func partners() -> String {
    var table = MarkdownTable(columns: messages.partnerColumns(years: years), rightAligned: Set(2...(1 + years.count)))
    for (index, partner) in scenario.partners.enumerated() {
      for role in PartnerRole.allCases {
        let cells = years.enumerated().map { position, year -> String in
          let used = figures.settlements[position].partners[index].hours[role] ?? 0
          let capacity = scenario.capacity(partner, in: year)[role] ?? 0
          return "\(names.hours(used)) / \(names.hours(capacity))"
        }
        guard cells.contains(where: { $0 != "0 / 0" }) else { continue }
        table.add([partner.name, language.messages.role(role)] + cells)
      }
    }
    return ["## " + messages.partnersHeading, table.rendered].joined(separator: "\n\n")
  }

  private func owners() -> String {
    var table = MarkdownTable(columns: messages.ownerColumns(years: years), rightAligned: Set(2...(1 + 2 * years.count)))
    var totals = [Int](repeating: 0, count: 2 * years.count)
    for owner in scenario.owners {
      var values: [Int] = []
      for settlement in figures.settlements {
        let payment = settlement.payment(owner.id)
        values += [payment?.grant ?? 0, payment?.egenandel ?? 0]
      }
      for (position, value) in values.enumerated() { totals[position] += value }
      table.add([owner.name, names.network(owner.network)] + values.map(names.kroner))
    }
    table.add(["**\(language.messages.total)**", ""] + totals.map { "**\(names.kroner($0))**" })
    return ["## " + messages.ownersHeading, messages.ownersIntro(years: years), table.rendered].joined(separator: "\n\n")
  }

  private func method() -> String {
    let horizon = scenario.horizon
    var lines = messages.methodLines(
      carryOverShare: names.percent(horizon?.carryOverShare ?? 0), juneShare: horizon?.schoolYearJuneShare.map(names.percent)
    ).map { "- " + $0 }
    lines.append("- " + messages.explanationsSkipped)
    let result = figures.plan.expandedResult
    let text = language.messages
    lines.append("- " + text.solveLine(status: text.terminationStatus(result.status.rawValue), solver: result.solverName))
    for stage in result.stages {
      let value = stage.objectiveValue.map { names.decimal($0, decimals: 4) } ?? "–"
      lines.append(
        "  - " + text.stageLine(name: text.stageName(stage.name), status: text.terminationStatus(stage.status.rawValue), value: value))
    }
    lines.append("- " + text.modelSizeLine(result.modelSize))
    if !scenario.inputFiles.isEmpty {
      lines.append("- " + text.inputFilesLine)
      lines += scenario.inputFiles.map { "  - `\($0.name)`: `\($0.sha256)`" }
    }
    return ["## " + messages.methodHeading(number: 5), lines.joined(separator: "\n")].joined(separator: "\n\n")
  }

  /// Commitments against frames per scheme and year, for the HTML page.
  var chart: BarChart {
    BarChart(
      heading: messages.chartHeading,
      series: [
        .init(label: messages.chartFrame, color: "#cfdde8"), .init(label: messages.chartCommitted, color: "#8a5a00"),
        .init(label: messages.chartNew, color: "#2f6f8f"),
      ],
      rows: figures.schemeYears.map { row in
        let available = Double(row.frame + row.carriedIn)
        return BarChart.Row(
          label: "\(names.scheme(row.scheme)) \(row.year)" + (row.forecast ? " " + messages.forecastMark : ""),
          values: [available, Double(row.committed), Double(row.committed + row.new)],
          valueText: names.percent(available > 0 ? Double(row.committed + row.new) / available : 0))
      })
  }
}

/// The long-term plan as one self-contained HTML page: the chart of commitments against frames,
/// then the Markdown document.
public struct PlanHTML {
  let plan: PlanMarkdown
  let markdown: String

  public init(_ plan: PlanMarkdown, markdown: String) {
    self.plan = plan
    self.markdown = markdown
  }

  public func render() throws -> String {
    try HTMLPage(language: plan.language, title: plan.title, charts: [plan.chart], markdown: markdown).render()
  }
}

/// The innstilling's section on the commitments its multi-year measures create for later years.
public struct PlanCommitments: Sendable {
  struct Line: Sendable {
    var measure: MeasureID
    var title: String
    var scheme: SchemeID
    var year: Int
    var money: Int
    var forecast: Bool
  }

  let firstYear: Int
  let lines: [Line]
  /// NOK of the first year's frame left unspent and carried into the next year, per scheme.
  let carriedOn: [(scheme: SchemeID, amount: Int)]

  /// The later-year money of every measure funded in the plan's first year.
  public init(_ plan: PlanResult) {
    let figures = PlanFigures(plan)
    let scenario = plan.scenario
    firstYear = figures.years[0]
    var lines: [Line] = []
    for measure in scenario.measures where scenario.years(of: measure).first == firstYear {
      guard (figures.share(measure.id, year: firstYear) ?? 0) > 0 else { continue }
      for (position, year) in figures.years.enumerated().dropFirst() {
        guard let amount = figures.money[position][measure.id], amount > 0 else { continue }
        lines.append(
          Line(
            measure: measure.id, title: measure.title, scheme: measure.scheme, year: year, money: amount,
            forecast: scenario.frameIsForecast(measure.scheme, in: year)))
      }
    }
    self.lines = lines
    carriedOn = scenario.schemes.compactMap { scheme in
      let amount = Int((plan.carriedOver[scheme.id]?[figures.years[0]] ?? 0).rounded())
      return amount > 0 ? (scheme.id, amount) : nil
    }
  }

  /// The section, numbered `number`.
  func section(number: Int, language: Language, names: NameBook) -> String {
    let messages = language.planMessages
    var parts = ["## " + messages.commitmentsHeading(number: number, first: firstYear)]
    if lines.isEmpty {
      parts.append(messages.noCommitments)
    } else {
      parts.append(messages.commitmentsIntro(first: firstYear))
      var table = MarkdownTable(columns: messages.commitmentColumns, rightAligned: [2, 3])
      for line in lines {
        table.add(["\(line.title) (\(line.measure))", names.scheme(line.scheme), String(line.year), names.kroner(line.money)])
      }
      let years = Set(lines.map(\.year)).sorted()
      for year in years {
        let sum = lines.filter { $0.year == year }.reduce(0) { $0 + $1.money }
        table.add(["**\(language.messages.total) \(year)**", "", "", "**\(names.kroner(sum))**"])
      }
      parts.append(table.rendered)
    }
    for carried in carriedOn {
      parts.append(messages.carriedOnLine(scheme: names.scheme(carried.scheme), amount: names.kroner(carried.amount), year: firstYear))
    }
    parts.append(messages.explanationsSkipped + " " + messages.planFileLine)
    return parts.joined(separator: "\n\n")
  }
}

/// `compare.md` for a multi-year scenario: per plan year, the base and every variant side by side
/// (each year's ``CompareMarkdown``, one heading level down).
public struct PlanCompareMarkdown {
  let years: [CompareMarkdown]
  let county: String

  /// - Parameter years: one comparison per plan year, in order.
  public init(years: [CompareMarkdown], county: String) {
    self.years = years
    self.county = county
  }

  var messages: any PlanMessages { years[0].base.language.planMessages }
  var title: String {
    messages.compareTitle(first: years.first!.base.scenario.year, last: years.last!.base.scenario.year, county: county)
  }

  public func render() -> String {
    var parts = ["# " + title]
    if let note = years[0].base.scenario.note { parts.append("> " + note.replacingOccurrences(of: "\n", with: " ")) }
    parts.append(messages.compareIntro + " " + years[0].messages.madeBy(years[0].base.provenance))
    for year in years {
      // Each year's document without its note and introduction, its headings one level down.
      let lines = year.render().split(separator: "\n", omittingEmptySubsequences: false)
      var kept: [Substring] = []
      for (position, line) in lines.enumerated() {
        if position > 0 && position < 5 && !line.hasPrefix("#") { continue }
        kept.append(line)
      }
      parts.append(kept.map { $0.hasPrefix("#") ? "#" + $0 : String($0) }.joined(separator: "\n").trimmingCharacters(in: .newlines))
    }
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// The comparison as one HTML page, with each year's chart of what each scenario allocates.
  public func renderHTML(markdown: String) throws -> String {
    let charts = years.map { year -> BarChart in
      var chart = year.allocatedChart()
      chart.heading += " \(year.base.scenario.year)"
      return chart
    }
    return try HTMLPage(language: years[0].base.language, title: title, charts: charts, markdown: markdown).render()
  }
}
