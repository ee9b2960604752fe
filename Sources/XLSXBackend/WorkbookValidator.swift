import Spreadsheets

/// Checks every value of a workbook against what XLSX (and libxlsxwriter) can hold, before any of
/// it reaches C: libxlsxwriter would cut a text at a NUL, write a NaN as invalid XML, or refuse a
/// sheet name half-way through the file.
enum WorkbookValidator {
  /// Excel's limits, as libxlsxwriter states them (`LXW_ROW_MAX`, `LXW_COL_MAX`, `LXW_STR_MAX`,
  /// `LXW_SHEETNAME_MAX`); a formula's limit is Excel's 8 192 characters.
  static let maximumRows = 1_048_576
  static let maximumColumns = 16_384
  static let maximumTextLength = 32_767
  static let maximumSheetNameLength = 31
  static let maximumFormulaLength = 8_192
  /// Characters Excel does not allow in a sheet name.
  static let forbiddenInSheetName: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

  /// - Throws: ``XLSXError/invalidValue(_:)`` naming the first value that cannot be written.
  static func validate(_ workbook: Workbook) throws(XLSXError) {
    guard !workbook.sheets.isEmpty else { throw .invalidValue("a workbook without sheets") }
    // The title, column titles and text cells are not checked here: the writer cleans them
    // (``XMLText``), so text from the input never stops the run.
    var names: Set<String> = []
    for sheet in workbook.sheets {
      try sheetName(sheet.name)
      guard names.insert(sheet.name.lowercased()).inserted else { throw .invalidValue("two sheets named \"\(sheet.name)\"") }
      try validate(sheet)
    }
  }

  private static func validate(_ sheet: Worksheet) throws(XLSXError) {
    let place = "sheet \"\(sheet.name)\""
    guard (1...maximumColumns).contains(sheet.columns.count) else {
      throw .invalidValue("\(sheet.columns.count) columns in \(place)")
    }
    guard sheet.rows.count < maximumRows else { throw .invalidValue("\(sheet.rows.count) rows in \(place)") }
    for column in sheet.columns {
      guard column.width.isFinite, (0...255).contains(column.width) else {
        throw .invalidValue("a column width of \(column.width) in \(place)")
      }
    }
    for (index, row) in sheet.rows.enumerated() {
      guard row.cells.count <= sheet.columns.count else {
        throw .invalidValue("\(row.cells.count) cells in row \(index + 2) of \(place), which has \(sheet.columns.count) columns")
      }
      for cell in row.cells { try validate(cell, "row \(index + 2) of \(place)") }
    }
  }

  private static func validate(_ cell: Cell, _ place: String) throws(XLSXError) {
    switch cell {
    case .empty, .text: return
    case .number(let value, _): try number(value, place)
    case .formula(let formula, let value, _):
      try number(value, place)
      try text(formula.text, "a formula in \(place)")
      guard formula.text.count <= maximumFormulaLength else { throw .invalidValue("a formula longer than 8 192 characters in \(place)") }
    case .date(let year, let month, let day):
      // libxlsxwriter's lxw_datetime: "Year: 1900 - 9999".
      guard (1900...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
        throw .invalidValue("the date \(year)-\(month)-\(day) in \(place)")
      }
    }
  }

  private static func number(_ value: Double, _ place: String) throws(XLSXError) {
    guard value.isFinite else { throw .invalidValue("the number \(value) in \(place)") }
  }

  /// A text for a C string that is not cleaned (a sheet name, a formula): no NUL (C would end the
  /// text there), at most Excel's length.
  private static func text(_ value: String, _ what: String) throws(XLSXError) {
    guard !value.unicodeScalars.contains("\0") else { throw .invalidValue("\(what) with a NUL character") }
    guard value.unicodeScalars.count <= maximumTextLength else {
      throw .invalidValue("\(what) longer than \(maximumTextLength) characters")
    }
  }

  private static func sheetName(_ name: String) throws(XLSXError) {
    let what = "the sheet name \"\(name)\""
    try text(name, what)
    guard (1...maximumSheetNameLength).contains(name.unicodeScalars.count) else { throw .invalidValue("\(what): 1 to 31 characters") }
    guard !name.contains(where: forbiddenInSheetName.contains) else { throw .invalidValue("\(what): it has one of [ ] : * ? / \\") }
    guard !name.hasPrefix("'"), !name.hasSuffix("'") else { throw .invalidValue("\(what): it starts or ends with '") }
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
