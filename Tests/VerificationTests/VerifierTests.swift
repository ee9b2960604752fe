import GLPKBackend
import GrantAllocation
import Reports
import TestSupport
import Testing
import Verification

/// The verifier must pass dekom's own allocations and catch every kind of broken one.
@Suite("Independent verifier")
struct VerifierTests {
  /// A solved scenario with every feature the rules speak of.
  static func solved() -> AllocationResult {
    let builder = ScenarioBuilder(frame: 2000, fairnessFloor: 0.3)
    builder.network("a", pupils: 300).network("b", pupils: 100)
    builder.partner("p", hours: 50, price: 10).partner("q", hours: 30, price: 12)
    builder.measure("a1", network: "a", rank: 1, cost: 500, hours: 20, partners: ["p", "q"])
    builder.measure("a2", network: "a", rank: 2, cost: 600, hours: 20, partners: ["p"], minimumShare: 0.5)
    builder.measure("a3", network: "a", rank: 3, cost: 900, hours: 20, partners: ["q"])
    builder.measure("b1", network: "b", rank: 1, cost: 300, hours: 10, partners: ["q"], continuing: true)
    builder.measure("b2", network: "b", rank: 2, cost: 100, eligible: false)
    let result = Allocator(solver: GLPKSolver()).allocate(builder.scenario)
    precondition(result.hasAllocation)
    return result
  }

  func rules(_ scenario: Scenario, _ outcomes: [MeasureOutcome]) -> Set<Violation.Rule> {
    Set(AllocationVerifier(scenario: scenario, outcomes: outcomes).violations().map(\.rule))
  }

  func index(_ result: AllocationResult, _ id: String) -> Int {
    result.scenario.measures.firstIndex { $0.id == MeasureID(id) }!
  }

