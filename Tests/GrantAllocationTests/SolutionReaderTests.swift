import TestSupport
import Testing

@testable import GrantAllocation

@Suite("Reading a solved point")
struct SolutionReaderTests {
  @Test("hours add up to the share of the hours asked, when another partner's noise is dropped")
  func hoursAddUp() throws {
    // Found through `dekom serve` (Rekom frame × 1.1 on the example): GLPK gave 44.9995 pool hours
    // to one partner and 0.0005 to another; the tiny part was dropped and the measure, read as
    // funded in full, showed 44.9995 of its 45 hours.
    let builder = ScenarioBuilder(frame: 10_000_000).network("a").partner("p", hours: 100, price: 100).partner("q", hours: 100, price: 100)
    builder.measure("a1", network: "a", rank: 1, cost: 100_000, hours: 45, partners: ["p", "q"])
    let formulation = AllocationFormulation(scenario: builder.scenario)
    var values = [Double](repeating: 0, count: formulation.model.variables.count)
    values[formulation.funded[0].rawValue] = 1 - 2e-7
    values[formulation.indicator[0].rawValue] = 1
    // Both binaries at 1 (where the measure must have one partner), so that q's 0.0005 hours are
    // dropped as noise, not as hours of a partner not chosen.
    if let choice = formulation.partnerChoice[0]?[PartnerID("p")] { values[choice.rawValue] = 1 }
    if let choice = formulation.partnerChoice[0]?[PartnerID("q")] { values[choice.rawValue] = 1 }
    let hours = formulation.hours.filter { $0.measure == 0 }
    let p = try #require(hours.first { $0.partner == PartnerID("p") })
    let q = try #require(hours.first { $0.partner == PartnerID("q") })
    values[p.variable.rawValue] = 44.9995
    values[q.variable.rawValue] = 0.0005
    let outcome = try #require(SolutionReader(formulation: formulation, values: values).outcomes().first)
    #expect(outcome.share == 1)
    #expect(outcome.partners.map(\.partner) == [PartnerID("p")])
    #expect(outcome.partners.reduce(0) { $0 + $1.hours } == 45)
    #expect(outcome.partners.first?.money == 4_500)
  }

  @Test("a partly funded measure's hours are its share of the hours asked, split as the solver chose")
  func partlyFunded() throws {
    let builder = ScenarioBuilder(frame: 10_000_000).network("a").partner("p", hours: 100, price: 100).partner("q", hours: 100, price: 100)
    builder.measure("a1", network: "a", rank: 1, cost: 100_000, hours: 40, partners: ["p", "q"], minimumShare: 0.5)
    let formulation = AllocationFormulation(scenario: builder.scenario)
    var values = [Double](repeating: 0, count: formulation.model.variables.count)
    values[formulation.funded[0].rawValue] = 0.75
    values[formulation.indicator[0].rawValue] = 1
    for choice in formulation.partnerChoice[0]?.values ?? [:].values { values[choice.rawValue] = 1 }
    for hoursVariable in formulation.hours where hoursVariable.measure == 0 {
      values[hoursVariable.variable.rawValue] = hoursVariable.partner == PartnerID("p") ? 20.0002 : 9.9999
    }
    let outcome = try #require(SolutionReader(formulation: formulation, values: values).outcomes().first)
    #expect(outcome.share == 0.75)
    let total = outcome.partners.reduce(0) { $0 + $1.hours }
    #expect(abs(total - 30) < 1e-4)
    #expect(abs((outcome.partners.first { $0.partner == PartnerID("p") }?.hours ?? 0) - 20) < 1e-3)
  }
}
