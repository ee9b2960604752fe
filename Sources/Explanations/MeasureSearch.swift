import GrantAllocation
import Variants

/// The re-solves for one measure: the smallest frame increase, partner-hour increase and rank that
/// fund it in full.
struct MeasureSearch {
  let explainer: Explainer
  let base: AllocationResult
  let index: MeasureIndex
  /// The re-solve of the measure's scheme with an ample frame (``Scenario/ampleFrame(of:)``),
  /// shared by the measures of the scheme; `nil` when it gave no proven optimum.
  let ample: AllocationResult?
  private(set) var resolves = 0
  /// A re-solve stopped at the time limit: no more re-solves for this measure.
  private var ranOutOfTime = false

  init(explainer: Explainer, base: AllocationResult, index: MeasureIndex, ample: AllocationResult?) {
    self.explainer = explainer
    self.base = base
    self.index = index
    self.ample = ample
  }

  var scenario: Scenario { base.scenario }
  var measure: Measure { scenario.measures[index] }

  /// Frames are searched to the nearest 10 000 NOK, or 5 % of the measure's cost when that is more.
  var framePrecision: Double {
    let cost = scenario.cheapestFullCost(of: measure) ?? measure.stateCost
    return max(10_000, (0.05 * cost / 1000).rounded(.up) * 1000)
  }

  mutating func run() -> (finding: WhatItTakes, resolves: Int) {
    let frame = searchFrame()
    var hours: [WhatItTakes.HoursFinding] = []
    // Hours are searched when only hours are named: with the frame spent too, hours alone cannot do it.
    let reasons = base.outcomes[index].reasons
    let onlyHours = reasons.allSatisfy {
      if case .partnerHoursUsed = $0 { return true }
      return false
    }
    for reason in reasons where onlyHours {
      guard case .partnerHoursUsed(let partner, let role, let left, let needed) = reason else { continue }
      hours.append(WhatItTakes.HoursFinding(partner: partner, role: role, finding: searchHours(partner, role, left: left, needed: needed)))
    }
    let rank = measure.rank > 1 ? searchRank() : nil
    var finding = WhatItTakes(measure: measure.id, frame: frame, hours: hours, rank: rank)
    if let ample, let outcome = ample.outcomes.indices.contains(index.rawValue) ? ample.outcomes[index] : nil {
      finding.ampleFrame = AmpleFrame(increase: ampleIncrease, status: outcome.status, share: outcome.share, reasons: outcome.reasons)
    }
    return (finding, resolves)
  }

  /// Solves `changed` and says whether the measure is funded in full; `nil` when out of budget or
  /// when the re-solve gives no proven optimal allocation. After a re-solve that ran out of time,
  /// the measure gets no more (they would most likely run out of time too).
  private mutating func funds(_ changed: Scenario) -> Bool? {
    guard resolves < explainer.resolvesPerMeasure, !ranOutOfTime else { return nil }
    resolves += 1
    let result = explainer.searchAllocator.allocate(
      changed, timeLimitSeconds: explainer.timeLimitSeconds, known: AllocationReference(base),
      partnersFrom: base)
    // An answer that does not follow the network's choice of partner answers nothing here.
    guard result.hasAllocation, result.status == .optimal, result.partnerRule?.settled != false else {
      ranOutOfTime = result.status == .feasible || result.status == .timeLimitWithoutSolution
      return nil
    }
    return result.outcomes[index].status == .funded
  }

  /// The frame increase beyond which a larger frame changes nothing (0 when none does already).
  var ampleIncrease: Double {
    let frame = scenario.scheme(measure.scheme)?.frame ?? 0
    return max(0, scenario.ampleFrame(of: measure.scheme) - frame)
  }

  /// The smallest frame increase found that funds the measure. The search ends at
  /// ``ampleIncrease``, whose answer is the shared ample-frame re-solve: a measure not funded
  /// there is not funded by any larger frame either (``Finding/notEnough(triedUpTo:)``).
  private mutating func searchFrame() -> Finding {
    guard let schemeIndex = scenario.schemeIndex(measure.scheme) else { return .notSearched }
    let scheme = scenario.schemes[schemeIndex]
    let spent = zip(scenario.measures, base.outcomes).filter { $0.0.scheme == scheme.id }.reduce(0) { $0 + $1.1.stateMoney }
    let cap = ampleIncrease
    // The frame cannot bind even now: the base allocation is the answer for every larger frame.
    guard cap > 0 else { return .notEnough(triedUpTo: 0) }
    let search = IncreaseSearch(start: moneyFirst() - (scheme.frame - spent), cap: cap, precision: framePrecision)
    let original = scenario
    let ample = self.ample
    let index = self.index
    return search.run { increase in
      if increase >= cap, let ample { return ample.outcomes[index].status == .funded }
      var changed = original
      changed.schemes[schemeIndex].frame += increase
      return funds(changed)
    }
  }

  /// What the measure lacks, plus what the measures that come before it lack: those above it on
  /// its list and, under strict tiers, every measure of a higher tier in its scheme.
  private func moneyFirst() -> Double {
    func lacking(_ other: MeasureIndex) -> Double {
      (1 - base.outcomes[other].share) * (scenario.cheapestFullCost(of: scenario.measures[other]) ?? scenario.measures[other].stateCost)
    }
    let strictTiers = scenario.policy.weighting == .strictTiers
    let before = scenario.measureIndices.filter { other in
      let candidate = scenario.measures[other]
      guard other != index, candidate.scheme == measure.scheme, base.outcomes[other].status != .ineligible, !candidate.continuing,
        candidate.lock == nil
      else { return false }
      let sameList = candidate.holder == measure.holder && candidate.rank < measure.rank
      return sameList || (strictTiers && candidate.rank < measure.rank)
    }
    return before.reduce(lacking(index)) { $0 + lacking($1) }
  }

  private mutating func searchHours(_ partner: PartnerID, _ role: PartnerRole, left: Double, needed: Double) -> Finding {
    guard let partnerIndex = scenario.partnerIndex(partner) else { return .notSearched }
    // More hours than every eligible measure that could use this partner asks cannot change anything.
    let asked = scenario.measures.filter { other in
      scenario.scheme(other.scheme).map { other.failedCriteria(under: $0).isEmpty } == true
        && scenario.candidatePartners(for: other, role: role).contains { $0.id == partner }
    }
    .reduce(0) { $0 + $1.hours(role) }
    let precision = max(1, (0.05 * measure.hours(role)).rounded(.up))
    let search = IncreaseSearch(start: needed - left, cap: asked - scenario.partners[partnerIndex].hours(role), precision: precision)
    let original = scenario
    return search.run { increase in
      var changed = original
      changed.partners[partnerIndex].capacity[role, default: 0] += increase
      return funds(changed)
    }
  }

  /// Tries one place up at a time, so the first place that funds it is the smallest move.
  private mutating func searchRank() -> WhatItTakes.RankFinding {
    for rank in stride(from: measure.rank - 1, through: 1, by: -1) {
      var variant = Variant(name: "rank", title: "")
      var change = Variant.MeasureChange()
      change.rank = rank
      variant.measures[measure.id] = change
      guard let changed = try? variant.apply(to: scenario) else { return .notSearched }
      switch funds(changed) {
      case true?: return .funds(rank: rank)
      case false?: continue
      case nil: return .notSearched
      }
    }
    return .notEnough
  }
}
