extension LinearModel {
  /// The LP relaxation of one lexicographic stage: every integer and binary variable continuous
  /// within its bounds, the one objective `objectives[stage]`, and each earlier stage `p` kept at
  /// `kept[p]` by the row every solver of this package keeps it with (`objective ≥ v − slack` for a
  /// maximum, `≤ v + slack` for a minimum, `slack = relativeTolerance × max(1, |v|)`).
  ///
  /// What the whole-model LP of a stage is, for comparing a decomposition's bound with it.
  ///
  /// - Precondition: `objectives.indices.contains(stage)` and `kept.count >= stage`.
  public func stageRelaxation(_ stage: Int, kept: [Double]) -> LinearModel {
    self.stage(stage, kept: kept, relaxingIntegers: true)
  }

  /// One lexicographic stage on its own: the objective `objectives[stage]`, each earlier stage `p`
  /// kept at `kept[p]` as in ``stageRelaxation(_:kept:)``; integer variables stay integer unless
  /// `relaxingIntegers`.
  ///
  /// - Precondition: `objectives.indices.contains(stage)` and `kept.count >= stage`.
  public func stage(_ stage: Int, kept: [Double], relaxingIntegers: Bool = false) -> LinearModel {
    var relaxed = LinearModel()
    for variable in variables {
      relaxed.addVariable(
        name: variable.name, lowerBound: variable.lowerBound, upperBound: variable.upperBound,
        kind: relaxingIntegers ? .continuous : variable.kind)
    }
    for constraint in constraints {
      relaxed.addConstraint(
        name: constraint.name, terms: constraint.terms, lowerBound: constraint.lowerBound, upperBound: constraint.upperBound)
    }
    for (position, earlier) in objectives.prefix(stage).enumerated() where !earlier.terms.isEmpty {
      let value = kept[position]
      let slack = earlier.relativeTolerance * max(1, abs(value))
      switch earlier.sense {
      case .maximize: relaxed.addConstraint(name: "keep \(earlier.name)", terms: earlier.terms, lowerBound: value - slack)
      case .minimize: relaxed.addConstraint(name: "keep \(earlier.name)", terms: earlier.terms, upperBound: value + slack)
      }
    }
    relaxed.objectives = [objectives[stage]]
    return relaxed
  }
}
