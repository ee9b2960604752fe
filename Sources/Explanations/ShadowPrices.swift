import GrantAllocation
import LinearProgramming

/// What one more krone of a frame, or one more partner hour, is worth at the allocation found.
public struct ShadowPrice: Sendable, Equatable {
  public var limit: Limit
  /// The frame (NOK) or the hours the partner has in the role.
  public var current: Double
  /// The money (NOK) or hours used at the allocation.
  public var used: Double
  /// Whether the limit is reached (the linear program's row is at its bound).
  public var binding: Bool
  /// The first priority stage in which the limit has a price (objective name, e.g.
  /// `priority rank 2`); `nil` when it has none in any priority stage.
  public var stage: String?
  /// Priority value gained per NOK of frame or per partner hour: measures (policy value `count`)
  /// or NOK of measures funded (policy value `cost`).
  public var perUnit: Double
  /// The limit can go down to this value (NOK or hours) and ``perUnit`` still holds; `nil`: no limit.
  public var validFrom: Double?
  /// The limit can go up to this value and ``perUnit`` still holds; `nil`: no limit.
  public var validTo: Double?
}

/// Shadow prices of every frame and every partner capacity by role, read from the solver's
/// sensitivity analysis of the solved model.
///
/// The model has integer variables (all-or-nothing measures, smallest shares, one partner), which
/// have no duals. As is usual, the integer choices are fixed at the allocation found and the
/// linear program that is left is solved again; its duals and ranges are reported, and the
/// reports say so (``integersFixed``). A price of 0 then means: with these yes/no choices, more of
/// the limit buys nothing more; what a larger step would buy is in the waiting list.
public struct ShadowPrices: Sendable, Equatable {
  /// The unit of the priority value that the prices are in.
  public var value: PriorityValue
  /// Whether integer choices were fixed to get the prices.
  public var integersFixed: Bool
  /// `optimal` when the analysis ran; otherwise the prices are empty.
  public var status: TerminationStatus
  /// Frames in scheme order, then capacities in partner order (pool before partner 2).
  public var prices: [ShadowPrice]

  /// Analyses `solved` with `analyser`.
  public static func analyse(
    _ solved: SolvedAllocation, with analyser: any SensitivityAnalyser, timeLimitSeconds: Double
  ) -> ShadowPrices {
    let formulation = solved.formulation
    let scenario = formulation.scenario
    let value = scenario.policy.value
    let integersFixed = formulation.model.hasIntegerVariables
    guard solved.result.hasAllocation, !solved.point.isEmpty, !formulation.priorityStages.isEmpty else {
      return ShadowPrices(value: value, integersFixed: integersFixed, status: solved.result.status, prices: [])
    }
    var limits: [(Limit, ConstraintIndex, current: Double, rowUnit: Double)] = []
    for scheme in scenario.schemes {
      if let row = formulation.frameRows[scheme.id] {
        limits.append((.frame(scheme.id), row, scheme.frame, AllocationFormulation.moneyUnit))
      }
    }
    for partner in scenario.partners {
      for role in PartnerRole.allCases {
        if let row = formulation.capacityRows[partner.id]?[role] {
          limits.append((.capacity(partner.id, role), row, partner.hours(role), 1))
        }
      }
    }
    let stages = analyser.sensitivity(
      of: formulation.model, fixingIntegersAt: solved.point, stages: formulation.priorityStages, rows: limits.map(\.1),
      options: SolveOptions(timeLimitSeconds: timeLimitSeconds))
    if let failed = stages.first(where: { $0.status != .optimal }) {
      return ShadowPrices(value: value, integersFixed: integersFixed, status: failed.status, prices: [])
    }
    // The objective counts measures (count) or thousands of NOK (cost).
    let objectiveUnit = value == .cost ? AllocationFormulation.moneyUnit : 1
    let prices = limits.enumerated().map { (position, limit) -> ShadowPrice in
      let (id, _, current, rowUnit) = limit
      let rows = stages.map { $0.rows[position] }
      let priced = rows.indices.first { rows[$0].binding && abs(rows[$0].dual) > 1e-9 }
      let chosen = priced ?? (rows.count - 1)
      let row = rows[chosen]
      return ShadowPrice(
        limit: id, current: current, used: row.activity * rowUnit, binding: rows.contains(where: \.binding),
        stage: priced.map { stages[$0].name }, perUnit: priced == nil ? 0 : row.dual * objectiveUnit / rowUnit,
        validFrom: row.lowerLimit.map { $0 * rowUnit }, validTo: row.upperLimit.map { $0 * rowUnit })
    }
    return ShadowPrices(value: value, integersFixed: integersFixed, status: .optimal, prices: prices)
  }
}
