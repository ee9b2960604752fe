import GrantAllocation
import UserMessages

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
    names = NameBook(scenario: plan.scenario, messages: language.messages, escapesMarkdown: true)
  }

  var scenario: Scenario { figures.plan.scenario }
  var years: [Int] { figures.years }

  /// (A plan has two years at least.)
  public var title: String { messages.planTitle(first: years.first ?? 0, last: years.last ?? 0, county: scenario.county) }

  /// The whole document, ending in a newline.
  public func render() -> String {
    [header(), frames(), measures(), partners(), owners(), method()].joined(separator: "\n\n") + "\n"
  }

  private func header() -> String {
    var lines = ["# " + title.markdownEscaped, ""]
    if let note = scenario.note { lines += ["> " + names.text(note.replacingOccurrences(of: "\n", with: " ")), ""] }
    lines += [language.messages.draftNotice + " " + language.messages.madeBy(provenance), "", messages.planIntro(first: years[0])]
    return lines.joined(separator: "\n")
  }

  private func frames() -> String {
    // The column of money beyond the forecasts only where some year needs it.
    let conditional = !figures.plan.beyondForecast.isEmpty
    let columns = messages.frameColumns(conditional: conditional)
    var table = MarkdownTable(columns: columns, rightAligned: Set(2..<columns.count))
    let amounts: [KeyPath<PlanFigures.SchemeYear, Int>] =
      [\.carriedIn, \.committed, \.new, \.carriedOn] + (conditional ? [\.beyond] : []) + [\.free]
    for row in figures.schemeYears {
      let frame = names.kroner(row.frame) + (row.forecast ? " " + messages.forecastMark : "")
      table.add([names.scheme(row.scheme), String(row.year), frame] + amounts.map { names.kroner(row[keyPath: $0]) })
    }
    for year in years {
      let rows = figures.schemeYears.filter { $0.year == year }
      let sums = ([\PlanFigures.SchemeYear.frame] + amounts).map { path in rows.reduce(0) { $0 + $1[keyPath: path] } }
      table.add(["**\(language.messages.total) \(year)**", ""] + sums.map { "**\(names.kroner($0))**" })
    }
    return ["## " + messages.framesHeading, messages.framesIntro(conditional: conditional), table.rendered].joined(separator: "\n\n")
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
          [names.measure(measure.id), names.scheme(measure.scheme), String(measure.rank)] + cells
            + [messages.planStatus(status(measure)) + conditionalNote(measure)])
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

  /// The later years in which the measure is conditional on the forecast, as a note to its status.
  private func conditionalNote(_ measure: Measure) -> String {
    let conditional = figures.conditionalYears(of: measure)
    return conditional.isEmpty ? "" : messages.conditionalYears(conditional)
  }

  private func partners() -> String {
    var table = MarkdownTable(columns: messages.partnerColumns(years: years), rightAligned: Set(2...(1 + years.count)))
    for (index, partner) in scenario.partners.enumerated() {
      for role in PartnerRole.allCases {
        let cells = years.enumerated().map { position, year -> String in
          let used = Double(figures.settlements[position].partners[index].wholeHours[role] ?? 0)
          let capacity = scenario.capacity(partner, in: year)[role] ?? 0
          let beyond = figures.plan.beyondPlannedHours[partner.id]?[year]?[role] ?? 0
          return "\(names.hours(used)) / \(names.hours(capacity))"
            + (beyond > 0 ? messages.hoursBeyondPlan(names.wholeHours(beyond, up: true)) : "")
        }
        guard cells.contains(where: { $0 != "0 / 0" }) else { continue }
        table.add([names.partner(partner.id), language.messages.role(role)] + cells)
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
      table.add([names.owner(owner.id), names.network(owner.network)] + values.map(names.kroner))
    }
    table.add(["**\(language.messages.total)**", ""] + totals.map { "**\(names.kroner($0))**" })
    return ["## " + messages.ownersHeading, messages.ownersIntro(years: years), table.rendered].joined(separator: "\n\n")
  }

  private func method() -> String {
    let horizon = scenario.horizon
    var lines = messages.methodLines(
      carryOverShare: names.percent(horizon?.carryOverShare ?? 0), juneShare: horizon?.schoolYearJuneShare.map(names.percent),
      forecasts: horizon?.forecasts ?? .conditional
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
