import Foundation
import GrantAllocation
import ScenarioFormat
import UserMessages

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
          .plannedWithoutHorizon(measure: measure.id.rawValue))
      }
      for file in [partnerYears.map { _ in partnerYearsFile }, measureYears.map { _ in measureYearsFile }].compactMap({ $0 }) {
        log.add(file, row: nil, nil, .yearFileWithoutHorizon(file: file))
      }
      return nil
    }
    let years = settings.years
    let laterYears = Set(years.dropFirst())
    // partner-years.csv
    var capacity: [PartnerID: [Int: [PartnerRole: Double]]] = [:]
    let partnerIDs = Set(partners.map(\.id))
    for row in partnerYears?.rows ?? [] {
      var reader = RowReader(file: partnerYearsFile, row: row)
      let id = reader.identifier(PartnerYearColumns.partner).map(PartnerID.init)
      let rowYear = reader.wholeNumber(PartnerYearColumns.year, required: true, in: 2000...2100, unit: .year)
      var hours: [PartnerRole: Double] = [:]
      for role in PartnerRole.allCases {
        hours[role] = reader.number(ScenarioSchema.hours(role.rawValue), required: false, in: 0...PartnersFile.largestHours, unit: .hours)
      }
      if let id, !partnerIDs.contains(id) {
        reader.fail(PartnerYearColumns.partner, .notAPartner(id.rawValue, partners: partnerIDs.sorted().map(\.rawValue)))
      }
      if let rowYear, !laterYears.contains(rowYear) {
        reader.fail(PartnerYearColumns.year, .partnerYearNotLater(year: rowYear, first: settings.firstYear, last: settings.lastYear))
      }
      if let id, let rowYear, capacity[id]?[rowYear] != nil {
        reader.fail(PartnerYearColumns.year, .partnerHoursTwice(partner: id.rawValue, year: rowYear))
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
          MeasuresFile.fileName, row: row, MeasureColumns.firstYear,
          .firstYearNotInHorizon(year: first, first: settings.firstYear, last: settings.lastYear))
      } else if last > settings.lastYear {
        log.add(
          MeasuresFile.fileName, row: row, MeasureColumns.years,
          .measureBeyondHorizon(first: first, last: last, horizonLast: settings.lastYear))
      } else if measures[index].continuing && first != years[0] {
        log.add(
          MeasuresFile.fileName, row: row, MeasureColumns.firstYear,
          .continuingStartsLater(first: years[0]))
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
      let cost = reader.number(MeasureYearColumns.costNOK, required: false, in: 0...ScenarioSettingsFile.largestAmount, unit: .nok)
      var hours: [PartnerRole: Double?] = [:]
      for role in PartnerRole.allCases {
        hours[role] = reader.number(ScenarioSchema.hours(role.rawValue), required: false, in: 0...PartnersFile.largestHours, unit: .hours)
      }
      var index: Int?
      if let id {
        index = indexByID[id]
        if index == nil {
          reader.fail(MeasureYearColumns.measure, .notAMeasure(id.rawValue))
        }
        if firstRowOf[id] == nil { firstRowOf[id] = row.number }
      }
      switch (reader.has(MeasureYearColumns.year), reader.has(MeasureYearColumns.schoolYear)) {
      case (true, true):
        reader.fail(MeasureYearColumns.year, .yearAndSchoolYear)
      case (false, false):
        reader.fail(MeasureYearColumns.year, .neitherYearNorSchoolYear)
      case (true, false):
        let rowYear = reader.wholeNumber(MeasureYearColumns.year, required: true, in: 2000...2100, unit: .year)
        guard let index, let rowYear else { break }
        let measure = measures[index]
        let first = measure.firstYear ?? settings.years[0]
        let measureYears = first...(first + measure.laterYears.count)
        if rowYear == first {
          reader.fail(MeasureYearColumns.year, .firstYearRow(year: rowYear, measure: measure.id.rawValue))
        } else if !measureYears.contains(rowYear) {
          reader.fail(
            MeasureYearColumns.year,
            .yearOutsideMeasure(
              measure: measure.id.rawValue, first: measureYears.lowerBound, last: measureYears.upperBound, year: rowYear,
              row: measureRows[measure.id]))
        } else if calendarRows[index, default: []].contains(rowYear) {
          reader.fail(MeasureYearColumns.year, .measureYearTwice(year: rowYear, measure: measure.id.rawValue))
        } else if reader.log.isEmpty {
          calendarRows[index, default: []].insert(rowYear)
          var amounts = measure.laterYears[rowYear - first - 1]
          if let cost { amounts.stateCost = cost }
          for role in PartnerRole.allCases { if let value = hours[role] ?? nil { amounts.hours[role] = value } }
          measures[index].laterYears[rowYear - first - 1] = amounts
        }
      case (false, true):
        guard let start = schoolYearStart(reader.text(MeasureYearColumns.schoolYear)) else {
          reader.fail(MeasureYearColumns.schoolYear, .notASchoolYear(reader.text(MeasureYearColumns.schoolYear)))
          break
        }
        if cost == nil {
          reader.fail(MeasureYearColumns.costNOK, .schoolYearNeedsCost)
        }
        guard let index, let cost, reader.log.isEmpty else { break }
        var amounts = YearAmounts(stateCost: cost, hours: [:])
        for role in PartnerRole.allCases { amounts.hours[role] = (hours[role] ?? nil) ?? 0 }
        if schoolYears[index, default: []].contains(where: { $0.start == start }) {
          reader.fail(MeasureYearColumns.schoolYear, .schoolYearTwice(measure: measures[index].id.rawValue))
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
        measureYearsFile, row: firstRow, MeasureYearColumns.schoolYear, .mixedYearKinds(measure: measure.id.rawValue))
      return
    }
    if let gap = zip(rows, rows.dropFirst()).first(where: { $1.start != $0.start + 1 }) {
      log.add(
        measureYearsFile, row: gap.1.row, MeasureYearColumns.schoolYear,
        .schoolYearGap(measure: measure.id.rawValue, before: gap.1.start))
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
        .schoolYearsBeyondHorizon(
          measure: measure.id.rawValue, first: first, last: last, horizonFirst: settings.firstYear, horizonLast: settings.lastYear))
      return
    }
    let declaredFirst = measure.firstYear ?? settings.years[0]
    if declaredFirst != first && declaredFirst != settings.years[0]
      || (!measure.laterYears.isEmpty && measure.laterYears.count != years.count - 1)
    {
      log.add(
        measureYearsFile, row: firstRow, MeasureYearColumns.schoolYear,
        .schoolYearsOtherYears(measure: measure.id.rawValue, first: first, last: last, years: years.count))
      return
    }
    guard let firstAmounts = calendar[first] else { return }
    let differs =
      abs(firstAmounts.stateCost - measure.stateCost) > 0.5
      || PartnerRole.allCases.contains { abs(firstAmounts.hours($0) - measure.hours($0)) > 0.01 }
    if differs {
      let hours = PartnerRole.allCases.map {
        IssueText.ColumnValue(column: ScenarioSchema.hours($0.rawValue), value: (firstAmounts.hours($0) * 100).rounded() / 100)
      }
      log.add(
        measureYearsFile, row: firstRow, MeasureYearColumns.schoolYear,
        .schoolYearsFirstAmounts(
          measure: measure.id.rawValue, cost: firstAmounts.stateCost.rounded(), year: first, given: measure.stateCost, hours: hours))
      return
    }
    measures[index].firstYear = first
    measures[index].laterYears = years.dropFirst().compactMap { calendar[$0] }
  }
}
