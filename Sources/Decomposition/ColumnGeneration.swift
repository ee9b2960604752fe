import Foundation
import GrantAllocation
import LinearProgramming

/// The LP bound of a lexicographic stage by column generation over the ranked lists
/// (Dantzig–Wolfe): the master holds the rows that tie lists together (frames, partner
/// capacities, fairness floors, the kept earlier stages), the fairness shortfalls `d_ns`, and one
/// convexity row per list; each column is one list's answer (``ListPricing``). At convergence
/// the master's optimum is the optimum of the model's LP relaxation for that stage.
///
/// What the relaxation has, and so what this prices: commitments at share 1, ineligible measures
/// and measures with a role no partner can serve at 0 (with every measure below them on their
/// list), smallest shares relaxed (`z_i ∈ [0, 1]` lets `z_i = y_i`, so they constrain nothing),
/// single partners by the LP hull of the model's `w_iu` rows, partner hours per role and partner.
public struct ColumnGeneration: Sendable {
  public var factory: any IncrementalLinearProgramFactory
  /// A list's answer enters the master when its reduced cost is below `−tolerance × max(1, |master value|)`.
  public var tolerance: Double
  /// Phase 1 ends when no list lowers the master's artificial variables any more; their sum then
  /// counts as zero below this (GLPK's own primal feasibility tolerance is 10⁻⁷), else the stage
  /// is infeasible.
  public var feasibilityTolerance: Double
  public var maximumRounds: Int

  public init(
    factory: any IncrementalLinearProgramFactory, tolerance: Double = 1e-9, feasibilityTolerance: Double = 1e-7, maximumRounds: Int = 10_000
  ) {
    self.factory = factory
    self.tolerance = tolerance
    self.feasibilityTolerance = feasibilityTolerance
    self.maximumRounds = maximumRounds
  }

  /// The LP bound of stage `stage` of `formulation`'s model, with each earlier stage `p` kept at
  /// `kept[p]` as the full solve keeps it.
  ///
  /// With `rounding`, an optimal bound also carries a whole allocation rounded from the master's
  /// point (``StageBound/roundedPoint``, ``RoundedStart``).
  ///
  /// - Throws: ``DecompositionRefusal`` when the model has what the lists do not price (a plan, a
  ///   stability stage) or the stage or kept values are out of range.
  public func bound(
    _ formulation: AllocationFormulation, stage: Int, kept: [Double], timeLimitSeconds: Double = 60, rounding: Bool = false
  ) throws(DecompositionRefusal) -> StageBound {
    let started = Date()
    let structure = try StageStructure(formulation, stage: stage, kept: kept)
    var run = MasterRun(
      structure: structure, program: factory.makeProgram(), measureCount: formulation.scenario.measures.count,
      variableBounds: formulation.model.variables.map { ($0.lowerBound, $0.upperBound) })
    var bound = run.solve(generation: self, stage: stage, started: started, timeLimitSeconds: timeLimitSeconds)
    if rounding, bound.status == .optimal {
      let values = run.program.columnValues()
      bound.roundedPoint = RoundedStart.point(
        structure: structure, columns: run.columns, weights: run.programColumns.map { values[$0] },
        stageModel: formulation.model.stage(stage, kept: kept), shortfalls: structure.masterVariables)
      bound.seconds = Date().timeIntervalSince(started)
    }
    return bound
  }
}

/// One column-generation run: the master program, its columns and the clocks.
struct MasterRun {
  let structure: StageStructure
  let program: any IncrementalLinearProgram
  let measureCount: Int
  let variableBounds: [(Double?, Double?)]
  var columns: [ListColumn] = []
  /// Program column of each of ``columns``.
  var programColumns: [Int] = []
  var seen: [Set<[Int]>] = []
  var convexityRows: [Int] = []
  var shortfallColumns: [Int] = []
  var artificialColumns: [Int] = []
  var pricingSeconds = 0.0
  var masterSeconds = 0.0

  init(structure: StageStructure, program: any IncrementalLinearProgram, measureCount: Int, variableBounds: [(Double?, Double?)]) {
    self.structure = structure
    self.program = program
    self.measureCount = measureCount
    self.variableBounds = variableBounds
    seen = Array(repeating: [], count: structure.lists.count)
  }

