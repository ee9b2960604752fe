import Foundation
import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

@testable import Reports

@Suite("Reports")
struct ReportTests {
  /// A solved small scenario: two networks, one partner, a partly fundable measure.
  static func solved() -> AllocationResult {
    let builder = ScenarioBuilder(frame: 1_000_000, fairnessFloor: 0.2)
    builder.network("a", pupils: 1200).network("b", pupils: 800).partner("ntnu", hours: 300, price: 1111.11, poolHours: 50)
    builder.measure("a1", network: "a", rank: 1, cost: 333_333.33, hours: 100, partners: ["ntnu"])
    builder.measure("a2", network: "a", rank: 2, cost: 300_000, hours: 100, partners: ["ntnu"], minimumShare: 0.3)
    builder.measure("b1", network: "b", rank: 1, cost: 250_000.5, hours: 90, partners: ["ntnu"])
    builder.measure("j1", network: nil, rank: 1, cost: 123_456.78, partners: ["uh"])
    builder.scenario.owners.append(
      SchoolOwner(
        id: OwnerID("a-2"), name: "Åfjord | Bø", network: NetworkID("a"), kind: .privat, pupils: 333, joinedAgreement: true))
    return Allocator(solver: GLPKSolver()).allocate(builder.scenario)
  }

  @Test("kroner, hours and percentages in bokmål and English")
  func numberFormats() {
    let scenario = ScenarioBuilder(frame: 0).scenario
    let nb = NameBook(scenario: scenario, messages: BokmalMessages())
    let en = NameBook(scenario: scenario, messages: EnglishMessages())
    #expect(nb.kroner(1_234_567) == "1 234 567")
    #expect(en.kroner(1_234_567) == "1,234,567")
    #expect(nb.kroner(-1500) == "−1 500")
    #expect(nb.kroner(999) == "999")
    #expect(nb.hours(12.5) == "12,5")
    #expect(nb.hours(40) == "40")
    #expect(en.hours(1234.25) == "1,234.3")
    #expect(nb.percent(0.375) == "37,5 %")
    #expect(en.percent(0.5) == "50%")
    #expect(nb.decimal(-0.25, decimals: 2) == "−0,25")
    // Reasons compare whole hours: what is left rounded down, what is needed up, noise ignored.
    #expect(nb.wholeHours(5.2, up: false) == "5" && nb.wholeHours(7.5, up: true) == "8")
    #expect(nb.wholeHours(7.0000001, up: true) == "7" && en.wholeHours(1234.9, up: false) == "1,234")
  }

  @Test("a Markdown cell cannot break its table")
  func markdownEscaping() {
    var table = MarkdownTable(columns: ["a", "b"], rightAligned: [1])
    table.add(["x | y", "line\nbreak"])
    #expect(table.rendered == "| a | b |\n|---|---:|\n| x \\| y | line break |")
  }

