import Explanations
import GrantAllocation

/// One measure's decision, its reasons, and what it would take to fund it in full, as a Markdown
/// document (the page `dekom serve` shows per measure).
public struct MeasureMarkdown: ReportRenderer {
  let input: ReportInput
  let index: MeasureIndex
  let whatItTakes: WhatItTakes?
  let seconds: Double?

  /// The page of measure `id`, or `nil` when the scenario has no such measure.
  ///
  /// - Parameters:
  ///   - id: the measure.
  ///   - input: the solved allocation's report input.
  ///   - whatItTakes: the search's answer; `nil` when there is nothing to search (funded in full,
  ///     ineligible or continuing).
  ///   - seconds: how long the search took; `nil` when the answer comes from the explained run of
  ///     the whole allocation (``ReportInput/explanation``), as the innstilling's section 6 gives it.
  public init?(_ id: MeasureID, in input: ReportInput, whatItTakes: WhatItTakes?, seconds: Double?) {
    guard let index = input.scenario.measureIndex(id) else { return nil }
    self.input = input
    self.index = index
    self.whatItTakes = whatItTakes
    self.seconds = seconds
  }

  /// "Tiltak: NAME".
  public var title: String { messages.measureTitle(names.measure(input.scenario.measures[index].id)) }

  /// What the whole measure costs the state (NOK): its local cost plus its partner hours, priced
  /// at the partner that gives them (where it got hours), else at its cheapest acceptable partner.
  private func askedInAll(_ measure: Measure, _ outcome: MeasureOutcome) -> Double {
    PartnerRole.allCases.reduce(measure.stateCost) { total, role in
      let hours = measure.hours(role)
      guard hours > 0 else { return total }
      let given = outcome.partners.filter { $0.role == role && $0.hours > 0 }
      let givenHours = given.reduce(0) { $0 + $1.hours }
      if givenHours > 0 {
        // The price per hour the measure pays now, for all its hours.
        return total + hours * given.reduce(0) { $0 + $1.money } / givenHours
      }
      let cheapest = input.scenario.candidatePartners(for: measure, role: role).map { $0.hourlyPrice(role) }.min() ?? 0
      return total + hours * cheapest
    }
  }

  public func render() -> String {
    let measure = input.scenario.measures[index]
    let outcome = input.result.outcomes[index]
    let money = input.settlement.measures[index]
    let kroner = { (amount: Double) in names.kroner(amount) + " " + messages.currencySuffix }
    let hours = { (amount: Double) in names.hours(amount) + " " + messages.hoursSuffix }
    var parts = ["# " + title]
    var facts = MarkdownTable(columns: messages.measureFacts, rightAligned: [2, 3, 5])
    // Asked and allocated both include the partner hours, so the share is allocated ÷ asked.
    facts.add([
      names.holder(measure.holder), names.scheme(measure.scheme), String(measure.rank), names.kroner(askedInAll(measure, outcome)),
      messages.status(outcome.status, share: names.percent(outcome.share)), names.kroner(money.total),
    ])
    parts.append(facts.rendered)
    parts.append("## " + messages.reasonsHeading)
    parts.append(outcome.reasons.map { "- " + messages.reason($0, names: names) }.joined(separator: "\n"))
    parts.append("## " + messages.whatItTakesOneHeading)
    if let finding = whatItTakes {
      let hoursText =
        finding.hours.isEmpty
        ? messages.hoursNotSearched
        : finding.hours.map {
          messages.hoursFinding(partner: names.partner($0.partner), role: $0.role, finding: messages.finding($0.finding, amount: hours))
        }.joined(separator: "; ")
      parts.append(
        [
          (messages.frameIncreaseLabel, messages.finding(finding.frame, amount: kroner)), (messages.moreHoursLabel, hoursText),
          (messages.moveUpLabel, messages.rankFinding(finding.rank)),
        ].map { "- **\($0.0.markdownEscaped):** \($0.1.markdownEscaped)" }.joined(separator: "\n"))
    } else {
      parts.append(messages.nothingToSearch)
    }
    parts.append(seconds.map { messages.computedIn(seconds: names.decimal($0, decimals: 2), resolves: nil) } ?? messages.fromExplanations)
    return parts.joined(separator: "\n\n") + "\n"
  }
}
