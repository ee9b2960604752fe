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
      let after = failure.text.words(in: .en).problem.components(separatedBy: "\" ").last ?? ""
      return after.split(separator: " ").prefix(3).joined(separator: " ")
    }
  }

  @Test("plain numbers (the fast path) and the rest (the general path) read as before")
  func numbers() {
    let expected: [(String, String)] = [
      ("1500", "1500.0"), (" 0,5 ", "0.5"), ("0.5", "0.5"), ("-3", "-3.0"), ("+2", "2.0"), ("1e3", "1000.0"), ("1E-2", "0.01"),
      ("1 500 000", "1500000.0"), ("1\u{00A0}500,25", "1500.25"), ("\t12\t", "12.0"),
      ("1,5,0", "has more than"), ("1.500,25", "1500.25"), ("1.500.000", "1500000.0"), ("1.050", "could be 1050"),
      ("0.050", "0.05"), ("1.05", "1.05"), ("12.5000", "12.5"), ("1.50.000", "has more than"), ("1e999", "is not a"), ("+-1", "is not a"), ("e", "is not a"),
      (",", "is not a"), ("", "is not a"), ("12 kr", "has a unit"), ("30 %", "has a unit"), ("NaN", "is not a"), ("inf", "is not a"),
      ("12a", "is not a"),
    ]
    for (text, result) in expected { #expect(read(text) == result, "\(text)") }
  }

  @Test("1.050 as Norwegians write it: a thousand point in a file with decimal comma, a decimal in a file with decimal point, else a question")
  func thousandPoints() {
    func value(_ text: String, _ decimalComma: Bool?) -> Double? { try? CellValues.number(text, decimalComma: decimalComma).get() }
    #expect(value("1.050", true) == 1050)
    #expect(value("1.050", false) == 1.05)
    #expect(value("1.050", nil) == nil)
    if case .failure(let failure) = CellValues.number("1.050") {
      #expect(failure.text.words(in: .en).problem == "\"1.050\" could be 1050 (a thousand point) or 1,050 (a decimal point).")
      #expect(failure.text.words(in: .en).fix.contains("1 050"))
    }
    #expect(value("19.300", true) == 19_300)
    #expect(value("1.500.000", false) == 1_500_000)
    #expect((try? CellValues.wholeNumber("19.300", decimalComma: true).get()) == 19_300)
    // The file's mark: from the cells that are plainly decimals; 1.050 and 1,050 tell nothing.
    #expect(CellValues.decimalComma(of: ["0,5", "1 050", "text", "2027-08"]) == true)
    #expect(CellValues.decimalComma(of: ["0.5", "1050"]) == false)
    #expect(CellValues.decimalComma(of: ["1.050", "1,050", "12"]) == nil)
    #expect(CellValues.decimalComma(of: ["0,5", "0.5"]) == nil)
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
