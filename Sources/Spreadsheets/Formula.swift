/// A spreadsheet formula built from cell references only: a sum over a column's rows, or a sum
/// and difference of cells. No text from an input file is ever part of a formula.
public struct Formula: Sendable, Equatable, CustomStringConvertible {
  /// The formula as a spreadsheet stores it, without the leading `=` (`SUM(C2:C9)`).
  public let text: String

  private init(_ text: String) { self.text = text }

  public var description: String { "=" + text }

  /// The sum of `column` over the rows `first...last`; `0` when the range is empty.
  ///
  /// - Parameters:
  ///   - column: the column, counted from 0.
  ///   - first: the first row summed.
  ///   - last: the last row summed.
  /// - Returns: `SUM(C2:C9)`.
  public static func sum(column: Int, from first: RowNumber, through last: RowNumber) -> Formula {
    guard first <= last else { return Formula("0") }
    return Formula("SUM(\(reference(column: column, row: first)):\(reference(column: column, row: last)))")
  }

  /// The sum of the given cells minus the `subtracted` ones, all in `row`.
  ///
  /// - Parameters:
  ///   - columns: the columns added, counted from 0.
  ///   - subtracted: the columns subtracted.
  ///   - row: the row of every cell.
  /// - Returns: `C2+D2-E2`; `0` when no column is given.
  public static func add(columns: [Int], minus subtracted: [Int] = [], row: RowNumber) -> Formula {
    let added = columns.map { reference(column: $0, row: row) }.joined(separator: "+")
    let taken = subtracted.map { "-" + reference(column: $0, row: row) }.joined()
    let text = added + taken
    return Formula(text.isEmpty ? "0" : text)
  }

  /// The sum of single cells in one column (subtotals of groups).
  ///
  /// - Parameters:
  ///   - column: the column, counted from 0.
  ///   - rows: the rows of the cells added.
  /// - Returns: `E5+E9+E14`; `0` when no row is given.
  public static func add(column: Int, rows: [RowNumber]) -> Formula {
    let text = rows.map { reference(column: column, row: $0) }.joined(separator: "+")
    return Formula(text.isEmpty ? "0" : text)
  }

  /// A cell's A1 reference (`C2` for column 2, row 1).
  ///
  /// - Parameters:
  ///   - column: the column, counted from 0.
  ///   - row: the row.
  /// - Returns: the reference, with the column in letters and the row counted from 1.
  public static func reference(column: Int, row: RowNumber) -> String {
    columnLetters(column) + String(row.index + 1)
  }

  /// A column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
  static func columnLetters(_ column: Int) -> String {
    var number = max(0, column) + 1
    var letters: [Character] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
      number = (number - 1) / 26
    }
    return String(letters.reversed())
  }
}
