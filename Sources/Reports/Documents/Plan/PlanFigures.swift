import GrantAllocation
import UserMessages

/// The plan's figures in whole kroner, computed once for the Markdown, the HTML and the
/// innstilling's section on commitments.
struct PlanFigures {
  struct SchemeYear {
    var scheme: SchemeID
    var year: Int
    var frame: Int
    var forecast: Bool
    var carriedIn: Int
    /// Continuing commitments and later years of measures that started earlier in the plan.
    var committed: Int
    /// Measures in their first year.
    var new: Int
    var carriedOn: Int
    /// Money the first year's measures need beyond the forecast, conditional on it.
    var beyond: Int
    var free: Int { frame + carriedIn + beyond - committed - new - carriedOn }
  }

  let plan: PlanResult
  let years: [Int]
  /// One per plan year, of ``PlanResult/years``.
  let settlements: [Settlement]
  /// Per year: each measure's state money in whole kroner, by id.
  let money: [[MeasureID: Int]]
  let schemeYears: [SchemeYear]
  /// Per measure, the later years that are conditional on the forecast (``conditionalYears(of:)``).
  let conditional: [MeasureID: Set<Int>]

  init(_ plan: PlanResult) {
    self.plan = plan
    let scenario = plan.scenario
    years = scenario.planYears
    settlements = plan.years.map(Settlement.init)
    money = settlements.map { settlement in
      Dictionary(uniqueKeysWithValues: settlement.measures.map { ($0.measure, $0.total) })
    }
    var rows: [SchemeYear] = []
    for scheme in scenario.schemes {
      for (position, year) in years.enumerated() {
        var committed = 0
        var new = 0
        for measure in scenario.measures where measure.scheme == scheme.id {
          guard let amount = money[position][measure.id] else { continue }
          if measure.continuing || year != scenario.years(of: measure).first { committed += amount } else { new += amount }
        }
        rows.append(
          SchemeYear(
            scheme: scheme.id, year: year, frame: Int(scenario.frame(scheme, in: year).rounded(.down)),
            forecast: scenario.frameIsForecast(scheme.id, in: year), carriedIn: Int(plan.carriedIn(scheme.id, year: year).rounded()),
            committed: committed, new: new, carriedOn: Int((plan.carriedOver[scheme.id]?[year] ?? 0).rounded()),
            beyond: Int((plan.beyondForecast[scheme.id]?[year] ?? 0).rounded())))
      }
    }
    schemeYears = rows
    conditional = Self.conditionalYears(plan, years: years, money: money)
  }

  /// The later years in which `measure` is conditional on the forecast (empty for most).
  func conditionalYears(of measure: Measure) -> [Int] { conditional[measure.id]?.sorted() ?? [] }

  /// Per measure, the later years it is conditional on the forecast: in each scheme-year that needs
  /// money beyond the forecast, the measures of the plan's first year that the priorities rank last,
  /// until their money that year covers what is beyond (should the forecast hold, they give way
  /// first); likewise for a partner's hours beyond those planned. Decided commitments never.
  static func conditionalYears(_ plan: PlanResult, years: [Int], money: [[MeasureID: Int]]) -> [MeasureID: Set<Int>] {
    let scenario = plan.scenario
    // The first year's new measures, the last in priority first (highest rank, then the id).
    let candidates = scenario.measures.filter { !$0.continuing && scenario.years(of: $0).first == years.first }
      .sorted { ($0.rank, $0.id.rawValue) > ($1.rank, $1.id.rawValue) }
    var found: [MeasureID: Set<Int>] = [:]
    for (position, year) in years.enumerated().dropFirst() {
      for scheme in scenario.schemes {
        var beyond = plan.beyondForecast[scheme.id]?[year] ?? 0
        for measure in candidates where measure.scheme == scheme.id && beyond >= 1 {
          guard let amount = money[position][measure.id], amount > 0 else { continue }
          found[measure.id, default: []].insert(year)
          beyond -= Double(amount)
        }
      }
      for (partner, byYear) in plan.beyondPlannedHours.sorted(by: { $0.key < $1.key }) {
        for (role, extra) in (byYear[year] ?? [:]).sorted(by: { $0.key < $1.key }) {
          var left = extra
          for measure in candidates where left >= 0.01 {
            let hours =
              plan.years[position].outcome(measure.id)?.partners.filter { $0.partner == partner && $0.role == role }
              .reduce(0) { $0 + $1.hours } ?? 0
            guard hours > 0 else { continue }
            found[measure.id, default: []].insert(year)
            left -= hours
          }
        }
      }
    }
    return found
  }

  /// The measure's share in `year`, or `nil` when it does not run then.
  func share(_ measure: MeasureID, year: Int) -> Double? {
    guard let position = years.firstIndex(of: year) else { return nil }
    return plan.years[position].outcome(measure)?.share
  }

  func status(_ measure: Measure) -> PlanMeasureStatus {
    let measureYears = plan.scenario.years(of: measure)
    guard let first = share(measure.id, year: measureYears[0]), let position = years.firstIndex(of: measureYears[0]),
      let outcome = plan.years[position].outcome(measure.id)
    else { return .notFunded }
    if outcome.status == .ineligible { return .ineligible }
    if measure.continuing { return .continuing }
    if first == 0 { return .notFunded }
    if let stop = measureYears.firstIndex(where: { (share(measure.id, year: $0) ?? 0) == 0 }) {
      return .stoppedAfter(year: measureYears[stop - 1])
    }
    let shareText = NameBook(scenario: plan.scenario, messages: Language.nb.messages).percent(first)
    if measureYears.count == 1 { return first >= 1 ? .funded : .partly(share: shareText) }
    return first >= 1 ? .allYears : .partlyAllYears(share: shareText)
  }
}
