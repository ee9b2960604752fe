/// One year's validated allocation problem for one county.
///
/// Built by the scenario loaders, which have checked every reference and value; later stages
/// trust it. Arrays keep the files' order, which the reports follow.
public struct Scenario: Sendable, Equatable {
  public var year: Int
  public var county: String
  public var title: String?
  public var note: String?
  public var schemes: [Scheme] { didSet { schemePositions = Self.positions(schemes, by: \.id) } }
  public var partners: [Partner] { didSet { partnerPositions = Self.positions(partners, by: \.id) } }
  public var networks: [Network] { didSet { networkPositions = Self.positions(networks, by: \.id) } }
  public var owners: [SchoolOwner] {
    didSet {
      ownerPositions = Self.positions(owners, by: \.id)
      membersByNetwork = Dictionary(grouping: owners, by: \.network)
    }
  }
  public var measures: [Measure] { didSet { measurePositions = Self.positions(measures, by: \.id) } }
  public var policy: Policy
  public var solver: SolverSettings
  /// The files the scenario was read from, with their SHA-256, for the record (empty when built in code).
  public var inputFiles: [InputFile] = []
  /// The later years planned together with ``year`` (the long-term plan); `nil` for one year.
  public var horizon: Horizon?
  /// The scenario's payment dates; `nil`: one payment at the end of June of ``year``.
  public var paymentSchedule: PaymentSchedule?
  /// What the decision letters say besides the money (conditions, reporting, appeal) and their
  /// template; defaults when the scenario gives none.
  public var decisionTerms = DecisionTerms()
  /// Last year's allocation, when `scenario.yaml` names it (``LastYearAllocation``).
  public var lastYear: LastYearAllocation?
  /// Where each id stands in its array (the first, should one repeat), kept with the arrays, so
  /// that ``scheme(_:)``, ``partner(_:)``, ``network(_:)``, ``owner(_:)`` and ``measure(_:)`` are O(1).
  private var schemePositions: [SchemeID: Int] = [:]
  private var partnerPositions: [PartnerID: Int] = [:]
  private var networkPositions: [NetworkID: Int] = [:]
  private var ownerPositions: [OwnerID: Int] = [:]
  private var measurePositions: [MeasureID: Int] = [:]
  /// ``members(of:)`` of every network, in the owners' order, kept with ``owners`` (callers that
  /// ask per network or per measure would otherwise be quadratic at 10⁵ measures).
  public private(set) var membersByNetwork: [NetworkID: [SchoolOwner]] = [:]

  public init(
    year: Int, county: String, title: String? = nil, note: String? = nil, schemes: [Scheme],
    partners: [Partner], networks: [Network], owners: [SchoolOwner], measures: [Measure],
    policy: Policy, solver: SolverSettings = SolverSettings()
  ) {
    self.year = year
    self.county = county
    self.title = title
    self.note = note
    self.schemes = schemes
    self.partners = partners
    self.networks = networks
    self.owners = owners
    self.measures = measures
    self.policy = policy
    self.solver = solver
    // (Property observers do not run in an initialiser.)
    schemePositions = Self.positions(schemes, by: \.id)
    partnerPositions = Self.positions(partners, by: \.id)
    networkPositions = Self.positions(networks, by: \.id)
    ownerPositions = Self.positions(owners, by: \.id)
    measurePositions = Self.positions(measures, by: \.id)
    membersByNetwork = Dictionary(grouping: owners, by: \.network)
  }

  private static func positions<Element, ID: Hashable>(_ elements: [Element], by id: (Element) -> ID) -> [ID: Int] {
    firstPositions(elements.map(id))
  }

  public func scheme(_ id: SchemeID) -> Scheme? { schemePositions[id].map { schemes[$0] } }
  public func partner(_ id: PartnerID) -> Partner? { partnerPositions[id].map { partners[$0] } }
  public func network(_ id: NetworkID) -> Network? { networkPositions[id].map { networks[$0] } }
  public func owner(_ id: OwnerID) -> SchoolOwner? { ownerPositions[id].map { owners[$0] } }
  public func measure(_ id: MeasureID) -> Measure? { measurePositions[id].map { measures[$0] } }
  /// Where `id` stands in ``schemes``. O(1).
  public func schemeIndex(_ id: SchemeID) -> Int? { schemePositions[id] }
  /// Where `id` stands in ``partners``. O(1).
  public func partnerIndex(_ id: PartnerID) -> Int? { partnerPositions[id] }
  /// Where `id` stands in ``measures``. O(1).
  public func measureIndex(_ id: MeasureID) -> MeasureIndex? { measurePositions[id].map(MeasureIndex.init) }
  /// The owners of `network`, in the owners' order. O(1).
  public func members(of network: NetworkID) -> [SchoolOwner] { membersByNetwork[network] ?? [] }

