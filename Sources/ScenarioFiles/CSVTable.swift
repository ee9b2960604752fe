import Foundation
import ScenarioFormat
import SwiftCSV
import UserMessages

/// A CSV file read into rows of cells by column name, with the spreadsheet row number of each row.
struct CSVTable {
  struct Row {
    /// Row as a spreadsheet counts it: the header is row 1.
    var number: Int
    var cells: [String: String]
    /// Whether the file writes decimals with a comma (`true`), a point (`false`), or cannot be told.
    var decimalComma: Bool? = nil
  }

  let file: String
  let columns: [String]
  let rows: [Row]
  /// Rows left out because they could not be split into the header's columns (already logged).
  var rejectedRows = 0

  /// Parses CSV bytes: UTF-8 with or without BOM, `;` or `,` as separator.
  static func parse(_ data: Data, file: String, columns specs: [ScenarioSchema.Column], log: inout IssueLog) -> CSVTable? {
    guard var text = String(data: data, encoding: .utf8) else {
      log.add(file, row: firstNonUTF8Line(data), nil, .csvNotUTF8)
      return nil
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    if text.utf8.contains(0) {
      log.add(file, row: nil, nil, .csvNULBytes)
      return nil
    }
    // Stops at the first character that is not blank (trimming the whole file copied it).
    guard !text.unicodeScalars.allSatisfy(Blanks.isSpaceOrNewline) else {
      log.add(file, row: nil, nil, .csvEmpty)
      return nil
    }
    let delimiter: CSVDelimiter =
      headerLine(text).filter { $0 == ";" }.count >= headerLine(text).filter { $0 == "," }.count
      ? .semicolon : .comma
    // Quotes first: an unclosed one would make the parser swallow the rows after it.
    let separator: Character = delimiter == .semicolon ? ";" : ","
    let quoteProblems = CSVQuotes.problems(in: text, separator: separator)
    if !quoteProblems.isEmpty {
      let headerNames = headerLine(text).split(separator: separator, omittingEmptySubsequences: false).map {
        Blanks.trimmed(String($0)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
      }
      for problem in quoteProblems {
        let column =
          headerNames.indices.contains(problem.column) && !headerNames[problem.column].isEmpty
          ? headerNames[problem.column] : "column \(problem.column + 1)"
        switch problem.kind {
        case .unclosed:
          log.add(file, row: problem.line, column, .unclosedQuote)
        case .stray:
          log.add(file, row: problem.line, column, .strayQuote)
        case .afterClosingQuote:
          log.add(file, row: problem.line, column, .textAfterClosingQuote)
        }
      }
      return nil
    }
    let parsed: EnumeratedCSV
    do {
      parsed = try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false)
    } catch {
      log.add(file, row: nil, nil, .csvInvalid(detail: "\(error)"))
      return nil
    }
    let header = parsed.header.map { Blanks.trimmed($0).lowercased() }
    if header.count == 1, specs.count > 1 {
      log.add(file, row: 1, nil, .oneColumnOnly)
      return nil
    }
    let known = Set(specs.map(\.name))
    var ok = true
    var seen = Set<String>()
    for (position, name) in header.enumerated() {
      if name.isEmpty {
        if parsed.rows.contains(where: { $0.indices.contains(position) && !Blanks.trimmed($0[position]).isEmpty }) {
          log.add(file, row: 1, nil, .unnamedColumn(position: position + 1))
        }
        continue
      }
      if !known.contains(name) {
        let close = specs.map(\.name).min { editDistance($0, name) < editDistance($1, name) } ?? ""
        log.add(file, row: 1, name, .unknownColumn(closest: close))
        ok = false
      }
      if !seen.insert(name).inserted {
        log.add(file, row: 1, name, .columnTwice)
        ok = false
      }
    }
    for spec in specs where spec.required && !seen.contains(spec.name) {
      log.add(file, row: 1, spec.name, .requiredColumnMissing(column: spec.name))
      ok = false
    }
    guard ok else { return nil }
    var rows: [Row] = []
    var rejected = 0
    for (offset, fields) in parsed.rows.enumerated() {
      let number = offset + 2
      if fields.allSatisfy({ Blanks.trimmed($0).isEmpty }) { continue }
      if fields.count > header.count, fields[header.count...].contains(where: { !Blanks.trimmed($0).isEmpty }) {
        log.add(file, row: number, nil, .tooManyCells(cells: fields.count, columns: header.count))
        rejected += 1
        continue
      }
      var cells: [String: String] = [:]
      for (position, name) in header.enumerated() where !name.isEmpty {
        cells[name] = position < fields.count ? Blanks.trimmedLines(fields[position]) : ""
      }
      rows.append(Row(number: number, cells: cells))
    }
    // Every line of data is one row: a parser that joined or dropped lines must not go unnoticed.
    let dataLines = text.linesOfAnyEnding.dropFirst().filter { !$0.unicodeScalars.allSatisfy(Blanks.isSpaceOrNewline) }.count
    let readRows = parsed.rows.filter { !$0.allSatisfy { Blanks.trimmed($0).isEmpty } }.count
    guard dataLines == readRows else {
      log.add(file, row: nil, nil, .linesNotRows(lines: dataLines, rows: readRows))
      return nil
    }
    // The file's decimal mark, from the cells that are plainly decimals, tells what 1.050 means.
    let mark = CellValues.decimalComma(of: rows.flatMap { $0.cells.values })
    for index in rows.indices { rows[index].decimalComma = mark }
    return CSVTable(file: file, columns: header, rows: rows, rejectedRows: rejected)
  }

  /// The line (counting from 1) of the first byte sequence that is not UTF-8.
  static func firstNonUTF8Line(_ data: Data) -> Int? {
    for (offset, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
    where String(data: Data(line), encoding: .utf8) == nil {
      return offset + 1
    }
    return nil
  }

  private static func headerLine(_ text: String) -> Substring {
    text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
  }

  private static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}

/// Reads typed values from one CSV row, logging every problem with file, row and column.
struct RowReader {
  let file: String
  let row: CSVTable.Row
  var log: IssueLog

  init(file: String, row: CSVTable.Row) {
    self.file = file
    self.row = row
    log = IssueLog()
  }

  func text(_ column: String) -> String { row.cells[column] ?? "" }

  func has(_ column: String) -> Bool { !text(column).isEmpty }

  mutating func fail(_ column: String?, _ text: IssueText) {
    log.add(file, row: row.number, column, text)
  }

  mutating func requiredText(_ column: String) -> String? {
    let value = text(column)
    if value.isEmpty { fail(column, .emptyCell) }
    return value.isEmpty ? nil : value
  }

  mutating func identifier(_ column: String) -> String? {
    guard let value = requiredText(column) else { return nil }
    return take(column, CellValues.identifier(value))
  }

  /// A number in `range`; `nil` when empty (logged when `required`) or invalid (logged).
  mutating func number(_ column: String, required: Bool, in range: ClosedRange<Double>, unit: IssueText.NumberUnit) -> Double? {
    let value = text(column)
    if value.isEmpty {
      if required { fail(column, .emptyCellNeeds(unit)) }
      return nil
    }
    guard let number = take(column, CellValues.number(value, decimalComma: row.decimalComma)) else { return nil }
    guard range.contains(number) else {
      fail(column, .outOfRange(value: value, low: range.lowerBound, high: range.upperBound, unit: unit))
      return nil
    }
    return number
  }

  mutating func wholeNumber(_ column: String, required: Bool, in range: ClosedRange<Int>, unit: IssueText.NumberUnit) -> Int? {
    let value = text(column)
    if value.isEmpty {
      if required { fail(column, .emptyCellNeeds(unit)) }
      return nil
    }
    guard let number = take(column, CellValues.wholeNumber(value, decimalComma: row.decimalComma)) else { return nil }
    guard range.contains(number) else {
      fail(column, .wholeOutOfRange(value: value, low: range.lowerBound, high: range.upperBound, unit: unit))
      return nil
    }
    return number
  }

  mutating func yesNo(_ column: String, default defaultValue: Bool?) -> Bool? {
    let value = text(column)
    if value.isEmpty {
      if defaultValue == nil { fail(column, .emptyCellYesNo) }
      return defaultValue
    }
    return take(column, CellValues.yesNo(value))
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(_ column: String, as _: T.Type) -> T? where T.RawValue == String {
    guard let value = requiredText(column) else { return nil }
    guard let choice = T(rawValue: value.lowercased()) else {
      fail(column, .notAllowedValue(value, allowed: T.allCases.map(\.rawValue)))
      return nil
    }
    return choice
  }

  private mutating func take<T>(_ column: String, _ result: Result<T, CellValues.CellError>) -> T? {
    switch result {
    case .success(let value): return value
    case .failure(let failure):
      fail(column, failure.text)
      return nil
    }
  }
}
