import LinearProgramming

/// Reads a solved ``AllocationFormulation``: shares, partner hours, money, and the binding reason
/// for every measure that did not get all it asked.
struct SolutionReader {
  let formulation: AllocationFormulation
  let values: [Double]
  /// Partner-hours variables by measure index (the formulation's, built once with them).
  var hoursByMeasure: [MeasureIndex: [AllocationFormulation.HoursVariable]] { formulation.hoursByMeasure }
  var scenario: Scenario { formulation.scenario }

  /// Shares within this distance of 0 or 1 are read as 0 or 1.
  static let shareTolerance = 1e-6
  /// Hours below this (3.6 seconds) are read as 0.
  static let amountTolerance = 1e-3
  /// NOK a scheme's exact money may exceed its frame before it is settled: half a krone, which
  /// rounds to the frame.
  static let frameRounding = 0.5

  init(formulation: AllocationFormulation, values: [Double]) {
    self.formulation = formulation
    self.values = values
  }

  func share(_ index: MeasureIndex) -> Double {
    // A binary indicator within GLPK's integrality tolerance of 0 lets y be a hair above 0; the
    // indicator (already snapped) decides.
    if values[formulation.indicator[index].rawValue] == 0 { return 0 }
    let raw = min(max(values[formulation.funded[index].rawValue], 0), 1)
    if raw < Self.shareTolerance { return 0 }
    if raw > 1 - Self.shareTolerance { return 1 }
    return (raw * 1e6).rounded() / 1e6
  }

  /// The share the hours follow: the reported one where it was snapped to 0 or 1, else the solver's
  /// value before the reported share's rounding to six decimals.
  func exactShare(_ index: MeasureIndex, reported: Double) -> Double {
    reported == 0 || reported == 1 ? reported : min(max(values[formulation.funded[index].rawValue], 0), 1)
  }

  /// The hours each partner gives, made to add up to the share of the hours asked that is reported.
  ///
  /// GLPK keeps `Σ_u x_iuρ = h_iρ y_i` only within its feasibility tolerance (after scaling), and the
  /// share is read with a tolerance of its own; without this, a measure funded in full could show
  /// 44.9995 of its 45 hours (another partner's 0.0005 hours being dropped as noise). Each partner's
  /// part is kept as the solver chose it.
  func assignments(_ index: MeasureIndex, share: Double) -> [PartnerAssignment] {
    let measure = scenario.measures[index]
    var raw: [(AllocationFormulation.HoursVariable, Double)] = []
    for hoursVariable in hoursByMeasure[index] ?? [] {
      // A partner not chosen (its binary snapped to 0) may still show hours within GLPK's
      // integrality tolerance; they are not real.
      if let choice = formulation.partnerChoice[index]?[hoursVariable.partner], values[choice.rawValue] == 0 { continue }
      raw.append((hoursVariable, max(0, values[hoursVariable.variable.rawValue])))
    }
    var lines: [PartnerAssignment] = []
    for role in PartnerRole.allCases {
      // Parts below the amount tolerance are solver noise; the others absorb them.
      // (When every part is that small, the share itself is tiny: then all of them count.)
      let positive = raw.filter { $0.0.role == role && $0.1 > 0 }
      let large = positive.filter { $0.1 > Self.amountTolerance }
      let inRole = large.isEmpty ? positive : large
      let total = inRole.reduce(0) { $0 + $1.1 }
      let target = share * measure.hours(role)
      guard total > 0, target > 0 else { continue }
      for (hoursVariable, value) in inRole {
        let hours = (value * target / total * 1e4).rounded() / 1e4
        guard hours > 0, let partner = formulation.scenario.partner(hoursVariable.partner) else { continue }
        lines.append(PartnerAssignment(partner: partner.id, role: role, hours: hours, money: hours * partner.hourlyPrice(role)))
      }
    }
    return lines.sorted { ($0.partner, $0.role) < ($1.partner, $1.role) }
  }

