import Testing
import UserMessages

/// The catalogues of scenario-file issues: every case has its text in both languages (the compiler
/// checks that: each catalogue switches over every case without a default, which ArchitectureTests
/// holds), and these check what the texts say and how they format numbers.
@Suite("Issue texts in bokmål and English")
struct IssueTextTests {
  /// One value of many kinds of issue, enough to catch a text left in the wrong language.
  static let samples: [IssueText] = [
    .notANumber("88x"), .notFiniteNumber("inf"), .numberWithUnit("30 %"), .severalDecimalMarks("1.500.000,5"),
    .ambiguousPoint("1.050", thousands: "1050", head: "1", tail: "050"), .notAWholeNumber("2,5"), .notYesNo("kanskje"),
    .notAnID("a b"), .notADate("30.06.2027"), .outOfRange(value: "-5", low: 0, high: 1e7, unit: .hours),
    .wholeOutOfRange(value: "0", low: 1, high: 10_000, unit: .rank), .notAShare(value: "1,5"), .unknownKey(allowed: ["year", "county"]),
    .requiredKeyMissing(key: "year"), .yamlKeyTwice(firstLine: 2), .csvNotUTF8, .unclosedQuote, .unknownColumn(closest: "cost_nok"),
    .emptyCellNeeds(.nok), .fileMissing(file: "measures.csv"), .idTwice("n1", firstRow: 2, entity: .measure),
    .rankMissing(rank: 2, holder: "nord", scheme: "dekom", found: [1, 3]), .notAScheme("dekomm", schemes: ["dekom", "rekom"]),
    .priceTimesParticipantsTooLarge(product: 8.1e12, largest: 1e11), .continuingFailsCriteria([.schoolBased, .collective]),
    .ownerNotServed(owner: "Bø skole", runs: .kindergartens, schemeName: "Rekom"), .frameZero,
    .keyPartsNotOne(equal: 0.5, sizeName: "pupils", size: 0.6), .horizonSpan(first: 2027, last: 2026),
    .templateUnreadable(.unfinishedName, column: 4, line: "{{x", file: "vedtak.mustache"),
    .schoolYearsFirstAmounts(
      measure: "n1", cost: 150_000, year: 2027, given: 300_000, hours: [IssueText.ColumnValue(column: "pool_hours", value: 10.5)]),
    .variantCircle(["a", "b", "a"]), .changeRankOutside(id: "sv-dekom-3", rank: 99, count: 4),
    .unusualHourlyPrice(partner: "ntnu", price: 50, role: "pool", low: 100, high: 10_000),
  ]

  @Test("every sample has a problem and a fix in both languages, and they differ")
  func bothLanguages() {
    for sample in Self.samples {
      let nb = sample.words(in: .nb)
      let en = sample.words(in: .en)
      #expect(!nb.problem.isEmpty && !nb.fix.isEmpty && !en.problem.isEmpty && !en.fix.isEmpty, "\(sample)")
      #expect(nb.problem != en.problem, "\(sample): the same problem text in both languages")
      #expect(nb.fix != en.fix, "\(sample): the same fix in both languages")
    }
  }

  @Test("bokmål quotes with «», writes decimal comma and groups large numbers; English keeps today's texts")
  func wording() {
    #expect(IssueText.notANumber("88x").words(in: .nb) == IssueWords("«88x» er ikke et tall.", "skriv et tall, for eksempel 1500 eller 0,5."))
    #expect(IssueText.notANumber("88x").words(in: .en) == IssueWords("\"88x\" is not a number.", "write a number, e.g. 1500 or 0,5."))
    #expect(
      IssueText.outOfRange(value: "-5", low: 0, high: 1e7, unit: .hours).words(in: .nb).problem
        == "-5 er utenfor det tillatte området 0–10 000 000 timer.")
    #expect(
      IssueText.outOfRange(value: "-5", low: 0, high: 1e7, unit: .hours).words(in: .en).problem
        == "-5 is outside the allowed range 0–10000000 hours.")
    #expect(IssueText.keyPartsNotOne(equal: 0.5, sizeName: "pupils", size: 0.6).words(in: .nb).problem.contains("(0,5)"))
    #expect(IssueText.keyPartsNotOne(equal: 0.5, sizeName: "pupils", size: 0.6).words(in: .en).problem.contains("(0.5)"))
    #expect(Language.nb.number(1_500_000) == "1 500 000" && Language.nb.number(1500) == "1500" && Language.nb.number(-12_345) == "-12 345")
    #expect(Language.nb.number(0.25) == "0,25" && Language.en.number(0.25) == "0.25" && Language.en.number(1_500_000) == "1500000")
  }

  @Test("a message shows control characters from the files as text")
  func visibleText() {
    #expect(visible("a\u{1B}[2Jb\nc\u{202E}d") == #"a\u{1B}[2Jb\u{A}c\u{202E}d"#)
    #expect(visible("Bø «x» – ok") == "Bø «x» – ok")
    #expect(IssueText.notANumber("\u{1B}[31m").message(in: .nb) == #"«\u{1B}[31m» er ikke et tall. Slik retter du det: skriv et tall, for eksempel 1500 eller 0,5."#)
  }
}