  @Test("dekom's own allocation passes, kroner and report included")
  func passes() {
    let result = Self.solved()
    #expect(AllocationVerifier(result).violations() == [])
    let input = ReportInput(result: result, language: .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))
    #expect(SettlementVerifier(scenario: result.scenario, outcomes: result.outcomes, settlement: input.settlement).violations() == [])
    #expect(ReportTotalsVerifier(markdown: InnstillingMarkdown(input).render()).violations() == [])
    let english = ReportInput(result: result, language: .en, provenance: input.provenance)
    #expect(ReportTotalsVerifier(markdown: InnstillingMarkdown(english).render()).violations() == [])
  }

  /// Sets a measure's share and moves its grant and hours along, so only the rule under test breaks.
  func withShare(_ outcome: MeasureOutcome, _ share: Double, cost: Double, status: FundingStatus) -> MeasureOutcome {
    var changed = outcome
    let factor = outcome.share > 0 ? share / outcome.share : 0
    changed.share = share
    changed.status = status
    changed.grant = cost * share
    changed.partners = outcome.partners.map { line in
      var scaled = line
      scaled.hours *= factor
      scaled.money *= factor
      return scaled
    }
    return changed
  }

  @Test("an ineligible measure that is funded breaks the criteria rule")
  func criteria() {
    let result = Self.solved()
    var outcomes = result.outcomes
    let b2 = index(result, "b2")
    outcomes[b2] = withShare(outcomes[b2], 1, cost: 100, status: .ineligible)
    #expect(rules(result.scenario, outcomes).contains(.criteria))
  }

  @Test("a commitment below full funding breaks the commitment rule")
  func commitment() {
    let result = Self.solved()
    var outcomes = result.outcomes
    let b1 = index(result, "b1")
    outcomes[b1] = withShare(outcomes[b1], 0.5, cost: 300, status: .partlyFunded)
    #expect(rules(result.scenario, outcomes).contains(.commitment))
  }

  @Test("a share below the smallest viable share breaks that rule")
  func smallestShare() {
    let result = Self.solved()
    var outcomes = result.outcomes
    let a2 = index(result, "a2")
    outcomes[a2] = withShare(outcomes[a2], 0.2, cost: 600, status: .partlyFunded)
    #expect(rules(result.scenario, outcomes).contains(.smallestShare))
  }

  @Test("a lower rank funded above a higher one breaks priority order")
  func priorityOrder() {
    let result = Self.solved()
    var outcomes = result.outcomes
    let a1 = index(result, "a1")
    outcomes[a1].share = 0
    outcomes[a1].status = .notFunded
    outcomes[a1].grant = 0
    outcomes[a1].partners = []
    #expect(rules(result.scenario, outcomes).contains(.priorityOrder))
  }

  @Test("hours beyond a partner's capacity, or not following the share, are caught")
  func hours() {
    let result = Self.solved()
    var outcomes = result.outcomes
    let a1 = index(result, "a1")
    outcomes[a1].partners.append(PartnerAssignment(partner: PartnerID("p"), role: .partner2, hours: 1000, money: 10_000))
    let broken = rules(result.scenario, outcomes)
    #expect(broken.contains(.capacity))
    #expect(broken.contains(.partnerHours))
  }

  @Test("hours reported to four decimals pass; a real difference does not")
  func hoursRounding() {
    let result = Self.solved()
    var scenario = result.scenario
    let a2 = index(result, "a2")
    scenario.measures[a2].hours[.partner2] = 5
    var outcomes = result.outcomes
    outcomes[a2].share = 0.554613
    outcomes[a2].status = .partlyFunded
    outcomes[a2].grant = scenario.measures[a2].stateCost * 0.554613
    // 5 × 0.554613 = 2.773065 hours, reported as 2.7731 (found by block search on a national region).
    outcomes[a2].partners = [PartnerAssignment(partner: PartnerID("p"), role: .partner2, hours: 2.7731, money: 27.731)]
    #expect(!rules(scenario, outcomes).contains(.partnerHours))
    outcomes[a2].partners = [PartnerAssignment(partner: PartnerID("p"), role: .partner2, hours: 2.7732, money: 27.732)]
    #expect(rules(scenario, outcomes).contains(.partnerHours))
  }

  @Test("money over the frame breaks the frame rule")
  func frame() {
    let result = Self.solved()
    var scenario = result.scenario
    scenario.schemes[0].frame = 10
    #expect(rules(scenario, result.outcomes).contains(.frame))
  }

  @Test("kroner that do not add up, egenandel below the rate, missing payments and money to an owner the scheme does not serve are caught")
  func settlement() {
    let result = Self.solved()
    let good = Settlement(result)
    func check(_ change: (inout Settlement) -> Void) -> Set<Violation.Rule> {
      var settlement = good
      change(&settlement)
      return Set(SettlementVerifier(scenario: result.scenario, outcomes: result.outcomes, settlement: settlement).violations().map(\.rule))
    }
    #expect(check { $0.schemes[0].toPartners += 1 }.contains(.money))
    #expect(check { $0.measures[0].grant += 5 }.contains(.money))
    let owner = good.owners.firstIndex { $0.grant > 0 }!
    let scheme = good.owners[owner].grantByScheme.keys.first!
    #expect(check { $0.owners[owner].egenandelByScheme[scheme, default: 0] += 7 }.contains(.egenandel))
    #expect(check { $0.schemes[0].frame = 1 }.contains(.frame))
    // Egenandel a krone below the rate (rounded down instead of up).
    #expect(check { $0.owners[owner].egenandelByScheme[scheme, default: 0] -= 1 }.contains(.egenandel))
    // A payment lost, or a date missing.
    #expect(check { $0.payments.removeLast() }.contains(.payments))
    #expect(check { $0.payments[0].date = "" }.contains(.payments))
    // An owner who runs no schools holding a school scheme's money.
    var kindergartensOnly = result.scenario
    let ownerIndex = kindergartensOnly.owners.firstIndex { $0.id == good.owners[owner].owner }!
    kindergartensOnly.owners[ownerIndex].owns = [.kindergartens]
    kindergartensOnly.schemes[0].serves = [.schools]
    let found = SettlementVerifier(scenario: kindergartensOnly, outcomes: result.outcomes, settlement: good).violations().map(\.rule)
    #expect(found.contains(.recipient))
  }

  @Test("a report total that is not the sum of its rows is caught")
  func reportTotals() {
    let table = """
      | Skoleeier | Tilskudd (kr) | Timer |
      |---|---:|---:|
      | A \\| B | 1 000 | 1,5 |
      | C | 2 500 | 2 |
      | **Sum** | **3 501** | **3,5** |
      """
    let found = ReportTotalsVerifier(markdown: table).violations()
    #expect(found.map(\.rule) == [.reportTotal])
    #expect(found.first?.message.contains("total 3501 kr, rows sum to 3500 kr") == true)
    #expect(ReportTotalsVerifier(markdown: table.replacingOccurrences(of: "3 501", with: "3 500")).violations() == [])
  }
}
