import GrantAllocation

/// The draft joint annual recommendation (*felles årlig innstilling*) as Markdown.
public struct InnstillingMarkdown: ReportRenderer {
  let input: ReportInput
  /// What a page of `dekom serve` adds; `nil` for the files.
  let page: InnstillingPageAdditions?
  let anchors: InnstillingAnchors

  /// - Parameters:
  ///   - input: what the document shows.
  ///   - page: what a page of `dekom serve` adds (links, the money per network and scheme); `nil`
  ///     for the files, whose bytes it leaves as they are.
  public init(_ input: ReportInput, page: InnstillingPageAdditions? = nil) {
    self.input = input
    self.page = page
    self.anchors = InnstillingAnchors(input.scenario)
  }

  /// The whole document, ending in a newline.
  public func render() -> String {
    let explanation = input.explanation.map {
      ExplanationMarkdown(input: input, explanation: $0, measureAddress: page?.measureAddress)
    }
    var sections: [(section: InnstillingAnchors.Section, markdown: String)] = [
      (.summary, summary()), (.networks, networks()), (.partners, partners()), (.payments, owners()), (.criteria, criteria()),
    ]
    sections += explanation?.sections() ?? []
    if let commitments = input.planCommitments {
      let number = 6 + (input.explanation == nil ? 0 : ExplanationMarkdown.sectionCount)
      sections.append((.commitments, commitments.section(number: number, language: input.language, names: names)))
    }
    // The solver's words (shadow prices, stages, gaps, settings) go to appendices at the end, for
    // the technically curious; the body is what the forum decides on.
    if let explanation { sections.append((.shadowPrices, explanation.appendix(letter: "A"))) }
    sections.append((.method, method(letter: explanation == nil ? "A" : "B")))
    sections.removeAll(where: \.markdown.isEmpty)
    // Each section after the anchor its entry in the contents links to.
    let body = sections.map { anchorMarkdown($0.section.rawValue) + "\n\n" + $0.markdown }
    return ([header(), contents(sections)] + body).joined(separator: "\n\n") + "\n"
  }

  /// The table of contents: a link to each section (its heading as it stands), and in the
  /// networks' entry a link to each network's measures.
  private func contents(_ sections: [(section: InnstillingAnchors.Section, markdown: String)]) -> String {
    let entries = sections.map { section, markdown in
      let heading = markdown.prefix { $0 != "\n" }.dropFirst("## ".count)
      var entry = "- [\(markdownLinkText(String(heading)))](#\(section.rawValue))"
      if section == .networks {
        var links = scenario.networks.map { "[\(markdownLinkText(names.network($0.id)))](#\(anchors.network($0.id)))" }
        if !(scenario.measureIndicesByHolder[.joint] ?? []).isEmpty {
          links.append("[\(markdownLinkText(messages.jointHeading))](#\(InnstillingAnchors.Section.joint.rawValue))")
        }
        entry += ": " + links.joined(separator: ", ")
      }
      return entry
    }
    return [
      anchorMarkdown(InnstillingAnchors.Section.contents.rawValue), "**\(messages.contentsHeading)**", entries.joined(separator: "\n"),
    ].joined(separator: "\n\n")
  }

  private func header() -> String {
    var lines = ["# " + messages.documentTitle(year: scenario.year, county: scenario.county, title: scenario.title).markdownEscaped, ""]
    if let note = scenario.note { lines += ["> " + names.text(note.replacingOccurrences(of: "\n", with: " ")), ""] }
    lines += [messages.draftNotice + " " + messages.madeBy(provenance)]
    return lines.joined(separator: "\n")
  }

