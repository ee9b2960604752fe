import GLPKBackend
import GrantAllocation
import Reports
import TestSupport
import Testing
import Verification

/// The network's choice of partner (issue 16 item 7), on instances small enough to check by hand.
@Suite("The network chooses its partner")
struct PartnerRuleTests {
  func allocate(_ builder: ScenarioBuilder) -> AllocationResult {
    let result = Allocator(solver: GLPKSolver()).allocate(builder.scenario)
    #expect(result.hasAllocation)
    #expect(result.partnerRule?.settled == true)
    #expect(AllocationVerifier(result).violations() == [])
    return result
  }

  func partners(_ result: AllocationResult, _ id: String) -> [String] {
    (result.outcome(MeasureID(id))?.partners ?? []).map(\.partner.rawValue)
  }

  @Test("hours stay at the first choice even when a cheaper second choice would fund one more measure")
  func neverToSaveMoney() {
    // p (first choice of a1) costs 20 per hour, q 10. Frame 1 000: a1 at p (400 + 20×20 = 800)
    // leaves 200, too little for b1 (250); a1 at q (600) would leave 400 and fund b1 too. The
    // network chose p and p has room, so a1 is at p and b1 waits.
    let builder = ScenarioBuilder(frame: 1000)
    builder.network("a").network("b")
    builder.partner("p", hours: 100, price: 20).partner("q", hours: 100, price: 10)
    builder.measure("a1", network: "a", rank: 1, cost: 400, hours: 20, partners: ["p", "q"])
    builder.measure("b1", network: "b", rank: 1, cost: 250, hours: 0, partners: ["q"])
    let result = allocate(builder)
    #expect(partners(result, "a1") == ["p"])
    #expect(result.outcome(MeasureID("b1"))?.share == 0)
  }

  @Test("a measure goes to its second choice only when the first has too few idle hours for it")
  func secondChoiceWhenFirstIsFull() {
    // p has 30 hours: a1 and b2 (20 hours each, both p first) cannot both be at p. One of them is
    // at q, and p's idle hours are too few for it.
    let builder = ScenarioBuilder(frame: 10_000)
    builder.network("a").network("b")
    builder.partner("p", hours: 30, price: 10).partner("q", hours: 30, price: 10)
    builder.measure("a1", network: "a", rank: 1, cost: 100, hours: 20, partners: ["p", "q"])
    builder.measure("b1", network: "b", rank: 1, cost: 100, hours: 0, partners: ["p"])
    builder.measure("b2", network: "b", rank: 2, cost: 100, hours: 20, partners: ["p", "q"])
    let result = allocate(builder)
    #expect([partners(result, "a1"), partners(result, "b2")].sorted { $0.lexicographicallyPrecedes($1) } == [["p"], ["q"]])
  }

  @Test("the forum's allocation fills the first choice: a measure then moves on and money is not left idle")
  func movesOnWhenTheForumFillsTheFirst() {
    // p has 20 hours. a1 (p, else q) and b1 (only p) both ask 20. Holding a1 to p would leave b1
    // (or a1) unfunded with money to spare; the forum funds both: b1 at p, which then has no idle
    // hours for a1, so a1 goes to q (the example's mt-kl-1 before the rule was read this way).
    let builder = ScenarioBuilder(frame: 10_000)
    builder.network("a").network("b")
    builder.partner("p", hours: 20, price: 10).partner("q", hours: 30, price: 10)
    builder.measure("a1", network: "a", rank: 1, cost: 100, hours: 20, partners: ["p", "q"])
    builder.measure("b1", network: "b", rank: 1, cost: 100, hours: 20, partners: ["p"])
    let result = allocate(builder)
    #expect(result.outcome(MeasureID("a1"))?.share == 1)
    #expect(result.outcome(MeasureID("b1"))?.share == 1)
    #expect(partners(result, "a1") == ["q"])
    #expect(partners(result, "b1") == ["p"])
    #expect(result.partnerRule?.provenBest == true)
  }

  @Test("limits carried from a base are a start: a measure they hold gets its partners back when its first is full")
  func carriedLimitsAreAStart() {
    // The base holds a1 to p (the unlimited solve put it at q to fund b1 too, with p idle). In the
    // variant p has only 10 of a1's 20 hours: the rule lets a1 move on to q, so it is funded there
    // (and b1 with it), not left unfunded by the base's limit.
    let builder = ScenarioBuilder(frame: 1000)
    builder.network("a").network("b")
    builder.partner("p", hours: 100, price: 20).partner("q", hours: 100, price: 10)
    builder.measure("a1", network: "a", rank: 1, cost: 400, hours: 20, partners: ["p", "q"])
    builder.measure("b1", network: "b", rank: 1, cost: 250, hours: 0, partners: ["q"])
    let base = allocate(builder)
    #expect(base.partnerLimits[MeasureID("a1")] == [PartnerID("p")])
    var variant = builder.scenario
    variant.partners[variant.partners.firstIndex { $0.id == PartnerID("p") }!].capacity[.partner2] = 10
    let result = Allocator(solver: GLPKSolver()).allocate(variant, partnersFrom: base)
    #expect(result.partnerRule?.settled == true)
    #expect(result.outcome(MeasureID("a1"))?.share == 1)
    #expect(partners(result, "a1") == ["q"])
    #expect(result.outcome(MeasureID("b1"))?.share == 1)
    #expect(AllocationVerifier(result).violations() == [])
  }