  mutating func solve(generation: ColumnGeneration, stage: Int, started: Date, timeLimitSeconds: Double) -> StageBound {
    var rounds = 0
    var bestBound = -Double.infinity
    var value: Double?
    func result(_ status: TerminationStatus) -> StageBound {
      let sign: Double = structure.sense == .minimize ? 1 : -1
      let shares = status == .optimal || value != nil ? sharesAtMaster() : Array(repeating: 0, count: measureCount)
      let integral = status == .optimal ? integralListValues() : (values: [:], lists: 0, edges: [])
      var bound = StageBound(
        stage: stage, name: structure.stageName, sense: structure.sense, status: status, value: value.map { sign * $0 },
        bound: bestBound.isFinite ? sign * bestBound : nil, rounds: rounds, columns: columns.count, lists: structure.lists.count,
        fractionalLists: value == nil ? 0 : fractionalLists(shares), seconds: Date().timeIntervalSince(started),
        pricingSeconds: pricingSeconds, masterSeconds: masterSeconds, shares: shares)
      bound.integralListValues = integral.values
      bound.integralLists = integral.lists
      bound.edgeVariables = integral.edges
      return bound
    }
    do {
      try buildMaster()
    } catch {
      return result(.invalidModel)
    }
    let pricing = ListPricing(structure: structure)
    let zeroCosts = Array(repeating: 0.0, count: structure.cost.count)
    var phaseOne = !artificialColumns.isEmpty
    do {
      try setPhase(one: phaseOne)
      while rounds < generation.maximumRounds {
        let left = timeLimitSeconds - Date().timeIntervalSince(started)
        guard left > 0 else { return result(.timeLimitWithoutSolution) }
        let masterStart = Date()
        let status = program.solve(seconds: left)
        masterSeconds += Date().timeIntervalSince(masterStart)
        guard status == .optimal else { return result(status == .infeasible && !phaseOne ? .infeasible : status) }
        let objective = program.objectiveValue()
        // Phase 1 goes on while lists still lower the infeasibility: stopping at GLPK's
        // tolerance left 7·10⁻⁸ that the restricted master could not remove, and phase 2 then
        // called it infeasible (a random scenario, seed 12).
        if phaseOne, objective <= generation.tolerance {
          phaseOne = false
          try setPhase(one: false)
          continue
        }
        if !phaseOne { value = objective }
        rounds += 1
        let pricingStart = Date()
        let duals = program.rowDuals()
        let reduced = pricing.reducedCosts(duals: duals, costs: phaseOne ? zeroCosts : structure.cost)
        let threshold = -generation.tolerance * max(1, abs(objective))
        var lagrangian = objective
        var found: [ListColumn] = []
        for list in structure.lists.indices {
          guard let (column, reducedCost) = pricing.bestColumn(list: list, reduced: reduced, trueCosts: structure.cost) else {
            pricingSeconds += Date().timeIntervalSince(pricingStart)
            return result(.infeasible)
          }
          let netReducedCost = reducedCost - duals[convexityRows[list]]
          lagrangian += min(0, netReducedCost)
          if netReducedCost < threshold, !seen[list].contains(column.signature) { found.append(column) }
        }
        pricingSeconds += Date().timeIntervalSince(pricingStart)
        if !phaseOne { bestBound = max(bestBound, lagrangian) }
        if found.isEmpty, phaseOne, objective <= generation.feasibilityTolerance {
          phaseOne = false
          try setPhase(one: false)
          continue
        }
        guard !found.isEmpty else {
          // No list enters. That proves infeasibility only when even the phase-1 Lagrangian bound
          // stays above zero, and optimality only when the bound meets the value: the lists left
          // out (below the threshold, or already in the master) may add up.
          if phaseOne { return result(lagrangian > generation.feasibilityTolerance ? .infeasible : .solverFailure) }
          // (Within GLPK's own tolerance, relative: the master's duals are no more exact.)
          return result(objective - bestBound <= generation.feasibilityTolerance * max(1, abs(objective)) ? .optimal : .feasible)
        }
        for column in found { try add(column, phaseOne: phaseOne) }
      }
      return result(.feasible)
    } catch {
      return result(.invalidModel)
    }
  }

  /// Rows (linking, then one convexity row per list), the shortfall columns, one artificial column
  /// per bound of a linking row (phase 1), and each list's answer at zero prices (nothing funded
  /// beyond its commitments).
  mutating func buildMaster() throws(IncrementalProgramDefect) {
    for row in structure.rowNames.indices {
      _ = try program.addRow(lower: structure.rowLower[row], upper: structure.rowUpper[row])
    }
    for _ in structure.lists { convexityRows.append(try program.addRow(lower: 1, upper: 1)) }
    for variable in structure.masterVariables {
      let (lower, upper) = variableBounds[variable.rawValue]
      shortfallColumns.append(try program.addColumn(cost: 0, lower: lower, upper: upper, entries: structure.entries[variable.rawValue]))
    }
    for row in structure.rowNames.indices {
      if structure.rowLower[row] != nil {
        artificialColumns.append(try program.addColumn(cost: 1, lower: 0, upper: nil, entries: [ColumnEntry(row: row, coefficient: 1)]))
      }
      if structure.rowUpper[row] != nil {
        artificialColumns.append(try program.addColumn(cost: 1, lower: 0, upper: nil, entries: [ColumnEntry(row: row, coefficient: -1)]))
      }
    }
    let pricing = ListPricing(structure: structure)
    let zero = Array(repeating: 0.0, count: structure.cost.count)
    for list in structure.lists.indices {
      // A list with no answer (a commitment that cannot be funded) is found by the first pricing.
      guard let (column, _) = pricing.bestColumn(list: list, reduced: zero, trueCosts: structure.cost) else { continue }
      try add(column, phaseOne: !artificialColumns.isEmpty)
    }
  }

