import GrantAllocation
import LinearProgramming

/// A whole allocation built from the column-generation master's point without any simplex work:
/// what the first priority stage publishes when its search finds nothing (or less) within its
/// work (`dekom run --method decomposition`).
///
/// 1. **Round.** Each list keeps the measures that every answer the master uses funds in full
///    (the whole list where the master settles it, the prefix funded in full by all of its answers
///    where the master mixes answers) — commitments first, then rank by rank over all lists. Each
///    gets the master's hours (its answers in use weighted) where those give a single-partner
///    measure one partner, else one partner for all roles (most of the master's hours first),
///    else its partners in its order; where none fits, its list ends above it.
/// 2. **Floors.** Where a fairness floor is short, the next measure of one of its lists is funded
///    in full, room being made by taking back the last measure of other lists (least value
///    first, never one that leaves its own floor short).
/// 3. **Fill.** With what the frames and capacities have left, the next measure of each list is
///    funded — first where a floor is short, then by its value in the stage — in full or, where
///    the measure allows, with the largest share that fits (at least its smallest share, to six
///    decimals), its hours at its partners in its order.
/// 4. **The network's choice of partner** (dekom's partner rule: a later partner carries hours
///    only when the earlier ones have none left): every measure's hours move to the earliest
///    partners with room, room in the frames made as in 2; then 2 and 3 again, three times over;
///    then moves until none is left, and a measure that still breaks the rule (the frames or a
///    floor do not allow the move) is taken back with the rest of its list where no floor then
///    falls short. Breaches left are for dekom's partner rule to settle, as with any allocation.
/// 5. **Check.** The shortfalls are set to what the floors need, and the point is checked against
///    every row, bound and whole number of the stage model (kept rows included, 10⁻⁷ relative);
///    a point that fails is dropped.
///
/// Everything is in a fixed order (lists, ranks, partners in the measure's order), so the same
/// master point gives the same allocation.
struct RoundedStart {
  let structure: StageStructure
  /// Per master row: what the list variables placed so far use.
  var usage: [Double]
  /// Per list: how many chain measures are funded in full.
  var prefix: [Int]
  /// Per list: the share of the chain measure after the prefix, when it is partly funded.
  var partial: [Int: Double] = [:]
  /// Hours of each funded measure's hours variables.
  var hours: [VariableIndex: Double] = [:]
  /// Partner choices set to 1.
  var chosen: Set<VariableIndex> = []

  init(structure: StageStructure) {
    self.structure = structure
    usage = Array(repeating: 0, count: structure.rowNames.count)
    prefix = Array(repeating: 0, count: structure.lists.count)
  }

  /// How much of a row's bound rounding may use (GLPK's own feasibility tolerance is 10⁻⁷).
  static let rowTolerance = 1e-9
  /// Rounds of moving partners, mending floors and filling.
  static let passes = 3

  /// The rounded allocation at the master's point given by `columns` and their `weights`, checked
  /// against `stageModel` (the stage with its kept rows); `nil` when it breaks something.
  static func point(
    structure: StageStructure, columns: [ListColumn], weights: [Double], stageModel: LinearModel, shortfalls: [VariableIndex]
  ) -> [Double]? {
    var start = RoundedStart(structure: structure)
    guard start.round(columns: columns, weights: weights) else { return nil }
    start.repairFloors()
    start.fill()
    // Moving partners and making room may leave room at an earlier partner (or a floor short):
    // a few times over.
    for _ in 0..<Self.passes {
      start.preferEarlierPartners()
      start.repairFloors()
      start.fill()
    }
    // A move frees room at a later partner, which may let another measure move: until none does.
    // A measure that still has its hours at a partner while an earlier one has room for them
    // (the frames did not allow the move) is taken back with the rest of its list, which may
    // free room again.
    for _ in 0..<5 {
      for _ in 0..<10 where start.preferEarlierPartners() {}
      guard start.takeBackBreaches() else { break }
    }
    return start.checkedPoint(stageModel: stageModel, shortfalls: shortfalls)
  }

  // MARK: Rounding

