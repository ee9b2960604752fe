import GrantAllocation

/// English, on request (`--lang en`).
struct EnglishMessages: Messages {
  let decimalMark: Character = "."
  let thousandSeparator = ","
  let percentSuffix = "%"

  func documentTitle(year: Int, county: String, title: String?) -> String {
    "Joint annual recommendation \(year) – \(county)"
  }
  let draftNotice =
    "Draft by the forum's secretariat. The figures are computed by dekom and are to be discussed in the forum before the recommendation goes to Statsforvalteren."
  func madeBy(_ provenance: ReportProvenance) -> String {
    "Made with dekom \(provenance.dekomVersion) and \(provenance.solverName)."
  }
  let contentsHeading = "Contents"

  let summaryHeading = "1. Summary per scheme"
  let summaryColumns = [
    "Scheme", "Frame (NOK)", "To development partners (NOK)", "To the networks (NOK)", "Joint measures (NOK)", "Allocated (NOK)",
    "Not allocated (NOK)",
  ]
  func counts(_ counts: [FundingStatus: Int]) -> String {
    "Measures: \(counts[.funded] ?? 0) funded, \(counts[.partlyFunded] ?? 0) partly funded, \(counts[.notFunded] ?? 0) not funded, \(counts[.ineligible] ?? 0) not eligible."
  }
  let total = "Total"

  let networksHeading = "2. Prioritised measures per competence network"
  let jointHeading = "Joint measures"
  let measureColumns = [
    "Scheme", "Rank", "Measure", "Participants", "Duration", "Development partner", "Grant (NOK)", "To partner (NOK)", "Status", "Reason",
  ]
  func fairnessLine(floors: [(scheme: String, keyShare: String, floor: String?, received: String?)]) -> String {
    guard !floors.isEmpty else { return "The network asked for no money." }
    let parts = floors.map { entry in
      var text = "\(entry.scheme): share by the forum's allocation key \(entry.keyShare)"
      if let floor = entry.floor, let received = entry.received { text += ", floor NOK \(floor), received NOK \(received)" }
      return text
    }
    return parts.joined(separator: "; ") + "."
  }
  func paidToHostLine(host: String) -> String { "The network's grant is paid to its host municipality, \(host)." }
  let paidToMembersLine = "The network's grant is paid to each member by the network's own agreement (its cost-sharing key)."
  let noMeasures = "No measures were submitted."

  let partnersHeading = "3. Development partners: hours and money"
  let partnerColumns = [
    "Partner", "Pool: hours", "Pool: capacity", "Pool (NOK)", "Partner 2: hours", "Partner 2: capacity", "Partner 2 (NOK)", "Total (NOK)",
  ]
  let collaborationHeading = "Which school owners work with which partners"
  func partnerRuleBreaches(_ breaches: [(measure: String, partner: String, idle: String)]) -> String {
    "Note: dekom found no allocation within the frames in which every measure has its hours at the partner its network chose first. "
      + breaches.map {
        "\($0.measure) has its hours at \($0.partner), although \($0.idle) comes first in the network's choice and has hours idle"
      }
      .joined(separator: "; ") + "."
  }
  let collaborationColumns = ["Competence network", "Development partners"]

