import GrantAllocation

/// Re-checks the allocation in whole kroner: every amount within a krone of the exact one, every
/// total the sum of its rows, frames kept, egenandel at the scheme's rate, instalments adding up.
public struct SettlementVerifier {
  public let scenario: Scenario
  public let outcomes: [MeasureOutcome]
  public let settlement: Settlement

  public init(scenario: Scenario, outcomes: [MeasureOutcome], settlement: Settlement) {
    self.scenario = scenario
    self.outcomes = outcomes
    self.settlement = settlement
  }

  public func violations() -> [Violation] {
    guard settlement.measures.count == outcomes.count, settlement.owners.count == scenario.owners.count else {
      return [Violation(.money, "the settlement does not have one row per measure and per owner")]
    }
    var found: [Violation] = []
    // Each measure's kroner within a krone of the exact money.
    for (outcome, money) in zip(outcomes, settlement.measures) {
      if abs(Double(money.grant) - outcome.grant) >= 1 {
        found.append(Violation(.money, "\(money.measure): grant \(money.grant) kr is more than a krone from \(outcome.grant)"))
      }
      let exactPartners = outcome.partners.reduce(0) { $0 + $1.money }
      let roundedPartners = money.partners.reduce(0) { $0 + $1.money }
      if abs(Double(roundedPartners) - exactPartners) >= Double(max(1, money.partners.count)) {
        found.append(Violation(.money, "\(money.measure): partner money \(roundedPartners) kr is far from \(exactPartners)"))
      }
    }
    // Schemes: totals are sums of rows, and within the frame.
    for summary in settlement.schemes {
      let rows = zip(scenario.measures, settlement.measures).filter { $0.0.scheme == summary.scheme }.map(\.1)
      let partnerSum = rows.flatMap(\.partners).reduce(0) { $0 + $1.money }
      let grantSum = rows.reduce(0) { $0 + $1.grant }
      if partnerSum != summary.toPartners {
        found.append(Violation(.money, "\(summary.scheme): to partners \(summary.toPartners) kr, rows sum to \(partnerSum)"))
      }
      if grantSum != summary.toOwners + summary.toJointMeasures {
        found.append(
          Violation(.money, "\(summary.scheme): grants \(summary.toOwners + summary.toJointMeasures) kr, rows sum to \(grantSum)"))
      }
      if summary.allocated != summary.toPartners + summary.toOwners + summary.toJointMeasures || summary.allocated > summary.frame {
        found.append(Violation(.frame, "\(summary.scheme): allocates \(summary.allocated) kr of a frame of \(summary.frame) kr"))
      }
      let ownerSum = settlement.owners.reduce(0) { $0 + ($1.grantByScheme[summary.scheme] ?? 0) }
      if ownerSum != summary.toOwners {
        found.append(Violation(.money, "\(summary.scheme): owners receive \(ownerSum) kr, the networks' grants are \(summary.toOwners) kr"))
      }
    }
    // Owners: egenandel at the scheme's rate, instalments adding up to the grant.
    for payment in settlement.owners {
      for (schemeID, grant) in payment.grantByScheme {
        let rate = scenario.schemes.first { $0.id == schemeID }?.egenandelRate ?? 0
        let expected = Double(grant) * rate
        if abs(Double(payment.egenandelByScheme[schemeID] ?? 0) - expected) > 0.5 + 1e-9 {
          found.append(Violation(.egenandel, "\(payment.owner): egenandel in \(schemeID) is not \(rate) × \(grant) kr"))
        }
      }
      if payment.firstInstalment + payment.secondInstalment != payment.grant || payment.firstInstalment < 0 || payment.secondInstalment < 0
      {
        found.append(
          Violation(
            .instalments,
            "\(payment.owner): instalments \(payment.firstInstalment) + \(payment.secondInstalment) kr are not the grant \(payment.grant) kr"
          ))
      }
    }
    // Partners: money per role is the sum of the measures' lines.
    var lines: [PartnerID: Int] = [:]
    for line in settlement.measures.flatMap(\.partners) { lines[line.partner, default: 0] += line.money }
    for partner in settlement.partners where partner.total != (lines[partner.partner] ?? 0) {
      found.append(Violation(.money, "\(partner.partner): \(partner.total) kr, its lines sum to \(lines[partner.partner] ?? 0) kr"))
    }
    return found
  }
}
