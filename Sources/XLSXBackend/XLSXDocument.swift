import CXLSXWriter
import Spreadsheets

/// The one owner of a libxlsxwriter workbook: made, filled and closed inside one call on one
/// thread; freed by `deinit` when it was not closed (a failure half-way).
final class XLSXDocument {
  private var workbook: UnsafeMutablePointer<lxw_workbook>?
  /// The cell formats made so far, by style and weight (libxlsxwriter owns and frees them).
  private var formats: [FormatKey: UnsafeMutablePointer<lxw_format>] = [:]

  private struct FormatKey: Hashable {
    var style: Style
    var bold: Bool
  }

  /// How a cell is shown: a number style, a date, text or a header.
  enum Style: Hashable {
    case text
    /// Text that wraps at the column's width.
    case wrappedText
    case header
    case number(NumberStyle)
    case date
  }

  /// Opens a workbook that `close()` writes to `path`, keeping its temporary files in `temporaryFolder`.
  ///
  /// - Throws: ``XLSXError`` when libxlsxwriter cannot make the workbook.
  init(path: String, temporaryFolder: String) throws(XLSXError) {
    let made = path.withCString { path in
      temporaryFolder.withCString { folder in
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: UnsafeMutablePointer(mutating: folder), use_zip64: 0)
        // libxlsxwriter copies the options' strings; the workbook does not keep `folder`.
        return workbook_new_opt(path, &options)
      }
    }
    guard let made else {
      throw .library(function: "workbook_new_opt", code: LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue, message: "the workbook could not be made")
    }
    workbook = made
  }

  deinit {
    if let workbook { lxw_workbook_free(workbook) }
  }

  private func open() throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
    guard let workbook else { throw .file("the workbook is already closed") }
    return workbook
  }

  /// Sets the title and a fixed creation time, so that the same workbook gives the same bytes
  /// (libxlsxwriter: "If you wish to create files that are binary equivalent … set this creation
  /// date/time to a known value"; the zip entries' own dates are fixed by libxlsxwriter).
  func setProperties(title: String, created: Int) throws(XLSXError) {
    let workbook = try open()
    let code = title.withCString { title in
      var properties = lxw_doc_properties()
      properties.title = UnsafeMutablePointer(mutating: title)
      properties.created = time_t(created)
      // libxlsxwriter copies the strings of the properties.
      return workbook_set_properties(workbook, &properties)
    }
    try XLSXError.check(code, "workbook_set_properties")
  }

  /// Adds a sheet (its name already validated).
  func addSheet(_ name: String) throws(XLSXError) -> UnsafeMutablePointer<lxw_worksheet> {
    let workbook = try open()
    guard let sheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
      throw .library(
        function: "workbook_add_worksheet", code: LXW_ERROR_PARAMETER_VALIDATION.rawValue,
        message: "the sheet \"\(name)\" could not be added")
    }
    return sheet
  }

  /// The format for `style`, bold or not, made once.
  func format(_ style: Style, bold: Bool) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
    let key = FormatKey(style: style, bold: bold)
    if let made = formats[key] { return made }
    let workbook = try open()
    guard let format = workbook_add_format(workbook) else {
      throw .library(function: "workbook_add_format", code: LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue, message: "no memory for a cell format")
    }
    if bold || style == .header { format_set_bold(format) }
    // Every cell at the top of its row, which a wrapped reason makes taller.
    format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    switch style {
    case .text: break
    case .header, .wrappedText: format_set_text_wrap(format)
    // Number formats are stored without a locale: Excel shows `#,##0` with the reader's own
    // thousand separator and decimal mark (a space and a comma in Norwegian).
    case .number(.kroner), .number(.whole): format_set_num_format(format, "#,##0")
    case .number(.hours): format_set_num_format(format, "#,##0.0")
    case .number(.percent): format_set_num_format(format, "0.0%")
    // Excel's built-in format 14, the reader's short date (30.06.2027 in Norwegian).
    case .date: format_set_num_format_index(format, 14)
    }
    formats[key] = format
    return format
  }

  /// Writes the file and frees the workbook, whatever the outcome.
  ///
  /// - Throws: ``XLSXError`` when libxlsxwriter could not write the file.
  func close() throws(XLSXError) {
    let workbook = try open()
    self.workbook = nil
    formats = [:]
    // libxlsxwriter: workbook_close "closes, writes the XLSX file and frees any memory".
    try XLSXError.check(workbook_close(workbook), "workbook_close")
  }
}
