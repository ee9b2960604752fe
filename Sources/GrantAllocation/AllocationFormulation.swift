import Foundation
import LinearProgramming

/// Money enters the model in thousands of NOK, so that grant-sized coefficients stay near 1–1000.
let modelMoneyUnit = 1000.0

/// The allocation model of domain.md §2, built from a validated ``Scenario`` in named steps.
///
/// Variables: funded share `y_i ∈ [0, 1]` per measure; a binary `z_i` where a smallest viable share
/// `φ_i < 1` applies (`φ_i z_i ≤ y_i ≤ z_i`), or `y_i` itself binary when `φ_i = 1`; partner hours
/// `x_iuρ ≥ 0`; where a measure must have one partner institution, a binary `w_iu`; a fairness
/// shortfall `d_ns ∈ [0, 1]` (share of the floor missed) per network and scheme.
public struct AllocationFormulation: Sendable {
  /// NOK per unit of money in the model (frames, costs and prices enter in thousands of NOK).
  public static let moneyUnit = modelMoneyUnit

  /// One partner-hours variable `x_iuρ`.
  public struct HoursVariable: Sendable, Equatable {
    public var measure: MeasureIndex
    public var partner: PartnerID
    public var role: PartnerRole
    public var variable: VariableIndex
    /// Position of the partner in the measure's order of preference.
    public var preference: Int
  }

  /// One soft fairness floor.
  public struct FairnessFloor: Sendable, Equatable {
    public var network: NetworkID
    public var scheme: SchemeID
    /// The floor in NOK: `min(α k_n F_s, what the network asks)`.
    public var target: Double
    public var shortfall: VariableIndex
    public var row: ConstraintIndex
  }

  public let scenario: Scenario
  public internal(set) var model = LinearModel()
  /// `y_i`, in ``Scenario/measures`` order.
  public private(set) var funded: [VariableIndex] = []
  /// The all-or-nothing indicator of each measure (`z_i`, or `y_i` when `φ_i = 1`).
  public private(set) var indicator: [VariableIndex] = []
  public private(set) var hours: [HoursVariable] = []
  /// ``hours`` by measure index, in the order they were added (by role, then preference); built
  /// once with them, for the steps and readers that ask per measure.
  public private(set) var hoursByMeasure: [MeasureIndex: [HoursVariable]] = [:]
  /// Roles in which a measure asks hours that no acceptable partner can give.
  public private(set) var rolesWithoutPartner: [MeasureIndex: [PartnerRole]] = [:]
  /// Where a measure must have one partner institution: the binary `w_iu` of each candidate.
  public private(set) var partnerChoice: [MeasureIndex: [PartnerID: VariableIndex]] = [:]
  public private(set) var frameRows: [SchemeID: ConstraintIndex] = [:]
  public private(set) var capacityRows: [PartnerID: [PartnerRole: ConstraintIndex]] = [:]
  /// For each measure in the priority contest, the measure just above it on its list.
  public private(set) var predecessor: [MeasureIndex: MeasureIndex] = [:]
  public private(set) var fairnessFloors: [FairnessFloor] = []
  /// Per measure: the criteria it fails (empty when eligible).
  public let failedCriteria: [[Criterion]]
  /// Per measure: ``Scenario/cheapestFullCost(of:)``, computed once.
  let fullCosts: [Double?]
  /// The reference allocation that the stability stage stays close to.
  public let reference: AllocationReference
  /// Positions in ``LinearProgramming/LinearModel/objectives`` of the priority stages.
  public private(set) var priorityStages: [Int] = []
  /// `|y_i − y_i^ref|` per measure, and `|x_iuρ − x_iuρ^ref| / h_iρ` per partner-hours variable.
  public private(set) var deviations: [VariableIndex] = []
  /// The two rows (`d ≥ v − ref`, `d ≥ ref − v`) of each of ``deviations``, in the same order.
  public private(set) var deviationRows: [[ConstraintIndex]] = []
  /// In an expanded multi-year plan: how the measure-years and scheme-years hang together; `nil`
  /// for one year, which leaves the model exactly as it was before plans existed.
  let links: PlanLinks?
  /// In an expanded plan: per scheme-year, the money (model units) left unspent and carried into the next year.
  public private(set) var carryOver: [SchemeID: VariableIndex] = [:]
  /// In an expanded plan under ``ForecastRule/conditional``: per forecast scheme-year, the money
  /// (model units) the first year's measures need beyond the forecast (conditional on it).
  public private(set) var beyondForecast: [SchemeID: VariableIndex] = [:]
  /// Likewise per later partner-year and role: the hours needed beyond the hours planned.
  public private(set) var beyondPlannedHours: [PartnerID: [PartnerRole: VariableIndex]] = [:]
  /// The partners each measure (by index) may still use, a first part of its acceptable partners:
  /// the limits the search for the network's choice of partner has set (``PartnerRule``). A
  /// measure without an entry may use every acceptable partner with hours.
  public let partnerLimits: [MeasureIndex: [PartnerID]]

