import GrantAllocation
import TestSupport
import Testing
import UserMessages

@testable import Reports

/// The wording of conflicts, in bokmål and English, from conflicts written by hand.
@Suite("Conflicts in words")
struct ConflictTextTests {
  static let scenario: Scenario = {
    let builder = ScenarioBuilder(frame: 2_000_000)
    builder.network("a").network("b").partner("ntnu", hours: 300)
    builder.measure("dig", network: "a", rank: 1, cost: 1_200_000, continuing: true)
    builder.measure("les", network: "b", rank: 1, cost: 900_000, hours: 120, partners: ["ntnu"], continuing: true)
    builder.measure("reg", network: "b", rank: 2, cost: 100_000, hours: 40, partners: ["ntnu"], continuing: true)
    builder.scenario.measures[0].title = "DigSkole"
    builder.scenario.measures[1].title = "Lesing"
    builder.scenario.schemes[0].name = "Dekom"
    return builder.scenario
  }()

  static let frameConflict = Conflict(
    inputs: [
      .frame(scheme: SchemeID("s"), nok: 2_000_000), .commitment(measure: MeasureID("dig"), cost: 1_200_000, hours: [:]),
      .commitment(measure: MeasureID("les"), cost: 900_000, hours: [.partner2: 120]),
    ],
    remedies: [
      .raiseFrame(scheme: SchemeID("s"), by: 100_000), .endCommitment(measure: MeasureID("dig")),
      .endCommitment(measure: MeasureID("les")),
    ])

  func text(_ conflict: Conflict, _ language: Language) -> String {
    ConflictText.describe(conflict, scenario: Self.scenario, language: language)
  }

