import GrantAllocation
import ScenarioFormat

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
  public var problem: String
  public var fix: String

  public var description: String { "\(ScenarioSchema.Variant.fileName(variant)): \(problem) Fix: \(fix)" }
}

extension Variant {
  /// The base scenario with this variant's changes (not those of ``basedOn``; apply that first).
  ///
  /// - Throws: ``VariantError`` when a change names a scheme, partner or measure the scenario
  ///   does not have, or the result breaks a rule of the format (a share outside (0, 1], …).
  public func apply(to base: Scenario) throws(VariantError) -> Scenario {
    var scenario = base
    func fail(_ problem: String, _ fix: String) -> VariantError { VariantError(variant: name, problem: problem, fix: fix) }
    for (id, change) in frames.sorted(by: { $0.key < $1.key }) {
      guard let index = scenario.schemeIndex(id) else {
        throw fail(
          "frames: \(id) is not a scheme of the scenario.", "use one of: \(base.schemes.map(\.id.rawValue).joined(separator: ", ")).")
      }
      let frame: Double
      switch change {
      case .nok(let value): frame = value
      case .factor(let factor): frame = (scenario.schemes[index].frame * factor).rounded()
      }
      guard frame > 0 && frame <= 1e11 else { throw fail("frames: \(id) would get a frame of \(frame) NOK.", "give a frame above 0.") }
      scenario.schemes[index].frame = frame
    }
    for (id, change) in partners.sorted(by: { $0.key < $1.key }) {
      guard let index = scenario.partnerIndex(id) else {
        throw fail(
          "partners: \(id) is not a partner of the scenario.", "use one of: \(base.partners.map(\.id.rawValue).joined(separator: ", ")).")
      }
      for role in PartnerRole.allCases {
        var hours = change.hours[role] ?? scenario.partners[index].hours(role)
        hours += change.addHours[role] ?? 0
        guard hours >= 0 && hours <= 1e7 else {
          throw fail("partners: \(id) would get \(hours) \(role.rawValue) hours.", "give 0 hours or more.")
        }
        scenario.partners[index].capacity[role] = hours
        if let price = change.price[role] { scenario.partners[index].price[role] = price }
      }
    }
    // The measures change as one array (each change to `scenario.measures` re-indexes it by id).
    var changed = scenario.measures
    for (id, change) in measures.sorted(by: { $0.key < $1.key }) {
      guard let index = scenario.measureIndex(id) else {
        throw fail("measures: \(id) is not a measure of the scenario.", "use an id from measures.csv.")
      }
      if let cost = change.cost { changed[index].stateCost = cost }
      if let share = change.minimumShare {
        guard share > 0 && share <= 1 else {
          throw fail("measures: \(id) min_share \(share) is not in (0, 1].", "write a share above 0 and at most 1.")
        }
        changed[index].minimumShare = share
      }
      if let value = change.continuing { changed[index].continuing = value }
      if let value = change.schoolBased { changed[index].criteria.schoolBased = value }
      if let value = change.collective { changed[index].criteria.collective = value }
      if let value = change.inLocalPlan { changed[index].criteria.inLocalPlan = value }
      if let value = change.broadTargetGroup { changed[index].criteria.broadTargetGroup = value }
      if let value = change.individualEducation { changed[index].criteria.individualEducation = value }
      if let rank = change.rank { try move(&changed, index, to: rank) }
    }
    scenario.measures = changed
    for (year, change) in years.sorted(by: { $0.key < $1.key }) { try apply(change, year: year, to: &scenario) }
    if let floor = policy.fairnessFloor { scenario.policy.fairnessFloor = floor }
    if let weighting = policy.weighting { scenario.policy.weighting = weighting }
    if let value = policy.value { scenario.policy.value = value }
    for measure in scenario.measures where measure.continuing {
      guard let scheme = scenario.scheme(measure.scheme), measure.failedCriteria(under: scheme).isEmpty else {
        throw fail(
          "measures: \(measure.id) is a continuing commitment that would fail a criterion.",
          "change its criteria flags, or end the commitment (continuing: nei).")
      }
    }
    return scenario
  }

  /// Applies the changes to a later year of the plan.
  private func apply(_ change: YearChange, year: Int, to scenario: inout Scenario) throws(VariantError) {
    func fail(_ problem: String, _ fix: String) -> VariantError { VariantError(variant: name, problem: problem, fix: fix) }
    guard var horizon = scenario.horizon, horizon.years.dropFirst().contains(year) else {
      let later = scenario.horizon.map { $0.years.dropFirst().map(String.init).joined(separator: ", ") } ?? ""
      throw fail(
        "years: \(year) is not a later year of the scenario's plan.",
        later.isEmpty ? "remove `years:`; the scenario plans one year (its changes go under frames and partners)." : "use one of: \(later)."
      )
    }
    for (id, frameChange) in change.frames.sorted(by: { $0.key < $1.key }) {
      guard let old = horizon.laterFrames[id]?[year] else {
        throw fail(
          "years.\(year).frames: \(id) is not a scheme of the scenario.",
          "use one of: \(scenario.schemes.map(\.id.rawValue).joined(separator: ", ")).")
      }
      let frame: Double
      switch frameChange {
      case .nok(let value): frame = value
      case .factor(let factor): frame = (old.amount * factor).rounded()
      }
      guard frame >= 0 && frame <= 1e11 else {
        throw fail("years.\(year).frames: \(id) would get a frame of \(frame) NOK.", "give a frame of 0 or more.")
      }
      horizon.laterFrames[id]?[year] = PlannedFrame(amount: frame, forecast: old.forecast)
    }
    for (id, partnerChange) in change.partners.sorted(by: { $0.key < $1.key }) {
      guard let partner = scenario.partner(id) else {
        throw fail(
          "years.\(year).partners: \(id) is not a partner of the scenario.",
          "use one of: \(scenario.partners.map(\.id.rawValue).joined(separator: ", ")).")
      }
      var capacity = scenario.capacity(partner, in: year)
      for role in PartnerRole.allCases {
        var hours = partnerChange.hours[role] ?? capacity[role] ?? 0
        hours += partnerChange.addHours[role] ?? 0
        guard hours >= 0 && hours <= 1e7 else {
          throw fail("years.\(year).partners: \(id) would get \(hours) \(role.rawValue) hours.", "give 0 hours or more.")
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
      throw VariantError(
        variant: name, problem: "measures: \(moving.id) cannot move to rank \(rank); its list has \(list.count + 1) measures.",
        fix: "give a rank from 1 to \(list.count + 1).")
    }
    list.insert(index, at: rank - 1)
    for (position, member) in list.enumerated() { measures[member].rank = position + 1 }
  }
}
