/// The allocation in whole kroner: what each measure, partner, school owner and scheme gets.
///
/// Every amount is rounded once, here, by ``Apportionment``, and every total is the sum of the
/// rounded rows it totals, so all reports add up to the krone.
public struct Settlement: Sendable, Equatable {
  /// Hours and money of one partner in one role on one measure.
  public struct PartnerLine: Sendable, Equatable {
    public var partner: PartnerID
    public var role: PartnerRole
    public var hours: Double
    public var money: Int
  }

  /// One measure's money.
  public struct MeasureMoney: Sendable, Equatable {
    public var measure: MeasureID
    /// Grant to the school owners (or to the joint measure), whole kroner.
    public var grant: Int
    public var partners: [PartnerLine]
    public var total: Int { grant + partners.reduce(0) { $0 + $1.money } }
  }

  /// One school owner's grant, egenandel and instalments.
  public struct OwnerPayment: Sendable, Equatable {
    public var owner: OwnerID
    public var grantByScheme: [SchemeID: Int]
    public var egenandelByScheme: [SchemeID: Int]
    public var grant: Int { grantByScheme.values.reduce(0, +) }
    public var egenandel: Int { egenandelByScheme.values.reduce(0, +) }
    /// Paid at the end of June.
    public var firstInstalment: Int { Apportionment.instalments(grant).first }
    /// Paid the following winter.
    public var secondInstalment: Int { Apportionment.instalments(grant).second }
  }

  /// One scheme's frame and where its money went.
  public struct SchemeMoney: Sendable, Equatable {
    public var scheme: SchemeID
    public var frame: Int
    /// Paid straight to partners for pool and partner-2 hours.
    public var toPartners: Int
    /// Grants to the networks' school owners.
    public var toOwners: Int
    /// Grants for joint measures (*fellestiltak*) not paid to a named owner.
    public var toJointMeasures: Int
    public var allocated: Int { toPartners + toOwners + toJointMeasures }
    public var left: Int { frame - allocated }
  }

  /// One partner's hours and money per role.
  public struct PartnerMoney: Sendable, Equatable {
    public var partner: PartnerID
    public var hours: [PartnerRole: Double]
    public var money: [PartnerRole: Int]
    public var capacity: [PartnerRole: Double]
    public var total: Int { money.values.reduce(0, +) }
  }

  public var measures: [MeasureMoney]
  public var owners: [OwnerPayment]
  public var schemes: [SchemeMoney]
  public var partners: [PartnerMoney]

  /// Rounds `result`'s outcomes to kroner. `result` must have an allocation.
  public init(_ result: AllocationResult) {
    let scenario = result.scenario
    // 1. Per scheme, every grant and partner payment rounded together, so a scheme's total is
    //    round(exact total), and never above the frame.
    var measures = scenario.measures.map { MeasureMoney(measure: $0.id, grant: 0, partners: []) }
    for scheme in scenario.schemes {
      let indices = scenario.measures.indices.filter { scenario.measures[$0].scheme == scheme.id && $0 < result.outcomes.count }
      var exact: [Double] = []
      for index in indices {
        exact.append(result.outcomes[index].grant)
        exact.append(contentsOf: result.outcomes[index].partners.map(\.money))
      }
      var rounded = Apportionment.wholeKroner(exact, cap: Int(scheme.frame.rounded(.down))).makeIterator()
      for index in indices {
        measures[index].grant = rounded.next()!
        measures[index].partners = result.outcomes[index].partners.map {
          PartnerLine(partner: $0.partner, role: $0.role, hours: $0.hours, money: rounded.next()!)
        }
      }
    }
    self.measures = measures

    // 2. Grants to owners: a named owner takes it all; otherwise the network's key splits it.
    var grants: [OwnerID: [SchemeID: Int]] = [:]
    var jointGrant: [SchemeID: Int] = [:]
    var ownerGrant: [SchemeID: Int] = [:]
    let membersByNetwork = scenario.membersByNetwork()
    // `scenario.network(_:)` searches the list; per measure that is quadratic at 10⁵ measures.
    let networks = Dictionary(scenario.networks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (measure, money) in zip(scenario.measures, measures) where money.grant > 0 {
      if let owner = measure.owner {
        grants[owner, default: [:]][measure.scheme, default: 0] += money.grant
        ownerGrant[measure.scheme, default: 0] += money.grant
      } else if let networkID = measure.holder.network, let network = networks[networkID] {
        let members = membersByNetwork[networkID] ?? []
        let parts = Apportionment.split(money.grant, weights: network.costSharing.shares(pupils: members.map(\.pupils)))
        for (member, part) in zip(members, parts) { grants[member.id, default: [:]][measure.scheme, default: 0] += part }
        ownerGrant[measure.scheme, default: 0] += money.grant
      } else {
        jointGrant[measure.scheme, default: 0] += money.grant
      }
    }
    // 3. Egenandel at the scheme's rate of each owner's grant.
    owners = scenario.owners.map { owner in
      let byScheme = grants[owner.id] ?? [:]
      var egenandel: [SchemeID: Int] = [:]
      for (schemeID, grant) in byScheme {
        let rate = scenario.scheme(schemeID)?.egenandelRate ?? 0
        egenandel[schemeID] = Int((Double(grant) * rate).rounded(.toNearestOrAwayFromZero))
      }
      return OwnerPayment(owner: owner.id, grantByScheme: byScheme, egenandelByScheme: egenandel)
    }
    // 4. Scheme and partner summaries, as sums of the rounded rows.
    schemes = scenario.schemes.map { scheme in
      let schemeMeasures = zip(scenario.measures, measures).filter { $0.0.scheme == scheme.id }.map(\.1)
      return SchemeMoney(
        scheme: scheme.id, frame: Int(scheme.frame.rounded(.down)),
        toPartners: schemeMeasures.flatMap(\.partners).reduce(0) { $0 + $1.money },
        toOwners: ownerGrant[scheme.id] ?? 0, toJointMeasures: jointGrant[scheme.id] ?? 0)
    }
    let lines = measures.flatMap(\.partners)
    partners = scenario.partners.map { partner in
      var hours: [PartnerRole: Double] = [:]
      var money: [PartnerRole: Int] = [:]
      for line in lines where line.partner == partner.id {
        hours[line.role, default: 0] += line.hours
        money[line.role, default: 0] += line.money
      }
      return PartnerMoney(partner: partner.id, hours: hours, money: money, capacity: partner.capacity)
    }
  }

  public func money(_ measure: MeasureID) -> MeasureMoney? { measures.first { $0.measure == measure } }
  public func payment(_ owner: OwnerID) -> OwnerPayment? { owners.first { $0.owner == owner } }
}
