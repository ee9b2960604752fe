import GrantAllocation
import ScenarioFormat

/// The words of the pages of `dekom serve` in English.
struct EnglishPageWords: PageWords {
  var pagesTitle: String { "dekom – scenarios" }
  var navScenarios: String { "Scenarios" }
  var navAllocation: String { "Allocation" }
  var navCompare: String { "Compare" }
  var navPlan: String { "Long-term plan" }
  var navLetters: String { "Decisions" }
  func lettersTitle(_ document: String) -> String { "Decision letters – \(document)" }
  var lettersIntro: String {
    "One decision letter per recipient of a grant, as dekom run writes them in out/vedtak/, worded by the scenario's template (vedtak.mustache) or the default."
  }
  var lettersColumns: [String] { ["Recipient", "Grant (NOK)"] }
  var noPlan: String { "This scenario is for one year (scenario.yaml has no horizon), so it has no long-term plan." }
  var navWhatIf: String { "What if?" }
  var otherLanguageLink: String { "Norsk" }
  func scenarioListIntro(folder: String) -> String {
    "The scenarios in \(folder). Choose a scenario to see its allocation, compare it with its variants or ask “what if”."
  }
  var scenarioListColumns: [String] { ["Scenario", "Variants", "Pages"] }
  var noScenarios: String { "The folder has no scenarios (no scenario.yaml)." }
  func scenarioHasErrors(_ count: Int) -> String { "The scenario has \(count) error\(count == 1 ? "" : "s") and cannot be solved:" }
  func variantHasErrors(_ count: Int) -> String { "The variant file has \(count) error\(count == 1 ? "" : "s") and is not shown:" }
  var noVariants: String { "none" }
  func explanationsPending(done: Int, total: Int, seconds: Int) -> String {
    "The explanations are being computed …" + (total > 0 ? " (\(done) of \(total) measures explained)" : "")
      + ": what it would take to fund the measures, the waiting lists per scheme and the shadow prices. The page reloads itself every \(seconds) seconds until they are ready."
  }
  var reloadLink: String { "Reload now" }
  func explanationsFailed(_ reason: String) -> String { "The explanations could not be computed: \(reason)" }
  var explainHeading: String { "Explanation per measure" }
  var explainIntro: String {
    "Choose a measure to see its reason and what it would take to fund it in full (from the explanations above once they are computed, else computed when you ask)."
  }
  var chooseVariantsHeading: String { "Choose variants" }
  var compareButton: String { "Compare" }
  var whatIfTitle: String { "What if?" }
  var whatIfIntro: String {
    "Fill in only what you want to change; empty fields keep the base scenario's value. The answer is solved again with GLPK and shown as changes from the base scenario. The values are checked by the same rules as the variant files."
  }
  var framesLegend: String { "Frames" }
  var frameColumns: [String] { ["Scheme", "Frame now (NOK)", "New frame (NOK)", "or factor"] }
  func changeLine(_ change: WhatIfChange, value: String) -> String {
    switch change {
    case .frame(let scheme): "\(scheme): frame \(value) NOK"
    case .factor(let scheme): "\(scheme): frame × \(value)"
    case .hours(let partner, let role): "\(partner): \(hoursWord(role)) \(value)"
    case .rank(let measure): "\(measure): rank \(value)"
    case .minimumShare(let measure): "\(measure): smallest share \(value)"
    case .cost(let measure): "\(measure): cost \(value) NOK"
    case .lock(let measure): "\(measure): \(lockChoice(value).lowercased())"
    case .flag(let measure, let flag): "\(measure): \(flagName(flag).lowercased()) \(value)"
    case .policy(let key): "\(policyName(key).lowercased()) \(policyChoice(value))"
    }
  }
  private func hoursWord(_ role: PartnerRole) -> String { "\(role == .pool ? "pool" : "partner 2") hours" }
  var factorLabel: String { "factor" }
  var partnersLegend: String { "Development partners' hours" }
  var partnerHoursColumns: [String] { ["Partner", "Pool now", "New pool", "Partner 2 now", "New partner 2"] }
  var measuresLegend: String { "Measures: the meeting's lock, place, smallest share, cost and criteria" }
  var measureChangeFormColumns: [String] {
    [
      "Measure", "Lock", "Place now", "New place", "Smallest share now", "New smallest share", "Cost now (NOK)", "New cost (NOK)",
      "Criteria",
    ]
  }
  var unchangedChoice: String { "unchanged" }
  var lockLabel: String { "lock" }
  func lockChoice(_ value: String) -> String {
    switch value {
    case "full": "Fund in full"
    case "none": "Do not fund"
    case ScenarioSchema.Variant.Measure.lockAsLastYear[0]: "As last year"
    default: Double(value).flatMap { $0.isFinite && $0 > 0 && $0 <= 1 ? "At least \(Int(($0 * 100).rounded()))%" : nil } ?? value
    }
  }
  var costLabel: String { "cost" }
  var changeFlagsSummary: String { "change" }
  func flagName(_ flag: String) -> String {
    switch flag {
    case ScenarioSchema.Measures.continuing: "Continuing"
    case ScenarioSchema.Measures.schoolBased: "School-based"
    case ScenarioSchema.Measures.collective: "Collective"
    case ScenarioSchema.Measures.inLocalPlan: "In the local plan"
    case ScenarioSchema.Measures.broadTargetGroup: "Broad target group"
    case ScenarioSchema.Measures.individualEducation: "Individual further education"
    default: flag
    }
  }
  func flagChoice(_ value: String) -> String { value == "ja" ? "Yes" : value == "nei" ? "No" : value }
  var policyLegend: String { "Policy" }
  var policyColumns: [String] { ["Setting", "Now", "New"] }
  func policyName(_ key: String) -> String {
    switch key {
    case ScenarioSchema.Variant.Policy.fairnessFloor: "Fairness floor (share of the key)"
    case ScenarioSchema.Variant.Policy.weighting: "Weighting of the priorities"
    case ScenarioSchema.Variant.Policy.decay: "Weight per place down the list (with decaying weight)"
    case ScenarioSchema.Variant.Policy.value: "What a measure counts"
    default: key
    }
  }
  func policyChoice(_ value: String) -> String {
    switch value {
    case "strict_tiers": "strict tiers"
    case "decay": "decaying weight"
    case "count": "number of measures"
    case "cost": "cost"
    default: value
    }
  }
  var solveButton: String { "Solve" }
  var resultHeading: String { "Answer" }
  func solvedIn(seconds: String) -> String { "Solved in \(seconds) s." }
  var fixFieldsNotice: String { "Correct the marked fields; nothing was solved." }
  var noChangesGiven: String { "No changes are filled in yet." }
  var fullAllocationLink: String { "The whole allocation in this variant" }
  var saveHeading: String { "Save as variant" }
  var variantNameLabel: String { "Name (letters, digits, - and _)" }
  var variantTitleLabel: String { "Title" }
  var overwriteLabel: String { "Write over a variant with the same name" }
  var saveButton: String { "Save" }
  func saved(file: String) -> String { "Saved as \(file)." }
  func bodyLimit(kib: Int) -> String { "at most \(kib) KiB are read." }
  func cannotSave(_ failure: VariantSaver.WriteFailure) -> String {
    switch failure {
    case .cannotCreateFolder(let folder, let reason): "cannot create \(folder)/: \(reason)"
    case .folderOutside(let folder): "\(folder)/ is a link to a folder outside the served folder; dekom serve does not write there."
    case .cannotWrite(let file, let reason): "cannot write \(file): \(reason)"
    }
  }
  func variantExists(_ name: String) -> String {
    "The variant \(name) exists already. Choose another name, or tick the box to write over it."
  }
  var notFoundTitle: String { "No such page" }
  var badRequestTitle: String { "Bad request" }
  var tooLargeTitle: String { "The request is too large" }
  var busyTitle: String { "Busy – try again shortly" }
  var forbiddenTitle: String { "Refused: the request did not come from dekom's own pages" }
  var misdirectedTitle: String { "Refused: the address is not this computer's dekom serve" }
  var noAllocationTitle: String { "No allocation" }
  var invalidScenarioTitle: String { "The scenario has errors" }
  var backToList: String { "Back to the scenarios" }
}
