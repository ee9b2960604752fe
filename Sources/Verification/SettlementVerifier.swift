import GrantAllocation

/// Re-checks the allocation in whole kroner: every amount within a krone of the exact one, every
/// total the sum of its rows, frames kept, egenandel at least the scheme's rate (rounded up to the
/// krone), every payment listed so that each scheme's payments add up to the money allocated, and
/// no owner holding a part of a scheme that does not serve it.
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
    guard settlement.measures.count == outcomes.count, settlement.owners.count == scenario.owners.count,
      settlement.networks.count == scenario.networks.count
    else {
      return [Violation(.money, "the settlement does not have one row per measure, per owner and per network")]
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
      if grantSum != summary.toNetworks + summary.toJointMeasures {
        found.append(
          Violation(.money, "\(summary.scheme): grants \(summary.toNetworks + summary.toJointMeasures) kr, rows sum to \(grantSum)"))
      }
      if summary.allocated != summary.toPartners + summary.toNetworks + summary.toJointMeasures || summary.allocated > summary.frame {
        found.append(Violation(.frame, "\(summary.scheme): allocates \(summary.allocated) kr of a frame of \(summary.frame) kr"))
      }
      let ownerSum =
        settlement.owners.reduce(0) { $0 + ($1.grantByScheme[summary.scheme] ?? 0) }
        + settlement.networks.reduce(0) { $0 + ($1.grantByScheme[summary.scheme] ?? 0) }
      if ownerSum != summary.toNetworks {
        found.append(
          Violation(.money, "\(summary.scheme): owners and networks hold \(ownerSum) kr, the networks' grants are \(summary.toNetworks) kr")
        )
      }
      // Every krone allocated is paid to someone, on a date.
      let paid = settlement.payments.filter { $0.scheme == summary.scheme }.reduce(0) { $0 + $1.amount }
      if paid != summary.allocated {
        found.append(Violation(.payments, "\(summary.scheme): payments sum to \(paid) kr, \(summary.allocated) kr is allocated"))
      }
    }
    for payment in settlement.payments where payment.amount <= 0 || payment.date.count != 10 {
      found.append(Violation(.payments, "a payment of \(payment.amount) kr to \(payment.recipient) on \"\(payment.date)\""))
    }
    // Egenandel at least the scheme's rate of each payer's grant, and less than a krone above it;
    // no owner holds a part of a scheme that does not serve it.
    let schemes = Dictionary(scenario.schemes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let owners = Dictionary(scenario.owners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let payers =
      settlement.owners.map { ("\($0.owner)", $0.grantByScheme, $0.egenandelByScheme) }
      + settlement.networks.map { ("\($0.network)", $0.grantByScheme, $0.egenandelByScheme) }
    for (payer, grants, egenandel) in payers {
      for (schemeID, grant) in grants {
        let expected = Double(grant) * (schemes[schemeID]?.egenandelRate ?? 0)
        let charged = Double(egenandel[schemeID] ?? 0)
        if charged < expected - 1e-6 || charged >= expected + 1 {
          found.append(
            Violation(.egenandel, "\(payer): egenandel \(Int(charged)) kr in \(schemeID) is not the rate of \(grant) kr rounded up"))
        }
      }
    }
    for payment in settlement.owners {
      guard let owner = owners[payment.owner] else { continue }
      for (schemeID, grant) in payment.grantByScheme where grant > 0 {
        guard let scheme = schemes[schemeID], owner.owns.isDisjoint(with: scheme.serves) else { continue }
        found.append(Violation(.recipient, "\(owner.id) holds \(grant) kr of \(schemeID), which does not serve what it runs"))
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
