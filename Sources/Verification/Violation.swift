/// A rule an allocation or its reports break.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
  /// Which rule.
  public enum Rule: String, Sendable, CaseIterable {
    case share
    case criteria
    case commitment
    case smallestShare
    case priorityOrder
    case partnerHours
    case capacity
    case frame
    case money
    case egenandel
    case instalments
    case reportTotal
  }

  public var rule: Rule
  public var message: String

  public init(_ rule: Rule, _ message: String) {
    self.rule = rule
    self.message = message
  }

  public var description: String { "\(rule.rawValue): \(message)" }
}
