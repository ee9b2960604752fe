/// Whether a variable may take any value in its bounds or only whole numbers.
public enum VariableKind: String, Sendable, Codable {
  case continuous
  case integer
  /// An integer variable with bounds [0, 1].
  case binary
}

/// One decision variable: a name for messages and exports, bounds, and a kind.
public struct Variable: Sendable, Equatable {
  public var name: String
  /// `nil` means no lower bound (−∞).
  public var lowerBound: Double?
  /// `nil` means no upper bound (+∞).
  public var upperBound: Double?
  public var kind: VariableKind

  public init(name: String, lowerBound: Double?, upperBound: Double?, kind: VariableKind) {
    self.name = name
    self.lowerBound = lowerBound
    self.upperBound = upperBound
    self.kind = kind
  }
}

/// `coefficient × variable`.
public struct LinearTerm: Sendable, Equatable {
  public var variable: VariableIndex
  public var coefficient: Double

  public init(_ coefficient: Double, _ variable: VariableIndex) {
    self.variable = variable
    self.coefficient = coefficient
  }
}

/// A linear row `lowerBound ≤ Σ terms ≤ upperBound`; a missing bound is infinite.
public struct Constraint: Sendable, Equatable {
  public var name: String
  public var terms: [LinearTerm]
  public var lowerBound: Double?
  public var upperBound: Double?

  public init(name: String, terms: [LinearTerm], lowerBound: Double?, upperBound: Double?) {
    self.name = name
    self.terms = terms
    self.lowerBound = lowerBound
    self.upperBound = upperBound
  }
}

/// Minimise or maximise.
public enum ObjectiveSense: String, Sendable, Codable {
  case minimize
  case maximize
}

/// One stage of a lexicographic objective.
///
/// Stages are optimised in order; once a stage is solved, its optimum is kept (within
/// ``relativeTolerance``) as a constraint while the later stages are optimised.
public struct Objective: Sendable, Equatable {
  /// A short name for reports, e.g. `fairness` or `priority tier 1`.
  public var name: String
  public var sense: ObjectiveSense
  public var terms: [LinearTerm]
  /// How far, relative to `max(1, |optimum|)`, later stages may move this stage's value.
  public var relativeTolerance: Double

  public init(name: String, sense: ObjectiveSense, terms: [LinearTerm], relativeTolerance: Double) {
    self.name = name
    self.sense = sense
    self.terms = terms
    self.relativeTolerance = relativeTolerance
  }
}

/// A linear or mixed-integer program with a lexicographic objective, independent of any solver.
///
/// Build it with ``addVariable(name:lowerBound:upperBound:kind:)`` and
/// ``addConstraint(name:terms:lowerBound:upperBound:)``, then append ``objectives``.
/// A solver checks it with ``defects()`` before anything reaches C.
public struct LinearModel: Sendable, Equatable {
  public private(set) var variables: [Variable] = []
  public private(set) var constraints: [Constraint] = []
  /// Lexicographic stages, most important first. An empty list asks for any feasible point.
  public var objectives: [Objective] = []
  /// The few rows that tie otherwise independent parts of the model together (in the allocation
  /// model: the frames and the partner capacities). A solve method may exploit them (see
  /// ``SolveMethod/blockSearch`` and ``variableBlocks()``); they change nothing about the model.
  public var linkingConstraints: [ConstraintIndex] = []
  /// Values for integer variables of a point the model's author expects to be feasible (a
  /// greedy allocation, say). A solve method may complete it with the continuous variables and
  /// start from it; it changes nothing about the model, and entries that are not integer
  /// variables with whole values inside their bounds are ignored.
  public var suggestedIntegerValues: [VariableIndex: Double] = [:]
  /// Values for integer variables of an allocation known to be good for a nearby model (the
  /// solved base of a re-solve that changes one number). Every solve method offers, in each
  /// stage, these choices completed by the simplex method as a start when that gives a feasible
  /// whole point, and closes the stage without a search when the start meets the relaxation's
  /// bound. Like ``suggestedIntegerValues`` it changes nothing about the model, and entries that
  /// are not integer variables with whole values inside their bounds are ignored.
  public var knownIntegerValues: [VariableIndex: Double] = [:]

  public init() {}

  /// Whether any variable is integer or binary.
  public var hasIntegerVariables: Bool { variables.contains { $0.kind != .continuous } }

  /// Adds a variable and returns its index.
  ///
  /// A binary variable's bounds are clipped to [0, 1].
  @discardableResult
  public mutating func addVariable(
    name: String, lowerBound: Double? = 0, upperBound: Double? = nil, kind: VariableKind = .continuous
  ) -> VariableIndex {
    var variable = Variable(name: name, lowerBound: lowerBound, upperBound: upperBound, kind: kind)
    if kind == .binary {
      variable.lowerBound = max(lowerBound ?? 0, 0)
      variable.upperBound = min(upperBound ?? 1, 1)
    }
    variables.append(variable)
    return VariableIndex(variables.count - 1)
  }

  /// Adds the row `lowerBound ≤ Σ terms ≤ upperBound` and returns its index.
  @discardableResult
  public mutating func addConstraint(
    name: String, terms: [LinearTerm], lowerBound: Double? = nil, upperBound: Double? = nil
  ) -> ConstraintIndex {
    constraints.append(Constraint(name: name, terms: terms, lowerBound: lowerBound, upperBound: upperBound))
    return ConstraintIndex(constraints.count - 1)
  }

  /// Tightens a variable's bounds to the single value `value`.
  public mutating func fix(_ variable: VariableIndex, to value: Double) {
    variables[variable.rawValue].lowerBound = value
    variables[variable.rawValue].upperBound = value
  }

  /// Changes a variable's upper bound.
  public mutating func setUpperBound(_ variable: VariableIndex, _ value: Double?) {
    variables[variable.rawValue].upperBound = value
  }

  /// Changes a variable's lower bound.
  public mutating func setLowerBound(_ variable: VariableIndex, _ value: Double?) {
    variables[variable.rawValue].lowerBound = value
  }

  /// Changes a constraint's bounds.
  public mutating func setBounds(_ constraint: ConstraintIndex, lower: Double?, upper: Double?) {
    constraints[constraint.rawValue].lowerBound = lower
    constraints[constraint.rawValue].upperBound = upper
  }

  /// The value of `Σ terms` at `values` (indexed by variable).
  public static func evaluate(_ terms: [LinearTerm], at values: [Double]) -> Double {
    terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.rawValue] }
  }
}

extension LinearModel {
  /// A copy with every integer and binary variable turned continuous and fixed at its (rounded)
  /// value in `point`.
  ///
  /// - Precondition: `point.count == variables.count`.
  public func fixingIntegers(at point: [Double]) -> LinearModel {
    var fixed = self
    for (position, variable) in variables.enumerated() where variable.kind != .continuous {
      let value = point[position].rounded()
      fixed.variables[position] = Variable(name: variable.name, lowerBound: value, upperBound: value, kind: .continuous)
    }
    return fixed
  }
}
