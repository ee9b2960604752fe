/// Whose list a measure is on: a network's, or the forum's joint list (*fellestiltak*).
public enum MeasureHolder: Sendable, Hashable, Comparable, CustomStringConvertible {
  case network(NetworkID)
  case joint

  /// The id written in `measures.csv`'s `network` column for joint measures.
  public static let jointID = "felles"

  public var description: String {
    switch self {
    case .network(let id): id.rawValue
    case .joint: Self.jointID
    }
  }

  public var network: NetworkID? {
    if case .network(let id) = self { return id }
    return nil
  }
}

/// A criterion every funded measure must meet (seed 003, and the regulation).
public enum Criterion: String, Sendable, Codable, CaseIterable, Comparable {
  /// School- or workplace-based.
  case schoolBased
  /// Collective competence development.
  case collective
  /// Meets a local need and is in the network's long-term plan.
  case inLocalPlan
  /// A UH institution (or Statped, within Kompetanseløftet) is development partner.
  case developmentPartner
  /// Targets everyone around the pupils (schemes that require it).
  case broadTargetGroup
  /// Is not individual further education, which the schemes may not fund.
  case notIndividualEducation

  public static func < (lhs: Self, rhs: Self) -> Bool {
    // Every case is in allCases.
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}

/// The criteria flags given for a measure.
public struct CriteriaFlags: Sendable, Equatable {
  public var schoolBased: Bool
  public var collective: Bool
  public var inLocalPlan: Bool
  /// `nil` when not given (only required by schemes that ask for it).
  public var broadTargetGroup: Bool?
  public var individualEducation: Bool

  public init(schoolBased: Bool, collective: Bool, inLocalPlan: Bool, broadTargetGroup: Bool?, individualEducation: Bool) {
    self.schoolBased = schoolBased
    self.collective = collective
    self.inLocalPlan = inLocalPlan
    self.broadTargetGroup = broadTargetGroup
    self.individualEducation = individualEducation
  }
}

/// A decision the forum takes on one measure in the meeting, which the solve must respect.
public enum MeasureLock: Sendable, Equatable, Hashable {
  /// Fund the measure in full.
  case full
  /// Fund at least this share (in (0, 1)); more only with money and hours that no measure in the
  /// priority contest can use.
  case atLeast(Double)
  /// Do not fund the measure; the measures below it on its list move up.
  case none

  /// The smallest share the lock asks (0 for ``none``).
  public var smallestShare: Double {
    switch self {
    case .full: 1
    case .atLeast(let share): share
    case .none: 0
    }
  }
}

/// One competence-development measure (*tiltak*) asked for on a ranked list.
public struct Measure: Sendable, Equatable, Identifiable {
  public var id: MeasureID
  public var holder: MeasureHolder
  public var scheme: SchemeID
  /// Place on the holder's list for this scheme: 1 is the first priority.
  public var rank: Int
  public var title: String
  /// Local cost asked from the state, in NOK, besides partner hours.
  public var stateCost: Double
  /// When the cost was given per participant: the price in NOK.
  public var pricePerParticipant: Double?
  public var participants: Int?
  /// Who takes part, per owner of the network (seed 001: a programme priced per participant, its
  /// participants given per municipality): when given, the measure's grant and egenandel are split
  /// among these owners by their participants. Empty: not given.
  public var participantsByOwner: [OwnerID: Int]
  /// Partner hours asked, per role.
  public var hours: [PartnerRole: Double]
  /// Acceptable partners in order of preference.
  public var acceptablePartners: [PartnerID]
  /// All hours go to one partner institution.
  public var singlePartner: Bool
  /// Smallest viable share φ in (0, 1]; 1 means all or nothing.
  public var minimumShare: Double
  /// A commitment from earlier years: funded in full, outside the priority contest.
  public var continuing: Bool
  /// The one owner the measure is for (its grant and egenandel are that owner's), when not the
  /// whole network's.
  public var owner: OwnerID?
  /// A joint measure's named recipient (an owner, a partner, or the forum's own budget); `nil`
  /// for a network's measure, whose money goes to the network's recipient.
  public var recipient: Recipient?
  /// The measure's own payment dates; `nil`: its scheme's, else the scenario's.
  public var paymentSchedule: PaymentSchedule?
  public var start: String?
  public var durationMonths: Int?
  public var criteria: CriteriaFlags
  public var note: String?
  /// In a multi-year plan: the calendar year the measure starts (`nil`: the scenario's first year).
  public var firstYear: Int?
  /// In a multi-year plan: cost and hours in each year after the first, in order (empty: a
  /// one-year measure). ``stateCost`` and ``hours`` are the first year's.
  public var laterYears: [YearAmounts]
  /// In a multi-year plan: whether the measure may stop after a first part of its years (otherwise
  /// it is funded in all its years at the same share, or not at all).
  public var mayStop: Bool
  /// What the forum decided for the measure in the meeting (a variant's `lock`): it then stands
  /// outside the priority contest, and the rest is solved around it. `nil`: not locked.
  public var lock: MeasureLock?

