import LinearProgramming

/// How the measure-years and scheme-years of an expanded plan hang together (see ``PlanExpansion``).
struct PlanLinks: Sendable {
  /// For a measure-year after the measure's first: the index of the year before.
  var previousPart: [MeasureIndex: MeasureIndex] = [:]
  /// Measure-years whose measure may stop after a first part.
  var mayStop: Set<MeasureIndex> = []
  /// With the value rule `count`: each year of an n-year measure counts 1/n, so the measure counts once.
  var countWeight: [MeasureIndex: Double] = [:]
  /// Per scheme-year (not the last year): the most money (NOK) that may be carried into the next year.
  var carryLimit: [SchemeID: Double] = [:]
  /// Per scheme-year (not the first year): the scheme-year whose carry-over it receives.
  var carryFrom: [SchemeID: SchemeID] = [:]
  /// The scheme-years of the plan's first year (the year decided now).
  var firstYearSchemes: Set<SchemeID> = []
  /// Measure-years of measures that start after the plan's first year.
  var startsLater: Set<MeasureIndex> = []
  /// Under ``ForecastRule/conditional``: the scheme-years whose frame is a forecast and the
  /// partner-years after the first, which the first year's measures may need beyond what they hold.
  var conditionalSchemes: Set<SchemeID> = []
  var conditionalPartners: Set<PartnerID> = []
  /// Whether the first year is decided before the later years (``ForecastRule/conditional``).
  var firstYearFirst: Bool { !conditionalSchemes.isEmpty || !conditionalPartners.isEmpty }
}

/// One year of one measure in a plan: the unit the expanded model decides.
public struct PlanPart: Sendable, Equatable {
  /// Index in ``Scenario/measures`` of the plan's scenario.
  public var measure: MeasureIndex
  public var year: Int
  /// The year is the measure's first.
  public var isFirst: Bool
}

/// A multi-year scenario as one single-year model: each (measure, year) is a measure-year with id
/// `MEASURE@YEAR`, each (scheme, year) a scheme-year with its own frame row, each (partner, year) a
/// partner-year with its own capacity rows. Priority lists (of the measures starting in a year),
/// fairness floors and capacities then hold per year with the one-year formulation unchanged;
/// ``PlanLinks`` adds what ties the years together.
public struct PlanExpansion: Sendable {
  /// The multi-year scenario.
  public let scenario: Scenario
  /// The one-model scenario of measure-years, scheme-years and partner-years.
  public let expanded: Scenario
  /// One per measure of ``expanded``, in its order (year by year, each year in the file's order).
  public let parts: [PlanPart]
  /// ``parts`` with each part's position, which is its measure-year's index in ``expanded``.
  var indexedParts: [(index: MeasureIndex, part: PlanPart)] { parts.enumerated().map { (MeasureIndex($0.offset), $0.element) } }
  let links: PlanLinks

  /// The id of `id` in `year` in the expanded scenario (ids cannot hold `@`).
  static func expandedID(_ id: String, year: Int) -> String { "\(id)@\(year)" }

  /// The id of the scenario a year-expanded id stands for.
  static func baseID(_ id: String) -> String { id.split(separator: "@", maxSplits: 1).first.map(String.init) ?? id }

