extension Worksheet {
  /// Sets each column's width to what its cells need, between `minimum` and `maximum`
  /// characters: the longest text or number in it, and the longest word of its title (a title
  /// wraps onto more lines; a word does not). A column whose text is wider than `maximum` wraps.
  ///
  /// - Parameters:
  ///   - minimum: the narrowest a column gets.
  ///   - maximum: the widest a column gets (longer text is cut off at the column's edge).
  public mutating func fitColumnWidths(minimum: Double = 8, maximum: Double = 60) {
    for column in columns.indices {
      let titleWord = columns[column].title.split(separator: " ").map(\.count).max() ?? 0
      let cells = rows.compactMap { $0.cells.indices.contains(column) ? Self.shownLength($0.cells[column]) : nil }
      // One character more than the content, as Excel's own "fit" leaves a margin; bold titles
      // are a little wider than their letters.
      let wanted = Double(max(cells.max() ?? 0, titleWord + 1) + 1)
      columns[column].width = min(maximum, max(minimum, wanted))
      columns[column].wraps = wanted > maximum
    }
  }

  /// About how many characters a cell shows: a number with its thousand separators and decimals.
  static func shownLength(_ cell: Cell) -> Int {
    switch cell {
    case .empty: return 0
    case .text(let text): return text.count
    case .date: return 10
    case .number(let value, let style), .formula(_, let value, let style):
      guard value.isFinite, abs(value) < 1e15 else { return 16 }
      let digits = String(Int(abs(value).rounded())).count
      let decimals = style == .hours || style == .percent ? 2 : 0
      return digits + (digits - 1) / 3 + decimals + (value < 0 ? 1 : 0)
    }
  }

  /// How many lines the header row needs when each title wraps at its column's width.
  public var headerLines: Int {
    columns.map { Self.lines($0.title, width: $0.width) }.max() ?? 1
  }

  /// How many lines row `index` (from 0, the first row below the header) needs: its longest text
  /// in a column that wraps, at that column's width; 1 when none wraps.
  public func lines(ofRow index: Int) -> Int {
    guard rows.indices.contains(index) else { return 1 }
    let cells = rows[index].cells
    return zip(columns, cells).map { column, cell in
      guard column.wraps, case .text(let text) = cell else { return 1 }
      // A total row is bold, and bold letters are wider.
      return Self.lines(text, width: column.width * (rows[index].isTotal ? 0.9 : 1))
    }.max() ?? 1
  }

  /// How many lines `text` takes when it wraps word by word at `width` characters (a word longer
  /// than a line takes as many lines as it fills).
  static func lines(_ text: String, width: Double) -> Int {
    // A column's width counts digits ("0"); letters of running text are about a tenth narrower.
    let capacity = max(1, Int((width * 1.1).rounded(.down)) - 1)
    var lines = 1
    var used = 0
    for word in text.split(separator: " ").map(\.count) {
      if used > 0 && used + 1 + word <= capacity {
        used += 1 + word
      } else {
        if used > 0 { lines += 1 }
        lines += (word - 1) / capacity
        used = (word - 1) % capacity + 1
      }
    }
    return lines
  }
}