  let ownersHeading = "4. Payments and own contribution"
  func ownersIntro(year: Int) -> String {
    "The own contribution (egenandel) is the scheme's rate of the grant, rounded up to the krone. A measure for one school owner counts to that owner. A network's own cost-sharing key is used only where the network's agreement says it splits the grant or the egenandel, and only among members that joined the agreement and that the scheme serves; otherwise the egenandel stands on the network as a whole."
  }
  let ownerColumns = ["Payer", "Competence network", "Grant (NOK)", "Own contribution (NOK)"]
  func ownKeyLine(network: String, equal: String, size: String, uses: [OwnKeyUse]) -> String {
    let what = uses.map { $0 == .grant ? "the grant" : "the egenandel" }.joined(separator: " and ")
    return "\(network), the network's own agreement: \(equal) equally, \(size) by size (the scheme's measure); splits \(what)."
  }
  func paymentsIntro(date: String) -> String {
    "Statsforvalteren pays the competence networks (their host municipality, or the members where the network's agreement says so), the joint measures' named recipients, and the UH institutions directly for their hours. Payment is on \(date) unless the data give other dates."
  }
  let paymentColumns = ["Recipient", "For", "Date", "Amount (NOK)"]
  let paymentsHeading = "Payments"
  let egenandelHeading = "Own contribution (egenandel)"
  func networkAsWhole(_ network: String) -> String { "\(network) (the network as a whole)" }
  let forumBudget = "The forum's own budget (secretariat)"
  func networkPurpose(_ network: String) -> String { "Competence network \(network)" }
  func jointPurpose(_ measure: String) -> String { "Joint measure: \(measure)" }
  func partnerPurpose(_ role: String) -> String { "Hours as \(role)" }
  func date(_ iso: String) -> String { iso }
  func sizeMeasure(_ measure: SizeMeasure) -> String {
    switch measure {
    case .pupils: "pupils"
    case .teacherFTE: "teacher FTE"
    case .kindergartenChildren: "kindergarten children"
    case .kindergartenStaff: "kindergarten staff"
    case .pupilsAndKindergartenChildren: "pupils and kindergarten children"
    }
  }

  let criteriaHeading = "5. Criteria"
  let criteriaIntro = "✓ = met, ✗ = not met, – = does not apply to the scheme. A measure that does not meet every criterion gets no money."
  func criterion(_ criterion: Criterion) -> String {
    switch criterion {
    case .schoolBased: "school- or workplace-based"
    case .collective: "collective competence development"
    case .inLocalPlan: "meets a local need and is in the network's long-term plan"
    case .developmentPartner: "a university (or Statped) is development partner"
    case .broadTargetGroup: "broad target group: everyone around the pupils"
    case .notIndividualEducation: "not individual further education"
    }
  }
  func criterionShort(_ criterion: Criterion) -> String {
    switch criterion {
    case .schoolBased: "School-based"
    case .collective: "Collective"
    case .inLocalPlan: "Local plan"
    case .developmentPartner: "UH partner"
    case .broadTargetGroup: "Broad target group"
    case .notIndividualEducation: "Not individual"
    }
  }
  let measureColumn = "Measure"

  var methodTitle: String { "How it was computed" }
  func appendixHeading(letter: String, title: String) -> String { "Appendix \(letter). \(title)" }
  func policyLines(_ policy: Policy, keyEqual: String, keyPupils: String, sizes: String, stability: Bool, plan: Bool) -> [String] {
    let weighting: String
    switch policy.weighting {
    case .strictTiers: weighting = "strict tiers: every list's first priority before anyone's second, and so on"
    case .decay(let factor): weighting = "decaying weight: rank r weighs \(factor) to the power (r − 1)"
    }
    let value = policy.value == .count ? "each measure counts the same" : "each measure counts its cost"
    return [
      "Floor per network: \(Int((policy.fairnessFloor * 100).rounded()))% of the network's share of each frame (or all it asks, if less). Allocation key: \(keyEqual) equally among the networks the scheme serves, \(keyPupils) by size (\(sizes)).",
      "Priorities: \(weighting); \(value).",
      "Order of optimisation: 1) least shortfall below the floors, 2) most priority value"
        + (plan
          ? " (in a long-term plan first for the first year, then as little as possible beyond the forecasts, then for later years)" : "")
        + (stability ? ", 3) closest to the reference (last year's allocation, or the base for a variant), 4)" : ", 3)")
        + " a fixed rule for ties (scheme, list, rank, id; then the network's preferred partner).",
    ]
  }
  func solveLine(status: String, solver: String) -> String { "Solution: \(status) (\(solver))." }
  func stageLine(name: String, status: String, value: String) -> String { "\(name): \(status), value \(value)" }
  func modelSizeLine(_ size: ModelSize) -> String {
    "The model has \(size.variables) variables (\(size.integerVariables) integer), \(size.constraints) constraints and \(size.stages) stages."
  }

