/// What Statsforvalteren's decision letters (*vedtak*) say besides the money: the conditions, the
/// reporting, who to contact and how to appeal; and the secretariat's own wording.
///
/// All of it is data from the scenario (`vedtak:` in `scenario.yaml`, `vedtak.mustache` in the
/// folder). What is left out gets the default wording of the letter template.
public struct DecisionTerms: Sendable, Equatable {
  /// The conditions of the grant (criteria the measures must keep meeting), one per item.
  public var conditions: [String]
  /// What the recipient reports, and how.
  public var reporting: String?
  /// The last day for the report, ISO `YYYY-MM-DD`.
  public var reportingDeadline: String?
  /// Who at Statsforvalteren answers questions (name, e-mail, phone).
  public var contact: String?
  /// How to appeal the decision (*klage*).
  public var appeal: String?
  /// The secretariat's letter template (the text of `vedtak.mustache`), replacing the default.
  public var template: String?

  public init(
    conditions: [String] = [], reporting: String? = nil, reportingDeadline: String? = nil, contact: String? = nil,
    appeal: String? = nil, template: String? = nil
  ) {
    self.conditions = conditions
    self.reporting = reporting
    self.reportingDeadline = reportingDeadline
    self.contact = contact
    self.appeal = appeal
    self.template = template
  }
}
