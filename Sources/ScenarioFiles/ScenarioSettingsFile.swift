import Foundation
import GrantAllocation
import ScenarioFormat
import UserMessages
import Yams

private typealias Keys = ScenarioSchema.Settings
private typealias SchemeKeys = ScenarioSchema.Settings.Scheme
private typealias NetworkKeys = ScenarioSchema.Settings.Network
private typealias SharingKeys = ScenarioSchema.Settings.CostSharing
private typealias PolicyKeys = ScenarioSchema.Settings.Policy
private typealias SolverKeys = ScenarioSchema.Settings.Solver

/// What `scenario.yaml` holds, validated, with the line each network was declared on.
struct ScenarioSettings {
  var year: Int
  var county: String
  var title: String?
  var note: String?
  var schemes: [Scheme]
  var networks: [Network]
  var networkLines: [NetworkID: Int]
  var policy: Policy
  var solver: SolverSettings
  /// The `horizon:` section (a multi-year plan), when given.
  var horizon: HorizonSettings?
  /// The scenario's payment dates, when given (else one payment at the end of June).
  var paymentSchedule: PaymentSchedule?
  /// The `vedtak:` section (without the template, which is a file of its own).
  var decisionTerms = DecisionTerms()
  /// `last_year_allocation`: a path inside the scenario folder, and the line that names it.
  var lastYearAllocation: (path: String, line: Int?)?
}

/// Reads `scenario.yaml`.
enum ScenarioSettingsFile {
  static let fileName = Keys.fileName
  /// Frames, hours and money above this are taken for typing errors.
  static let largestAmount = 1e11

  static func parse(_ data: Data, log: inout IssueLog) -> ScenarioSettings? {
    guard let parsed = YAMLDocument.read(data, file: fileName, log: &log) else { return nil }
    let document = parsed
    guard let document else {
      log.add(fileName, row: nil, nil, .settingsEmpty)
      return nil
    }
    var reader = YAMLReader(file: fileName)
    let settings = read(document, &reader)
    log.append(contentsOf: reader.log)
    return reader.log.isEmpty ? settings : nil
  }

  /// The parts of `scenario.yaml` the other files are checked against (its schemes and networks),
  /// when they could be read although something else in it is wrong: `dekom check` then reports
  /// the errors of every file in one round instead of stopping at the YAML. `nil` when the file
  /// parses (use ``parse(_:log:)``) or when the schemes or networks themselves are wrong. Adds no
  /// issue of its own.
  static func partsForChecking(_ data: Data) -> ScenarioSettings? {
    var log = IssueLog()
    guard let parsed = YAMLDocument.read(data, file: fileName, log: &log), let document = parsed else { return nil }
    var reader = YAMLReader(file: fileName)
    guard let top = reader.mapping(document, "", allowed: topKeys, required: []), let schemes = readSchemes(top[Keys.schemes], &reader)
    else { return nil }
    let (networks, lines) = readNetworks(top[Keys.networks], &reader)
    guard let networks else { return nil }
    let anyKey = CostSharingKey(equal: 1, pupils: 0)
    return ScenarioSettings(
      year: 2000, county: "", title: nil, note: nil, schemes: schemes, networks: networks, networkLines: lines,
      policy: Policy(fairnessFloor: 0, fairnessKey: anyKey, weighting: .strictTiers, value: .count), solver: SolverSettings(),
      horizon: nil, paymentSchedule: nil)
  }

  /// The keys `scenario.yaml` may have at its top.
  static let topKeys = Keys.keys

