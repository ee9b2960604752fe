import GrantAllocation
import Ink
import Mustache

/// The innstilling as one self-contained HTML page: charts of money per scheme, per network
/// against its key share in each scheme, and partner hours against capacity, then the whole Markdown document.
public struct InnstillingHTML {
  let input: ReportInput
  let markdown: String

  /// - Parameters:
  ///   - input: what the report shows.
  ///   - markdown: the rendered ``InnstillingMarkdown``, shown below the charts.
  public init(_ input: ReportInput, markdown: String) {
    self.input = input
    self.markdown = markdown
  }

  /// The page.
  ///
  /// - Parameter chrome: what a page of `dekom serve` adds around the report; none for the file.
  /// - Returns: the HTML page.
  /// - Throws: when the page template cannot be rendered (a bug in dekom).
  public func render(chrome: PageChrome = PageChrome()) throws -> String {
    try HTMLPage(
      language: input.language,
      title: input.messages.documentTitle(
        year: input.scenario.year, county: input.scenario.county, title: input.scenario.title), charts: charts, markdown: markdown,
      chrome: chrome
    ).render()
  }

  var charts: [BarChart] {
    let messages = input.messages
    let names = input.names
    let labels = messages.chartLabels
    let schemes = BarChart(
      heading: labels.moneyPerScheme,
      series: [.init(label: labels.frame, color: "#cfdde8"), .init(label: labels.allocated, color: "#2f6f8f")],
      rows: input.settlement.schemes.map { money in
        BarChart.Row(
          label: names.scheme(money.scheme), values: [Double(money.frame), Double(money.allocated)],
          valueText: names.percent(money.frame > 0 ? Double(money.allocated) / Double(money.frame) : 0))
      })
    // One chart per scheme: each network's money against its share of that scheme's key.
    let networkCharts = input.scenario.schemes.map { scheme in
      let keyShares = input.scenario.networkKeyShares(scheme: scheme)
      return BarChart(
        heading: "\(labels.moneyPerNetwork): \(names.scheme(scheme.id))",
        series: [.init(label: labels.keyShare, color: "#e6d9b8"), .init(label: labels.received, color: "#8a5a00")],
        rows: input.scenario.networks.compactMap { network in
          let received = zip(input.scenario.measures, input.settlement.measures)
            .filter { $0.0.holder == .network(network.id) && $0.0.scheme == scheme.id }.reduce(0) { $0 + $1.1.total }
          let share = (keyShares[network.id] ?? 0) * scheme.frame
          guard share > 0 || received > 0 else { return nil }
          return BarChart.Row(
            label: network.name, values: [share, Double(received)], valueText: names.kroner(received) + " " + messages.currencySuffix)
        })
    }
    let partners = BarChart(
      heading: labels.partnerHours,
      series: [.init(label: labels.capacity, color: "#d8e8d0"), .init(label: labels.used, color: "#3c7a3c")],
      rows: input.settlement.partners.flatMap { money in
        PartnerRole.allCases.compactMap { role -> BarChart.Row? in
          let capacity = money.capacity[role] ?? 0
          guard capacity > 0 else { return nil }
          let used = Double(money.wholeHours[role] ?? 0)
          return BarChart.Row(
            label: "\(names.partner(money.partner)) – \(messages.role(role))", values: [capacity, used],
            valueText: messages.hoursOfCapacity(used: names.hours(used), capacity: names.hours(capacity)))
        }
      })
    return [schemes] + networkCharts + [partners]
  }
}
