/// The skeleton of a synthetic region, small enough to keep in memory at any size: schemes,
/// partners and their regions, how many owners each network has, and how long every ranked list is.
///
/// - Complexity: O(networks × schemes + partners) memory; the measures themselves are never held.
struct RegionLayout {
  struct Partner {
    var id: String
    var name: String
    var kind: PartnerKind
    /// The region a university serves; `nil` for national partners (Statped, centres).
    var region: Int?
    var poolPrice: Int
    var partner2Price: Int
  }

  let parameters: RegionParameters
  let schemes: [Vocabulary.SchemeTemplate]
  let partners: [Partner]
  /// Universities are regional: a network's measures ask partners from its own region.
  let regionCount: Int
  let universitiesByRegion: [[Int]]
  /// Statped and the national centres serve every region.
  let nationalPartners: [Int]
  /// Joint (`felles`) list length per scheme.
  let jointListLengths: [Int]
  /// Length of network `n`'s list in scheme `s` at `n * schemes.count + s`.
  let listLengths: [Int32]
  /// Owners per network.
  let ownerCounts: [UInt8]
  private let networkIDWidth: Int

  init(_ parameters: RegionParameters) {
    self.parameters = parameters
    schemes = (0..<parameters.schemes).map(Vocabulary.scheme)
    networkIDWidth = max(2, String(parameters.networks).count)

    // Partners: Statped from 4 partners on, one national centre from 5, two from 6; the rest are
    // universities, about three to a region.
    var random = SeededRandom(seed: parameters.seed, purpose: .partners)
    let statpedCount = parameters.partners >= 4 ? 1 : 0
    let centreCount = parameters.partners >= 6 ? 2 : (parameters.partners == 5 ? 1 : 0)
    let universityCount = parameters.partners - statpedCount - centreCount
    regionCount = max(1, universityCount / 3)
    let universityWidth = max(2, String(universityCount).count)
    var partners: [Partner] = []
    var byRegion = Array(repeating: [Int](), count: regionCount)
    for number in 0..<universityCount {
      let region = number * regionCount / universityCount
      byRegion[region].append(partners.count)
      let place = Vocabulary.placeName(&random)
      let name = random.chance(0.5) ? "Universitetet i \(place)" : "Høgskolen i \(place)"
      partners.append(
        Partner(
          id: "uh-" + Self.padded(number + 1, universityWidth), name: name, kind: .uh, region: region,
          poolPrice: 10 * random.integer(in: 90...110), partner2Price: 10 * random.integer(in: 100...120)))
    }
    var national: [Int] = []
    if statpedCount == 1 {
      national.append(partners.count)
      partners.append(
        Partner(
          id: "statped", name: "Statped", kind: .statped, region: nil, poolPrice: 10 * random.integer(in: 85...100),
          partner2Price: 10 * random.integer(in: 90...105)))
    }
    for number in 0..<centreCount {
      national.append(partners.count)
      partners.append(
        Partner(
          id: "senter-\(number + 1)", name: ["Lesesenteret (syntetisk)", "Matematikksenteret (syntetisk)"][number], kind: .senter,
          region: nil, poolPrice: 10 * random.integer(in: 100...120), partner2Price: 10 * random.integer(in: 110...125)))
    }
    self.partners = partners
    universitiesByRegion = byRegion
    nationalPartners = national

    var layoutRandom = SeededRandom(seed: parameters.seed, purpose: .layout)
    let schemeCount = parameters.schemes
    let jointPerScheme = min(3, parameters.measures / (20 * schemeCount))
    jointListLengths = Array(repeating: jointPerScheme, count: schemeCount)
    listLengths = Self.listLengths(
      networkMeasures: parameters.measures - jointPerScheme * schemeCount, networks: parameters.networks,
      weights: schemes.map(\.weight), random: &layoutRandom)
    ownerCounts = (0..<parameters.networks).map { UInt8(NetworkSynthesis.ownerCount(seed: parameters.seed, network: $0)) }
  }

  /// List lengths around each scheme's share of the measures (uniform within ±50 % of the mean),
  /// then adjusted one measure at a time at random lists until they add up exactly.
  private static func listLengths(networkMeasures: Int, networks: Int, weights: [Double], random: inout SeededRandom) -> [Int32] {
    let totalWeight = weights.reduce(0, +)
    var lengths: [Int32] = []
    lengths.reserveCapacity(networks * weights.count)
    var sum = 0
    for _ in 0..<networks {
      for weight in weights {
        let mean = Double(networkMeasures) * weight / totalWeight / Double(networks)
        let low = Int((0.5 * mean).rounded(.down))
        let high = min(max(low, Int((1.5 * mean).rounded(.up))), RegionGenerator.largestRank)
        let length = random.integer(in: low...high)
        lengths.append(Int32(length))
        sum += length
      }
    }
    let count = UInt64(lengths.count)
    // The parameters keep the average list far below the largest rank, so a list with room is found.
    while sum < networkMeasures {
      let list = Int(random.below(count))
      guard lengths[list] < RegionGenerator.largestRank else { continue }
      lengths[list] += 1
      sum += 1
    }
    while sum > networkMeasures {
      let list = Int(random.below(count))
      guard lengths[list] > 0 else { continue }
      lengths[list] -= 1
      sum -= 1
    }
    return lengths
  }

  static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  func networkID(_ network: Int) -> String { "nett-" + Self.padded(network + 1, networkIDWidth) }

  static func ownerID(networkID: String, owner: Int) -> String { "\(networkID)-k\(owner + 1)" }

  /// The region of network `n`: networks are spread evenly over the regions in order.
  func region(ofNetwork network: Int) -> Int { network * regionCount / parameters.networks }

  /// Partners a measure of `scheme` in `region` may ask: the region's universities and the national
  /// partners, of the kinds the scheme allows.
  func candidates(region: Int, scheme: Int) -> (regional: [Int], national: [Int]) {
    let kinds = schemes[scheme].partnerKinds
    return (
      universitiesByRegion[region].filter { kinds.contains(partners[$0].kind) },
      nationalPartners.filter { kinds.contains(partners[$0].kind) }
    )
  }
}
