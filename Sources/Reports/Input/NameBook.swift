import GrantAllocation

/// Looks up printed names and formats numbers for one report.
/// How a report writes names (from their ids) and numbers (kroner, hours, shares) in its language.
///
/// Every name comes from the scenario's files: in a Markdown document (``escapesMarkdown``) it is
/// escaped, so that no name becomes markup (`<script>`, a `javascript:` link; a table escapes `|` itself).
public struct NameBook {
  let scenario: Scenario
  let messages: any Messages
  /// Whether names are escaped for a Markdown document (and so for its HTML).
  let escapesMarkdown: Bool

  init(scenario: Scenario, messages: any Messages, escapesMarkdown: Bool = false) {
    self.scenario = scenario
    self.messages = messages
    self.escapesMarkdown = escapesMarkdown
  }

  /// The same names for a Markdown document.
  var forMarkdown: NameBook { NameBook(scenario: scenario, messages: messages, escapesMarkdown: true) }

  /// Text from an input file, as this book writes it (escaped in a Markdown document).
  public func text(_ raw: String) -> String { escapesMarkdown ? raw.markdownEscaped : raw }

  public func scheme(_ id: SchemeID) -> String { text(scenario.scheme(id)?.name ?? id.rawValue) }
  public func partner(_ id: PartnerID) -> String { text(scenario.partner(id)?.name ?? id.rawValue) }
  public func network(_ id: NetworkID) -> String { text(scenario.network(id)?.name ?? id.rawValue) }
  public func owner(_ id: OwnerID) -> String { text(scenario.owner(id)?.name ?? id.rawValue) }
  /// A network's name, or the joint measures' heading.
  public func holder(_ holder: MeasureHolder) -> String {
    switch holder {
    case .joint: messages.jointHeading
    case .network(let id): network(id)
    }
  }
  public func measure(_ id: MeasureID) -> String {
    guard let measure = scenario.measure(id) else { return text(id.rawValue) }
    return text("\(measure.title) (\(id))")
  }

  /// Who receives a payment: an owner's or a partner's name, or the forum's own budget.
  public func recipient(_ recipient: Recipient) -> String {
    switch recipient {
    case .owner(let id): owner(id)
    case .partner(let id): partner(id)
    case .forum: messages.forumBudget
    }
  }

  /// What a payment is for: a network, a joint measure, or a partner's hours in a role.
  public func purpose(_ purpose: Settlement.Purpose) -> String {
    switch purpose {
    case .network(let id): messages.networkPurpose(network(id))
    case .jointMeasure(let id): messages.jointPurpose(measure(id))
    case .partnerHours(let role): messages.partnerPurpose(messages.role(role))
    }
  }

  /// Whole kroner with thousand separators: `1 234 567` (nb) or `1,234,567` (en).
  public func kroner(_ amount: Int) -> String {
    let digits = String(abs(amount))
    var grouped = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += messages.thousandSeparator }
      grouped.append(digit)
    }
    return (amount < 0 ? "−" : "") + grouped
  }

  /// Whole kroner with a sign: `+1 500`, `−700`, `0`.
  public func signedKroner(_ amount: Double) -> String {
    let whole = Int(amount.rounded(.toNearestOrAwayFromZero))
    return whole > 0 ? "+" + kroner(whole) : kroner(whole)
  }
  /// Exact NOK, rounded to whole kroner for a sentence.
  public func kroner(_ amount: Double) -> String { kroner(Int(amount.rounded(.toNearestOrAwayFromZero))) }

  /// A number with `decimals` decimals and the language's decimal mark.
  public func decimal(_ value: Double, decimals: Int) -> String {
    let scale = pow10(decimals)
    let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    let whole = Int(rounded.rounded(.towardZero))
    var text = kroner(whole)
    if rounded < 0 && whole == 0 { text = "−" + text }
    guard decimals > 0 else { return text }
    let fraction = Int((abs(rounded - Double(whole)) * scale).rounded())
    let padded = String(fraction).leftPadded(to: decimals)
    return text + String(messages.decimalMark) + padded
  }

  /// Whole hours, rounded `up` or down, for sentences that compare what is left with what is
  /// needed (a left that is rounded down stays below a need that is rounded up).
  public func wholeHours(_ value: Double, up: Bool) -> String {
    // Solver noise (a need of 7.0000001 hours) is not an hour more.
    let cleaned = (value * 1e6).rounded() / 1e6
    let whole = up ? cleaned.rounded(.up) : cleaned.rounded(.down)
    // Hours come from validated capacities and measures (at most 10⁷); anything else is shown as is.
    guard whole.isFinite, abs(whole) < 1e15 else { return decimal(value, decimals: 1) }
    return kroner(Int(whole))
  }

  /// Hours with one decimal, trailing `,0` dropped.
  public func hours(_ value: Double) -> String {
    let text = decimal(value, decimals: 1)
    return text.hasSuffix("\(messages.decimalMark)0") ? String(text.dropLast(2)) : text
  }

  /// A share as a percentage: `37,5 %` / `37.5%`.
  /// A share as a percentage with one decimal; a share below 1 that would read "100 %" gets as
  /// many decimals as it takes to show it is below (a measure a krone short is not funded in full).
  public func percent(_ share: Double) -> String {
    var decimals = 1
    var text = decimal(share * 100, decimals: decimals)
    while share < 1 && decimals < 6 && text == decimal(100, decimals: decimals) {
      decimals += 1
      text = decimal(share * 100, decimals: decimals)
    }
    let trimmed = decimals == 1 && text.hasSuffix("\(messages.decimalMark)0") ? String(text.dropLast(2)) : text
    return trimmed + messages.percentSuffix
  }

  private func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}

extension String {
  func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: "0", count: length - count) + self
  }
}
