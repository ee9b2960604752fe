import Explanations
import GrantAllocation
import Reports
import UserMessages
import Variants

/// The addresses of the pages `dekom serve` shows, in one place for the pages and the server.
///
/// Every address names a scenario and a variant by the name the server found it under, never by
/// a path, so no address can point at a file.
public struct PageLinks: Sendable {
  public var language: Language

  public init(language: Language) { self.language = language }

  private var query: String { "lang=\(language.rawValue)" }

  public var home: String { "/?\(query)" }
  public func allocation(_ scenario: String) -> String { "/s/\(scenario)?\(query)" }
  public func variant(_ scenario: String, _ variant: String) -> String { "/s/\(scenario)/v/\(variant)?\(query)" }
  public func compare(_ scenario: String, variants: [String] = []) -> String {
    "/s/\(scenario)/compare?\(query)" + variants.map { "&v=\($0)" }.joined()
  }
  /// A measure's page; its id may hold any letter, so it is percent-encoded (the server decodes it).
  public func measure(_ scenario: String, _ measure: String) -> String {
    "/s/\(scenario)/measure/\(Self.percentEncoded(measure))?\(query)"
  }
  public func whatIf(_ scenario: String) -> String { "/s/\(scenario)/whatif?\(query)" }
  public func plan(_ scenario: String) -> String { "/s/\(scenario)/plan?\(query)" }
  /// The decision letters of the scenario's allocation, and one of them by its file name.
  public func letters(_ scenario: String) -> String { "/s/\(scenario)/vedtak?\(query)" }
  public func letter(_ scenario: String, _ fileName: String) -> String {
    "/s/\(scenario)/vedtak/\(Self.percentEncoded(fileName))?\(query)"
  }
  /// The form's action: without the query, which the form's hidden `lang` field carries.
  public func whatIfAction(_ scenario: String) -> String { "/s/\(scenario)/whatif" }
  public func save(_ scenario: String) -> String { "/s/\(scenario)/save" }