  public init(
    id: MeasureID, holder: MeasureHolder, scheme: SchemeID, rank: Int, title: String,
    stateCost: Double, pricePerParticipant: Double? = nil, participants: Int? = nil, participantsByOwner: [OwnerID: Int] = [:],
    hours: [PartnerRole: Double], acceptablePartners: [PartnerID], singlePartner: Bool = true,
    minimumShare: Double = 1, continuing: Bool = false, owner: OwnerID? = nil,
    start: String? = nil, durationMonths: Int? = nil, criteria: CriteriaFlags, note: String? = nil,
    firstYear: Int? = nil, laterYears: [YearAmounts] = [], mayStop: Bool = false, recipient: Recipient? = nil,
    paymentSchedule: PaymentSchedule? = nil
  ) {
    self.recipient = recipient
    self.paymentSchedule = paymentSchedule
    self.firstYear = firstYear
    self.laterYears = laterYears
    self.mayStop = mayStop
    self.id = id
    self.holder = holder
    self.scheme = scheme
    self.rank = rank
    self.title = title
    self.stateCost = stateCost
    self.pricePerParticipant = pricePerParticipant
    self.participants = participants
    self.participantsByOwner = participantsByOwner
    self.hours = hours
    self.acceptablePartners = acceptablePartners
    self.singlePartner = singlePartner
    self.minimumShare = minimumShare
    self.continuing = continuing
    self.owner = owner
    self.start = start
    self.durationMonths = durationMonths
    self.criteria = criteria
    self.note = note
  }

  /// Hours asked in `role` (0 when none).
  public func hours(_ role: PartnerRole) -> Double { hours[role] ?? 0 }

  /// The criteria this measure fails under `scheme`, in a fixed order.
  public func failedCriteria(under scheme: Scheme) -> [Criterion] {
    var failed: [Criterion] = []
    if !criteria.schoolBased { failed.append(.schoolBased) }
    if !criteria.collective { failed.append(.collective) }
    if !criteria.inLocalPlan { failed.append(.inLocalPlan) }
    if acceptablePartners.isEmpty { failed.append(.developmentPartner) }
    if scheme.requiresBroadTargetGroup, criteria.broadTargetGroup != true { failed.append(.broadTargetGroup) }
    if criteria.individualEducation { failed.append(.notIndividualEducation) }
    return failed
  }

  /// The criteria this measure meets under `scheme`.
  public func metCriteria(under scheme: Scheme) -> [Criterion] {
    let failed = Set(failedCriteria(under: scheme))
    return Criterion.allCases.filter { criterion in
      !failed.contains(criterion) && (criterion != .broadTargetGroup || scheme.requiresBroadTargetGroup)
    }
  }
}
