import GrantAllocation
import Reports
import ScenarioFormat
import Variants

private typealias Keys = ScenarioSchema.Variant

/// The names of the what-if form's fields. Each is the key path a variant file uses for the same
/// change (`frames.rekom.factor`), so a message about a key of the variant lands next to its field.
public enum WhatIfField {
  public static func frame(_ scheme: SchemeID) -> String { "\(Keys.frames).\(scheme.rawValue).\(Keys.Frame.frameNOK)" }
  public static func factor(_ scheme: SchemeID) -> String { "\(Keys.frames).\(scheme.rawValue).\(Keys.Frame.factor)" }
  public static func hours(_ partner: PartnerID, _ role: PartnerRole) -> String {
    "\(Keys.partners).\(partner.rawValue).\(Keys.Partner.hours(role.rawValue))"
  }
  public static func rank(_ measure: MeasureID) -> String { "\(Keys.measures).\(measure.rawValue).\(Keys.Measure.rank)" }
  public static func minimumShare(_ measure: MeasureID) -> String { "\(Keys.measures).\(measure.rawValue).\(Keys.Measure.minimumShare)" }
  public static func cost(_ measure: MeasureID) -> String { "\(Keys.measures).\(measure.rawValue).\(Keys.Measure.costNOK)" }
  /// The forum's lock of a measure (`full`, `none` or a smallest share).
  public static func lock(_ measure: MeasureID) -> String { "\(Keys.measures).\(measure.rawValue).\(Keys.Measure.lock)" }
  /// A yes/no flag of a measure (`continuing` or a criterion of measures.csv).
  public static func flag(_ measure: MeasureID, _ flag: String) -> String { "\(Keys.measures).\(measure.rawValue).\(flag)" }
  /// A policy value of `policy:` (fairness_floor, weighting, decay, value).
  public static func policy(_ key: String) -> String { "\(Keys.policy).\(key)" }
  /// The lock values the form offers, in its order: in full, at least three quarters, half and a
  /// quarter, and not at all.
  public static let lockChoices = ["full", "0.75", "0.5", "0.25", "none"]
  /// The lock values offered for `measure`: ``lockChoices``, and "as last year" when last year's
  /// allocation has it.
  public static func lockChoices(_ measure: MeasureID, in scenario: Scenario) -> [String] {
    // Shares only from the measure's smallest viable share up (none on an all-or-nothing measure).
    let smallest = scenario.measure(measure)?.minimumShare ?? 1
    let offered = lockChoices.filter { choice in Double(choice).map { $0 >= smallest - 1e-9 && smallest < 1 } ?? true }
    return offered + (scenario.lastYear?.reference.shares[measure] != nil ? [Keys.Measure.lockAsLastYear[0]] : [])
  }
  /// The yes/no values the form offers for a flag.
  public static let flagChoices = ["ja", "nei"]
  /// The save form's fields.
  public static let name = "name"
  public static let title = "title"
  public static let overwrite = "overwrite"

  /// Every change field of a scenario's form, in the form's order.
  public static func changeFields(of scenario: Scenario) -> [String] {
    WhatIfChange.fields(of: scenario).map(\.name)
  }
}

/// One field of the what-if form, by what it changes.
enum WhatIfChange: Equatable {
  case frame(SchemeID)
  case factor(SchemeID)
  case hours(PartnerID, PartnerRole)
  case rank(MeasureID)
  case minimumShare(MeasureID)
  case cost(MeasureID)
  case lock(MeasureID)
  /// A yes/no flag of measures.csv (`continuing` or a criterion), by its column name.
  case flag(MeasureID, String)
  /// A value of the variant's `policy:`, by its key.
  case policy(String)

  /// Every change field of a scenario's form with its name (``WhatIfField``), in the form's order.
  static func fields(of scenario: Scenario) -> [(name: String, change: Self)] {
    scenario.schemes.flatMap { [(WhatIfField.frame($0.id), Self.frame($0.id)), (WhatIfField.factor($0.id), .factor($0.id))] }
      + scenario.partners.flatMap { partner in
        PartnerRole.allCases.map { (WhatIfField.hours(partner.id, $0), Self.hours(partner.id, $0)) }
      }
      + scenario.measures.flatMap { measure in
        [
          (WhatIfField.lock(measure.id), Self.lock(measure.id)), (WhatIfField.rank(measure.id), .rank(measure.id)),
          (WhatIfField.minimumShare(measure.id), .minimumShare(measure.id)), (WhatIfField.cost(measure.id), .cost(measure.id)),
        ] + ScenarioSchema.Measures.criteriaFlags.map { (WhatIfField.flag(measure.id, $0), Self.flag(measure.id, $0)) }
      }
      + Keys.Policy.keys.map { (WhatIfField.policy($0), Self.policy($0)) }
  }
}

