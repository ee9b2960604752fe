/// How a network shares a cost (or a grant) among its member owners.
///
/// Seed 000 (Orkdal/Øy): "1/3 av samlet utgift likt på deltakerkommunene. Resten etter antall
/// elever." — `equal = 1/3`, `pupils = 2/3`.
public struct CostSharingKey: Sendable, Equatable, Codable {
  /// Part split equally among the members.
  public var equal: Double
  /// Part split by number of pupils.
  public var pupils: Double

  public init(equal: Double, pupils: Double) {
    self.equal = equal
    self.pupils = pupils
  }

  /// Each member's share (summing to 1), in the order of `members`.
  ///
  /// When no member has pupils, the pupil part is split equally too.
  public func shares(pupils memberPupils: [Int]) -> [Double] {
    guard !memberPupils.isEmpty else { return [] }
    let count = Double(memberPupils.count)
    let total = Double(memberPupils.reduce(0, +))
    return memberPupils.map { memberPupilCount in
      let byPupils = total > 0 ? Double(memberPupilCount) / total : 1 / count
      return equal / count + pupils * byPupils
    }
  }
}

/// A competence network (*kompetansenettverk*).
public struct Network: Sendable, Equatable, Identifiable {
  public var id: NetworkID
  public var name: String
  /// The network's own key for sharing grants and egenandel among its owners.
  public var costSharing: CostSharingKey

  public init(id: NetworkID, name: String, costSharing: CostSharingKey) {
    self.id = id
    self.name = name
    self.costSharing = costSharing
  }
}

/// What kind of school owner.
public enum OwnerKind: String, Sendable, Codable, CaseIterable {
  case kommune
  case fylkeskommune
  case privat
}

/// A school owner (*skoleeier*): a municipality, the county municipality or a private owner.
public struct SchoolOwner: Sendable, Equatable, Identifiable {
  public var id: OwnerID
  public var name: String
  public var network: NetworkID
  public var kind: OwnerKind
  public var pupils: Int
  public var teacherFTE: Double?
  public var kindergartenStaff: Int?

  public init(
    id: OwnerID, name: String, network: NetworkID, kind: OwnerKind, pupils: Int,
    teacherFTE: Double? = nil, kindergartenStaff: Int? = nil
  ) {
    self.id = id
    self.name = name
    self.network = network
    self.kind = kind
    self.pupils = pupils
    self.teacherFTE = teacherFTE
    self.kindergartenStaff = kindergartenStaff
  }
}