  func outcomes() -> [MeasureOutcome] {
    let read = scenario.measureIndices.map { index -> MeasureOutcome in
      let funded = share(index)
      return outcome(index, share: funded, hoursShare: exactShare(index, reported: funded))
    }
    let partial = settledWithinFrames(read)
    let usage = Usage(scenario: scenario, outcomes: partial)
    return zip(scenario.measureIndices, partial).map { index, outcome in
      var explained = outcome
      explained.reasons = reasons(index, outcome: outcome, outcomes: partial, usage: usage)
      return explained
    }
  }

  /// Measure `index` at `share`, its partners' hours following `hoursShare`; no reasons yet.
  func outcome(_ index: MeasureIndex, share funded: Double, hoursShare: Double) -> MeasureOutcome {
    let measure = scenario.measures[index]
    let status: FundingStatus =
      !formulation.failedCriteria[index].isEmpty
      ? .ineligible
      : funded >= 1 ? .funded : funded > 0 ? .partlyFunded : .notFunded
    return MeasureOutcome(
      measure: measure.id, share: funded, status: status, grant: measure.stateCost * funded,
      partners: assignments(index, share: hoursShare), reasons: [])
  }

  // MARK: - Settling money within the frames

  /// `outcomes` with every scheme's exact money within half a krone of its frame, so that its
  /// kroner are within the frame.
  ///
  /// The money read back can exceed a frame by a fraction of a krone or a few kroner: GLPK keeps the
  /// frame row only within its feasibility tolerance (relative 10⁻⁷ of a frame of millions), a
  /// partly funded share is published to six decimals (rounded to nearest) and hours to four.
  /// Where a scheme's money exceeds its frame by more than ``frameRounding`` (less rounds to the
  /// frame's kroner, and ``Settlement`` never pays more than the frame), the partly funded measures of that scheme give the
  /// excess back in steps of 10⁻⁶ of their share — the lowest on its list first, then the dearest —
  /// never below a measure's smallest viable share nor below the share of the measure after it on
  /// its list, so the priority order and the smallest shares still hold. Hours follow the new share.
  /// A frame the solver kept holds to the krone this way, whatever its tolerance; only an
  /// allocation of all-or-nothing measures alone above its frame (which the model forbids) would
  /// be left as it is, for the independent check to refuse.
  func settledWithinFrames(_ outcomes: [MeasureOutcome]) -> [MeasureOutcome] {
    var settled = outcomes
    var successor: [MeasureIndex: MeasureIndex] = [:]
    for (next, previous) in formulation.predecessor { successor[previous] = next }
    let byScheme = Dictionary(grouping: scenario.measureIndices) { scenario.measures[$0].scheme }
    for scheme in scenario.schemes {
      // In a plan, the frame row also holds the money carried over; only a year alone is settled here.
      guard formulation.links == nil, let indices = byScheme[scheme.id] else { continue }
      var spent = indices.reduce(0.0) { $0 + settled[$1].stateMoney }
      var exhausted = Set<MeasureIndex>()
      while spent > scheme.frame + Self.frameRounding {
        let candidates = indices.filter { index in
          !exhausted.contains(index) && settled[index].status == .partlyFunded
            && formulation.indicator[index] != formulation.funded[index] && formulation.competesOnPriority(index)
        }
        // A share rounded up for print gives back first (to the six decimals below the solver's
        // share, which the solver's allocation already afforded), then the lowest on its list.
        func key(_ index: MeasureIndex) -> (Double, Int, Double) {
          let roundedUp = max(0, settled[index].share - values[formulation.funded[index].rawValue])
          return (roundedUp * settled[index].stateMoney / settled[index].share, scenario.measures[index].rank, settled[index].stateMoney)
        }
        guard let index = candidates.max(by: { key($0) < key($1) }) else { break }
        let current = settled[index]
        let perShare = current.stateMoney / current.share
        let floor = max(scenario.measures[index].minimumShare, successor[index].map { settled[$0].share } ?? 0)
        // Whole steps of 10⁻⁶, at least one: the money per share is only nearly linear in the share
        // (hours are rounded per line), so the loop checks again.
        let raw = values[formulation.funded[index].rawValue]
        let wanted =
          current.share > raw
          ? (raw * 1e6).rounded(.down) / 1e6
          : ((current.share - (spent - scheme.frame - Self.frameRounding) / perShare) * 1e6).rounded(.down) / 1e6
        let share = max(min(wanted, ((current.share * 1e6).rounded() - 1) / 1e6), floor)
        guard share < current.share, share > 0 else {
          exhausted.insert(index)
          continue
        }
        settled[index] = outcome(index, share: share, hoursShare: share)
        spent += settled[index].stateMoney - current.stateMoney
      }
    }
    return settled
  }

