extension BokmalMessages: DecisionLetterMessages {
  func longDate(_ iso: String) -> String {
    guard let date = dateParts(iso) else { return iso }
    let months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"]
    return "\(date.day). \(months[date.month - 1]) \(date.year)"
  }
  func letterTitle(year: Int, recipient: String) -> String { "Vedtak om tilskudd \(year) – \(recipient)" }
  func egenandelPayer(own: Bool, member: String?, network: String?) -> String {
    if own { return "Egen egenandel" }
    if let member, let network { return "\(member) (medlem av \(network))" }
    return "Kompetansenettverket \(network ?? ""), fordeles mellom medlemmene"
  }
}