  private func summary() -> String {
    var table = MarkdownTable(columns: messages.summaryColumns, rightAligned: Set(1...6))
    for money in settlement.schemes {
      table.add(
        [names.scheme(money.scheme)]
          + [money.frame, money.toPartners, money.toNetworks, money.toJointMeasures, money.allocated, money.left].map(names.kroner))
    }
    let totals = [\Settlement.SchemeMoney.frame, \.toPartners, \.toNetworks, \.toJointMeasures, \.allocated, \.left].map { path in
      settlement.schemes.reduce(0) { $0 + $1[keyPath: path] }
    }
    table.add(["**\(messages.total)**"] + totals.map { "**\(names.kroner($0))**" })
    let counts = Dictionary(grouping: result.outcomes, by: \.status).mapValues(\.count)
    var parts = ["## " + messages.summaryHeading, table.rendered, messages.counts(counts)]
    if let page { parts += networkTotals(base: page.base) }
    return parts.joined(separator: "\n\n")
  }

  /// The money of each list's measures (grant and partner money) per scheme, with a total per list
  /// and per scheme; against `base` (a variant's base) with the change beside each amount.
  private func networkTotals(base: ReportInput?) -> [String] {
    let schemes = scenario.schemes.map(\.id)
    // The networks in `scenario.yaml` order, then the joint measures (as in section 2) when there are any.
    let hasJoint = ([input] + (base.map { [$0] } ?? [])).contains { $0.scenario.measures.contains { $0.holder == .joint } }
    let holders = scenario.networks.map { MeasureHolder.network($0.id) } + (hasJoint ? [.joint] : [])
    func money(_ input: ReportInput, _ holder: MeasureHolder, _ scheme: SchemeID?) -> Int {
      zip(input.scenario.measures, input.settlement.measures).reduce(0) { sum, pair in
        pair.0.holder == holder && (scheme == nil || pair.0.scheme == scheme) ? sum + pair.1.total : sum
      }
    }
    let columnSchemes: [SchemeID?] = schemes.map(Optional.some) + [nil]
    var columns = [messages.listColumn]
    for scheme in columnSchemes {
      columns.append(scheme.map { messages.moneyColumn(scheme: names.scheme($0)) } ?? messages.sumColumn)
      if base != nil { columns.append(messages.changeColumn) }
    }
    var table = MarkdownTable(columns: columns, rightAligned: Set(1..<columns.count))
    var totals = [Int](repeating: 0, count: columnSchemes.count)
    var baseTotals = totals
    func cells(_ amounts: [Int], _ baseAmounts: [Int]) -> [String] {
      zip(amounts, baseAmounts).flatMap { amount, baseAmount in
        [names.kroner(amount)] + (base == nil ? [] : [signed(amount - baseAmount)])
      }
    }
    for holder in holders {
      let amounts = columnSchemes.map { money(input, holder, $0) }
      let baseAmounts = columnSchemes.map { scheme in base.map { money($0, holder, scheme) } ?? 0 }
      for position in totals.indices {
        totals[position] += amounts[position]
        baseTotals[position] += baseAmounts[position]
      }
      table.add([names.holder(holder)] + cells(amounts, baseAmounts))
    }
    table.add(["**\(messages.total)**"] + cells(totals, baseTotals).map { "**\($0)**" })
    return ["### " + messages.networkTotalsHeading, messages.networkTotalsIntro(comparedWithBase: base != nil), table.rendered]
  }

  /// `+1 500`, `−1 500` or `0`.
  private func signed(_ amount: Int) -> String { amount > 0 ? "+" + names.kroner(amount) : names.kroner(amount) }

