import Explanations
import GrantAllocation

extension AllocationJSON {
  /// The `explanation` object of `allocation.json`.
  struct ExplanationEntry: Encodable {
    var resolves: Int
    /// `true` when the searches were skipped (the allocation is not proven optimal); absent otherwise.
    var searchesSkipped: Bool?
    var whatItTakes: [WhatItTakesEntry]
    var waitingLists: [WaitingListEntry]
    var shadowPrices: ShadowPricesEntry
  }
  /// `result` is `funds`, `not_enough` or `not_searched`; amounts in NOK or hours.
  struct FindingEntry: Encodable {
    var result: String
    var increase: Double?
    var precision: Double?
    var triedUpTo: Double?
  }
  struct HoursFindingEntry: Encodable {
    var partner: String, role: String, finding: FindingEntry
  }
  struct RankFindingEntry: Encodable {
    var result: String
    var rank: Int?
  }
  struct WhatItTakesEntry: Encodable {
    var measure: String
    var frameNok: FindingEntry
    var hours: [HoursFindingEntry]
    var rank: RankFindingEntry?
    /// The measure when its scheme's frame is ample: no larger frame changes the allocation.
    var ampleFrame: AmpleFrameEntry?
  }
  struct AmpleFrameEntry: Encodable {
    var increaseNok: Double
    var status: String
    var share: Double
    var reasons: [String]
  }
  struct WaitingListEntry: Encodable {
    struct Item: Encodable { var measure: String, frameIncreaseNok: Double }
    var scheme: String
    var entries: [Item]
    var notByMoneyAlone: [String]
    /// Measures whose frame search did not end; nothing is claimed about them.
    var notSearched: [String]
  }
  struct ShadowPricesEntry: Encodable {
    var status: String
    var value: String
    var integersFixed: Bool
    var prices: [PriceEntry]
  }
  /// `per_unit` is priority value (measures, or NOK of measures) per NOK of frame or per hour.
  struct PriceEntry: Encodable {
    var limit: String
    var scheme: String?
    var partner: String?
    var role: String?
    var current: Double
    var used: Double
    var binding: Bool
    var stage: String?
    var perUnit: Double
    var validFrom: Double?
    var validTo: Double?
  }

  static func entry(_ explanation: Explanation) -> ExplanationEntry {
    func finding(_ finding: Finding) -> FindingEntry {
      switch finding {
      case .funds(let increase, let precision): FindingEntry(result: "funds", increase: increase, precision: precision)
      case .notEnough(let tried): FindingEntry(result: "not_enough", triedUpTo: tried)
      case .notSearched: FindingEntry(result: "not_searched")
      }
    }
    func rank(_ finding: WhatItTakes.RankFinding) -> RankFindingEntry {
      switch finding {
      case .funds(let rank): RankFindingEntry(result: "funds", rank: rank)
      case .notEnough: RankFindingEntry(result: "not_enough")
      case .notSearched: RankFindingEntry(result: "not_searched")
      }
    }
    let prices = explanation.shadowPrices
    return ExplanationEntry(
      resolves: explanation.resolves, searchesSkipped: explanation.searchesSkipped ? true : nil,
      whatItTakes: explanation.whatItTakes.map {
        WhatItTakesEntry(
          measure: $0.measure.rawValue, frameNok: finding($0.frame),
          hours: $0.hours.map { HoursFindingEntry(partner: $0.partner.rawValue, role: $0.role.rawValue, finding: finding($0.finding)) },
          rank: $0.rank.map(rank),
          ampleFrame: $0.ampleFrame.map {
            AmpleFrameEntry(
              increaseNok: stable($0.increase), status: $0.status.rawValue, share: stable($0.share), reasons: $0.reasons.map(code))
          })
      },
      waitingLists: explanation.waitingLists.map {
        WaitingListEntry(
          scheme: $0.scheme.rawValue,
          entries: $0.entries.map { .init(measure: $0.measure.rawValue, frameIncreaseNok: $0.frameIncrease) },
          notByMoneyAlone: $0.notByMoneyAlone.map(\.rawValue), notSearched: $0.notSearched.map(\.rawValue))
      },
      shadowPrices: ShadowPricesEntry(
        status: prices.status.rawValue, value: prices.value.rawValue, integersFixed: prices.integersFixed,
        prices: prices.prices.map { price in
          var entry = PriceEntry(
            limit: "frame", current: stable(price.current), used: stable(price.used), binding: price.binding, stage: price.stage,
            perUnit: stable(price.perUnit), validFrom: price.validFrom.map(stable), validTo: price.validTo.map(stable))
          switch price.limit {
          case .frame(let scheme): entry.scheme = scheme.rawValue
          case .capacity(let partner, let role):
            entry.limit = "capacity"
            entry.partner = partner.rawValue
            entry.role = role.rawValue
          }
          return entry
        }))
  }
}
