import GLPKBackend
import GrantAllocation
import PropertyBased
import Reports
import TestSupport
import Testing
import Verification

/// Hundreds of random small scenarios: dekom's allocation is never better than the exhaustive
/// optimum among allocations that follow the network's choice of partner (a better one would break
/// it), follows that rule, and passes the independent verifier, kroner and report totals included.
@Suite("Properties of random small scenarios")
struct PropertyTests {
  static let measureSpec = zip(
    Gen.int(in: 0...2), Gen.int(in: 1...6), Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.int(in: 0...11), Gen.int(in: 0...7)
  ).map { network, cost, hours, partners, continuing, eligible in
    BruteForce.MeasureSpec(
      network: network, costUnits: cost, hourUnits: hours, partnerChoice: partners, continuing: continuing == 0, eligible: eligible != 0)
  }

  static let scenarios = zip(
    Gen.int(in: 2...12), Gen.int(in: 0...2), Gen.bool, Gen.int(in: 1...8), Gen.int(in: 1...5),
    Gen.int(in: 50...500).array(of: 2...3), measureSpec.array(of: 1...7)
  ).map { frame, floor, costValued, p, q, pupils, measures in
    BruteForce.scenario(
      frameUnits: frame, floorChoice: floor, costValued: costValued, pUnits: p, qUnits: q, pupils: pupils, measures: measures)
  }

  @Test("never above the exhaustive optimum, partners by the rule, and every allocation passes the verifier")
  func optimumAndVerifier() async {
    await propertyCheck(count: 500, input: Self.scenarios) { scenario in
      let result = Allocator(solver: GLPKSolver()).allocate(scenario)
      // The rounds that place partners by the rule are a search: they may stop at an allocation
      // below the best that follows the rule, never above it (that would break the rule).
      #expect(BruteForce.disagreements(scenario, result, allowingWorse: true) == [])
      // A proven best must be the exhaustive optimum itself.
      if result.partnerRule?.provenBest == true { #expect(BruteForce.disagreements(scenario, result) == []) }
      guard result.hasAllocation else { return }
      // Where no allocation follows the rule (a commitment its first partner makes too dear), the
      // record says so; otherwise the search must end at one that does.
      #expect(result.partnerRule?.settled == true || BruteForce.bestObjective(scenario) == nil)
      #expect(AllocationVerifier(result).violations() == [])
      let input = ReportInput(result: result, language: .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))
      #expect(SettlementVerifier(scenario: scenario, outcomes: result.outcomes, settlement: input.settlement).violations() == [])
      #expect(ReportTotalsVerifier(markdown: InnstillingMarkdown(input).render()).violations() == [])
    }
  }

  /// The generated scenarios with every measure's smallest viable share made tiny (valid input
  /// that once failed dekom's own check: hours followed the solver's share, the check the share
  /// rounded to six decimals) and hour counts that do not divide evenly.
  static let tinyShareScenarios = zip(scenarios, Gen.int(in: 0...2), Gen.int(in: 0...3)).map { scenario, shareChoice, hourChoice in
    var scenario = scenario
    for index in scenario.measures.indices {
      scenario.measures[index].minimumShare = [1e-6, 1e-4, 0.0001][shareChoice]
      for (role, hours) in scenario.measures[index].hours {
        scenario.measures[index].hours[role] = hours * [1.37, 12.011, 97.3, 240.7][hourChoice]
      }
    }
    return scenario
  }

  @Test("a smallest viable share of 0,0001 or 1e-6 on every measure gives an allocation that passes the verifier")
  func tinySmallestShares() async {
    await propertyCheck(count: 200, input: Self.tinyShareScenarios) { scenario in
      let result = Allocator(solver: GLPKSolver()).allocate(scenario)
      guard result.hasAllocation else { return }
      #expect(AllocationVerifier(result).violations() == [])
      let input = ReportInput(result: result, language: .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))
      #expect(SettlementVerifier(scenario: scenario, outcomes: result.outcomes, settlement: input.settlement).violations() == [])
    }
  }
}
