import GrantAllocation

/// An independent re-check of an allocation against the scenario's rules, in plain Swift.
///
/// It shares no code with the formulation or the solution reader: eligibility, acceptable
/// partners, lists and money are recomputed here from the validated input, so a bug there is not
/// repeated here. Every report is written only after this check passes.
public struct AllocationVerifier {
  /// Hours and shares may differ from exact by this much (solver tolerance).
  static let tolerance = 1e-5
  /// The largest rounding of one line's hours (reported to four decimals).
  static let hoursRounding = 0.5e-4
  /// A share is reported to six decimals and the hours follow the solver's own share, so they may
  /// differ from the reported share's hours by half a millionth of the hours asked.
  static let shareRounding = 0.5e-6

  public let scenario: Scenario
  public let outcomes: [MeasureOutcome]
  /// Whether to check the network's choice of partner (``checkPartnerChoice()``): an allocation
  /// that says its partners settled under the rule (a plan's years: ``PlanVerifier`` reads it over the years).
  public let checksPartnerChoice: Bool

  public init(scenario: Scenario, outcomes: [MeasureOutcome], checksPartnerChoice: Bool = false) {
    self.scenario = scenario
    self.outcomes = outcomes
    self.checksPartnerChoice = checksPartnerChoice
  }

  /// Checks `result` with the rules it claims: the network's choice of partner when its partners settled.
  public init(_ result: AllocationResult) {
    // A plan's year: the plan's own check reads the rule over the years (``PlanVerifier``).
    let rule = result.partnerRule
    self.init(
      scenario: result.scenario, outcomes: result.outcomes, checksPartnerChoice: rule?.settled == true && rule?.readOverYears == false)
  }

  /// Every violation of the allocation rules (domain.md §2), empty when the allocation holds.
  public func violations() -> [Violation] {
    guard outcomes.count == scenario.measures.count else {
      return [Violation(.share, "\(outcomes.count) outcomes for \(scenario.measures.count) measures")]
    }
    var found: [Violation] = []
    for (measure, outcome) in zip(scenario.measures, outcomes) {
      found += checkMeasure(measure, outcome)
    }
    found += checkPriorityOrder()
    found += checkCapacity()
    found += checkFrames()
    if checksPartnerChoice { found += checkPartnerChoice() }
    return found
  }

  private func isEligible(_ measure: Measure) -> Bool {
    guard let scheme = scenario.scheme(measure.scheme) else { return false }
    let flags = measure.criteria
    return flags.schoolBased && flags.collective && flags.inLocalPlan && !flags.individualEducation
      && !measure.acceptablePartners.isEmpty && (!scheme.requiresBroadTargetGroup || flags.broadTargetGroup == true)
  }

