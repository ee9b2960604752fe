/// A state grant scheme with its frame for the year (Dekom, Rekom, Kompetanseløftet).
public struct Scheme: Sendable, Equatable, Identifiable {
  public var id: SchemeID
  public var name: String
  /// The state frame (*ramme*) in NOK. Partner hours and grants are both paid out of it.
  public var frame: Double
  /// The owners' own contribution (*egenandel*) as a share of the grant they receive.
  public var egenandelRate: Double
  /// Which kinds of partner may serve this scheme's measures.
  public var partnerKinds: Set<PartnerKind>
  /// Whether measures must target everyone around the pupils (Kompetanseløftet).
  public var requiresBroadTargetGroup: Bool
  /// Whose owners the scheme's money may reach: Dekom schools, Rekom kindergartens,
  /// Kompetanseløftet both.
  public var serves: Set<Institution>
  /// The size the forum's key measures networks by in this scheme (pupils or teacher FTE for
  /// Dekom, kindergarten children or staff for Rekom).
  public var sizeMeasure: SizeMeasure
  /// The scheme's own payment dates; `nil`: the scenario's.
  public var paymentSchedule: PaymentSchedule?

  public init(
    id: SchemeID, name: String, frame: Double, egenandelRate: Double,
    partnerKinds: Set<PartnerKind>, requiresBroadTargetGroup: Bool = false,
    serves: Set<Institution> = [.schools, .kindergartens], sizeMeasure: SizeMeasure = .pupils,
    paymentSchedule: PaymentSchedule? = nil
  ) {
    self.id = id
    self.name = name
    self.frame = frame
    self.egenandelRate = egenandelRate
    self.partnerKinds = partnerKinds
    self.requiresBroadTargetGroup = requiresBroadTargetGroup
    self.serves = serves
    self.sizeMeasure = sizeMeasure
    self.paymentSchedule = paymentSchedule
  }
}
