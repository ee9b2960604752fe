import LinearProgramming

extension AllocationFormulation {
  /// The integer choices of a greedy allocation, as a start for a solve method: commitments
  /// first, then each fairness floor from the top of its list until the floor is met, then
  /// priority by priority (every list's first, then every list's second, …), each measure funded
  /// in full with one partner per role when its frame and the partners' hours still allow it.
  ///
  /// It never funds a measure below one that is not funded, nor above a frame or a capacity it
  /// tracks, so it is usually feasible; a solver still checks it (``LinearModel/suggestedIntegerValues``).
  func greedyIntegerValues() -> [VariableIndex: Double] { greedyAllocation().values }

  /// The greedy allocation of ``greedyIntegerValues()`` as a whole point of the model: every share
  /// 0 or 1 (a measure with a smallest share in full), each funded measure's hours at the
  /// partners it chose, each fairness shortfall as small as its floor's row allows. `nil` when it
  /// breaks a row or a bound of the model by more than 10⁻⁹ relative (a commitment funded over a
  /// frame or a capacity, say): a start that needs no simplex method to complete it, which on a
  /// model of 10⁴ measures takes GLPK longer than a minute.
  public func greedyPoint() -> [Double]? {
    let greedy = greedyAllocation()
    var point = Array(repeating: 0.0, count: model.variables.count)
    for (variable, value) in greedy.values { point[variable.rawValue] = value }
    for (index, variable) in funded.enumerated() { point[variable.rawValue] = point[indicator[index].rawValue] }
    for (variable, hours) in greedy.hoursGiven { point[variable.rawValue] = hours }
    for floor in fairnessFloors {
      let row = model.constraints[floor.row.rawValue]
      guard let lower = row.lowerBound, let own = row.terms.first(where: { $0.variable == floor.shortfall })?.coefficient, own > 0 else {
        continue
      }
      let reached = LinearModel.evaluate(row.terms.filter { $0.variable != floor.shortfall }, at: point)
      point[floor.shortfall.rawValue] = min(max((lower - reached) / own, 0), 1)
    }
    func within(_ value: Double, _ lower: Double?, _ upper: Double?) -> Bool {
      if let lower, value < lower - 1e-9 * max(1, abs(lower)) { return false }
      if let upper, value > upper + 1e-9 * max(1, abs(upper)) { return false }
      return value.isFinite
    }
    for (variable, value) in zip(model.variables, point) where !within(value, variable.lowerBound, variable.upperBound) { return nil }
    for row in model.constraints where !within(LinearModel.evaluate(row.terms, at: point), row.lowerBound, row.upperBound) {
      return nil
    }
    return point
  }

  private func greedyAllocation() -> GreedyAllocation {
    var greedy = GreedyAllocation(formulation: self)
    // Commitments and the forum's locks first: the measures whose share has a lower bound.
    for index in scenario.measureIndices where (model.variables[funded[index].rawValue].lowerBound ?? 0) > 0 {
      greedy.fund(index, evenOverLimits: true)
    }
    let lists = Dictionary(grouping: scenario.measureIndices.filter(competesOnPriority)) {
      ListKey(holder: scenario.measures[$0].holder, scheme: scenario.measures[$0].scheme)
    }.mapValues { $0.sorted { scenario.measures[$0].rank < scenario.measures[$1].rank } }
    for floor in fairnessFloors {
      for index in lists[ListKey(holder: .network(floor.network), scheme: floor.scheme)] ?? [] {
        guard greedy.money(ofList: floor.network, floor.scheme) < floor.target, greedy.fund(index) else { break }
      }
    }
    let ranks = Set(lists.values.flatMap { $0.map { scenario.measures[$0].rank } }).sorted()
    let orderedLists = lists.sorted { $0.key < $1.key }.map(\.value)
    for rank in ranks {
      for list in orderedLists {
        guard let position = list.firstIndex(where: { scenario.measures[$0].rank == rank }) else { continue }
        if position > 0, !greedy.isFunded(list[position - 1]) { continue }
        greedy.fund(list[position])
      }
    }
    return greedy
  }
}

/// The running state of ``AllocationFormulation/greedyIntegerValues()``.
private struct GreedyAllocation {
  let formulation: AllocationFormulation
  var hoursByMeasure: [MeasureIndex: [AllocationFormulation.HoursVariable]] { formulation.hoursByMeasure }
  var frameLeft: [SchemeID: Double]
  var capacityLeft: [PartnerID: [PartnerRole: Double]]
  var listMoney: [ListKey: Double] = [:]
  var values: [VariableIndex: Double] = [:]
  /// The hours given, per partner-hours variable (each funded measure's chosen lines).
  var hoursGiven: [VariableIndex: Double] = [:]
  private var funded: Set<MeasureIndex> = []