/// What the what-if form shows: the values typed in, the messages next to fields, and the answer.
public struct WhatIfState: Sendable {
  /// Field name → the text typed in (only fields that are not empty).
  public var values: [String: String]
  /// Field name → what is wrong with it (the same messages as `dekom check` gives for a variant file).
  public var fieldProblems: [String: [String]]
  /// Problems that belong to no one field.
  public var problems: [String]
  /// The save form's outcome, when it was used and failed.
  public var saveProblems: [String: [String]]

  public init(
    values: [String: String] = [:], fieldProblems: [String: [String]] = [:], problems: [String] = [],
    saveProblems: [String: [String]] = [:]
  ) {
    self.values = values
    self.fieldProblems = fieldProblems
    self.problems = problems
    self.saveProblems = saveProblems
  }

  public var isValid: Bool { fieldProblems.isEmpty && problems.isEmpty }
}

/// The answer to a what-if: its comparison with the base and how long the solve took.
public struct WhatIfAnswer {
  public var report: CompareMarkdown
  public var seconds: Double
  /// The address of the variant's whole allocation.
  public var allocationLink: String
  /// The address of the variant's allocation.json.
  public var jsonLink: String

  public init(report: CompareMarkdown, seconds: Double, allocationLink: String, jsonLink: String) {
    self.report = report
    self.seconds = seconds
    self.allocationLink = allocationLink
    self.jsonLink = jsonLink
  }
}

extension WebPages {
  /// The what-if page: the answer (when there is one) as a comparison with the base, then the form
  /// with the values typed in and the messages next to their fields, then the save form.
  ///
  /// - Parameters:
  ///   - base: the base scenario's solved allocation, for the current values.
  ///   - scenario: the scenario's name in the page addresses.
  ///   - state: the values typed in and their problems.
  ///   - answer: the solved what-if, when the values were valid and something changed.
  ///   - saveName: the suggested name for the save form.
  ///   - saveTitle: the suggested title for the save form.
  ///   - otherLanguage: this page's address in the other language.
  /// - Returns: the whole HTML page.
  /// - Throws: when the page template cannot be rendered.
  public func whatIf(
    base: ReportInput, scenario: String, state: WhatIfState, answer: WhatIfAnswer?, saveName: String, saveTitle: String,
    otherLanguage: String
  ) throws -> String {
    var after = ""
    if answer == nil {
      let line = state.isValid ? messages.noChangesGiven : messages.fixFieldsNotice
      after += "<p class=\"\(state.isValid ? "notice" : "problems")\" role=\"status\">\(escapeHTML(line))</p>\n"
    }
    if !state.problems.isEmpty {
      after += "<ul class=\"problems\">" + state.problems.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>\n"
    }
    if let answer {
      after +=
        "<p class=\"notice\" role=\"status\" id=\"solved\">\(escapeHTML(messages.solvedIn(seconds: base.names.decimal(answer.seconds, decimals: 2)))) <a href=\"\(escapeHTML(answer.allocationLink))\" id=\"full-allocation\">\(escapeHTML(messages.fullAllocationLink))</a> · <a href=\"\(escapeHTML(answer.jsonLink))\" id=\"allocation-json\">allocation.json</a></p>\n"
      after += saveForm(scenario: scenario, state: state, name: saveName, title: saveTitle)
    }
    after += form(base: base, scenario: scenario, state: state)
    let title = messages.whatIfTitle + " – " + base.plainDocumentTitle
    let top = chrome(scenario: scenario, otherLanguage: otherLanguage, after: after)
    if let answer {
      return try answer.report.renderHTML(markdown: answer.report.render(), chrome: top)
    }
    return try page(
      title: title, markdown: "# " + title.markdownEscaped + "\n\n" + messages.whatIfIntro.markdownEscaped + "\n", chrome: top)
  }

