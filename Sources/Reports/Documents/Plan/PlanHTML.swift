import GrantAllocation

/// The long-term plan as one self-contained HTML page: the chart of commitments against frames,
/// then the Markdown document.
public struct PlanHTML {
  let plan: PlanMarkdown
  let markdown: String

  public init(_ plan: PlanMarkdown, markdown: String) {
    self.plan = plan
    self.markdown = markdown
  }

  /// The page; `chrome`: what a served page adds around the document (navigation, style).
  public func render(chrome: PageChrome = PageChrome()) throws -> String {
    try HTMLPage(language: plan.language, title: plan.title, charts: [plan.chart], markdown: markdown, chrome: chrome).render()
  }
}