  /// Builds the whole model: variables, constraints and the lexicographic objective.
  ///
  /// - Parameters:
  ///   - scenario: the validated scenario.
  ///   - reference: shares of a reference allocation (last year's, or the base scenario's when
  ///     solving a what-if); when given, a stability stage keeps the answer as close to it as the
  ///     earlier stages allow.
  ///   - partnerLimits: per measure index, the partners it may still use (``partnerLimits``).
  public init(
    scenario: Scenario, reference: AllocationReference = AllocationReference(), partnerLimits: [MeasureIndex: [PartnerID]] = [:]
  ) {
    self.init(scenario: scenario, reference: reference, links: nil, partnerLimits: partnerLimits)
  }

  /// Builds the model of an expanded plan (see ``PlanExpansion``) when `links` is given.
  init(
    scenario: Scenario, reference: AllocationReference, links: PlanLinks?, partnerLimits: [MeasureIndex: [PartnerID]] = [:]
  ) {
    self.scenario = scenario
    self.reference = reference
    self.links = links
    self.partnerLimits = partnerLimits
    fullCosts = scenario.measures.map { scenario.cheapestFullCost(of: $0) }
    failedCriteria = scenario.measures.map { measure in
      scenario.scheme(measure.scheme).map { measure.failedCriteria(under: $0) } ?? []
    }
    addFundingVariables()
    addPartnerHours()
    addSinglePartnerChoice()
    addHorizonLinks()
    addCapacityLimits()
    addFrameLimits()
    addPriorityOrder()
    addFairnessFloors()
    addStabilityDeviations()
    setObjectives()
    // Frames and capacities are the only rows that tie one ranked list to another.
    model.linkingConstraints = (Array(frameRows.values) + capacityRows.values.flatMap(\.values)).sorted()
    model.suggestedIntegerValues = greedyIntegerValues()
  }

  /// Whether this is the model of a multi-year plan's expansion (measure-years, scheme-years).
  public var isPlan: Bool { links != nil }

  /// Whether measure `index` is eligible and not a continuing commitment (nor, in a plan, a later
  /// year of a measure, which follows its first year instead of its list).
  public func competesOnPriority(_ index: MeasureIndex) -> Bool {
    countsForPriority(index) && links?.previousPart[index] == nil
  }

  /// Whether measure `index` adds to the priority value: eligible, not a continuing commitment and
  /// not locked by the forum.
  func countsForPriority(_ index: MeasureIndex) -> Bool {
    failedCriteria[index].isEmpty && !scenario.measures[index].continuing && scenario.measures[index].lock == nil
  }

  /// The forum's lock on measure `index` where it binds: on an eligible measure, and in a plan on
  /// the measure's first year only (its later years follow that year by the plan's links). A lock
  /// to fund a continuing commitment adds nothing to it (the commitment is funded in full) and is
  /// not read; `none` ends the commitment.
  public func bindingLock(_ index: MeasureIndex) -> MeasureLock? {
    guard links?.previousPart[index] == nil, failedCriteria[index].isEmpty, let lock = scenario.measures[index].lock else { return nil }
    return scenario.measures[index].continuing && lock != .none ? nil : lock
  }

  /// Whether measure `index` is a continuing commitment still in force: eligible, continuing, and
  /// not ended by a lock `none` (in a plan, on any of its years: the lock is its first year's).
  func isCommitment(_ index: MeasureIndex) -> Bool {
    let measure = scenario.measures[index]
    return failedCriteria[index].isEmpty && measure.continuing && measure.lock != MeasureLock.none
  }