  /// One text field with its current value as placeholder and its problems beside it. A number
  /// field asks phones for the decimal keyboard; a text field (a variant's name and title) keeps
  /// the letters.
  private func field(
    _ name: String, state: WhatIfState, placeholder: String, label: String, problems: [String: [String]]? = nil, number: Bool = true
  ) -> String {
    let problems = (problems ?? state.fieldProblems)[name] ?? []
    let id = "f-" + name.replacingOccurrences(of: ".", with: "-")
    let keyboard = number ? " inputmode=\"decimal\"" : ""
    var html =
      "<input type=\"text\"\(keyboard) id=\"\(escapeHTML(id))\" name=\"\(escapeHTML(name))\" value=\"\(escapeHTML(state.values[name] ?? ""))\" placeholder=\"\(escapeHTML(placeholder))\" aria-label=\"\(escapeHTML(label))\""
    if !problems.isEmpty { html += " aria-invalid=\"true\" aria-describedby=\"\(escapeHTML(id))-error\"" }
    html += ">"
    if !problems.isEmpty {
      html += "<div class=\"field-error\" id=\"\(escapeHTML(id))-error\">" + problems.map(escapeHTML).joined(separator: "<br>") + "</div>"
    }
    return html
  }

  /// One choice among `choices` (worded by `label`), with "unchanged" first; a value typed into
  /// the address that is not a choice is kept as a choice of its own, so the variant loader's
  /// message about it shows beside it.
  private func select(_ name: String, state: WhatIfState, choices: [String], label: String, word: (String) -> String) -> String {
    let problems = state.fieldProblems[name] ?? []
    let id = "f-" + name.replacingOccurrences(of: ".", with: "-")
    let chosen = state.values[name] ?? ""
    var html = "<select id=\"\(escapeHTML(id))\" name=\"\(escapeHTML(name))\" aria-label=\"\(escapeHTML(label))\""
    if !problems.isEmpty { html += " aria-invalid=\"true\" aria-describedby=\"\(escapeHTML(id))-error\"" }
    html += "><option value=\"\"\(chosen.isEmpty ? " selected" : "")>\(escapeHTML(messages.unchangedChoice))</option>"
    for choice in choices + (chosen.isEmpty || choices.contains(chosen) ? [] : [chosen]) {
      html += "<option value=\"\(escapeHTML(choice))\"\(choice == chosen ? " selected" : "")>\(escapeHTML(word(choice)))</option>"
    }
    html += "</select>"
    if !problems.isEmpty {
      html += "<div class=\"field-error\" id=\"\(escapeHTML(id))-error\">" + problems.map(escapeHTML).joined(separator: "<br>") + "</div>"
    }
    return html
  }

  private func headerRow(_ columns: [String]) -> String {
    "<tr>" + columns.map { "<th>\(escapeHTML($0))</th>" }.joined() + "</tr>"
  }