  init(formulation: AllocationFormulation) {
    self.formulation = formulation
    let scenario = formulation.scenario
    frameLeft = Dictionary(scenario.schemes.map { ($0.id, $0.frame) }, uniquingKeysWith: { first, _ in first })
    capacityLeft = Dictionary(
      scenario.partners.map { partner in
        (partner.id, Dictionary(PartnerRole.allCases.map { ($0, partner.hours($0)) }, uniquingKeysWith: { first, _ in first }))
      }, uniquingKeysWith: { first, _ in first })
    for variable in formulation.indicator {
      let measureIsForced = formulation.model.variables[variable.rawValue].lowerBound == 1
      values[variable] = measureIsForced ? 1 : 0
    }
    for choices in formulation.partnerChoice.values {
      for variable in choices.values { values[variable] = 0 }
    }
  }

  func isFunded(_ index: MeasureIndex) -> Bool { funded.contains(index) }

  func money(ofList network: NetworkID, _ scheme: SchemeID) -> Double {
    listMoney[ListKey(holder: .network(network), scheme: scheme)] ?? 0
  }

  /// Funds measure `index` in full with, per role, the most preferred partner that has the hours
  /// left (one partner for all roles where the measure must have one). Returns whether it did.
  @discardableResult
  mutating func fund(_ index: MeasureIndex, evenOverLimits: Bool = false) -> Bool {
    guard !funded.contains(index) else { return true }
    let scenario = formulation.scenario
    let measure = scenario.measures[index]
    let candidates = (hoursByMeasure[index] ?? []).sorted { ($0.preference, $0.partner) < ($1.preference, $1.partner) }
    var chosen: [AllocationFormulation.HoursVariable] = []
    if let choices = formulation.partnerChoice[index] {
      // One partner for every role it is asked in.
      let partners = choices.keys.sorted { first, second in
        (measure.acceptablePartners.firstIndex(of: first) ?? 0) < (measure.acceptablePartners.firstIndex(of: second) ?? 0)
      }
      for partner in partners {
        let lines = candidates.filter { $0.partner == partner }
        let roles = Set(lines.map(\.role))
        let asked = PartnerRole.allCases.filter { measure.hours($0) > 0 }
        if asked.allSatisfy(roles.contains) && lines.allSatisfy({ fits($0) }) {
          chosen = lines
          break
        }
      }
      if chosen.isEmpty && !evenOverLimits { return false }
    } else {
      for role in PartnerRole.allCases where measure.hours(role) > 0 {
        guard
          let line = candidates.first(where: { $0.role == role && fits($0) })
            ?? (evenOverLimits ? candidates.first { $0.role == role } : nil)
        else { return false }
        chosen.append(line)
      }
    }
    let money =
      measure.stateCost
      + chosen.reduce(0) { $0 + measure.hours($1.role) * (formulation.scenario.partner($1.partner)?.hourlyPrice($1.role) ?? 0) }
    guard evenOverLimits || money <= (frameLeft[measure.scheme] ?? 0) else { return false }
    funded.insert(index)
    frameLeft[measure.scheme, default: 0] -= money
    listMoney[ListKey(holder: measure.holder, scheme: measure.scheme), default: 0] += money
    for line in chosen {
      capacityLeft[line.partner, default: [:]][line.role, default: 0] -= measure.hours(line.role)
      hoursGiven[line.variable] = measure.hours(line.role)
      if let choice = formulation.partnerChoice[index]?[line.partner] { values[choice] = 1 }
    }
    values[formulation.indicator[index]] = 1
    return true
  }

  private func fits(_ line: AllocationFormulation.HoursVariable) -> Bool {
    formulation.scenario.measures[line.measure].hours(line.role) <= (capacityLeft[line.partner]?[line.role] ?? 0)
  }
}

extension AllocationFormulation {
  /// Offers the yes/no choices of `known` (an allocation of a nearby scenario, such as the base of
  /// a re-solve that changes one number) to the solver as ``LinearModel/knownIntegerValues``:
  /// a measure's indicator is 1 where `known` funds it (all-or-nothing measures: in full), and
  /// each one-institution choice is 1 where that partner gives it hours. Measures `known` lacks
  /// are left out; the solver checks the rest and completes it per stage.
  public mutating func start(from known: AllocationReference) {
    var values: [VariableIndex: Double] = [:]
    for (index, measure) in scenario.indexedMeasures {
      guard let share = known.shares[measure.id], share.isFinite else { continue }
      let allOrNothing = indicator[index] == funded[index]
      values[indicator[index]] = (allOrNothing ? share >= 1 - 1e-6 : share > 1e-6) ? 1 : 0
      for (partner, choice) in partnerChoice[index] ?? [:] {
        let given = known.hours[measure.id]?[partner]?.values.reduce(0, +) ?? 0
        values[choice] = given > 1e-3 ? 1 : 0
      }
    }
    model.knownIntegerValues = values
  }
}