  /// The measures locked at a share between nothing and the whole (``MeasureLock/atLeast(_:)``).
  var partlyLocked: [MeasureIndex] {
    scenario.measureIndices.filter {
      if case .atLeast = bindingLock($0) { return true }
      return false
    }
  }

  /// Whether some measure is locked at a share between nothing and the whole (``MeasureLock/atLeast(_:)``).
  public var hasPartialLocks: Bool { !partlyLocked.isEmpty }

  // MARK: - Variables

  /// `y_i`, with `z_i` where a smallest viable share below 1 applies. Ineligible measures are
  /// fixed at 0 (constraint 7); continuing commitments at 1 (constraint 5).
  private mutating func addFundingVariables() {
    for (index, measure) in scenario.indexedMeasures {
      // In a plan, a later year of a measure that may not stop has its first year's share: the
      // same variables (fewer binaries for the solver than separate ones tied by equations).
      if let previous = links?.previousPart[index], links?.mayStop.contains(index) == false {
        funded.append(funded[previous])
        indicator.append(indicator[previous])
        continue
      }
      let eligible = failedCriteria[index].isEmpty
      var upper: Double = eligible ? 1 : 0
      var lower: Double = isCommitment(index) ? 1 : 0
      // The forum's lock: `none` holds the measure (even a commitment) at nothing; `full` and
      // `atLeast` give it a smallest share, with the indicator on.
      var indicatorLower = lower
      switch bindingLock(index) {
      case .none?: (lower, upper, indicatorLower) = (0, 0, 0)
      case .full?: (lower, indicatorLower) = (1, 1)
      case .atLeast(let share)?: (lower, indicatorLower) = (max(lower, min(max(share, 0), 1)), 1)
      case nil: break
      }
      if measure.minimumShare >= 1 {
        let y = model.addVariable(
          name: "y[\(measure.id)]", lowerBound: lower > 0 ? 1 : 0, upperBound: upper, kind: .binary)
        funded.append(y)
        indicator.append(y)
      } else {
        let y = model.addVariable(name: "y[\(measure.id)]", lowerBound: lower, upperBound: upper)
        let z = model.addVariable(name: "z[\(measure.id)]", lowerBound: indicatorLower, upperBound: upper, kind: .binary)
        model.addConstraint(
          name: "smallest share[\(measure.id)]", terms: [LinearTerm(1, y), LinearTerm(-measure.minimumShare, z)], lowerBound: 0)
        model.addConstraint(name: "share needs indicator[\(measure.id)]", terms: [LinearTerm(1, y), LinearTerm(-1, z)], upperBound: 0)
        funded.append(y)
        indicator.append(z)
      }
    }
  }

  /// Constraint 1, hours follow funding: `Σ_u x_iuρ = h_iρ y_i` for every role a measure asks.
  private mutating func addPartnerHours() {
    for (index, measure) in scenario.indexedMeasures {
      for role in PartnerRole.allCases where measure.hours(role) > 0 {
        let asked = measure.hours(role)
        var terms = [LinearTerm(-asked, funded[index])]
        let candidates = scenario.candidatePartners(for: measure, role: role)
        if candidates.isEmpty { rolesWithoutPartner[index, default: []].append(role) }
        let limit = partnerLimits[index]
        for partner in candidates where limit?.contains(partner.id) ?? true {
          let x = model.addVariable(
            name: "x[\(measure.id),\(partner.id),\(role)]", lowerBound: 0, upperBound: min(asked, partner.hours(role)))
          let preference = measure.acceptablePartners.firstIndex(of: partner.id) ?? 0
          let variable = HoursVariable(measure: index, partner: partner.id, role: role, variable: x, preference: preference)
          hours.append(variable)
          hoursByMeasure[index, default: []].append(variable)
          terms.append(LinearTerm(1, x))
        }
        model.addConstraint(name: "hours follow funding[\(measure.id),\(role)]", terms: terms, lowerBound: 0, upperBound: 0)
      }
    }
  }

