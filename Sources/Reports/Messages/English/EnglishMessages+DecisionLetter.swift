extension EnglishMessages: DecisionLetterMessages {
  func longDate(_ iso: String) -> String {
    guard let date = dateParts(iso) else { return iso }
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    return "\(date.day) \(months[date.month - 1]) \(date.year)"
  }
  func letterTitle(year: Int, recipient: String) -> String { "Grant decision \(year) – \(recipient)" }
  func egenandelPayer(own: Bool, member: String?, network: String?) -> String {
    if own { return "Own contribution" }
    if let member, let network { return "\(member) (member of \(network))" }
    return "The competence network \(network ?? ""), shared among its members"
  }
}
