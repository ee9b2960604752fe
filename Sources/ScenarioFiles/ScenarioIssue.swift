import UserMessages

/// One thing wrong in a scenario folder: where, what, and how to fix it.
///
/// What is wrong is a typed ``IssueText``; its words come from the catalogue of the language asked
/// for (``problem(in:)``, ``fix(in:)``, ``line(in:)``), so one issue prints in bokmål or English.
public struct ScenarioIssue: Sendable, Equatable, Comparable, CustomStringConvertible {
  /// The file name inside the scenario folder, e.g. `measures.csv`.
  public var file: String
  /// The row as a spreadsheet counts it (header = 1), or the line in a YAML file; `nil` for the
  /// whole file.
  public var row: Int?
  /// The column (CSV) or key path (YAML), when the issue is about one.
  public var field: String?
  /// What is wrong and how to fix it, in no language yet.
  public var text: IssueText

  public init(file: String, row: Int?, field: String?, _ text: IssueText) {
    self.file = file
    self.row = row
    self.field = field
    self.text = text
  }

  /// What is wrong, in `language`.
  public func problem(in language: Language) -> String { text.words(in: language).problem }

  /// How to fix it, in `language`.
  public func fix(in language: Language) -> String { text.words(in: language).fix }

  /// The problem and its fix as one message, as a form shows it next to its field; text from the
  /// files is made ``visible(_:)``.
  public func message(in language: Language) -> String { text.message(in: language) }

  /// `measures.csv:7: kolonne 'rank': «to» er ikke et heltall. Slik retter du det: …`, with text
  /// from the files made ``visible(_:)`` (no terminal escape or line break gets through).
  public func line(in language: Language) -> String {
    var text = file
    if let row { text += ":\(row)" }
    text += ": "
    if let field {
      text += (file.hasSuffix(".csv") ? ConsoleText.columnLabel(field) : ConsoleText.keyLabel(field)).text(in: language) + ": "
    }
    let words = self.text.words(in: language)
    return visible(text + words.problem + ConsoleText.fixLead.text(in: language) + words.fix)
  }

  /// The English line (``line(in:)``), for logs and tests.
  public var description: String { line(in: .en) }

  /// By file, row, field and English problem: the same order in every language.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.file, lhs.row ?? 0, lhs.field ?? "", lhs.problem(in: .en)) < (rhs.file, rhs.row ?? 0, rhs.field ?? "", rhs.problem(in: .en))
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

  /// The first ``shownIssueLimit`` issues in `language`, then a line that says how many more there are.
  public func shownLines(in language: Language) -> [String] {
    let shown = issues.prefix(Self.shownIssueLimit).map { $0.line(in: language) }
    let more = issues.count - shown.count
    return more > 0 ? shown + [ConsoleText.moreErrors(more).text(in: language)] : shown
  }

  /// The English lines, for logs and tests.
  public var description: String { shownLines(in: .en).joined(separator: "\n") }
}

/// Collects issues while a file is read, so that all of them are reported at once.
struct IssueLog {
  private(set) var issues: [ScenarioIssue] = []

  mutating func add(_ file: String, row: Int?, _ field: String?, _ text: IssueText) {
    issues.append(ScenarioIssue(file: file, row: row, field: field, text))
  }

  mutating func append(contentsOf other: IssueLog) { issues.append(contentsOf: other.issues) }

  var isEmpty: Bool { issues.isEmpty }
}