  private func networks() -> String {
    var parts = ["## " + messages.networksHeading]
    let keyShares = Dictionary(uniqueKeysWithValues: scenario.schemes.map { ($0.id, scenario.networkKeyShares(scheme: $0)) })
    let byHolder = scenario.measureIndicesByHolder
    for network in scenario.networks {
      let indices = byHolder[.network(network.id)] ?? []
      // The key share and floor per scheme the network asks money from.
      let asked = Set(indices.map { scenario.measures[$0].scheme })
      let floors = scenario.schemes.filter { asked.contains($0.id) }.map { scheme in
        let fairness = result.fairness.first { $0.network == network.id && $0.scheme == scheme.id }
        return (
          scheme: names.scheme(scheme.id), keyShare: names.percent(keyShares[scheme.id]?[network.id] ?? 0),
          floor: fairness.map { names.kroner($0.floor) }, received: fairness.map { names.kroner($0.received) }
        )
      }
      parts.append(anchorMarkdown(anchors.network(network.id)))
      parts.append("### " + names.network(network.id))
      parts.append(messages.fairnessLine(floors: floors))
      parts.append(recipientLine(network))
      parts.append(measureTable(indices))
    }
    let joint = byHolder[.joint] ?? []
    if !joint.isEmpty {
      parts.append(anchorMarkdown(InnstillingAnchors.Section.joint.rawValue))
      parts.append("### " + messages.jointHeading)
      parts.append(measureTable(joint))
    }
    return parts.joined(separator: "\n\n")
  }

  /// Who receives the network's money: its host, or each joined member by the network's own key.
  private func recipientLine(_ network: Network) -> String {
    if network.splitsByOwnKey(.grant) { return messages.paidToMembersLine }
    let host = scenario.host(of: network).map { names.owner($0) } ?? "–"
    return messages.paidToHostLine(host: host)
  }

  /// One row per measure, sorted by scheme order and rank, with a total row.
  private func measureTable(_ indices: [MeasureIndex]) -> String {
    guard !indices.isEmpty else { return messages.noMeasures }
    let sorted = scenario.reportOrder(indices)
    var table = MarkdownTable(columns: messages.measureColumns, rightAligned: [1, 3, 6, 7])
    var grantTotal = 0
    var partnerTotal = 0
    for index in sorted {
      let measure = scenario.measures[index]
      let outcome = result.outcomes[index]
      let money = settlement.measures[index]
      let partnerMoney = money.partners.reduce(0) { $0 + $1.money }
      grantTotal += money.grant
      partnerTotal += partnerMoney
      table.add([
        names.scheme(measure.scheme), String(measure.rank),
        anchorMarkdown(anchors.measure(measure.id)) + measureName(measure.id, linkedTo: page?.measureAddress),
        measure.participants.map(String.init) ?? "–",
        measure.durationMonths.map { messages.months($0, start: measure.start) } ?? (measure.start ?? "–"),
        partnerText(measure, money), names.kroner(money.grant), names.kroner(partnerMoney),
        messages.status(outcome.status, share: names.percent(outcome.share)),
        ShortReason(messages: messages, names: names).text(outcome.reasons),
      ])
    }
    table.add(["**\(messages.total)**", "", "", "", "", "", "**\(names.kroner(grantTotal))**", "**\(names.kroner(partnerTotal))**", "", ""])
    return table.rendered
  }

  /// The partners that got hours, with whole hours per role; or the acceptable ones in parentheses.
  private func partnerText(_ measure: Measure, _ money: Settlement.MeasureMoney) -> String {
    guard !money.partners.isEmpty else {
      let wanted = measure.acceptablePartners.map(names.partner)
      return wanted.isEmpty ? "–" : "(" + wanted.joined(separator: ", ") + ")"
    }
    let byPartner = Dictionary(grouping: money.partners, by: \.partner)
    return byPartner.sorted(by: { $0.key < $1.key }).map { partner, lines in
      let roles = lines.sorted { $0.role < $1.role }.map { messages.roleHours($0.role, hours: names.kroner($0.wholeHours)) }
      return "\(names.partner(partner)): " + roles.joined(separator: ", ")
    }.joined(separator: "; ")
  }

