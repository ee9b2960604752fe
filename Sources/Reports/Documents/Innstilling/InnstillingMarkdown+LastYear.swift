import GrantAllocation

extension InnstillingMarkdown {
  /// Each payer's grant this year beside last year's (when the scenario names last year's
  /// allocation): the rows of the egenandel table, then anyone paid last year who is not in this
  /// year's scenario, so that no krone of last year goes unshown.
  func lastYearChange() -> String {
    guard let lastYear = scenario.lastYear else { return "" }
    var table = MarkdownTable(columns: messages.lastYearColumns, rightAligned: [2, 3, 4])
    var totals = [0.0, 0.0]
    func add(_ payer: String, _ network: String, last: Double, now: Double) {
      guard last != 0 || now != 0 else { return }
      totals[0] += last.rounded()
      totals[1] += now
      table.add([payer, network, names.kroner(last.rounded()), names.kroner(now), names.signedKroner(now - last.rounded())])
    }
    for network in scenario.networks {
      add(
        messages.networkAsWhole(names.network(network.id)), names.network(network.id), last: lastYear.networkGrants[network.id] ?? 0,
        now: Double(settlement.networkPayment(network.id)?.grant ?? 0))
      for owner in scenario.members(of: network.id) {
        add(
          names.owner(owner.id), names.network(network.id), last: lastYear.ownerGrants[owner.id] ?? 0,
          now: Double(settlement.payment(owner.id)?.grant ?? 0))
      }
    }
    for (network, grant) in lastYear.networkGrants.sorted(by: { $0.key < $1.key }) where scenario.network(network) == nil {
      add(messages.notThisYear(names.text(network.rawValue)), "", last: grant, now: 0)
    }
    for (owner, grant) in lastYear.ownerGrants.sorted(by: { $0.key < $1.key }) where scenario.owner(owner) == nil {
      add(messages.notThisYear(names.text(owner.rawValue)), "", last: grant, now: 0)
    }
    table.add(
      [
        "**\(messages.total)**", "", "**\(names.kroner(totals[0]))**", "**\(names.kroner(totals[1]))**",
        "**\(names.signedKroner(totals[1] - totals[0]))**",
      ])
    return [
      "### " + messages.lastYearHeading,
      messages.lastYearIntro(
        // Shown as code, as it is: the loader allows only letters, digits, spaces, `.`, `_`, `-` and `/`.
        file: lastYear.file, year: lastYear.year,
        stayedClose: !result.reference.isEmpty && result.reference == scenario.lastYearReference), table.rendered,
    ].joined(separator: "\n\n")
  }
}
