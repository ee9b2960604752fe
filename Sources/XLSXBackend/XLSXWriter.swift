import CXLSXWriter
import Foundation
import Spreadsheets

/// Writes a ``Workbook`` as an XLSX file with libxlsxwriter (the only module that imports it).
///
/// Every value is checked before it reaches C, every call's result is checked, and the same
/// workbook always gives the same bytes: the file's creation time is fixed.
public struct XLSXWriter: Sendable {
  /// The creation time stored in every file: 1 January 1980 00:00 UTC, the earliest date a zip
  /// entry can carry and the date libxlsxwriter gives its zip entries (seconds since 1970).
  public static let creationTime = 315_532_800

  /// Where libxlsxwriter's temporary files and the file itself are made, in a folder of its own.
  public var temporaryFolder: URL

  /// - Parameter temporaryFolder: where to make the temporary files (default: the system's).
  public init(temporaryFolder: URL = FileManager.default.temporaryDirectory) {
    self.temporaryFolder = temporaryFolder
  }

  /// The workbook as the bytes of an XLSX file.
  ///
  /// - Parameter workbook: what to write.
  /// - Returns: the file's bytes.
  /// - Throws: ``XLSXError``: a value XLSX cannot hold (before any C call), a call libxlsxwriter
  ///   refused, or a temporary file that could not be made or read.
  public func data(_ workbook: Workbook) throws(XLSXError) -> Data {
    try WorkbookValidator.validate(workbook)
    // libxlsxwriter writes to a named file: one of our own, in a folder of our own, read back.
    let folder = temporaryFolder.appendingPathComponent("dekom-xlsx-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    } catch {
      throw .file("no temporary folder \(folder.path) (\(error.localizedDescription))")
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("workbook.xlsx")
    let document = try XLSXDocument(path: file.path, temporaryFolder: folder.path)
    try document.setProperties(title: XMLText.cleaned(workbook.title), created: Self.creationTime)
    for sheet in workbook.sheets { try write(sheet, in: document) }
    try document.close()
    do {
      return try Data(contentsOf: file)
    } catch {
      throw .file("\(file.path) could not be read back (\(error.localizedDescription))")
    }
  }

  private func write(_ sheet: Worksheet, in document: XLSXDocument) throws(XLSXError) {
    let worksheet = try document.addSheet(sheet.name)
    let header = try document.format(.header, bold: true)
    for (column, spec) in sheet.columns.enumerated() {
      let position = try Self.column(column)
      try XLSXError.check(worksheet_set_column(worksheet, position, position, spec.width, nil), "worksheet_set_column")
      try XLSXError.check(
        XMLText.cleaned(spec.title).withCString { worksheet_write_string(worksheet, 0, position, $0, header) }, "worksheet_write_string")
    }
    // Excel does not fit a row's height to wrapped text when it opens a file: the header row gets
    // the lines its titles need at their columns' widths, at 15 points a line.
    try XLSXError.check(worksheet_set_row(worksheet, 0, 15 * Double(sheet.headerLines), nil), "worksheet_set_row")
    // The header row stays in view while scrolling, and is printed on every page: A4 landscape,
    // as wide as one page (libxlsxwriter: paper type 9 is A4; a height of 0 is "as many as needed").
    worksheet_freeze_panes(worksheet, 1, 0)
    worksheet_set_landscape(worksheet)
    worksheet_set_paper(worksheet, 9)
    worksheet_fit_to_pages(worksheet, 1, 0)
    try XLSXError.check(worksheet_repeat_rows(worksheet, 0, 0), "worksheet_repeat_rows")
    for (index, row) in sheet.rows.enumerated() {
      let rowNumber = try Self.row(index + 1)
      // A row with wrapped text is as tall as its lines need (Excel does not fit it on opening).
      let lines = sheet.lines(ofRow: index)
      // Excel's tallest row is 409 points.
      if lines > 1 { try XLSXError.check(worksheet_set_row(worksheet, rowNumber, min(409, 15 * Double(lines)), nil), "worksheet_set_row") }
      for (column, cell) in row.cells.enumerated() {
        let wraps = sheet.columns[column].wraps
        try write(cell, at: rowNumber, try Self.column(column), bold: row.isTotal, wraps: wraps, in: worksheet, document)
      }
    }
  }

  private func write(
    _ cell: Cell, at row: lxw_row_t, _ column: lxw_col_t, bold: Bool, wraps: Bool, in sheet: UnsafeMutablePointer<lxw_worksheet>,
    _ document: XLSXDocument
  ) throws(XLSXError) {
    switch cell {
    case .empty:
      return
    case .text(let text):
      // A string cell: libxlsxwriter never reads it as a formula, whatever it starts with.
      let format = try document.format(wraps ? .wrappedText : .text, bold: bold)
      try XLSXError.check(
        XMLText.cleaned(text).withCString { worksheet_write_string(sheet, row, column, $0, format) }, "worksheet_write_string")
    case .number(let value, let style):
      let format = try document.format(.number(style), bold: bold)
      try XLSXError.check(worksheet_write_number(sheet, row, column, value, format), "worksheet_write_number")
    case .formula(let formula, let value, let style):
      let format = try document.format(.number(style), bold: bold)
      // The computed value is stored with the formula, for readers that do not compute.
      let code = formula.description.withCString { worksheet_write_formula_num(sheet, row, column, $0, format, value) }
      try XLSXError.check(code, "worksheet_write_formula_num")
    case .date(let year, let month, let day):
      let format = try document.format(.date, bold: bold)
      var date = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
      try XLSXError.check(worksheet_write_datetime(sheet, row, column, &date, format), "worksheet_write_datetime")
    }
  }

  /// A validated row index as libxlsxwriter's type.
  private static func row(_ index: Int) throws(XLSXError) -> lxw_row_t {
    guard let row = lxw_row_t(exactly: index) else { throw .invalidValue("row \(index)") }
    return row
  }

  /// A validated column index as libxlsxwriter's type.
  private static func column(_ index: Int) throws(XLSXError) -> lxw_col_t {
    guard let column = lxw_col_t(exactly: index) else { throw .invalidValue("column \(index)") }
    return column
  }
}
