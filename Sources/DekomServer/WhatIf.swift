import Foundation
import GrantAllocation
import Reports
import ScenarioFiles
import ScenarioFormat
import UserMessages
import Variants

private typealias Keys = ScenarioSchema.Variant

/// A what-if asked on the page: the form's filled-in fields, written as a variant file and read
/// back by the same loader as `variants/*.yaml`, so the page checks each value with the same rules
/// and messages as `dekom check`, and a saved variant solves to the same numbers as on the page.
struct WhatIf: Sendable, Equatable {
  /// Field name (``WhatIfField``) → the text typed in, for the fields that are not empty.
  var values: [String: String]

  /// The change fields of `form` that name something in `scenario`; other fields are ignored.
  init(form: FormData, scenario: Scenario) {
    var values: [String: String] = [:]
    for name in WhatIfField.changeFields(of: scenario) {
      let text = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
      if !text.isEmpty { values[name] = String(text.prefix(100)) }
    }
    self.values = values
  }

  var isEmpty: Bool { values.isEmpty }

  /// The changes in one line, in the form's order ("rekom: ramme × 0,9; ntnu: pool-timer 500"):
  /// the what-if's title when none is given, so that its page says what it changed.
  func summary(in scenario: Scenario, words: any PageWords) -> String {
    WhatIfChange.fields(of: scenario).compactMap { field in values[field.name].map { words.changeLine(field.change, value: $0) } }
      .joined(separator: "; ")
  }

  /// The variant file for these changes, in the format of docs/scenario-format.md.
  func yaml(title: String, in scenario: Scenario) -> String {
    var lines = ["# Made on dekom serve's what-if page.", "\(Keys.title): \(Self.scalar(title))"]
    func section(_ key: String, _ entries: [(id: String, changes: [(key: String, value: String)])]) {
      let filled = entries.filter { !$0.changes.isEmpty }
      guard !filled.isEmpty else { return }
      lines.append("\(key):")
      for entry in filled {
        lines.append("  \(entry.id):")
        for change in entry.changes { lines.append("    \(change.key): \(Self.scalar(change.value))") }
      }
    }
    func changes(_ fields: [(String, String)]) -> [(key: String, value: String)] {
      fields.compactMap { field, key in values[field].map { (key, $0) } }
    }
    section(
      Keys.frames,
      scenario.schemes.map { scheme in
        (
          scheme.id.rawValue,
          changes([(WhatIfField.frame(scheme.id), Keys.Frame.frameNOK), (WhatIfField.factor(scheme.id), Keys.Frame.factor)])
        )
      })
    section(
      Keys.partners,
      scenario.partners.map { partner in
        (partner.id.rawValue, changes(PartnerRole.allCases.map { (WhatIfField.hours(partner.id, $0), Keys.Partner.hours($0.rawValue)) }))
      })
    section(
      Keys.measures,
      scenario.measures.map { measure in
        (
          measure.id.rawValue,
          changes(
            [
              (WhatIfField.rank(measure.id), Keys.Measure.rank), (WhatIfField.minimumShare(measure.id), Keys.Measure.minimumShare),
              (WhatIfField.cost(measure.id), Keys.Measure.costNOK),
            ] + ScenarioSchema.Measures.criteriaFlags.map { (WhatIfField.flag(measure.id, $0), $0) }
              + [(WhatIfField.lock(measure.id), Keys.Measure.lock)])
        )
      })
    let policy = changes(Keys.Policy.keys.map { (WhatIfField.policy($0), $0) })
    if !policy.isEmpty {
      lines.append("\(Keys.policy):")
      for change in policy { lines.append("  \(change.key): \(Self.scalar(change.value))") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A YAML scalar: a plain number as it is, anything else double-quoted with JSON's escapes
  /// (which YAML's double-quoted style reads the same), so no typed text can add keys.
  static func scalar(_ text: String) -> String {
    if !text.isEmpty, text.count <= 30, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "," }),
      let first = text.unicodeScalars.first, ("0"..."9").contains(first)
    {
      return text
    }
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case "\n": quoted += "\\n"
      case "\r": quoted += "\\r"
      case "\t": quoted += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
          || scalar.value == 0x2028 || scalar.value == 0x2029
        {
          quoted += String(format: "\\u%04X", scalar.value)
        } else {
          quoted.unicodeScalars.append(scalar)
        }
      }
    }
    return quoted + "\""
  }

  /// What reading the what-if as a variant gave: the variant and its scenario, or the problems by field.
  enum Checked {
    case valid(variant: Variant, scenario: Scenario, yaml: String)
    case invalid(WhatIfState)
  }

  /// Reads the changes as the file `variants/NAME.yaml` would be read (``VariantFile``, same
  /// messages), and applies them to `base`.
  func check(name: String, title: String, base: Scenario, language: Language) -> Checked {
    let yaml = yaml(title: title, in: base)
    do {
      let variant = try VariantFile.load(Data(yaml.utf8), name: name)
      let scenario = try VariantResolver.scenario(name, variants: [variant], base: base)
      return .valid(variant: variant, scenario: scenario, yaml: yaml)
    } catch {
      return .invalid(state(for: error.issues, base: base, language: language))
    }
  }

  /// The problems next to the fields they are about.
  ///
  /// A problem the loader found names its key (`frames.rekom.factor`), which is the field's name.
  /// A problem found when the change was applied names its section and id
  /// (``IssueText/changeTarget``: `measures`, `sv-dekom-3`); it goes to that id's filled-in field.
  /// The messages are in `language`.
  func state(for issues: [ScenarioIssue], base: Scenario, language: Language) -> WhatIfState {
    var state = WhatIfState(values: values)
    let fields = Set(WhatIfField.changeFields(of: base))
    for issue in issues {
      let message = issue.message(in: language)
      if let field = issue.field, fields.contains(field) {
        state.fieldProblems[field, default: []].append(message)
      } else if let field = fieldNamed(for: issue.text) {
        state.fieldProblems[field, default: []].append(message)
      } else {
        state.problems.append(message)
      }
    }
    return state
  }

  /// The filled-in field an applied change's problem is about (its section `frames`, `partners`
  /// or `measures`, and its id): the field of that id the English text names, else its first
  /// filled-in field.
  private func fieldNamed(for text: IssueText) -> String? {
    guard let (section, id) = text.changeTarget, [Keys.frames, Keys.partners, Keys.measures].contains(section) else { return nil }
    // A lock's refusal belongs to the lock field.
    switch text {
    case .changeLockIneligible, .changeLockNoLastYear:
      if values[WhatIfField.lock(MeasureID(id))] != nil { return WhatIfField.lock(MeasureID(id)) }
    default: break
    }
    let problem = text.words(in: .en).problem
    let candidates = values.keys.filter { $0.hasPrefix("\(section).\(id).") }.sorted()
    let named = candidates.first { field in
      guard let key = field.split(separator: ".").last else { return false }
      return problem.contains(String(key)) || problem.contains(String(key).replacingOccurrences(of: "_hours", with: " hours"))
    }
    return named ?? candidates.first
  }
}
