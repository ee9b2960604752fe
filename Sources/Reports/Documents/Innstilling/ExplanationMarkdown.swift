import Explanations
import GrantAllocation

/// The explanation sections of the innstilling: what it would take to fund each measure, the
/// waiting list per scheme, and the shadow prices of frames and partner hours.
struct ExplanationMarkdown: ReportRenderer {
  let input: ReportInput
  let explanation: Explanation
  /// The address of a measure's own page on `dekom serve` (its name links there); `nil` in the files.
  var measureAddress: ((MeasureID) -> String)?

  /// How many sections ``sections()`` gives; they are numbered from 6, after the criteria.
  /// The numbered sections of the document's body.
  static let sectionCount = 2

  /// The body's sections (what it would take, the waiting lists), each starting with its heading.
  func sections() -> [(section: InnstillingAnchors.Section, markdown: String)] {
    [(.whatItTakes, whatItTakes()), (.waitingLists, waitingLists())]
  }

  /// The appendix for the technically curious (the shadow prices, read from the solver), with
  /// `letter` in its heading.
  func appendix(letter: String) -> String { shadowPrices(letter: letter) }

  private func kroner(_ amount: Double) -> String { names.kroner(amount) + " " + messages.currencySuffix }
  private func hours(_ amount: Double) -> String { names.hours(amount) + " " + messages.hoursSuffix }

  private func whatItTakes() -> String {
    var parts = ["## 6. " + messages.whatItTakesHeading, messages.whatItTakesIntro]
    guard !explanation.searchesSkipped else { return (parts + [messages.searchesSkipped]).joined(separator: "\n\n") }
    guard !explanation.whatItTakes.isEmpty else { return (parts + [messages.emptyWaitingList]).joined(separator: "\n\n") }
    var table = MarkdownTable(columns: messages.whatItTakesColumns, rightAligned: [3])
    for finding in explanation.whatItTakes {
      guard let index = scenario.measureIndex(finding.measure) else { continue }
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
        measureName(measure.id, linkedTo: measureAddress), names.holder(measure.holder),
        messages.status(outcome.status, share: names.percent(outcome.share)),
        messages.finding(finding.frame, amount: kroner), hoursText, messages.rankFinding(finding.rank),
      ])
    }
    parts.append(table.rendered)
    parts += explanation.whatItTakes.compactMap(moreMoneyFundsLess)
    parts.append(messages.resolvesLine(explanation.resolves))
    return parts.joined(separator: "\n\n")
  }

  /// The sentence for a measure that a smaller frame increase funds but an ample frame does not.
  private func moreMoneyFundsLess(_ finding: WhatItTakes) -> String? {
    guard finding.moreMoneyFundsLess, case .funds(let increase, _) = finding.frame, let ample = finding.ampleFrame else { return nil }
    return messages.moreMoneyFundsLess(
      measure: names.measure(finding.measure), funds: kroner(increase), ample: kroner(ample.increase),
      status: messages.status(ample.status, share: names.percent(ample.share)),
      reasons: ShortReason(messages: messages, names: names).text(ample.reasons))
  }

  private func waitingLists() -> String {
    var parts = ["## 7. " + messages.waitingListHeading, messages.waitingListIntro]
    guard !explanation.searchesSkipped else { return (parts + [messages.searchesSkipped]).joined(separator: "\n\n") }
    for list in explanation.waitingLists {
      parts.append("### " + names.scheme(list.scheme))
      if list.entries.isEmpty && list.notByMoneyAlone.isEmpty && list.notSearched.isEmpty {
        parts.append(messages.emptyWaitingList)
        continue
      }
      if !list.entries.isEmpty {
        var table = MarkdownTable(columns: messages.waitingListColumns, rightAligned: [0, 3])
        for (position, entry) in list.entries.enumerated() {
          let holder = scenario.measureIndex(entry.measure).map { names.holder(scenario.measures[$0].holder) } ?? ""
          table.add([String(position + 1), measureName(entry.measure, linkedTo: measureAddress), holder, "+" + kroner(entry.frameIncrease)])
        }
        parts.append(table.rendered)
      }
      if !list.notByMoneyAlone.isEmpty { parts.append(messages.notByMoneyAlone(list.notByMoneyAlone.map(notByMoney))) }
      if !list.notSearched.isEmpty { parts.append(messages.frameNotSearched(list.notSearched.map(names.measure))) }
    }
    return parts.joined(separator: "\n\n")
  }

  /// A measure that money alone does not fund, with the partner hours that would, when found.
  private func notByMoney(_ id: MeasureID) -> String {
    let hours = explanation.whatItTakes.first { $0.measure == id }?.hours ?? []
    let funding = hours.filter { if case .funds = $0.finding { true } else { false } }
    let name = measureName(id, linkedTo: measureAddress)
    guard !funding.isEmpty else { return name }
    let text = funding.map {
      messages.hoursFinding(partner: names.partner($0.partner), role: $0.role, finding: messages.finding($0.finding, amount: self.hours))
    }
    return name + " (" + text.joined(separator: "; ") + ")"
  }

  private func shadowPrices(letter: String) -> String {
    let prices = explanation.shadowPrices
    var parts = [
      "## " + messages.appendixHeading(letter: letter, title: messages.shadowPricesHeading),
      messages.shadowPricesIntro(integersFixed: prices.integersFixed),
    ]
    guard prices.status == .optimal else {
      return (parts + [messages.shadowPricesFailed(messages.terminationStatus(prices.status.rawValue))]).joined(separator: "\n\n")
    }
    var table = MarkdownTable(columns: messages.shadowPriceColumns, rightAligned: [1, 2, 3, 4, 5])
    for price in prices.prices {
      // Counted measures are shown per 100 000 kr or per 100 hours, kroner per krone or per hour.
      let count = prices.value == .count
      let name: String
      let amount: (Double) -> String
      let wording: (String, PriorityValue) -> String
      let (scale, decimals): (Double, Int)
      switch price.limit {
      case .frame(let scheme):
        (name, amount, wording) = (messages.frameLimit(names.scheme(scheme)), kroner, messages.framePrice)
        (scale, decimals) = count ? (100_000, 3) : (1, 3)
      case .capacity(let partner, let role):
        (name, amount, wording) = (messages.capacityLimit(partner: names.partner(partner), role: role), hours, messages.hoursPrice)
        (scale, decimals) = count ? (100, 3) : (1, 0)
      }
      let priceText =
        price.perUnit == 0 ? messages.noPrice : wording(names.decimal(price.perUnit * scale, decimals: decimals), prices.value)
      table.add([
        name, amount(price.current), amount(price.used), priceText, price.validFrom.map(amount) ?? messages.noLimit,
        price.validTo.map(amount) ?? messages.noLimit, price.stage.map(messages.stageName) ?? "–",
      ])
    }
    parts.append(table.rendered)
    return parts.joined(separator: "\n\n")
  }
}
