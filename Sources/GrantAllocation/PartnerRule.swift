/// The network's choice of partner (issue 16 item 7, seed 000; docs/model.md, "The network chooses
/// its partner"): a measure's hours go to its first acceptable partner; another acceptable partner
/// carries them only when the first has no hours left for them after the forum's allocation —
/// never to save money for someone else. Checked on a whole allocation: no funded measure
/// has hours at a partner while an acceptable partner before it in the measure's order has them
/// idle.
enum PartnerRule {
  /// Hours of room that count as none, and by which room may fall short of a measure's hours and
  /// still count as enough: published hours are rounded, so exact comparisons could flip between
  /// the solve and the check.
  static let roomTolerance = 0.01

  /// A funded measure whose hours are at `used` while `earlier`, before it in its order, has idle
  /// hours for them.
  struct Breach: Sendable, Equatable {
    var measure: MeasureIndex
    var used: PartnerID
    var earlier: PartnerID
  }

  /// The hours each partner has idle in each role after `outcomes` (capacity less every measure's
  /// hours; may be slightly below 0 by rounding).
  static func idleHours(_ outcomes: [MeasureOutcome], of scenario: Scenario) -> [PartnerID: [PartnerRole: Double]] {
    var idle: [PartnerID: [PartnerRole: Double]] = [:]
    for partner in scenario.partners {
      for role in PartnerRole.allCases { idle[partner.id, default: [:]][role] = partner.hours(role) }
    }
    for outcome in outcomes {
      for line in outcome.partners { idle[line.partner, default: [:]][line.role, default: 0] -= line.hours }
    }
    return idle
  }

  /// The partners `measure` may use in every role it asks hours in, in its order (one institution
  /// for all its hours).
  static func ablePartners(_ measure: Measure, of scenario: Scenario) -> [PartnerID] {
    let roles = PartnerRole.allCases.filter { measure.hours($0) > 0 }
    let candidates = roles.map { role in Set(scenario.candidatePartners(for: measure, role: role).map(\.id)) }
    return measure.acceptablePartners.filter { id in candidates.allSatisfy { $0.contains(id) } }
  }

  /// Where `outcomes` (one per measure, in the scenario's order) break the rule: a funded
  /// single-partner measure at a partner while an acceptable partner before it has idle hours, in
  /// every role, for all the hours the measure gets; a funded measure that allows a split with
  /// hours in a role at a partner while one before it has idle hours in that role. Each measure is
  /// named once, with the first such partner. ``roomTolerance`` hours count as none.
  ///
  /// `together`: in a plan's expanded scenario, each year of a one-institution measure that runs
  /// several years, with all its years (in order). Such a measure keeps its partner every year, so
  /// a partner before its own counts as idle for it only with room in every year it runs; a breach
  /// is then named for every year, so the limits move all its years together.
  static func breaches(
    _ outcomes: [MeasureOutcome], of scenario: Scenario, together: [MeasureIndex: [MeasureIndex]] = [:]
  ) -> [Breach] {
    guard outcomes.count == scenario.measures.count else { return [] }
    let idleByPartner = idleHours(outcomes, of: scenario)
    func idle(_ partner: PartnerID, _ role: PartnerRole) -> Double { idleByPartner[partner]?[role] ?? 0 }
    func hasRoom(_ candidate: PartnerID, for lines: [PartnerAssignment]) -> Bool {
      PartnerRole.allCases.allSatisfy { role in
        idle(candidate, role) >= lines.filter { $0.role == role }.reduce(0) { $0 + $1.hours } - roomTolerance
      }
    }
    var found: [Breach] = []
    for (index, outcome) in zip(scenario.measureIndices, outcomes) where outcome.share > 1e-9 {
      let measure = scenario.measures[index]
      let lines = outcome.partners.filter { $0.hours > roomTolerance }
      guard !lines.isEmpty else { continue }
      if measure.singlePartner, let years = together[index] {
        // Read once, at the measure's first year, for all its years.
        guard years.first == index else { continue }
        found += breachesOverYears(years, outcomes, of: scenario, hasRoom: hasRoom)
      } else if measure.singlePartner {
        let able = ablePartners(measure, of: scenario)
        let used = Set(lines.map(\.partner))
        guard let last = able.lastIndex(where: { used.contains($0) }) else { continue }
        let earlier = able[..<last].first { candidate in
          !used.contains(candidate)
            && PartnerRole.allCases.allSatisfy { role in
              idle(candidate, role) >= lines.filter { $0.role == role }.reduce(0) { $0 + $1.hours } - roomTolerance
            }
        }
        if let earlier { found.append(Breach(measure: index, used: able[last], earlier: earlier)) }
      } else {
        for role in PartnerRole.allCases where measure.hours(role) > 0 {
          let order = scenario.candidatePartners(for: measure, role: role).map(\.id)
          let used = Set(lines.filter { $0.role == role }.map(\.partner))
          guard let last = order.lastIndex(where: { used.contains($0) }),
            let earlier = order[..<last].first(where: { idle($0, role) > roomTolerance })
          else { continue }
          found.append(Breach(measure: index, used: order[last], earlier: earlier))
          break
        }
      }
    }
    return found
  }

