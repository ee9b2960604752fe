import GrantAllocation
import ScenarioFormat
import Yams

private typealias Keys = ScenarioSchema.Settings.Decision

/// Reads the optional `vedtak:` section of `scenario.yaml`: the conditions, reporting, contact and
/// appeal the decision letters state.
enum DecisionTermsSettings {
  static func read(_ node: Node, _ reader: inout YAMLReader) -> DecisionTerms {
    let section = ScenarioSchema.Settings.decision
    guard let entry = reader.mapping(node, section, allowed: Keys.keys, required: []) else { return DecisionTerms() }
    func path(_ key: String) -> String { "\(section).\(key)" }
    var conditions: [String] = []
    if let items = reader.sequence(entry[Keys.conditions], path(Keys.conditions)) {
      conditions = items.compactMap { reader.text($0, path(Keys.conditions)) }
    }
    let deadline = entry[Keys.reportingDeadline].flatMap { node in
      reader.text(node, path(Keys.reportingDeadline)).flatMap { reader.take(node, path(Keys.reportingDeadline), CellValues.date($0)) }
    }
    return DecisionTerms(
      conditions: conditions, reporting: entry[Keys.reporting].flatMap { reader.text($0, path(Keys.reporting)) },
      reportingDeadline: deadline, contact: entry[Keys.contact].flatMap { reader.text($0, path(Keys.contact)) },
      appeal: entry[Keys.appeal].flatMap { reader.text($0, path(Keys.appeal)) })
  }
}