  @Test("a commitment its first choice makes too dear: the allocation says it breaks the rule, and the draft says so")
  func commitmentTooDearAtFirstChoice() {
    // c1 is a commitment (must be funded): at q (its first choice, 3 per hour) it costs 100 + 120,
    // over the frame of 200; at p (2 per hour) 180. No allocation follows the rule.
    let builder = ScenarioBuilder(frame: 200)
    builder.network("a")
    builder.partner("p", hours: 40, price: 2).partner("q", hours: 40, price: 3)
    builder.measure("c1", network: "a", rank: 1, cost: 100, hours: 40, partners: ["q", "p"])
    var scenario = builder.scenario
    scenario.measures[0].continuing = true
    let result = Allocator(solver: GLPKSolver()).allocate(scenario)
    #expect(result.hasAllocation)
    #expect(result.partnerRule?.settled == false)
    #expect(result.partnerRule?.breaches == [PartnerRuleBreach(measure: MeasureID("c1"), partner: PartnerID("p"), idlePartner: PartnerID("q"))])
    #expect(BruteForce.bestObjective(scenario) == nil)
    #expect(AllocationVerifier(result).violations() == [])
    let markdown = InnstillingMarkdown(ReportInput(result: result, language: .nb, provenance: ReportProvenance(dekomVersion: "t", solverName: "g"))).render()
    #expect(markdown.contains("> Merk: dekom fant ingen fordeling innenfor rammene der alle tiltak har timene hos den partneren nettverket valgte først. Measure c1 (c1) har timene hos P, selv om Q kommer før i nettverkets valg og har ledige timer."))
  }

  @Test("hours a measure ahead does not get funded stay free for the next")
  func unfundedMeasureTakesNoHours() {
    // a1 (rank 1, at p) costs more than the frame holds and is not funded: its 20 hours at p are
    // free, so b2 gets its first choice p although a1 is ahead of it.
    let builder = ScenarioBuilder(frame: 1000)
    builder.network("a").network("b")
    builder.partner("p", hours: 30, price: 10).partner("q", hours: 30, price: 10)
    builder.measure("a1", network: "a", rank: 1, cost: 5000, hours: 20, partners: ["p", "q"])
    builder.measure("b1", network: "b", rank: 1, cost: 100, hours: 0, partners: ["p"])
    builder.measure("b2", network: "b", rank: 2, cost: 100, hours: 20, partners: ["p", "q"])
    let result = allocate(builder)
    #expect(result.outcome(MeasureID("a1"))?.share == 0)
    #expect(partners(result, "b2") == ["p"])
  }

  @Test("a measure that allows a split takes what its first partner has left and the rest from the next")
  func splitFillsInOrder() {
    let builder = ScenarioBuilder(frame: 10_000)
    builder.network("a")
    builder.partner("p", hours: 30, price: 10).partner("q", hours: 30, price: 10)
    builder.measure("a1", network: "a", rank: 1, cost: 100, hours: 20, partners: ["p"])
    builder.measure("a2", network: "a", rank: 2, cost: 100, hours: 20, partners: ["p", "q"])
    var scenario = builder.scenario
    scenario.measures[1].singlePartner = false
    let result = Allocator(solver: GLPKSolver()).allocate(scenario)
    #expect(AllocationVerifier(result).violations() == [])
    let hours = Dictionary(uniqueKeysWithValues: (result.outcome(MeasureID("a2"))?.partners ?? []).map { ($0.partner.rawValue, $0.hours) })
    #expect(hours == ["p": 10, "q": 10])
  }

  @Test("the verifier finds hours at a partner the rule does not give")
  func verifierCatchesWrongPartner() {
    let builder = ScenarioBuilder(frame: 10_000)
    builder.network("a")
    builder.partner("p", hours: 30, price: 10).partner("q", hours: 30, price: 10)
    builder.measure("a1", network: "a", rank: 1, cost: 100, hours: 20, partners: ["p", "q"])
    let result = allocate(builder)
    var outcomes = result.outcomes
    outcomes[0].partners = outcomes[0].partners.map { line in
      var moved = line
      moved.partner = PartnerID("q")
      return moved
    }
    let rules = AllocationVerifier(scenario: result.scenario, outcomes: outcomes, checksPartnerChoice: true).violations().map(\.rule)
    #expect(rules.contains(.partnerChoice))
    #expect(!AllocationVerifier(scenario: result.scenario, outcomes: outcomes).violations().map(\.rule).contains(.partnerChoice))
  }
}
