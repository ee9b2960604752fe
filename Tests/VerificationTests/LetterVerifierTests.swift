import GrantAllocation
import Reports
import Testing
import Verification

/// The decision letters are checked against the settlement they were written from.
@Suite("Letter verifier")
struct LetterVerifierTests {
  static func letters() throws -> (settlement: Settlement, letters: [LetterVerifier.Letter]) {
    let input = ReportInput(
      result: VerifierTests.solved(), language: .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))
    let rendered = try DecisionLetterDocuments(input).markdown()
    let letters = rendered.map { _, letter, markdown in
      LetterVerifier.Letter(
        recipient: letter.recipient, payments: letter.payments,
        schemeAmounts: Dictionary(letter.schemes.map { ($0.scheme, $0.amount) }, uniquingKeysWith: +), markdown: markdown,
        requiredTexts: ([letter.total] + letter.schemes.map(\.amount)).map(input.names.kroner))
    }
    return (input.settlement, letters)
  }

  @Test("dekom's own letters pass")
  func passes() throws {
    let (settlement, letters) = try Self.letters()
    #expect(letters.count >= 2)
    #expect(LetterVerifier(settlement: settlement, letters: letters).violations() == [])
  }

  @Test("a letter missing, a payment dropped, a scheme amount or a table total changed are each caught")
  func catches() throws {
    let (settlement, letters) = try Self.letters()
    #expect(LetterVerifier(settlement: settlement, letters: Array(letters.dropFirst())).violations().map(\.rule) == [.payments])
    var dropped = letters
    dropped[0].payments.removeLast()
    #expect(!LetterVerifier(settlement: settlement, letters: dropped).violations().isEmpty)
    var changed = letters
    let scheme = try #require(changed[0].schemeAmounts.keys.first)
    changed[0].schemeAmounts[scheme, default: 0] += 1
    #expect(LetterVerifier(settlement: settlement, letters: changed).violations().map(\.rule) == [.payments])
    var twice = letters
    twice.append(letters[0])
    #expect(LetterVerifier(settlement: settlement, letters: twice).violations().map(\.rule) == [.payments])
    // The rendered letter says another total than it is paid.
    var wrongTotal = letters
    let total = try #require(wrongTotal[0].requiredTexts.first)
    wrongTotal[0].markdown = wrongTotal[0].markdown.replacingOccurrences(of: total, with: "1")
    #expect(LetterVerifier(settlement: settlement, letters: wrongTotal).violations().contains { $0.message.contains("does not say") })
    // A total row that does not add up.
    var table = letters
    table[0].markdown += "\n\n| Tiltak | Beløp (kr) |\n|---|---:|\n| x | 100 |\n| **Sum** | **101** |\n"
    #expect(LetterVerifier(settlement: settlement, letters: table).violations().map(\.rule) == [.reportTotal])
  }
}
