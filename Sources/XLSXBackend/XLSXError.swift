import CXLSXWriter

/// Why a workbook could not be written as XLSX. libxlsxwriter's raw codes never reach the user:
/// each becomes one of these, with the library's own sentence.
public enum XLSXError: Error, Equatable, CustomStringConvertible {
  /// A value the XLSX format cannot hold, found before anything reached libxlsxwriter.
  case invalidValue(String)
  /// libxlsxwriter refused a call: which call, its error number and its sentence for it.
  case library(function: String, code: UInt32, message: String)
  /// The temporary file could not be made or read back.
  case file(String)

  public var description: String {
    switch self {
    case .invalidValue(let what): "the spreadsheet cannot hold \(what)"
    case .library(let function, let code, let message): "libxlsxwriter's \(function) failed (error \(code)): \(message)"
    case .file(let what): "the spreadsheet could not be written: \(what)"
    }
  }

  /// Whether the file system, not the workbook, is at fault (no temporary file, a full disk).
  public var isFileSystem: Bool {
    switch self {
    case .invalidValue: false
    case .file: true
    case .library(_, let code, _):
      [LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE, LXW_ERROR_ZIP_FILE_OPERATION]
        .contains { $0.rawValue == code }
    }
  }

  /// Throws when `code` is not `LXW_NO_ERROR`.
  ///
  /// - Parameters:
  ///   - code: what the call returned.
  ///   - function: the C function called, for the message.
  /// - Throws: ``XLSXError/library(function:code:message:)`` with libxlsxwriter's sentence.
  static func check(_ code: lxw_error, _ function: String) throws(XLSXError) {
    guard code.rawValue != LXW_NO_ERROR.rawValue else { return }
    // libxlsxwriter: "lxw_strerror ... converts a libxlsxwriter error number ... to a string".
    let message = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
    throw .library(function: function, code: code.rawValue, message: message)
  }
}
