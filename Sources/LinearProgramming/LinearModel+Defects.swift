/// Something in a ``LinearModel`` that no solver may be given: a solver refuses the model with it.
public struct ModelDefect: Sendable, Equatable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

extension LinearModel {
  /// Every value a C solver could abort on: non-finite numbers, crossed bounds,
  /// indices out of range, repeated variables in one row, empty names.
  ///
  /// - Returns: the defects, empty when the model is safe to pass on.
  /// - Complexity: O(variables + non-zeros).
  public func defects() -> [ModelDefect] {
    var found: [ModelDefect] = []
    func checkBounds(_ what: String, _ lower: Double?, _ upper: Double?) {
      if let lower, lower.isNaN || lower == .infinity { found.append(ModelDefect("\(what): lower bound \(lower)")) }
      if let upper, upper.isNaN || upper == -.infinity { found.append(ModelDefect("\(what): upper bound \(upper)")) }
      if let lower, let upper, lower > upper { found.append(ModelDefect("\(what): lower bound \(lower) > upper bound \(upper)")) }
    }
    for (position, variable) in variables.enumerated() {
      let what = "variable \(position) '\(variable.name)'"
      checkBounds(what, variable.lowerBound, variable.upperBound)
      if variable.kind == .binary, (variable.lowerBound ?? 0) < 0 || (variable.upperBound ?? 1) > 1 {
        found.append(ModelDefect("\(what): binary with bounds outside [0, 1]"))
      }
    }
    func checkTerms(_ what: String, _ terms: [LinearTerm]) {
      var seen = Set<VariableIndex>()
      for term in terms {
        if term.variable.rawValue < 0 || term.variable.rawValue >= variables.count {
          found.append(ModelDefect("\(what): variable index \(term.variable.rawValue) out of range"))
        } else if !seen.insert(term.variable).inserted {
          found.append(ModelDefect("\(what): variable '\(variables[term.variable.rawValue].name)' appears twice"))
        }
        if !term.coefficient.isFinite { found.append(ModelDefect("\(what): coefficient \(term.coefficient)")) }
      }
    }
    for (position, constraint) in constraints.enumerated() {
      let what = "constraint \(position) '\(constraint.name)'"
      checkBounds(what, constraint.lowerBound, constraint.upperBound)
      checkTerms(what, constraint.terms)
    }
    for objective in objectives {
      let what = "objective '\(objective.name)'"
      checkTerms(what, objective.terms)
      if !(objective.relativeTolerance >= 0 && objective.relativeTolerance.isFinite) {
        found.append(ModelDefect("\(what): tolerance \(objective.relativeTolerance)"))
      }
    }
    return found
  }
}
