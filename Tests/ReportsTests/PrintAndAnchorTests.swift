import Foundation
import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

@testable import Reports

/// The innstilling as a meeting document: anchors from the input's ids, a table of contents that
/// links to them, and the print rules every HTML page carries.
@Suite("Print and anchors")
struct PrintAndAnchorTests {
  @Test("an anchor keeps only a-z, 0-9, - and _, whatever the id")
  func sanitised() {
    #expect(AnchorBook.sanitised("tiltak-MT-Dekom.2") == "tiltak-mt-dekom-2")
    #expect(AnchorBook.sanitised("Værnes_Å ø") == "vaernes_a-o")
    #expect(AnchorBook.sanitised("\"><script>alert(1)</script>") == "---script-alert-1---script-")
    #expect(AnchorBook.sanitised("") == "-")
    let hostile = AnchorBook.sanitised("a\"b'c<d>&e f\u{0}g🙂")
    #expect(hostile.unicodeScalars.allSatisfy { "abcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars.contains($0) })
  }

  @Test("ids that come out alike get -2, -3, … in the order asked, so every anchor is unique")
  func unique() {
    var book = AnchorBook()
    #expect(book.anchor("tiltak-", "a.b") == "tiltak-a-b")
    #expect(book.anchor("tiltak-", "A-B") == "tiltak-a-b-2")
    #expect(book.anchor("tiltak-", "a-b-2") == "tiltak-a-b-2-2")
    #expect(book.anchor("tiltak-", "a b") == "tiltak-a-b-3")
  }

  /// A solved scenario whose network and measure ids come out alike as anchors.
  static func lookalikes() -> AllocationResult {
    let builder = ScenarioBuilder(frame: 1_000_000, fairnessFloor: 0)
    builder.network("Nord.1").network("nord-1").partner("uh", hours: 300)
    builder.measure("A.1", network: "Nord.1", rank: 1, cost: 100_000)
    builder.measure("a-1", network: "nord-1", rank: 1, cost: 100_000)
    builder.measure("j\"><b>", network: nil, rank: 1, cost: 50_000)
    return Allocator(solver: GLPKSolver()).allocate(builder.scenario)
  }

  @Test("the HTML has an anchor per section, network and measure, all unique, and every link of the contents has its target")
  func anchorsAndContents() throws {
    let result = Self.lookalikes()
    for english in [false, true] {
      let input = ReportInput(
        result: result, language: english ? .en : .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))
      let markdown = InnstillingMarkdown(input).render()
      let page = try InnstillingHTML(input, markdown: markdown).render()
      let ids = Self.matches(of: #"id="([^"]*)""#, in: page)
      #expect(Set(ids).count == ids.count, "an anchor twice: \(ids)")
      for id in ["innhold", "sammendrag", "nettverkene", "fellestiltak", "om-beregningen"] { #expect(ids.contains(id), "\(id)") }
      for id in ["nettverk-nord-1", "nettverk-nord-1-2", "tiltak-a-1", "tiltak-a-1-2", "tiltak-j---b-"] {
        #expect(ids.contains(id), "\(id) in \(ids)")
      }
      let links = Self.matches(of: ##"href="#([^"]*)""##, in: page)
      #expect(links.count >= 8)
      for link in links { #expect(ids.contains(link), "a link to #\(link), which is nowhere") }
      // The contents stand before the charts, and each section's anchor right before its heading.
      let contents = try #require(page.range(of: "<a id=\"innhold\"></a>"))
      let charts = try #require(page.range(of: "<section class=\"charts\">"))
      #expect(contents.lowerBound < charts.lowerBound)
      #expect(page.contains("<a id=\"sammendrag\"></a><h2>"))
      #expect(!page.contains("<b>"))
    }
  }

  @Test("every HTML page prints on A4 without splitting a table row, and hides the server's navigation on paper")
  func printRules() throws {
    let input = ReportInput(result: ReportTests.solved(), language: .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))
    let served = try InnstillingHTML(input, markdown: InnstillingMarkdown(input).render()).render(
      chrome: PageChrome(nav: "<nav class=\"site\"></nav>", style: "nav.site { display: flex; }"))
    for page in [served, try HTMLPage(language: .nb, title: "t", markdown: "# t\n", chrome: PageChrome()).render()] {
      #expect(page.contains("@page { size: A4;"))
      #expect(page.contains("tr, figure { break-inside: avoid; }"))
      #expect(page.contains("thead { display: table-header-group; }"))
      // After the server's own style, so that its rules do not bring the navigation back on paper.
      let print = try #require(page.range(of: "@media print"))
      if let server = page.range(of: "nav.site { display: flex; }") { #expect(server.upperBound < print.lowerBound) }
      #expect(page.contains("nav.site, .notice, form, section.explain { display: none; }"))
    }
  }

  static func matches(of pattern: String, in text: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
      Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
  }
}
