import GrantAllocation

/// An independent re-check of a solved multi-year plan, in plain Swift, from the validated
/// scenario and the per-year outcomes (not from the model).
///
/// The first year is also checked by ``AllocationVerifier`` as the innstilling; this adds the
/// rules of the horizon: every year's frames with carry-over and capacities, commitments in every
/// year, the priority order among the measures starting in a year, how a measure's years hang
/// together, and the network's choice of partner over the years (``checkPartnerChoice()``).
public struct PlanVerifier {
  static let tolerance = 1e-5

  public let plan: PlanResult

  public init(_ plan: PlanResult) { self.plan = plan }

  public func violations() -> [Violation] {
    let scenario = plan.scenario
    let years = scenario.planYears
    guard plan.years.count == years.count else { return [Violation(.share, "\(plan.years.count) years solved for \(years.count)")] }
    var found: [Violation] = []
    let share = scenario.horizon?.carryOverShare ?? 0
    let conditional = scenario.horizon?.forecasts == .conditional
    for (position, year) in years.enumerated() {
      let result = plan.years[position]
      let outcomes = Dictionary(uniqueKeysWithValues: result.outcomes.map { ($0.measure, $0) })
      for scheme in scenario.schemes {
        let spent = scenario.measures.filter { $0.scheme == scheme.id }.compactMap { outcomes[$0.id]?.stateMoney }.reduce(0, +)
        let frame = scenario.frame(scheme, in: year)
        let carriedIn = position == 0 ? 0 : plan.carriedOver[scheme.id]?[years[position - 1]] ?? 0
        let carriedOn = plan.carriedOver[scheme.id]?[year] ?? 0
        if carriedOn > share * frame + 1 || (position == years.count - 1 && carriedOn > 0) {
          found.append(
            Violation(.carryOver, "\(scheme.id) carries \(carriedOn) NOK out of \(year); at most \(share) of \(frame) NOK may move"))
        }
        // Money beyond a forecast: only a later year's forecast under the conditional rule, only
        // what the year's measures need beyond it, and none of it for a measure starting that year.
        let beyond = plan.beyondForecast[scheme.id]?[year] ?? 0
        if beyond > 0, position == 0 || !conditional || !scenario.frameIsForecast(scheme.id, in: year) {
          found.append(
            Violation(.frame, "\(scheme.id) is given \(beyond) NOK beyond a frame in \(year) that is not a conditional forecast"))
        }
        if spent + carriedOn > frame + carriedIn + beyond + 1 {
          found.append(
            Violation(
              .frame,
              "\(scheme.id) spends \(spent) NOK in \(year) and carries on \(carriedOn), with \(frame) + \(carriedIn) + \(beyond) NOK"))
        }
        if beyond > 1 && spent + carriedOn < frame + carriedIn + beyond - 1 {
          found.append(Violation(.frame, "\(scheme.id) is given \(beyond) NOK beyond the forecast in \(year) but does not spend it"))
        }
        let starting = scenario.measures.filter {
          $0.scheme == scheme.id && !$0.continuing && $0.lock == nil && scenario.years(of: $0).first == year
        }
        if beyond > 1, let funded = starting.first(where: { (outcomes[$0.id]?.stateMoney ?? 0) > 0.5 }) {
          found.append(
            Violation(.frame, "\(funded.id) starts in \(year) although \(scheme.id) needs \(beyond) NOK beyond the forecast then"))
        }
      }
      var used: [PartnerID: [PartnerRole: Double]] = [:]
      for line in result.outcomes.flatMap(\.partners) { used[line.partner, default: [:]][line.role, default: 0] += line.hours }
      for partner in scenario.partners {
        for role in PartnerRole.allCases {
          let extra = plan.beyondPlannedHours[partner.id]?[year]?[role] ?? 0
          if extra > 0, position == 0 || !conditional {
            found.append(Violation(.capacity, "\(partner.id) is given \(extra) \(role.rawValue) hours beyond its hours in \(year)"))
          }
          let capacity = (scenario.capacity(partner, in: year)[role] ?? 0) + extra
          let hours = used[partner.id]?[role] ?? 0
          if extra > Self.tolerance,
            let starting = result.outcomes.first(where: { outcome in
              scenario.measure(outcome.measure).map { !$0.continuing && $0.lock == nil && scenario.years(of: $0).first == year } == true
                && outcome.partners.contains { $0.partner == partner.id && $0.role == role && $0.hours > Self.tolerance }
            })
          {
            found.append(
              Violation(.capacity, "\(starting.measure) starts in \(year) with \(partner.id)'s \(role.rawValue) hours beyond those planned")
            )
          }
          if hours > capacity + Self.tolerance * max(1, capacity) {
            found.append(Violation(.capacity, "\(partner.id) gives \(hours) \(role.rawValue) hours in \(year) but has \(capacity)"))
          }
        }
      }
      // The priority order among eligible, new measures starting this year.
      var lists: [String: [(rank: Int, id: MeasureID, share: Double)]] = [:]
      for measure in scenario.measures where !measure.continuing && measure.lock == nil && scenario.years(of: measure).first == year {
        guard let outcome = outcomes[measure.id], outcome.status != .ineligible else { continue }
        lists["\(measure.holder)/\(measure.scheme)", default: []].append((measure.rank, measure.id, outcome.share))
      }
      for (list, entries) in lists.sorted(by: { $0.key < $1.key }) {
        let ordered = entries.sorted { $0.rank < $1.rank }
        for (higher, lower) in zip(ordered, ordered.dropFirst()) where lower.share > higher.share + Self.tolerance {
          found.append(
            Violation(.priorityOrder, "in \(list) \(year), \(lower.id) has share \(lower.share) above \(higher.id) at \(higher.share)"))
        }
      }
    }
    for measure in scenario.measures { found += checkYears(measure) }
    found += checkPartnerChoice()
    return found
  }

  /// A measure's years: all at the same share, or (where it may stop) the same share then nothing;
  /// commitments in full every year; a single partner the same every year.
  private func checkYears(_ measure: Measure) -> [Violation] {
    let scenario = plan.scenario
    let years = scenario.planYears
    let outcomes = scenario.years(of: measure).compactMap { year -> (Int, MeasureOutcome)? in
      guard let position = years.firstIndex(of: year), let outcome = plan.years[position].outcome(measure.id) else { return nil }
      return (year, outcome)
    }
    guard outcomes.count == scenario.years(of: measure).count else {
      return [Violation(.planYears, "\(measure.id) lacks outcomes for some of its years")]
    }
    var found: [Violation] = []
    let first = outcomes[0].1.share
    var stopped = false
    for (year, outcome) in outcomes {
      if measure.continuing && measure.lock != MeasureLock.none && outcome.share < 1 - Self.tolerance {
        found.append(Violation(.commitment, "\(measure.id) is a commitment but gets \(outcome.share) in \(year)"))
      }
      let same = abs(outcome.share - first) <= Self.tolerance
      if outcome.share <= Self.tolerance {
        stopped = true
        if !measure.mayStop && first > Self.tolerance {
          found.append(Violation(.planYears, "\(measure.id) stops in \(year) though it may not stop"))
        }
      } else if stopped || !same {
        found.append(Violation(.planYears, "\(measure.id) gets \(outcome.share) in \(year) after \(first) in its first year"))
      }
    }
    if measure.singlePartner {
      let partners = Set(outcomes.flatMap { $0.1.partners.map(\.partner) })
      if partners.count > 1 {
        found.append(
          Violation(.planYears, "\(measure.id) must have one partner but has \(partners.sorted().map(\.rawValue)) over its years"))
      }
    }
    return found
  }
}
