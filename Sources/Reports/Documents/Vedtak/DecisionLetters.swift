import GrantAllocation

/// Makes one ``DecisionLetter`` per recipient of money in a settlement, sorted by recipient
/// (owners, partners, the forum's own budget; each by id).
public struct DecisionLetters {
  let scenario: Scenario
  let result: AllocationResult
  let settlement: Settlement

  /// - Precondition: `input` has an allocation.
  public init(_ input: ReportInput) {
    scenario = input.result.scenario
    result = input.result
    settlement = input.settlement
  }

  /// The letters, one per recipient with a payment.
  public var letters: [DecisionLetter] {
    let byRecipient = Dictionary(grouping: settlement.payments, by: \.recipient)
    var usedNames: Set<String> = []
    return byRecipient.keys.sorted().map { recipient in
      let payments = byRecipient[recipient] ?? []
      let name = Self.fileName(for: recipient, taken: usedNames)
      usedNames.insert(name)
      let paidByKey = payments.contains { payment in
        guard case .network(let network) = payment.purpose, case .owner = recipient, let found = scenario.network(network)
        else { return false }
        return found.splitsByOwnKey(.grant)
      }
      return DecisionLetter(
        recipient: recipient, payments: payments, schemes: schemeLines(recipient, payments), egenandel: egenandelLines(recipient),
        paidByKey: paidByKey, fileName: name)
    }
  }

  private func schemeLines(_ recipient: Recipient, _ payments: [Settlement.Payment]) -> [DecisionLetter.SchemeLine] {
    scenario.schemes.compactMap { scheme in
      let paid = payments.filter { $0.scheme == scheme.id }
      guard !paid.isEmpty else { return nil }
      let purposes = Set(paid.map(\.purpose))
      var lines: [DecisionLetter.MeasureLine] = []
      for (index, measure) in scenario.indexedMeasures where measure.scheme == scheme.id {
        let money = settlement.measures[index]
        let share = index.rawValue < result.outcomes.count ? result.outcomes[index].share : 0
        for purpose in purposes.sorted() {
          switch purpose {
          case .network(let network):
            if measure.holder.network == network, money.grant > 0, concerns(measure, network: network, recipient: recipient) {
              lines.append(.init(measure: measure.id, network: network, share: share, amount: money.grant))
            }
          case .jointMeasure(let id):
            if measure.id == id { lines.append(.init(measure: id, network: nil, share: share, amount: money.grant)) }
          case .partnerHours(let role):
            let mine = money.partners.filter { $0.role == role && .partner($0.partner) == recipient && $0.money != 0 }
            if !mine.isEmpty {
              lines.append(
                .init(
                  measure: measure.id, network: measure.holder.network, share: share, amount: mine.reduce(0) { $0 + $1.money },
                  hours: mine.reduce(0) { $0 + $1.wholeHours }, role: role))
            }
          }
        }
      }
      return DecisionLetter.SchemeLine(scheme: scheme.id, amount: paid.reduce(0) { $0 + $1.amount }, measures: lines)
    }
  }

  /// Whether a network measure's grant reaches `recipient`: all of them reach the host; where the
  /// network's members are paid by its key, a measure for one owner (or with participants per
  /// owner) reaches those owners only.
  private func concerns(_ measure: Measure, network: NetworkID, recipient: Recipient) -> Bool {
    guard case .owner(let owner) = recipient, let found = scenario.network(network), found.splitsByOwnKey(.grant) else { return true }
    if let single = measure.owner { return single == owner }
    if !measure.participantsByOwner.isEmpty { return (measure.participantsByOwner[owner] ?? 0) > 0 }
    return true
  }

  /// An owner's own egenandel, and, for a network's host paid the network's grant, the network's
  /// egenandel and its members' (where the network's key splits it).
  private func egenandelLines(_ recipient: Recipient) -> [DecisionLetter.EgenandelLine] {
    guard case .owner(let owner) = recipient else { return [] }
    let rate = { (scheme: SchemeID) in scenario.scheme(scheme)?.egenandelRate ?? 0 }
    var lines: [DecisionLetter.EgenandelLine] = []
    func add(_ amounts: [SchemeID: Int], owner: OwnerID?, network: NetworkID?) {
      for scheme in scenario.schemes {
        guard let amount = amounts[scheme.id], amount > 0 else { continue }
        lines.append(.init(scheme: scheme.id, owner: owner, network: network, amount: amount, rate: rate(scheme.id)))
      }
    }
    add(settlement.payment(owner)?.egenandelByScheme ?? [:], owner: owner, network: nil)
    for network in scenario.networks where scenario.host(of: network) == owner && !network.splitsByOwnKey(.grant) {
      add(settlement.networkPayment(network.id)?.egenandelByScheme ?? [:], owner: nil, network: network.id)
      for member in scenario.members(of: network.id) where member.id != owner {
        add(settlement.payment(member.id)?.egenandelByScheme ?? [:], owner: member.id, network: network.id)
      }
    }
    return lines
  }

  /// A file name from any id: ASCII letters, digits, `-` and `_` kept (lower-cased), every other
  /// character `-`, at most 80 characters, never empty or hidden; a name already `taken` (two ids
  /// that read alike, or an owner and a partner with the same id) gets `-2`, `-3` …
  static func fileName(for recipient: Recipient, taken: Set<String>) -> String {
    var safe = ""
    for scalar in recipient.id.lowercased().unicodeScalars.prefix(80) {
      let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
      safe.append(keep ? Character(scalar) : "-")
    }
    if safe.isEmpty || safe.allSatisfy({ $0 == "-" }) { safe = "mottaker" + safe }
    var name = safe
    var number = 2
    while taken.contains(name) {
      name = "\(safe)-\(number)"
      number += 1
    }
    return name
  }
}