  /// `text` as one part of an address: every byte but ASCII letters, digits and `-._~`
  /// percent-encoded (UTF-8).
  static func percentEncoded(_ text: String) -> String {
    var encoded = ""
    for byte in text.utf8 {
      let scalar = Unicode.Scalar(byte)
      if scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
        || "-._~".unicodeScalars.contains(scalar)
      {
        encoded.unicodeScalars.append(scalar)
      } else {
        encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return encoded
  }
}

/// Where the explanations of an allocation page stand (what it would take, the waiting lists and
/// the shadow prices, as `dekom run` writes them).
public enum ExplanationNotice: Sendable {
  /// Nothing to say: the page shows them, or has none (a plan, a what-if).
  case none
  /// Being computed: `done` of `total` measures so far; the page loads `address` again.
  case pending(done: Int, total: Int, address: String)
  /// Could not be computed, and why.
  case failed(String)
}

/// One scenario on the list page.
public struct ScenarioListEntry: Sendable {
  /// The name in the page addresses (the folder's name).
  public var name: String
  /// The scenario's document title; `nil` when the scenario does not load.
  public var title: String?
  /// What `dekom check` would print for a scenario that does not load.
  public var issues: [String]
  public var variants: [(name: String, title: String)]
  /// Variant files that do not load, with what `dekom check` says of each: marked on the list,
  /// while the base and the other variants are shown as usual.
  public var brokenVariants: [(name: String, problems: [String])]

  public init(
    name: String, title: String?, issues: [String], variants: [(name: String, title: String)],
    brokenVariants: [(name: String, problems: [String])] = []
  ) {
    self.name = name
    self.title = title
    self.issues = issues
    self.variants = variants
    self.brokenVariants = brokenVariants
  }
}

/// The pages of `dekom serve`. Each is a whole HTML document made from the same `page` template
/// as `innstilling.html` and `compare.html`, with the same stylesheet; none needs a script.
public struct WebPages {
  public let language: Language
  public let links: PageLinks
  /// The server's secret that every form which changes something carries back (``WebPages/formTokenField``).
  public var formToken: String
  /// Whether the scenario is a long-term plan: its pages then link the plan.
  public var linksPlan = false
  var messages: any PageWords { language.pageWords }

  /// The name of the hidden field that carries ``formToken``.
  public static let formTokenField = "token"

  public init(language: Language, formToken: String = "") {
    self.language = language
    self.formToken = formToken
    links = PageLinks(language: language)
  }

  /// CSS the pages add to the reports' stylesheet: navigation, forms, messages next to fields and
  /// the changes in a comparison.
  static let style = """
    nav.site { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; align-items: baseline; border-bottom: 1px solid #c9d3dc; padding-bottom: .5rem; }
    nav.site a { color: #2f6f8f; font-weight: 600; }
    nav.site .language { margin-left: auto; }
    .notice { background: #e6f2e6; border-left: 4px solid #3c7a3c; padding: .5rem 1rem; }
    .problem, .field-error { color: #9b1c1c; }
    .problems { background: #fbeaea; border-left: 4px solid #9b1c1c; padding: .5rem 1rem; }
    input[aria-invalid="true"] { border: 2px solid #9b1c1c; background: #fff3f3; }
    fieldset { border: 1px solid #c9d3dc; margin: 1rem 0; }
    legend { font-weight: 600; color: #2f6f8f; }
    input[type="text"] { width: 9rem; }
    input.wide { width: 22rem; }
    button { background: #2f6f8f; color: white; border: 0; padding: .4rem 1.2rem; font-size: 1rem; cursor: pointer; }
    details summary { cursor: pointer; font-weight: 600; margin: .4rem 0; }
    h3 + table td:last-child, h3 + p + table td:last-child { font-weight: 600; background: #fff6dd; }
    """

  /// The navigation bar: the scenario list, this scenario's pages, and the other language.
  func nav(scenario: String?, otherLanguage: String) -> String {
    var items = ["<a href=\"\(escapeHTML(links.home))\">\(escapeHTML(messages.navScenarios))</a>"]
    if let scenario {
      items += [
        "<a href=\"\(escapeHTML(links.allocation(scenario)))\">\(escapeHTML(messages.navAllocation))</a>",
        "<a href=\"\(escapeHTML(links.compare(scenario)))\">\(escapeHTML(messages.navCompare))</a>",
        "<a href=\"\(escapeHTML(links.whatIf(scenario)))\">\(escapeHTML(messages.navWhatIf))</a>",
      ]
      if linksPlan { items.append("<a href=\"\(escapeHTML(links.plan(scenario)))\">\(escapeHTML(messages.navPlan))</a>") }
      items.append("<a href=\"\(escapeHTML(links.letters(scenario)))\">\(escapeHTML(messages.navLetters))</a>")
    }
    let other = language == .nb ? Language.en : .nb
    items.append(
      "<a class=\"language\" hreflang=\"\(other.rawValue)\" href=\"\(escapeHTML(otherLanguage))\">\(escapeHTML(messages.otherLanguageLink))</a>"
    )
    return "<nav class=\"site\">" + items.joined(separator: "\n") + "</nav>"
  }

  /// The page's chrome with a notice (e.g. "saved") under the navigation.
  func chrome(scenario: String?, otherLanguage: String, notice: String? = nil, after: String? = nil) -> PageChrome {
    var top = nav(scenario: scenario, otherLanguage: otherLanguage)
    if let notice { top += "\n<p class=\"notice\" role=\"status\">\(escapeHTML(notice))</p>" }
    return PageChrome(nav: top, after: after, style: Self.style)
  }

  /// A page with a Markdown document and extra HTML after it.
  func page(title: String, markdown: String, chrome: PageChrome) throws -> String {
    try HTMLPage(language: language, title: title, markdown: markdown, chrome: chrome).render()
  }

  // MARK: The scenario list

  /// The scenarios under the served folder, with their variants and pages.
  ///
  /// - Parameters:
  ///   - folder: the served folder as the user gave it.
  ///   - entries: the scenarios found there.
  ///   - otherLanguage: this page's address in the other language.
  /// - Returns: the whole HTML page.
  /// - Throws: when the page template cannot be rendered.
  public func scenarioList(folder: String, entries: [ScenarioListEntry], otherLanguage: String) throws -> String {
    var html = ""
    if entries.isEmpty {
      html = "<p>\(escapeHTML(messages.noScenarios))</p>"
    } else {
      let columns = messages.scenarioListColumns.map { "<th>\(escapeHTML($0))</th>" }.joined()
      html = "<table class=\"scenarios\">\n<thead><tr>\(columns)</tr></thead>\n<tbody>\n"
      for entry in entries {
        let name = escapeHTML(entry.name)
        guard let title = entry.title else {
          let issues = entry.issues.map { "<li>\(escapeHTML($0))</li>" }.joined()
          html +=
            "<tr><td>\(name)</td><td colspan=\"2\"><p class=\"problem\">\(escapeHTML(messages.scenarioHasErrors(entry.issues.count)))</p><ul>\(issues)</ul></td></tr>\n"
          continue
        }
        var variants =
          entry.variants.isEmpty && entry.brokenVariants.isEmpty
          ? escapeHTML(messages.noVariants)
          : "<ul>"
            + entry.variants.map {
              "<li><a href=\"\(escapeHTML(links.variant(entry.name, $0.name)))\">\(escapeHTML($0.name))</a>: \(escapeHTML($0.title))</li>"
            }.joined()
        for broken in entry.brokenVariants {
          let problems = broken.problems.map { "<li>\(escapeHTML($0))</li>" }.joined()
          variants +=
            "<li class=\"broken-variant\">\(escapeHTML(broken.name)): <span class=\"problem\">\(escapeHTML(messages.variantHasErrors(broken.problems.count)))</span><ul>\(problems)</ul></li>"
        }
        if !entry.variants.isEmpty || !entry.brokenVariants.isEmpty { variants += "</ul>" }
        let pages = [
          (links.allocation(entry.name), messages.navAllocation), (links.compare(entry.name), messages.navCompare),
          (links.whatIf(entry.name), messages.navWhatIf),
        ].map { "<a href=\"\(escapeHTML($0.0))\">\(escapeHTML($0.1))</a>" }.joined(separator: " · ")
        html +=
          "<tr><td><a href=\"\(escapeHTML(links.allocation(entry.name)))\">\(escapeHTML(title))</a><br><small>\(name)</small></td><td>\(variants)</td><td>\(pages)</td></tr>\n"
      }
      html += "</tbody>\n</table>"
    }
    let markdown = "# " + messages.pagesTitle + "\n\n" + messages.scenarioListIntro(folder: folder).markdownEscaped + "\n"
    return try page(
      title: messages.pagesTitle, markdown: markdown, chrome: chrome(scenario: nil, otherLanguage: otherLanguage, after: html))
  }

  // MARK: One allocation

  /// Seconds after which a page whose explanations are being computed loads itself again.
  public static let refreshSeconds = 5

  /// One scenario's (or variant's) allocation: the innstilling with its charts, as `innstilling.html`
  /// (with its explanations once they are computed), each measure's name linked to its page, the
  /// money per network and scheme; then links to each measure's explanation.
  ///
  /// - Parameters:
  ///   - input: the allocation, with its explanation when it has been computed.
  ///   - base: a variant's base (the money per network and scheme then shows the change).
  ///   - scenario: the scenario's name in the page addresses.
  ///   - explanations: whether the explanations are still being computed (the page then says so
  ///     and loads itself again), or could not be.
  ///   - otherLanguage: this page's address in the other language.
  ///   - notice: a line under the navigation (e.g. "saved").
  /// - Returns: the whole HTML page.
  /// - Throws: when the page template cannot be rendered.
  public func allocation(
    _ input: ReportInput, base: ReportInput? = nil, scenario: String, explanations: ExplanationNotice = .none, otherLanguage: String,
    notice: String? = nil
  ) throws -> String {
    let links = links
    let markdown = InnstillingMarkdown(
      input, page: InnstillingPageAdditions(measureAddress: { links.measure(scenario, $0.rawValue) }, base: base)
    ).render()
    let names = input.names
    var html = "<section class=\"explain\" id=\"explain\">\n<h2>\(escapeHTML(messages.explainHeading))</h2>\n"
    html += "<p>\(escapeHTML(messages.explainIntro))</p>\n<ul>\n"
    for (measure, outcome) in zip(input.result.scenario.measures, input.result.outcomes) {
      let status = input.statusText(outcome)
      html +=
        "<li><a href=\"\(escapeHTML(links.measure(scenario, measure.id.rawValue)))\">\(escapeHTML(names.measure(measure.id)))</a> – \(escapeHTML(names.holder(measure.holder))): \(escapeHTML(status))</li>\n"
    }
    html += "</ul>\n</section>"
    var top = chrome(scenario: scenario, otherLanguage: otherLanguage, notice: notice, after: html)
    switch explanations {
    case .none: break
    case .pending(let done, let total, let address):
      top.nav =
        (top.nav ?? "")
        + "\n<p class=\"notice\" role=\"status\" id=\"explanations-pending\">"
        + escapeHTML(messages.explanationsPending(done: done, total: total, seconds: Self.refreshSeconds))
        + " <a href=\"\(escapeHTML(address))\">\(escapeHTML(messages.reloadLink))</a></p>"
      top.refresh = PageRefresh(seconds: Self.refreshSeconds, address: address)
    case .failed(let reason):
      top.nav =
        (top.nav ?? "")
        + "\n<p class=\"problems\" role=\"status\" id=\"explanations-failed\">\(escapeHTML(messages.explanationsFailed(reason)))</p>"
    }
    return try InnstillingHTML(input, markdown: markdown).render(chrome: top)
  }

  // MARK: The long-term plan

  /// A plan scenario's long-term plan, as `langsiktig-plan.html`, with the site's navigation.
  ///
  /// - Parameters:
  ///   - document: the plan's document.
  ///   - scenario: the scenario's name in the page addresses.
  ///   - otherLanguage: this page's address in the other language.
  /// - Returns: the whole HTML page.
  /// - Throws: when the page template cannot be rendered.
  public func plan(_ document: PlanMarkdown, scenario: String, otherLanguage: String) throws -> String {
    try PlanHTML(document, markdown: document.render()).render(chrome: chrome(scenario: scenario, otherLanguage: otherLanguage))
  }

  // MARK: The decision letters

  /// The list of the decision letters of an allocation, each linked to its page.
  ///
  /// - Parameters:
  ///   - input: the allocation's report input.
  ///   - letters: the letters as ``DecisionLetterDocuments/markdown()`` gives them.
  ///   - scenario: the scenario's name in the page addresses.
  ///   - otherLanguage: this page's address in the other language.
  /// - Returns: the whole HTML page.
  /// - Throws: when the page template cannot be rendered.
  public func letters(
    _ input: ReportInput, letters: [(fileName: String, letter: DecisionLetter, markdown: String)], scenario: String,
    otherLanguage: String
  ) throws -> String {
    let title = messages.lettersTitle(input.plainDocumentTitle)
    var lines = ["# " + title.markdownEscaped, "", messages.lettersIntro.markdownEscaped, ""]
    lines.append("| " + messages.lettersColumns.joined(separator: " | ") + " |")
    lines.append("|---|---:|")
    for (fileName, letter, _) in letters {
      let name = input.names.recipient(letter.recipient).markdownEscaped
      lines.append("| [\(name)](\(links.letter(scenario, fileName))) | \(input.names.kroner(letter.total)) |")
    }
    return try page(
      title: title, markdown: lines.joined(separator: "\n") + "\n", chrome: chrome(scenario: scenario, otherLanguage: otherLanguage))
  }

  /// One decision letter, as `vedtak/NAME.html` shows it, with the site's navigation.
  ///
  /// - Parameters:
  ///   - markdown: the letter as rendered from the template.
  ///   - title: the letter's title.
  ///   - scenario: the scenario's name in the page addresses.
  ///   - otherLanguage: this page's address in the other language.
  /// - Returns: the whole HTML page.
  /// - Throws: when the page template cannot be rendered.
  public func letter(markdown: String, title: String, scenario: String, otherLanguage: String) throws -> String {
    try page(title: title, markdown: markdown, chrome: chrome(scenario: scenario, otherLanguage: otherLanguage))
  }

  // MARK: A comparison

  /// The base and the chosen variants side by side (as `compare.html`), with a form to choose them.
  ///
  /// - Parameters:
  ///   - report: the comparison of the base with the chosen variants.
  ///   - scenario: the scenario's name in the page addresses.
  ///   - variants: every variant of the scenario (for the form).
  ///   - chosen: the names of the variants in `report`.
  ///   - otherLanguage: this page's address in the other language.
  /// - Returns: the whole HTML page.
  /// - Throws: when the page template cannot be rendered.
  public func comparison(
    _ report: CompareMarkdown, scenario: String, variants: [(name: String, title: String)], chosen: [String], otherLanguage: String
  ) throws -> String {
    var form = "<form method=\"get\" action=\"/s/\(escapeHTML(scenario))/compare\" class=\"choose\">\n"
    form += "<fieldset><legend>\(escapeHTML(messages.chooseVariantsHeading))</legend>\n"
    form += "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">\n"
    for variant in variants {
      let checked = chosen.contains(variant.name) ? " checked" : ""
      form +=
        "<label><input type=\"checkbox\" name=\"v\" value=\"\(escapeHTML(variant.name))\"\(checked)> \(escapeHTML(variant.name)): \(escapeHTML(variant.title))</label><br>\n"
    }
    form += "<button type=\"submit\">\(escapeHTML(messages.compareButton))</button>\n</fieldset>\n</form>"
    var top = chrome(scenario: scenario, otherLanguage: otherLanguage)
    top.nav = (top.nav ?? "") + "\n" + form
    return try report.renderHTML(markdown: report.render(), chrome: top)
  }

  // MARK: One measure

  /// One measure's page: its report (``MeasureMarkdown``) with the navigation.
  ///
  /// - Parameters:
  ///   - id: the measure.
  ///   - input: the allocation it is part of.
  ///   - whatItTakes: the search's answer; `nil` when there is nothing to search (funded in full,
  ///     ineligible or continuing).
  ///   - seconds: how long the search took; `nil` when it comes from the explained run (`input`'s
  ///     explanation).
  ///   - scenario: the scenario's name in the page addresses.
  ///   - otherLanguage: this page's address in the other language.
  /// - Returns: the whole HTML page; `nil` when the scenario has no measure `id`.
  /// - Throws: when the page template cannot be rendered.
  public func measure(
    _ id: MeasureID, in input: ReportInput, whatItTakes: WhatItTakes?, seconds: Double?, scenario: String, otherLanguage: String
  ) throws -> String? {
    guard let document = MeasureMarkdown(id, in: input, whatItTakes: whatItTakes, seconds: seconds) else { return nil }
    return try page(title: document.title, markdown: document.render(), chrome: chrome(scenario: scenario, otherLanguage: otherLanguage))
  }

  // MARK: Errors

  /// A page that says what went wrong, with a link back to the list.
  public func problem(title: String, lines: [String], scenario: String?, otherLanguage: String) throws -> String {
    let list = lines.map { "<li>\(escapeHTML($0))</li>" }.joined(separator: "\n")
    let html =
      (lines.isEmpty ? "" : "<ul class=\"problems\">\n\(list)\n</ul>\n")
      + "<p><a href=\"\(escapeHTML(links.home))\">\(escapeHTML(messages.backToList))</a></p>"
    return try page(
      title: title, markdown: "# " + title.markdownEscaped + "\n",
      chrome: chrome(scenario: scenario, otherLanguage: otherLanguage, after: html))
  }

  /// The title of a page for an HTTP status dekom answers with.
  public func problemTitle(_ kind: ProblemKind) -> String {
    switch kind {
    case .notFound: messages.notFoundTitle
    case .badRequest: messages.badRequestTitle
    case .tooLarge: messages.tooLargeTitle
    case .busy: messages.busyTitle
    case .forbidden: messages.forbiddenTitle
    case .misdirected: messages.misdirectedTitle
    case .noAllocation: messages.noAllocationTitle
    case .invalidScenario: messages.invalidScenarioTitle
    }
  }

  /// What went wrong with a request.
  public enum ProblemKind: Sendable {
    case notFound, badRequest, tooLarge, busy, noAllocation, invalidScenario, forbidden, misdirected
  }
}

extension WebPages {
  /// "Saved as variants/NAME.yaml."
  public func savedNotice(file: String) -> String { messages.saved(file: file) }
  /// Why a variant was not saved over an existing one.
  public func variantExists(_ name: String) -> String { messages.variantExists(name) }
  /// Why a variant could not be saved, in the page's language.
  func cannotSave(_ failure: VariantSaver.WriteFailure) -> String { messages.cannotSave(failure) }
}
