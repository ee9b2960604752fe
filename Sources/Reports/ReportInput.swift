import Explanations
import GrantAllocation

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
  let names: NameBook
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
  }

  var scenario: Scenario { result.scenario }
}