  private func checkMeasure(_ measure: Measure, _ outcome: MeasureOutcome) -> [Violation] {
    var found: [Violation] = []
    let id = measure.id.rawValue
    let share = outcome.share
    if outcome.measure != measure.id { found.append(Violation(.share, "outcome for \(outcome.measure) stands where \(id) should")) }
    if !(share >= 0 && share <= 1) { found.append(Violation(.share, "\(id) has share \(share), outside [0, 1]")) }
    let eligible = isEligible(measure)
    if !eligible && share > 0 { found.append(Violation(.criteria, "\(id) fails a criterion but is funded at \(share)")) }
    if eligible && measure.continuing && measure.lock != MeasureLock.none && share < 1 - Self.tolerance {
      found.append(Violation(.commitment, "\(id) is a continuing commitment but funded at \(share)"))
    }
    if eligible, let lock = measure.lock {
      let held: Bool
      switch lock {
      case .none: held = share <= Self.tolerance
      case .full: held = share >= 1 - Self.tolerance
      case .atLeast(let least): held = share >= least - Self.tolerance
      }
      if !held { found.append(Violation(.lock, "\(id) is locked (\(lock)) but funded at \(share)")) }
    }
    if share > Self.tolerance && share < measure.minimumShare - Self.tolerance {
      found.append(Violation(.smallestShare, "\(id) is funded at \(share), below its smallest viable share \(measure.minimumShare)"))
    }
    let expectedStatus: FundingStatus = !eligible ? .ineligible : share >= 1 ? .funded : share > 0 ? .partlyFunded : .notFunded
    if outcome.status != expectedStatus { found.append(Violation(.share, "\(id) is \(outcome.status.rawValue) at share \(share)")) }
    if abs(outcome.grant - measure.stateCost * share) > 0.01 {
      found.append(Violation(.money, "\(id) grant \(outcome.grant) is not cost × share = \(measure.stateCost * share)"))
    }
    // Hours follow funding, from acceptable partners of an allowed kind, and one partner when asked.
    let scheme = scenario.scheme(measure.scheme)
    for role in PartnerRole.allCases {
      let lines = outcome.partners.filter { $0.role == role }
      let given = lines.reduce(0) { $0 + $1.hours }
      let asked = (measure.hours[role] ?? 0) * share
      // Each line's hours are reported to four decimals: half of 0.0001 per line is rounding; and
      // the share they follow is reported to six decimals.
      let rounding = Self.hoursRounding * Double(lines.count) + Self.shareRounding * (measure.hours[role] ?? 0)
      if abs(given - asked) > Self.tolerance * max(1, asked) + rounding {
        found.append(Violation(.partnerHours, "\(id) gets \(given) \(role.rawValue) hours; share \(share) of its hours is \(asked)"))
      }
    }
    for line in outcome.partners {
      guard measure.acceptablePartners.contains(line.partner), let partner = scenario.partner(line.partner),
        scheme?.partnerKinds.contains(partner.kind) == true
      else {
        found.append(Violation(.partnerHours, "\(id) gets hours from \(line.partner), which is not an acceptable partner for it"))
        continue
      }
      let price = partner.price[line.role] ?? 0
      if abs(line.money - line.hours * price) > 0.01 {
        found.append(Violation(.money, "\(id): \(line.hours) h × \(price) NOK is not \(line.money) NOK"))
      }
    }
    if measure.singlePartner && Set(outcome.partners.map(\.partner)).count > 1 {
      found.append(
        Violation(.partnerHours, "\(id) must have one partner institution but has \(Set(outcome.partners.map(\.partner)).count)"))
    }
    return found
  }

  /// Inside each list, a lower-ranked measure is never funded above a higher-ranked one
  /// (ineligible measures, continuing commitments and locked measures stand outside the lists).
  private func checkPriorityOrder() -> [Violation] {
    var lists: [String: [(rank: Int, id: MeasureID, share: Double)]] = [:]
    for (measure, outcome) in zip(scenario.measures, outcomes) where isEligible(measure) && !measure.continuing && measure.lock == nil {
      lists["\(measure.holder)/\(measure.scheme)", default: []].append((measure.rank, measure.id, outcome.share))
    }
    var found: [Violation] = []
    for (list, entries) in lists.sorted(by: { $0.key < $1.key }) {
      let ordered = entries.sorted { $0.rank < $1.rank }
      for (higher, lower) in zip(ordered, ordered.dropFirst()) where lower.share > higher.share + Self.tolerance {
        found.append(
          Violation(
            .priorityOrder,
            "in \(list), \(lower.id) (rank \(lower.rank)) has share \(lower.share) above \(higher.id) (rank \(higher.rank)) at \(higher.share)"
          ))
      }
    }
    return found
  }

  private func checkCapacity() -> [Violation] {
    var used: [PartnerID: [PartnerRole: Double]] = [:]
    for line in outcomes.flatMap(\.partners) { used[line.partner, default: [:]][line.role, default: 0] += line.hours }
    var found: [Violation] = []
    for partner in scenario.partners {
      for role in PartnerRole.allCases {
        let hours = used[partner.id]?[role] ?? 0
        let capacity = partner.capacity[role] ?? 0
        if hours > capacity + Self.tolerance * max(1, capacity) {
          found.append(Violation(.capacity, "\(partner.id) gives \(hours) \(role.rawValue) hours but has \(capacity)"))
        }
      }
    }
    return found
  }

  /// Exact money per scheme within its frame (a krone of solver tolerance at most).
  private func checkFrames() -> [Violation] {
    var found: [Violation] = []
    for scheme in scenario.schemes {
      let spent = zip(scenario.measures, outcomes).filter { $0.0.scheme == scheme.id }
        .reduce(0.0) { $0 + $1.1.grant + $1.1.partners.reduce(0) { $0 + $1.money } }
      if spent > scheme.frame + 1 {
        found.append(Violation(.frame, "\(scheme.id) spends \(spent) NOK of a frame of \(scheme.frame) NOK"))
      }
    }
    return found
  }
}
