import GLPKBackend
import GrantAllocation
import TestSupport
import Testing

/// Who receives the money, on which date, whose egenandel it is, and which owners a scheme's key
/// counts (issue 16, items 1–5 and 8), on instances small enough to check by hand.
@Suite("Recipients, payments and keys per scheme")
struct RecipientTests {
  /// Two schemes: `skole` (schools, by pupils) and `bhg` (kindergartens, by kindergarten children);
  /// network `n` with a host municipality, a second municipality and a private school owner; a
  /// network `v` with the county municipality (schools only).
  static func scenario() -> ScenarioBuilder {
    let builder = ScenarioBuilder(frame: 1_000_000)
    builder.scenario.schemes = [
      Scheme(id: SchemeID("skole"), name: "Skole", frame: 1_000_000, egenandelRate: 0.3, partnerKinds: [.uh], serves: [.schools]),
      Scheme(
        id: SchemeID("bhg"), name: "Barnehage", frame: 600_000, egenandelRate: 0.3, partnerKinds: [.uh], serves: [.kindergartens],
        sizeMeasure: .kindergartenChildren),
    ]
    builder.scenario.networks = [
      Network(id: NetworkID("n"), name: "N", host: OwnerID("host"), ownKey: CostSharingKey(equal: 1.0 / 3, pupils: 2.0 / 3)),
      Network(id: NetworkID("v"), name: "V"),
    ]
    builder.scenario.owners = [
      SchoolOwner(id: OwnerID("other"), name: "Other", network: NetworkID("n"), kind: .kommune, pupils: 300, kindergartenChildren: 100),
      SchoolOwner(id: OwnerID("host"), name: "Host", network: NetworkID("n"), kind: .kommune, pupils: 900, kindergartenChildren: 300),
      SchoolOwner(id: OwnerID("private"), name: "Private", network: NetworkID("n"), kind: .privat, pupils: 60),
      SchoolOwner(id: OwnerID("county"), name: "County", network: NetworkID("v"), kind: .fylkeskommune, pupils: 19_000),
    ]
    builder.partner("uhp", hours: 1000, price: 1000)
    builder.measure("n-skole", network: "n", rank: 1, cost: 100_001, hours: 10, partners: ["uhp"], scheme: "skole")
    builder.measure("n-bhg", network: "n", rank: 1, cost: 200_000, scheme: "bhg")
    builder.measure("v-skole", network: "v", rank: 1, cost: 50_000, scheme: "skole")
    builder.measure("felles", network: nil, rank: 1, cost: 70_000, scheme: "skole")
    return builder
  }

  static func settle(_ scenario: Scenario) throws -> Settlement {
    let result = Allocator(solver: GLPKSolver()).allocate(scenario)
    try #require(result.hasAllocation)
    return Settlement(result)
  }