  private func partners() -> String {
    var table = MarkdownTable(columns: messages.partnerColumns, rightAligned: Set(1...7))
    var totals = [Double](repeating: 0, count: 7)
    for money in settlement.partners {
      let values: [Double] = [
        Double(money.wholeHours[.pool] ?? 0), money.capacity[.pool] ?? 0, Double(money.money[.pool] ?? 0),
        Double(money.wholeHours[.partner2] ?? 0), money.capacity[.partner2] ?? 0, Double(money.money[.partner2] ?? 0),
        Double(money.total),
      ]
      for (position, value) in values.enumerated() { totals[position] += value }
      table.add([names.partner(money.partner)] + formatPartnerRow(values))
    }
    table.add(["**\(messages.total)**"] + formatPartnerRow(totals).map { "**\($0)**" })
    var collaboration = MarkdownTable(columns: messages.collaborationColumns)
    let byHolder = scenario.measureIndicesByHolder
    for network in scenario.networks {
      let partnerIDs = Set(
        (byHolder[.network(network.id)] ?? [])
          .flatMap { result.outcomes[$0].partners.map(\.partner) })
      collaboration.add([
        names.network(network.id), partnerIDs.isEmpty ? "–" : partnerIDs.sorted().map(names.partner).joined(separator: ", "),
      ])
    }
    // Where no allocation that follows the network's choice of partner fits the frames, the draft
    // says which measures' hours are not at the partner the network chose.
    let breaches = (result.partnerRule?.breaches ?? []).map {
      (measure: names.measure($0.measure), partner: names.partner($0.partner), idle: names.partner($0.idlePartner))
    }
    let note = breaches.isEmpty ? [] : ["> " + messages.partnerRuleBreaches(breaches)]
    return (["## " + messages.partnersHeading, table.rendered] + note + ["### " + messages.collaborationHeading, collaboration.rendered])
      .joined(separator: "\n\n")
  }

  private func formatPartnerRow(_ values: [Double]) -> [String] {
    values.enumerated().map { position, value in
      [2, 5, 6].contains(position) ? names.kroner(Int(value)) : names.hours(value)
    }
  }

  /// Every payment (recipient, purpose, scheme, date, amount) with a total per scheme, then each
  /// payer's egenandel.
  private func owners() -> String {
    // One table per scheme, whose total is the money the scheme allocates.
    var paymentTables: [String] = []
    for scheme in scenario.schemes {
      let rows = settlement.payments.filter { $0.scheme == scheme.id }
      guard !rows.isEmpty else { continue }
      var table = MarkdownTable(columns: messages.paymentColumns, rightAligned: [3])
      for payment in rows {
        table.add([
          names.recipient(payment.recipient), names.purpose(payment.purpose), messages.date(payment.date), names.kroner(payment.amount),
        ])
      }
      table.add(["**\(messages.total)**", "", "", "**\(names.kroner(rows.reduce(0) { $0 + $1.amount }))**"])
      paymentTables.append("#### " + names.scheme(scheme.id) + "\n\n" + table.rendered)
    }

    var egenandel = MarkdownTable(columns: messages.ownerColumns, rightAligned: [2, 3])
    var totals = [0, 0]
    func add(_ payer: String, _ network: String, _ grant: Int, _ charged: Int) {
      guard grant != 0 || charged != 0 else { return }
      totals[0] += grant
      totals[1] += charged
      egenandel.add([payer, network, names.kroner(grant), names.kroner(charged)])
    }
    for network in scenario.networks {
      if let share = settlement.networkPayment(network.id) {
        add(messages.networkAsWhole(names.network(network.id)), names.network(network.id), share.grant, share.egenandel)
      }
      for owner in scenario.members(of: network.id) {
        guard let payment = settlement.payment(owner.id) else { continue }
        add(names.owner(owner.id), names.network(network.id), payment.grant, payment.egenandel)
      }
    }
    egenandel.add(["**\(messages.total)**", ""] + totals.map { "**\(names.kroner($0))**" })
    let keys = scenario.networks.compactMap { network -> String? in
      guard let key = network.ownKey, !network.ownKeyUses.isEmpty else { return nil }
      return "- "
        + messages.ownKeyLine(
          network: names.network(network.id), equal: names.percent(key.equal), size: names.percent(key.pupils),
          uses: network.ownKeyUses.sorted())
    }
    var parts =
      [
        "## " + messages.ownersHeading,
        messages.paymentsIntro(date: messages.date(PaymentSchedule.endOfJune(scenario.year).instalments[0].date)),
        "### " + messages.paymentsHeading,
      ] + paymentTables + [
        "### " + messages.egenandelHeading, messages.ownersIntro(year: scenario.year), egenandel.rendered,
      ]
    if !keys.isEmpty { parts.append(keys.joined(separator: "\n")) }
    let change = lastYearChange()
    if !change.isEmpty { parts.append(change) }
    return parts.joined(separator: "\n\n")
  }