  mutating func round(columns: [ListColumn], weights: [Double]) -> Bool {
    var inUse: [[Int]] = Array(repeating: [], count: structure.lists.count)
    for (position, column) in columns.enumerated() where weights[position] > 1e-9 { inUse[column.list].append(position) }
    // Per list: the master's hours, the answers in use weighted. Each measure of the prefix is in
    // full in every answer in use, so its weighted hours sum to what its roles ask.
    var given: [[VariableIndex: Double]] = Array(repeating: [:], count: structure.lists.count)
    for (list, positions) in inUse.enumerated() {
      let total = positions.reduce(0) { $0 + weights[$1] }
      guard total > 0 else {
        if !structure.lists[list].commitments.isEmpty { return false }
        continue
      }
      prefix[list] = positions.map { columns[$0].levels.prefix { $0 == 1 }.count }.min() ?? 0
      for position in positions {
        let weight = weights[position] / total
        for hours in columns[position].hours { given[list][hours.variable, default: 0] += weight * hours.hours }
      }
    }
    // Commitments first (they must be funded), then the lists' measures rank by rank, so that
    // where a measure no longer fits, its list ends above it and the others keep their order.
    for (list, block) in structure.lists.enumerated() {
      for item in block.commitments {
        guard let hours = fitting(item, given: given[list]) else { return false }
        place(item, share: 1, hours: hours)
      }
    }
    let deepest = prefix.max() ?? 0
    for rank in 0..<deepest {
      for (list, block) in structure.lists.enumerated() where rank < prefix[list] {
        let item = block.chain[rank]
        if let hours = fitting(item, given: given[list]) {
          place(item, share: 1, hours: hours)
        } else {
          prefix[list] = rank
        }
      }
    }
    return true
  }

