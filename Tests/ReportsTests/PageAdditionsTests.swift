import Explanations
import Foundation
import GLPKBackend
import GrantAllocation
import TestSupport
import Testing
import UserMessages

@testable import Reports

/// What a page of `dekom serve` adds to the innstilling: measure names linked to their pages, the
/// money per network and scheme (with the change on a variant's page), a page that loads itself
/// again; and nothing of it in the files.
@Suite("The innstilling on a page")
struct PageAdditionsTests {
  static let provenance = ReportProvenance(dekomVersion: "test", solverName: "GLPK")

  /// Two networks and joint measures in two schemes; `frame` is scheme s's.
  static func scenario(frame: Double) -> Scenario {
    let builder = ScenarioBuilder(frame: frame).network("a").network("b").partner("p", hours: 50, price: 100)
    builder.scenario.schemes.append(
      Scheme(id: SchemeID("t"), name: "T", frame: 200_000, egenandelRate: 0.3, partnerKinds: [.uh]))
    builder.measure("a1", network: "a", rank: 1, cost: 100_000, hours: 80, partners: ["p"])
    builder.measure("a-ø", network: "a", rank: 2, cost: 120_000)
    builder.measure("b1", network: "b", rank: 1, cost: 150_000).measure("b2", network: "b", rank: 2, cost: 200_000)
    builder.measure("bt", network: "b", rank: 1, cost: 90_000, scheme: "t").measure("j1", network: nil, rank: 1, cost: 40_000)
    // A title from the input with markup and a Markdown link in it: shown as text, never as either.
    if let index = builder.scenario.measures.firstIndex(where: { $0.id == MeasureID("a-ø") }) {
      builder.scenario.measures[index].title = "<b>Les</b> [mer](javascript:alert(1))"
    }
    return builder.scenario
  }

  static func input(frame: Double = 300_000, language: Language = .nb) -> ReportInput {
    ReportInput(
      result: Allocator(solver: GLPKSolver()).allocate(scenario(frame: frame)), language: language, provenance: provenance)
  }

  static func address(_ id: MeasureID) -> String { "/s/x/measure/" + id.rawValue + "?lang=nb" }