  /// Phase 1 minimises the artificial variables alone; phase 2 fixes them at 0 and minimises the stage.
  func setPhase(one: Bool) throws(IncrementalProgramDefect) {
    for column in artificialColumns {
      try program.setCost(column: column, one ? 1 : 0)
      try program.setBounds(column: column, lower: 0, upper: one ? nil : 0)
    }
    for (column, variable) in zip(shortfallColumns, structure.masterVariables) {
      try program.setCost(column: column, one ? 0 : structure.cost[variable.rawValue])
    }
    for (position, column) in programColumns.enumerated() {
      try program.setCost(column: column, one ? 0 : columns[position].cost)
    }
  }

  mutating func add(_ column: ListColumn, phaseOne: Bool) throws(IncrementalProgramDefect) {
    let entries = column.entries + [ColumnEntry(row: convexityRows[column.list], coefficient: 1)]
    programColumns.append(try program.addColumn(cost: phaseOne ? 0 : column.cost, lower: 0, upper: nil, entries: entries))
    columns.append(column)
    seen[column.list].insert(column.signature)
  }

  /// Each measure's share at the master's point: its columns' levels weighted by the columns' values.
  func sharesAtMaster() -> [Double] {
    var shares = Array(repeating: 0.0, count: measureCount)
    let values = program.columnValues()
    for (position, column) in columns.enumerated() {
      let weight = values[programColumns[position]]
      guard weight > 0 else { continue }
      let block = structure.lists[column.list]
      for item in block.commitments { shares[item.measure] += weight }
      for (item, level) in zip(block.chain, column.levels) { shares[item.measure] += weight * level }
    }
    return shares
  }

  /// The values of model variables that the master's point settles with whole numbers, list by
  /// list: a list whose answers in use (weight above 10⁻⁹) all fund the same measures in full has
  /// its shares and indicators fixed (and the hours of its unfunded measures at 0); when one answer
  /// carries it all (weight 1 within 10⁻⁹), its partner hours and partner choices too. A list the
  /// master mixes between answers with different partners (same shares) keeps those free: fixing
  /// one answer's partners could overfill a partner the mix keeps within its hours.
  func integralListValues() -> (values: [VariableIndex: Double], lists: Int, edges: Set<VariableIndex>) {
    let weights = program.columnValues()
    var inUse: [[Int]] = Array(repeating: [], count: structure.lists.count)
    for (position, column) in columns.enumerated() where weights[programColumns[position]] > 1e-9 {
      inUse[column.list].append(position)
    }
    var values: [VariableIndex: Double] = [:]
    var lists = 0
    var edges: Set<VariableIndex> = []
    for (list, positions) in inUse.enumerated() {
      guard let first = positions.first else { continue }
      let levels = columns[first].levels
      guard levels.allSatisfy({ $0 == 1 }), positions.allSatisfy({ columns[$0].levels == levels }) else { continue }
      let block = structure.lists[list]
      let funded = block.commitments + block.chain.prefix(levels.count)
      let unfunded = block.chain.dropFirst(levels.count)
      for item in [block.chain.prefix(levels.count).last, unfunded.first].compactMap({ $0 }) {
        edges.formUnion([item.funded, item.indicator] + item.roles.flatMap(\.variables) + item.choices.values)
      }
      for item in funded {
        values[item.funded] = 1
        values[item.indicator] = 1
      }
      for item in unfunded {
        values[item.funded] = 0
        values[item.indicator] = 0
        for role in item.roles { for variable in role.variables { values[variable] = 0 } }
        for choice in item.choices.values { values[choice] = 0 }
      }
      lists += 1
      guard positions.count == 1, weights[programColumns[first]] >= 1 - 1e-9 else { continue }
      let given = Dictionary(columns[first].hours.map { ($0.variable, $0.hours) }, uniquingKeysWith: +)
      for item in funded {
        var used: Set<PartnerID> = []
        for role in item.roles {
          for (partner, variable) in zip(role.partners, role.variables) {
            let hours = given[variable] ?? 0
            values[variable] = hours
            if hours > 0 { used.insert(partner) }
          }
        }
        for (partner, choice) in item.choices { values[choice] = used.contains(partner) ? 1 : 0 }
      }
    }
    return (values, lists, edges)
  }

  func fractionalLists(_ shares: [Double]) -> Int {
    structure.lists.filter { block in
      block.chain.contains { item in
        let share = shares[item.measure]
        return share > 1e-6 && share < 1 - 1e-6
      }
    }.count
  }
}
