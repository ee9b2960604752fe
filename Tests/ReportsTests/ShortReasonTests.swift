import GrantAllocation
import TestSupport
import Testing

@testable import Reports

/// The innstilling's one-sentence reason (issue 16 item 10(e)): the binding reason first, a
/// partner's shortage in one clause, the frame and the hours joined when both bind, the rest left
/// to the measure's page.
@Suite("One-sentence reasons")
struct ShortReasonTests {
  let scenario: Scenario = {
    let builder = ScenarioBuilder(frame: 1000)
    builder.network("a").partner("p", hours: 10, poolHours: 5).partner("q", hours: 10)
    return builder.scenario
  }()

  func short(_ reasons: [Reason], _ messages: any Messages = BokmalMessages()) -> String {
    ShortReason(messages: messages, names: NameBook(scenario: scenario, messages: messages)).text(reasons)
  }

  let frame = Reason.frameSpent(scheme: SchemeID("s"), left: 0, needed: 237_125, for: .smallestShare(0.5))
  let poolShort = Reason.partnerHoursUsed(partner: PartnerID("p"), role: .pool, left: 5.4, needed: 7.2)
  let partner2Short = Reason.partnerHoursUsed(partner: PartnerID("p"), role: .partner2, left: 6, needed: 55)
  let floors = Reason.fairnessFloorOfOthers([NetworkID("a")])

  @Test("frame and hours both binding: one sentence with both, the floors left out")
  func frameAndHours() {
    let text = short([frame, poolShort, partner2Short, floors])
    #expect(
      text
        == "Rammen for S er brukt opp (igjen 0 kr; minste andel, 50 %, trenger 237 125 kr), og P har ikke nok timer (pool: igjen 5, trengs 8; partner 2: igjen 6, trengs 55).")
    #expect(text.filter { $0 == "." }.count == 1)
    #expect(!text.contains("Minstenivået"))
    #expect(short([frame, poolShort], EnglishMessages()).contains("), and P lacks hours (pool: 5 left, 8 needed)."))
  }

  @Test("several partners short: named once, in one clause")
  func severalPartners() {
    let other = Reason.partnerHoursUsed(partner: PartnerID("q"), role: .partner2, left: 0, needed: 20)
    #expect(short([frame, partner2Short, other]).hasSuffix(", og ingen av de aksepterte partnerne (P, Q) har nok timer igjen."))
    #expect(short([partner2Short, other]) == "Ingen av de aksepterte partnerne (P, Q) har nok timer igjen.")
  }

  @Test("a single reason is said as it is; none gives nothing")
  func single() {
    #expect(short([floors]) == BokmalMessages().reason(floors, names: NameBook(scenario: scenario, messages: BokmalMessages())))
    #expect(short([]) == "")
  }
}
