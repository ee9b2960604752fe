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
    if let choice = formulation.partnerChoice[MeasureIndex(0)]?[PartnerID("p")] { values[choice.rawValue] = 1 }
    if let choice = formulation.partnerChoice[MeasureIndex(0)]?[PartnerID("q")] { values[choice.rawValue] = 1 }
    let hours = formulation.hours.filter { $0.measure == MeasureIndex(0) }
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
    for choice in formulation.partnerChoice[MeasureIndex(0)]?.values ?? [:].values { values[choice.rawValue] = 1 }
    for hoursVariable in formulation.hours where hoursVariable.measure == MeasureIndex(0) {
      values[hoursVariable.variable.rawValue] = hoursVariable.partner == PartnerID("p") ? 20.0002 : 9.9999
    }
    let outcome = try #require(SolutionReader(formulation: formulation, values: values).outcomes().first)
    #expect(outcome.share == 0.75)
    let total = outcome.partners.reduce(0) { $0 + $1.hours }
    #expect(abs(total - 30) < 1e-4)
    #expect(abs((outcome.partners.first { $0.partner == PartnerID("p") }?.hours ?? 0) - 20) < 1e-3)
  }

  @Test("a scheme's money read back above its frame is settled to within half a krone of it (issue 15)")
  func settledWithinFrame() throws {
    // a1 is funded in full; a2 is partly funded at a share the solver kept only within its
    // feasibility tolerance: 600 000 + 0.4000015 × 1 000 000 is 1.5 kr above the frame, and the
    // share printed to six decimals (0.400002) another half krone.
    let builder = ScenarioBuilder(frame: 1_000_000).network("a").partner("p", hours: 100, price: 100)
    builder.measure("a1", network: "a", rank: 1, cost: 600_000, hours: 0, partners: ["p"])
    builder.measure("a2", network: "a", rank: 2, cost: 1_000_000, hours: 0, partners: ["p"], minimumShare: 0.1)
    let formulation = AllocationFormulation(scenario: builder.scenario)
    var values = [Double](repeating: 0, count: formulation.model.variables.count)
    values[formulation.funded[0].rawValue] = 1
    values[formulation.indicator[0].rawValue] = 1
    values[formulation.funded[1].rawValue] = 0.4000015
    values[formulation.indicator[1].rawValue] = 1
    let outcomes = SolutionReader(formulation: formulation, values: values).outcomes()
    let spent = outcomes.reduce(0) { $0 + $1.stateMoney }
    #expect(spent <= 1_000_000.5, "spends \(spent)")
    #expect(outcomes[0].share == 1)
    // Given back in whole steps of 10⁻⁶: first the rounding up (to 0.400001, the six decimals below
    // the solver's share), then what is still more than half a krone above the frame.
    #expect(outcomes[1].share == 0.4)
    #expect(outcomes[1].grant == 400_000)
  }

  @Test("settling never takes a share below its smallest viable share or below the next on its list")
  func settlingKeepsTheRules() throws {
    let builder = ScenarioBuilder(frame: 1_000_000).network("a").partner("p", hours: 100, price: 100)
    builder.measure("a1", network: "a", rank: 1, cost: 1_000_000, hours: 0, partners: ["p"], minimumShare: 0.4)
    builder.measure("a2", network: "a", rank: 2, cost: 1_000_000, hours: 0, partners: ["p"], minimumShare: 0.5)
    let formulation = AllocationFormulation(scenario: builder.scenario)
    var values = [Double](repeating: 0, count: formulation.model.variables.count)
    // 3 kr above the frame. a2, the lowest on the list, is at its smallest share and cannot give;
    // a1 gives, but not below a2.
    values[formulation.funded[0].rawValue] = 0.500003
    values[formulation.funded[1].rawValue] = 0.5
    for index in 0..<2 { values[formulation.indicator[index].rawValue] = 1 }
    let outcomes = SolutionReader(formulation: formulation, values: values).outcomes()
    #expect(outcomes[1].share == 0.5)
    #expect(outcomes[0].share == 0.5)
    #expect(outcomes.reduce(0) { $0 + $1.stateMoney } <= 1_000_000.5)
  }
}
