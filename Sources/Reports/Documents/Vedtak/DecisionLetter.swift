import GrantAllocation

/// One recipient's decision letter (*vedtak*) as data: what it is paid, from which scheme, for
/// which measures and when, and the egenandel it answers for. Amounts are the settlement's
/// payments, so the letters add up to what is paid.
public struct DecisionLetter: Sendable, Equatable {
  /// One measure the money is for, with what the letter says about it.
  public struct MeasureLine: Sendable, Equatable {
    public var measure: MeasureID
    /// The measure's network, or `nil` for a joint measure.
    public var network: NetworkID?
    /// The funded share.
    public var share: Double
    /// What the measure's grant (or, for a partner, its hours in `role`) comes to, whole kroner.
    public var amount: Int
    /// A partner's whole hours on the measure in `role`; `nil` for a grant.
    public var hours: Int?
    public var role: PartnerRole?
  }

  /// What one scheme pays the recipient, and for which measures.
  public struct SchemeLine: Sendable, Equatable {
    public var scheme: SchemeID
    /// The sum of the recipient's payments from the scheme.
    public var amount: Int
    public var measures: [MeasureLine]
  }

  /// Egenandel the recipient answers for: its own, or (as a network's host) the network's.
  public struct EgenandelLine: Sendable, Equatable {
    public var scheme: SchemeID
    /// Who owes it: the recipient itself, or a member of a network the recipient is host of.
    public var owner: OwnerID?
    /// The network whose egenandel it is, when it is a network's (settled among its members).
    public var network: NetworkID?
    public var amount: Int
    public var rate: Double
  }

  public var recipient: Recipient
  /// Every payment to the recipient, in the settlement's order.
  public var payments: [Settlement.Payment]
  /// Per scheme, in the scenario's order.
  public var schemes: [SchemeLine]
  public var egenandel: [EgenandelLine]
  /// Whether a network pays the recipient its part by the network's own key: the measures' amounts
  /// are then the measures' whole grants, more than the recipient's part.
  public var paidByKey: Bool
  /// The file name without extension: the recipient's id, made safe for any file system.
  public var fileName: String

  /// The total paid to the recipient.
  public var total: Int { payments.reduce(0) { $0 + $1.amount } }
}
