/// One partner's part of a measure's hours in one role.
public struct PartnerPart: Sendable, Equatable {
  public var partner: PartnerID
  /// The part of the measure's hours in the role that this partner carries, in (0, 1].
  public var fraction: Double

  public init(partner: PartnerID, fraction: Double) {
    self.partner = partner
    self.fraction = fraction
  }
}

/// Which partners carry each measure's hours, under the network's choice of partner (docs/model.md,
/// "The network chooses its partner"): per measure index and role, the partners in the measure's
/// order of preference and the fraction of the hours each carries (the fractions add up to 1).
public struct PartnerPlacement: Sendable, Equatable {
  public var parts: [Int: [PartnerRole: [PartnerPart]]]
  /// The measures in the forum's order (``PartnerRule/order(of:failedCriteria:)``).
  public var order: [Int]
  /// Single-partner measures whose partner had room for all their hours: the partners before it in
  /// the measure's order, which had not (the rule's reason for passing them over).
  public var passedOver: [Int: [PartnerID]]

  public init(parts: [Int: [PartnerRole: [PartnerPart]]] = [:], order: [Int] = [], passedOver: [Int: [PartnerID]] = [:]) {
    self.parts = parts
    self.order = order
    self.passedOver = passedOver
  }

  /// Whether `other` gives every measure and role the same partners with the same fractions
  /// (to 10⁻⁹, the fractions come from solved shares).
  func agrees(with other: Self) -> Bool {
    guard parts.keys.sorted() == other.parts.keys.sorted() else { return false }
    for (index, roles) in parts {
      guard let others = other.parts[index], roles.count == others.count else { return false }
      for (role, mine) in roles {
        guard let theirs = others[role], mine.count == theirs.count else { return false }
        for (a, b) in zip(mine, theirs) where a.partner != b.partner || abs(a.fraction - b.fraction) > 1e-9 { return false }
      }
    }
    return true
  }

  /// Whether `other` gives the measures funded at `shares` (share above 0) the same partners and
  /// fractions: an allocation solved with these partners follows the rule when the partners it
  /// gives back agree on its funded measures.
  func agrees(with other: Self, onMeasuresFundedAt shares: [Double]) -> Bool {
    for (index, share) in shares.enumerated() where share > 1e-9 {
      let mine = parts[index] ?? [:]
      let theirs = other.parts[index] ?? [:]
      guard mine.count == theirs.count else { return false }
      for (role, own) in mine {
        guard let others = theirs[role], own.count == others.count else { return false }
        for (a, b) in zip(own, others) where a.partner != b.partner || abs(a.fraction - b.fraction) > 1e-9 { return false }
      }
    }
    return true
  }
}

/// The network's choice of partner (issue 16 item 7, seed 000): a measure's hours go to its first
/// acceptable partner; another acceptable partner carries them only when the first has no hours
/// left for it after the measures ahead of it in the forum's order — never to save money for
/// someone else. A measure that allows a split (`single_partner: nei`) takes what its first
/// partner has left and the rest from the next, in its order; otherwise one institution carries
/// all its hours.
enum PartnerRule {
  /// Hours of room that count as none, and by which room may fall short of a measure's hours and
  /// still count as enough: published hours and shares are rounded, so exact comparisons could
  /// flip between the solve and the check.
  static let roomTolerance = 0.01

