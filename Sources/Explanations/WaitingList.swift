import GrantAllocation

/// Per scheme, the measures not funded in full, in the order more frame money would fund them.
public struct WaitingList: Sendable, Equatable {
  /// One measure and the frame increase that alone would fund it in full.
  public struct Entry: Sendable, Equatable {
    public var measure: MeasureID
    /// NOK; the entries are sorted by it.
    public var frameIncrease: Double
  }

  public var scheme: SchemeID
  /// The first entry is what the next kroner fund.
  public var entries: [Entry]
  /// Measures that more frame money alone is proven not to fund (hours, the smallest share or the
  /// list order stop them, even at the ample frame).
  public var notByMoneyAlone: [MeasureID]
  /// Measures whose frame search did not end (the re-solves ran out, or one gave no proven
  /// optimum): nothing is claimed about them.
  public var notSearched: [MeasureID] = []

  /// The waiting lists of all schemes, from the what-it-takes findings.
  ///
  /// Ties (the same increase) keep the scenario's canonical order: rank, then id.
  static func build(scenario: Scenario, findings: [WhatItTakes]) -> [WaitingList] {
    return scenario.schemes.map { scheme in
      let own = findings.filter { scenario.measure($0.measure)?.scheme == scheme.id }
      var entries: [Entry] = []
      var others: [MeasureID] = []
      var unsearched: [MeasureID] = []
      for finding in own {
        switch finding.frame {
        case .funds(let increase, _): entries.append(Entry(measure: finding.measure, frameIncrease: increase))
        case .notEnough: others.append(finding.measure)
        case .notSearched: unsearched.append(finding.measure)
        }
      }
      func key(_ id: MeasureID) -> (Int, String) { (scenario.measure(id)?.rank ?? 0, id.rawValue) }
      entries.sort { ($0.frameIncrease, key($0.measure).0, key($0.measure).1) < ($1.frameIncrease, key($1.measure).0, key($1.measure).1) }
      others.sort { key($0) < key($1) }
      unsearched.sort { key($0) < key($1) }
      return WaitingList(scheme: scheme.id, entries: entries, notByMoneyAlone: others, notSearched: unsearched)
    }
  }
}
