import AtomicOutput
import Foundation
import ScenarioFormat

private typealias Settings = ScenarioSchema.Settings
private typealias Owners = ScenarioSchema.Owners
private typealias Measures = ScenarioSchema.Measures
private typealias Scheme = ScenarioSchema.Settings.Scheme
private typealias Network = ScenarioSchema.Settings.Network
private typealias Sharing = ScenarioSchema.Settings.CostSharing
private typealias Policy = ScenarioSchema.Settings.Policy

/// Writes a deterministic synthetic region as an ordinary scenario folder: scenario.yaml,
/// partners.csv, owners.csv and measures.csv, in the format of docs/scenario-format.md.
///
/// The measures are streamed: the generator holds the region's skeleton (O(networks × schemes +
/// partners)) but never the measures, so 10⁶ measures take little more memory than 10³. It reads
/// every list twice: the first pass adds up what each scheme's measures ask and what each partner
/// is asked for, which sets the frames and capacities (``RegionParameters/frameTightness``,
/// ``RegionParameters/capacityTightness``); the second writes measures.csv.
public struct RegionGenerator: Sendable {
  public let parameters: RegionParameters

  /// The files a generated folder holds.
  public static let fileNames = [
    ScenarioSchema.Settings.fileName, ScenarioSchema.Partners.fileName, ScenarioSchema.Owners.fileName, ScenarioSchema.Measures.fileName,
  ]

  /// - Throws: the parameters' ``RegionParameters/problems()``, the first of them.
  public init(_ parameters: RegionParameters) throws(ParameterError) {
    if let problem = parameters.problems().first { throw problem }
    self.parameters = parameters
  }

  /// What was generated, for the command's one-line summary.
  public struct Summary: Sendable, Equatable {
    public var measures: Int
    public var networks: Int
    public var owners: Int
    public var partners: Int
    /// Frame per scheme, in NOK, in scenario.yaml's order.
    public var frames: [Int]
    public var continuing: Int
    public var allOrNothing: Int
    /// Where a frame or a capacity had to be capped at dekom's largest value.
    public var notes: [String]
  }

  /// What the first pass adds up.
  private struct Demand {
    var asked: [Double]
    var committed: [Double]
    /// Hours per partner and role (0 pool, 1 partner 2), each measure's hours spread evenly over
    /// its acceptable partners.
    var hours: [[Double]]
    /// Hours continuing commitments ask of their preferred partner.
    var committedHours: [[Double]]
    var continuing = 0
    var allOrNothing = 0
  }

  /// Writes the four files into `folder`, which must exist.
  ///
  /// - Throws: ``GenerationError`` when a file cannot be written.
  public func write(into folder: URL) throws -> Summary {
    let layout = RegionLayout(parameters)
    let synthesis = MeasureSynthesis(layout: layout)
    let demand = addUp(layout, synthesis)
    var notes: [String] = []
    let capacities = try layout.partners.indices.map { partner in
      try (0..<2).map { role in
        let limit = try Self.limit(
          asked: demand.hours[partner][role], committed: demand.committedHours[partner][role],
          tightness: parameters.capacityTightness, step: 10, minimum: 10, largest: Self.largestHours)
        if limit.capped {
          notes.append(
            "\(layout.partners[partner].id)'s \(role == 0 ? "pool" : "partner-2") hours are capped at dekom's largest, \(Int(Self.largestHours))."
          )
        }
        return limit.value
      }
    }
    let frames = try layout.schemes.indices.map { scheme in
      let limit = try Self.limit(
        asked: demand.asked[scheme], committed: demand.committed[scheme], tightness: parameters.frameTightness, step: 10_000,
        minimum: 100_000, largest: Self.largestAmount)
      if limit.capped {
        let tightness = Self.largestAmount / demand.asked[scheme]
        notes.append(
          "the frame of \(layout.schemes[scheme].id) is capped at dekom's largest amount, \(Int(Self.largestAmount)) NOK: tightness \(String(format: "%.2f", tightness)) instead of \(parameters.frameTightness)."
        )
      }
      return limit.value
    }
    do {
      try writePartners(layout, capacities: capacities, to: folder.appendingPathComponent(ScenarioSchema.Partners.fileName))
      let owners = try writeOwners(layout, to: folder.appendingPathComponent(Owners.fileName))
      try writeSettings(layout, frames: frames, notes: notes, to: folder.appendingPathComponent(Settings.fileName))
      try writeMeasures(layout, synthesis, to: folder.appendingPathComponent(Measures.fileName))
      return Summary(
        measures: parameters.measures, networks: parameters.networks, owners: owners, partners: layout.partners.count, frames: frames,
        continuing: demand.continuing, allOrNothing: demand.allOrNothing, notes: notes)
    } catch let error as GenerationError {
      throw error
    } catch {
      throw GenerationError("cannot write into \(folder.path): \(OutputError.words(for: error))")
    }
  }

  // MARK: - First pass