  private static func read(_ document: Node, _ reader: inout YAMLReader) -> ScenarioSettings? {
    guard
      let top = reader.mapping(
        document, "",
        allowed: topKeys,
        required: Keys.requiredKeys)
    else { return nil }
    let year = reader.wholeNumber(top[Keys.year], Keys.year, in: 2000...2100)
    let county = reader.text(top[Keys.county], Keys.county)
    let title = top[Keys.title].flatMap { reader.text($0, Keys.title) }
    let note = top[Keys.note].flatMap { reader.text($0, Keys.note) }
    let schemes = readSchemes(top[Keys.schemes], &reader)
    let (networks, lines) = readNetworks(top[Keys.networks], &reader)
    let policy = readPolicy(top[Keys.policy], &reader)
    let solver = readSolver(top[Keys.solver], &reader)
    let horizon = top[Keys.horizon].flatMap { node in year.flatMap { HorizonSettings.read(node, firstYear: $0, schemes: schemes, &reader) }
    }
    let schedule = top[Keys.paymentSchedule].map { readSchedule($0, Keys.paymentSchedule, &reader) }
    let terms = top[Keys.decision].map { DecisionTermsSettings.read($0, &reader) } ?? DecisionTerms()
    let lastYear = top[Keys.lastYearAllocation].flatMap { readLastYearPath($0, &reader) }
    guard let year, let county, let schemes, let networks, let policy, let solver else { return nil }
    if top[Keys.lastYearAllocation] != nil && lastYear == nil { return nil }
    if top[Keys.horizon] != nil && horizon == nil { return nil }
    if let schedule, schedule == nil { return nil }
    return ScenarioSettings(
      year: year, county: county, title: title, note: note, schemes: schemes, networks: networks, networkLines: lines,
      policy: policy, solver: solver, horizon: horizon, paymentSchedule: schedule ?? nil, decisionTerms: terms,
      lastYearAllocation: lastYear.map { ($0, reader.line(top[Keys.lastYearAllocation])) })
  }

