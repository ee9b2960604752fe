import GrantAllocation

/// The few words of the decision letters that are not in their template: dates, the page title
/// and who a line of egenandel is for (part of ``Messages``). All other wording is the template's.
protocol DecisionLetterMessages {
  /// `2027-06-30` as a letter writes it: "30. juni 2027" / "30 June 2027".
  func longDate(_ iso: String) -> String
  /// The HTML page's title.
  func letterTitle(year: Int, recipient: String) -> String
  /// Whose egenandel a line is: the recipient's own, a member's of its network, or the network's.
  func egenandelPayer(own: Bool, member: String?, network: String?) -> String
}

extension DecisionLetterMessages {
  /// The date's parts, or `nil` when it is not `YYYY-MM-DD`.
  func dateParts(_ iso: String) -> (year: Int, month: Int, day: Int)? {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1...12).contains(parts[1]) else { return nil }
    return (parts[0], parts[1], parts[2])
  }
}
