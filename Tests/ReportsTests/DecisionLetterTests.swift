import Foundation
import GLPKBackend
import GrantAllocation
import TestSupport
import Testing
import UserMessages

@testable import Reports

@Suite("Decision letters (vedtak)")
struct DecisionLetterTests {
  static let hostile = "<script>alert(1)</script> [klikk](javascript:alert(1)) | *fet* # ![x](y)\n- liste"

  /// Two networks (one paying its members by its own key), two partners, a joint measure for the
  /// forum and one for a partner; titles and names from "files" that try to inject markup.
  static func solved(template: String? = nil) -> AllocationResult {
    let builder = ScenarioBuilder(frame: 2_000_000, fairnessFloor: 0.2)
    builder.network("a", pupils: 1200).network("b", pupils: 800).partner("ntnu", hours: 300, price: 1111.11, poolHours: 50)
      .partner("nord", hours: 100, price: 900)
    builder.measure("a1", network: "a", rank: 1, cost: 333_333.33, hours: 100, partners: ["ntnu"])
    builder.measure("a2", network: "a", rank: 2, cost: 300_000, hours: 100, partners: ["ntnu"], minimumShare: 0.3)
    builder.measure("b1", network: "b", rank: 1, cost: 250_000.5, hours: 90, partners: ["nord", "ntnu"])
    builder.measure("b2", network: "b", rank: 2, cost: 120_000, partners: ["uh"])
    builder.measure("j1", network: nil, rank: 1, cost: 123_456.78, partners: ["uh"])
    builder.measure("j2", network: nil, rank: 2, cost: 50_000, partners: ["uh"])
    builder.scenario.measures[5].recipient = .partner(PartnerID("nord"))
    builder.scenario.measures[3].title = hostile
    builder.scenario.owners.append(
      SchoolOwner(id: OwnerID("a-2"), name: "Åfjord | Bø <b>", network: NetworkID("a"), kind: .kommune, pupils: 333))
    // Network a pays its members by its own key.
    builder.scenario.networks[0].ownKeyUses = [.grant, .egenandel]
    builder.scenario.decisionTerms.template = template
    return Allocator(solver: GLPKSolver()).allocate(builder.scenario)
  }

