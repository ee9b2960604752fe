/// What kind of institution a partner is; a scheme says which kinds may serve it.
public enum PartnerKind: String, Sendable, Codable, CaseIterable, Comparable {
  /// University or university college (*universitet og høgskole*).
  case uh
  case statped
  /// A national or regional competence centre.
  case senter

  public static func < (lhs: Self, rhs: Self) -> Bool {
    // Every case is in allCases.
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}

/// The two roles a partner's staff can have.
public enum PartnerRole: String, Sendable, Codable, CaseIterable, Comparable {
  /// *Utviklingspartner 1*: the pool, support in analysis, prioritising and planning.
  case pool
  /// *Utviklingspartner 2*: plans and carries out the measure with the schools.
  case partner2

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .pool && rhs == .partner2 }
}

/// A partner institution with its capacity and price for each role.
public struct Partner: Sendable, Equatable, Identifiable {
  public var id: PartnerID
  public var name: String
  public var kind: PartnerKind
  public var insideRegion: Bool
  /// Hours available per role.
  public var capacity: [PartnerRole: Double]
  /// NOK per hour per role.
  public var price: [PartnerRole: Double]

  public init(
    id: PartnerID, name: String, kind: PartnerKind, insideRegion: Bool,
    capacity: [PartnerRole: Double], price: [PartnerRole: Double]
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.insideRegion = insideRegion
    self.capacity = capacity
    self.price = price
  }

  /// Hours available in `role` (0 when none).
  public func hours(_ role: PartnerRole) -> Double { capacity[role] ?? 0 }
  /// Price per hour in `role`.
  public func hourlyPrice(_ role: PartnerRole) -> Double { price[role] ?? 0 }
}
