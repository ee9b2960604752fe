import GrantAllocation
import ScenarioFormat
import UserMessages

/// A what-if: a small set of changes to a base scenario ("what if the Rekom frame is cut by 10 %?").
///
/// Read from `variants/NAME.yaml`; applied with ``apply(to:)``. Every change names what it changes
/// by id, and ``apply(to:)`` refuses a change to something the scenario does not have.
public struct Variant: Sendable, Equatable {
  /// The file name without `.yaml`, e.g. `rekom-kutt`.
  public var name: String
  /// What the variant asks, in the forum's words.
  public var title: String
  public var description: String?
  /// Another variant this one builds on (its changes are applied first), or `nil` for the base.
  public var basedOn: String?
  public var frames: [SchemeID: FrameChange] = [:]
  public var partners: [PartnerID: PartnerChange] = [:]
  public var measures: [MeasureID: MeasureChange] = [:]
  public var policy = PolicyChange()
  /// Changes to a later year of a multi-year plan ("what if the 2028 frame falls 10 %?"); the
  /// changes at the top (``frames``, ``partners``) are the first year's.
  public var years: [Int: YearChange] = [:]

  public init(name: String, title: String, description: String? = nil, basedOn: String? = nil) {
    self.name = name
    self.title = title
    self.description = description
    self.basedOn = basedOn
  }

  /// A new frame, in NOK or as a factor of the old one.
  public enum FrameChange: Sendable, Equatable {
    case nok(Double)
    case factor(Double)
  }

  /// New hours or prices for a partner; `add…` adds to the hours it has.
  public struct PartnerChange: Sendable, Equatable {
    public var hours: [PartnerRole: Double] = [:]
    public var addHours: [PartnerRole: Double] = [:]
    public var price: [PartnerRole: Double] = [:]
    public init() {}
  }

  /// Frames and partner hours of one later year of a plan.
  public struct YearChange: Sendable, Equatable {
    public var frames: [SchemeID: FrameChange]
    /// Hours only; prices hold for every year and change at the top.
    public var partners: [PartnerID: PartnerChange]

    public init(frames: [SchemeID: FrameChange] = [:], partners: [PartnerID: PartnerChange] = [:]) {
      self.frames = frames
      self.partners = partners
    }
  }

  /// New values for one measure.
  public struct MeasureChange: Sendable, Equatable {
    /// Moves the measure to this place on its list; the others keep their order.
    public var rank: Int?
    public var cost: Double?
    public var minimumShare: Double?
    public var continuing: Bool?
    public var schoolBased: Bool?
    public var collective: Bool?
    public var inLocalPlan: Bool?
    public var broadTargetGroup: Bool?
    public var individualEducation: Bool?
    /// The forum's lock (fund in full, at least a share, or not at all).
    public var lock: MeasureLock?
    /// Lock the measure at the share it had last year ("keep it as last year"): full, that share
    /// at least, or not at all; needs the scenario's last year's allocation.
    public var lockAsLastYear = false
    public init() {}
  }

  /// New policy values.
  public struct PolicyChange: Sendable, Equatable {
    public var fairnessFloor: Double?
    public var weighting: PriorityWeighting?
    public var value: PriorityValue?
    public init() {}
  }
}

/// Why a variant cannot be applied.
public struct VariantError: Error, Sendable, Equatable, CustomStringConvertible {
  public var variant: String
  /// What is wrong and how to fix it, in no language yet.
  public var text: IssueText

  /// The English line, for logs and tests.
  public var description: String {
    let words = text.words(in: .en)
    return "\(ScenarioSchema.Variant.fileName(variant)): \(words.problem)" + ConsoleText.fixLead.text(in: .en) + words.fix
  }
}

