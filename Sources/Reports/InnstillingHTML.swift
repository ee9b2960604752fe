import GrantAllocation
import Ink
import Mustache

/// The innstilling as one self-contained HTML page: charts of money per scheme, per network
/// against its floor, and partner hours against capacity, then the whole Markdown document.
public struct InnstillingHTML {
  let input: ReportInput
  let markdown: String

  /// - Parameter markdown: the rendered ``InnstillingMarkdown``, shown below the charts.
  public init(_ input: ReportInput, markdown: String) {
    self.input = input
    self.markdown = markdown
  }

  /// - Parameter chrome: what a page of `dekom serve` adds around the report; none for the file.
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
    let frames = input.scenario.schemes.reduce(0) { $0 + $1.frame }
    let keyShares = input.scenario.networkKeyShares()
    let networks = BarChart(
      heading: labels.moneyPerNetwork,
      series: [.init(label: labels.keyShare, color: "#e6d9b8"), .init(label: labels.received, color: "#8a5a00")],
      rows: input.scenario.networks.map { network in
        let received = zip(input.scenario.measures, input.settlement.measures)
          .filter { $0.0.holder == .network(network.id) }.reduce(0) { $0 + $1.1.total }
        let share = (keyShares[network.id] ?? 0) * frames
        return BarChart.Row(
          label: network.name, values: [share, Double(received)], valueText: names.kroner(received) + " " + messages.currencySuffix)
      })
    let partners = BarChart(
      heading: labels.partnerHours,
      series: [.init(label: labels.capacity, color: "#d8e8d0"), .init(label: labels.used, color: "#3c7a3c")],
      rows: input.settlement.partners.flatMap { money in
        PartnerRole.allCases.compactMap { role -> BarChart.Row? in
          let capacity = money.capacity[role] ?? 0
          guard capacity > 0 else { return nil }
          let used = money.hours[role] ?? 0
          return BarChart.Row(
            label: "\(names.partner(money.partner)) – \(messages.role(role))", values: [capacity, used],
            valueText: "\(names.hours(used)) / \(names.hours(capacity)) t")
        }
      })
    return [schemes, networks, partners]
  }
}

/// What a page of `dekom serve` adds around a report: navigation before it, forms and links after
/// it, and the CSS they need. Empty for the report files.
public struct PageChrome: Sendable {
  /// HTML before the document.
  public var nav: String?
  /// HTML after the document.
  public var after: String?
  /// CSS added to the report's stylesheet.
  public var style: String?

  public init(nav: String? = nil, after: String? = nil, style: String? = nil) {
    self.nav = nav
    self.after = after
    self.style = style
  }
}

/// A page from the `page` template: charts, then a Markdown document as HTML.
struct HTMLPage {
  var language: Language
  var title: String
  var charts: [BarChart]
  var markdown: String
  var chrome = PageChrome()

  struct Context {
    var lang: String
    var title: String
    var head: String
    var charts: [BarChart.Context]
    var body: String
    var pageStyle: String?
    var nav: String?
    var after: String?
  }

  func render() throws -> String {
    let library = MustacheLibrary(templates: [
      "page": try MustacheTemplate(string: HTMLTemplates.page), "chart": try MustacheTemplate(string: HTMLTemplates.chart),
    ])
    // The charts stand after the document's title and introduction, before its first section.
    let split = markdown.range(of: "\n## ")
    let head = split.map { String(markdown[..<$0.lowerBound]) } ?? markdown
    let rest = split.map { String(markdown[$0.lowerBound...]) } ?? ""
    let parser = MarkdownParser()
    let context = Context(
      lang: language.rawValue, title: title, head: parser.html(from: head), charts: charts.map(\.context),
      body: parser.html(from: rest), pageStyle: chrome.style, nav: chrome.nav, after: chrome.after)
    guard let page = library.render(context, withTemplate: "page") else { throw HTMLError() }
    return page
  }

  struct HTMLError: Error {}
}