  @Test("the network's grant is paid to its host, partner money to the partner per role, joint money to its named recipient")
  func recipients() throws {
    let builder = Self.scenario()
    builder.scenario.measures[3].recipient = .partner(PartnerID("uhp"))
    let settlement = try Self.settle(builder.scenario)
    let payments = settlement.payments.map { "\($0.scheme) \($0.recipient) \($0.purpose) \($0.date) \($0.amount)" }
    #expect(
      payments == [
        "skole owner:county network(v) 2027-06-30 50000",
        "skole owner:host network(n) 2027-06-30 100001",
        "skole partner:uhp jointMeasure(felles) 2027-06-30 70000",
        "skole partner:uhp partnerHours(GrantAllocation.PartnerRole.partner2) 2027-06-30 10000",
        "bhg owner:host network(n) 2027-06-30 200000",
      ])
    // A network without a named host is paid through its first municipality (here v has none: its first owner).
    #expect(Self.scenario().scenario.host(of: Network(id: NetworkID("v"), name: "V")) == OwnerID("county"))
    // Per scheme, the payments add up to the money allocated.
    for scheme in settlement.schemes {
      #expect(settlement.payments.filter { $0.scheme == scheme.scheme }.reduce(0) { $0 + $1.amount } == scheme.allocated)
    }
  }

  @Test("a joint measure without a named recipient is paid to the forum's own budget")
  func jointDefault() throws {
    let settlement = try Self.settle(Self.scenario().scenario)
    #expect(
      settlement.payments.contains { $0.recipient == .forum && $0.purpose == .jointMeasure(MeasureID("felles")) && $0.amount == 70_000 })
  }

  @Test("payment dates come from the data: the measure's schedule, else the scheme's, else the end of June")
  func dates() throws {
    let builder = Self.scenario()
    builder.scenario.measures[1].paymentSchedule = PaymentSchedule([
      .init(date: "2027-04-30", share: 0.5), .init(date: "2028-04-30", share: 0.5),
    ])
    builder.scenario.schemes[0].paymentSchedule = PaymentSchedule([.init(date: "2027-08-15", share: 1)])
    let settlement = try Self.settle(builder.scenario)
    let bhg = settlement.payments.filter { $0.scheme == SchemeID("bhg") }.map { "\($0.date) \($0.amount)" }
    #expect(bhg == ["2027-04-30 100000", "2028-04-30 100000"])
    #expect(settlement.payments.filter { $0.scheme == SchemeID("skole") }.allSatisfy { $0.date == "2027-08-15" })
  }

  @Test("without an agreement that says so, no owner is charged by the network's key: the network as a whole is")
  func noOwnKeyByDefault() throws {
    let builder = Self.scenario()
    builder.scenario.networks[0].ownKeyUses = []
    let settlement = try Self.settle(builder.scenario)
    #expect(settlement.owners.allSatisfy { $0.grant == 0 || $0.owner == OwnerID("county") })
    let network = try #require(settlement.networkPayment(NetworkID("n")))
    #expect(network.grantByScheme == [SchemeID("skole"): 100_001, SchemeID("bhg"): 200_000])
    // 30 % of 100 001 kr is 30 000,3 kr: rounded up.
    #expect(network.egenandelByScheme[SchemeID("skole")] == 30_001)
  }

  @Test("the network's own key splits only among joined owners the scheme serves; Rekom money reaches no school owner")
  func ownKeyAmongJoined() throws {
    let builder = Self.scenario()
    builder.scenario.networks[0].ownKeyUses = [.egenandel]
    let settlement = try Self.settle(builder.scenario)
    let privateOwner = try #require(settlement.payment(OwnerID("private")))
    // The private school owner did not join the agreement: no share of the network's key.
    #expect(privateOwner.grant == 0)
    // Schools: 1/3 equally between the two municipalities, 2/3 by pupils (300 : 900).
    // other: 100 001 × (1/6 + 2/3 × 1/4) = 33 333,67; host: 66 667,33 → 33 334 and 66 667.
    #expect(settlement.payment(OwnerID("other"))?.grantByScheme[SchemeID("skole")] == 33_334)
    #expect(settlement.payment(OwnerID("host"))?.grantByScheme[SchemeID("skole")] == 66_667)
    // Kindergartens by kindergarten children (100 : 300): the same shares of 200 000.
    #expect(settlement.payment(OwnerID("other"))?.grantByScheme[SchemeID("bhg")] == 66_667)
    // The network's money is still paid to the host: the key splits the egenandel only.
    #expect(settlement.payments.filter { $0.recipient == .owner(OwnerID("other")) }.isEmpty)
    // A private owner who joined takes part, but never in the kindergarten scheme it does not serve.
    builder.scenario.owners[2].joinedAgreement = true
    let joined = try Self.settle(builder.scenario)
    #expect((joined.payment(OwnerID("private"))?.grantByScheme[SchemeID("skole")] ?? 0) > 0)
    #expect(joined.payment(OwnerID("private"))?.grantByScheme[SchemeID("bhg")] == nil)
  }

  @Test("where the agreement splits the grant, each joined member is paid its part")
  func grantByKey() throws {
    let builder = Self.scenario()
    builder.scenario.networks[0].ownKeyUses = [.grant, .egenandel]
    let settlement = try Self.settle(builder.scenario)
    let toN = settlement.payments.filter { $0.purpose == .network(NetworkID("n")) && $0.scheme == SchemeID("skole") }
    #expect(toN.map(\.recipient) == [.owner(OwnerID("host")), .owner(OwnerID("other"))])
    #expect(toN.reduce(0) { $0 + $1.amount } == 100_001)
  }

  @Test("a programme priced per participant: its grant and egenandel are the owners' by their participants, not by the key")
  func participantsByOwner() throws {
    let builder = Self.scenario()
    builder.scenario.networks[0].ownKeyUses = [.egenandel]
    // Seed 001: 1 500 kr per participant; host sends 20, other 30 (the key would give host the larger part).
    builder.scenario.measures[0].stateCost = 75_000
    builder.scenario.measures[0].pricePerParticipant = 1500
    builder.scenario.measures[0].participants = 50
    builder.scenario.measures[0].participantsByOwner = [OwnerID("host"): 20, OwnerID("other"): 30, OwnerID("private"): 0]
    let settlement = try Self.settle(builder.scenario)
    // 75 000 kr: 30 000 and 45 000; the private owner with no participant gets no part.
    #expect(settlement.payment(OwnerID("host"))?.grantByScheme[SchemeID("skole")] == 30_000)
    #expect(settlement.payment(OwnerID("other"))?.grantByScheme[SchemeID("skole")] == 45_000)
    #expect(settlement.payment(OwnerID("private"))?.grantByScheme[SchemeID("skole")] == nil)
    #expect(settlement.payment(OwnerID("other"))?.egenandelByScheme[SchemeID("skole")] == 13_500)
    // The partner hours (10 h at 1 000 kr) are the partner's, asked besides the price; the network's
    // other scheme still goes by the key.
    #expect(settlement.payment(OwnerID("other"))?.grantByScheme[SchemeID("bhg")] == 66_667)
    // Still paid to the host: the network's agreement does not split the grant.
    #expect(
      settlement.payments.filter { $0.scheme == SchemeID("skole") && $0.purpose == .network(NetworkID("n")) }.map(\.recipient) == [
        .owner(OwnerID("host"))
      ])
  }

  @Test("the forum's key per scheme: only networks the scheme serves, by that scheme's size measure")
  func forumKeyPerScheme() {
    let builder = Self.scenario()
    builder.scenario.policy.fairnessKey = CostSharingKey(equal: 0.3, pupils: 0.7)
    let scenario = builder.scenario
    // Kindergartens: the county municipality runs none, so network v has no share at all, and n has it all.
    let kindergarten = scenario.networkKeyShares(scheme: scenario.schemes[1])
    #expect(kindergarten[NetworkID("v")] == 0)
    #expect(abs((kindergarten[NetworkID("n")] ?? 0) - 1) < 1e-12)
    // Schools by pupils: n has 1 260, v 19 000; the equal part is shared by both.
    let school = scenario.networkKeyShares(scheme: scenario.schemes[0])
    #expect(abs((school[NetworkID("n")] ?? 0) - (0.15 + 0.7 * 1260 / 20_260)) < 1e-12)
  }

  @Test(
    "hours are reported in whole hours: a measure's add up to its share of the hours asked, a partner's to its lines and within its capacity",
    arguments: 1...30)
  func wholeHours(seed: UInt64) throws {
    let scenario = BruteForce.randomScenario(seed: seed)
    let result = Allocator(solver: GLPKSolver()).allocate(scenario)
    guard result.hasAllocation else { return }
    let settlement = Settlement(result)
    for partner in settlement.partners {
      for role in PartnerRole.allCases {
        let lines = settlement.measures.flatMap(\.partners).filter { $0.partner == partner.partner && $0.role == role }
        let whole = lines.reduce(0) { $0 + $1.wholeHours }
        let exact = lines.reduce(0) { $0 + $1.hours }
        #expect(whole == partner.wholeHours[role] ?? 0)
        #expect(Double(whole) <= (partner.capacity[role] ?? 0) + 1e-9)
        #expect(abs(Double(whole) - exact) < Double(max(1, lines.count)))
        for line in lines { #expect(abs(Double(line.wholeHours) - line.hours) < 1) }
      }
    }
    for money in settlement.measures {
      for role in PartnerRole.allCases {
        let lines = money.partners.filter { $0.role == role }
        let exact = lines.reduce(0) { $0 + $1.hours }
        #expect(abs(Double(lines.reduce(0) { $0 + $1.wholeHours }) - exact) < 1)
      }
    }
  }
}