  // MARK: - The published allocation as a point of the model

  /// The model's variables at the allocation `outcomes` publishes, for the value of each stage.
  ///
  /// Shares are the solver's where the published share is that share rounded to six decimals
  /// (the reports round for print) and the published share where it was snapped to 0 or 1 or
  /// settled within a frame; hours likewise. The fairness shortfalls and the stability deviations
  /// are what this allocation has — the smallest values their rows allow — not the solver's
  /// values for them: once a stage is solved, later stages keep only its total, so its variables
  /// may stay above what the allocation they end with has (issue 15: a county recorded a fairness
  /// shortfall of 8.51 for an allocation whose shortfall was 0.82).
  func publishedPoint(_ outcomes: [MeasureOutcome]) -> [Double] {
    var point = values
    let model = formulation.model
    for (index, outcome) in zip(scenario.measureIndices, outcomes) {
      let y = formulation.funded[index].rawValue
      let raw = min(max(values[y], 0), 1)
      let asRead = outcome.share != 0 && outcome.share != 1 && abs(raw - outcome.share) <= 0.5e-6 + 1e-12
      point[y] = asRead ? raw : outcome.share
      let z = formulation.indicator[index].rawValue
      if z != y { point[z] = outcome.share > 0 ? 1 : 0 }
      guard !asRead else { continue }
      for hoursVariable in hoursByMeasure[index] ?? [] {
        point[hoursVariable.variable.rawValue] =
          outcome.partners.first { $0.partner == hoursVariable.partner && $0.role == hoursVariable.role }?.hours ?? 0
      }
    }
    func smallest(_ variable: VariableIndex, rows: [ConstraintIndex]) -> Double {
      let declared = model.variables[variable.rawValue]
      var value = declared.lowerBound ?? 0
      for row in rows {
        let constraint = model.constraints[row.rawValue]
        guard let lower = constraint.lowerBound,
          let own = constraint.terms.first(where: { $0.variable == variable })?.coefficient, own > 0
        else { continue }
        let others = constraint.terms.reduce(0.0) { $1.variable == variable ? $0 : $0 + $1.coefficient * point[$1.variable.rawValue] }
        value = max(value, (lower - others) / own)
      }
      return min(value, declared.upperBound ?? .infinity)
    }
    for floor in formulation.fairnessFloors { point[floor.shortfall.rawValue] = smallest(floor.shortfall, rows: [floor.row]) }
    for (deviation, rows) in zip(formulation.deviations, formulation.deviationRows) {
      point[deviation.rawValue] = smallest(deviation, rows: rows)
    }
    return point
  }

  /// What each network received against its fairness floor (exact NOK).
  func fairness(_ outcomes: [MeasureOutcome]) -> [FairnessOutcome] {
    formulation.fairnessFloors.map { floor in
      let received = zip(scenario.measures, outcomes)
        .filter { $0.0.holder == .network(floor.network) && $0.0.scheme == floor.scheme }
        .reduce(0) { $0 + $1.1.stateMoney }
      return FairnessOutcome(network: floor.network, scheme: floor.scheme, floor: floor.target, received: received)
    }
  }

  // MARK: - Reasons

  /// Money left per scheme and hours left per partner and role, after the allocation.
  struct Usage {
    var moneyLeft: [SchemeID: Double] = [:]
    var hoursLeft: [PartnerID: [PartnerRole: Double]] = [:]

    /// The hours `partner` has left in `role` (0 when none or overdrawn by rounding).
    func hoursLeft(_ partner: PartnerID, _ role: PartnerRole) -> Double { max(0, hoursLeft[partner]?[role] ?? 0) }