  private func criteria() -> String {
    var table = MarkdownTable(columns: [messages.measureColumn] + Criterion.allCases.map(messages.criterionShort))
    for measure in scenario.measures {
      guard let scheme = scenario.scheme(measure.scheme) else { continue }
      let failed = Set(measure.failedCriteria(under: scheme))
      let marks = Criterion.allCases.map { criterion -> String in
        if criterion == .broadTargetGroup && !scheme.requiresBroadTargetGroup { return "–" }
        return failed.contains(criterion) ? "✗" : "✓"
      }
      table.add([names.measure(measure.id)] + marks)
    }
    return ["## " + messages.criteriaHeading, messages.criteriaIntro, table.rendered].joined(separator: "\n\n")
  }

  private func method(letter: String) -> String {
    let policy = scenario.policy
    var lines = messages.policyLines(
      policy, keyEqual: names.percent(policy.fairnessKey.equal), keyPupils: names.percent(policy.fairnessKey.pupils),
      sizes: scenario.schemes.map { "\(names.scheme($0.id)): \(messages.sizeMeasure($0.sizeMeasure))" }.joined(separator: "; "),
      stability: result.stages.contains { $0.name == "stability" },
      plan: result.stages.contains { $0.name == "conditional on forecasts" }
    ).map { "- " + $0 }
    lines.append("- " + messages.solveLine(status: messages.terminationStatus(result.status.rawValue), solver: result.solverName))
    for stage in result.stages {
      let value = stage.objectiveValue.map { names.decimal($0, decimals: 4) } ?? "–"
      var line =
        "  - "
        + messages.stageLine(
          name: messages.stageName(stage.name), status: messages.terminationStatus(stage.status.rawValue), value: value)
      // An optimum within a relative MIP gap above 0 shows its gap too.
      // An optimum's published value may differ from its proof in the 9th digit (the kroner are
      // settled after the solve): only a gap above that noise is shown.
      if let gap = stage.relativeGap, stage.status != .optimal || gap > 1e-7 { line += "; " + messages.gapLine(names.percent(gap)) }
      lines.append(line)
    }
    lines.append("- " + messages.modelSizeLine(result.modelSize))
    let parameters = result.parameters
    lines.append(
      "- "
        + messages.parametersLine(
          timeLimit: names.hours(parameters.timeLimitSeconds), stageTolerance: "\(parameters.stageTolerance)",
          mipGap: AllocationJSON.plain(parameters.relativeMIPGap)))
    if !scenario.inputFiles.isEmpty {
      lines.append("- " + messages.inputFilesLine)
      lines += scenario.inputFiles.map { "  - `\($0.name)`: `\($0.sha256)`" }
    }
    return ["## " + messages.appendixHeading(letter: letter, title: messages.methodTitle), lines.joined(separator: "\n")].joined(
      separator: "\n\n")
  }
}

/// What a page of `dekom serve` adds to the innstilling: each measure's name links to its own page,
/// and the summary shows the money per network and scheme (against the base on a variant's page).
public struct InnstillingPageAdditions {
  /// The address of a measure's page (percent-encoded; what is not is encoded once more).
  public var measureAddress: (MeasureID) -> String
  /// The allocation the page's is compared with (a variant's base); `nil` on the base's own page.
  public var base: ReportInput?

  public init(measureAddress: @escaping (MeasureID) -> String, base: ReportInput? = nil) {
    self.measureAddress = measureAddress
    self.base = base
  }
}