  /// Where a measure must have one partner institution: binary `w_iu`, `x_iuρ ≤ h_iρ w_iu`, `Σ_u w_iu ≤ 1`.
  private mutating func addSinglePartnerChoice() {
    for (index, measure) in scenario.indexedMeasures where measure.singlePartner {
      let measureHours = hoursByMeasure[index] ?? []
      let partners = measure.acceptablePartners.filter { id in measureHours.contains { $0.partner == id } }
      guard partners.count > 1 else { continue }
      var choices: [LinearTerm] = []
      for partner in partners {
        let w = model.addVariable(name: "w[\(measure.id),\(partner)]", kind: .binary)
        partnerChoice[index, default: [:]][partner] = w
        choices.append(LinearTerm(1, w))
        for hoursVariable in measureHours where hoursVariable.partner == partner {
          model.addConstraint(
            name: "only the chosen partner[\(measure.id),\(partner),\(hoursVariable.role)]",
            terms: [LinearTerm(1, hoursVariable.variable), LinearTerm(-measure.hours(hoursVariable.role), w)], upperBound: 0)
        }
      }
      model.addConstraint(name: "one partner[\(measure.id)]", terms: choices, upperBound: 1)
    }
  }

  /// In a plan, a measure's years hang together: year t's share equals year t−1's (or, where the
  /// measure may stop, equals it or is 0: `y_t ≤ y_{t−1}`, `y_t ≥ y_{t−1} − (1 − z_t)`), so no later
  /// year is funded without the earlier ones; a single-partner measure keeps its partner.
  private mutating func addHorizonLinks() {
    guard let links else { return }
    /// `chosen(u)`: the variable that is 1 when partner `u` carries the measure's hours.
    func chosen(_ index: MeasureIndex) -> [PartnerID: VariableIndex] {
      if let choice = partnerChoice[index] { return choice }
      let partners = Set((hoursByMeasure[index] ?? []).map(\.partner))
      guard partners.count == 1, let only = partners.first else { return [:] }
      return [only: indicator[index]]
    }
    for (index, previous) in links.previousPart.sorted(by: { $0.key < $1.key }) {
      let id = scenario.measures[index].id
      let (y, yPrevious) = (funded[index], funded[previous])
      let (z, zPrevious) = (indicator[index], indicator[previous])
      if links.mayStop.contains(index) {
        model.addConstraint(
          name: "no later year without the earlier[\(id)]", terms: [LinearTerm(1, y), LinearTerm(-1, yPrevious)], upperBound: 0)
        // With a binary share (all or nothing), `y_t ≤ y_{t−1}` already means the same or stopped.
        if z != y {
          model.addConstraint(
            name: "same share or stopped[\(id)]", terms: [LinearTerm(1, y), LinearTerm(-1, yPrevious), LinearTerm(-1, z)], lowerBound: -1)
        }
        if z != y || zPrevious != yPrevious {
          model.addConstraint(
            name: "no later year without the earlier indicator[\(id)]", terms: [LinearTerm(1, z), LinearTerm(-1, zPrevious)], upperBound: 0)
        }
      } else if y != yPrevious {
        model.addConstraint(
          name: "same share every year[\(id)]", terms: [LinearTerm(1, y), LinearTerm(-1, yPrevious)], lowerBound: 0, upperBound: 0)
        if z != y || zPrevious != yPrevious {
          model.addConstraint(
            name: "same share every year indicator[\(id)]", terms: [LinearTerm(1, z), LinearTerm(-1, zPrevious)], lowerBound: 0,
            upperBound: 0)
        }
      }
      guard scenario.measures[index].singlePartner else { continue }
      let (now, before) = (chosen(index), chosen(previous))
      guard !now.isEmpty, !before.isEmpty else { continue }
      // Matching by the partner's id in the first year (the expanded ids carry the year).
      let beforeByBase = Dictionary(uniqueKeysWithValues: before.map { (PlanExpansion.baseID($0.key.rawValue), $0.value) })
      for (partner, indicatorNow) in now.sorted(by: { $0.key < $1.key }) {
        var terms = [LinearTerm(1, indicatorNow)]
        if let earlier = beforeByBase[PlanExpansion.baseID(partner.rawValue)] {
          // The one candidate both years, carried by the shared indicator: nothing to require.
          if earlier == indicatorNow { continue }
          terms.append(LinearTerm(-1, earlier))
        }
        model.addConstraint(name: "same partner every year[\(id),\(partner)]", terms: terms, upperBound: 0)
      }
    }
  }

