import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

@testable import Reports

@Suite("Measure page")
struct MeasurePageTests {
  @Test("asked and allocated both include the partner hours: allocated ÷ asked is the share shown")
  func likeWithLike() throws {
    // b1 asks 100 000 NOK and 100 hours at 500 NOK (150 000 in all); 75 000 NOK are left for it: half.
    let builder = ScenarioBuilder(frame: 125_000).network("a").network("b").partner("p", hours: 1000, price: 500)
    builder.measure("a1", network: "a", rank: 1, cost: 50_000)
    builder.measure("b1", network: "b", rank: 2, cost: 100_000, hours: 100, partners: ["p"], minimumShare: 0.1)
    let result = Allocator(solver: GLPKSolver()).allocate(builder.scenario)
    let input = ReportInput(result: result, language: .nb, provenance: ReportProvenance(dekomVersion: "test", solverName: "GLPK"))
    let page = try #require(MeasureMarkdown(MeasureID("b1"), in: input, whatItTakes: nil, seconds: 0)).render()
    #expect(page.contains("| Søkt i alt, med partnertimer (kr) |"))
    #expect(page.contains("| B | S | 2 | 150 000 | delvis innvilget (50 %) | 75 000 |"), "\(page)")
  }
}
