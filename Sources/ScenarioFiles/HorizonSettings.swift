import GrantAllocation
import Yams

/// The `horizon:` section of `scenario.yaml`: the years planned together, the later years'
/// frames, the carry-over share, and how school-year amounts fall on calendar years.
struct HorizonSettings {
  /// The first year of the plan (the scenario's `year`).
  var firstYear: Int
  /// The last year of the plan, after the first.
  var lastYear: Int
  var laterFrames: [SchemeID: [Int: PlannedFrame]]
  var carryOverShare: Double
  /// The share of a school year's money paid in June of the year it starts; the rest is paid the
  /// following winter (January), in the next calendar year.
  var juneShare: Double
  /// The line of `horizon:` in scenario.yaml, for messages about the later years.
  var line: Int?

  /// The first year to the last, consecutive.
  var years: [Int] { Array(firstYear...lastYear) }

  static let keys = ["last_year", "carry_over_share", "school_year_june_share", "frames"]

  static func read(_ node: Node, firstYear: Int, schemes: [Scheme]?, _ reader: inout YAMLReader) -> HorizonSettings? {
    guard let entry = reader.mapping(node, "horizon", allowed: keys, required: ["last_year", "frames"]) else { return nil }
    guard let last = reader.wholeNumber(entry["last_year"], "horizon.last_year", in: 2000...2100) else { return nil }
    guard last > firstYear, last - firstYear <= 9 else {
      reader.fail(
        entry["last_year"], "horizon.last_year",
        "the horizon must end after the scenario's year \(firstYear) and span at most 10 years; it ends in \(last).",
        fix: "write a year from \(firstYear + 1) to \(firstYear + 9), or remove `horizon:` to plan one year.")
      return nil
    }
    let years = Array(firstYear...last)
    let carry = entry["carry_over_share"].map { reader.share($0, "horizon.carry_over_share") } ?? 0
    let june = entry["school_year_june_share"].map { reader.share($0, "horizon.school_year_june_share") } ?? 0.5
    guard let schemes, let frameNodes = reader.sequence(entry["frames"], "horizon.frames") else { return nil }
    let schemeIDs = schemes.map(\.id.rawValue)
    var frames: [SchemeID: [Int: PlannedFrame]] = [:]
    var seen: Set<Int> = []
    var ok = true
    for (position, item) in frameNodes.enumerated() {
      let path = "horizon.frames[\(position + 1)]"
      guard let frame = reader.mapping(item, path, allowed: ["year", "forecast"] + schemeIDs, required: ["year"] + schemeIDs) else {
        ok = false
        continue
      }
      guard let year = reader.wholeNumber(frame["year"], "\(path).year", in: 2000...2100) else { ok = false; continue }
      guard years.dropFirst().contains(year) else {
        reader.fail(
          frame["year"], "\(path).year", "\(year) is not a later year of the horizon \(firstYear)–\(last).",
          fix: "give frames for \(years.dropFirst().map(String.init).joined(separator: ", ")); the first year's frames are under schemes.")
        ok = false
        continue
      }
      guard seen.insert(year).inserted else {
        reader.fail(frame["year"], "\(path).year", "the frames for \(year) are given twice.", fix: "keep one entry per year.")
        ok = false
        continue
      }
      // Later frames are forecasts unless the entry says otherwise.
      let forecast = frame["forecast"].map { reader.yesNo($0, "\(path).forecast") } ?? true
      for id in schemeIDs {
        guard
          let amount = reader.number(frame[id], "\(path).\(id)", in: 0...ScenarioSettingsFile.largestAmount, unit: "NOK"),
          let forecast
        else { ok = false; continue }
        frames[SchemeID(id), default: [:]][year] = PlannedFrame(amount: amount, forecast: forecast)
      }
    }
    for year in years.dropFirst() where !seen.contains(year) {
      reader.fail(
        entry["frames"], "horizon.frames", "the frames for \(year) are missing.",
        fix: "add `- {year: \(year), \(schemeIDs.map { "\($0): …" }.joined(separator: ", "))}`.")
      ok = false
    }
    guard ok, let carry, let june else { return nil }
    return HorizonSettings(
      firstYear: firstYear, lastYear: last, laterFrames: frames, carryOverShare: carry, juneShare: june, line: reader.line(node))
  }
}
