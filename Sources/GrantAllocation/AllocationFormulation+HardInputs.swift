import LinearProgramming

/// One hard input of the allocation model, as the forum knows it, with the rows and bounds that
/// carry it, so that it can be lifted on a copy of the model.
///
/// Everything else in the model is structure that any scenario satisfies at "fund nothing": the
/// smallest-share link, the priority order, the soft fairness floors, the stability deviations.
struct HardInput: Sendable {
  var input: ConflictingInput
  /// Rows to free (both bounds dropped) when the input is lifted.
  var rows: [ConstraintIndex] = []
  /// Variables whose lower bound drops to 0 when the input is lifted (a commitment's `y_i = 1`).
  var lowerBoundsToZero: [VariableIndex] = []
  /// Variables whose upper bound rises when the input is lifted (`x_iuρ ≤ min(h_iρ, C_uρ)` becomes
  /// `x_iuρ ≤ h_iρ`).
  var raisedUpperBounds: [(variable: VariableIndex, bound: Double)] = []
  /// For a limit (frame or capacity): its row, and the factor from model units to the input's
  /// (NOK per model money unit, or 1 for hours).
  var limit: (row: ConstraintIndex, unit: Double)?

  /// Lifts this input on `model`.
  func lift(_ model: inout LinearModel) {
    for row in rows { model.setBounds(row, lower: nil, upper: nil) }
    for variable in lowerBoundsToZero { model.setLowerBound(variable, 0) }
    for raised in raisedUpperBounds { model.setUpperBound(raised.variable, raised.bound) }
  }

  /// Lifts this limit on `model` and lets it grow instead by a new variable `t ≥ 0` (in model
  /// units: multiply by ``limit``'s `unit` for NOK or hours), which is returned; `nil` when this
  /// input is not a limit.
  func makeElastic(_ model: inout LinearModel) -> VariableIndex? {
    guard let limit else { return nil }
    let row = model.constraints[limit.row.rawValue]
    lift(&model)
    let growth = model.addVariable(name: "growth of \(row.name)", lowerBound: 0, upperBound: nil)
    model.addConstraint(
      name: "\(row.name) with growth", terms: row.terms + [LinearTerm(-1, growth)], lowerBound: row.lowerBound,
      upperBound: row.upperBound)
    return growth
  }
}

extension AllocationFormulation {
  /// The model's hard inputs, grouped as the forum knows them: frames, then partner capacities,
  /// continuing commitments and the forum's locks, single-partner rules, and roles whose hours no partner can give; each
  /// in the scenario's order.
  ///
  /// An input whose rows cannot be found in the model is left out (it is then treated as
  /// structure); `HardInputTests` checks that every kind is found.
  func hardInputs() -> [HardInput] {
    var rowsByFirstVariable: [VariableIndex: [ConstraintIndex]] = [:]
    for (position, constraint) in model.constraints.enumerated() {
      guard let first = constraint.terms.first else { continue }
      rowsByFirstVariable[first.variable, default: []].append(ConstraintIndex(position))
    }
    var inputs: [HardInput] = []
    for scheme in scenario.schemes {
      guard let row = frameRows[scheme.id] else { continue }
      inputs.append(HardInput(input: .frame(scheme: scheme.id, nok: scheme.frame), rows: [row], limit: (row, modelMoneyUnit)))
    }
    for partner in scenario.partners {
      for role in PartnerRole.allCases {
        guard let row = capacityRows[partner.id]?[role] else { continue }
        let raised = hours.filter { $0.partner == partner.id && $0.role == role }.map {
          (variable: $0.variable, bound: scenario.measures[$0.measure].hours(role))
        }
        inputs.append(
          HardInput(
            input: .capacity(partner: partner.id, role: role, hours: partner.hours(role)), rows: [row], raisedUpperBounds: raised,
            limit: (row, 1)))
      }
    }
    for (index, measure) in scenario.indexedMeasures where failedCriteria[index].isEmpty {
      let lock = bindingLock(index)
      guard isCommitment(index) || (lock.map { $0 != .none } ?? false) else { continue }
      let asked = Dictionary(uniqueKeysWithValues: PartnerRole.allCases.filter { measure.hours($0) > 0 }.map { ($0, measure.hours($0)) })
      let cost = fullCosts[index] ?? measure.stateCost
      let bounds = indicator[index] == funded[index] ? [funded[index]] : [funded[index], indicator[index]]
      if let lock {
        // A lock asks its smallest share (a commitment's, where the measure is one, if larger).
        let share = model.variables[funded[index].rawValue].lowerBound ?? lock.smallestShare
        let input = ConflictingInput.lock(
          measure: measure.id, share: share, cost: cost * share, hours: asked.mapValues { $0 * share })
        inputs.append(HardInput(input: input, lowerBoundsToZero: bounds))
      } else {
        inputs.append(HardInput(input: .commitment(measure: measure.id, cost: cost, hours: asked), lowerBoundsToZero: bounds))
      }
    }
    // `Σ_u w_iu ≤ 1`: the row over exactly the measure's choice binaries.
    for (index, measure) in scenario.indexedMeasures {
      guard let choices = partnerChoice[index], let first = measure.acceptablePartners.lazy.compactMap({ choices[$0] }).first else {
        continue
      }
      let choiceSet = Set(choices.values)
      let row = (rowsByFirstVariable[first] ?? []).first { row in
        let constraint = model.constraints[row.rawValue]
        return constraint.upperBound == 1 && constraint.terms.count == choiceSet.count
          && Set(constraint.terms.map(\.variable)) == choiceSet && constraint.terms.allSatisfy { $0.coefficient == 1 }
      }
      guard let row else { continue }
      inputs.append(HardInput(input: .singlePartner(measure: measure.id), rows: [row]))
    }
    // `Σ_u x_iuρ = h_iρ y_i` with no partner: the row `−h_iρ y_i = 0`.
    for (index, measure) in scenario.indexedMeasures {
      var taken: Set<ConstraintIndex> = []
      for role in rolesWithoutPartner[index] ?? [] {
        let row = (rowsByFirstVariable[funded[index]] ?? []).first { row in
          let constraint = model.constraints[row.rawValue]
          return !taken.contains(row) && constraint.terms == [LinearTerm(-measure.hours(role), funded[index])]
            && constraint.lowerBound == 0 && constraint.upperBound == 0
        }
        guard let row else { continue }
        taken.insert(row)
        inputs.append(HardInput(input: .noPartnerHours(measure: measure.id, role: role, hours: measure.hours(role)), rows: [row]))
      }
    }
    return inputs
  }
}
