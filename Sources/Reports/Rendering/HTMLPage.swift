import GrantAllocation
import Ink
import Mustache
import UserMessages

/// What a page of `dekom serve` adds around a report: navigation before it, forms and links after
/// it, and the CSS they need. Empty for the report files.
public struct PageChrome: Sendable {
  /// HTML before the document.
  public var nav: String?
  /// HTML after the document.
  public var after: String?
  /// CSS added to the report's stylesheet.
  public var style: String?
  /// Load `address` again after `seconds` (a page whose explanations are being computed): a
  /// `<meta http-equiv="refresh">`, which needs no script.
  public var refresh: PageRefresh?

  public init(nav: String? = nil, after: String? = nil, style: String? = nil, refresh: PageRefresh? = nil) {
    self.nav = nav
    self.after = after
    self.style = style
    self.refresh = refresh
  }
}

/// A page that loads an address again after some seconds.
public struct PageRefresh: Sendable {
  public var seconds: Int
  /// The address to load (HTML-escaped by the template).
  public var address: String

  public init(seconds: Int, address: String) {
    self.seconds = seconds
    self.address = address
  }
}

/// A page from the `page` template: charts, then a Markdown document as HTML.
public struct HTMLPage {
  /// What every page may load and run: its own inline styles and images, nothing from elsewhere,
  /// no script at all. In each written file (a `<meta http-equiv>`) and in `dekom serve`'s headers.
  public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'"

  var language: Language
  var title: String
  var charts: [BarChart]
  var markdown: String
  var chrome = PageChrome()

  init(language: Language, title: String, charts: [BarChart], markdown: String, chrome: PageChrome = PageChrome()) {
    self.language = language
    self.title = title
    self.charts = charts
    self.markdown = markdown
    self.chrome = chrome
  }

  /// A page without charts: the Markdown document, with `chrome` around it.
  public init(language: Language, title: String, markdown: String, chrome: PageChrome) {
    self.init(language: language, title: title, charts: [], markdown: markdown, chrome: chrome)
  }

  struct Context {
    var lang: String
    var title: String
    var head: String
    var charts: [BarChart.Context]
    var body: String
    var pageStyle: String?
    var nav: String?
    var after: String?
    var refresh: PageRefresh?
  }

  public func render() throws -> String {
    let library = MustacheLibrary(templates: [
      "page": try MustacheTemplate(string: HTMLTemplates.page), "chart": try MustacheTemplate(string: HTMLTemplates.chart),
    ])
    // The charts stand after the document's title and introduction, before its first section
    // (and before the anchor on the line above its heading, if it has one).
    var split = markdown.range(of: "\n## ")?.lowerBound
    if let heading = split, let line = markdown[..<heading].split(separator: "\n").last, Self.isAnchor(line) {
      split = line.startIndex
    }
    let head = split.map { String(markdown[..<$0]) } ?? markdown
    let rest = split.map { String(markdown[$0...]) } ?? ""
    let parser = MarkdownParser()
    let context = Context(
      lang: language.rawValue, title: title, head: parser.html(from: head), charts: charts.map(\.context),
      body: parser.html(from: rest), pageStyle: chrome.style, nav: chrome.nav, after: chrome.after,
      refresh: chrome.refresh)
    guard let page = library.render(context, withTemplate: "page") else { throw HTMLError() }
    return page
  }

  /// Whether `line` is only an anchor (``anchorMarkdown(_:)``).
  static func isAnchor(_ line: Substring) -> Bool {
    line.hasPrefix("<a id=\"") && line.hasSuffix("\"></a>")
  }

  struct HTMLError: Error {}
}