  static func input(_ result: AllocationResult, language: Language = .nb) -> ReportInput {
    ReportInput(result: result, language: language, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))
  }

  @Test("a letter per recipient, and per recipient and scheme the letter's amount is what the settlement pays")
  func lettersAddUpToPayments() throws {
    let result = Self.solved()
    #expect(result.hasAllocation)
    let input = Self.input(result)
    let letters = DecisionLetters(input).letters
    let payments = input.settlement.payments
    #expect(Set(letters.map(\.recipient)) == Set(payments.map(\.recipient)))
    #expect(letters.count == Set(payments.map(\.recipient)).count)
    // Every kind of recipient is there: members paid by the key, a host, partners, the forum.
    for recipient: Recipient in [
      .owner(OwnerID("a-owner")), .owner(OwnerID("a-2")), .owner(OwnerID("b-owner")), .partner(PartnerID("ntnu")), .forum,
    ] {
      #expect(letters.contains { $0.recipient == recipient }, "\(recipient)")
    }
    for letter in letters {
      for line in letter.schemes {
        let paid = payments.filter { $0.recipient == letter.recipient && $0.scheme == line.scheme }.reduce(0) { $0 + $1.amount }
        #expect(line.amount == paid, "\(letter.recipient) \(line.scheme)")
        #expect(!line.measures.isEmpty, "\(letter.recipient) has money from \(line.scheme) for no measure")
      }
    }
    // The letters' totals add up to the money allocated, counted from the measures' rows.
    let allocated = input.settlement.schemes.reduce(0) { $0 + $1.allocated }
    #expect(allocated > 0)
    #expect(letters.reduce(0) { $0 + $1.total } == allocated)
    // A partner's letter lists its own hours' money, measure by measure.
    let ntnu = try #require(letters.first { $0.recipient == .partner(PartnerID("ntnu")) })
    #expect(ntnu.schemes.flatMap(\.measures).reduce(0) { $0 + $1.amount } == ntnu.total)
    // Network a pays its members by its key, network b its host.
    #expect(letters.first { $0.recipient == .owner(OwnerID("a-2")) }?.paidByKey == true)
    #expect(letters.first { $0.recipient == .owner(OwnerID("b-owner")) }?.paidByKey == false)
    // Sorted, with file names that differ.
    #expect(letters.map(\.recipient) == letters.map(\.recipient).sorted())
    #expect(Set(letters.map(\.fileName)).count == letters.count)
  }

  @Test("the rendered letters' sums add up to the money allocated, and the HTML beside each")
  func renderedSumsAddUp() throws {
    let input = Self.input(Self.solved())
    let files = try DecisionLetterDocuments(input).render()
    let markdown = files.filter { $0.name.hasSuffix(".md") }
    #expect(markdown.count == DecisionLetters(input).letters.count)
    #expect(files.filter { $0.name.hasSuffix(".html") }.count == markdown.count)
    var sum = 0
    for file in markdown {
      let line = try #require(file.contents.split(separator: "\n").first { $0.hasPrefix("| **Sum** |") }, "\(file.name)")
      let digits = line.split(separator: "|").last?.filter(\.isNumber) ?? ""
      sum += try #require(Int(digits))
    }
    #expect(sum == input.settlement.schemes.reduce(0) { $0 + $1.allocated })
  }

  @Test("a hostile title or name becomes no markup, in the Markdown or the HTML, even from {{{triple}}} braces")
  func hostileTextIsEscaped() throws {
    for template in [nil, "# {{recipient}}\n\n{{#schemes}}{{#measures}}| {{{title}}} | {{title}} |\n{{/measures}}{{/schemes}}"] {
      let input = Self.input(Self.solved(template: template))
      let files = try DecisionLetterDocuments(input).render()
      let host = try #require(files.first { $0.name == "vedtak/b-owner.html" }).contents
      let markdown = try #require(files.first { $0.name == "vedtak/b-owner.md" }).contents
      #expect(host.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      for bad in ["<script>", "href=\"javascript", "<em>fet</em>", "<img", "<li>liste"] { #expect(!host.contains(bad), "\(bad)") }
      // The title stays inside its table cell: the rows have the table's columns.
      let row = try #require(markdown.split(separator: "\n").first { $0.contains("alert(1)") })
      #expect(row.filter { $0 == "|" }.count == (template == nil ? 5 : 3), "\(row)")
      let member = try #require(files.first { $0.name == "vedtak/a-2.html" }).contents
      #expect(member.contains("Åfjord &#124; Bø &lt;b&gt;") || member.contains("Åfjord | Bø &lt;b&gt;"))
      #expect(!member.contains("<b>"))
    }
  }

  @Test("the scenario's template and terms are used, and the letters are in English with --lang en")
  func customTemplateAndTerms() throws {
    var result = Self.solved(template: "Til {{recipient}} ({{recipientID}}): {{total}} kr.{{#contact}} Kontakt: {{.}}{{/contact}}")
    result.scenario.decisionTerms.contact = "Kari Nordmann"
    let files = try DecisionLetterDocuments(Self.input(result)).render()
    let letter = try #require(files.first { $0.name == "vedtak/ntnu.md" }).contents
    #expect(letter.hasPrefix("Til NTNU (ntnu): ") && letter.hasSuffix(" kr. Kontakt: Kari Nordmann"), "\(letter)")

    var plain = Self.solved()
    plain.scenario.decisionTerms.conditions = ["Tiltakene skal evalueres med UH."]
    plain.scenario.decisionTerms.reportingDeadline = "2028-03-01"
    let nb = try #require(try DecisionLetterDocuments(Self.input(plain)).render().first { $0.name == "vedtak/ntnu.md" }).contents
    #expect(nb.contains("- Tiltakene skal evalueres med UH."))
    #expect(!nb.contains("individuell videreutdanning"), "the scenario's conditions replace the default ones")
    #expect(nb.contains("Frist for rapporteringen: **1. mars 2028**."))
    #expect(nb.contains("forvaltningsloven § 28"))
    let en = try #require(try DecisionLetterDocuments(Self.input(plain, language: .en)).render().first { $0.name == "vedtak/ntnu.md" })
    #expect(en.contents.hasPrefix("# Grant decision") && en.contents.contains("Reporting deadline: **1 March 2028**."))
  }

  @Test("a template that does not parse is an error, not a letter")
  func brokenTemplate() {
    let input = Self.input(Self.solved(template: "{{#schemes}}{{scheme}}"))
    #expect(throws: DecisionLetterDocuments.TemplateError.self) { try DecisionLetterDocuments(input).render() }
  }

  @Test("file names are safe from any id and never the same twice")
  func fileNames() {
    func name(_ recipient: Recipient, _ taken: Set<String> = []) -> String { DecisionLetters.fileName(for: recipient, taken: taken) }
    #expect(name(.owner(OwnerID("trondheim"))) == "trondheim")
    #expect(name(.owner(OwnerID("../../etc/passwd"))) == "------etc-passwd")
    #expect(name(.owner(OwnerID("Frøya Kommune"))) == "fr-ya-kommune")
    #expect(name(.owner(OwnerID(".."))) == "mottaker--")
    #expect(name(.owner(OwnerID(""))) == "mottaker")
    #expect(name(.partner(PartnerID("ntnu")), ["ntnu"]) == "ntnu-2")
    #expect(name(.partner(PartnerID("ntnu")), ["ntnu", "ntnu-2"]) == "ntnu-3")
    #expect(name(.forum) == "forum")
    #expect(name(.owner(OwnerID(String(repeating: "x", count: 300)))).count == 80)
  }
}
