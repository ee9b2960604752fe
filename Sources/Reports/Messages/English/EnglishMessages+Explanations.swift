import Explanations
import GrantAllocation

extension EnglishMessages: ExplanationMessages {
  var whatItTakesHeading: String { "What it would take" }
  var whatItTakesIntro: String {
    "For each measure not funded in full: the smallest increase of the frame or of one partner's hours, or the move up its own list, that funds it in full. Each answer was found by solving the whole allocation again with that one change only; amounts are rounded up to the search's precision (5 % of the measure's cost, at least NOK 10,000). Hours are searched only when hours alone stop the measure."
  }
  var whatItTakesColumns: [String] { ["Measure", "Network", "Decision", "Larger frame", "More hours", "Move up its list"] }
  func finding(_ finding: Finding, amount: (Double) -> String) -> String {
    switch finding {
    case .funds(let increase, _): "+\(amount(increase))"
    case .notEnough(let tried): "no, not even +\(amount(tried)) (more changes nothing)"
    case .notSearched: "not searched"
    }
  }
  func hoursFinding(partner: String, role: PartnerRole, finding: String) -> String {
    "\(partner), \(self.role(role)): \(finding)"
  }
  func rankFinding(_ finding: WhatItTakes.RankFinding?) -> String {
    switch finding {
    case nil: "first already"
    case .funds(let rank)?: "to place \(rank)"
    case .notEnough?: "no, not even first"
    case .notSearched?: "not searched"
    }
  }
  var hoursSuffix: String { "h" }
  var hoursNotSearched: String { "–" }
  func resolvesLine(_ count: Int) -> String { "These answers come from \(count) new solves of the whole allocation." }
  func moreMoneyFundsLess(measure: String, funds: String, ample: String, status: String, reasons: String) -> String {
    "More money can fund less: \(measure) is funded in full with \(funds) more in the frame, but with \(ample) more, beyond which more changes nothing, it is \(status). \(reasons)"
  }

  var waitingListHeading: String { "Waiting list per scheme" }
  var waitingListIntro: String {
    "The order in which more frame money would fund the measures. The amount is the increase that alone funds the measure in full (from the table above); the first measure is where the next kroner go."
  }
  var waitingListColumns: [String] { ["No.", "Measure", "Network", "Larger frame"] }
  func notByMoneyAlone(_ measures: [String]) -> String {
    "Not funded in full however large the frame: " + measures.joined(separator: "; ") + "."
  }
  func frameNotSearched(_ measures: [String]) -> String {
    "Not searched to the end (the search ran out of re-solves or time), so nothing is said of what more money would do: "
      + measures.joined(separator: "; ") + "."
  }
  var emptyWaitingList: String { "Every eligible measure is funded in full." }
  var searchesSkipped: String {
    "Not searched: the allocation itself is not proven optimal (its solve stopped at its work or time limit), so a new solve with one change could not be compared with it. A longer time limit (`--time-limit`) gives these answers."
  }

  var shadowPricesHeading: String { "Shadow prices" }
  func shadowPricesIntro(integersFixed: Bool) -> String {
    let base =
      "What one more krone of a frame, or one more hour of a partner, is worth at the allocation found, in the first priority where the limit has a price; read from GLPK's sensitivity analysis (glp_get_row_dual, glp_analyze_bound). The price holds while the limit stays between \"from\" and \"to\"."
    guard integersFixed else { return base }
    return base
      + " The model has yes/no choices (whole measures, smallest shares, one partner): they are held where they were chosen, and the rest is solved again as a linear program. A price of 0 then means that more of the limit buys nothing without changing a yes/no choice; what a larger step buys is in the waiting list."
  }
  var shadowPriceColumns: [String] { ["Limit", "Now", "Used", "Shadow price", "Holds from", "Holds to", "Priority"] }
  func frameLimit(_ scheme: String) -> String { "Frame: \(scheme)" }
  func capacityLimit(partner: String, role: PartnerRole) -> String { "\(partner), \(self.role(role)) hours" }
  func framePrice(_ value: String, unit: PriorityValue) -> String {
    unit == .count ? "\(value) measures per NOK 100,000" : "NOK \(value) per NOK"
  }
  func hoursPrice(_ value: String, unit: PriorityValue) -> String {
    unit == .count ? "\(value) measures per 100 hours" : "NOK \(value) per hour"
  }
  var noLimit: String { "no limit" }
  var noPrice: String { "0" }
  func shadowPricesFailed(_ status: String) -> String { "The shadow prices could not be computed (\(status))." }
}