  private func addUp(_ layout: RegionLayout, _ synthesis: MeasureSynthesis) -> Demand {
    let schemeCount = layout.schemes.count
    var demand = Demand(
      asked: Array(repeating: 0, count: schemeCount), committed: Array(repeating: 0, count: schemeCount),
      hours: Array(repeating: [0, 0], count: layout.partners.count),
      committedHours: Array(repeating: [0, 0], count: layout.partners.count))
    synthesis.forEachList { list in
      synthesis.forEachMeasure(of: list) { measure in
        let preferred = layout.partners[measure.partners[0]]
        let cost =
          Double(measure.stateCost) + Double(measure.poolHours * preferred.poolPrice)
          + Double(measure.partner2Hours * preferred.partner2Price)
        demand.asked[measure.scheme] += cost
        let hours = [Double(measure.poolHours), Double(measure.partner2Hours)]
        for partner in measure.partners {
          for role in 0..<2 { demand.hours[partner][role] += hours[role] / Double(measure.partners.count) }
        }
        if measure.continuing {
          demand.continuing += 1
          demand.committed[measure.scheme] += cost
          for role in 0..<2 { demand.committedHours[measure.partners[0]][role] += hours[role] }
        }
        if measure.minimumShare == "1" { demand.allOrNothing += 1 }
      }
    }
    return demand
  }

  static func roundUp(_ value: Double, to step: Int) -> Int {
    Int((value / Double(step)).rounded(.up)) * step
  }

  /// dekom's largest frame or cost in NOK, and its largest hours, as its loader accepts them
  /// (`ScenarioSettingsFile.largestAmount`, `PartnersFile.largestHours`; a test checks they agree).
  public static let largestAmount = 1e11
  public static let largestHours = 1e7
  /// dekom's largest rank on a list (`measures.csv`, column `rank`).
  public static let largestRank = 10_000

  /// A frame or a capacity: `tightness` × what is asked, rounded up to `step`, at least 5 % above
  /// what continuing commitments need and at least `minimum`, at most `largest`.
  ///
  /// - Throws: ``GenerationError`` when the commitments alone need more than `largest`: such a
  ///   region would have no allocation.
  static func limit(
    asked: Double, committed: Double, tightness: Double, step: Int, minimum: Int, largest: Double
  ) throws(GenerationError) -> (value: Int, capped: Bool) {
    let wanted = max(roundUp(tightness * asked, to: step), roundUp(1.05 * committed, to: step), minimum)
    guard Double(wanted) > largest else { return (wanted, false) }
    guard 1.05 * committed <= largest else {
      throw GenerationError(
        "the continuing commitments alone would need more than dekom's largest value (\(Int(largest))); nothing was written. Lower --continuing or --measures, or add --schemes."
      )
    }
    return (Int(largest), true)
  }

  // MARK: - Files

  private func writePartners(_ layout: RegionLayout, capacities: [[Int]], to url: URL) throws {
    let file = try TextFileWriter(url)
    // Every column, in the order of partners.csv's documentation: the capacities and prices per role.
    try file.writeRow(ScenarioSchema.Partners.columns.map(\.name))
    for (partner, capacity) in zip(layout.partners, capacities) {
      try file.writeRow([
        partner.id, partner.name, partner.kind.rawValue, partner.kind == .senter ? "nei" : "ja", String(capacity[0]),
        String(partner.poolPrice), String(capacity[1]), String(partner.partner2Price),
      ])
    }
    try file.close()
  }

  /// - Returns: how many owners were written.
  private func writeOwners(_ layout: RegionLayout, to url: URL) throws -> Int {
    let file = try TextFileWriter(url)
    try file.writeRow([Owners.id, Owners.name, Owners.network, Owners.kind, Owners.pupils, Owners.teacherFTE])
    var count = 0
    for index in 0..<parameters.networks {
      let networkID = layout.networkID(index)
      let network = NetworkSynthesis.network(seed: parameters.seed, network: index)
      for (position, owner) in network.owners.enumerated() {
        try file.writeRow([
          RegionLayout.ownerID(networkID: networkID, owner: position), owner.name, networkID, owner.kind, String(owner.pupils),
          owner.teacherFTE.map(String.init) ?? "",
        ])
        count += 1
      }
    }
    try file.close()
    return count
  }