  private func form(base: ReportInput, scenario: String, state: WhatIfState) -> String {
    let names = base.names
    let model = base.result.scenario
    var html = "<form method=\"get\" action=\"\(escapeHTML(links.whatIfAction(scenario)))\" id=\"whatif\">\n"
    html += "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">\n"
    html += "<fieldset><legend>\(escapeHTML(messages.framesLegend))</legend>\n<table>\n\(headerRow(messages.frameColumns))\n"
    for scheme in model.schemes {
      html += "<tr><td>\(escapeHTML(names.scheme(scheme.id)))</td><td align=\"right\">\(escapeHTML(names.kroner(scheme.frame)))</td>"
      html +=
        "<td>\(field(WhatIfField.frame(scheme.id), state: state, placeholder: names.kroner(scheme.frame), label: names.scheme(scheme.id)))</td>"
      html +=
        "<td>\(field(WhatIfField.factor(scheme.id), state: state, placeholder: "1", label: names.scheme(scheme.id) + ", " + messages.factorLabel))</td></tr>\n"
    }
    html += "</table></fieldset>\n"
    html += "<fieldset><legend>\(escapeHTML(messages.partnersLegend))</legend>\n<table>\n\(headerRow(messages.partnerHoursColumns))\n"
    for partner in model.partners {
      html += "<tr><td>\(escapeHTML(names.partner(partner.id)))</td>"
      for role in PartnerRole.allCases {
        let now = names.hours(partner.hours(role))
        html += "<td align=\"right\">\(escapeHTML(now))</td>"
        html +=
          "<td>\(field(WhatIfField.hours(partner.id, role), state: state, placeholder: now, label: names.partner(partner.id) + ", " + base.roleName(role)))</td>"
      }
      html += "</tr>\n"
    }
    html += "</table></fieldset>\n"
    html += "<fieldset><legend>\(escapeHTML(messages.measuresLegend))</legend>\n"
    // One folding list per network (and the joint measures); open when a field in it is filled in or wrong.
    let holders = model.measures.map(\.holder).reduce(into: [MeasureHolder]()) { if !$0.contains($1) { $0.append($1) } }
    let fieldsOf = Dictionary(grouping: WhatIfChange.fields(of: model)) { field -> MeasureID? in
      switch field.change {
      case .rank(let id), .minimumShare(let id), .cost(let id), .lock(let id), .flag(let id, _): id
      case .frame, .factor, .hours, .policy: nil
      }
    }
    func isTouched(_ name: String) -> Bool { state.values[name] != nil || state.fieldProblems[name] != nil }
    for holder in holders {
      let measures = model.measures.filter { $0.holder == holder }.sorted { ($0.scheme.rawValue, $0.rank) < ($1.scheme.rawValue, $1.rank) }
      let open = measures.contains { (fieldsOf[$0.id] ?? []).contains { isTouched($0.name) } } ? " open" : ""
      html +=
        "<details\(open)><summary>\(escapeHTML(names.holder(holder)))</summary>\n<table>\n\(headerRow(messages.measureChangeFormColumns))\n"
      for measure in measures {
        let share = names.decimal(measure.minimumShare, decimals: 2)
        let label = names.measure(measure.id)
        html += "<tr><td>\(escapeHTML(label)) · \(escapeHTML(names.scheme(measure.scheme)))</td>"
        html +=
          "<td>\(select(WhatIfField.lock(measure.id), state: state, choices: WhatIfField.lockChoices(measure.id, in: model), label: label + ", " + messages.lockLabel, word: messages.lockChoice))</td>"
        html += "<td align=\"right\">\(measure.rank)</td>"
        html += "<td>\(field(WhatIfField.rank(measure.id), state: state, placeholder: String(measure.rank), label: label))</td>"
        html += "<td align=\"right\">\(escapeHTML(share))</td>"
        html += "<td>\(field(WhatIfField.minimumShare(measure.id), state: state, placeholder: share, label: label))</td>"
        let cost = names.kroner(measure.stateCost)
        html += "<td align=\"right\">\(escapeHTML(cost))</td>"
        html += "<td>\(field(WhatIfField.cost(measure.id), state: state, placeholder: cost, label: label + ", " + messages.costLabel))</td>"
        // The yes/no flags fold away: a meeting changes them seldom.
        let flags = ScenarioSchema.Measures.criteriaFlags
        let flagsOpen = flags.contains { isTouched(WhatIfField.flag(measure.id, $0)) } ? " open" : ""
        html += "<td><details\(flagsOpen)><summary>\(escapeHTML(messages.changeFlagsSummary))</summary>"
        for flag in flags {
          let now = flag == ScenarioSchema.Measures.continuing ? measure.continuing : Self.flagValue(measure, flag)
          let flagLabel = messages.flagName(flag) + " (" + messages.flagChoice(now ? "ja" : "nei").lowercased() + ")"
          html +=
            "<label>\(escapeHTML(flagLabel)) \(select(WhatIfField.flag(measure.id, flag), state: state, choices: WhatIfField.flagChoices, label: label + ", " + messages.flagName(flag), word: messages.flagChoice))</label><br>"
        }
        html += "</details></td></tr>\n"
      }
      html += "</table></details>\n"
    }
    html += "</fieldset>\n"
    html += "<fieldset><legend>\(escapeHTML(messages.policyLegend))</legend>\n<table>\n\(headerRow(messages.policyColumns))\n"
    let policy = model.policy
    let weightingNow: String
    switch policy.weighting {
    case .strictTiers: weightingNow = "strict_tiers"
    case .decay: weightingNow = "decay"
    }
    var decayNow = ""
    if case .decay(let factor) = policy.weighting { decayNow = names.decimal(factor, decimals: 2) }
    let rows: [(key: String, now: String, input: String)] = [
      (
        Keys.Policy.fairnessFloor, names.decimal(policy.fairnessFloor, decimals: 2),
        field(
          WhatIfField.policy(Keys.Policy.fairnessFloor), state: state, placeholder: names.decimal(policy.fairnessFloor, decimals: 2),
          label: messages.policyName(Keys.Policy.fairnessFloor))
      ),
      (
        Keys.Policy.weighting, messages.policyChoice(weightingNow),
        select(
          WhatIfField.policy(Keys.Policy.weighting), state: state, choices: ["strict_tiers", "decay"],
          label: messages.policyName(Keys.Policy.weighting), word: messages.policyChoice)
      ),
      (
        Keys.Policy.decay, decayNow,
        field(
          WhatIfField.policy(Keys.Policy.decay), state: state, placeholder: decayNow, label: messages.policyName(Keys.Policy.decay))
      ),
      (
        Keys.Policy.value, messages.policyChoice(policy.value.rawValue),
        select(
          WhatIfField.policy(Keys.Policy.value), state: state, choices: ["count", "cost"], label: messages.policyName(Keys.Policy.value),
          word: messages.policyChoice)
      ),
    ]
    for row in rows {
      html +=
        "<tr><td>\(escapeHTML(messages.policyName(row.key)))</td><td align=\"right\">\(escapeHTML(row.now))</td><td>\(row.input)</td></tr>\n"
    }
    html += "</table></fieldset>\n<p><button type=\"submit\" id=\"solve\">\(escapeHTML(messages.solveButton))</button></p>\n</form>\n"
    return html
  }