  // MARK: - Constraints

  /// Constraint 2, partner capacity: `Σ_i x_iuρ ≤ C_uρ`.
  private mutating func addCapacityLimits() {
    let hoursByPartner = Dictionary(grouping: hours, by: \.partner)
    for partner in scenario.partners {
      for role in PartnerRole.allCases {
        var terms = (hoursByPartner[partner.id] ?? []).filter { $0.role == role }.map { LinearTerm(1, $0.variable) }
        guard !terms.isEmpty else { continue }
        if links?.conditionalPartners.contains(partner.id) == true {
          let beyond = model.addVariable(name: "beyond planned hours[\(partner.id),\(role)]", lowerBound: 0)
          beyondPlannedHours[partner.id, default: [:]][role] = beyond
          terms.append(LinearTerm(-1, beyond))
        }
        capacityRows[partner.id, default: [:]][role] = model.addConstraint(
          name: "capacity[\(partner.id),\(role)]", terms: terms, upperBound: partner.hours(role))
      }
    }
  }

  /// The state money of measures `indices`: grants plus partner hours, in model money units.
  private func moneyTerms(of indices: [MeasureIndex]) -> [LinearTerm] {
    var terms: [LinearTerm] = []
    for index in indices {
      terms.append(LinearTerm(scenario.measures[index].stateCost / modelMoneyUnit, funded[index]))
      for hoursVariable in hoursByMeasure[index] ?? [] {
        let price = scenario.partner(hoursVariable.partner)?.hourlyPrice(hoursVariable.role) ?? 0
        terms.append(LinearTerm(price / modelMoneyUnit, hoursVariable.variable))
      }
    }
    return terms
  }

  /// Constraint 3, one frame per scheme, no money across schemes:
  /// `Σ_{i∈s} (a_i y_i + Σ_uρ c_uρ x_iuρ) ≤ F_s`.
  private mutating func addFrameLimits() {
    let measuresByScheme = Dictionary(grouping: scenario.measureIndices) { scenario.measures[$0].scheme }
    for scheme in scenario.schemes {
      var terms = moneyTerms(of: measuresByScheme[scheme.id] ?? [])
      // In a plan: spend_t + carry_t − carry_{t−1} ≤ F_t, with carry_t ≤ the policy's share of F_t.
      if let links {
        if let previous = links.carryFrom[scheme.id], let carried = carryOver[previous] { terms.append(LinearTerm(-1, carried)) }
        if let limit = links.carryLimit[scheme.id], limit > 0 {
          let carry = model.addVariable(name: "carry over[\(scheme.id)]", lowerBound: 0, upperBound: limit / modelMoneyUnit)
          carryOver[scheme.id] = carry
          terms.append(LinearTerm(1, carry))
        }
      }
      if links?.conditionalSchemes.contains(scheme.id) == true {
        let beyond = model.addVariable(name: "beyond forecast[\(scheme.id)]", lowerBound: 0)
        beyondForecast[scheme.id] = beyond
        terms.append(LinearTerm(-1, beyond))
      }
      frameRows[scheme.id] = model.addConstraint(name: "frame[\(scheme.id)]", terms: terms, upperBound: scheme.frame / modelMoneyUnit)
    }
  }

  /// Constraint 4: within a list (holder and scheme), `y_next ≤ y_prev` and `z_next ≤ z_prev`.
  /// Ineligible measures and continuing commitments stand outside the contest and block nothing.
  private mutating func addPriorityOrder() {
    let contestants = scenario.measureIndices.filter(competesOnPriority)
    let lists = Dictionary(grouping: contestants) { ListKey(holder: scenario.measures[$0].holder, scheme: scenario.measures[$0].scheme) }
    for (_, list) in lists.sorted(by: { $0.key < $1.key }) {
      let ordered = list.sorted { scenario.measures[$0].rank < scenario.measures[$1].rank }
      for (previous, next) in zip(ordered, ordered.dropFirst()) {
        predecessor[next] = previous
        let names = "\(scenario.measures[previous].id)>\(scenario.measures[next].id)"
        model.addConstraint(
          name: "priority[\(names)]", terms: [LinearTerm(1, funded[next]), LinearTerm(-1, funded[previous])], upperBound: 0)
        if indicator[next] != funded[next] || indicator[previous] != funded[previous] {
          model.addConstraint(
            name: "priority indicator[\(names)]", terms: [LinearTerm(1, indicator[next]), LinearTerm(-1, indicator[previous])],
            upperBound: 0)
        }
      }
    }
  }