  private func writeSettings(_ layout: RegionLayout, frames: [Int], notes: [String], to url: URL) throws {
    let file = try TextFileWriter(url)
    try file.write(
      """
      # A synthetic region written by `dekom generate` (generator version \(Self.generatorVersion)).
      # Every number is random; nothing here describes a real county. The same command gives the same bytes:
      #   \(reproducingCommand)

      """)
    for note in notes { try file.write("# Note: \(note)\n") }
    try file.write(
      """
      \(Settings.year): \(parameters.year)
      \(Settings.county): \(Self.yamlString("Syntetisk region \(parameters.seed)"))
      \(Settings.title): \(Self.yamlString("Felles årlig innstilling \(parameters.year) – syntetisk region \(parameters.seed)"))
      \(Settings.note): \(Self.yamlString("Syntetisk scenario fra dekom generate (frø \(parameters.seed)); alle tall er tilfeldige."))

      \(Settings.schemes):

      """)
    for (scheme, frame) in zip(layout.schemes, frames) {
      let kinds = scheme.partnerKinds.map(\.rawValue).joined(separator: ", ")
      try file.write(
        """
          - \(Scheme.id): \(scheme.id)
            \(Scheme.name): \(Self.yamlString(scheme.name))
            \(Scheme.frameNOK): \(frame)
            \(Scheme.egenandelRate): \(scheme.egenandelRate)
            \(Scheme.partnerKinds): [\(kinds)]

        """)
      if scheme.requiresBroadTargetGroup { try file.write("    \(Scheme.requiresBroadTargetGroup): ja\n") }
    }
    try file.write("\n\(Settings.networks):\n")
    for index in 0..<parameters.networks {
      let network = NetworkSynthesis.network(seed: parameters.seed, network: index)
      var line = "  - {\(Network.id): \(layout.networkID(index)), \(Network.name): \(Self.yamlString(network.name))"
      if let key = network.costSharing {
        line += ", \(Network.costSharing): {\(Sharing.equal): \(key.equal), \(Sharing.pupils): \(key.pupils)}"
      }
      try file.write(line + "}\n")
    }
    let priority: String
    switch parameters.weighting {
    case .strictTiers: priority = "{\(Policy.weighting): strict_tiers, \(Policy.value): \(parameters.value.rawValue)}"
    case .decay(let factor):
      priority = "{\(Policy.weighting): decay, \(Policy.decay): \(factor), \(Policy.value): \(parameters.value.rawValue)}"
    }
    let fairness = "{\(Policy.floor): \(parameters.fairnessFloor), \(Policy.key): {\(Sharing.equal): 0.3, \(Sharing.pupils): 0.7}}"
    try file.write(
      """

      \(Settings.policy):
        \(Policy.fairness): \(fairness)
        \(Policy.priority): \(priority)

      """)
    try file.close()
  }

  /// The columns written, in this order (a generated region has no plan, per-owner participants or recipients).
  private static let measureColumns =
    [
      Measures.id, Measures.network, Measures.scheme, Measures.rank, Measures.title, Measures.costNOK, Measures.pricePerParticipantNOK,
      Measures.participants,
    ] + ScenarioSchema.roles.map(ScenarioSchema.hours)
    + [
      Measures.partners, Measures.singlePartner, Measures.minimumShare, Measures.continuing, Measures.owner, Measures.start,
      Measures.durationMonths, Measures.schoolBased, Measures.collective, Measures.inLocalPlan, Measures.broadTargetGroup,
      Measures.individualEducation,
    ]

  private func writeMeasures(_ layout: RegionLayout, _ synthesis: MeasureSynthesis, to url: URL) throws {
    let file = try TextFileWriter(url)
    try file.writeRow(Self.measureColumns)
    func flag(_ value: Bool) -> String { value ? "ja" : "nei" }
    try synthesis.forEachList { list in
      try synthesis.forEachMeasure(of: list) { measure in
        try file.writeRow([
          measure.id, measure.holder, layout.schemes[measure.scheme].id, String(measure.rank), measure.title,
          measure.cost.map(String.init) ?? "", measure.pricePerParticipant.map(String.init) ?? "",
          measure.participants.map(String.init) ?? "", String(measure.poolHours), String(measure.partner2Hours),
          measure.partners.map { layout.partners[$0].id }.joined(separator: "|"), flag(measure.singlePartner),
          measure.minimumShare, flag(measure.continuing),
          measure.owner.map { RegionLayout.ownerID(networkID: measure.holder, owner: $0) } ?? "", measure.start,
          String(measure.durationMonths), flag(measure.schoolBased), flag(measure.collective), flag(measure.inLocalPlan),
          measure.broadTargetGroup.map(flag) ?? "", flag(measure.individualEducation),
        ])
      }
    }
    try file.close()
  }

  // MARK: - Text

  /// Raised whenever a change would give other bytes for the same parameters.
  public static let generatorVersion = 1

  /// The `dekom generate` command that gives these parameters, every knob spelled out.
  public var reproducingCommand: String {
    var words = [
      "dekom generate", "--seed \(parameters.seed)", "--measures \(parameters.measures)", "--networks \(parameters.networks)",
      "--schemes \(parameters.schemes)", "--partners \(parameters.partners)", "--all-or-nothing \(parameters.allOrNothingShare)",
      "--frame-tightness \(parameters.frameTightness)", "--capacity-tightness \(parameters.capacityTightness)",
      "--continuing \(parameters.continuingShare)", "--fairness-floor \(parameters.fairnessFloor)",
    ]
    switch parameters.weighting {
    case .strictTiers: words.append("--weighting strict_tiers")
    case .decay(let factor): words.append("--weighting decay --decay \(factor)")
    }
    words += ["--value \(parameters.value.rawValue)", "--year \(parameters.year)", "--out DIR"]
    return words.joined(separator: " ")
  }

  /// A YAML double-quoted scalar.
  static func yamlString(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