  /// A criterion flag's value on `measure`, by its measures.csv column.
  static func flagValue(_ measure: Measure, _ flag: String) -> Bool {
    let columns = ScenarioSchema.Measures.self
    switch flag {
    case columns.schoolBased: return measure.criteria.schoolBased
    case columns.collective: return measure.criteria.collective
    case columns.inLocalPlan: return measure.criteria.inLocalPlan
    case columns.broadTargetGroup: return measure.criteria.broadTargetGroup == true
    case columns.individualEducation: return measure.criteria.individualEducation
    default: return measure.continuing
    }
  }

  /// The form that saves the what-if as `variants/NAME.yaml`: the changes go along as hidden fields.
  private func saveForm(scenario: String, state: WhatIfState, name: String, title: String) -> String {
    var html = "<form method=\"post\" action=\"\(escapeHTML(links.save(scenario)))\" id=\"save\">\n"
    html += "<fieldset><legend>\(escapeHTML(messages.saveHeading))</legend>\n"
    html += "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">\n"
    html += "<input type=\"hidden\" name=\"\(Self.formTokenField)\" value=\"\(escapeHTML(formToken))\">\n"
    for (key, value) in state.values.sorted(by: { $0.key < $1.key }) {
      html += "<input type=\"hidden\" name=\"\(escapeHTML(key))\" value=\"\(escapeHTML(value))\">\n"
    }
    let nameState = WhatIfState(values: [WhatIfField.name: name, WhatIfField.title: title])
    html += "<label>\(escapeHTML(messages.variantNameLabel))<br>"
    html += field(
      WhatIfField.name, state: nameState, placeholder: "", label: messages.variantNameLabel, problems: state.saveProblems, number: false)
    html += "</label><br>\n<label>\(escapeHTML(messages.variantTitleLabel))<br>"
    html +=
      field(
        WhatIfField.title, state: nameState, placeholder: "", label: messages.variantTitleLabel, problems: state.saveProblems, number: false
      )
      .replacingOccurrences(of: "<input type=\"text\"", with: "<input type=\"text\" class=\"wide\"")
    html += "</label><br>\n"
    html +=
      "<label><input type=\"checkbox\" name=\"\(WhatIfField.overwrite)\" value=\"1\"> \(escapeHTML(messages.overwriteLabel))</label><br>\n"
    html += "<button type=\"submit\" id=\"save-button\">\(escapeHTML(messages.saveButton))</button>\n</fieldset>\n</form>\n"
    return html
  }
}
