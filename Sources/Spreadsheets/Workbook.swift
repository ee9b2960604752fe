/// A workbook as data: named sheets of rows and cells, with no file format in it.
///
/// Reports build one of these; a backend (`XLSXBackend`) writes it as a file. Text is always a
/// text cell, never read as a formula, so a name from an input file that starts with `=` stays
/// the name. Formulas are built only by ``Formula``, from cell references.
public struct Workbook: Sendable, Equatable {
  /// The document title stored in the file's properties.
  public var title: String
  public var sheets: [Worksheet]

  /// - Parameters:
  ///   - title: the document title stored in the file's properties.
  ///   - sheets: the sheets, in the order they are shown.
  public init(title: String, sheets: [Worksheet]) {
    self.title = title
    self.sheets = sheets
  }
}

/// One sheet: a header row of column titles, then rows of cells.
public struct Worksheet: Sendable, Equatable {
  /// One column: its title in the header row, its width in characters, and whether its text
  /// wraps onto more lines.
  public struct Column: Sendable, Equatable {
    public var title: String
    public var width: Double
    /// Whether the column's text cells wrap at its width (a long reason), instead of running on.
    public var wraps = false

    /// - Parameters:
    ///   - title: the text in the header row.
    ///   - width: the column's width in characters (Excel's unit).
    public init(_ title: String, width: Double) {
      self.title = title
      self.width = width
    }
  }

  /// One row below the header.
  public struct Row: Sendable, Equatable {
    public var cells: [Cell]
    /// A total row, shown in bold.
    public var isTotal: Bool

    /// - Parameters:
    ///   - cells: one cell per column (fewer leaves the rest empty).
    ///   - isTotal: whether the row is a total, shown in bold.
    public init(_ cells: [Cell], isTotal: Bool = false) {
      self.cells = cells
      self.isTotal = isTotal
    }
  }

  /// The sheet's name on its tab.
  public var name: String
  public var columns: [Column]
  public var rows: [Row]

  /// - Parameters:
  ///   - name: the name on the sheet's tab.
  ///   - columns: the columns, whose titles make the header row.
  ///   - rows: the rows below the header.
  public init(name: String, columns: [Column], rows: [Row] = []) {
    self.name = name
    self.columns = columns
    self.rows = rows
  }

  /// Where the next appended row will be, as a formula refers to it.
  public var nextRow: RowNumber { RowNumber(rows.count + 1) }

  /// Appends a row and returns where it is.
  @discardableResult
  public mutating func append(_ cells: [Cell], isTotal: Bool = false) -> RowNumber {
    let number = nextRow
    rows.append(Row(cells, isTotal: isTotal))
    return number
  }
}

/// A row as a sheet counts it from 0 (the header row); the first row of data is 1.
public struct RowNumber: Sendable, Hashable, Comparable {
  public var index: Int

  /// - Parameter index: the row's position from 0, the header row.
  public init(_ index: Int) { self.index = index }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// How a number is shown.
public enum NumberStyle: Sendable, Equatable {
  /// Whole kroner with thousand separators.
  case kroner
  /// Whole numbers (hours, ranks, participants) with thousand separators.
  case whole
  /// Hours with one decimal.
  case hours
  /// A share as a percentage with one decimal.
  case percent
}

/// One cell's content.
public enum Cell: Sendable, Equatable {
  case empty
  /// Text, shown as it is: never taken as a formula.
  case text(String)
  case number(Double, NumberStyle)
  /// A calendar date.
  case date(year: Int, month: Int, day: Int)
  /// A formula with the value it computes, which is stored with it for readers that do not
  /// compute (the value must equal what the formula gives).
  case formula(Formula, value: Double, NumberStyle)

  /// Whole kroner.
  public static func kroner(_ amount: Int) -> Cell { .number(Double(amount), .kroner) }

  /// An ISO date (`2027-06-30`), or the text as it is when it is not one.
  public static func isoDate(_ iso: String) -> Cell {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2] else { return .text(iso) }
    return .date(year: year, month: month, day: day)
  }
}
