import GrantAllocation

/// What a re-solve found when one limit was raised (or a measure moved up its list).
public enum Finding: Sendable, Equatable {
  /// Raising the limit by `increase` (NOK or hours) funds the measure in full; `increase − precision`
  /// was tried and does not, or is 0 (the first step tried, or a search cut short before it got
  /// closer).
  case funds(increase: Double, precision: Double)
  /// Raising this limit alone by `triedUpTo` does not fund the measure in full, and from there on
  /// a larger limit changes nothing (for a frame: ``Scenario/ampleFrame(of:)``; for hours: every
  /// eligible measure's hours for the partner fit), so no larger increase does either.
  case notEnough(triedUpTo: Double)
  /// Not searched: a re-solve gave no allocation, or the budget of re-solves ran out.
  case notSearched
}

/// What it would take to fund one measure that is not funded in full, each found by re-solving
/// the whole allocation with one change.
public struct WhatItTakes: Sendable, Equatable {
  /// Raising a partner's hours in one role.
  public struct HoursFinding: Sendable, Equatable {
    public var partner: PartnerID
    public var role: PartnerRole
    public var finding: Finding
  }

  /// Moving the measure up its own list.
  public enum RankFinding: Sendable, Equatable {
    /// Moving it to this place (the others keep their order) funds it in full; the places between
    /// were tried and do not.
    case funds(rank: Int)
    /// Not even the first place funds it.
    case notEnough
    case notSearched
  }

  public var measure: MeasureID
  /// The smallest increase of its scheme's frame, in NOK.
  public var frame: Finding
  /// For each partner whose hours are named as a reason.
  public var hours: [HoursFinding]
  /// `nil` when the measure is first on its list.
  public var rank: RankFinding?
  /// The measure when its scheme's frame is ample (``Scenario/ampleFrame(of:)``); with
  /// ``frame`` funding it, a status other than funded means more money can fund less. `nil` when
  /// that re-solve gave no proven optimum.
  public var ampleFrame: AmpleFrame?

  public init(measure: MeasureID, frame: Finding, hours: [HoursFinding], rank: RankFinding?, ampleFrame: AmpleFrame? = nil) {
    self.measure = measure
    self.frame = frame
    self.hours = hours
    self.rank = rank
    self.ampleFrame = ampleFrame
  }

  /// Whether some frame increase funds the measure in full but an ample frame does not: more
  /// money then funds less (others take what it needs, such as its partner hours).
  public var moreMoneyFundsLess: Bool {
    guard case .funds = frame, let ampleFrame else { return false }
    return ampleFrame.status != .funded
  }
}

/// The search for the smallest increase of one limit that funds a measure.
///
/// It tries a first estimate (what the measure and those before it lack). If that funds the
/// measure, the step just below is tried, and the search goes on down only if that funds it too.
/// Otherwise the increase is doubled until it funds the measure or reaches the cap (beyond which
/// nothing more can change), and the interval between the last increase that does not fund it and
/// the first that does is halved down to `precision`. More of one limit can take funding away from
/// a measure (others then use the partner hours it needs), so the answer is the smallest increase
/// found on this path, not a proof that no smaller one exists.
struct IncreaseSearch {
  /// The first increase to try.
  var start: Double
  /// Beyond this increase nothing more can change (everything asked of this limit would fit).
  var cap: Double
  /// Increases are multiples of this.
  var precision: Double

  /// - Parameter funds: re-solves with the limit raised by the given amount; `nil` when the
  ///   re-solve gave no allocation or the budget ran out.
  /// - Returns: the smallest increase found that funds the measure, or why none was.
  func run(_ funds: (Double) -> Bool?) -> Finding {
    func round(_ value: Double) -> Double { (value / precision).rounded(.up) * precision }
    // The cap itself, not rounded: it is where the limit stops binding (and may be answered by a
    // shared re-solve).
    let limit = max(cap, precision)
    var step = min(round(max(start, precision)), limit)
    var known = 0.0  // an increase known not to fund it
    guard let fundsFirst = funds(step) else { return .notSearched }
    var high: Double
    if fundsFirst {
      high = step
      guard step - precision > 0 else { return .funds(increase: high, precision: precision) }
      switch funds(step - precision) {
      case false?: return .funds(increase: high, precision: precision)
      // Nothing smaller was established: the increase found is only known to fund it.
      case nil: return .funds(increase: high, precision: high)
      case true?: high = step - precision
      }
    } else {
      while true {
        known = step
        guard step < limit else { return .notEnough(triedUpTo: step) }
        step = min(round(step * 2), limit)
        guard let ok = funds(step) else { return .notSearched }
        if ok { break }
      }
      high = step
    }
    while high - known > precision {
      let middle = round((known + high) / 2)
      guard middle > known, middle < high else { break }
      // Cut short (budget, or a re-solve not proven optimal): say how far the halving got.
      guard let ok = funds(middle) else { return .funds(increase: high, precision: high - known) }
      if ok { high = middle } else { known = middle }
    }
    return .funds(increase: high, precision: precision)
  }
}
