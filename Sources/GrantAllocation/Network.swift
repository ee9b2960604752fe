/// A key that splits an amount among parties: a part equally, the rest by size.
///
/// Used twice: the forum's key between networks (the size per scheme, see
/// ``Scheme/sizeMeasure``), and a network's own key between its members (seed 000, Orkdal/Øy:
/// "1/3 av samlet utgift likt på deltakerkommunene. Resten etter antall elever." — `equal = 1/3`,
/// `pupils = 2/3`).
public struct CostSharingKey: Sendable, Equatable, Codable {
  /// Part split equally among the parties.
  public var equal: Double
  /// Part split by size (pupils, or the size measure the key is used with).
  public var pupils: Double

  public init(equal: Double, pupils: Double) {
    self.equal = equal
    self.pupils = pupils
  }

  /// Each member's share (summing to 1), in the order of `members`.
  ///
  /// When no member has pupils, the pupil part is split equally too.
  public func shares(pupils memberPupils: [Int]) -> [Double] { shares(sizes: memberPupils.map(Double.init)) }

  /// Each party's share (summing to 1), in the order of `sizes`.
  ///
  /// When no party has any size, the size part is split equally too.
  public func shares(sizes: [Double]) -> [Double] {
    guard !sizes.isEmpty else { return [] }
    let count = Double(sizes.count)
    let total = sizes.reduce(0, +)
    return sizes.map { size in
      let bySize = total > 0 ? size / total : 1 / count
      return equal / count + pupils * bySize
    }
  }
}

/// A competence network (*kompetansenettverk*).
public struct Network: Sendable, Equatable, Identifiable {
  public var id: NetworkID
  public var name: String
  /// The owner that receives the network's money (*vertskommune*, seed 000 §7); `nil`: the
  /// network's first member owner that is a municipality (or its first member).
  public var host: OwnerID?
  /// The network's own key between its members (seed 000), when its agreement has one.
  public var ownKey: CostSharingKey?
  /// What the network's agreement splits by ``ownKey``: nothing unless the scenario says so.
  public var ownKeyUses: Set<OwnKeyUse>

  public init(id: NetworkID, name: String, host: OwnerID? = nil, ownKey: CostSharingKey? = nil, ownKeyUses: Set<OwnKeyUse> = []) {
    self.id = id
    self.name = name
    self.host = host
    self.ownKey = ownKey
    self.ownKeyUses = ownKey == nil ? [] : ownKeyUses
  }

  /// Whether the network's own key splits `use` among its joined members.
  public func splitsByOwnKey(_ use: OwnKeyUse) -> Bool { ownKey != nil && ownKeyUses.contains(use) }
}

/// What kind of school owner.
public enum OwnerKind: String, Sendable, Codable, CaseIterable {
  case kommune
  case fylkeskommune
  case privat
}

/// A school or kindergarten owner (*skoleeier*, *barnehageeier*): a municipality, the county
/// municipality or a private owner.
public struct SchoolOwner: Sendable, Equatable, Identifiable {
  public var id: OwnerID
  public var name: String
  public var network: NetworkID
  public var kind: OwnerKind
  /// What the owner runs: schools, kindergartens or both.
  public var owns: Set<Institution>
  public var pupils: Int
  public var teacherFTE: Double?
  public var kindergartenChildren: Int?
  public var kindergartenStaff: Int?
  /// Whether the owner joined its network's cooperation agreement (seed 000 §6: private owners
  /// join by choice); only joined owners take part in the network's own key.
  public var joinedAgreement: Bool

  public init(
    id: OwnerID, name: String, network: NetworkID, kind: OwnerKind, owns: Set<Institution>? = nil, pupils: Int,
    teacherFTE: Double? = nil, kindergartenChildren: Int? = nil, kindergartenStaff: Int? = nil, joinedAgreement: Bool? = nil
  ) {
    self.id = id
    self.name = name
    self.network = network
    self.kind = kind
    self.owns = owns ?? Self.defaultOwns(kind)
    self.pupils = pupils
    self.teacherFTE = teacherFTE
    self.kindergartenChildren = kindergartenChildren
    self.kindergartenStaff = kindergartenStaff
    self.joinedAgreement = joinedAgreement ?? (kind != .privat)
  }

  /// What an owner of `kind` runs when the data do not say: a municipality schools and
  /// kindergartens, the county municipality and a private owner schools.
  public static func defaultOwns(_ kind: OwnerKind) -> Set<Institution> {
    kind == .kommune ? [.schools, .kindergartens] : [.schools]
  }

  /// The owner's size by `measure` (0 where not given).
  public func size(_ measure: SizeMeasure) -> Double {
    switch measure {
    case .pupils: Double(pupils)
    case .teacherFTE: teacherFTE ?? 0
    case .kindergartenChildren: Double(kindergartenChildren ?? 0)
    case .kindergartenStaff: Double(kindergartenStaff ?? 0)
    case .pupilsAndKindergartenChildren: Double(pupils + (kindergartenChildren ?? 0))
    }
  }

  /// Whether `scheme` serves this owner: it runs something the scheme is for.
  public func isServed(by scheme: Scheme) -> Bool { !owns.isDisjoint(with: scheme.serves) }
}
