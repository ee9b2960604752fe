/// The measures of one ranked list, drawn from the list's own random stream.
///
/// The generator draws every list twice — once to add up what the frames and partners must cover,
/// once to write measures.csv — and both passes see the same measures because each list has its
/// own stream.
struct MeasureSynthesis {
  /// One synthetic measure, with the values measures.csv needs.
  struct Measure {
    var id: String
    var holder: String
    var scheme: Int
    var rank: Int
    var title: String
    /// Grant asked, in NOK; `nil` when the measure is priced per participant.
    var cost: Int?
    var pricePerParticipant: Int?
    var participants: Int?
    var poolHours: Int
    var partner2Hours: Int
    /// Acceptable partners (indices into the layout's partners), most preferred first.
    var partners: [Int]
    var singlePartner: Bool
    var minimumShare: String
    var continuing: Bool
    /// The one owner that receives the grant (index within the network), if any.
    var owner: Int?
    var start: String
    var durationMonths: Int
    var schoolBased: Bool
    var collective: Bool
    var inLocalPlan: Bool
    /// `nil` when the scheme does not ask for the criterion.
    var broadTargetGroup: Bool?
    var individualEducation: Bool

    /// The grant asked of the state, in NOK.
    var stateCost: Int { cost ?? (pricePerParticipant ?? 0) * (participants ?? 0) }
  }

  /// A list: the joint list (`network == nil`) or a network's, in one scheme.
  struct List {
    var network: Int?
    var scheme: Int
    var length: Int
  }

  let layout: RegionLayout

  /// Every list, joint lists first, then network by network and scheme by scheme.
  func forEachList(_ body: (List) throws -> Void) rethrows {
    let schemeCount = layout.schemes.count
    for scheme in 0..<schemeCount where layout.jointListLengths[scheme] > 0 {
      try body(List(network: nil, scheme: scheme, length: layout.jointListLengths[scheme]))
    }
    for network in 0..<layout.parameters.networks {
      for scheme in 0..<schemeCount {
        let length = Int(layout.listLengths[network * schemeCount + scheme])
        if length > 0 { try body(List(network: network, scheme: scheme, length: length)) }
      }
    }
  }

  /// The list's measures in rank order.
  func forEachMeasure(of list: List, _ body: (Measure) throws -> Void) rethrows {
    let parameters = layout.parameters
    let schemeCount = layout.schemes.count
    let holderIndex = list.network.map { $0 + 1 } ?? 0
    var random = SeededRandom(seed: parameters.seed, purpose: .list, index: holderIndex * schemeCount + list.scheme)
    let scheme = layout.schemes[list.scheme]
    let holder = list.network.map(layout.networkID) ?? "felles"
    for rank in 1...list.length {
      // Joint measures draw their partners from the regions in turn.
      let region = list.network.map(layout.region(ofNetwork:)) ?? ((rank - 1) % layout.regionCount)
      let continuing = list.network != nil && random.chance(parameters.continuingShare)
      var title = random.element(of: scheme.themes)
      if list.network == nil { title = "Fellestiltak: " + title }
      if continuing { title += " (år 2 av 3)" }
      var cost: Int? = nil
      var pricePerParticipant: Int? = nil
      var participants: Int? = nil
      if random.chance(0.1) {
        pricePerParticipant = 100 * random.integer(in: 10...25)
        participants = random.integer(in: 20...300)
      } else {
        cost = 10_000 * random.integer(in: scheme.costUnits) * (list.network == nil ? 2 : 1)
      }
      let poolHours = 5 * random.integer(in: 0...8)
      let partner2Hours = random.chance(0.1) ? 0 : 10 * random.integer(in: 5...40)
      let partners = choosePartners(region: region, scheme: list.scheme, &random)
      let singlePartner = random.chance(0.9)
      let shares = ["0.25", "0.5", "0.75"]
      let minimumShare = random.chance(parameters.allOrNothingShare) || continuing ? "1" : random.element(of: shares)
      var owner: Int? = nil
      if let network = list.network, random.chance(0.1) {
        owner = random.integer(in: 0...(Int(layout.ownerCounts[network]) - 1))
      }
      let start = random.element(of: ["2027-01", "2027-08", "2027-08", "2027-09"])
      let durationMonths = random.element(of: [6, 10, 12, 12, 24, 36])
      // About one measure in fourteen fails a criterion (four of 58 in scenarios/trondelag);
      // a continuing commitment always meets them (the loader refuses one that does not).
      let schoolBased = !random.chance(0.02) || continuing
      let collective = !random.chance(0.02) || continuing
      let inLocalPlan = !random.chance(0.03) || continuing
      let broad = scheme.requiresBroadTargetGroup ? (!random.chance(0.05) || continuing) : nil
      let individual = random.chance(0.01) && !continuing
      try body(
        Measure(
          id: "\(holder)-\(scheme.id)-\(rank)", holder: holder, scheme: list.scheme, rank: rank, title: title, cost: cost,
          pricePerParticipant: pricePerParticipant, participants: participants, poolHours: poolHours, partner2Hours: partner2Hours,
          partners: partners, singlePartner: singlePartner, minimumShare: minimumShare, continuing: continuing, owner: owner,
          start: start, durationMonths: durationMonths, schoolBased: schoolBased, collective: collective, inLocalPlan: inLocalPlan,
          broadTargetGroup: broad, individualEducation: individual))
    }
  }

  /// One to three acceptable partners, in order of preference: mostly the region's universities,
  /// sometimes a national partner first (Statped, a centre) where the scheme allows one.
  private func choosePartners(region: Int, scheme: Int, _ random: inout SeededRandom) -> [Int] {
    let (regional, national) = layout.candidates(region: region, scheme: scheme)
    var pool = regional + national
    let wanted = min(pool.count, 1 + (random.chance(0.5) ? 1 : 0) + (random.chance(0.1) ? 1 : 0))
    var chosen: [Int] = []
    if !national.isEmpty, random.chance(0.15) {
      let first = random.element(of: national)
      chosen.append(first)
      pool.removeAll { $0 == first }
    }
    while chosen.count < wanted {
      // Universities of the region before national partners, unless the region has too few.
      let universitiesLeft = pool.filter { layout.partners[$0].region != nil }
      let from = universitiesLeft.isEmpty ? pool : universitiesLeft
      let next = random.element(of: from)
      chosen.append(next)
      pool.removeAll { $0 == next }
    }
    return chosen
  }
}
