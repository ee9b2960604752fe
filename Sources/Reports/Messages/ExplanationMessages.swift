import Explanations
import GrantAllocation

/// The sentences and labels of the explanation sections (what it would take, waiting lists,
/// shadow prices), once per language (part of ``Messages``).
protocol ExplanationMessages {
  var whatItTakesHeading: String { get }
  var whatItTakesIntro: String { get }
  var whatItTakesColumns: [String] { get }
  /// A frame or hours finding: "+1 250 000 kr", "no, not even +2 000 000 kr (more changes nothing)".
  func finding(_ finding: Finding, amount: (Double) -> String) -> String
  /// One partner's hours finding, e.g. "NTNU, partner 2: +42 t".
  func hoursFinding(partner: String, role: PartnerRole, finding: String) -> String
  func rankFinding(_ finding: WhatItTakes.RankFinding?) -> String
  /// After a number of hours: "t" / "h".
  var hoursSuffix: String { get }
  var hoursNotSearched: String { get }
  func resolvesLine(_ count: Int) -> String
  /// A measure that a smaller frame increase funds in full but an ample frame does not: the
  /// measure, the increase that funds it, the ample increase, its status there and why.
  func moreMoneyFundsLess(measure: String, funds: String, ample: String, status: String, reasons: String) -> String

  var waitingListHeading: String { get }
  var waitingListIntro: String { get }
  var waitingListColumns: [String] { get }
  func notByMoneyAlone(_ measures: [String]) -> String
  /// The measures whose frame search did not end: nothing is claimed about them.
  func frameNotSearched(_ measures: [String]) -> String
  var emptyWaitingList: String { get }
  /// Instead of the what-it-takes table and the waiting lists when the allocation is not proven optimal.
  var searchesSkipped: String { get }

  var shadowPricesHeading: String { get }
  func shadowPricesIntro(integersFixed: Bool) -> String
  var shadowPriceColumns: [String] { get }
  func frameLimit(_ scheme: String) -> String
  func capacityLimit(partner: String, role: PartnerRole) -> String
  /// The price of a frame: per 100 000 NOK (count) or per krone (cost), already formatted.
  func framePrice(_ value: String, unit: PriorityValue) -> String
  /// The price of partner hours: per 100 hours (count) or per hour (cost).
  func hoursPrice(_ value: String, unit: PriorityValue) -> String
  var noLimit: String { get }
  var noPrice: String { get }
  func shadowPricesFailed(_ status: String) -> String
}
