import GrantAllocation
import LinearProgramming

/// Why the decomposition does not take a model: something outside what it prices exactly.
public struct DecompositionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// One measure as the pricing sees it: its share variable, its partner hours per role, and
/// whether the single-partner rule applies.
struct MeasureItem: Sendable {
  /// One role the measure asks hours in, with the hours variables of its candidates in the
  /// measure's order of preference.
  struct Role: Sendable {
    var hours: Double
    var partners: [PartnerID]
    var variables: [VariableIndex]
  }

  var measure: MeasureIndex
  var funded: VariableIndex
  /// `z_i`, or `y_i` itself when the measure is all or nothing.
  var indicator: VariableIndex
  /// Under the single-partner rule: the model's `w_iu` of each candidate.
  var choices: [PartnerID: VariableIndex]
  var roles: [Role]
  /// `single_partner` with more than one candidate (the model's `w_iu`): in the LP relaxation,
  /// up to half funding each role goes to its own partner; at full funding all go to one.
  var singlePartner: Bool
  /// Some role asks hours no candidate can give: the measure cannot be funded (`y_i = 0`).
  var unfundable: Bool
  /// The smallest share the measure may be funded with (`φ_i`; 1 when all or nothing).
  var smallestShare: Double = 1
}

/// One ranked list (a holder's measures in one scheme): the contestants in priority order, each
/// funded at most as much as the one above it, and the commitments, funded in full.
struct ListBlock: Sendable {
  var key: ListKey
  /// The contestants in order, cut before the first that cannot be funded (it holds every
  /// measure below it at 0).
  var chain: [MeasureItem]
  var commitments: [MeasureItem]
}

/// A stage of the allocation model split into ranked lists (the blocks) and the rows that tie
/// them together (frames, partner capacities, fairness floors, and the kept earlier stages): what
/// the column-generation master holds.
///
/// Everything is read from the model itself (`AllocationFormulation/model` and the formulation's
/// indices), so the master's rows are the model's rows, coefficient for coefficient.
struct StageStructure: Sendable {
  /// Master rows: bounds and names, in order.
  var rowLower: [Double?] = []
  var rowUpper: [Double?] = []
  var rowNames: [String] = []
  /// Per master row: whether it is a partner's capacity in a role.
  var isCapacityRow: [Bool] = []
  /// Per model variable: its coefficients in the master rows (empty for variables not in any).
  var entries: [[ColumnEntry]]
  /// Per model variable: its coefficient in the stage's objective, as a minimisation.
  var cost: [Double]
  var lists: [ListBlock] = []
  /// Variables that live in the master itself (the fairness shortfalls `d_ns`), with their bounds.
  var masterVariables: [VariableIndex] = []
  var sense: ObjectiveSense
  var stageName: String

