import Foundation
import GrantAllocation
import ScenarioFormat

private typealias PartnerYearColumns = ScenarioSchema.PartnerYears
private typealias MeasureYearColumns = ScenarioSchema.MeasureYears
private typealias MeasureColumns = ScenarioSchema.Measures

/// Reads the files of a multi-year plan — `partner-years.csv` and `measure-years.csv` — and checks
/// the measures' years against the `horizon:` of `scenario.yaml`.
enum PlanFiles {
  static let partnerYearsFile = PartnerYearColumns.fileName
  static let measureYearsFile = MeasureYearColumns.fileName
  static let partnerYearColumns = PartnerYearColumns.columns
  static let measureYearColumns = MeasureYearColumns.columns

  /// The horizon of a scenario, with each measure's later years filled in; `nil` for one year.
  ///
  /// - Parameters:
  ///   - settings: the `horizon:` section of scenario.yaml, or `nil` when it has none.
  ///   - year: the scenario's year, the plan's first.
  ///   - measures: the measures, whose later years are filled in.
  ///   - measureRows: the row of each measure in measures.csv, for messages.
  ///   - partners: the partners of partners.csv.
  ///   - partnerYears: partner-years.csv, when given.
  ///   - measureYears: measure-years.csv, when given.
  ///   - log: where problems are added.
  /// - Returns: the horizon, or `nil` for one year (or when the files are in error: see `log`).
  static func assemble(
    _ settings: HorizonSettings?, year: Int, measures: inout [Measure], measureRows: [MeasureID: Int], partners: [Partner],
    partnerYears: CSVTable?, measureYears: CSVTable?, log: inout IssueLog
  ) -> Horizon? {
    guard let settings else {
      for measure in measures where (measure.firstYear ?? year) != year || !measure.laterYears.isEmpty || measure.mayStop {
        log.add(
          MeasuresFile.fileName, row: measureRows[measure.id],
          measure.firstYear != nil && measure.firstYear != year ? MeasureColumns.firstYear : MeasureColumns.years,
          "\(measure.id) is planned over several years, but scenario.yaml has no horizon.",
          fix: "add a `horizon:` section to scenario.yaml (see docs/scenario-format.md), or clear first_year, years and may_stop.")
      }
      for file in [partnerYears.map { _ in partnerYearsFile }, measureYears.map { _ in measureYearsFile }].compactMap({ $0 }) {
        log.add(
          file, row: nil, nil, "the file gives values for later years, but scenario.yaml has no horizon.",
          fix: "add a `horizon:` section to scenario.yaml, or remove \(file).")
      }
      return nil
    }
    let years = settings.years
    let laterYears = Set(years.dropFirst())
    let range = "\(settings.firstYear)–\(settings.lastYear)"
    // partner-years.csv
    var capacity: [PartnerID: [Int: [PartnerRole: Double]]] = [:]
    let partnerIDs = Set(partners.map(\.id))
    for row in partnerYears?.rows ?? [] {
      var reader = RowReader(file: partnerYearsFile, row: row)
      let id = reader.identifier(PartnerYearColumns.partner).map(PartnerID.init)
      let rowYear = reader.wholeNumber(PartnerYearColumns.year, required: true, in: 2000...2100, unit: "year")
      var hours: [PartnerRole: Double] = [:]
      for role in PartnerRole.allCases {
        hours[role] = reader.number(ScenarioSchema.hours(role.rawValue), required: false, in: 0...PartnersFile.largestHours, unit: "hours")
      }
      if let id, !partnerIDs.contains(id) {
        reader.fail(
          PartnerYearColumns.partner, "\"\(id)\" is not a partner in partners.csv.",
          fix: "write one of: \(partnerIDs.sorted().map(\.rawValue).joined(separator: ", ")).")
      }
      if let rowYear, !laterYears.contains(rowYear) {
        reader.fail(
          PartnerYearColumns.year, "\(rowYear) is not a later year of the horizon \(range).",
          fix: "give a year from \(years[1]) to \(settings.lastYear); the first year's hours are in partners.csv.")
      }
      if let id, let rowYear, capacity[id]?[rowYear] != nil {
        reader.fail(PartnerYearColumns.year, "the hours of \(id) in \(rowYear) are given twice.", fix: "keep one row per partner and year.")
      }
      log.append(contentsOf: reader.log)
      if reader.log.isEmpty, let id, let rowYear { capacity[id, default: [:]][rowYear] = hours.compactMapValues { $0 } }
    }
    // measures.csv: the years must lie in the horizon.
    for index in measures.indices {
      let first = measures[index].firstYear ?? years[0]
      measures[index].firstYear = first
      let last = first + measures[index].laterYears.count
      let row = measureRows[measures[index].id]
      if !years.contains(first) {
        log.add(
          MeasuresFile.fileName, row: row, MeasureColumns.firstYear, "\(first) is not a year of the horizon \(range).",
          fix: "write a year from \(years[0]) to \(settings.lastYear), or leave it empty for \(years[0]).")
      } else if last > settings.lastYear {
        log.add(
          MeasuresFile.fileName, row: row, MeasureColumns.years,
          "the measure runs \(first)–\(last), beyond the horizon's last year \(settings.lastYear).",
          fix: "write years = \(settings.lastYear - first + 1) or fewer, or extend horizon.last_year in scenario.yaml.")
      } else if measures[index].continuing && first != years[0] {
        log.add(
          MeasuresFile.fileName, row: row, MeasureColumns.firstYear,
          "a continuing commitment runs from the first year of the plan, \(years[0]).",
          fix: "leave first_year empty, or set continuing = nei for a measure that starts later.")
      }
    }
    let usesSchoolYears = readMeasureYears(measureYears, settings: settings, measures: &measures, measureRows: measureRows, log: &log)
    var horizon = Horizon(years: years, laterFrames: settings.laterFrames, laterCapacity: capacity, carryOverShare: settings.carryOverShare)
    horizon.schoolYearJuneShare = usesSchoolYears ? settings.juneShare : nil
    horizon.forecasts = settings.forecasts
    return horizon
  }