  /// Constraint 6, soft: `R_ns + T_ns d_ns ≥ T_ns`, with `T_ns = min(α k_ns F_s, eligible request)`.
  private mutating func addFairnessFloors() {
    let alpha = scenario.policy.fairnessFloor
    guard alpha > 0 else { return }
    let eligibleByList = Dictionary(grouping: scenario.measureIndices.filter { failedCriteria[$0].isEmpty }) {
      ListKey(holder: scenario.measures[$0].holder, scheme: scenario.measures[$0].scheme)
    }
    for scheme in scenario.schemes {
      // The key per scheme: that scheme's size measure, among the networks it serves.
      let keyShares = scenario.networkKeyShares(scheme: scheme)
      let requests = scenario.floorRequests(scheme: scheme)
      for network in scenario.networks {
        let indices = eligibleByList[ListKey(holder: .network(network.id), scheme: scheme.id)] ?? []
        let request = requests[network.id] ?? 0
        let target = min(alpha * (keyShares[network.id] ?? 0) * scheme.frame, request)
        guard target >= 1 else { continue }
        let shortfall = model.addVariable(name: "shortfall[\(network.id),\(scheme.id)]", lowerBound: 0, upperBound: 1)
        let row = model.addConstraint(
          name: "fairness floor[\(network.id),\(scheme.id)]",
          terms: moneyTerms(of: indices) + [LinearTerm(target / modelMoneyUnit, shortfall)],
          lowerBound: target / modelMoneyUnit)
        fairnessFloors.append(FairnessFloor(network: network.id, scheme: scheme.id, target: target, shortfall: shortfall, row: row))
      }
    }
  }

  /// `d ≥ |v − v^ref|` for every share and every partner's hours (as a share of the hours asked)
  /// of the measures the reference has, except a measure locked at a share: what no contestant can
  /// use raises it (the canonical tie-break), which staying close to the reference would undo.
  private mutating func addStabilityDeviations() {
    let partlyLocked = Set(partlyLocked.map { scenario.measures[$0].id })
    func deviation(_ name: String, _ variable: VariableIndex, scale: Double, target: Double) {
      let d = model.addVariable(name: "deviation[\(name)]", lowerBound: 0, upperBound: 1)
      deviations.append(d)
      deviationRows.append([
        model.addConstraint(
          name: "above reference[\(name)]", terms: [LinearTerm(1, d), LinearTerm(-scale, variable)], lowerBound: -target),
        model.addConstraint(name: "below reference[\(name)]", terms: [LinearTerm(1, d), LinearTerm(scale, variable)], lowerBound: target),
      ])
    }
    for (index, measure) in scenario.indexedMeasures {
      guard let share = reference.shares[measure.id], share.isFinite, !partlyLocked.contains(measure.id) else { continue }
      deviation("\(measure.id)", funded[index], scale: 1, target: min(max(share, 0), 1))
    }
    for hoursVariable in hours {
      let measure = scenario.measures[hoursVariable.measure]
      guard reference.shares[measure.id] != nil, !partlyLocked.contains(measure.id) else { continue }
      let asked = measure.hours(hoursVariable.role)
      let given = reference.hours[measure.id]?[hoursVariable.partner]?[hoursVariable.role] ?? 0
      deviation(
        "\(measure.id),\(hoursVariable.partner),\(hoursVariable.role)", hoursVariable.variable, scale: 1 / asked,
        target: min(max(given / asked, 0), 1))
    }
  }

  // MARK: - Objective