  public init(_ scenario: Scenario) {
    self.scenario = scenario
    let years = scenario.planYears
    var schemes: [Scheme] = []
    var partners: [Partner] = []
    var links = PlanLinks()
    let conditional = scenario.horizon?.forecasts == .conditional
    for (position, year) in years.enumerated() {
      for scheme in scenario.schemes {
        var copy = scheme
        copy.id = SchemeID(Self.expandedID(scheme.id.rawValue, year: year))
        copy.name = "\(scheme.name) \(year)"
        copy.frame = scenario.frame(scheme, in: year)
        schemes.append(copy)
        if position == 0 { links.firstYearSchemes.insert(copy.id) }
        if conditional, scenario.frameIsForecast(scheme.id, in: year) { links.conditionalSchemes.insert(copy.id) }
        let share = scenario.horizon?.carryOverShare ?? 0
        if position + 1 < years.count, share > 0 { links.carryLimit[copy.id] = share * copy.frame }
        if position > 0, share > 0 { links.carryFrom[copy.id] = SchemeID(Self.expandedID(scheme.id.rawValue, year: years[position - 1])) }
      }
      for partner in scenario.partners {
        var copy = partner
        copy.id = PartnerID(Self.expandedID(partner.id.rawValue, year: year))
        copy.capacity = scenario.capacity(partner, in: year)
        partners.append(copy)
        if conditional, position > 0 { links.conditionalPartners.insert(copy.id) }
      }
    }
    var measures: [Measure] = []
    var parts: [PlanPart] = []
    var partIndex: [String: MeasureIndex] = [:]
    for year in years {
      for (index, measure) in scenario.indexedMeasures {
        guard let amounts = scenario.amounts(of: measure, in: year) else { continue }
        let measureYears = scenario.years(of: measure)
        var copy = measure
        copy.id = MeasureID(Self.expandedID(measure.id.rawValue, year: year))
        copy.scheme = SchemeID(Self.expandedID(measure.scheme.rawValue, year: year))
        copy.acceptablePartners = measure.acceptablePartners.map { PartnerID(Self.expandedID($0.rawValue, year: year)) }
        copy.stateCost = amounts.stateCost
        copy.hours = amounts.hours
        copy.firstYear = nil
        copy.laterYears = []
        if year != measureYears.first { copy.pricePerParticipant = nil }
        let position = MeasureIndex(measures.count)
        if let previous = partIndex[Self.expandedID(measure.id.rawValue, year: year - 1)] {
          links.previousPart[position] = previous
          if measure.mayStop { links.mayStop.insert(position) }
        }
        if measureYears.count > 1 { links.countWeight[position] = 1 / Double(measureYears.count) }
        if let first = measureYears.first, first != years.first { links.startsLater.insert(position) }
        partIndex[Self.expandedID(measure.id.rawValue, year: year)] = position
        measures.append(copy)
        parts.append(PlanPart(measure: index, year: year, isFirst: year == measureYears.first))
      }
    }
    var expanded = Scenario(
      year: scenario.year, county: scenario.county, title: scenario.title, note: scenario.note, schemes: schemes, partners: partners,
      networks: scenario.networks, owners: scenario.owners, measures: measures, policy: scenario.policy, solver: scenario.solver)
    expanded.inputFiles = scenario.inputFiles
    self.expanded = expanded
    self.parts = parts
    self.links = links
  }

  /// A one-year reference (shares and hours by measure) as the expanded model's reference for `year`.
  public static func reference(_ reference: AllocationReference, year: Int) -> AllocationReference {
    var expanded = AllocationReference()
    for (id, share) in reference.shares { expanded.shares[MeasureID(expandedID(id.rawValue, year: year))] = share }
    for (id, partners) in reference.hours {
      var byPartner: [PartnerID: [PartnerRole: Double]] = [:]
      for (partner, hours) in partners { byPartner[PartnerID(expandedID(partner.rawValue, year: year))] = hours }
      expanded.hours[MeasureID(expandedID(id.rawValue, year: year))] = byPartner
    }
    return expanded
  }

  /// Each measure-year of a one-institution measure that runs several years, with all its years in
  /// order (it keeps its partner every year, so the network's choice of partner reads its years together).
  var onePartnerYears: [MeasureIndex: [MeasureIndex]] {
    var years: [MeasureIndex: [MeasureIndex]] = [:]
    for (index, part) in indexedParts where expanded.measures[index].singlePartner {
      years[part.measure, default: []].append(index)
    }
    var result: [MeasureIndex: [MeasureIndex]] = [:]
    for group in years.values where group.count > 1 {
      for index in group { result[index] = group }
    }
    return result
  }

  /// The formulation of the expanded model, with measure-years limited to `partnerLimits` (the
  /// network's choice of partner, ``PartnerRule``).
  public func formulation(
    reference: AllocationReference = AllocationReference(), partnerLimits: [MeasureIndex: [PartnerID]] = [:]
  ) -> AllocationFormulation {
    AllocationFormulation(scenario: expanded, reference: reference, links: links, partnerLimits: partnerLimits)
  }
}

