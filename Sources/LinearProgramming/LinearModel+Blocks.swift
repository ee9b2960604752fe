extension LinearModel {
  /// The block of every variable: variables share a block when a constraint that is not in
  /// ``linkingConstraints`` ties them, directly or through others. Blocks are numbered from 0
  /// in the order of their first variable.
  ///
  /// In the allocation model the linking constraints are the frames and the partner capacities,
  /// so a block is one ranked list (its measures, their partner hours and its fairness floor).
  ///
  /// - Complexity: O((variables + nonzeros) α(variables)), union–find with path halving.
  public func variableBlocks() -> [Int] {
    var parent = Array(0..<variables.count)
    func root(_ variable: Int) -> Int {
      var current = variable
      while parent[current] != current {
        parent[current] = parent[parent[current]]
        current = parent[current]
      }
      return current
    }
    let linking = Set(linkingConstraints.map(\.rawValue))
    for (position, constraint) in constraints.enumerated() where !linking.contains(position) {
      guard let first = constraint.terms.first?.variable.rawValue else { continue }
      let firstRoot = root(first)
      for term in constraint.terms.dropFirst() {
        let other = root(term.variable.rawValue)
        if other != firstRoot { parent[max(other, firstRoot)] = min(other, firstRoot) }
      }
    }
    var number: [Int: Int] = [:]
    return variables.indices.map { variable in
      let top = root(variable)
      if let known = number[top] { return known }
      let next = number.count
      number[top] = next
      return next
    }
  }
}
