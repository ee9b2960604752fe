/// One thing wrong in a scenario folder: where, what, and how to fix it.
public struct ScenarioIssue: Sendable, Equatable, Comparable, CustomStringConvertible {
  /// The file name inside the scenario folder, e.g. `measures.csv`.
  public var file: String
  /// The row as a spreadsheet counts it (header = 1), or the line in a YAML file; `nil` for the
  /// whole file.
  public var row: Int?
  /// The column (CSV) or key path (YAML), when the issue is about one.
  public var field: String?
  /// What is wrong.
  public var problem: String
  /// How to fix it.
  public var fix: String

  public init(file: String, row: Int?, field: String?, problem: String, fix: String) {
    self.file = file
    self.row = row
    self.field = field
    self.problem = problem
    self.fix = fix
  }

  /// `measures.csv:7: column 'rank': "to" is not a whole number. Fix: …`
  public var description: String {
    var text = file
    if let row { text += ":\(row)" }
    text += ": "
    if let field { text += (file.hasSuffix(".csv") ? "column '\(field)'" : "key '\(field)'") + ": " }
    return text + problem + " Fix: " + fix
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.file, lhs.row ?? 0, lhs.field ?? "", lhs.problem) < (rhs.file, rhs.row ?? 0, rhs.field ?? "", rhs.problem)
  }
}

/// A scenario folder that cannot be used, with every issue found in it.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
  /// Sorted by file and row.
  public var issues: [ScenarioIssue]

  public init(issues: [ScenarioIssue]) { self.issues = issues.sorted() }

  /// At most this many issues are shown: a huge broken file would otherwise print more text than
  /// anyone reads (a 50 MB file gave 85 MB of errors).
  public static let shownIssueLimit = 200

  /// The first ``shownIssueLimit`` issues, then a line that says how many more there are.
  public var shownLines: [String] {
    let shown = issues.prefix(Self.shownIssueLimit).map(\.description)
    let more = issues.count - shown.count
    return more > 0 ? shown + ["… and \(more) more error\(more == 1 ? "" : "s"): fix these first and check again."] : shown
  }

  public var description: String { shownLines.joined(separator: "\n") }
}

/// Collects issues while a file is read, so that all of them are reported at once.
struct IssueLog {
  private(set) var issues: [ScenarioIssue] = []

  mutating func add(_ file: String, row: Int?, _ field: String?, _ problem: String, fix: String) {
    issues.append(ScenarioIssue(file: file, row: row, field: field, problem: problem, fix: fix))
  }

  mutating func append(contentsOf other: IssueLog) { issues.append(contentsOf: other.issues) }

  var isEmpty: Bool { issues.isEmpty }
}