  /// The breaches of a one-institution measure over `years` (its measure-years in a plan's
  /// expanded scenario): a partner before its own (by the partners' ids without the year) with
  /// room in every year it is funded, named once per year.
  private static func breachesOverYears(
    _ years: [MeasureIndex], _ outcomes: [MeasureOutcome], of scenario: Scenario,
    hasRoom: (PartnerID, [PartnerAssignment]) -> Bool
  ) -> [Breach] {
    let funded = years.filter { outcomes[$0].share > 1e-9 }
    guard let first = funded.first else { return [] }
    func base(_ id: PartnerID) -> String { PlanExpansion.baseID(id.rawValue) }
    // Per funded year, once: its hours, and the partner-years it may use by the partner's id.
    var lines: [MeasureIndex: [PartnerAssignment]] = [:]
    var ableInYear: [MeasureIndex: [String: PartnerID]] = [:]
    for index in funded {
      lines[index] = outcomes[index].partners.filter { $0.hours > roomTolerance }
      ableInYear[index] = Dictionary(
        ablePartners(scenario.measures[index], of: scenario).map { (base($0), $0) }, uniquingKeysWith: { first, _ in first })
    }
    /// The partner-year of `partner` among the ones year `index` may use.
    func inYear(_ partner: String, _ index: MeasureIndex) -> PartnerID? { ableInYear[index]?[partner] }
    let used = Set(funded.flatMap { (lines[$0] ?? []).map { base($0.partner) } })
    let able = ablePartners(scenario.measures[first], of: scenario).map(base)
    guard let last = able.lastIndex(where: { used.contains($0) }) else { return [] }
    guard
      let earlier = able[..<last].first(where: { candidate in
        !used.contains(candidate)
          && funded.allSatisfy { index in inYear(candidate, index).map { hasRoom($0, lines[index] ?? []) } ?? false }
      })
    else { return [] }
    return funded.compactMap { index in
      guard let usedHere = inYear(able[last], index), let earlierHere = inYear(earlier, index) else { return nil }
      return Breach(measure: index, used: usedHere, earlier: earlierHere)
    }
  }

  /// The limits after `breaches` (added to `limits`, by measure index): each measure may use only
  /// its acceptable partners up to the one that had idle hours for it. A measure that allows a
  /// split is limited so only when that partner could carry all of its hours in every role it asks
  /// (else the limit would cut what that partner cannot carry, or the only partner of another
  /// role): otherwise its breach stays and is reported. Limits only shrink, so the search that sets
  /// them ends.
  static func tightened(_ limits: [MeasureIndex: [PartnerID]], by breaches: [Breach], of scenario: Scenario) -> [MeasureIndex: [PartnerID]]
  {
    var tightened = limits
    for breach in breaches where carriesAll(breach.earlier, scenario.measures[breach.measure], of: scenario) {
      let measure = scenario.measures[breach.measure]
      let current = limits[breach.measure] ?? measure.acceptablePartners
      guard let position = current.firstIndex(of: breach.earlier) else { continue }
      tightened[breach.measure] = Array(current[...position])
    }
    return tightened
  }

  /// Whether limiting `measure` to its partners up to `partner` leaves it every hour it asks: a
  /// single-partner measure always (one institution carries all anyway); one that allows a split
  /// only when `partner` serves every role it asks with at least those hours.
  private static func carriesAll(_ partner: PartnerID, _ measure: Measure, of scenario: Scenario) -> Bool {
    guard !measure.singlePartner else { return true }
    return PartnerRole.allCases.allSatisfy { role in
      measure.hours(role) <= 0
        || scenario.candidatePartners(for: measure, role: role).contains { $0.id == partner && $0.hours(role) >= measure.hours(role) }
    }
  }
}
