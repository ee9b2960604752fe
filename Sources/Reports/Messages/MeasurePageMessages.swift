/// The words of one measure's page: its decision, reasons and what it would take (part of
/// ``Messages``).
protocol MeasurePageMessages {
  func measureTitle(_ measure: String) -> String
  var measureFacts: [String] { get }
  var reasonsHeading: String { get }
  var whatItTakesOneHeading: String { get }
  var nothingToSearch: String { get }
  var frameIncreaseLabel: String { get }
  var moreHoursLabel: String { get }
  var moveUpLabel: String { get }
  func computedIn(seconds: String, resolves: Int?) -> String
  /// The answer comes from the explained run of the whole allocation (the innstilling's section 6).
  var fromExplanations: String { get }
}
