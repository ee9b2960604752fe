import GrantAllocation
import UserMessages

/// The sentences that say why a scenario has no allocation, once per language (part of
/// ``Messages``).
protocol ConflictMessages {
  /// Printed on the terminal before the conflicts, when a run writes nothing.
  var noAllocationHeading: String { get }
  /// One conflicting input as an item of a list, e.g. "rammen for Dekom (2 000 000 kr)".
  func conflictingInput(_ input: ConflictingInput, showing details: ConflictDetails, names: NameBook) -> String
  /// The first sentence of a conflict: its inputs, already worded, as one list.
  func conflictingInputs(_ items: [String]) -> String
  /// One way out, e.g. "øk rammen for Dekom med minst 100 000 kr" (not capitalised).
  func remedy(_ remedy: RemedyPhrase, names: NameBook) -> String
  /// The second sentence: the ways out, already worded, as alternatives.
  func remedies(_ items: [String]) -> String
  /// Said instead of ``remedies(_:)`` when no single change resolves the conflict.
  var noSingleRemedy: String { get }
  /// Added when the diagnosis stopped at its budget.
  var searchCutShort: String { get }
  /// Said when no input of the forum's explains the infeasibility (a bug, not the data).
  var unexplainedConflict: String { get }
}

/// What to show of a continuing commitment or a lock in a conflict: its cost where a frame takes part, its
/// hours in the roles whose capacity or partners take part.
struct ConflictDetails: Equatable {
  var showsCost: Bool
  var roles: [PartnerRole]

  static let none = ConflictDetails(showsCost: false, roles: [])
}

/// A way out of a conflict, as worded: a remedy, or several commitments' ends said at once.
enum RemedyPhrase: Equatable {
  case single(Remedy)
  /// Ending any one of the conflict's commitments (there are several, and each is enough).
  case endAnyCommitment
  /// Ending one of these commitments (some, not all, of the conflict's).
  case endOneOf([MeasureID])
}

/// Conflicts in the forum's words, for the terminal and for `compare.md`.
public enum ConflictText {
  /// The heading printed before the conflicts when a run writes nothing.
  public static func heading(language: Language) -> String { language.messages.noAllocationHeading }

  /// One conflict in one or two sentences: which inputs conflict, and what alone would resolve it.
  public static func describe(_ conflict: Conflict, scenario: Scenario, language: Language) -> String {
    let messages = language.messages
    let names = NameBook(scenario: scenario, messages: messages)
    let items = conflict.inputs.map { input in
      messages.conflictingInput(input, showing: details(of: input, in: conflict), names: names)
    }
    let phrases = remedyPhrases(conflict)
    var text = messages.conflictingInputs(items) + " "
    text += phrases.isEmpty ? messages.noSingleRemedy : messages.remedies(phrases.map { messages.remedy($0, names: names) })
    if !conflict.searchCompleted { text += " " + messages.searchCutShort }
    return text
  }

  /// Every conflict, one text each; when there are none, the sentence that says nothing the forum
  /// controls explains it.
  public static func describe(_ conflicts: [Conflict], scenario: Scenario, language: Language) -> [String] {
    guard !conflicts.isEmpty else { return [language.messages.unexplainedConflict] }
    return conflicts.map { describe($0, scenario: scenario, language: language) }
  }

  static func details(of input: ConflictingInput, in conflict: Conflict) -> ConflictDetails {
    let measure: MeasureID
    let hours: [PartnerRole: Double]
    switch input {
    case .commitment(let id, _, let asked), .lock(let id, _, _, let asked): (measure, hours) = (id, asked)
    default: return .none
    }
    var showsCost = false
    var roles: Set<PartnerRole> = []
    for other in conflict.inputs {
      switch other {
      case .frame: showsCost = true
      case .capacity(_, let role, _): roles.insert(role)
      case .noPartnerHours(measure, let role, _): roles.insert(role)
      default: break
      }
    }
    let shown = PartnerRole.allCases.filter { roles.contains($0) && (hours[$0] ?? 0) > 0 }
    // A commitment with nothing else to show is shown with its cost.
    return ConflictDetails(showsCost: showsCost || shown.isEmpty, roles: shown)
  }

  /// The conflict's remedies in order, with the ends of several commitments said once.
  static func remedyPhrases(_ conflict: Conflict) -> [RemedyPhrase] {
    let commitments = conflict.inputs.compactMap { input -> MeasureID? in
      if case .commitment(let measure, _, _) = input { return measure }
      return nil
    }
    let ended = conflict.remedies.compactMap { remedy -> MeasureID? in
      if case .endCommitment(let measure) = remedy { return measure }
      return nil
    }
    var phrases: [RemedyPhrase] = []
    var endsSaid = false
    for remedy in conflict.remedies {
      guard case .endCommitment = remedy else {
        phrases.append(.single(remedy))
        continue
      }
      // All the commitments' ends become one phrase, where the first of them stands.
      guard !endsSaid else { continue }
      endsSaid = true
      if ended.count == 1 {
        phrases.append(.single(remedy))
      } else if ended.count == commitments.count {
        phrases.append(.endAnyCommitment)
      } else {
        phrases.append(.endOneOf(ended))
      }
    }
    return phrases
  }
}

extension NameBook {
  /// A measure's title, without its id.
  func measureTitle(_ id: MeasureID) -> String { scenario.measure(id)?.title ?? id.rawValue }
}

extension String {
  /// The string with its first character in upper case.
  var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