extension Scenario {
  /// One year of a plan as a one-year scenario: the year's frames (plus `carriedIn` NOK per scheme
  /// and the money `beyond` the forecast the plan needs, conditional on it), partner hours (plus
  /// `extraHours` beyond those planned), and the measures that run that year with that year's
  /// cost and hours.
  public func yearScenario(
    _ year: Int, carriedIn: [SchemeID: Double] = [:], beyond: [SchemeID: Double] = [:],
    extraHours: [PartnerID: [PartnerRole: Double]] = [:]
  ) -> Scenario {
    var copy = self
    copy.year = year
    copy.horizon = nil
    copy.schemes = schemes.map { scheme in
      var yearly = scheme
      yearly.frame = frame(scheme, in: year) + (carriedIn[scheme.id] ?? 0) + (beyond[scheme.id] ?? 0)
      return yearly
    }
    copy.partners = partners.map { partner in
      var yearly = partner
      yearly.capacity = capacity(partner, in: year).merging(extraHours[partner.id] ?? [:], uniquingKeysWith: +)
      return yearly
    }
    copy.measures = measures.compactMap { measure in
      guard let amounts = amounts(of: measure, in: year) else { return nil }
      var yearly = measure
      if year != years(of: measure).first {
        yearly.pricePerParticipant = nil
        // A lock is the forum's decision on the measure's first year; the later years follow it.
        yearly.lock = nil
      }
      yearly.stateCost = amounts.stateCost
      yearly.hours = amounts.hours
      yearly.firstYear = nil
      yearly.laterYears = []
      return yearly
    }
    return copy
  }
}

/// A solved plan: the expanded model's allocation, and each year read back as a one-year allocation.
public struct PlanResult: Sendable {
  public var expansion: PlanExpansion
  /// The allocation of the expanded model (measure-years, scheme-years, partner-years).
  public var expandedResult: AllocationResult
  /// One per plan year, in order: that year's ``Scenario/yearScenario(_:carriedIn:)`` and its outcomes.
  /// The first is the annual innstilling's allocation.
  public var years: [AllocationResult]
  /// NOK carried from each scheme-year into the next (scheme → year it leaves → NOK).
  public var carriedOver: [SchemeID: [Int: Double]]
  /// NOK the plan needs beyond a later year's forecast, conditional on it (scheme → year → NOK);
  /// only under ``ForecastRule/conditional``, only where above 0.
  public var beyondForecast: [SchemeID: [Int: Double]] = [:]
  /// Hours the plan needs beyond a partner's planned hours in a later year, conditional on them
  /// (partner → year → role → hours); only where above 0.
  public var beyondPlannedHours: [PartnerID: [Int: [PartnerRole: Double]]] = [:]

  public var scenario: Scenario { expansion.scenario }
  public var hasAllocation: Bool { expandedResult.hasAllocation }

  /// Money carried into `year` for `scheme`.
  public func carriedIn(_ scheme: SchemeID, year: Int) -> Double { carriedOver[scheme]?[year - 1] ?? 0 }
}

