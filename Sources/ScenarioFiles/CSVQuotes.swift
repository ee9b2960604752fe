/// Checks the quotes of a CSV file line by line before it is parsed, so that a quote that is never
/// closed cannot swallow the rest of the file (a CSV parser reads on to the next quote, however
/// many rows later) and a stray quote gets a row and column in plain words.
///
/// The scenario files are edited in spreadsheets, whose CSV never needs a cell to span lines here:
/// a quoted cell must close on the line it opened. Inside a quoted cell `""` is one quote; outside
/// one, a quote may only open a cell.
enum CSVQuotes {
  /// A quote problem on one line.
  struct Problem: Equatable {
    enum Kind: Equatable {
      /// A quote opened a cell and the line ended before it closed.
      case unclosed
      /// A quote inside a cell that did not start with one (`a"b`).
      case stray
      /// Text after the quote that closed a cell, before the separator (`"a"b`).
      case afterClosingQuote
    }
    var kind: Kind
    /// The line, counting from 1 (the header is line 1).
    var line: Int
    /// The cell's position on the line, counting from 0.
    var column: Int
  }

  /// Every line's quote problems (at most one per line), in order.
  static func problems(in text: String, separator: Character) -> [Problem] {
    var problems: [Problem] = []
    var lineNumber = 0
    for line in text.linesOfAnyEnding {
      lineNumber += 1
      if let problem = problem(in: line, separator: separator, line: lineNumber) { problems.append(problem) }
    }
    return problems
  }

  /// The first quote problem of one line, if any.
  static func problem(in line: Substring, separator: Character, line number: Int) -> Problem? {
    var column = 0
    var index = line.startIndex
    var atCellStart = true
    while index < line.endIndex {
      let character = line[index]
      if atCellStart && character == "\"" {
        // A quoted cell: read to the closing quote ("" is an escaped quote).
        var cursor = line.index(after: index)
        var closed = false
        while cursor < line.endIndex {
          if line[cursor] == "\"" {
            let next = line.index(after: cursor)
            if next < line.endIndex && line[next] == "\"" {
              cursor = line.index(after: next)
              continue
            }
            closed = true
            cursor = next
            break
          }
          cursor = line.index(after: cursor)
        }
        guard closed else { return Problem(kind: .unclosed, line: number, column: column) }
        // Only blanks may stand between the closing quote and the separator.
        while cursor < line.endIndex && line[cursor] != separator {
          guard line[cursor] == " " || line[cursor] == "\t" else {
            return Problem(kind: .afterClosingQuote, line: number, column: column)
          }
          cursor = line.index(after: cursor)
        }
        index = cursor
        atCellStart = false
        continue
      }
      if character == separator {
        column += 1
        atCellStart = true
      } else if character == "\"" {
        return Problem(kind: .stray, line: number, column: column)
      } else if character != " " && character != "\t" {
        atCellStart = false
      }
      index = line.index(after: index)
    }
    return nil
  }
}
