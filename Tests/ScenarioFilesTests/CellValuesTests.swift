import Foundation
import Testing

@testable import ScenarioFiles

@Suite("Cell values")
struct CellValuesTests {
  /// What `number` gives: the value, or the first words of its problem.
  func read(_ text: String) -> String {
    switch CellValues.number(text) {
    case .success(let value): return "\(value)"
    case .failure(let failure):
      // The problem quotes the cell first: "…" is not a number.
      let after = failure.problem.components(separatedBy: "\" ").last ?? ""
      return after.split(separator: " ").prefix(3).joined(separator: " ")
    }
  }

  @Test("plain numbers (the fast path) and the rest (the general path) read as before")
  func numbers() {
    let expected: [(String, String)] = [
      ("1500", "1500.0"), (" 0,5 ", "0.5"), ("0.5", "0.5"), ("-3", "-3.0"), ("+2", "2.0"), ("1e3", "1000.0"), ("1E-2", "0.01"),
      ("1 500 000", "1500000.0"), ("1\u{00A0}500,25", "1500.25"), ("\t12\t", "12.0"),
      ("1,5,0", "has more than"), ("1.500,25", "has more than"), ("1e999", "is not a"), ("+-1", "is not a"), ("e", "is not a"),
      (",", "is not a"), ("", "is not a"), ("12 kr", "has a unit"), ("30 %", "has a unit"), ("NaN", "is not a"), ("inf", "is not a"),
      ("12a", "is not a"),
    ]
    for (text, result) in expected { #expect(read(text) == result, "\(text)") }
  }

  @Test("Blanks trims exactly Foundation's whitespace sets, scalar by scalar")
  func blanksMatchFoundation() {
    for value in 0..<0x1_0000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(Blanks.isSpace(scalar) == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
      #expect(Blanks.isSpaceOrNewline(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
    }
    for text in ["  a b ", "\u{00A0}12\u{202F}", "", "   ", "\t\nx\r\n", "é ", " \u{2028}y\u{85}", "\u{200B}id"] {
      #expect(Blanks.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
      #expect(Blanks.trimmedLines(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }
}