    init(scenario: Scenario, outcomes: [MeasureOutcome]) {
      for scheme in scenario.schemes { moneyLeft[scheme.id] = scheme.frame }
      for partner in scenario.partners { hoursLeft[partner.id] = partner.capacity }
      for (measure, outcome) in zip(scenario.measures, outcomes) {
        moneyLeft[measure.scheme, default: 0] -= outcome.stateMoney
        for assignment in outcome.partners { hoursLeft[assignment.partner, default: [:]][assignment.role, default: 0] -= assignment.hours }
      }
    }
  }

  /// The constraints that stop `index` from getting more: each is binding in the solved model.
  func reasons(_ index: MeasureIndex, outcome: MeasureOutcome, outcomes: [MeasureOutcome], usage: Usage) -> [Reason] {
    let measure = scenario.measures[index]
    switch outcome.status {
    case .ineligible: return [.failsCriteria(formulation.failedCriteria[index])]
    case .funded, .partlyFunded, .notFunded:
      if let lock = formulation.bindingLock(index) { return [.lockedByForum(lock)] }
    }
    switch outcome.status {
    case .ineligible: return []
    case .funded: return [measure.continuing ? .continuingCommitment : .fundedByPriority]
    case .partlyFunded, .notFunded: break
    }
    var found: [Reason] = []
    for role in formulation.rolesWithoutPartner[index] ?? [] { found.append(.noPartnerInRole(role)) }
    if let above = formulation.predecessor[index], outcomes[above].share < 1,
      outcome.share >= outcomes[above].share - Self.shareTolerance
    {
      found.append(.higherPriorityNotFullyFunded(scenario.measures[above].id))
    }
    // The next step: from 0 to the smallest viable share, or from the current share to 1.
    let step = outcome.share > 0 ? 1 - outcome.share : measure.minimumShare
    let needed = stepCost(index, outcome: outcome, step: step, usage: usage)
    let left = max(0, usage.moneyLeft[measure.scheme] ?? 0)
    if left + 0.5 < needed {
      if outcome.share == 0 && measure.minimumShare < 1 && left >= 1 {
        found.append(.smallestShareDoesNotFit(share: measure.minimumShare, left: left, needed: needed))
      } else {
        let next: FundingStep =
          outcome.share > 0 ? .rest : measure.minimumShare < 1 ? .smallestShare(measure.minimumShare) : .whole
        found.append(.frameSpent(scheme: measure.scheme, left: left, needed: needed, for: next))
      }
    }
    let roles = PartnerRole.allCases.filter { measure.hours($0) > 0 }
    let hoursLeft = usage.hoursLeft(_:_:)
    if measure.singlePartner {
      // One institution carries all its hours. A measure already funded takes the rest from its
      // partner, or moves as a whole, so another partner must have all of its hours; a partner can
      // take the step only with enough left in every role. Hours block only when none can.
      let chosen = outcome.share > 0 ? outcome.partners.first?.partner : nil
      let able = partnersInEveryRole(of: measure, roles: roles)
      func asked(_ partner: PartnerID, _ role: PartnerRole) -> Double {
        chosen == nil || partner == chosen ? step * measure.hours(role) : measure.hours(role)
      }
      let short = able.filter { partner in roles.contains { hoursLeft(partner.id, $0) + 1e-6 < asked(partner.id, $0) } }
      if !able.isEmpty, short.count == able.count {
        for role in roles {
          for partner in short where hoursLeft(partner.id, role) + 1e-6 < asked(partner.id, role) {
            found.append(
              .partnerHoursUsed(partner: partner.id, role: role, left: hoursLeft(partner.id, role), needed: asked(partner.id, role)))
          }
        }
      }
    } else {
      // The hours may be split: they block only when the partners together have too few left.
      for role in roles {
        let neededHours = step * measure.hours(role)
        let rolePartners = scenario.candidatePartners(for: measure, role: role)
        guard !rolePartners.isEmpty, rolePartners.reduce(0, { $0 + hoursLeft($1.id, role) }) + 1e-6 < neededHours else { continue }
        for partner in rolePartners {
          found.append(.partnerHoursUsed(partner: partner.id, role: role, left: hoursLeft(partner.id, role), needed: neededHours))
        }
      }
    }
    return found.isEmpty ? [.betterUseElsewhere] : found
  }
}
