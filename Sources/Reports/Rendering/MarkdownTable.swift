/// A Markdown table; cells are escaped so that `|` and line breaks in names cannot break it.
struct MarkdownTable {
  var columns: [String]
  /// Columns aligned right (numbers).
  var rightAligned: Set<Int>
  var rows: [[String]] = []

  init(columns: [String], rightAligned: Set<Int> = []) {
    self.columns = columns
    self.rightAligned = rightAligned
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  var rendered: String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ")
        + " |"
    }
    let rule = "|" + columns.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined()
    return ([line(columns), rule] + rows.map(line)).joined(separator: "\n")
  }
}