  func parametersLine(timeLimit: String, stageTolerance: String, mipGap: String) -> String {
    "Settings: time limit \(timeLimit) s, tolerance between stages \(stageTolerance), MIP gap \(mipGap)."
  }
  let inputFilesLine = "Input (SHA-256), so that the computation can be repeated and checked:"
  func gapLine(_ gap: String) -> String { "proven gap to the best possible: \(gap)" }

  func compareTitle(year: Int, county: String) -> String { "Scenario comparison \(year) – \(county)" }
  let compareIntro =
    "Each variant is solved on its own and compared with the base scenario. Among equally good allocations the one closest to the base is chosen, so a variant changes only what it must. The tables list only the measures and school owners that change."
  let compareOverviewHeading = "Overview"
  let compareOverviewColumns = [
    "Scenario", "What", "Allocated (NOK)", "Funded", "Partly", "Not funded", "Not eligible", "Measures changed",
  ]
  let baseName = "Base scenario"
  func variantHeading(name: String, title: String) -> String { "Variant \(name): \(title)" }
  func basedOn(_ name: String) -> String { "Builds on the variant \(name)." }
  let compareSchemeColumns = [
    "Scheme", "Frame (NOK)", "Frame in the variant (NOK)", "Allocated (NOK)", "Allocated in the variant (NOK)", "Change (NOK)",
  ]
  let measureChangesHeading = "Measures that change"
  let measureChangeColumns = [
    "Measure", "List", "Status", "Status in the variant", "Money (NOK)", "Money in the variant (NOK)", "Change (NOK)",
  ]
  let networkTotalsHeading = "Money per network and scheme"
  func networkTotalsIntro(comparedWithBase: Bool) -> String {
    "Grants and development partner money for each list's measures, per scheme."
      + (comparedWithBase ? " The change is from the base scenario." : "")
  }
  let listColumn = "List"
  func moneyColumn(scheme: String) -> String { "\(scheme) (NOK)" }
  let sumColumn = "Total (NOK)"
  let changeColumn = "Change (NOK)"
  let holderTotalsHeading = "Money per network"
  let holderTotalsColumns = ["List", "Money (NOK)", "Money in the variant (NOK)", "Change (NOK)"]
  let ownerChangesHeading = "School owners whose grant changes"
  let ownerChangeColumns = ["School owner", "Grant (NOK)", "Grant in the variant (NOK)", "Change (NOK)"]
  let noChanges = "No changes."
  func variantFailed(_ why: String) -> String { "The variant could not be solved: \(why)" }

  let chartLabels = ChartLabels(
    moneyPerScheme: "Money per scheme: allocated against frame", moneyPerNetwork: "Money per competence network against its key share",
    partnerHours: "Development partners' hours: used against capacity", frame: "Frame", allocated: "Allocated",
    keyShare: "Share of the frames by the key", received: "Allocated to the network's measures", capacity: "Capacity", used: "Used",
    allocatedPerScenario: "Allocated per scenario against the frames")
  let currencySuffix = "NOK"

