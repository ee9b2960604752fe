import Foundation
import GLPKBackend
import GrantAllocation
import ScenarioFiles
import TestSupport
import Testing

@testable import Explanations

/// Every money figure the example's innstilling claims is checked by solving again: the "trengs
/// N kr" of each reason, each frame or hours increase in what it would take (it funds the measure,
/// one precision step less does not), and each "not even +N kr (more changes nothing)". The
/// claims are read from the reviewed `allocation.json` that the end-to-end test compares the run with.
@Suite("scenarios/trondelag: the explanations' figures, solved again")
struct TrondelagClaimTests {
  let allocator = Allocator(solver: GLPKSolver())
  static let expectedJSON = repositoryRoot.appendingPathComponent("Tests/DekomCommandsTests/Expected/trondelag/allocation.json")

  func example() throws -> Scenario {
    try ScenarioLoader.load(directory: repositoryRoot.appendingPathComponent("scenarios/trondelag"))
  }

  /// Measure `index` alone with what the others left: its scheme's money left plus `extra`, each
  /// partner's hours left, and the measure's next step as an all-or-nothing measure. A
  /// single-partner measure already funded is the whole measure with its own money and hours
  /// given back, so the solve may keep its partner or move it.
  func alone(_ base: AllocationResult, _ index: Int, extra: Double) -> Scenario {
    var scenario = base.scenario
    let outcome = base.outcomes[index]
    var measure = scenario.measures[index]
    let whole = measure.singlePartner && outcome.share > 0
    let step = whole ? 1 : outcome.share > 0 ? 1 - outcome.share : measure.minimumShare
    measure.stateCost *= step
    measure.pricePerParticipant = nil
    measure.hours = measure.hours.mapValues { $0 * step }
    measure.minimumShare = 1
    measure.rank = 1
    for (position, partner) in scenario.partners.enumerated() {
      for role in PartnerRole.allCases {
        let others = base.outcomes.enumerated().filter { !whole || $0.offset != index }.flatMap(\.element.partners)
        let used = others.filter { $0.partner == partner.id && $0.role == role }.reduce(0) { $0 + $1.hours }
        scenario.partners[position].capacity[role] = max(0, partner.hours(role) - used)
      }
    }
    let spent = zip(scenario.measures, base.outcomes).filter { $0.0.scheme == measure.scheme }.reduce(0) { $0 + $1.1.stateMoney }
    for position in scenario.schemes.indices where scenario.schemes[position].id == measure.scheme {
      let left = max(0, scenario.schemes[position].frame - spent)
      scenario.schemes[position].frame = left + extra + (whole ? outcome.stateMoney : 0)
    }
    scenario.measures = [measure]
    scenario.policy.fairnessFloor = 0
    return scenario
  }

  @Test("each \"trengs N kr\": N more funds the step with what the others left, one krone less does not")
  func neededAmounts() throws {
    let base = allocator.allocate(try example())
    try #require(base.status == .optimal)
    var checked = 0
    for (index, outcome) in base.outcomes.enumerated() {
      for reason in outcome.reasons {
        let needed: Double
        let claimedLeft: Double
        switch reason {
        case .frameSpent(_, let left, let amount, _), .smallestShareDoesNotFit(_, let left, let amount):
          (needed, claimedLeft) = (amount, left)
        default: continue
        }
        let id = outcome.measure
        // Hours left short too: no money alone funds the step (the hours are named as a reason).
        guard !outcome.reasons.contains(where: { if case .partnerHoursUsed = $0 { true } else { false } }) else { continue }
        let left = max(0, claimedLeft)
        let funded = allocator.allocate(alone(base, index, extra: needed - left + 0.5))
        #expect(funded.outcomes.first?.status == .funded, "\(id): \(needed) NOK does not fund its next step")
        if needed - left > 1 {
          let short = allocator.allocate(alone(base, index, extra: needed - left - 1))
          #expect(short.outcomes.first?.status == .notFunded, "\(id): less than \(needed) NOK funds its next step")
        }
        checked += 1
      }
    }
    // The example has such claims (fk-dekom-2 and mt-kl-1 among them): the test must not pass empty.
    #expect(checked >= 5)
  }