  /// A school year written `2027/28`, `2027/2028`, `2027-28` or `2027-2028`: the calendar year it starts.
  static func schoolYearStart(_ text: String) -> Int? {
    let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]), (2000...2100).contains(start) else { return nil }
    return end == start + 1 || end == (start + 1) % 100 ? start : nil
  }

  /// - Returns: whether some measure is given per school year.
  private static func readMeasureYears(
    _ table: CSVTable?, settings: HorizonSettings, measures: inout [Measure], measureRows: [MeasureID: Int], log: inout IssueLog
  ) -> Bool {
    guard let table else { return false }
    let indexByID = Dictionary(uniqueKeysWithValues: measures.indices.map { (measures[$0].id, $0) })
    /// School-year amounts per measure: (start year, amounts, row).
    var schoolYears: [Int: [(start: Int, amounts: YearAmounts, row: Int)]] = [:]
    var calendarRows: [Int: Set<Int>] = [:]
    var firstRowOf: [MeasureID: Int] = [:]
    for row in table.rows {
      var reader = RowReader(file: measureYearsFile, row: row)
      let id = reader.identifier(MeasureYearColumns.measure).map(MeasureID.init)
      let cost = reader.number(MeasureYearColumns.costNOK, required: false, in: 0...ScenarioSettingsFile.largestAmount, unit: "NOK")
      var hours: [PartnerRole: Double?] = [:]
      for role in PartnerRole.allCases {
        hours[role] = reader.number(ScenarioSchema.hours(role.rawValue), required: false, in: 0...PartnersFile.largestHours, unit: "hours")
      }
      var index: Int?
      if let id {
        index = indexByID[id]
        if index == nil {
          reader.fail(
            MeasureYearColumns.measure, "\"\(id)\" is not a measure in measures.csv.", fix: "write a measure id from measures.csv.")
        }
        if firstRowOf[id] == nil { firstRowOf[id] = row.number }
      }
      switch (reader.has(MeasureYearColumns.year), reader.has(MeasureYearColumns.schoolYear)) {
      case (true, true):
        reader.fail(
          MeasureYearColumns.year, "both year and school_year are given.", fix: "give a calendar year or a school year, not both.")
      case (false, false):
        reader.fail(
          MeasureYearColumns.year, "neither year nor school_year is given.", fix: "write a calendar year (2028) or a school year (2028/29)."
        )
      case (true, false):
        let rowYear = reader.wholeNumber(MeasureYearColumns.year, required: true, in: 2000...2100, unit: "year")
        guard let index, let rowYear else { break }
        let measure = measures[index]
        let first = measure.firstYear ?? settings.years[0]
        let measureYears = first...(first + measure.laterYears.count)
        if rowYear == first {
          reader.fail(
            MeasureYearColumns.year, "\(rowYear) is the first year of \(measure.id); its amounts are in measures.csv.",
            fix: "change cost_nok and the hours in measures.csv, and list only later years here.")
        } else if !measureYears.contains(rowYear) {
          reader.fail(
            MeasureYearColumns.year, "\(measure.id) runs \(measureYears.lowerBound)–\(measureYears.upperBound), not in \(rowYear).",
            fix: "set years in measures.csv (row \(measureRows[measure.id].map(String.init) ?? "?")) so that it covers \(rowYear).")
        } else if calendarRows[index, default: []].contains(rowYear) {
          reader.fail(MeasureYearColumns.year, "\(rowYear) of \(measure.id) is given twice.", fix: "keep one row per measure and year.")
        } else if reader.log.isEmpty {
          calendarRows[index, default: []].insert(rowYear)
          var amounts = measure.laterYears[rowYear - first - 1]
          if let cost { amounts.stateCost = cost }
          for role in PartnerRole.allCases { if let value = hours[role] ?? nil { amounts.hours[role] = value } }
          measures[index].laterYears[rowYear - first - 1] = amounts
        }
      case (false, true):
        guard let start = schoolYearStart(reader.text(MeasureYearColumns.schoolYear)) else {
          reader.fail(
            MeasureYearColumns.schoolYear, "\"\(reader.text(MeasureYearColumns.schoolYear))\" is not a school year.",
            fix: "write it as 2027/28 (August 2027 to June 2028)."
          )
          break
        }
        if cost == nil {
          reader.fail(MeasureYearColumns.costNOK, "a school-year row needs its cost.", fix: "write the school year's cost in NOK.")
        }
        guard let index, let cost, reader.log.isEmpty else { break }
        var amounts = YearAmounts(stateCost: cost, hours: [:])
        for role in PartnerRole.allCases { amounts.hours[role] = (hours[role] ?? nil) ?? 0 }
        if schoolYears[index, default: []].contains(where: { $0.start == start }) {
          reader.fail(
            MeasureYearColumns.schoolYear, "this school year of \(measures[index].id) is given twice.", fix: "keep one row per school year."
          )
        } else {
          schoolYears[index, default: []].append((start, amounts, row.number))
        }
      }
      log.append(contentsOf: reader.log)
    }
    for (index, rows) in schoolYears.sorted(by: { $0.key < $1.key }) {
      convertSchoolYears(index, rows, settings: settings, measures: &measures, calendarRows: calendarRows, log: &log)
    }
    return !schoolYears.isEmpty
  }

  /// A measure given per school year gets its calendar-year amounts as the payments fall: the June
  /// share in the year the school year starts, the rest the following winter.
  private static func convertSchoolYears(
    _ index: Int, _ rows: [(start: Int, amounts: YearAmounts, row: Int)], settings: HorizonSettings, measures: inout [Measure],
    calendarRows: [Int: Set<Int>], log: inout IssueLog
  ) {
    let measure = measures[index]
    let rows = rows.sorted { $0.start < $1.start }
    let firstRow = rows[0].row
    if calendarRows[index] != nil {
      log.add(
        measureYearsFile, row: firstRow, MeasureYearColumns.schoolYear, "\(measure.id) has rows by calendar year and by school year.",
        fix: "give all its rows by school year, or all by calendar year.")
      return
    }
    if let gap = zip(rows, rows.dropFirst()).first(where: { $1.start != $0.start + 1 }) {
      log.add(
        measureYearsFile, row: gap.1.row, MeasureYearColumns.schoolYear,
        "the school years of \(measure.id) have a gap before \(gap.1.start).",
        fix: "list consecutive school years (a measure that pauses a year is two measures).")
      return
    }
    let june = settings.juneShare
    var calendar: [Int: YearAmounts] = [:]
    for row in rows {
      for (year, share) in [(row.start, june), (row.start + 1, 1 - june)] where share > 0 {
        var amounts = calendar[year] ?? YearAmounts(stateCost: 0, hours: [:])
        amounts.stateCost += share * row.amounts.stateCost
        for role in PartnerRole.allCases { amounts.hours[role, default: 0] += share * row.amounts.hours(role) }
        calendar[year] = amounts
      }
    }
    let years = calendar.keys.sorted()
    // `rows` is not empty (one school year at least), so neither is `calendar`.
    guard let first = years.first, let last = years.last else { return }
    if first < settings.firstYear || last > settings.lastYear {
      log.add(
        measureYearsFile, row: firstRow, MeasureYearColumns.schoolYear,
        "\(measure.id)'s school years are paid \(first)–\(last), outside the horizon \(settings.firstYear)–\(settings.lastYear).",
        fix: "extend horizon.last_year, or list only the school years paid within the horizon.")
      return
    }
    let declaredFirst = measure.firstYear ?? settings.years[0]
    if declaredFirst != first && declaredFirst != settings.years[0]
      || (!measure.laterYears.isEmpty && measure.laterYears.count != years.count - 1)
    {
      log.add(
        measureYearsFile, row: firstRow, MeasureYearColumns.schoolYear,
        "\(measure.id)'s school years are paid \(first)–\(last), but measures.csv gives other years (first_year, years).",
        fix: "write first_year = \(first) and years = \(years.count) in measures.csv, or leave them empty.")
      return
    }
    guard let firstAmounts = calendar[first] else { return }
    let differs =
      abs(firstAmounts.stateCost - measure.stateCost) > 0.5
      || PartnerRole.allCases.contains { abs(firstAmounts.hours($0) - measure.hours($0)) > 0.01 }
    if differs {
      let hours = PartnerRole.allCases.map {
        "\(ScenarioSchema.hours($0.rawValue)) = \(format((firstAmounts.hours($0) * 100).rounded() / 100))"
      }
      log.add(
        measureYearsFile, row: firstRow, MeasureYearColumns.schoolYear,
        "\(measure.id)'s school years give \(format(firstAmounts.stateCost.rounded())) NOK in \(first), but measures.csv gives \(format(measure.stateCost)) NOK (or other hours); measures.csv holds the first calendar year.",
        fix: "write cost_nok = \(format(firstAmounts.stateCost.rounded())), \(hours.joined(separator: ", ")) in measures.csv.")
      return
    }
    measures[index].firstYear = first
    measures[index].laterYears = years.dropFirst().compactMap { calendar[$0] }
  }
}
