import GrantAllocation

/// `compare.md` for a multi-year scenario: per plan year, the base and every variant side by side
/// (each year's ``CompareMarkdown``, one heading level down).
public struct PlanCompareMarkdown {
  let years: [CompareMarkdown]
  let county: String

  /// - Parameters:
  ///   - years: one comparison per plan year, in order.
  ///   - county: the county, for the title.
  public init(years: [CompareMarkdown], county: String) {
    self.years = years
    self.county = county
  }

  var messages: any PlanMessages { years[0].base.language.planMessages }
  var title: String {
    // A plan comparison has the plan's years, at least two.
    messages.compareTitle(
      first: years.first?.base.scenario.year ?? 0, last: years.last?.base.scenario.year ?? 0, county: county)
  }

  public func render() -> String {
    var parts = ["# " + title.markdownEscaped]
    if let note = years[0].base.scenario.note { parts.append("> " + note.replacingOccurrences(of: "\n", with: " ").markdownEscaped) }
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
