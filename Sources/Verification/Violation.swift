/// A rule an allocation or its reports break.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
  /// Which rule.
  public enum Rule: String, Sendable, CaseIterable {
    case share
    case criteria
    case commitment
    /// A measure the forum locked does not get what the lock says.
    case lock
    case smallestShare
    case priorityOrder
    case partnerHours
    /// A measure's hours are not where the network's choice of partner puts them.
    case partnerChoice
    case capacity
    case frame
    case money
    case egenandel
    /// A scheme's payments do not add up to what it allocates, or a payment has no date.
    case payments
    /// Money reaches an owner the scheme does not serve.
    case recipient
    case reportTotal
    /// A multi-year measure's years do not hang together (a later year without the earlier, a
    /// changed share or partner).
    case planYears
    /// Money moved between years beyond the carry-over allowed.
    case carryOver
  }

  public var rule: Rule
  public var message: String

  public init(_ rule: Rule, _ message: String) {
    self.rule = rule
    self.message = message
  }

  public var description: String { "\(rule.rawValue): \(message)" }
}