  @Test("each increase in what it would take funds the measure; each \"not even with an ample frame\" holds")
  func whatItTakesClaims() throws {
    let scenario = try example()
    let data = try Data(contentsOf: Self.expectedJSON)
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let explanation = try #require(json["explanation"] as? [String: Any])
    let findings = try #require(explanation["what_it_takes"] as? [[String: Any]])
    // Re-solved as the explanation solves it: GLPK's cuts at the root only, the draft's allocation
    // as the start and its partner limits as the first. Under the network's choice of partner the
    // search for partners is not a proof, so a solve by another path (all cuts, no start) may end
    // at another answer at the edge of a claim (docs/model.md, "The network chooses its partner").
    let base = allocator.allocate(scenario)
    let searchAllocator = Allocator(solver: GLPKSolver(cutsBelowRoot: false))
    func status(_ id: String, _ change: (inout Scenario) -> Void) -> FundingStatus? {
      var changed = scenario
      change(&changed)
      let result = searchAllocator.allocate(changed, known: AllocationReference(base), partnersFrom: base)
      #expect(result.status == .optimal)
      return result.outcome(MeasureID(id))?.status
    }
    var checked = (funds: 0, notEnough: 0)
    for finding in findings {
      let id = try #require(finding["measure"] as? String)
      let measure = try #require(scenario.measures.first { $0.id.rawValue == id })
      let schemeIndex = try #require(scenario.schemes.firstIndex { $0.id == measure.scheme })
      let frame = try #require(finding["frame_nok"] as? [String: Any])
      func raise(_ amount: Double) -> (inout Scenario) -> Void { { $0.schemes[schemeIndex].frame += amount } }
      switch frame["result"] as? String {
      case "funds":
        let increase = try #require(frame["increase"] as? Double)
        let precision = try #require(frame["precision"] as? Double)
        #expect(status(id, raise(increase)) == .funded, "\(id): +\(increase) NOK does not fund it")
        if increase - precision > 0 {
          #expect(status(id, raise(increase - precision)) != .funded, "\(id): +\(increase - precision) NOK funds it already")
        }
        checked.funds += 1
      case "not_enough":
        let tried = try #require(frame["tried_up_to"] as? Double)
        // The proof: from this increase on the frame cannot bind, so no larger frame changes anything.
        #expect(scenario.schemes[schemeIndex].frame + tried >= scenario.ampleFrame(of: measure.scheme) - 1e-6)
        #expect(status(id, raise(tried)) != .funded, "\(id): +\(tried) NOK funds it")
        // "Not by money" must hold whatever partner limits the search starts from: solved again
        // from scratch (every partner open, all cuts, no start), the measure is still not funded.
        var unlimited = scenario
        raise(tried)(&unlimited)
        #expect(allocator.allocate(unlimited).outcome(MeasureID(id))?.status != .funded, "\(id): +\(tried) NOK funds it from scratch")
        checked.notEnough += 1
      default: Issue.record("\(id): frame finding \(frame)")
      }
      if let ample = finding["ample_frame"] as? [String: Any], let increase = ample["increase_nok"] as? Double {
        let claimed = try #require((ample["status"] as? String).flatMap(FundingStatus.init(rawValue:)))
        #expect(status(id, raise(increase)) == claimed, "\(id): with +\(increase) NOK it is not \(claimed)")
      }
      for hours in finding["hours"] as? [[String: Any]] ?? [] {
        let hoursFinding = try #require(hours["finding"] as? [String: Any])
        guard hoursFinding["result"] as? String == "funds", let increase = hoursFinding["increase"] as? Double else { continue }
        let partner = try #require(scenario.partners.firstIndex { $0.id.rawValue == hours["partner"] as? String })
        let role = try #require((hours["role"] as? String).flatMap(PartnerRole.init(rawValue:)))
        #expect(status(id, { $0.partners[partner].capacity[role, default: 0] += increase }) == .funded, "\(id): +\(increase) hours")
      }
    }
    // Every frame finding was checked (the example has none "not searched"); it must not pass empty.
    #expect(checked.funds >= 5 && checked.funds + checked.notEnough == findings.count)
  }

  @Test("beyond an ample frame nothing changes: its frame row is slack and more money gives the same allocation")
  func ampleFrameIsAmple() throws {
    let scenario = try example()
    let base = allocator.allocate(scenario)
    for scheme in scenario.schemes {
      let position = try #require(scenario.schemes.firstIndex { $0.id == scheme.id })
      func solve(_ frame: Double) -> AllocationResult {
        var changed = scenario
        changed.schemes[position].frame = frame
        return allocator.allocate(changed, partnersFrom: base)
      }
      let ample = scenario.ampleFrame(of: scheme.id)
      let (at, beyond) = (solve(ample), solve(ample + 2_000_000))
      #expect(at.status == .optimal && beyond.status == .optimal)
      let spent = zip(scenario.measures, at.outcomes).filter { $0.0.scheme == scheme.id }.reduce(0) { $0 + $1.1.stateMoney }
      #expect(spent < ample - 1, "\(scheme.id): the ample frame binds")
      // The fairness floors grow with the frame up to what each network asks: an ample frame is past that.
      for (left, right) in zip(at.outcomes, beyond.outcomes) {
        #expect(left.status == right.status && abs(left.share - right.share) < 1e-6, "\(scheme.id): \(left.measure) differs")
      }
    }
  }
}
