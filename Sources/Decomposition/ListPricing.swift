import LinearProgramming

/// Hours given to one partner-hours variable `x_iuρ` in a list's answer.
struct PartnerHours: Sendable, Equatable {
  var variable: VariableIndex
  var hours: Double
}

/// One list's answer at given prices (a column of the master): how far down the list each
/// contestant is funded, which partners carry the hours, and what that adds to the master's rows.
struct ListColumn: Sendable {
  var list: Int
  /// The funded prefix of the chain: 1 (in full) or ½ per contestant; the rest are 0.
  var levels: [Double]
  var hours: [PartnerHours]
  /// The column's non-zeros in the master's linking rows (not its list's convexity row), by row.
  var entries: [ColumnEntry]
  /// Its coefficient in the stage's objective (as a minimisation).
  var cost: Double
  /// Levels and partner choices, to recognise an answer already in the master.
  var signature: [Int]
}

/// The best answer of every list at given prices, in one pass over the lists' measures.
///
/// At prices `π` (one per master row), a variable's reduced cost is `c_v − Σ_r π_r a_rv`. A
/// measure at share `y` costs `y·r(y_i) + g(y)`, where `g` gives each role's hours to its cheapest
/// candidate (`y·B`); under the single-partner rule, in the model's LP relaxation (`w_iu ∈ [0, 1]`,
/// `x_iuρ ≤ h_iρ w_iu`, `Σ_u w_iu ≤ 1`) this holds up to `y = ½`, and at `y = 1` all roles go to
/// the one partner cheapest for all of them together (`A`); in between `g` is linear (`E ≥ 2y − 1`
/// of the hours must share a partner, and each unit shared costs `A − B ≥ 0` more). A list's
/// answer is then a chain `1 ≥ y_1 ≥ y_2 ≥ …` of separable convex costs whose breakpoints are 0,
/// ½ and 1, so an optimum takes only those values: a prefix in full, then a run at ½.
struct ListPricing {
  let structure: StageStructure

  /// The reduced cost of every model variable at row prices `duals`, with objective `costs`.
  func reducedCosts(duals: [Double], costs: [Double]) -> [Double] {
    var reduced = costs
    for variable in reduced.indices {
      for entry in structure.entries[variable] { reduced[variable] -= duals[entry.row] * entry.coefficient }
    }
    return reduced
  }

  /// What one measure costs at share 1 and at share ½, and which candidate of each role carries
  /// its hours at each.
  struct MeasurePrice {
    var full: Double
    var half: Double
    var fullChoice: [Int]
    var halfChoice: [Int]
  }

  static func price(_ item: MeasureItem, reduced: [Double]) -> MeasurePrice {
    let share = reduced[item.funded.rawValue]
    var independent = 0.0
    var halfChoice: [Int] = []
    for role in item.roles {
      var best = 0
      for candidate in role.variables.indices.dropFirst()
      where reduced[role.variables[candidate].rawValue] < reduced[role.variables[best].rawValue] {
        best = candidate
      }
      halfChoice.append(best)
      independent += role.hours * reduced[role.variables[best].rawValue]
    }
    guard item.singlePartner, let first = item.roles.first else {
      return MeasurePrice(full: share + independent, half: (share + independent) / 2, fullChoice: halfChoice, halfChoice: halfChoice)
    }
    // One partner for every role: the cheapest among those that are candidates in all roles.
    var together = Double.infinity
    var fullChoice: [Int] = []
    for partner in first.partners {
      var positions: [Int] = []
      var total = 0.0
      for role in item.roles {
        guard let position = role.partners.firstIndex(of: partner) else { break }
        positions.append(position)
        total += role.hours * reduced[role.variables[position].rawValue]
      }
      if positions.count == item.roles.count, total < together {
        together = total
        fullChoice = positions
      }
    }
    return MeasurePrice(full: share + together, half: (share + independent) / 2, fullChoice: fullChoice, halfChoice: halfChoice)
  }

  /// The best answer of list `list` at reduced costs `reduced`, and its reduced cost (without the
  /// list's convexity price); `nil` when the list has no answer at all (a commitment that cannot
  /// be funded).
  func bestColumn(list: Int, reduced: [Double], trueCosts: [Double]) -> (column: ListColumn, reducedCost: Double)? {
    let block = structure.lists[list]
    var fixed = 0.0
    var commitmentPrices: [MeasurePrice] = []
    for item in block.commitments {
      guard !item.unfundable else { return nil }
      let price = Self.price(item, reduced: reduced)
      guard price.full.isFinite else { return nil }
      fixed += price.full
      commitmentPrices.append(price)
    }
    let prices = block.chain.map { Self.price($0, reduced: reduced) }
    // Minimise P1[k1] + (Ph[k2] − Ph[k1]) over k1 ≤ k2: the first k1 in full, the next ones at ½.
    var inFull = 0.0
    var atHalf = 0.0
    var bestPrefix = (value: 0.0, at: 0)  // min over k1 ≤ k2 of P1[k1] − Ph[k1]; ties to the larger k1
    var best = (value: 0.0, full: 0, half: 0)
    for (position, price) in prices.enumerated() {
      inFull += price.full
      atHalf += price.half
      if inFull - atHalf <= bestPrefix.value { bestPrefix = (inFull - atHalf, position + 1) }
      let value = atHalf + bestPrefix.value
      if value < best.value { best = (value, bestPrefix.at, position + 1) }
    }
    var levels: [Double] = []
    var signature: [Int] = []
    var hours: [PartnerHours] = []
    var rows: [Int: Double] = [:]
    var cost = 0.0
    func add(_ item: MeasureItem, level: Double, choice: [Int]) {
      for entry in structure.entries[item.funded.rawValue] { rows[entry.row, default: 0] += level * entry.coefficient }
      cost += level * trueCosts[item.funded.rawValue]
      for (role, position) in zip(item.roles, choice) {
        let variable = role.variables[position]
        let given = role.hours * level
        hours.append(PartnerHours(variable: variable, hours: given))
        for entry in structure.entries[variable.rawValue] { rows[entry.row, default: 0] += given * entry.coefficient }
        cost += given * trueCosts[variable.rawValue]
      }
      signature += [level == 1 ? 2 : 1] + choice
    }
    for (item, price) in zip(block.commitments, commitmentPrices) { add(item, level: 1, choice: price.fullChoice) }
    for position in 0..<best.half {
      let level = position < best.full ? 1.0 : 0.5
      levels.append(level)
      add(block.chain[position], level: level, choice: level == 1 ? prices[position].fullChoice : prices[position].halfChoice)
    }
    let entries = rows.keys.sorted().compactMap { row in rows[row].map { ColumnEntry(row: row, coefficient: $0) } }
    let column = ListColumn(list: list, levels: levels, hours: hours, entries: entries, cost: cost, signature: signature)
    return (column, fixed + best.value)
  }
}