  @Test("commitments over a frame, in bokmål and English")
  func frame() {
    #expect(
      text(Self.frameConflict, .nb)
        == "Disse kravene kan ikke oppfylles samtidig: rammen for Dekom (2 000 000 kr); videreføringen «DigSkole» (dig, 1 200 000 kr); videreføringen «Lesing» (les, 900 000 kr). Øk rammen for Dekom med minst 100 000 kr, eller avslutt en av videreføringene."
    )
    #expect(
      text(Self.frameConflict, .en)
        == "These requirements cannot all be met: the frame of Dekom (NOK 2,000,000); the commitment “DigSkole” (dig, NOK 1,200,000); the commitment “Lesing” (les, NOK 900,000). Raise the frame of Dekom by at least NOK 100,000, or end one of the commitments."
    )
  }

  @Test("the forum's locks over a frame and a partner's hours, in bokmål and English")
  func locks() {
    let conflict = Conflict(
      inputs: [
        .frame(scheme: SchemeID("s"), nok: 2_000_000), .capacity(partner: PartnerID("ntnu"), role: .partner2, hours: 150),
        .lock(measure: MeasureID("dig"), share: 1, cost: 1_200_000, hours: [:]),
        .lock(measure: MeasureID("les"), share: 0.5, cost: 450_000, hours: [.partner2: 60]),
      ],
      remedies: [.raiseFrame(scheme: SchemeID("s"), by: 50_000), .liftLock(measure: MeasureID("les"))])
    #expect(
      text(conflict, .nb)
        == "Disse kravene kan ikke oppfylles samtidig: rammen for Dekom (2 000 000 kr); partner 2-timene til NTNU (150 timer); låsen om å finansiere «DigSkole» fullt (dig, 1 200 000 kr); låsen om å finansiere «Lesing» med minst 50 % (les, 450 000 kr, 60 partner 2-timer). Øk rammen for Dekom med minst 50 000 kr, eller fjern låsen på «Lesing» (les)."
    )
    #expect(
      text(conflict, .en)
        == "These requirements cannot all be met: the frame of Dekom (NOK 2,000,000); the partner 2 hours of NTNU (150 hours); the lock to fund “DigSkole” in full (dig, NOK 1,200,000); the lock to fund “Lesing” at least 50% (les, NOK 450,000, 60 partner 2 hours). Raise the frame of Dekom by at least NOK 50,000, or lift the lock on “Lesing” (les)."
    )
  }

  @Test("a frame and a capacity together: commitments show money and hours; only some commitments' ends resolve it")
  func frameAndCapacity() {
    let conflict = Conflict(
      inputs: [
        .frame(scheme: SchemeID("s"), nok: 2_000_000), .capacity(partner: PartnerID("ntnu"), role: .partner2, hours: 150.5),
        .commitment(measure: MeasureID("les"), cost: 900_000, hours: [.partner2: 120]),
        .commitment(measure: MeasureID("reg"), cost: 140_000, hours: [.partner2: 40]),
      ],
      remedies: [
        .raiseFrame(scheme: SchemeID("s"), by: 12_345), .addHours(partner: PartnerID("ntnu"), role: .partner2, by: 9.5),
        .endCommitment(measure: MeasureID("reg")),
      ])
    #expect(
      text(conflict, .nb)
        == "Disse kravene kan ikke oppfylles samtidig: rammen for Dekom (2 000 000 kr); partner 2-timene til NTNU (150,5 timer); videreføringen «Lesing» (les, 900 000 kr, 120 partner 2-timer); videreføringen «Measure reg» (reg, 140 000 kr, 40 partner 2-timer). Øk rammen for Dekom med minst 12 345 kr, gi NTNU minst 9,5 flere partner 2-timer, eller avslutt videreføringen «Measure reg» (reg)."
    )
    #expect(
      text(conflict, .en)
        == "These requirements cannot all be met: the frame of Dekom (NOK 2,000,000); the partner 2 hours of NTNU (150.5 hours); the commitment “Lesing” (les, NOK 900,000, 120 partner 2 hours); the commitment “Measure reg” (reg, NOK 140,000, 40 partner 2 hours). Raise the frame of Dekom by at least NOK 12,345, give NTNU at least 9.5 more partner 2 hours, or end the commitment “Measure reg” (reg)."
    )
  }

  @Test("capacities only: commitments show their hours, not their money; two of three commitments' ends")
  func capacityOnly() {
    let conflict = Conflict(
      inputs: [
        .capacity(partner: PartnerID("ntnu"), role: .partner2, hours: 150),
        .commitment(measure: MeasureID("dig"), cost: 1_200_000, hours: [.partner2: 10]),
        .commitment(measure: MeasureID("les"), cost: 900_000, hours: [.partner2: 120]),
        .commitment(measure: MeasureID("reg"), cost: 140_000, hours: [.partner2: 40]),
      ],
      remedies: [.endCommitment(measure: MeasureID("les")), .endCommitment(measure: MeasureID("reg"))])
    #expect(
      text(conflict, .nb)
        == "Disse kravene kan ikke oppfylles samtidig: partner 2-timene til NTNU (150 timer); videreføringen «DigSkole» (dig, 10 partner 2-timer); videreføringen «Lesing» (les, 120 partner 2-timer); videreføringen «Measure reg» (reg, 40 partner 2-timer). Avslutt videreføringen «Lesing» (les) eller «Measure reg» (reg)."
    )
    #expect(
      text(conflict, .en)
        == "These requirements cannot all be met: the partner 2 hours of NTNU (150 hours); the commitment “DigSkole” (dig, 10 partner 2 hours); the commitment “Lesing” (les, 120 partner 2 hours); the commitment “Measure reg” (reg, 40 partner 2 hours). End the commitment “Lesing” (les) or “Measure reg” (reg)."
    )
  }

  @Test("rules: one partner, and hours no partner has; no single remedy; a search cut short")
  func rules() {
    let conflict = Conflict(
      inputs: [
        .commitment(measure: MeasureID("les"), cost: 900_000, hours: [.pool: 10, .partner2: 120]),
        .singlePartner(measure: MeasureID("les")), .noPartnerHours(measure: MeasureID("les"), role: .pool, hours: 10),
      ],
      remedies: [], searchCompleted: false)
    #expect(
      text(conflict, .nb)
        == "Disse kravene kan ikke oppfylles samtidig: videreføringen «Lesing» (les, 10 pool-timer); regelen om at «Lesing» (les) skal ha én utviklingspartner; 10 pool-timer til «Lesing» (les), som ingen partner tiltaket kan bruke, har. Ingen av dem kan endres alene slik at alt går opp; flere må endres. (dekom nådde grensen for søket, så listen er kanskje ikke den korteste.)"
    )
    #expect(
      text(conflict, .en)
        == "These requirements cannot all be met: the commitment “Lesing” (les, 10 pool hours); the rule that “Lesing” (les) has one development partner; the 10 pool hours of “Lesing” (les), which no partner it may use has. No one of them can be changed alone to make everything fit; several must change. (dekom reached its search limit, so the list may not be the shortest.)"
    )
    let remedies = Conflict(
      inputs: conflict.inputs,
      remedies: [
        .allowSeveralPartners(measure: MeasureID("les")), .givePartnerHours(measure: MeasureID("les"), role: .pool, hours: 10),
      ])
    #expect(
      text(remedies, .nb).hasSuffix(
        "La «Lesing» (les) dele timene på flere partnere, eller gi «Lesing» (les) 10 pool-timer fra en partner tiltaket kan bruke."))
    #expect(
      text(remedies, .en).hasSuffix(
        "Let “Lesing” (les) share its hours among several partners, or give “Lesing” (les) 10 pool hours from a partner it may use."))
  }

  @Test("no conflict found: one sentence that says it is not the data")
  func unexplained() {
    let nb = ConflictText.describe([], scenario: Self.scenario, language: .nb)
    let en = ConflictText.describe([], scenario: Self.scenario, language: .en)
    #expect(nb.count == 1 && nb[0].hasPrefix("Dataene gir ingen gyldig fordeling, men ingen ramme"))
    #expect(en.count == 1 && en[0].hasPrefix("The data admit no valid allocation, but no frame"))
    #expect(
      ConflictText.describe([Self.frameConflict, Self.frameConflict], scenario: Self.scenario, language: .nb)
        == [text(Self.frameConflict, .nb), text(Self.frameConflict, .nb)])
  }
}