  /// Each network's share `k_ns` of the forum's key in `scheme` (summing to 1 over the networks
  /// the scheme serves).
  ///
  /// Only networks with a member owner the scheme serves share the key (a network of school
  /// owners alone has no share of Rekom); their size is the sum of those members' sizes by the
  /// scheme's size measure. The key's equal part is split equally among these networks, its size
  /// part by size.
  public func networkKeyShares(scheme: Scheme) -> [NetworkID: Double] {
    let members = membersByNetwork
    let served = networks.filter { network in (members[network.id] ?? []).contains { $0.isServed(by: scheme) } }
    let sizes = served.map { network in
      (members[network.id] ?? []).filter { $0.isServed(by: scheme) }.reduce(0) { $0 + $1.size(scheme.sizeMeasure) }
    }
    let shares = policy.fairnessKey.shares(sizes: sizes)
    var result = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, 0.0) })
    for (network, share) in zip(served, shares) { result[network.id] = share }
    return result
  }

  /// The owner that receives `network`'s money: its host, else its first member municipality,
  /// else its first member.
  public func host(of network: Network) -> OwnerID? {
    if let host = network.host { return host }
    let members = members(of: network.id)
    return (members.first { $0.kind == .kommune } ?? members.first)?.id
  }

  /// The payment dates of `measure`: its own, else its scheme's, else the scenario's, else one
  /// payment at the end of June.
  public func paymentSchedule(of measure: Measure) -> PaymentSchedule {
    measure.paymentSchedule ?? scheme(measure.scheme)?.paymentSchedule ?? paymentSchedule ?? .endOfJune(year)
  }

  /// What each network asks in `scheme`, for its fairness floor: the cheapest full costs of its
  /// eligible measures on its list in the scheme (continuing ones included; measures with no cost
  /// left out), in one pass over the measures.
  public func floorRequests(scheme: Scheme) -> [NetworkID: Double] {
    var requests: [NetworkID: Double] = [:]
    for measure in measures where measure.scheme == scheme.id {
      // A measure the forum dropped (locked at nothing) is no longer asked for.
      guard let network = measure.holder.network, measure.failedCriteria(under: scheme).isEmpty, measure.lock != MeasureLock.none,
        let cost = cheapestFullCost(of: measure)
      else { continue }
      requests[network, default: 0] += cost
    }
    return requests
  }

  /// The partners that may carry `measure`'s hours in `role`: acceptable, of a kind the scheme
  /// allows, and with hours in that role; in the measure's order of preference.
  public func candidatePartners(for measure: Measure, role: PartnerRole) -> [Partner] {
    guard let scheme = scheme(measure.scheme) else { return [] }
    return measure.acceptablePartners.compactMap(partner).filter { scheme.partnerKinds.contains($0.kind) && $0.hours(role) > 0 }
  }

  /// The measure's full cost at its cheapest acceptable partners, or `nil` when some role it
  /// needs has no partner with hours.
  public func cheapestFullCost(of measure: Measure) -> Double? {
    var total = measure.stateCost
    for role in PartnerRole.allCases where measure.hours(role) > 0 {
      guard let price = candidatePartners(for: measure, role: role).map({ $0.hourlyPrice(role) }).min() else { return nil }
      total += measure.hours(role) * price
    }
    return total
  }
}

/// Where each id first stands in `ids`: the index that keeps O(1) lookups by id beside an array.
func firstPositions<ID: Hashable>(_ ids: [ID]) -> [ID: Int] {
  Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
}

/// One input file and its SHA-256, so a result can be traced to the exact bytes it came from.
public struct InputFile: Sendable, Equatable, Codable {
  public var name: String
  /// Lower-case hexadecimal SHA-256 of the file's bytes.
  public var sha256: String

  public init(name: String, sha256: String) {
    self.name = name
    self.sha256 = sha256
  }
}
