extension EnglishMessages: MeasurePageMessages {
  func measureTitle(_ measure: String) -> String { "Measure: \(measure)" }
  var measureFacts: [String] {
    ["Network", "Scheme", "Priority", "Asked in all, with partner hours (NOK)", "Decision", "Allocated in all (NOK)"]
  }
  var reasonsHeading: String { "Reason" }
  var whatItTakesOneHeading: String { "What it would take to fund the measure in full" }
  var nothingToSearch: String {
    "The measure is funded in full, not eligible or a continuing commitment, so there is nothing to search for."
  }
  var frameIncreaseLabel: String { "Larger frame" }
  var moreHoursLabel: String { "More hours" }
  var moveUpLabel: String { "Move up its list" }
  func computedIn(seconds: String, resolves: Int?) -> String {
    "Computed in \(seconds) s" + (resolves.map { " with \($0) new solves of the whole allocation." } ?? ".")
  }
  var fromExplanations: String { "From the explanations of the whole allocation, as in section 6 of the innstilling." }
}