  /// `last_year_allocation`: a relative path of plain folder and file names inside the scenario
  /// folder (letters, digits, spaces, `.`, `_`, `-`; no `..`, no absolute path), so that a scenario
  /// reads nothing outside its folder and the path can be shown as it is; not in `out/`, which
  /// `dekom run` writes.
  private static func readLastYearPath(_ node: Node, _ reader: inout YAMLReader) -> String? {
    guard let path = reader.text(node, Keys.lastYearAllocation) else { return nil }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    let plain = parts.allSatisfy { part in
      !part.isEmpty && part != "." && part != ".." && part.first != " " && part.last != " "
        && part.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || " ._-".unicodeScalars.contains($0) }
    }
    guard plain, path.count <= 255 else {
      reader.fail(node, Keys.lastYearAllocation, .lastYearPathOutside(path))
      return nil
    }
    guard parts.first != "out" else {
      reader.fail(node, Keys.lastYearAllocation, .lastYearInOutputFolder(path))
      return nil
    }
    return path
  }

  private static func readSchemes(_ node: Node?, _ reader: inout YAMLReader) -> [Scheme]? {
    guard let items = reader.sequence(node, Keys.schemes) else { return nil }
    if items.isEmpty { reader.fail(node, Keys.schemes, .noSchemes) }
    var schemes: [Scheme] = []
    var ok = !items.isEmpty
    for (position, item) in items.enumerated() {
      let path = "\(Keys.schemes)[\(position + 1)]"
      guard
        let entry = reader.mapping(
          item, path,
          allowed: SchemeKeys.keys, required: SchemeKeys.requiredKeys)
      else { ok = false; continue }
      let id = reader.identifier(entry[SchemeKeys.id], "\(path).\(SchemeKeys.id)")
      let name = reader.text(entry[SchemeKeys.name], "\(path).\(SchemeKeys.name)")
      var frame = reader.number(entry[SchemeKeys.frameNOK], "\(path).\(SchemeKeys.frameNOK)", in: 0...largestAmount, unit: .nok)
      if frame == 0 {
        reader.fail(entry[SchemeKeys.frameNOK], "\(path).\(SchemeKeys.frameNOK)", .frameZero)
        frame = nil
      }
      let rate = reader.share(entry[SchemeKeys.egenandelRate], "\(path).\(SchemeKeys.egenandelRate)")
      let broad =
        entry[SchemeKeys.requiresBroadTargetGroup].map { reader.yesNo($0, "\(path).\(SchemeKeys.requiresBroadTargetGroup)") } ?? false
      var kinds: Set<PartnerKind>? = []
      if let kindNodes = reader.sequence(entry[SchemeKeys.partnerKinds], "\(path).\(SchemeKeys.partnerKinds)") {
        if kindNodes.isEmpty {
          reader.fail(entry[SchemeKeys.partnerKinds], "\(path).\(SchemeKeys.partnerKinds)", .noPartnerKinds)
        }
        for kindNode in kindNodes {
          guard let text = reader.text(kindNode, "\(path).\(SchemeKeys.partnerKinds)") else { kinds = nil; continue }
          if let kind = PartnerKind(rawValue: text.lowercased()) {
            kinds?.insert(kind)
          } else {
            reader.fail(kindNode, "\(path).\(SchemeKeys.partnerKinds)", .notAPartnerKind(text))
            kinds = nil
          }
        }
      } else {
        kinds = nil
      }
      if let id, schemes.contains(where: { $0.id.rawValue == id }) {
        reader.fail(entry[SchemeKeys.id], "\(path).\(SchemeKeys.id)", .schemeIDTwice(id))
        ok = false
      }
      var serves: Set<Institution>? = [.schools, .kindergartens]
      if let node = entry[SchemeKeys.serves] {
        serves = reader.text(node, "\(path).\(SchemeKeys.serves)").flatMap(OwnersFile.institutions)
        if serves == nil {
          reader.fail(node, "\(path).\(SchemeKeys.serves)", .servesUnclear)
        }
      }
      var sizeMeasure: SizeMeasure? = .pupils
      if let node = entry[SchemeKeys.sizeMeasure] {
        let text = reader.text(node, "\(path).\(SchemeKeys.sizeMeasure)")
        sizeMeasure = text.flatMap { SizeMeasure(rawValue: $0.lowercased()) }
        if let text, sizeMeasure == nil {
          reader.fail(node, "\(path).\(SchemeKeys.sizeMeasure)", .notASizeMeasure(text, measures: SizeMeasure.allCases.map(\.rawValue)))
        }
      }
      let schedule = entry[SchemeKeys.paymentSchedule].map { readSchedule($0, "\(path).\(SchemeKeys.paymentSchedule)", &reader) }
      if let schedule, schedule == nil { ok = false }
      guard let id, let name, let frame, let rate, let broad, let kinds, !kinds.isEmpty, let serves, let sizeMeasure else {
        ok = false; continue
      }
      schemes.append(
        Scheme(
          id: SchemeID(id), name: name, frame: frame, egenandelRate: rate, partnerKinds: kinds, requiresBroadTargetGroup: broad,
          serves: serves, sizeMeasure: sizeMeasure, paymentSchedule: schedule ?? nil))
    }
    return ok ? schemes : nil
  }

  private static func readNetworks(_ node: Node?, _ reader: inout YAMLReader) -> ([Network]?, [NetworkID: Int]) {
    guard let items = reader.sequence(node, Keys.networks) else { return (nil, [:]) }
    if items.isEmpty { reader.fail(node, Keys.networks, .noNetworks) }
    var networks: [Network] = []
    var lines: [NetworkID: Int] = [:]
    var ok = !items.isEmpty
    for (position, item) in items.enumerated() {
      let path = "\(Keys.networks)[\(position + 1)]"
      guard let entry = reader.mapping(item, path, allowed: NetworkKeys.keys, required: NetworkKeys.requiredKeys) else {
        ok = false; continue
      }
      let id = reader.identifier(entry[NetworkKeys.id], "\(path).\(NetworkKeys.id)")
      let name = reader.text(entry[NetworkKeys.name], "\(path).\(NetworkKeys.name)")
      let host = entry[NetworkKeys.host].map { reader.identifier($0, "\(path).\(NetworkKeys.host)") }
      if let host, host == nil { ok = false }
      // The network's own key is used only where its agreement says what it splits (default: the egenandel).
      var key: CostSharingKey?
      var uses: Set<OwnKeyUse>? = []
      if let sharing = entry[NetworkKeys.costSharing] {
        key = readKey(sharing, "\(path).\(NetworkKeys.costSharing)", defaults: (1.0 / 3.0, 2.0 / 3.0), extra: [SharingKeys.splits], &reader)
        if key == nil { ok = false }
        uses = [.egenandel]
        if let splits = sharing.mapping?[SharingKeys.splits] {
          uses = readUses(splits, "\(path).\(NetworkKeys.costSharing).\(SharingKeys.splits)", &reader)
        }
      }
      if let id, id.lowercased() == MeasureHolder.jointID {
        reader.fail(entry[NetworkKeys.id], "\(path).\(NetworkKeys.id)", .jointIDReserved(MeasureHolder.jointID))
        ok = false
      }
      if let id, networks.contains(where: { $0.id.rawValue == id }) {
        reader.fail(entry[NetworkKeys.id], "\(path).\(NetworkKeys.id)", .networkIDTwice(id))
        ok = false
      }
      guard let id, let name, let uses else { ok = false; continue }
      networks.append(Network(id: NetworkID(id), name: name, host: (host ?? nil).map(OwnerID.init), ownKey: key, ownKeyUses: uses))
      lines[NetworkID(id)] = reader.line(item)
    }
    return (ok ? networks : nil, lines)
  }

  /// What a network's own key splits: `grant` (tilskudd) and/or `egenandel`.
  private static func readUses(_ node: Node, _ path: String, _ reader: inout YAMLReader) -> Set<OwnKeyUse>? {
    let words: [String]
    if let items = node.sequence {
      words = items.compactMap { $0.scalar?.string.lowercased() }
    } else {
      words = CellValues.list(reader.text(node, path)?.lowercased() ?? "")
    }
    var uses: Set<OwnKeyUse> = []
    for word in words {
      switch word {
      case "grant", "tilskudd", "tilskot": uses.insert(.grant)
      case "egenandel": uses.insert(.egenandel)
      default:
        reader.fail(node, path, .notAKeyUse(word))
        return nil
      }
    }
    return uses
  }

  /// A payment schedule: dates, each optionally with its share (`2027-06-30`, or
  /// `[2027-04-30: 1/2, 2028-04-30: 1/2]` written as `2027-04-30:1/2 | 2028-04-30:1/2`).
  static func readSchedule(_ node: Node, _ path: String, _ reader: inout YAMLReader) -> PaymentSchedule? {
    let text: String
    if let items = node.sequence {
      text = items.compactMap { $0.scalar?.string }.joined(separator: "|")
    } else if let value = reader.text(node, path) {
      text = value
    } else {
      return nil
    }
    switch CellValues.paymentSchedule(text) {
    case .success(let schedule): return schedule
    case .failure(let failure):
      reader.fail(node, path, failure.text)
      return nil
    }
  }

  /// A key `{equal, pupils}` (or `{equal, size}`) whose parts are shares summing to 1.
  private static func readKey(
    _ node: Node, _ path: String, defaults: (Double, Double)?, extra: [String] = [], _ reader: inout YAMLReader
  ) -> CostSharingKey? {
    guard
      let entry = reader.mapping(
        node, path, allowed: SharingKeys.keys + extra, required: defaults == nil ? [SharingKeys.equal] : [])
    else {
      return nil
    }
    if entry[SharingKeys.pupils] != nil && entry[SharingKeys.size] != nil {
      reader.fail(node, path, .pupilsAndSize)
      return nil
    }
    if defaults == nil && entry[SharingKeys.pupils] == nil && entry[SharingKeys.size] == nil {
      reader.fail(node, "\(path).\(SharingKeys.size)", .sizeMissing)
      return nil
    }
    let sizeNode = entry[SharingKeys.size] ?? entry[SharingKeys.pupils]
    let sizeName = entry[SharingKeys.size] != nil ? SharingKeys.size : SharingKeys.pupils
    let sizePath = "\(path).\(sizeName)"
    let equal = entry[SharingKeys.equal].map { reader.share($0, "\(path).\(SharingKeys.equal)") } ?? defaults.map { Optional($0.0) } ?? nil
    let pupils = sizeNode.map { reader.share($0, sizePath) } ?? defaults.map { Optional($0.1) } ?? nil
    guard let equal, let pupils else { return nil }
    guard abs(equal + pupils - 1) < 1e-6 else {
      reader.fail(node, path, .keyPartsNotOne(equal: equal, sizeName: sizeName, size: pupils))
      return nil
    }
    return CostSharingKey(equal: equal, pupils: pupils)
  }

  private static func readPolicy(_ node: Node?, _ reader: inout YAMLReader) -> Policy? {
    guard let entry = reader.mapping(node, Keys.policy, allowed: PolicyKeys.keys, required: PolicyKeys.keys) else {
      return nil
    }
    let fairnessPath = "\(Keys.policy).\(PolicyKeys.fairness)"
    let priorityPath = "\(Keys.policy).\(PolicyKeys.priority)"
    var floor: Double?
    var key: CostSharingKey?
    if let fairness = reader.mapping(
      entry[PolicyKeys.fairness], fairnessPath, allowed: PolicyKeys.fairnessKeys, required: PolicyKeys.fairnessKeys)
    {
      floor = reader.share(fairness[PolicyKeys.floor], "\(fairnessPath).\(PolicyKeys.floor)")
      key = fairness[PolicyKeys.key].flatMap { readKey($0, "\(fairnessPath).\(PolicyKeys.key)", defaults: nil, &reader) }
    }
    var weighting: PriorityWeighting?
    var value: PriorityValue?
    if let priority = reader.mapping(
      entry[PolicyKeys.priority], priorityPath, allowed: PolicyKeys.priorityKeys, required: PolicyKeys.requiredPriorityKeys)
    {
      switch reader.text(priority[PolicyKeys.weighting], "\(priorityPath).\(PolicyKeys.weighting)") {
      case "strict_tiers":
        weighting = .strictTiers
      case "decay":
        if priority[PolicyKeys.decay] == nil {
          reader.fail(priority[PolicyKeys.weighting], "\(priorityPath).\(PolicyKeys.decay)", .decayMissing)
        } else if let factor = reader.number(priority[PolicyKeys.decay], "\(priorityPath).\(PolicyKeys.decay)", in: 0...1, unit: .factor) {
          if factor > 0 && factor < 1 {
            weighting = .decay(factor: factor)
          } else {
            reader.fail(priority[PolicyKeys.decay], "\(priorityPath).\(PolicyKeys.decay)", .decayOutside)
          }
        }
      case let other?:
        reader.fail(priority[PolicyKeys.weighting], "\(priorityPath).\(PolicyKeys.weighting)", .notAWeighting(other))
      case nil: break
      }
      if let text = reader.text(priority[PolicyKeys.value], "\(priorityPath).\(PolicyKeys.value)") {
        value = PriorityValue(rawValue: text)
        if value == nil {
          reader.fail(priority[PolicyKeys.value], "\(priorityPath).\(PolicyKeys.value)", .notAValueRule(text))
        }
      }
    }
    guard let floor, let key, let weighting, let value else { return nil }
    return Policy(fairnessFloor: floor, fairnessKey: key, weighting: weighting, value: value)
  }

  private static func readSolver(_ node: Node?, _ reader: inout YAMLReader) -> SolverSettings? {
    guard let node else { return SolverSettings() }
    guard let entry = reader.mapping(node, Keys.solver, allowed: SolverKeys.keys, required: [])
    else { return nil }
    var settings = SolverSettings()
    if let limit = entry[SolverKeys.timeLimitSeconds] {
      guard let seconds = reader.number(limit, "\(Keys.solver).\(SolverKeys.timeLimitSeconds)", in: 0.001...86_400, unit: .seconds) else {
        return nil
      }
      settings.timeLimitSeconds = seconds
    }
    if let tolerance = entry[SolverKeys.stageTolerance] {
      guard let value = reader.number(tolerance, "\(Keys.solver).\(SolverKeys.stageTolerance)", in: 0...0.01, unit: .relativeTolerance)
      else { return nil }
      settings.stageTolerance = value
    }
    if let gap = entry[SolverKeys.relativeMIPGap] {
      guard let value = reader.number(gap, "\(Keys.solver).\(SolverKeys.relativeMIPGap)", in: 0...0.01, unit: .relativeGap) else {
        return nil
      }
      settings.relativeMIPGap = value
    }
    return settings
  }
}
