import GrantAllocation

/// A document rendered from one ``ReportInput``: the allocation, its kroner, the words and the
/// names, each reached the same way in every renderer.
protocol ReportRenderer {
  /// What the document renders.
  var input: ReportInput { get }
}

extension ReportRenderer {
  var result: AllocationResult { input.result }
  var scenario: Scenario { input.result.scenario }
  var settlement: Settlement { input.settlement }
  var messages: any Messages { input.messages }
  /// Names for a Markdown document, escaped (CSV and JSON renderers use ``ReportInput/names``).
  var names: NameBook { input.markdownNames }
  var provenance: ReportProvenance { input.provenance }
}
