/// The allocation in whole kroner: what each measure, partner, recipient and scheme gets.
///
/// Every amount is rounded once, here, by ``Apportionment``, and every total is the sum of the
/// rounded rows it totals, so all reports add up to the krone.
public struct Settlement: Sendable, Equatable {
  /// Hours and money of one partner in one role on one measure.
  public struct PartnerLine: Sendable, Equatable {
    public var partner: PartnerID
    public var role: PartnerRole
    /// The solver's hours, exact.
    public var hours: Double
    public var money: Int
    /// The hours in whole hours, as the reports show them: per partner and role, the lines are
    /// rounded together so that they add up to the rounded total and stay within the capacity.
    public var wholeHours: Int = 0
  }

  /// One measure's money.
  public struct MeasureMoney: Sendable, Equatable {
    public var measure: MeasureID
    /// Grant to the network (or to the joint measure's recipient), whole kroner.
    public var grant: Int
    public var partners: [PartnerLine]
    public var total: Int { grant + partners.reduce(0) { $0 + $1.money } }
  }

  /// What a payment is for.
  public enum Purpose: Sendable, Hashable, Comparable {
    /// A network's grant for its measures (paid to its host, or to a member by the network's key).
    case network(NetworkID)
    /// A joint measure's grant, paid to its named recipient.
    case jointMeasure(MeasureID)
    /// A partner's hours in one role.
    case partnerHours(PartnerRole)

    private var order: (Int, String) {
      switch self {
      case .network(let id): (0, id.rawValue)
      case .jointMeasure(let id): (1, id.rawValue)
      case .partnerHours(let role): (2, role.rawValue)
      }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
  }

  /// One payment from Statsforvalteren: to whom, for what, from which scheme, when and how much.
  public struct Payment: Sendable, Equatable {
    public var recipient: Recipient
    public var purpose: Purpose
    public var scheme: SchemeID
    /// ISO date, `YYYY-MM-DD`.
    public var date: String
    public var amount: Int
  }

  /// One owner's part of its network's grants (or of a measure for it alone), and its egenandel.
  ///
  /// An owner has a part only where it is known: a measure for it alone, or a network whose own
  /// agreement splits its grant or egenandel by the network's key.
  public struct OwnerPayment: Sendable, Equatable {
    public var owner: OwnerID
    public var grantByScheme: [SchemeID: Int]
    public var egenandelByScheme: [SchemeID: Int]
    public var grant: Int { grantByScheme.values.reduce(0, +) }
    public var egenandel: Int { egenandelByScheme.values.reduce(0, +) }
  }

  /// The part of a network's grants that its agreement does not split among its members, and the
  /// egenandel the network owes for it (settled among the members as they agree).
  public struct NetworkPayment: Sendable, Equatable {
    public var network: NetworkID
    public var grantByScheme: [SchemeID: Int]
    public var egenandelByScheme: [SchemeID: Int]
    public var grant: Int { grantByScheme.values.reduce(0, +) }
    public var egenandel: Int { egenandelByScheme.values.reduce(0, +) }
  }

  /// One scheme's frame and where its money went.
  public struct SchemeMoney: Sendable, Equatable {
    public var scheme: SchemeID
    public var frame: Int
    /// Paid straight to partners for pool and partner-2 hours.
    public var toPartners: Int
    /// Grants for the networks' measures.
    public var toNetworks: Int
    /// Grants for joint measures (*fellestiltak*), paid to their named recipients.
    public var toJointMeasures: Int
    public var allocated: Int { toPartners + toNetworks + toJointMeasures }
    public var left: Int { frame - allocated }
  }

  /// One partner's hours and money per role.
  public struct PartnerMoney: Sendable, Equatable {
    public var partner: PartnerID
    public var hours: [PartnerRole: Double]
    public var money: [PartnerRole: Int]
    public var capacity: [PartnerRole: Double]
    /// The sum of the lines' whole hours, per role.
    public var wholeHours: [PartnerRole: Int] = [:]
    public var total: Int { money.values.reduce(0, +) }
  }