extension Variant {
  /// The base scenario with this variant's changes (not those of ``basedOn``; apply that first).
  ///
  /// - Throws: ``VariantError`` when a change names a scheme, partner or measure the scenario
  ///   does not have, or the result breaks a rule of the format (a share outside (0, 1], …).
  public func apply(to base: Scenario) throws(VariantError) -> Scenario {
    var scenario = base
    func fail(_ text: IssueText) -> VariantError { VariantError(variant: name, text: text) }
    for (id, change) in frames.sorted(by: { $0.key < $1.key }) {
      guard let index = scenario.schemeIndex(id) else {
        throw fail(.changeNotAScheme(section: "frames", id: id.rawValue, schemes: base.schemes.map(\.id.rawValue)))
      }
      let frame: Double
      switch change {
      case .nok(let value): frame = value
      case .factor(let factor): frame = (scenario.schemes[index].frame * factor).rounded()
      }
      guard frame > 0 && frame <= 1e11 else {
        throw fail(.changeFrameOutside(section: "frames", id: id.rawValue, frame: frame, zeroAllowed: false))
      }
      scenario.schemes[index].frame = frame
    }
    for (id, change) in partners.sorted(by: { $0.key < $1.key }) {
      guard let index = scenario.partnerIndex(id) else {
        throw fail(.changeNotAPartner(section: "partners", id: id.rawValue, partners: base.partners.map(\.id.rawValue)))
      }
      for role in PartnerRole.allCases {
        var hours = change.hours[role] ?? scenario.partners[index].hours(role)
        hours += change.addHours[role] ?? 0
        guard hours >= 0 && hours <= 1e7 else {
          throw fail(.changeHoursNegative(section: "partners", id: id.rawValue, hours: hours, role: role.rawValue))
        }
        scenario.partners[index].capacity[role] = hours
        if let price = change.price[role] { scenario.partners[index].price[role] = price }
      }
    }
    // The measures change as one array (each change to `scenario.measures` re-indexes it by id).
    var changed = scenario.measures
    for (id, change) in measures.sorted(by: { $0.key < $1.key }) {
      guard let index = scenario.measureIndex(id) else {
        throw fail(.changeNotAMeasure(id: id.rawValue))
      }
      if let cost = change.cost { changed[index].stateCost = cost }
      if let share = change.minimumShare {
        guard share > 0 && share <= 1 else {
          throw fail(.changeShareOutside(id: id.rawValue, share: share))
        }
        changed[index].minimumShare = share
      }
      if let value = change.continuing { changed[index].continuing = value }
      if let value = change.schoolBased { changed[index].criteria.schoolBased = value }
      if let value = change.collective { changed[index].criteria.collective = value }
      if let value = change.inLocalPlan { changed[index].criteria.inLocalPlan = value }
      if let value = change.broadTargetGroup { changed[index].criteria.broadTargetGroup = value }
      if let value = change.individualEducation { changed[index].criteria.individualEducation = value }
      if let lock = change.lock { changed[index].lock = lock }
      if change.lockAsLastYear {
        guard let share = base.lastYear?.reference.shares[id] else {
          throw fail(.changeLockNoLastYear(id: id.rawValue, file: base.lastYear?.file))
        }
        changed[index].lock = share >= 1 - 1e-9 ? .full : share <= 1e-9 ? MeasureLock.none : .atLeast(share)
      }
      if let rank = change.rank { try move(&changed, index, to: rank) }
    }
    scenario.measures = changed
    for (year, change) in years.sorted(by: { $0.key < $1.key }) { try apply(change, year: year, to: &scenario) }
    if let floor = policy.fairnessFloor { scenario.policy.fairnessFloor = floor }
    if let weighting = policy.weighting { scenario.policy.weighting = weighting }
    if let value = policy.value { scenario.policy.value = value }
    for measure in scenario.measures where measure.lock.map({ $0 != .none }) ?? false {
      guard let scheme = scenario.scheme(measure.scheme), measure.failedCriteria(under: scheme).isEmpty else {
        throw fail(.changeLockIneligible(id: measure.id.rawValue))
      }
      // A share below the smallest viable one would be raised to it (or, all or nothing, to the
      // whole): say so instead of funding more than the forum locked.
      if case .atLeast(let share)? = measure.lock, share < measure.minimumShare - 1e-9 || measure.minimumShare >= 1 {
        throw fail(.changeLockBelowSmallestShare(id: measure.id.rawValue, share: share, smallest: measure.minimumShare))
      }
    }
    for measure in scenario.measures where measure.continuing && measure.lock != MeasureLock.none {
      guard let scheme = scenario.scheme(measure.scheme), measure.failedCriteria(under: scheme).isEmpty else {
        throw fail(.changeContinuingFails(id: measure.id.rawValue))
      }
    }
    return scenario
  }

  /// Applies the changes to a later year of the plan.
  private func apply(_ change: YearChange, year: Int, to scenario: inout Scenario) throws(VariantError) {
    func fail(_ text: IssueText) -> VariantError { VariantError(variant: name, text: text) }
    guard var horizon = scenario.horizon, horizon.years.dropFirst().contains(year) else {
      throw fail(.changeNotALaterYear(year: year, later: scenario.horizon.map { Array($0.years.dropFirst()) } ?? []))
    }
    for (id, frameChange) in change.frames.sorted(by: { $0.key < $1.key }) {
      guard let old = horizon.laterFrames[id]?[year] else {
        throw fail(.changeNotAScheme(section: "years.\(year).frames", id: id.rawValue, schemes: scenario.schemes.map(\.id.rawValue)))
      }
      let frame: Double
      switch frameChange {
      case .nok(let value): frame = value
      case .factor(let factor): frame = (old.amount * factor).rounded()
      }
      guard frame >= 0 && frame <= 1e11 else {
        throw fail(.changeFrameOutside(section: "years.\(year).frames", id: id.rawValue, frame: frame, zeroAllowed: true))
      }
      horizon.laterFrames[id]?[year] = PlannedFrame(amount: frame, forecast: old.forecast)
    }
    for (id, partnerChange) in change.partners.sorted(by: { $0.key < $1.key }) {
      guard let partner = scenario.partner(id) else {
        throw fail(
          .changeNotAPartner(section: "years.\(year).partners", id: id.rawValue, partners: scenario.partners.map(\.id.rawValue)))
      }
      var capacity = scenario.capacity(partner, in: year)
      for role in PartnerRole.allCases {
        var hours = partnerChange.hours[role] ?? capacity[role] ?? 0
        hours += partnerChange.addHours[role] ?? 0
        guard hours >= 0 && hours <= 1e7 else {
          throw fail(.changeHoursNegative(section: "years.\(year).partners", id: id.rawValue, hours: hours, role: role.rawValue))
        }
        capacity[role] = hours
      }
      horizon.laterCapacity[id, default: [:]][year] = capacity
    }
    scenario.horizon = horizon
  }

  /// Moves a measure to `rank` on its list; the others keep their order and are numbered 1, 2, 3 ….
  private func move(_ measures: inout [Measure], _ index: MeasureIndex, to rank: Int) throws(VariantError) {
    let moving = measures[index]
    var list = measures.indices.map(MeasureIndex.init).filter {
      measures[$0].holder == moving.holder && measures[$0].scheme == moving.scheme && $0 != index
    }.sorted { measures[$0].rank < measures[$1].rank }
    guard rank >= 1 && rank <= list.count + 1 else {
      throw VariantError(variant: name, text: .changeRankOutside(id: moving.id.rawValue, rank: rank, count: list.count + 1))
    }
    list.insert(index, at: rank - 1)
    for (position, member) in list.enumerated() { measures[member].rank = position + 1 }
  }
}
