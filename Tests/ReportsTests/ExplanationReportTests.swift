import Explanations
import GLPKBackend
import GrantAllocation
import TestSupport
import Testing
import UserMessages

@testable import Reports

@Suite("Explanation sections")
struct ExplanationReportTests {
  /// Money is plenty, but the only partner has 50 of the 80 hours a1 asks; a2 and b1 compete for
  /// the frame.
  static func explained(_ language: Language, provenOptimal: Bool = true) -> String {
    let builder = ScenarioBuilder(frame: 300_000).network("a").network("b").partner("p", hours: 50, price: 100)
    builder.measure("a1", network: "a", rank: 1, cost: 100_000, hours: 80, partners: ["p"])
    builder.measure("b1", network: "b", rank: 1, cost: 150_000).measure("b2", network: "b", rank: 2, cost: 200_000)
    let allocator = Allocator(solver: GLPKSolver())
    var solved = allocator.solve(builder.scenario)
    // As if the solve had stopped at the time limit with this point.
    if !provenOptimal { solved.result.status = .feasible }
    let (result, explanation) = Explainer(allocator: allocator, analyser: GLPKSolver(), timeLimitSeconds: 30).explain(solved)
    let input = ReportInput(
      result: result, language: language, provenance: ReportProvenance(dekomVersion: "test", solverName: "GLPK"),
      explanation: explanation)
    return InnstillingMarkdown(input).render()
  }

  @Test("bokmål: the two sections numbered in the body, the shadow prices and the method in appendices, with the hours that would fund a1")
  func bokmal() {
    let text = Self.explained(.nb)
    for heading in ["## 6. Hva som skal til", "## 7. Venteliste per ordning", "## Vedlegg A. Skyggepriser", "## Vedlegg B. Om beregningen"] {
      #expect(text.contains(heading), "\(heading)")
    }
    // b2 lacks 200 000 − (300 000 − 150 000) = 50 000 NOK, the search's step is 10 000 NOK.
    #expect(text.contains("| 1 | Measure b2 (b2) | B | +50 000 kr |"))
    #expect(text.contains("Blir ikke fullt innvilget uansett hvor stor rammen blir: Measure a1 (a1) (P, partner 2: +30 t)."))
    #expect(text.contains("| Ramme: S | 300 000 kr | 150 000 kr | 0 | 150 000 kr | ingen grense | – |"))
  }

  @Test("English: the same sections in English")
  func english() {
    let text = Self.explained(.en)
    for heading in ["## 6. What it would take", "## 7. Waiting list per scheme", "## Appendix A. Shadow prices", "## Appendix B. How it was computed"] {
      #expect(text.contains(heading), "\(heading)")
    }
    #expect(text.contains("Not funded in full however large the frame: Measure a1 (a1) (P, partner 2: +30 h)."))
  }

  @Test("an allocation not proven optimal: sections 6 and 7 say why they were not searched, appendix A stays")
  func notProvenOptimal() {
    let text = Self.explained(.nb, provenOptimal: false)
    let skipped = "Ikke søkt: fordelingen er ikke bevist optimal"
    #expect(text.components(separatedBy: skipped).count == 3)
    #expect(!text.contains("Alle kvalifiserte tiltak er fullt innvilget."))
    #expect(text.contains("## Vedlegg A. Skyggepriser") && text.contains("| Ramme: S | 300 000 kr |"))
    #expect(Self.explained(.en, provenOptimal: false).contains("Not searched: the allocation itself is not proven optimal"))
  }
}
