import Explanations
import GrantAllocation

/// The explanation sections of the innstilling: what it would take to fund each measure, the
/// waiting list per scheme, and the shadow prices of frames and partner hours.
struct ExplanationMarkdown {
  let input: ReportInput
  let explanation: Explanation
  var messages: any Messages { input.messages }
  var names: NameBook { input.names }
  var scenario: Scenario { input.scenario }

  /// How many sections ``sections()`` gives; they are numbered from 6, after the criteria.
  static let sectionCount = 3

  /// The sections, each starting with its heading.
  func sections() -> [String] {
    [whatItTakes(), waitingLists(), shadowPrices()]
  }

  private func kroner(_ amount: Double) -> String { names.kroner(amount) + " " + messages.currencySuffix }
  private func hours(_ amount: Double) -> String { names.hours(amount) + " " + messages.hoursSuffix }

  private func measureIndex(_ id: MeasureID) -> Int? { scenario.measures.firstIndex { $0.id == id } }

  private func whatItTakes() -> String {
    var parts = ["## 6. " + messages.whatItTakesHeading, messages.whatItTakesIntro]
    guard !explanation.whatItTakes.isEmpty else { return (parts + [messages.emptyWaitingList]).joined(separator: "\n\n") }
    var table = MarkdownTable(columns: messages.whatItTakesColumns, rightAligned: [3])
    for finding in explanation.whatItTakes {
      guard let index = measureIndex(finding.measure) else { continue }
      let measure = scenario.measures[index]
      let outcome = input.result.outcomes[index]
      let hoursText =
        finding.hours.isEmpty
        ? messages.hoursNotSearched
        : finding.hours.map {
          messages.hoursFinding(
            partner: names.partner($0.partner), role: $0.role, finding: messages.finding($0.finding, amount: hours))
        }
        .joined(separator: "; ")
      table.add([
        names.measure(measure.id), names.holder(measure.holder), messages.status(outcome.status, share: names.percent(outcome.share)),
        messages.finding(finding.frame, amount: kroner), hoursText, messages.rankFinding(finding.rank),
      ])
    }
    parts += [table.rendered, messages.resolvesLine(explanation.resolves)]
    return parts.joined(separator: "\n\n")
  }

  private func waitingLists() -> String {
    var parts = ["## 7. " + messages.waitingListHeading, messages.waitingListIntro]
    for list in explanation.waitingLists {
      parts.append("### " + names.scheme(list.scheme))
      if list.entries.isEmpty && list.notByMoneyAlone.isEmpty {
        parts.append(messages.emptyWaitingList)
        continue
      }
      if !list.entries.isEmpty {
        var table = MarkdownTable(columns: messages.waitingListColumns, rightAligned: [0, 3])
        for (position, entry) in list.entries.enumerated() {
          let holder = measureIndex(entry.measure).map { names.holder(scenario.measures[$0].holder) } ?? ""
          table.add([String(position + 1), names.measure(entry.measure), holder, "+" + kroner(entry.frameIncrease)])
        }
        parts.append(table.rendered)
      }
      if !list.notByMoneyAlone.isEmpty { parts.append(messages.notByMoneyAlone(list.notByMoneyAlone.map(names.measure))) }
    }
    return parts.joined(separator: "\n\n")
  }

  private func shadowPrices() -> String {
    let prices = explanation.shadowPrices
    var parts = ["## 8. " + messages.shadowPricesHeading, messages.shadowPricesIntro(integersFixed: prices.integersFixed)]
    guard prices.status == .optimal else {
      return (parts + [messages.shadowPricesFailed(messages.terminationStatus(prices.status.rawValue))]).joined(separator: "\n\n")
    }
    var table = MarkdownTable(columns: messages.shadowPriceColumns, rightAligned: [1, 2, 3, 4, 5])
    for price in prices.prices {
      let name: String
      let amount: (Double) -> String
      let priceText: String
      switch price.limit {
      case .frame(let scheme):
        name = messages.frameLimit(names.scheme(scheme))
        amount = kroner
        priceText =
          price.perUnit == 0
          ? messages.noPrice
          : messages.framePrice(
            prices.value == .count ? names.decimal(price.perUnit * 100_000, decimals: 3) : names.decimal(price.perUnit, decimals: 3),
            unit: prices.value)
      case .capacity(let partner, let role):
        name = messages.capacityLimit(partner: names.partner(partner), role: role)
        amount = hours
        priceText =
          price.perUnit == 0
          ? messages.noPrice
          : messages.hoursPrice(
            prices.value == .count ? names.decimal(price.perUnit * 100, decimals: 3) : names.decimal(price.perUnit, decimals: 0),
            unit: prices.value)
      }
      table.add([
        name, amount(price.current), amount(price.used), priceText, price.validFrom.map(amount) ?? messages.noLimit,
        price.validTo.map(amount) ?? messages.noLimit, price.stage.map(messages.stageName) ?? "–",
      ])
    }
    parts.append(table.rendered)
    return parts.joined(separator: "\n\n")
  }
}