extension Allocator {
  /// Solves a multi-year scenario as one model (see ``PlanExpansion``) and reads every year back.
  ///
  /// - Parameters:
  ///   - scenario: a scenario with a horizon.
  ///   - reference: an expanded allocation to stay close to (the base plan's, for a what-if).
  ///   - timeLimitSeconds: overrides the scenario's solver time limit.
  /// - Returns: every year's allocation, or a result whose status says why there is none.
  public func solvePlan(
    _ scenario: Scenario, reference: AllocationReference = AllocationReference(), timeLimitSeconds: Double? = nil
  ) -> PlanResult {
    let expansion = PlanExpansion(scenario)
    // The network's choice of partner holds in every year: the rule's search over the expanded model
    // (each measure-year at its partner-years; a one-partner measure keeps its partner every year).
    let solved = solveFollowingPartnerRule(
      expansion.expanded, timeLimitSeconds: timeLimitSeconds, together: expansion.onePartnerYears
    ) { expansion.formulation(reference: reference, partnerLimits: $0) }
    let formulation = solved.formulation
    var expandedResult = solved.result
    expandedResult.partnerRule?.readOverYears = true
    guard expandedResult.hasAllocation else {
      return PlanResult(expansion: expansion, expandedResult: expandedResult, years: [], carriedOver: [:])
    }
    var carried: [SchemeID: [Int: Double]] = [:]
    for scheme in scenario.schemes {
      for year in scenario.planYears {
        let id = SchemeID(PlanExpansion.expandedID(scheme.id.rawValue, year: year))
        guard let variable = formulation.carryOver[id] else { continue }
        let value = max(0, solved.point[variable.rawValue]) * AllocationFormulation.moneyUnit
        carried[scheme.id, default: [:]][year] = (value * 100).rounded() / 100
      }
    }
    var beyond: [SchemeID: [Int: Double]] = [:]
    var extraHours: [PartnerID: [Int: [PartnerRole: Double]]] = [:]
    for year in scenario.planYears.dropFirst() {
      for scheme in scenario.schemes {
        guard let variable = formulation.beyondForecast[SchemeID(PlanExpansion.expandedID(scheme.id.rawValue, year: year))] else {
          continue
        }
        // Whole kroner up: the year's money is settled in kroner within frame + carry + this.
        let value = (max(0, solved.point[variable.rawValue]) * AllocationFormulation.moneyUnit - 0.005).rounded(.up)
        if value > 0 { beyond[scheme.id, default: [:]][year] = value }
      }
      for partner in scenario.partners {
        let id = PartnerID(PlanExpansion.expandedID(partner.id.rawValue, year: year))
        for (role, variable) in (formulation.beyondPlannedHours[id] ?? [:]).sorted(by: { $0.key < $1.key }) {
          // Up to the 1/10 000 hour, so the year's capacity holds the hours it gives.
          let hours = (max(0, solved.point[variable.rawValue]) * 1e4 - 1e-6).rounded(.up) / 1e4
          if hours > 0 { extraHours[partner.id, default: [:]][year, default: [:]][role] = hours }
        }
      }
    }
    let explained = Self.laterYearReasons(expansion, expandedResult, carried: carried, beyond: beyond)
    let years = scenario.planYears.map { year -> AllocationResult in
      let carriedIn = Dictionary(uniqueKeysWithValues: scenario.schemes.map { ($0.id, carried[$0.id]?[year - 1] ?? 0) })
      let yearly = scenario.yearScenario(
        year, carriedIn: carriedIn, beyond: beyond.compactMapValues { $0[year] }, extraHours: extraHours.compactMapValues { $0[year] })
      return Self.yearResult(year, of: expansion, explained, scenario: yearly)
    }
    var plan = PlanResult(expansion: expansion, expandedResult: expandedResult, years: years, carriedOver: carried)
    plan.beyondForecast = beyond
    plan.beyondPlannedHours = extraHours
    return plan
  }

