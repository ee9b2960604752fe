/// What an owner runs and a scheme serves: schools, kindergartens, or both.
///
/// Each scheme reaches its own owners (domain.md §1): Dekom school owners, Rekom kindergarten
/// owners, Kompetanseløftet everyone around the child.
public enum Institution: String, Sendable, Codable, CaseIterable, Comparable {
  case schools
  case kindergartens

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .schools && rhs == .kindergartens }
}

/// A measure of an owner's size, used by a key: the forum's key between networks (per scheme) and
/// a network's own key between its members.
public enum SizeMeasure: String, Sendable, Codable, CaseIterable {
  case pupils
  case teacherFTE = "teacher_fte"
  case kindergartenChildren = "kindergarten_children"
  case kindergartenStaff = "kindergarten_staff"
  /// Pupils and kindergarten children together (everyone around the child, for Kompetanseløftet).
  case pupilsAndKindergartenChildren = "pupils_and_kindergarten_children"
}

/// Who receives a payment from Statsforvalteren.
public enum Recipient: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// An owner: a network's host (*vertskommune*), a member paid by the network's key, or a joint
  /// measure's named recipient.
  case owner(OwnerID)
  /// A partner institution (UH, Statped, a centre), paid for its hours, or a joint measure's recipient.
  case partner(PartnerID)
  /// The forum's own budget, run by its secretariat (a joint measure's recipient).
  case forum

  /// The word `measures.csv` uses for the forum's own budget.
  public static let forumID = "forum"

  public var description: String {
    switch self {
    case .owner(let id): "owner:\(id)"
    case .partner(let id): "partner:\(id)"
    case .forum: Self.forumID
    }
  }

  /// The id as the input files write it: the owner's or partner's id, or ``forumID``.
  public var id: String {
    switch self {
    case .owner(let id): id.rawValue
    case .partner(let id): id.rawValue
    case .forum: Self.forumID
    }
  }

  private var order: (Int, String) {
    switch self {
    case .owner: (0, id)
    case .partner: (1, id)
    case .forum: (2, "")
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}

/// When money is paid: one or more dates, each with its share of the amount.
///
/// The default is one payment at the end of June of the budget year (seed 002: "Ultimo juni:
/// Utbetaling til kompetansenettverkene og UH"); a scheme or a measure may have its own schedule
/// (seed 001's programme: half each spring).
public struct PaymentSchedule: Sendable, Equatable {
  public struct Instalment: Sendable, Equatable {
    /// ISO date, `YYYY-MM-DD`.
    public var date: String
    /// Share of the amount, in (0, 1]; the shares of a schedule sum to 1.
    public var share: Double

    public init(date: String, share: Double) {
      self.date = date
      self.share = share
    }
  }

  public var instalments: [Instalment]

  public init(_ instalments: [Instalment]) { self.instalments = instalments }

  /// One payment at the end of June of `year`.
  public static func endOfJune(_ year: Int) -> PaymentSchedule { PaymentSchedule([Instalment(date: "\(year)-06-30", share: 1)]) }
}

/// What a network's own key (seed 000) is used for, where its agreement says so.
public enum OwnKeyUse: String, Sendable, Codable, CaseIterable, Comparable {
  /// The network's grant is paid to each joined member by the key, instead of to the host.
  case grant
  /// The network's egenandel is split among the joined members by the key.
  case egenandel

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .grant && rhs == .egenandel }
}
