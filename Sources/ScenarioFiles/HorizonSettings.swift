import GrantAllocation
import ScenarioFormat
import UserMessages
import Yams

private typealias Keys = ScenarioSchema.Settings.Horizon

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
  var forecasts: ForecastRule
  /// The line of `horizon:` in scenario.yaml, for messages about the later years.
  var line: Int?

  /// The first year to the last, consecutive.
  var years: [Int] { Array(firstYear...lastYear) }

  static let keys = Keys.keys

  static func read(_ node: Node, firstYear: Int, schemes: [Scheme]?, _ reader: inout YAMLReader) -> HorizonSettings? {
    let section = ScenarioSchema.Settings.horizon
    guard let entry = reader.mapping(node, section, allowed: keys, required: Keys.requiredKeys) else { return nil }
    guard let last = reader.wholeNumber(entry[Keys.lastYear], "\(section).\(Keys.lastYear)", in: 2000...2100) else { return nil }
    guard last > firstYear, last - firstYear <= 9 else {
      reader.fail(entry[Keys.lastYear], "\(section).\(Keys.lastYear)", .horizonSpan(first: firstYear, last: last))
      return nil
    }
    let years = Array(firstYear...last)
    let carry = entry[Keys.carryOverShare].map { reader.share($0, "\(section).\(Keys.carryOverShare)") } ?? 0
    let june = entry[Keys.schoolYearJuneShare].map { reader.share($0, "\(section).\(Keys.schoolYearJuneShare)") } ?? 0.5
    guard let schemes, let frameNodes = reader.sequence(entry[Keys.frames], "\(section).\(Keys.frames)") else { return nil }
    let schemeIDs = schemes.map(\.id.rawValue)
    var frames: [SchemeID: [Int: PlannedFrame]] = [:]
    var seen: Set<Int> = []
    var ok = true
    for (position, item) in frameNodes.enumerated() {
      let path = "\(section).\(Keys.frames)[\(position + 1)]"
      guard
        let frame = reader.mapping(
          item, path, allowed: [Keys.frameYear, Keys.forecast] + schemeIDs, required: [Keys.frameYear] + schemeIDs)
      else {
        ok = false
        continue
      }
      guard let year = reader.wholeNumber(frame[Keys.frameYear], "\(path).\(Keys.frameYear)", in: 2000...2100) else { ok = false; continue }
      guard years.dropFirst().contains(year) else {
        reader.fail(frame[Keys.frameYear], "\(path).\(Keys.frameYear)", .notALaterHorizonYear(year: year, first: firstYear, last: last))
        ok = false
        continue
      }
      guard seen.insert(year).inserted else {
        reader.fail(frame[Keys.frameYear], "\(path).\(Keys.frameYear)", .framesTwice(year: year))
        ok = false
        continue
      }
      // Later frames are forecasts unless the entry says otherwise.
      let forecast = frame[Keys.forecast].map { reader.yesNo($0, "\(path).\(Keys.forecast)") } ?? true
      for id in schemeIDs {
        guard
          let amount = reader.number(frame[id], "\(path).\(id)", in: 0...ScenarioSettingsFile.largestAmount, unit: .nok),
          let forecast
        else { ok = false; continue }
        frames[SchemeID(id), default: [:]][year] = PlannedFrame(amount: amount, forecast: forecast)
      }
    }
    for year in years.dropFirst() where !seen.contains(year) {
      reader.fail(entry[Keys.frames], "\(section).\(Keys.frames)", .framesMissing(year: year, schemes: schemeIDs))
      ok = false
    }
    var rule = ForecastRule.conditional
    if let node = entry[Keys.forecasts] {
      let path = "\(section).\(Keys.forecasts)"
      if let text = reader.text(node, path) {
        if let parsed = ForecastRule(rawValue: text) {
          rule = parsed
        } else {
          reader.fail(node, path, .notAForecastRule(text))
          ok = false
        }
      } else {
        ok = false
      }
    }
    guard ok, let carry, let june else { return nil }
    return HorizonSettings(
      firstYear: firstYear, lastYear: last, laterFrames: frames, carryOverShare: carry, juneShare: june, forecasts: rule,
      line: reader.line(node))
  }
}
