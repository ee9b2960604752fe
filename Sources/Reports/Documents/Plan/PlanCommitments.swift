import GrantAllocation
import UserMessages

/// The innstilling's section on the commitments its multi-year measures create for later years.
public struct PlanCommitments: Sendable {
  struct Line: Sendable {
    var measure: MeasureID
    var title: String
    var scheme: SchemeID
    var year: Int
    var money: Int
    var forecast: Bool
    /// The year needs money or hours beyond the forecasts: it is conditional on them.
    var conditional: Bool
  }

  let firstYear: Int
  let lines: [Line]
  /// NOK of the first year's frame left unspent and carried into the next year, per scheme.
  let carriedOn: [(scheme: SchemeID, amount: Int)]
  /// Money and hours the later years need beyond the forecasts (conditional on them).
  let beyondForecast: [(scheme: SchemeID, year: Int, amount: Int)]
  let beyondHours: [(partner: PartnerID, role: PartnerRole, year: Int, hours: Double)]

  /// The later-year money of every measure funded in the plan's first year.
  public init(_ plan: PlanResult) {
    let figures = PlanFigures(plan)
    let scenario = plan.scenario
    firstYear = figures.years[0]
    var lines: [Line] = []
    for measure in scenario.measures where scenario.years(of: measure).first == firstYear {
      guard (figures.share(measure.id, year: firstYear) ?? 0) > 0 else { continue }
      let conditional = Set(figures.conditionalYears(of: measure))
      for (position, year) in figures.years.enumerated().dropFirst() {
        guard let amount = figures.money[position][measure.id], amount > 0 else { continue }
        lines.append(
          Line(
            measure: measure.id, title: measure.title, scheme: measure.scheme, year: year, money: amount,
            forecast: scenario.frameIsForecast(measure.scheme, in: year), conditional: conditional.contains(year)))
      }
    }
    self.lines = lines
    carriedOn = scenario.schemes.compactMap { scheme in
      let amount = Int((plan.carriedOver[scheme.id]?[figures.years[0]] ?? 0).rounded())
      return amount > 0 ? (scheme.id, amount) : nil
    }
    beyondForecast = figures.schemeYears.filter { $0.beyond > 0 }.map { ($0.scheme, $0.year, $0.beyond) }
    var hours: [(partner: PartnerID, role: PartnerRole, year: Int, hours: Double)] = []
    for partner in scenario.partners {
      for year in figures.years.dropFirst() {
        for role in PartnerRole.allCases {
          if let extra = plan.beyondPlannedHours[partner.id]?[year]?[role], extra > 0 { hours.append((partner.id, role, year, extra)) }
        }
      }
    }
    beyondHours = hours
  }

  /// The section, numbered `number`.
  func section(number: Int, language: Language, names: NameBook) -> String {
    let messages = language.planMessages
    var parts = ["## " + messages.commitmentsHeading(number: number, first: firstYear)]
    if lines.isEmpty {
      parts.append(messages.noCommitments)
    } else {
      parts.append(messages.commitmentsIntro(first: firstYear))
      var table = MarkdownTable(columns: messages.commitmentColumns, rightAligned: [2, 3])
      for line in lines {
        let year = line.conditional ? messages.conditionalYear(line.year) : String(line.year)
        table.add([names.text("\(line.title) (\(line.measure))"), names.scheme(line.scheme), year, names.kroner(line.money)])
      }
      let years = Set(lines.map(\.year)).sorted()
      for year in years {
        let sum = lines.filter { $0.year == year }.reduce(0) { $0 + $1.money }
        table.add(["**\(language.messages.total) \(year)**", "", "", "**\(names.kroner(sum))**"])
      }
      parts.append(table.rendered)
    }
    for beyond in beyondForecast {
      parts.append(messages.beyondForecastLine(scheme: names.scheme(beyond.scheme), amount: names.kroner(beyond.amount), year: beyond.year))
    }
    for beyond in beyondHours {
      parts.append(
        messages.beyondPlannedHoursLine(
          partner: names.partner(beyond.partner), role: language.messages.role(beyond.role),
          hours: names.wholeHours(beyond.hours, up: true), year: beyond.year))
    }
    for carried in carriedOn {
      parts.append(messages.carriedOnLine(scheme: names.scheme(carried.scheme), amount: names.kroner(carried.amount), year: firstYear))
    }
    parts.append(messages.explanationsSkipped + " " + messages.planFileLine)
    return parts.joined(separator: "\n\n")
  }
}
