import Explanations
import GrantAllocation
import UserMessages

/// What every report renders from: a solved allocation, its settlement in kroner, the language,
/// and who made it.
public struct ReportInput {
  public let result: AllocationResult
  public let settlement: Settlement
  public let language: Language
  public let provenance: ReportProvenance
  /// Shadow prices, what it would take, waiting lists; `nil` when not asked for.
  public let explanation: Explanation?
  let messages: any Messages
  /// Names and numbers as plain text (for CSV, JSON, and HTML that escapes them itself).
  public let names: NameBook
  /// Names and numbers for a Markdown document: every name escaped.
  let markdownNames: NameBook
  /// When the allocation is the first year of a long-term plan: the commitments it creates for
  /// later years, shown in a section of their own.
  public var planCommitments: PlanCommitments?

  /// - Precondition: `result` has an allocation.
  public init(result: AllocationResult, language: Language, provenance: ReportProvenance, explanation: Explanation? = nil) {
    self.explanation = explanation
    self.result = result
    settlement = Settlement(result)
    self.language = language
    self.provenance = provenance
    messages = language.messages
    names = NameBook(scenario: result.scenario, messages: language.messages)
    markdownNames = names.forMarkdown
  }

  var scenario: Scenario { result.scenario }

  /// A measure's decision as the report words it ("delvis innvilget (60 %)").
  public func statusText(_ outcome: MeasureOutcome) -> String { messages.status(outcome.status, share: names.percent(outcome.share)) }

  /// A partner role's name in the report's language.
  public func roleName(_ role: PartnerRole) -> String { messages.role(role) }

  /// The innstilling's title without the scenario's own title ("Felles årlig innstilling … 2027").
  public var plainDocumentTitle: String { messages.documentTitle(year: scenario.year, county: scenario.county, title: nil) }
}