  /// The lexicographic objective: fairness shortfall, priority value, stability (closest to the
  /// reference, when there is one), then deterministic tie-breaks (canonical order of measures,
  /// then each measure's preferred partner).
  private mutating func setObjectives() {
    let tolerance = scenario.solver.stageTolerance
    var objectives: [Objective] = []
    // In a plan every year of a measure counts, weighted so that the whole measure counts once.
    let contestants = scenario.measureIndices.filter(countsForPriority)
    func value(_ index: MeasureIndex) -> Double {
      switch scenario.policy.value {
      case .count: return links?.countWeight[index] ?? 1
      case .cost: return (fullCosts[index] ?? 0) / modelMoneyUnit
      }
    }
    func fairness(_ floors: [FairnessFloor], name: String) {
      guard !floors.isEmpty else { return }
      objectives.append(
        Objective(name: name, sense: .minimize, terms: floors.map { LinearTerm(1, $0.shortfall) }, relativeTolerance: tolerance))
    }
    func priority(_ measures: [MeasureIndex], suffix: String) {
      switch scenario.policy.weighting {
      case .strictTiers:
        let ranks = Set(measures.map { scenario.measures[$0].rank }).sorted()
        for rank in ranks {
          let terms = measures.filter { scenario.measures[$0].rank == rank }.map { LinearTerm(value($0), funded[$0]) }
          priorityStages.append(objectives.count)
          objectives.append(Objective(name: "priority rank \(rank)\(suffix)", sense: .maximize, terms: terms, relativeTolerance: tolerance))
        }
      case .decay(let factor):
        guard !measures.isEmpty || suffix.isEmpty else { return }
        let terms = measures.map { index in
          LinearTerm(value(index) * pow(factor, Double(scenario.measures[index].rank - 1)), funded[index])
        }
        priorityStages.append(objectives.count)
        objectives.append(Objective(name: "priority\(suffix)", sense: .maximize, terms: terms, relativeTolerance: tolerance))
      }
    }
    if let links, links.firstYearFirst {
      // Forecasts conditional (docs/plan.md): the first year is decided first — its floors and its
      // measures by priority, whatever they need in later years — then as little as possible beyond
      // the forecasts and the planned hours, then the later years' floors and new measures within
      // what the forecasts leave.
      fairness(fairnessFloors.filter { links.firstYearSchemes.contains($0.scheme) }, name: "fairness")
      priority(contestants.filter { !links.startsLater.contains($0) }, suffix: "")
      var beyond = beyondForecast.sorted { $0.key < $1.key }.map { LinearTerm(1, $0.value) }
      for (partner, roles) in beyondPlannedHours.sorted(by: { $0.key < $1.key }) {
        for (role, variable) in roles.sorted(by: { $0.key < $1.key }) {
          // Hours weigh what they cost, so that money and hours beyond the plan count alike.
          let price = scenario.partner(partner)?.hourlyPrice(role) ?? 0
          beyond.append(LinearTerm(max(price, 1) / modelMoneyUnit, variable))
        }
      }
      // Kept tight whatever the scenario's stage tolerance: slack here would be money beyond a
      // forecast that the later stages could give a measure starting later.
      objectives.append(
        Objective(name: "conditional on forecasts", sense: .minimize, terms: beyond, relativeTolerance: min(tolerance, 1e-9)))
      fairness(fairnessFloors.filter { !links.firstYearSchemes.contains($0.scheme) }, name: "fairness, later years")
      priority(contestants.filter { links.startsLater.contains($0) }, suffix: ", later years")
    } else {
      fairness(fairnessFloors, name: "fairness")
      priority(contestants, suffix: "")
    }
    // Stability: among equally good allocations, the one closest to the reference.
    if !deviations.isEmpty {
      objectives.append(
        Objective(name: "stability", sense: .minimize, terms: deviations.map { LinearTerm(1, $0) }, relativeTolerance: tolerance))
    }
    // Tie-break 1: among equally good allocations, the measure first in canonical order
    // (scheme, list, rank, id) wins.
    // Keys computed once (a sort comparator that looked positions up was quadratic at 10⁵ measures).
    let keys = canonicalKeys()
    // A measure locked at a smallest share takes part here, so that what no contestant can use
    // raises it above its lock.
    let canonical = (contestants + partlyLocked).sorted { keys[$0] < keys[$1] }
    let count = Double(max(canonical.count, 1))
    objectives.append(
      Objective(
        name: "tie-break: canonical order", sense: .maximize,
        terms: canonical.enumerated().map { LinearTerm(1 - Double($0.offset) / count, funded[$0.element]) },
        relativeTolerance: tolerance))
    // Tie-break 2: each measure's hours go to its most preferred partner; where two measures
    // cannot both have theirs, the one first in canonical order does (its place weighs up to
    // twice as much), so equally good answers do not differ in who gets the first choice.
    let everyone = scenario.measureIndices.sorted { keys[$0] < keys[$1] }
    var weight = [Double](repeating: 1, count: scenario.measures.count)
    let total = Double(max(everyone.count, 1))
    for (position, index) in everyone.enumerated() { weight[index] = 2 - Double(position) / total }
    objectives.append(
      Objective(
        name: "tie-break: preferred partner", sense: .minimize,
        terms: hours.filter { $0.preference > 0 }.map {
          LinearTerm(weight[$0.measure] * Double($0.preference) / scenario.measures[$0.measure].hours($0.role), $0.variable)
        },
        relativeTolerance: tolerance))
    // In a plan, the years of a measure that may not stop share one variable: one term each.
    if links != nil {
      for position in objectives.indices { objectives[position].terms = Self.merged(objectives[position].terms) }
    }
    model.objectives = objectives
  }