  /// Adds to each measure's first year not funded in full the later years whose frame cannot pay
  /// the next step (the reason a one-year reading of the first year cannot see).
  static func laterYearReasons(
    _ expansion: PlanExpansion, _ result: AllocationResult, carried: [SchemeID: [Int: Double]], beyond: [SchemeID: [Int: Double]]
  ) -> AllocationResult {
    let expanded = expansion.expanded
    var left: [SchemeID: Double] = [:]
    for (position, scheme) in expanded.schemes.enumerated() {
      let year = expansion.scenario.planYears[position / max(expansion.scenario.schemes.count, 1)]
      let base = SchemeID(PlanExpansion.baseID(scheme.id.rawValue))
      // In whole kroner as the plan's table rounds them (the frame down, carry-overs to the krone,
      // the year's spending to the krone), so the reason and the table say the same amount.
      left[scheme.id] =
        scheme.frame.rounded(.down) + (carried[base]?[year - 1] ?? 0).rounded() - (carried[base]?[year] ?? 0).rounded()
        + (beyond[base]?[year] ?? 0)
    }
    var spent: [SchemeID: Double] = [:]
    for (measure, outcome) in zip(expanded.measures, result.outcomes) { spent[measure.scheme, default: 0] += outcome.stateMoney }
    for (scheme, amount) in spent { left[scheme, default: 0] -= amount.rounded() }
    var partsOf: [MeasureIndex: [MeasureIndex]] = [:]
    for (index, part) in expansion.indexedParts { partsOf[part.measure, default: []].append(index) }
    var explained = result
    // With forecasts conditional, a forecast year never holds back a measure that starts in the
    // first year (it may need money beyond the forecast); a decided later frame still does.
    let links = expansion.links
    for (index, part) in expansion.indexedParts where part.isFirst {
      let outcome = result.outcomes[index]
      guard outcome.status == .partlyFunded || outcome.status == .notFunded else { continue }
      let measure = expanded.measures[index]
      let step = outcome.share > 0 ? 1 - outcome.share : measure.minimumShare
      var found: [Reason] = []
      for later in (partsOf[part.measure] ?? []) where later != index {
        let laterMeasure = expanded.measures[later]
        if part.year == expansion.scenario.year, links.conditionalSchemes.contains(laterMeasure.scheme) { continue }
        let needed = step * (expanded.cheapestFullCost(of: laterMeasure) ?? laterMeasure.stateCost)
        let remaining = max(0, left[laterMeasure.scheme] ?? 0)
        if remaining + 0.5 < needed {
          found.append(
            .laterYearFrameSpent(scheme: laterMeasure.scheme, year: expansion.parts[later].year, left: remaining, needed: needed))
        }
      }
      guard !found.isEmpty else { continue }
      let kept = outcome.reasons.filter { $0 != .betterUseElsewhere }
      explained.outcomes[index].reasons = kept + found
    }
    return explained
  }

  /// The outcomes of `year`'s measure-years, with the expanded ids read back.
  static func yearResult(_ year: Int, of expansion: PlanExpansion, _ expanded: AllocationResult, scenario: Scenario) -> AllocationResult {
    func base<ID: ScenarioIdentifier>(_ id: ID) -> ID { ID(PlanExpansion.baseID(id.rawValue)) }
    var outcomes: [MeasureOutcome] = []
    var byID: [MeasureID: MeasureOutcome] = [:]
    for (part, outcome) in zip(expansion.parts, expanded.outcomes) where part.year == year {
      var mapped = outcome
      mapped.measure = base(outcome.measure)
      mapped.partners = outcome.partners.map { line in
        var copy = line
        copy.partner = base(line.partner)
        return copy
      }
      mapped.reasons = outcome.reasons.map { reason in
        switch reason {
        case .frameSpent(let scheme, let left, let needed, let step):
          .frameSpent(scheme: base(scheme), left: left, needed: needed, for: step)
        case .partnerHoursUsed(let partner, let role, let left, let needed):
          .partnerHoursUsed(partner: base(partner), role: role, left: left, needed: needed)
        case .higherPriorityNotFullyFunded(let id): .higherPriorityNotFullyFunded(base(id))
        case .laterYearFrameSpent(let scheme, let year, let left, let needed):
          .laterYearFrameSpent(scheme: base(scheme), year: year, left: left, needed: needed)
        default: reason
        }
      }
      byID[mapped.measure] = mapped
    }
    for measure in scenario.measures { if let outcome = byID[measure.id] { outcomes.append(outcome) } }
    var result = expanded
    result.scenario = scenario
    result.outcomes = outcomes
    result.fairness = expanded.fairness.filter { $0.scheme.rawValue == PlanExpansion.expandedID(base($0.scheme).rawValue, year: year) }.map
    { fairness in
      var copy = fairness
      copy.scheme = base(fairness.scheme)
      return copy
    }
    // The network's choice of partner, read back for this year: its breaches and limits.
    let inYear = { (id: MeasureID) in id.rawValue == PlanExpansion.expandedID(base(id).rawValue, year: year) }
    result.partnerRule?.breaches = (expanded.partnerRule?.breaches ?? []).filter { inYear($0.measure) }.map {
      PartnerRuleBreach(measure: base($0.measure), partner: base($0.partner), idlePartner: base($0.idlePartner))
    }
    result.partnerLimits = Dictionary(
      expanded.partnerLimits.filter { inYear($0.key) }.map { (base($0.key), $0.value.map(base)) }, uniquingKeysWith: { first, _ in first })
    return result
  }
}