  /// The page's Markdown with its links made plain and the money per network taken out.
  static func withoutAdditions(_ markdown: String) throws -> String {
    let links = try NSRegularExpression(pattern: #"(?<!\\)\[((?:\\.|[^\]\\\n])*)\]\(/s/x/measure/[^)\s]*\)"#)
    var plain = links.stringByReplacingMatches(
      in: markdown, range: NSRange(markdown.startIndex..., in: markdown), withTemplate: "$1")
    // Up to section 2, whose anchor stands before its heading.
    if let start = plain.range(of: "\n\n### Midler per nettverk og ordning"),
      let end = plain.range(of: "\n\n<a id=\"nettverkene\"></a>") ?? plain.range(of: "\n\n## 2.")
    {
      plain.removeSubrange(start.lowerBound..<end.lowerBound)
    }
    return plain
  }

  @Test("the files' innstilling is the page's without its links and its money per network (explanations included)")
  func filesUnchanged() throws {
    let input = Self.input()
    let page = InnstillingMarkdown(input, page: InnstillingPageAdditions(measureAddress: Self.address)).render()
    #expect(page != InnstillingMarkdown(input).render())
    #expect(try Self.withoutAdditions(page) == InnstillingMarkdown(input).render())

    let allocator = Allocator(solver: GLPKSolver())
    let (result, explanation) = Explainer(allocator: allocator, analyser: GLPKSolver(), timeLimitSeconds: 30)
      .explain(allocator.solve(Self.scenario(frame: 300_000)))
    let explained = ReportInput(result: result, language: .nb, provenance: Self.provenance, explanation: explanation)
    let explainedPage = InnstillingMarkdown(explained, page: InnstillingPageAdditions(measureAddress: Self.address)).render()
    let plainLines = try Self.withoutAdditions(explainedPage).split(separator: "\n", omittingEmptySubsequences: false)
    let fileLines = InnstillingMarkdown(explained).render().split(separator: "\n", omittingEmptySubsequences: false)
    #expect(plainLines == fileLines, "\(zip(plainLines, fileLines).first { $0.0 != $0.1 }.map { "\($0.0)\n\($0.1)" } ?? "")")
    // The waiting list and what it would take link each measure to its page too.
    let waiting = try #require(explainedPage.components(separatedBy: "## 7. Venteliste per ordning").last)
    #expect(waiting.contains("| 1 | [Measure b2 (b2)](/s/x/measure/b2?lang=nb) | B |"))
    let whatItTakes = try #require(explainedPage.components(separatedBy: "## 6. Hva som skal til").last)
    #expect(whatItTakes.contains("| [Measure b2 (b2)](/s/x/measure/b2?lang=nb) | B |"))
  }

  @Test("each measure's name links to its page: the address percent-encoded, the name escaped, in HTML too")
  func links() throws {
    let input = Self.input()
    // An address as a careless caller might give it: a space, brackets, a letter outside ASCII.
    let careless = InnstillingPageAdditions(measureAddress: { "/m/(" + $0.rawValue + ") x&y" })
    let markdown = InnstillingMarkdown(input, page: careless).render()
    #expect(markdown.contains("[Measure a1 (a1)](/m/%28a1%29%20x&amp;y)"))
    #expect(markdown.contains("(/m/%28a-%C3%B8%29%20x&amp;y)"))
    let html = try InnstillingHTML(input, markdown: markdown).render()
    #expect(html.contains("<a href=\"/m/%28a1%29%20x&amp;y\">Measure a1 (a1)</a>"))
    #expect(html.contains("<a href=\"/m/%28a-%C3%B8%29%20x&amp;y\">&lt;b&gt;Les&lt;/b&gt; [mer](javascript:alert(1)) (a-ø)</a>"))
    #expect(!html.contains("<b>Les</b>") && !html.contains("href=\"javascript"))
  }

  @Test("the money per network and scheme adds up to what each scheme allocates, and a variant's shows the change")
  func networkTotals() throws {
    let base = Self.input(frame: 300_000)
    let variant = Self.input(frame: 150_000)
    let markdown = InnstillingMarkdown(variant, page: InnstillingPageAdditions(measureAddress: Self.address, base: base)).render()
    let section = try #require(
      markdown.components(separatedBy: "### Midler per nettverk og ordning").last?.components(separatedBy: "\n## ").first)
    #expect(section.contains("Endringen er fra grunnscenarioet."))
    #expect(section.contains("| Liste | S (kr) | Endring (kr) | T (kr) | Endring (kr) | Sum (kr) | Endring (kr) |"))
    let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Liste") }
    #expect(rows.map { $0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) } == ["A", "B", "Fellestiltak", "**Sum**"])
    func money(_ input: ReportInput, _ holder: MeasureHolder, _ scheme: String) -> Int {
      zip(input.scenario.measures, input.settlement.measures).filter { $0.0.holder == holder && $0.0.scheme == SchemeID(scheme) }
        .reduce(0) { $0 + $1.1.total }
    }
    let names = variant.names
    func signed(_ amount: Int) -> String { amount > 0 ? "+" + names.kroner(amount) : names.kroner(amount) }
    for (label, holder) in [("A", MeasureHolder.network(NetworkID("a"))), ("B", .network(NetworkID("b"))), ("Fellestiltak", .joint)] {
      let s = money(variant, holder, "s")
      let t = money(variant, holder, "t")
      let change = s - money(base, holder, "s")
      let expected =
        "| \(label) | \(names.kroner(s)) | \(signed(change)) | \(names.kroner(t)) | \(signed(t - money(base, holder, "t"))) | "
        + "\(names.kroner(s + t)) | \(signed(s + t - money(base, holder, "s") - money(base, holder, "t"))) |"
      #expect(rows.contains { $0 == expected }, "\(expected)")
    }
    // The smaller frame takes money from someone: the change is shown, and the total row is the schemes' allocated.
    #expect(rows.contains { $0.contains("−") }, "\(rows)")
    let allocated = variant.settlement.schemes.map(\.allocated)
    let total = try #require(rows.last)
    #expect(
      total
        == "| **Sum** | **\(names.kroner(allocated[0]))** | **\(signed(allocated[0] - base.settlement.schemes[0].allocated))** | "
        + "**\(names.kroner(allocated[1]))** | **\(signed(allocated[1] - base.settlement.schemes[1].allocated))** | "
        + "**\(names.kroner(allocated[0] + allocated[1]))** | **\(signed(allocated.reduce(0, +) - base.settlement.schemes.map(\.allocated).reduce(0, +)))** |"
    )

    // The base's own page: amounts only; in English with English words.
    let own = InnstillingMarkdown(base, page: InnstillingPageAdditions(measureAddress: Self.address)).render()
    #expect(own.contains("| Liste | S (kr) | T (kr) | Sum (kr) |") && !own.contains("Endringen er fra grunnscenarioet."))
    let english = InnstillingMarkdown(Self.input(language: .en), page: InnstillingPageAdditions(measureAddress: Self.address)).render()
    #expect(english.contains("### Money per network and scheme") && english.contains("| List | S (NOK) | T (NOK) | Total (NOK) |"))
  }

  @Test("a page that loads itself again says so in its head, with the address escaped; the files never do")
  func refresh() throws {
    let input = Self.input()
    let markdown = InnstillingMarkdown(input).render()
    let page = try InnstillingHTML(input, markdown: markdown).render(
      chrome: PageChrome(refresh: PageRefresh(seconds: 5, address: "/s/x?lang=nb&a=\"<")))
    #expect(page.contains("<meta http-equiv=\"refresh\" content=\"5; url=/s/x?lang=nb&amp;a=&quot;&lt;\">"))
    #expect(page.components(separatedBy: "</head>").first?.contains("http-equiv=\"refresh\"") == true)
    #expect(!(try InnstillingHTML(input, markdown: markdown).render()).contains("refresh"))
  }
}