  /// Splits stage `stage` of `formulation`'s model, keeping each earlier stage `p` at `kept[p]`
  /// as the full solve keeps it (`objective ≥ v − slack` for a maximum, `≤ v + slack` for a
  /// minimum, `slack = tolerance × max(1, |v|)`).
  ///
  /// - Throws: ``DecompositionRefusal`` for a multi-year plan, a stability stage (a reference
  ///   allocation), a stage out of range, a kept value missing or not finite, or a variable in a
  ///   linking row or objective that is none of `y`, `x`, `d`.
  init(_ formulation: AllocationFormulation, stage: Int, kept: [Double]) throws(DecompositionRefusal) {
    let model = formulation.model
    guard formulation.scenario.horizon == nil, !formulation.isPlan else {
      throw DecompositionRefusal("a multi-year plan is not decomposed")
    }
    guard formulation.deviations.isEmpty else { throw DecompositionRefusal("a stability stage (reference allocation) is not decomposed") }
    guard model.objectives.indices.contains(stage) else { throw DecompositionRefusal("stage \(stage + 1) does not exist") }
    guard kept.count >= stage, kept.prefix(stage).allSatisfy(\.isFinite) else {
      throw DecompositionRefusal("stage \(stage + 1) needs a finite value for each earlier stage")
    }
    let objective = model.objectives[stage]
    sense = objective.sense
    stageName = objective.name
    entries = Array(repeating: [], count: model.variables.count)
    cost = Array(repeating: 0, count: model.variables.count)

    // What each variable is: shares, hours and shortfalls may appear in master rows; nothing else.
    var allowed = Array(repeating: false, count: model.variables.count)
    for variable in formulation.funded { allowed[variable.rawValue] = true }
    for hours in formulation.hours { allowed[hours.variable.rawValue] = true }
    for floor in formulation.fairnessFloors { allowed[floor.shortfall.rawValue] = true }

    func addRow(name: String, terms: [LinearTerm], lower: Double?, upper: Double?) throws(DecompositionRefusal) {
      let row = rowNames.count
      for term in terms where term.coefficient != 0 {
        guard allowed[term.variable.rawValue] else {
          throw DecompositionRefusal("row '\(name)' holds '\(model.variables[term.variable.rawValue].name)', which the lists do not price")
        }
        entries[term.variable.rawValue].append(ColumnEntry(row: row, coefficient: term.coefficient))
      }
      rowNames.append(name)
      rowLower.append(lower)
      rowUpper.append(upper)
    }
    // The linking rows, in the model's order (frames, capacities, floors), as the model has them.
    let linking = Set(formulation.frameRows.values).union(formulation.capacityRows.values.flatMap(\.values))
      .union(formulation.fairnessFloors.map(\.row)).sorted()
    let capacities = Set(formulation.capacityRows.values.flatMap(\.values))
    for row in linking {
      isCapacityRow.append(capacities.contains(row))
      let constraint = model.constraints[row.rawValue]
      try addRow(name: constraint.name, terms: constraint.terms, lower: constraint.lowerBound, upper: constraint.upperBound)
    }
    for (position, earlier) in model.objectives.prefix(stage).enumerated() where !earlier.terms.isEmpty {
      let value = kept[position]
      let slack = earlier.relativeTolerance * max(1, abs(value))
      switch earlier.sense {
      case .maximize:
        isCapacityRow.append(false)
        try addRow(name: "keep \(earlier.name)", terms: earlier.terms, lower: value - slack, upper: nil)
      case .minimize:
        isCapacityRow.append(false)
        try addRow(name: "keep \(earlier.name)", terms: earlier.terms, lower: nil, upper: value + slack)
      }
    }
    let sign: Double = objective.sense == .minimize ? 1 : -1
    for term in objective.terms where term.coefficient != 0 {
      guard allowed[term.variable.rawValue] else {
        throw DecompositionRefusal("the objective holds '\(model.variables[term.variable.rawValue].name)', which the lists do not price")
      }
      cost[term.variable.rawValue] += sign * term.coefficient
    }
    masterVariables = formulation.fairnessFloors.map(\.shortfall)
    lists = Self.lists(of: formulation)
  }

  /// The ranked lists of the model: contestants in the order of the model's priority rows,
  /// commitments (share fixed at 1) beside them; measures fixed at 0 are left out.
  static func lists(of formulation: AllocationFormulation) -> [ListBlock] {
    let model = formulation.model
    let scenario = formulation.scenario
    let hoursByMeasure = formulation.hoursByMeasure
    func item(_ index: MeasureIndex) -> MeasureItem {
      let measure = scenario.measures[index]
      let measureHours = hoursByMeasure[index] ?? []
      let roles = PartnerRole.allCases.filter { measure.hours($0) > 0 }.map { role in
        let candidates = measureHours.filter { $0.role == role }
        return MeasureItem.Role(hours: measure.hours(role), partners: candidates.map(\.partner), variables: candidates.map(\.variable))
      }
      return MeasureItem(
        measure: index, funded: formulation.funded[index], indicator: formulation.indicator[index],
        choices: formulation.partnerChoice[index] ?? [:], roles: roles, singlePartner: formulation.partnerChoice[index] != nil,
        unfundable: !(formulation.rolesWithoutPartner[index] ?? []).isEmpty,
        smallestShare: formulation.funded[index] == formulation.indicator[index] ? 1 : min(max(measure.minimumShare, 0), 1))
    }
    var successor: [MeasureIndex: MeasureIndex] = [:]
    for (next, previous) in formulation.predecessor { successor[previous] = next }
    var blocks: [ListKey: ListBlock] = [:]
    for (index, measure) in scenario.indexedMeasures {
      let key = ListKey(holder: measure.holder, scheme: measure.scheme)
      let variable = model.variables[formulation.funded[index].rawValue]
      if formulation.competesOnPriority(index) {
        // Walk the chain from its head (a contestant with no measure above it).
        guard formulation.predecessor[index] == nil else { continue }
        var chain: [MeasureItem] = []
        var current: MeasureIndex? = index
        while let at = current {
          let next = item(at)
          if next.unfundable { break }
          chain.append(next)
          current = successor[at]
        }
        blocks[key, default: ListBlock(key: key, chain: [], commitments: [])].chain += chain
      } else if (variable.lowerBound ?? 0) >= 1 {
        blocks[key, default: ListBlock(key: key, chain: [], commitments: [])].commitments.append(item(index))
      }
    }
    return blocks.keys.sorted().compactMap { blocks[$0] }.filter { !$0.chain.isEmpty || !$0.commitments.isEmpty }
  }
}