  /// The hours with which `item` fits in full: the master's (`given`) where they give a
  /// single-partner measure one partner, else one partner for all roles (most of the master's
  /// hours first), else each role at its candidate with the most room; `nil` when none fits.
  func fitting(_ item: MeasureItem, given: [VariableIndex: Double]) -> [VariableIndex: Double]? {
    // The master's own hours where they give a single-partner measure one partner; else one
    // partner for all roles (most of the master's hours first), or the measure's order.
    var options: [[VariableIndex: Double]] = []
    if let settled = Self.settledHours(item, given: given) { options.append(settled) }
    if item.singlePartner {
      let partners = Self.partnersServingAll(item).enumerated().map { ($0, $1, carried(item, by: $1, given: given)) }
        .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }.map(\.1)
      options += partners.map { hoursAtOne(item, partner: $0) }
    } else {
      options += candidateHours(item)
    }
    // The master's own hours may fill a row to its bound exactly: no margin, and a share within
    // 10⁻⁹ of 1 fits (the check at the end allows 10⁻⁷).
    return options.first { largestShare(item, hours: $0, margin: 0) >= 1 - 1e-9 }
  }

  // MARK: Filling

  mutating func fill() {
    var open = Set(structure.lists.indices.filter { partial[$0] == nil && prefix[$0] < structure.lists[$0].chain.count })
    while !open.isEmpty {
      // The next measure of each open list; the one to fund first: helps a short floor, then value.
      var best: (list: Int, short: Bool, gain: Double)?
      for list in open.sorted() {
        let item = structure.lists[list].chain[prefix[list]]
        let short = structure.entries[item.funded.rawValue].contains { entry in
          entry.coefficient > 0 && (structure.rowLower[entry.row].map { usage[entry.row] < $0 } ?? false)
        }
        let gain = -structure.cost[item.funded.rawValue]
        if let current = best, current.short && !short || current.short == short && current.gain >= gain { continue }
        best = (list, short, gain)
      }
      guard let list = best?.list else { break }
      let item = structure.lists[list].chain[prefix[list]]
      var bestChoice: (share: Double, hours: [VariableIndex: Double])?
      for hours in candidateHours(item) {
        let share = min(largestShare(item, hours: hours), 1)
        if share > (bestChoice?.share ?? 0) { bestChoice = (share, hours) }
      }
      guard let choice = bestChoice, choice.share >= max(item.smallestShare, 1e-6) else {
        open.remove(list)
        continue
      }
      // A share just short of 1 by rounding is not a partly funded measure.
      let share = choice.share >= 1 - 1e-9 ? 1 : (choice.share * 1e6).rounded(.down) / 1e6
      guard share >= max(item.smallestShare, 1e-6) else {
        open.remove(list)
        continue
      }
      place(item, share: share, hours: choice.hours)
      if share == 1 {
        prefix[list] += 1
        if prefix[list] >= structure.lists[list].chain.count { open.remove(list) }
      } else {
        partial[list] = share
        open.remove(list)
      }
    }
  }

  /// Where a lower-bounded row (a fairness floor) is short, its lists' next measures are funded
  /// in full, room being made by taking back the last measure funded on other lists — those of
  /// least value in the stage first, never one whose own floor would then be short. Each try is
  /// on a copy, kept only when the measure then fits.
  mutating func repairFloors() {
    for row in structure.rowNames.indices {
      guard let lower = structure.rowLower[row], usage[row] < lower else { continue }
      for (list, block) in structure.lists.enumerated() where partial[list] == nil && prefix[list] < block.chain.count {
        guard usage[row] < lower else { break }
        let item = block.chain[prefix[list]]
        guard structure.entries[item.funded.rawValue].contains(where: { $0.row == row && $0.coefficient > 0 }) else { continue }
        for hours in candidateHours(item) {
          var trial = self
          if trial.makeRoom(for: item, hours: hours, sparing: list) {
            trial.place(item, share: 1, hours: hours)
            trial.prefix[list] += 1
            self = trial
            break
          }
        }
      }
    }
  }

  /// Takes back the last measures of other lists (least value first) until `item` fits in full
  /// with `hours`; `false` when it cannot be made to fit.
  mutating func makeRoom(for item: MeasureItem, hours: [VariableIndex: Double], sparing: Int, share wanted: Double = 1) -> Bool {
    while largestShare(item, hours: hours) < wanted {
      var perUnit: [Int: Double] = [:]
      for entry in structure.entries[item.funded.rawValue] { perUnit[entry.row, default: 0] += entry.coefficient }
      for (variable, value) in hours {
        for entry in structure.entries[variable.rawValue] { perUnit[entry.row, default: 0] += entry.coefficient * value }
      }
      // The rows where it lacks room.
      let full = Set(
        perUnit.filter { row, rate in
          rate > 0 && structure.rowUpper[row].map { usage[row] + rate * wanted > $0 - Self.rowTolerance * max(1, abs($0)) } ?? false
        }.keys)
      var best: (list: Int, gain: Double)?
      for (list, block) in structure.lists.enumerated() where list != sparing {
        let last = partial[list] != nil ? prefix[list] : prefix[list] - 1
        guard last >= 0 else { continue }
        let donor = block.chain[last]
        let share = partial[list] ?? 1
        let variables = [donor.funded] + donor.roles.flatMap(\.variables).filter { (self.hours[$0] ?? 0) > 0 }
        // It must free something the item needs, and keep every lower-bounded row it feeds.
        var frees = false
        var keeps = true
        for variable in variables {
          let value = variable == donor.funded ? share : self.hours[variable] ?? 0
          for entry in structure.entries[variable.rawValue] {
            if full.contains(entry.row), entry.coefficient > 0 { frees = true }
            if let rowLower = structure.rowLower[entry.row], entry.coefficient > 0, usage[entry.row] - entry.coefficient * value < rowLower
            {
              keeps = false
            }
          }
        }
        guard frees, keeps else { continue }
        let gain = -structure.cost[donor.funded.rawValue] * share
        if let current = best, current.gain <= gain { continue }
        best = (list, gain)
      }
      guard let donor = best?.list else { return false }
      takeBackLast(of: donor)
    }
    return true
  }

  /// Takes back the last measure funded on list `list` (its partly funded one, if any).
  mutating func takeBackLast(of list: Int) {
    let block = structure.lists[list]
    let share: Double
    if let partly = partial[list] {
      share = partly
      partial[list] = nil
    } else {
      prefix[list] -= 1
      share = 1
    }
    takeBack(block.chain[prefix[list]], share: share)
  }

  /// The hours per unit of share of each way to give a measure its partners: one partner for all
  /// roles where the measure must have one (each that can serve every role), else each role to
  /// its candidate with the most room.
  func candidateHours(_ item: MeasureItem) -> [[VariableIndex: Double]] {
    if item.singlePartner { return Self.partnersServingAll(item).map { hoursAtOne(item, partner: $0) } }
    var hours: [VariableIndex: Double] = [:]
    for role in item.roles {
      // The candidates in the measure's order, each up to its room (the network's choice of
      // partner); what none has room for goes to the first, and the share shrinks to fit.
      var left = role.hours
      for variable in role.variables where left > 0 {
        let take = min(left, max(room(variable, capacitiesOnly: true), 0))
        if take > 0 { hours[variable] = take }
        left -= take
      }
      if left > 0, let first = role.variables.first { hours[first, default: 0] += left }
    }
    return [hours]
  }

  /// Hours `variable` can still take within the upper-bounded rows it is in (its partner's
  /// capacity; with `capacitiesOnly` false, the frames too).
  func room(_ variable: VariableIndex, capacitiesOnly: Bool = false) -> Double {
    structure.entries[variable.rawValue].compactMap { entry -> Double? in
      guard entry.coefficient > 0, !capacitiesOnly || structure.isCapacityRow[entry.row], let upper = structure.rowUpper[entry.row] else {
        return nil
      }
      return (upper - Self.rowTolerance * max(1, abs(upper)) - usage[entry.row]) / entry.coefficient
    }.min() ?? .infinity
  }

  /// Gives each funded measure its partners in its order as the capacities allow (the network's
  /// choice of partner: a later partner carries hours only when the earlier ones have none left),
  /// making room in the other rows (the frames) by taking back the last measures of other lists
  /// where needed; a measure for which that fails keeps its hours.
  @discardableResult
  mutating func preferEarlierPartners() -> Bool {
    var moved = false
    let deepest = max(prefix.max() ?? 0, 0) + 1
    for rank in -1..<deepest {
      for (list, block) in structure.lists.enumerated() {
        // Commitments at rank −1, then the chain rank by rank, as the rounding placed them.
        let items: [(MeasureItem, Double)] =
          rank < 0
          ? block.commitments.map { ($0, 1.0) }
          : rank < prefix[list]
            ? [(block.chain[rank], 1.0)] : rank == prefix[list] ? partial[list].map { [(block.chain[rank], $0)] } ?? [] : []
        for (item, share) in items {
          // In place, undone exactly where the move is not made; a copy only where other lists
          // must give way (copying the whole state for every measure took 16 % of a national run).
          let current = hoursPerShare(item, share: share)
          let saved = saved(item)
          takeBack(item, share: share)
          guard
            let preferred = candidateHours(item).first(where: { hours in
              item.roles.allSatisfy { role in role.variables.reduce(0) { $0 + (hours[$1] ?? 0) } >= role.hours - 1e-9 }
                && hours.allSatisfy { room($0.key, capacitiesOnly: true) >= $0.value * share - 1e-9 }
            }), preferred != current
          else {
            restore(saved)
            continue
          }
          if largestShare(item, hours: preferred) >= share {
            place(item, share: share, hours: preferred)
            if shortensFloor(since: saved.usage) { restore(saved) } else { moved = true }
            continue
          }
          var trial = self
          if trial.makeRoom(for: item, hours: preferred, sparing: list, share: share) {
            trial.place(item, share: share, hours: preferred)
            if !trial.shortensFloor(since: saved.usage) {
              self = trial
              moved = true
              continue
            }
          }
          restore(saved)
        }
      }
    }
    return moved
  }

  /// The funded measures whose hours are at a partner while an earlier one in their order has
  /// room for them (the rule of dekom's partner check, with its 0.01 hours of tolerance): as
  /// `(list, rank)`, rank −1 for a commitment.
  func breaches() -> [(list: Int, rank: Int)] {
    let tolerance = 0.01
    func idle(_ variable: VariableIndex) -> Double {
      structure.entries[variable.rawValue].filter { structure.isCapacityRow[$0.row] }
        .compactMap { entry in structure.rowUpper[entry.row].map { ($0 - usage[entry.row]) / entry.coefficient } }.min() ?? 0
    }
    var found: [(list: Int, rank: Int)] = []
    for (list, block) in structure.lists.enumerated() {
      let items =
        block.commitments.map { ($0, -1) } + block.chain.prefix(prefix[list]).enumerated().map { ($1, $0) }
        + (partial[list] != nil ? [(block.chain[prefix[list]], prefix[list])] : [])
      for (item, rank) in items {
        if item.singlePartner {
          guard let current = item.roles.flatMap({ zip($0.partners, $0.variables) }).first(where: { (hours[$0.1] ?? 0) > 0 })?.0 else {
            continue
          }
          let needed = item.roles.flatMap(\.variables).compactMap { hours[$0] }.reduce(0, +)
          for partner in Self.partnersServingAll(item) {
            if partner == current { break }
            let at = hoursAtOne(item, partner: partner)
            let scale = needed / max(at.values.reduce(0, +), 1e-12)
            if at.allSatisfy({ idle($0.key) >= $0.value * scale - tolerance }) {
              found.append((list, rank))
              break
            }
          }
        } else {
          for role in item.roles {
            guard let last = role.variables.lastIndex(where: { (hours[$0] ?? 0) > 0 }) else { continue }
            if role.variables[..<last].contains(where: { idle($0) > tolerance }) {
              found.append((list, rank))
              break
            }
          }
        }
      }
    }
    return found
  }

  /// Takes back every measure ``breaches()`` finds, with the measures below it on its list
  /// (a commitment stays); `true` when it took back any.
  mutating func takeBackBreaches() -> Bool {
    var taken = false
    for (list, rank) in breaches() where rank >= 0 && rank <= prefix[list] {
      var trial = self
      while trial.partial[list] != nil || trial.prefix[list] > rank { trial.takeBackLast(of: list) }
      // Never where a fairness floor would then be short: the breach stays (dekom's partner
      // rule then limits the measure's partners and solves again).
      let shortens = structure.rowLower.indices.contains { row in
        structure.rowLower[row].map { trial.usage[row] < $0 && usage[row] >= $0 } ?? false
      }
      if !shortens {
        self = trial
        taken = true
      }
    }
    return taken
  }

  /// What ``restore(_:)`` needs to undo a move of one measure exactly.
  struct Saved {
    var usage: [Double]
    var hours: [(VariableIndex, Double?)]
    var chosen: [VariableIndex]
    var choices: [VariableIndex]
  }

  func saved(_ item: MeasureItem) -> Saved {
    Saved(
      usage: usage, hours: item.roles.flatMap(\.variables).map { ($0, hours[$0]) },
      chosen: item.choices.values.filter { chosen.contains($0) }, choices: Array(item.choices.values))
  }

  mutating func restore(_ saved: Saved) {
    usage = saved.usage
    for (variable, value) in saved.hours { hours[variable] = value }
    for choice in saved.choices { chosen.remove(choice) }
    chosen.formUnion(saved.chosen)
  }

  /// Whether a lower-bounded row (a fairness floor) that held at `before` is now short (a move to
  /// a cheaper partner is less money for the network).
  func shortensFloor(since before: [Double]) -> Bool {
    structure.rowLower.indices.contains { row in structure.rowLower[row].map { usage[row] < $0 && before[row] >= $0 } ?? false }
  }

  /// The hours `item` has now, per unit of its `share` (the variables with hours only).
  func hoursPerShare(_ item: MeasureItem, share: Double) -> [VariableIndex: Double] {
    var given: [VariableIndex: Double] = [:]
    for variable in item.roles.flatMap(\.variables) {
      if let value = hours[variable], value > 0 { given[variable] = value / share }
    }
    return given
  }

  /// Takes back `item`, funded at `share`.
  mutating func takeBack(_ item: MeasureItem, share: Double) {
    add(item.funded, -share)
    for variable in item.roles.flatMap(\.variables) {
      add(variable, -(hours[variable] ?? 0))
      hours[variable] = nil
    }
    for choice in item.choices.values { chosen.remove(choice) }
  }

  // MARK: Rows

  mutating func add(_ variable: VariableIndex, _ value: Double) {
    for entry in structure.entries[variable.rawValue] { usage[entry.row] += entry.coefficient * value }
  }

  /// Funds `item` at `share` with `hours` (hours at share 1, scaled by `share`).
  mutating func place(_ item: MeasureItem, share: Double, hours given: [VariableIndex: Double]) {
    add(item.funded, share)
    var used: Set<PartnerID> = []
    for role in item.roles {
      for (partner, variable) in zip(role.partners, role.variables) {
        let value = (given[variable] ?? 0) * share
        hours[variable] = value
        if value > 0 {
          add(variable, value)
          used.insert(partner)
        }
      }
    }
    for (partner, choice) in item.choices where used.contains(partner) { chosen.insert(choice) }
  }

  /// The largest share of `item` with `hours` (at share 1) that every master row allows.
  /// `margin` (relative to `max(1, |bound|)`) is kept free in every row.
  func largestShare(_ item: MeasureItem, hours: [VariableIndex: Double], margin: Double = rowTolerance) -> Double {
    var perUnit: [Int: Double] = [:]
    for entry in structure.entries[item.funded.rawValue] { perUnit[entry.row, default: 0] += entry.coefficient }
    for (variable, value) in hours {
      for entry in structure.entries[variable.rawValue] { perUnit[entry.row, default: 0] += entry.coefficient * value }
    }
    var share = Double.infinity
    for (row, rate) in perUnit {
      if rate > 0, let upper = structure.rowUpper[row] {
        share = min(share, (upper - margin * max(1, abs(upper)) - usage[row]) / rate)
      } else if rate < 0, let lower = structure.rowLower[row] {
        share = min(share, (usage[row] - lower - margin * max(1, abs(lower))) / -rate)
      }
    }
    return max(share, 0)
  }

  // MARK: Partners

  static func partnersServingAll(_ item: MeasureItem) -> [PartnerID] {
    guard let first = item.roles.first else { return [] }
    return first.partners.filter { partner in item.roles.allSatisfy { $0.partners.contains(partner) } }
  }

  func hoursAtOne(_ item: MeasureItem, partner: PartnerID) -> [VariableIndex: Double] {
    var hours: [VariableIndex: Double] = [:]
    for role in item.roles {
      if let position = role.partners.firstIndex(of: partner) { hours[role.variables[position]] = role.hours }
    }
    return hours
  }

  func carried(_ item: MeasureItem, by partner: PartnerID, given: [VariableIndex: Double]) -> Double {
    item.roles.reduce(0) { sum, role in
      sum + zip(role.partners, role.variables).filter { $0.0 == partner }.reduce(0) { $0 + (given[$1.1] ?? 0) }
    }
  }

  /// One funded measure's hours per role from the master's weighted hours `given`, each role's
  /// hours summing exactly to what the role asks (the largest carrier takes the rounding), hours
  /// below 10⁻⁹ of the role's at 0; `nil` when a single-partner measure would have more than one
  /// partner.
  static func settledHours(_ item: MeasureItem, given: [VariableIndex: Double]) -> [VariableIndex: Double]? {
    var hours: [VariableIndex: Double] = [:]
    var partners: Set<PartnerID> = []
    for role in item.roles {
      var split = role.variables.map { max(given[$0] ?? 0, 0) }
      for position in split.indices where split[position] <= 1e-9 * role.hours { split[position] = 0 }
      guard let largest = split.indices.max(by: { split[$0] < split[$1] }), split[largest] > 0 else { return nil }
      split[largest] = 0
      split[largest] = max(role.hours - split.reduce(0, +), 0)
      for (position, variable) in role.variables.enumerated() {
        hours[variable] = split[position]
        if split[position] > 0 { partners.insert(role.partners[position]) }
      }
    }
    if item.singlePartner, partners.count > 1 { return nil }
    return hours
  }

  // MARK: The point

  /// Every model variable's value, the shortfalls at what the floors need; `nil` unless the point
  /// keeps every row, bound and whole number of `stageModel`.
  func checkedPoint(stageModel: LinearModel, shortfalls: [VariableIndex]) -> [Double]? {
    var point = Array(repeating: 0.0, count: stageModel.variables.count)
    for (list, block) in structure.lists.enumerated() {
      for item in block.commitments + block.chain.prefix(prefix[list]) {
        point[item.funded.rawValue] = 1
        point[item.indicator.rawValue] = 1
      }
      if let share = partial[list] {
        let item = block.chain[prefix[list]]
        point[item.funded.rawValue] = share
        point[item.indicator.rawValue] = 1
      }
    }
    for (variable, value) in hours { point[variable.rawValue] = value }
    for choice in chosen { point[choice.rawValue] = 1 }
    for variable in shortfalls {
      let (lower, upper) = (stageModel.variables[variable.rawValue].lowerBound ?? 0, stageModel.variables[variable.rawValue].upperBound)
      var needed = lower
      for entry in structure.entries[variable.rawValue] where entry.coefficient > 0 {
        if let rowLower = structure.rowLower[entry.row] { needed = max(needed, (rowLower - usage[entry.row]) / entry.coefficient) }
      }
      point[variable.rawValue] = upper.map { min(needed, $0) } ?? needed
    }
    return Self.satisfies(stageModel, point) ? point : nil
  }

  /// Whether `point` keeps every bound (whole numbers whole) and row of `model` within 10⁻⁷ of
  /// `max(1, |bound|)`.
  static func satisfies(_ model: LinearModel, _ point: [Double]) -> Bool {
    let tolerance = 1e-7
    func within(_ value: Double, _ lower: Double?, _ upper: Double?) -> Bool {
      guard value.isFinite else { return false }
      if let lower, value < lower - tolerance * max(1, abs(lower)) { return false }
      if let upper, value > upper + tolerance * max(1, abs(upper)) { return false }
      return true
    }
    for (variable, value) in zip(model.variables, point) {
      guard within(value, variable.lowerBound, variable.upperBound) else { return false }
      if variable.kind != .continuous, value != value.rounded() { return false }
    }
    return model.constraints.allSatisfy { within(LinearModel.evaluate($0.terms, at: point), $0.lowerBound, $0.upperBound) }
  }
}