  func status(_ status: FundingStatus, share: String) -> String {
    switch status {
    case .funded: "funded"
    case .partlyFunded: "partly funded (\(share))"
    case .notFunded: "not funded"
    case .ineligible: "not eligible"
    }
  }
  func terminationStatus(_ status: String) -> String {
    switch status {
    case "time_limit_without_solution": "time limit reached without a solution"
    case "feasible": "feasible, optimality not proven"
    case "infeasible": "no valid allocation"
    default: status
    }
  }
  func role(_ role: PartnerRole) -> String { role == .pool ? "pool" : "partner 2" }
  func hoursOfCapacity(used: String, capacity: String) -> String { "\(used) / \(capacity) h" }
  func roleHours(_ role: PartnerRole, hours: String) -> String { "\(hours) h \(self.role(role))" }
  func months(_ months: Int, start: String?) -> String {
    "\(months) months" + (start.map { " from \($0)" } ?? "")
  }
  func reason(_ reason: Reason, names: NameBook) -> String {
    switch reason {
    case .failsCriteria(let criteria): "Does not meet: " + criteria.map { criterion($0) }.joined(separator: "; ") + "."
    case .continuingCommitment: "Continues a commitment from earlier years."
    case .lockedByForum(.full): "Locked by the forum: funded in full."
    case .lockedByForum(.atLeast(let share)): "Locked by the forum: funded at least \(names.percent(share))."
    case .lockedByForum(.none): "Locked by the forum: not funded."
    case .fundedByPriority: "Within the frame in priority order."
    case .frameSpent(let scheme, let left, let needed, .whole):
      "The frame of \(names.scheme(scheme)) is spent (NOK \(names.kroner(left)) left; the whole measure needs NOK \(names.kroner(needed)))."
    case .frameSpent(let scheme, let left, let needed, .rest):
      "The frame of \(names.scheme(scheme)) is spent (NOK \(names.kroner(left)) left; the rest of the measure needs NOK \(names.kroner(needed)))."
    case .frameSpent(let scheme, let left, let needed, .smallestShare(let share)):
      "The frame of \(names.scheme(scheme)) is spent (NOK \(names.kroner(left)) left; its smallest share, \(names.percent(share)), needs NOK \(names.kroner(needed)))."
    case .smallestShareDoesNotFit(let share, let left, let needed):
      "The smallest viable share (\(names.percent(share))) costs NOK \(names.kroner(needed)); only NOK \(names.kroner(left)) is left."
    case .partnerHoursUsed(let partner, let role, let left, let needed):
      "\(names.partner(partner)) lacks \(self.role(role)) hours (\(names.wholeHours(left, up: false)) left, \(names.wholeHours(needed, up: true)) needed)."
    case .noPartnerInRole(let role): "No acceptable partner has \(self.role(role)) hours."
    case .higherPriorityNotFullyFunded(let measure):
      "A higher priority on the same list (\(names.measure(measure))) is not fully funded."
    case .fairnessFloorOfOthers(let networks):
      "The fairness floor of \(networks.map { names.network($0) }.joined(separator: ", ")) comes first: without the floors this measure would get more."
    case .betterUseElsewhere: "The money and hours give more under the forum's rules in other measures."
    case .laterYearFrameSpent(let scheme, let year, let left, let needed):
      "The measure also runs in \(year), and the frame of \(names.scheme(scheme)) in \(year) is taken (NOK \(names.kroner(left)) left, NOK \(names.kroner(needed)) needed)."
    }
  }
  func partnerHoursShort(partner: String, roles: [(role: PartnerRole, left: String, needed: String)]) -> String {
    "\(partner) lacks hours (" + roles.map { "\(role($0.role)): \($0.left) left, \($0.needed) needed" }.joined(separator: "; ") + ")."
  }
  func bothBind(_ first: String, _ second: String) -> String {
    // The second clause goes on the sentence: its own capital goes, unless it starts with a name.
    let clause = second.hasPrefix("None ") ? second.prefix(1).lowercased() + second.dropFirst() : second
    return (first.hasSuffix(".") ? String(first.dropLast()) : first) + ", and " + clause
  }
  func partnersHoursShort(partners: [String]) -> String {
    "None of the acceptable partners (\(partners.joined(separator: ", "))) has enough hours left."
  }
  func stageName(_ name: String) -> String {
    if name.hasPrefix("priority rank ") { return "Priority \(name.dropFirst("priority rank ".count))" }
    if name == "stability" { return "Stability: closest to the reference (the base for a variant, else last year's allocation)" }
    return name.prefix(1).uppercased() + name.dropFirst()
  }
}