  public var measures: [MeasureMoney]
  /// One per owner, in ``Scenario/owners`` order.
  public var owners: [OwnerPayment] { didSet { ownerPositions = firstPositions(owners.map(\.owner)) } }
  /// One per network, in ``Scenario/networks`` order.
  public var networks: [NetworkPayment] { didSet { networkPositions = firstPositions(networks.map(\.network)) } }
  /// Where each owner and network stands in ``owners`` and ``networks``, kept with them, so that
  /// ``payment(_:)`` and ``networkPayment(_:)`` are O(1) (reports ask for every owner).
  private var ownerPositions: [OwnerID: Int] = [:]
  private var networkPositions: [NetworkID: Int] = [:]
  public var schemes: [SchemeMoney]
  public var partners: [PartnerMoney]
  /// Every payment, by scheme (the scenario's order), recipient, purpose and date; per scheme they
  /// sum to the money allocated.
  public var payments: [Payment]

  /// Rounds `result`'s outcomes to kroner. `result` must have an allocation.
  public init(_ result: AllocationResult) {
    let scenario = result.scenario
    // 1. Per scheme, every grant and partner payment rounded together, so a scheme's total is
    //    round(exact total), and never above the frame.
    var measures = scenario.measures.map { MeasureMoney(measure: $0.id, grant: 0, partners: []) }
    for scheme in scenario.schemes {
      let indices = scenario.measureIndices.filter { scenario.measures[$0].scheme == scheme.id && $0.rawValue < result.outcomes.count }
      var exact: [Double] = []
      for index in indices {
        exact.append(result.outcomes[index].grant)
        exact.append(contentsOf: result.outcomes[index].partners.map(\.money))
      }
      // One whole amount per exact one, in the same order.
      let rounded = Apportionment.wholeKroner(exact, cap: Int(scheme.frame.rounded(.down)))
      var position = 0
      for index in indices {
        measures[index].grant = rounded[position]
        position += 1
        measures[index].partners = result.outcomes[index].partners.map {
          defer { position += 1 }
          return PartnerLine(partner: $0.partner, role: $0.role, hours: $0.hours, money: rounded[position])
        }
      }
    }
    // Whole hours for the reports. Per measure and role, the lines are rounded together (largest
    // remainder), so a measure's hours add up to its rounded share of the hours asked; where that
    // would take a partner above its capacity, the lines rounded up the most give back an hour.
    for index in measures.indices {
      for role in PartnerRole.allCases {
        let positions = measures[index].partners.indices.filter { measures[index].partners[$0].role == role }
        let whole = Apportionment.wholeKroner(positions.map { measures[index].partners[$0].hours })
        for (position, hours) in zip(positions, whole) { measures[index].partners[position].wholeHours = hours }
      }
    }
    var linesByPartnerRole: [PartnerRoleLine: [(measure: MeasureIndex, line: Int)]] = [:]
    for (index, money) in zip(scenario.measureIndices, measures) {
      for (position, line) in money.partners.enumerated() {
        linesByPartnerRole[PartnerRoleLine(partner: line.partner, role: line.role), default: []].append((index, position))
      }
    }
    for (key, places) in linesByPartnerRole.sorted(by: { ($0.key.partner, $0.key.role) < ($1.key.partner, $1.key.role) }) {
      let cap = Int(((scenario.partner(key.partner)?.capacity[key.role] ?? 0) + 1e-6).rounded(.down))
      var excess = places.reduce(0) { $0 + measures[$1.measure].partners[$1.line].wholeHours } - cap
      // The lines rounded up the most first; ties to the earlier line.
      let order = places.enumerated().sorted { lhs, rhs in
        let a = measures[lhs.element.measure].partners[lhs.element.line]
        let b = measures[rhs.element.measure].partners[rhs.element.line]
        let (up, otherUp) = (Double(a.wholeHours) - a.hours, Double(b.wholeHours) - b.hours)
        return up != otherUp ? up > otherUp : lhs.offset < rhs.offset
      }.map(\.element)
      for place in order where excess > 0 {
        let line = measures[place.measure].partners[place.line]
        guard Double(line.wholeHours) > line.hours else { continue }
        measures[place.measure].partners[place.line].wholeHours -= 1
        excess -= 1
      }
    }
    self.measures = measures

    // 2. Whose grant it is: a measure's one owner; else, when the measure gives its participants
    //    per owner, those owners by participants (seed 001); else, where the network's agreement
    //    splits its grant or egenandel by its own key, each joined member the scheme serves by that
    //    key; else the network as a whole. Joint measures belong to their recipient, not to an owner.
    var ownerGrants: [OwnerID: [SchemeID: Int]] = [:]
    var networkGrants: [NetworkID: [SchemeID: Int]] = [:]
    var jointGrant: [SchemeID: Int] = [:]
    var networkGrant: [SchemeID: Int] = [:]
    var payments: [PaymentKey: Int] = [:]
    func pay(_ amount: Int, to recipient: Recipient, for purpose: Purpose, _ measure: Measure) {
      guard amount != 0 else { return }
      let schedule = scenario.paymentSchedule(of: measure).instalments
      for (instalment, part) in zip(schedule, Apportionment.split(amount, weights: schedule.map(\.share))) where part != 0 {
        payments[PaymentKey(scheme: measure.scheme, recipient: recipient, purpose: purpose, date: instalment.date), default: 0] += part
      }
    }
    for (measure, money) in zip(scenario.measures, measures) {
      for line in money.partners { pay(line.money, to: .partner(line.partner), for: .partnerHours(line.role), measure) }
      guard money.grant > 0 else { continue }
      guard let networkID = measure.holder.network, let network = scenario.network(networkID), let scheme = scenario.scheme(measure.scheme)
      else {
        jointGrant[measure.scheme, default: 0] += money.grant
        pay(money.grant, to: measure.recipient ?? .forum, for: .jointMeasure(measure.id), measure)
        continue
      }
      networkGrant[measure.scheme, default: 0] += money.grant
      let keyMembers = Self.keyMembers(of: network, in: scheme, members: scenario.members(of: networkID))
      let splits = !keyMembers.isEmpty && (network.splitsByOwnKey(.grant) || network.splitsByOwnKey(.egenandel))
      var parts: [(OwnerID, Int)] = []
      if let owner = measure.owner {
        parts = [(owner, money.grant)]
      } else if !measure.participantsByOwner.isEmpty {
        let counted = measure.participantsByOwner.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        parts = Array(zip(counted.map(\.key), Apportionment.split(money.grant, weights: counted.map { Double($0.value) })))
      } else if splits, let key = network.ownKey {
        let weights = key.shares(sizes: keyMembers.map { $0.size(scheme.sizeMeasure) })
        parts = Array(zip(keyMembers.map(\.id), Apportionment.split(money.grant, weights: weights)))
      }
      if parts.isEmpty {
        networkGrants[networkID, default: [:]][measure.scheme, default: 0] += money.grant
      } else {
        for (owner, part) in parts { ownerGrants[owner, default: [:]][measure.scheme, default: 0] += part }
      }
      // Paid to the network's host, unless its agreement has the members paid by its key.
      if network.splitsByOwnKey(.grant), !parts.isEmpty {
        for (owner, part) in parts { pay(part, to: .owner(owner), for: .network(networkID), measure) }
      } else if let host = scenario.host(of: network) {
        pay(money.grant, to: .owner(host), for: .network(networkID), measure)
      }
    }
    // 3. Egenandel: at least the scheme's rate of each payer's grant, rounded up to the krone.
    func egenandel(_ grants: [SchemeID: Int]) -> [SchemeID: Int] {
      grants.mapValues { _ in 0 }.merging(
        grants.map { schemeID, grant in (schemeID, Self.egenandel(grant, rate: scenario.scheme(schemeID)?.egenandelRate ?? 0)) },
        uniquingKeysWith: { _, new in new })
    }
    owners = scenario.owners.map { owner in
      let grants = ownerGrants[owner.id] ?? [:]
      return OwnerPayment(owner: owner.id, grantByScheme: grants, egenandelByScheme: egenandel(grants))
    }
    self.networks = scenario.networks.map { network in
      let grants = networkGrants[network.id] ?? [:]
      return NetworkPayment(network: network.id, grantByScheme: grants, egenandelByScheme: egenandel(grants))
    }
    // (Property observers do not run in an initialiser.)
    ownerPositions = firstPositions(owners.map(\.owner))
    networkPositions = firstPositions(self.networks.map(\.network))
    // 4. Scheme and partner summaries, as sums of the rounded rows.
    self.schemes = scenario.schemes.map { scheme in
      let schemeMeasures = zip(scenario.measures, measures).filter { $0.0.scheme == scheme.id }.map(\.1)
      return SchemeMoney(
        scheme: scheme.id, frame: Int(scheme.frame.rounded(.down)),
        toPartners: schemeMeasures.flatMap(\.partners).reduce(0) { $0 + $1.money },
        toNetworks: networkGrant[scheme.id] ?? 0, toJointMeasures: jointGrant[scheme.id] ?? 0)
    }
    let lines = measures.flatMap(\.partners)
    partners = scenario.partners.map { partner in
      var hours: [PartnerRole: Double] = [:]
      var money: [PartnerRole: Int] = [:]
      var whole: [PartnerRole: Int] = [:]
      for line in lines where line.partner == partner.id {
        hours[line.role, default: 0] += line.hours
        money[line.role, default: 0] += line.money
        whole[line.role, default: 0] += line.wholeHours
      }
      return PartnerMoney(partner: partner.id, hours: hours, money: money, capacity: partner.capacity, wholeHours: whole)
    }
    let schemeOrder = Dictionary(scenario.schemes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    self.payments = payments.filter { $0.value != 0 }.sorted { lhs, rhs in
      let (a, b) = (lhs.key, rhs.key)
      if a.scheme != b.scheme { return (schemeOrder[a.scheme] ?? 0) < (schemeOrder[b.scheme] ?? 0) }
      if a.recipient != b.recipient { return a.recipient < b.recipient }
      if a.purpose != b.purpose { return a.purpose < b.purpose }
      return a.date < b.date
    }.map { Payment(recipient: $0.key.recipient, purpose: $0.key.purpose, scheme: $0.key.scheme, date: $0.key.date, amount: $0.value) }
  }

  /// The members a network's own key splits among in `scheme`: owners that joined the network's
  /// agreement and that the scheme serves, in ``Scenario/owners`` order.
  public static func keyMembers(of network: Network, in scheme: Scheme, members: [SchoolOwner]) -> [SchoolOwner] {
    members.filter { $0.joinedAgreement && $0.isServed(by: scheme) }
  }

  /// Egenandel on `grant` whole kroner at `rate`: at least the rate, so rounded up to the krone
  /// (a product that is a whole number up to floating error stays that number).
  public static func egenandel(_ grant: Int, rate: Double) -> Int {
    let exact = Double(grant) * rate
    let nearest = exact.rounded()
    if abs(exact - nearest) < 1e-6 { return max(0, Int(nearest)) }
    return max(0, Int(exact.rounded(.up)))
  }

  public func payment(_ owner: OwnerID) -> OwnerPayment? { ownerPositions[owner].map { owners[$0] } }
  public func networkPayment(_ network: NetworkID) -> NetworkPayment? { networkPositions[network].map { networks[$0] } }
}

private struct PartnerRoleLine: Hashable {
  var partner: PartnerID
  var role: PartnerRole
}

private struct PaymentKey: Hashable {
  var scheme: SchemeID
  var recipient: Recipient
  var purpose: Settlement.Purpose
  var date: String
}