  /// The forum's order for drawing on partners' hours: the eligible commitments first, then the
  /// eligible measures by rank (every list's rank 1 before any rank 2), each group in canonical
  /// order (scheme as in `scenario.yaml`, joint measures before the networks' in their order, id).
  static func order(of scenario: Scenario, failedCriteria: [[Criterion]]) -> [Int] {
    let schemeOrder = Dictionary(scenario.schemes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    let networkOrder = Dictionary(
      scenario.networks.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    func key(_ index: Int) -> (Int, Int, Int, Int, String) {
      let measure = scenario.measures[index]
      let holder: Int
      switch measure.holder {
      case .joint: holder = -1
      case .network(let id): holder = networkOrder[id] ?? 0
      }
      return (measure.continuing ? 0 : 1, measure.rank, schemeOrder[measure.scheme] ?? 0, holder, measure.id.rawValue)
    }
    let keys = scenario.measures.indices.map(key)
    return scenario.measures.indices.filter { failedCriteria[$0].isEmpty }.sorted { keys[$0] < keys[$1] }
  }

  /// The shares of the allocation a forum would make by hand: down `order`, each measure is funded
  /// in full when the partners the rule gives it have room for all its hours and its scheme's money
  /// still covers it at their prices (the commitments always). A start for the rounds of
  /// ``Allocator``, not an answer.
  static func greedyShares(of scenario: Scenario, order: [Int]) -> [Double] {
    var shares = [Double](repeating: 0, count: scenario.measures.count)
    var money = Dictionary(scenario.schemes.map { ($0.id, $0.frame) }, uniquingKeysWith: { first, _ in first })
    var ledger = Ledger(scenario)
    for index in order {
      let measure = scenario.measures[index]
      guard let parts = ledger.parts(for: measure) else { continue }
      var cost = measure.stateCost
      var roomForAll = true
      for (role, rolesParts) in parts {
        for part in rolesParts {
          cost += part.fraction * measure.hours(role) * (scenario.partner(part.partner)?.hourlyPrice(role) ?? 0)
          if ledger.room(part.partner, role) < part.fraction * measure.hours(role) - roomTolerance { roomForAll = false }
        }
      }
      guard measure.continuing || (roomForAll && cost <= (money[measure.scheme] ?? 0) + 1e-6) else { continue }
      shares[index] = 1
      money[measure.scheme, default: 0] -= cost
      ledger.take(parts, of: measure, share: 1)
    }
    return shares
  }

  /// The partners of every measure in `order`, given the share each is funded at (`shares`, by
  /// measure index; 0 for a measure not funded).
  ///
  /// Measures draw on the partners' hours in `order`. Each looks for room for all the hours it
  /// asks, funded or not (an unfunded one gets the partner it would have if funded); a funded one
  /// then uses up the hours of its share. A single-partner measure takes the first partner with
  /// room in every role it needs; when none has, the first with some hours left in each role,
  /// else its first partner; that partner's hours then limit its share. A measure that allows a
  /// split fills each role from its partners in order, each giving what it has left.
  /// (``roomTolerance`` hours count as none.)
  static func assignment(
    of scenario: Scenario, order: [Int], shares: [Double]
  ) -> PartnerPlacement {
    var ledger = Ledger(scenario)
    var placed: [Int: [PartnerRole: [PartnerPart]]] = [:]
    var passedOver: [Int: [PartnerID]] = [:]
    for index in order {
      let measure = scenario.measures[index]
      guard let parts = ledger.parts(for: measure) else { continue }
      placed[index] = parts
      if measure.singlePartner, let chosen = parts.values.first?.first?.partner,
        PartnerRole.allCases.allSatisfy({ measure.hours($0) <= 0 || ledger.room(chosen, $0) >= measure.hours($0) - roomTolerance })
      {
        passedOver[index] = Array(
          measure.acceptablePartners.prefix { $0 != chosen }.filter { id in
            PartnerRole.allCases.allSatisfy { role in
              measure.hours(role) <= 0 || scenario.candidatePartners(for: measure, role: role).contains { $0.id == id }
            }
          })
      }
      let share = shares.indices.contains(index) ? max(0, min(1, shares[index])) : 0
      if share > 1e-9 { ledger.take(parts, of: measure, share: share) }
    }
    return PartnerPlacement(parts: placed, order: order, passedOver: passedOver)
  }

  /// The hours each partner has left as measures take theirs.
  struct Ledger {
    let scenario: Scenario
    private var left: [PartnerID: [PartnerRole: Double]] = [:]

    init(_ scenario: Scenario) {
      self.scenario = scenario
      for partner in scenario.partners {
        for role in PartnerRole.allCases { left[partner.id, default: [:]][role] = partner.hours(role) }
      }
    }

    func room(_ partner: PartnerID, _ role: PartnerRole) -> Double { max(0, left[partner]?[role] ?? 0) }

    /// The partners the rule gives `measure` with the hours left now; `nil` when it asks no hours
    /// or some role it asks has no candidate partner.
    func parts(for measure: Measure) -> [PartnerRole: [PartnerPart]]? {
      let roles = PartnerRole.allCases.filter { measure.hours($0) > 0 }
      var candidates: [PartnerRole: [PartnerID]] = [:]
      for role in roles { candidates[role] = scenario.candidatePartners(for: measure, role: role).map(\.id) }
      guard !roles.isEmpty, candidates.values.allSatisfy({ !$0.isEmpty }) else { return nil }
      // A partner has room for a measure when it can carry all the hours the measure asks (a
      // share of them would let a partly funded measure keep a partner that limits it).
      var chosen: [PartnerRole: [PartnerPart]] = [:]
      if measure.singlePartner {
        let able = measure.acceptablePartners.filter { id in roles.allSatisfy { candidates[$0]?.contains(id) == true } }
        guard let firstAble = able.first else { return nil }
        let first =
          able.first { id in roles.allSatisfy { room(id, $0) >= measure.hours($0) - roomTolerance } }
          ?? able.first { id in roles.allSatisfy { room(id, $0) > roomTolerance } } ?? firstAble
        for role in roles { chosen[role] = [PartnerPart(partner: first, fraction: 1)] }
        return chosen
      }
      for role in roles {
        var wanted = measure.hours(role)
        var taken: [(PartnerID, Double)] = []
        for id in candidates[role] ?? [] where wanted > roomTolerance {
          let hours = min(room(id, role), wanted)
          if hours > roomTolerance {
            taken.append((id, hours))
            wanted -= hours
          }
        }
        let total = taken.reduce(0) { $0 + $1.1 }
        if let first = candidates[role]?.first, total <= roomTolerance {
          chosen[role] = [PartnerPart(partner: first, fraction: 1)]
        } else {
          chosen[role] = taken.map { PartnerPart(partner: $0.0, fraction: $0.1 / total) }
        }
      }
      return chosen
    }

    /// `measure`, funded at `share` with `parts`, uses up its hours.
    mutating func take(_ parts: [PartnerRole: [PartnerPart]], of measure: Measure, share: Double) {
      for (role, rolesParts) in parts {
        for part in rolesParts { left[part.partner, default: [:]][role, default: 0] -= part.fraction * measure.hours(role) * share }
      }
    }
  }
}

extension PartnerRule {
  /// Whether `outcomes` (one per measure, in the scenario's order) have every funded measure's
  /// hours where the rule puts them for their own shares: at the partners of
  /// ``assignment(of:order:shares:)``, each with its fraction of the hours, to ``roomTolerance``
  /// hours (published hours are rounded).
  static func follows(_ outcomes: [MeasureOutcome], of scenario: Scenario, order: [Int]) -> Bool {
    guard outcomes.count == scenario.measures.count else { return false }
    let shares = outcomes.map(\.share)
    let placement = assignment(of: scenario, order: order, shares: shares)
    for (index, outcome) in outcomes.enumerated() where outcome.share > 1e-9 {
      let measure = scenario.measures[index]
      var expected: [PartnerID: [PartnerRole: Double]] = [:]
      for (role, parts) in placement.parts[index] ?? [:] {
        for part in parts { expected[part.partner, default: [:]][role, default: 0] += part.fraction * measure.hours(role) * outcome.share }
      }
      var given: [PartnerID: [PartnerRole: Double]] = [:]
      for assignment in outcome.partners { given[assignment.partner, default: [:]][assignment.role, default: 0] += assignment.hours }
      for partner in Set(expected.keys).union(given.keys) {
        for role in PartnerRole.allCases
        where abs((expected[partner]?[role] ?? 0) - (given[partner]?[role] ?? 0)) > roomTolerance {
          return false
        }
      }
    }
    return true
  }
}