  /// `terms` with the coefficients of a repeated variable added into its first term.
  static func merged(_ terms: [LinearTerm]) -> [LinearTerm] {
    var position: [VariableIndex: Int] = [:]
    var result: [LinearTerm] = []
    for term in terms {
      if let at = position[term.variable] {
        result[at].coefficient += term.coefficient
      } else {
        position[term.variable] = result.count
        result.append(term)
      }
    }
    return result
  }

  /// The canonical key (scheme, list, rank, id) of every measure, by measure index.
  private func canonicalKeys() -> [CanonicalKey] {
    let schemeOrder = Dictionary(scenario.schemes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    let networkOrder = Dictionary(
      scenario.networks.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    return scenario.measures.map { measure in
      let holderOrder: Int
      switch measure.holder {
      case .joint: holderOrder = -1
      case .network(let id): holderOrder = networkOrder[id] ?? 0
      }
      return CanonicalKey(scheme: schemeOrder[measure.scheme] ?? 0, holder: holderOrder, rank: measure.rank, id: measure.id.rawValue)
    }
  }

}

/// A ranked list: one holder's measures in one scheme.
public struct ListKey: Hashable, Comparable, Sendable {
  public var holder: MeasureHolder
  public var scheme: SchemeID

  public init(holder: MeasureHolder, scheme: SchemeID) {
    self.holder = holder
    self.scheme = scheme
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.scheme, lhs.holder.description) < (rhs.scheme, rhs.holder.description)
  }
}

private struct CanonicalKey: Comparable {
  var scheme: Int
  var holder: Int
  var rank: Int
  var id: String

  static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.scheme, lhs.holder, lhs.rank, lhs.id) < (rhs.scheme, rhs.holder, rhs.rank, rhs.id)
  }
}

/// An allocation to stay close to: shares and partner hours per measure (the base scenario's,
/// when solving a what-if).
public struct AllocationReference: Sendable, Equatable {
  public var shares: [MeasureID: Double]
  public var hours: [MeasureID: [PartnerID: [PartnerRole: Double]]]
  /// The partners the network's choice limited measures to when the reference was solved
  /// (``AllocationResult/partnerLimits``): a what-if's search for partners starts from them.
  public var partnerLimits: [MeasureID: [PartnerID]] = [:]

  public init(shares: [MeasureID: Double] = [:], hours: [MeasureID: [PartnerID: [PartnerRole: Double]]] = [:]) {
    self.shares = shares
    self.hours = hours
  }

  /// The shares and hours of a solved allocation.
  public init(_ result: AllocationResult) {
    shares = Dictionary(uniqueKeysWithValues: result.outcomes.map { ($0.measure, $0.share) })
    var hours: [MeasureID: [PartnerID: [PartnerRole: Double]]] = [:]
    for outcome in result.outcomes {
      for line in outcome.partners { hours[outcome.measure, default: [:]][line.partner, default: [:]][line.role] = line.hours }
    }
    self.hours = hours
    partnerLimits = result.partnerLimits
  }

  public var isEmpty: Bool { shares.isEmpty }
}
