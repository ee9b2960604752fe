import GrantAllocation
import Variants

/// `compare.md`: the base scenario and every variant side by side; per variant only what changed.
public struct CompareMarkdown: ReportRenderer {
  /// One variant's place in the comparison: solved, or why not.
  public struct Entry {
    public var variant: Variant
    public var outcome: Result<(input: ReportInput, comparison: Comparison), VariantRunError>

    public init(variant: Variant, outcome: Result<(input: ReportInput, comparison: Comparison), VariantRunError>) {
      self.variant = variant
      self.outcome = outcome
    }
  }

  /// Why a variant has no allocation, in words for the report.
  public struct VariantRunError: Error {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
  }

  let base: ReportInput
  let entries: [Entry]
  /// The base's report input: the words and names of the comparison.
  var input: ReportInput { base }

  public init(base: ReportInput, entries: [Entry]) {
    self.base = base
    self.entries = entries
  }

  public func render() -> String {
    let scenario = base.scenario
    var parts = ["# " + messages.compareTitle(year: scenario.year, county: scenario.county).markdownEscaped]
    if let note = scenario.note { parts.append("> " + names.text(note.replacingOccurrences(of: "\n", with: " "))) }
    parts.append(messages.compareIntro + " " + messages.madeBy(base.provenance))
    parts.append("## " + messages.compareOverviewHeading)
    parts.append(overview())
    for entry in entries { parts.append(section(entry)) }
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// The comparison as one self-contained HTML page, with a chart of what each scenario allocates.
  ///
  /// - Parameters:
  ///   - markdown: the output of ``render()``.
  ///   - chrome: what a page of `dekom serve` adds around the report; none for the file.
  /// - Returns: the HTML page.
  /// - Throws: when the page template cannot be rendered (a bug in dekom).
  public func renderHTML(markdown: String, chrome: PageChrome = PageChrome()) throws -> String {
    let chart = allocatedChart()
    return try HTMLPage(
      language: base.language, title: messages.compareTitle(year: base.scenario.year, county: base.scenario.county), charts: [chart],
      markdown: markdown, chrome: chrome
    ).render()
  }

  /// What each scenario allocates against its frames.
  func allocatedChart() -> BarChart {
    let labels = messages.chartLabels
    var rows = [scenarioRow(messages.baseName, base)]
    for entry in entries {
      if case .success(let solved) = entry.outcome { rows.append(scenarioRow(entry.variant.name, solved.input)) }
    }
    return BarChart(
      heading: labels.allocatedPerScenario,
      series: [.init(label: labels.frame, color: "#cfdde8"), .init(label: labels.allocated, color: "#2f6f8f")], rows: rows)
  }

  private func scenarioRow(_ label: String, _ input: ReportInput) -> BarChart.Row {
    let frame = input.settlement.schemes.reduce(0) { $0 + $1.frame }
    let allocated = input.settlement.schemes.reduce(0) { $0 + $1.allocated }
    return BarChart.Row(
      label: label, values: [Double(frame), Double(allocated)], valueText: names.kroner(allocated) + " " + messages.currencySuffix)
  }

  private func counts(_ outcomes: [MeasureOutcome]) -> [String] {
    let counts = Dictionary(grouping: outcomes, by: \.status).mapValues(\.count)
    return [FundingStatus.funded, .partlyFunded, .notFunded, .ineligible].map { String(counts[$0] ?? 0) }
  }

  private func overview() -> String {
    var table = MarkdownTable(columns: messages.compareOverviewColumns, rightAligned: Set(2...7))
    let baseAllocated = base.settlement.schemes.reduce(0) { $0 + $1.allocated }
    table.add([messages.baseName, "–", names.kroner(baseAllocated)] + counts(base.result.outcomes) + ["–"])
    for entry in entries {
      switch entry.outcome {
      case .success(let solved):
        let allocated = solved.input.settlement.schemes.reduce(0) { $0 + $1.allocated }
        table.add(
          [names.text(entry.variant.name), names.text(entry.variant.title), names.kroner(allocated)] + counts(solved.input.result.outcomes)
            + [String(solved.comparison.measures.count)])
      case .failure:
        table.add([names.text(entry.variant.name), names.text(entry.variant.title), "–", "–", "–", "–", "–", "–"])
      }
    }
    return table.rendered
  }

  private func section(_ entry: Entry) -> String {
    var parts = ["## " + messages.variantHeading(name: entry.variant.name, title: entry.variant.title).markdownEscaped]
    var intro: [String] = []
    if let description = entry.variant.description { intro.append(description) }
    if let basedOn = entry.variant.basedOn { intro.append(messages.basedOn(basedOn)) }
    if !intro.isEmpty { parts.append(intro.joined(separator: " ")) }
    switch entry.outcome {
    case .failure(let failure):
      parts.append(messages.variantFailed(names.text(failure.reason)))
    case .success(let solved):
      let comparison = solved.comparison
      var schemes = MarkdownTable(columns: messages.compareSchemeColumns, rightAligned: Set(1...5))
      for totals in comparison.schemes {
        schemes.add([
          names.scheme(totals.scheme), names.kroner(totals.baseFrame), names.kroner(totals.variantFrame),
          names.kroner(totals.baseAllocated), names.kroner(totals.variantAllocated),
          signed(totals.variantAllocated - totals.baseAllocated),
        ])
      }
      parts.append(schemes.rendered)
      parts.append("### " + messages.holderTotalsHeading)
      var holders = MarkdownTable(columns: messages.holderTotalsColumns, rightAligned: [1, 2, 3])
      for totals in comparison.holders {
        holders.add([
          names.holder(totals.holder), names.kroner(totals.baseMoney), names.kroner(totals.variantMoney), signed(totals.change),
        ])
      }
      let (baseSum, variantSum) = comparison.holders.reduce((0, 0)) { ($0.0 + $1.baseMoney, $0.1 + $1.variantMoney) }
      holders.add([
        "**" + messages.total + "**", "**" + names.kroner(baseSum) + "**", "**" + names.kroner(variantSum) + "**",
        "**" + signed(variantSum - baseSum) + "**",
      ])
      parts.append(holders.rendered)
      parts.append("### " + messages.measureChangesHeading)
      parts.append(measureTable(comparison))
      parts.append("### " + messages.ownerChangesHeading)
      parts.append(ownerTable(comparison))
    }
    return parts.joined(separator: "\n\n")
  }

  private func measureTable(_ comparison: Comparison) -> String {
    guard !comparison.measures.isEmpty else { return messages.noChanges }
    var table = MarkdownTable(columns: messages.measureChangeColumns, rightAligned: [4, 5, 6])
    for difference in comparison.measures {
      let measure = base.scenario.measure(difference.measure)
      let list = measure.map { names.holder($0.holder) + " · " + names.scheme($0.scheme) } ?? ""
      table.add([
        names.measure(difference.measure), list,
        messages.status(difference.baseStatus, share: names.percent(difference.baseShare)),
        messages.status(difference.variantStatus, share: names.percent(difference.variantShare)),
        names.kroner(difference.baseMoney), names.kroner(difference.variantMoney), signed(difference.change),
      ])
    }
    return table.rendered
  }

  private func ownerTable(_ comparison: Comparison) -> String {
    guard !comparison.owners.isEmpty else { return messages.noChanges }
    var table = MarkdownTable(columns: messages.ownerChangeColumns, rightAligned: [1, 2, 3])
    for difference in comparison.owners {
      let name = names.owner(difference.owner)
      table.add([name, names.kroner(difference.baseGrant), names.kroner(difference.variantGrant), signed(difference.change)])
    }
    return table.rendered
  }

  /// `+1 500`, `−1 500` or `0`.
  private func signed(_ amount: Int) -> String { amount > 0 ? "+" + names.kroner(amount) : names.kroner(amount) }
}
