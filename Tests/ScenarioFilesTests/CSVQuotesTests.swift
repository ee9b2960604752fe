import Foundation
import ScenarioFormat
import Testing

@testable import ScenarioFiles

/// Quotes in the scenario's CSV files: a quote that is not closed on its row, or stands inside a
/// cell, is an error with its row and column; quoted cells that close on their row are read whole.
@Suite("CSV quotes")
struct CSVQuotesTests {
  @Test("each kind of quote problem is found on its line and cell")
  func problems() {
    let text = "a;b;c\n1;\"x;3\n1;x\"y;3\n1;\"x\"y;3\n1;\"x \"\" y\";3\r\n1; \"x\" ;3\n"
    #expect(
      CSVQuotes.problems(in: text, separator: ";") == [
        .init(kind: .unclosed, line: 2, column: 1), .init(kind: .stray, line: 3, column: 1),
        .init(kind: .afterClosingQuote, line: 4, column: 1),
      ])
    #expect(CSVQuotes.problems(in: "a,b\n\"1,5\",\"2\"\n", separator: ",").isEmpty)
    #expect(CSVQuotes.problems(in: "a,b\n\"1,5\",\"2\n", separator: ",") == [.init(kind: .unclosed, line: 2, column: 1)])
  }

  @Test("an unclosed quote stops the file instead of swallowing the rows after it")
  func unclosedQuoteLosesNothing() {
    let text = "id;title\nn1;\"Lesing\nn2;Regning\nn3;Skriving\"\nn4;Tall\n"
    var log = IssueLog()
    let table = CSVTable.parse(
      Data(text.utf8), file: "measures.csv", columns: [ScenarioSchema.Column("id", required: true), ScenarioSchema.Column("title", required: true)],
      log: &log)
    #expect(table == nil)
    #expect(log.issues.map(\.row) == [2, 4])
    #expect(log.issues.map(\.field) == ["title", "title"])
  }

  @Test("quoted cells with separators and doubled quotes are read whole, one row per line")
  func quotedCellsAreRead() throws {
    let text = "id;title\nn1;\"Lesing; \"\"tidlig innsats\"\"\"\nn2;Regning\n"
    var log = IssueLog()
    let table = try #require(
      CSVTable.parse(
        Data(text.utf8), file: "measures.csv",
        columns: [ScenarioSchema.Column("id", required: true), ScenarioSchema.Column("title", required: true)], log: &log))
    #expect(log.issues.isEmpty)
    #expect(table.rows.map(\.number) == [2, 3])
    #expect(table.rows.map { $0.cells["title"] } == ["Lesing; \"tidlig innsats\"", "Regning"])
  }

  @Test("a key given twice is found on its line in a file with Windows line ends (CRLF), where a mark once pointed past the lines found (found by fuzzing)")
  func duplicateKeyLinesWithCRLF() {
    let text = "# kommentar\r\nyear: 2027\r\ncounty: A\r\ncounty: B\r\n"
    var log = IssueLog()
    _ = YAMLDocument.read(Data(text.utf8), file: "scenario.yaml", log: &log)
    #expect(log.issues.map(\.description) == ["scenario.yaml:4: key 'county': the key is given twice (first on line 3). Fix: keep one of them."])
  }
}
