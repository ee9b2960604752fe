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

  public func render() throws -> String {
    try HTMLPage(language: plan.language, title: plan.title, charts: [plan.chart], markdown: markdown).render()
  }
}
