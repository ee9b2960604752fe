/// A model with some variables fixed and taken out: the rest, with every row's bounds moved by
/// what the fixed variables contribute.
public struct RestrictedModel: Sendable {
  /// The free variables and the rows that still hold one; objectives over the free variables
  /// (the fixed variables' constant part left out).
  public var model: LinearModel
  /// The index in the original model of each variable of ``model``.
  public var originalVariables: [VariableIndex]
  /// The fixed values, by original index.
  public var fixed: [VariableIndex: Double]
  /// How many variables the original model has.
  public var originalCount: Int

  /// A point of the original model: `values` (one per variable of ``model``) and the fixed values.
  ///
  /// - Precondition: `values.count == model.variables.count`.
  public func originalPoint(_ values: [Double]) -> [Double] {
    var point = Array(repeating: 0.0, count: originalCount)
    for (variable, value) in fixed { point[variable.rawValue] = value }
    for (position, variable) in originalVariables.enumerated() { point[variable.rawValue] = values[position] }
    return point
  }
}

extension LinearModel {
  /// This model with the variables of `fixed` fixed at their values and taken out.
  ///
  /// - Parameters:
  ///   - fixed: the variables to fix, with their values.
  ///   - tolerance: how far, relative to `max(1, |bound|)`, a fixed value may lie outside its
  ///     variable's bounds, and a row left with no free variable outside its bounds.
  /// - Returns: `nil` when a fixed value or a row left with only fixed variables breaks its bounds
  ///   beyond `tolerance`, or `fixed` names a variable the model does not have.
  /// - Complexity: O(variables + non-zeros).
  public func restricted(fixing fixed: [VariableIndex: Double], tolerance: Double = 1e-7) -> RestrictedModel? {
    func within(_ value: Double, _ lower: Double?, _ upper: Double?) -> Bool {
      if let lower, value < lower - tolerance * max(1, abs(lower)) { return false }
      if let upper, value > upper + tolerance * max(1, abs(upper)) { return false }
      return value.isFinite
    }
    var restricted = LinearModel()
    var position = Array(repeating: -1, count: variables.count)
    var originals: [VariableIndex] = []
    for (variable, value) in fixed {
      guard variable.rawValue >= 0, variable.rawValue < variables.count else { return nil }
      let original = variables[variable.rawValue]
      guard within(value, original.lowerBound, original.upperBound) else { return nil }
    }
    for (index, variable) in variables.enumerated() where fixed[VariableIndex(index)] == nil {
      position[index] = restricted.variables.count
      originals.append(VariableIndex(index))
      restricted.addVariable(name: variable.name, lowerBound: variable.lowerBound, upperBound: variable.upperBound, kind: variable.kind)
    }
    func free(_ terms: [LinearTerm]) -> (terms: [LinearTerm], constant: Double) {
      var kept: [LinearTerm] = []
      var constant = 0.0
      for term in terms {
        if let value = fixed[term.variable] {
          constant += term.coefficient * value
        } else {
          kept.append(LinearTerm(term.coefficient, VariableIndex(position[term.variable.rawValue])))
        }
      }
      return (kept, constant)
    }
    for constraint in constraints {
      let (terms, constant) = free(constraint.terms)
      if terms.isEmpty {
        guard within(constant, constraint.lowerBound, constraint.upperBound) else { return nil }
        continue
      }
      restricted.addConstraint(
        name: constraint.name, terms: terms, lowerBound: constraint.lowerBound.map { $0 - constant },
        upperBound: constraint.upperBound.map { $0 - constant })
    }
    restricted.objectives = objectives.map { objective in
      var moved = objective
      moved.terms = free(objective.terms).terms
      return moved
    }
    return RestrictedModel(model: restricted, originalVariables: originals, fixed: fixed, originalCount: variables.count)
  }
}