  @Test("money adds up to the krone: schemes, measures, owners, payments")
  func totalsAddUp() throws {
    let result = Self.solved()
    #expect(result.hasAllocation)
    let settlement = Settlement(result)
    let scheme = try #require(settlement.schemes.first)
    // The scheme's total is the sum of its measure rows, and within the frame.
    #expect(scheme.allocated == settlement.measures.reduce(0) { $0 + $1.total })
    #expect(scheme.allocated <= scheme.frame)
    // Owners and networks hold exactly the networks' grants; egenandel is the rate, rounded up.
    #expect(
      settlement.owners.reduce(0) { $0 + $1.grant } + settlement.networks.reduce(0) { $0 + $1.grant } == scheme.toNetworks)
    for payment in settlement.owners {
      #expect(payment.egenandel == Int((Double(payment.grant) * 0.3 - 1e-9).rounded(.up)))
    }
    // Every krone allocated is paid to someone on a date.
    #expect(settlement.payments.reduce(0) { $0 + $1.amount } == scheme.allocated)
    // Partners' money is the measures' partner lines.
    #expect(settlement.partners.reduce(0) { $0 + $1.total } == scheme.toPartners)
    // Each rounded amount is within a krone of the exact one.
    for (outcome, money) in zip(result.outcomes, settlement.measures) {
      #expect(abs(Double(money.grant) - outcome.grant) < 1)
    }
  }

  @Test("the innstilling has every section, in bokmål by default and English on request")
  func innstillingSections() {
    let result = Self.solved()
    let provenance = ReportProvenance(dekomVersion: "test", solverName: "GLPK test")
    let nb = InnstillingMarkdown(ReportInput(result: result, language: .nb, provenance: provenance)).render()
    for heading in [
      "# Felles årlig innstilling 2027 – Test", "## 1. Sammendrag", "## 2. Prioriterte tiltak", "### Fellestiltak",
      "## 3. Utviklingspartnere", "## 4. Utbetalinger og egenandel", "### Utbetalinger", "### Egenandel", "## 5. Kriterier",
      "## Vedlegg A. Om beregningen",
    ] {
      #expect(nb.contains(heading), "missing \(heading)")
    }
    #expect(nb.contains("Åfjord \\| Bø"))
    let en = InnstillingMarkdown(ReportInput(result: result, language: .en, provenance: provenance)).render()
    #expect(en.contains("# Joint annual recommendation 2027 – Test"))
    #expect(en.contains("## 4. Payments and own contribution"))
    #expect(!en.contains("innvilget"))
  }

  @Test("the HTML page is self-contained: charts as inline SVG, no scripts, nothing fetched")
  func html() throws {
    let result = Self.solved()
    let input = ReportInput(result: result, language: .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))
    let markdown = InnstillingMarkdown(input).render()
    let page = try InnstillingHTML(input, markdown: markdown).render()
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.components(separatedBy: "<svg").count - 1 == 3)
    #expect(!page.contains("<script"))
    #expect(!page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("@import"))
    #expect(page.contains("<table>"))
    #expect(page.contains("Åfjord | Bø"))  // escaped once in Markdown, shown plainly in HTML
  }

  @Test("allocation.csv quotes what needs quoting and has one row per measure")
  func csv() {
    let result = Self.solved()
    let csv = AllocationCSV(ReportInput(result: result, language: .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g")))
      .render()
    let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: true)
    #expect(lines.count == 1 + result.scenario.measures.count)
    #expect(AllocationCSV.escape("a,b") == "\"a,b\"")
    #expect(AllocationCSV.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(AllocationCSV.escape("plain") == "plain")
  }

  @Test("allocation.json is valid JSON with the totals of the Markdown")
  func json() throws {
    let result = Self.solved()
    let settlement = Settlement(result)
    let text = try AllocationJSON(
      ReportInput(result: result, language: .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))
    )
    .render()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let schemes = try #require(object["schemes"] as? [[String: Any]])
    #expect(schemes.first?["allocated_nok"] as? Int == settlement.schemes.first?.allocated)
    #expect((object["measures"] as? [Any])?.count == result.scenario.measures.count)
    #expect((object["solve"] as? [String: Any])?["status"] as? String == "optimal")
  }

  @Test("a CSV cell a spreadsheet would run as a formula is written as text; numbers stay numbers")
  func csvFormulaCells() {
    #expect(AllocationCSV.escape("=HYPERLINK(0)") == "\"'=HYPERLINK(0)\"")
    #expect(AllocationCSV.escape("+47 123") == "\"'+47 123\"")
    #expect(AllocationCSV.escape("@SUM(A1)") == "\"'@SUM(A1)\"")
    #expect(AllocationCSV.escape("\tx") == "\"'\tx\"")
    #expect(AllocationCSV.escape("-tekst") == "\"'-tekst\"")
    #expect(AllocationCSV.escape("-12") == "-12")
    #expect(AllocationCSV.escape("-0.25") == "-0.25")
    #expect(AllocationCSV.escape("0.5") == "0.5")
    #expect(AllocationCSV.escape("Lesing, skriving") == "\"Lesing, skriving\"")
    #expect(AllocationCSV.escape("Lesing") == "Lesing")
  }
}
