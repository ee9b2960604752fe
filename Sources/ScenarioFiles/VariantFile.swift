import Foundation
import GrantAllocation
import ScenarioFormat
import UserMessages
import Variants
import Yams

private typealias Keys = ScenarioSchema.Variant
private typealias Columns = ScenarioSchema.Measures

/// Reads the what-if variants in a scenario's `variants/` folder (one YAML file each).
public enum VariantFile {
  public static let folderName = Keys.folderName

  /// The variant `name`'s file as messages name it: `variants/NAME.yaml`.
  public static func fileName(_ name: String) -> String { Keys.fileName(name) }

  /// Every `variants/*.yaml`, sorted by name; none when the folder is missing.
  ///
  /// - Throws: ``ScenarioError`` with every issue in every variant file.
  public static func loadAll(directory: URL) throws(ScenarioError) -> [Variant] {
    var issues: [ScenarioIssue] = []
    var variants: [Variant] = []
    for (_, loaded) in loadEach(directory: directory) {
      switch loaded {
      case .success(let variant): variants.append(variant)
      case .failure(let error): issues += error.issues
      }
    }
    guard issues.isEmpty else { throw ScenarioError(issues: issues) }
    return variants
  }

  /// Every `variants/*.yaml` on its own, sorted by name: a broken file does not hide the others
  /// (the page marks it and shows the rest).
  public static func loadEach(directory: URL) -> [(name: String, variant: Result<Variant, ScenarioError>)] {
    let folder = directory.appendingPathComponent(folderName)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(Keys.fileExtension) }
      .sorted { $0.dropLast(Keys.fileExtension.count) < $1.dropLast(Keys.fileExtension.count) }  // by name, without ".yaml"
    return names.map { file in
      let name = String(file.dropLast(Keys.fileExtension.count))
      var log = IssueLog()
      var variant: Variant?
      switch InputFileReader.read(folder.appendingPathComponent(file)) {
      case .success(let data)?: variant = parse(data, name: name, log: &log)
      case .failure(let unreadable)?: log.add("\(folderName)/\(file)", row: nil, nil, unreadable.text)
      case nil: log.add("\(folderName)/\(file)", row: nil, nil, .variantFileGone)
      }
      guard let variant, log.isEmpty else { return (name, .failure(ScenarioError(issues: log.issues))) }
      return (name, .success(variant))
    }
  }

  /// Every problem of the variants of `base`: each file's own, and each variant's when it is
  /// resolved (an unknown or circular `based_on`, a measure, partner or scheme that is not in the
  /// scenario, a change that does not apply) — what `run --variant`, `compare` and the page read.
  public static func issues(directory: URL, base: Scenario) -> [ScenarioIssue] {
    let loaded = loadEach(directory: directory)
    var issues: [ScenarioIssue] = []
    var variants: [Variant] = []
    for (_, result) in loaded {
      switch result {
      case .success(let variant): variants.append(variant)
      case .failure(let error): issues += error.issues
      }
    }
    // A variant based on a broken file is reported with that file; the others are resolved.
    let broken = Set(loaded.filter { if case .failure = $0.variant { true } else { false } }.map(\.name))
    for variant in variants where variant.basedOn.map({ !broken.contains($0) }) ?? true {
      do {
        _ = try VariantResolver.scenario(variant.name, variants: variants, base: base)
      } catch {
        for issue in error.issues where !issues.contains(issue) { issues.append(issue) }
      }
    }
    return issues
  }

  /// Reads one variant from the bytes of `variants/NAME.yaml` (for a variant that is not in a
  /// folder yet, such as one written from a form).
  ///
  /// - Throws: ``ScenarioError`` with every issue, each naming `variants/NAME.yaml`.
  public static func load(_ data: Data, name: String) throws(ScenarioError) -> Variant {
    var log = IssueLog()
    guard let variant = parse(data, name: name, log: &log), log.isEmpty else { throw ScenarioError(issues: log.issues) }
    return variant
  }

  /// Parses one variant file.
  static func parse(_ data: Data, name: String, log: inout IssueLog) -> Variant? {
    let file = fileName(name)
    guard case .success = CellValues.identifier(name) else {
      log.add(file, row: nil, nil, .variantNameInvalid)
      return nil
    }
    guard let parsed = YAMLDocument.read(data, file: file, log: &log) else { return nil }
    let document = parsed
    var reader = YAMLReader(file: file)
    let variant = read(document, name: name, &reader)
    log.append(contentsOf: reader.log)
    return reader.log.isEmpty ? variant : nil
  }

  private static func read(_ document: Node?, name: String, _ reader: inout YAMLReader) -> Variant? {
    guard let document else {
      reader.fail(nil, "", .variantEmpty)
      return nil
    }
    guard
      let top = reader.mapping(
        document, "", allowed: Keys.keys, required: [Keys.title])
    else { return nil }
    var variant = Variant(name: name, title: reader.text(top[Keys.title], Keys.title) ?? name)
    variant.description = top[Keys.description].flatMap { reader.text($0, Keys.description) }
    variant.basedOn = top[Keys.basedOn].flatMap { reader.identifier($0, Keys.basedOn) }
    variant.frames = frames(top[Keys.frames], Keys.frames, &reader)
    variant.partners = partners(top[Keys.partners], Keys.partners, prices: true, &reader)
    for (yearText, node) in entries(top[Keys.years], Keys.years, &reader) {
      let path = "\(Keys.years).\(yearText)"
      guard let year = Int(yearText), (2000...2100).contains(year) else {
        reader.fail(node, path, .notAYear(yearText))
        continue
      }
      guard let entry = reader.mapping(node, path, allowed: Keys.yearKeys, required: []) else { continue }
      variant.years[year] = Variant.YearChange(
        frames: frames(entry[Keys.frames], "\(path).\(Keys.frames)", &reader),
        partners: partners(entry[Keys.partners], "\(path).\(Keys.partners)", prices: false, &reader))
    }
    for (id, node) in entries(top[Keys.measures], Keys.measures, &reader) {
      let path = "\(Keys.measures).\(id)"
      guard let entry = reader.mapping(node, path, allowed: Keys.Measure.keys, required: []) else { continue }
      var change = Variant.MeasureChange()
      change.rank = entry[Keys.Measure.rank].flatMap { reader.wholeNumber($0, "\(path).\(Keys.Measure.rank)", in: 1...10_000) }
      change.cost = entry[Keys.Measure.costNOK].flatMap { reader.number($0, "\(path).\(Keys.Measure.costNOK)", in: 0...1e11, unit: .nok) }
      change.minimumShare = entry[Keys.Measure.minimumShare].flatMap { reader.share($0, "\(path).\(Keys.Measure.minimumShare)") }
      change.continuing = entry[Columns.continuing].flatMap { reader.yesNo($0, "\(path).\(Columns.continuing)") }
      change.schoolBased = entry[Columns.schoolBased].flatMap { reader.yesNo($0, "\(path).\(Columns.schoolBased)") }
      change.collective = entry[Columns.collective].flatMap { reader.yesNo($0, "\(path).\(Columns.collective)") }
      change.inLocalPlan = entry[Columns.inLocalPlan].flatMap { reader.yesNo($0, "\(path).\(Columns.inLocalPlan)") }
      change.broadTargetGroup = entry[Columns.broadTargetGroup].flatMap { reader.yesNo($0, "\(path).\(Columns.broadTargetGroup)") }
      change.individualEducation = entry[Columns.individualEducation].flatMap { reader.yesNo($0, "\(path).\(Columns.individualEducation)") }
      if let node = entry[Keys.Measure.lock], let word = node.scalar?.string.trimmingCharacters(in: .whitespaces).lowercased(),
        Keys.Measure.lockAsLastYear.contains(word)
      {
        change.lockAsLastYear = true
      } else {
        change.lock = entry[Keys.Measure.lock].flatMap { lock($0, "\(path).\(Keys.Measure.lock)", &reader) }
      }
      variant.measures[MeasureID(id)] = change
    }
    return readPolicy(top[Keys.policy], variant, &reader)
  }

  /// A measure's lock: `full`, `none` (or their bokmål words), or a share above 0 (1 is `full`).
  private static func lock(_ node: Node, _ path: String, _ reader: inout YAMLReader) -> MeasureLock? {
    guard let text = reader.text(node, path) else { return nil }
    let word = text.lowercased()
    if Keys.Measure.lockFull.contains(word) { return .full }
    if Keys.Measure.lockNone.contains(word) { return MeasureLock.none }
    guard case .success(let share) = CellValues.share(text), share > 0, share <= 1 else {
      reader.fail(node, path, .notALock(value: text))
      return nil
    }
    return share >= 1 ? .full : .atLeast(share)
  }

  /// Frame changes by scheme id (`frames:` at the top or in a year).
  private static func frames(_ node: Node?, _ prefix: String, _ reader: inout YAMLReader) -> [SchemeID: Variant.FrameChange] {
    var frames: [SchemeID: Variant.FrameChange] = [:]
    for (id, node) in entries(node, prefix, &reader) {
      let path = "\(prefix).\(id)"
      guard let entry = reader.mapping(node, path, allowed: Keys.Frame.keys, required: []) else { continue }
      if let nok = entry[Keys.Frame.frameNOK].flatMap({ reader.number($0, "\(path).\(Keys.Frame.frameNOK)", in: 1...1e11, unit: .nok) }) {
        frames[SchemeID(id)] = .nok(nok)
      } else if let factor = entry[Keys.Frame.factor].flatMap({
        reader.number($0, "\(path).\(Keys.Frame.factor)", in: 0.001...100, unit: .factor)
      }) {
        frames[SchemeID(id)] = .factor(factor)
      } else if entry.isEmpty {
        reader.fail(node, path, .noFrameChange)
      }
    }
    return frames
  }

  /// Partner changes by partner id; prices only at the top (a price holds for every year).
  private static func partners(_ node: Node?, _ prefix: String, prices: Bool, _ reader: inout YAMLReader) -> [PartnerID: Variant
    .PartnerChange]
  {
    var partners: [PartnerID: Variant.PartnerChange] = [:]
    for (id, node) in entries(node, prefix, &reader) {
      let path = "\(prefix).\(id)"
      let keys = PartnerRole.allCases.flatMap {
        [Keys.Partner.hours($0.rawValue), Keys.Partner.addHours($0.rawValue)] + (prices ? [Keys.Partner.price($0.rawValue)] : [])
      }
      guard let entry = reader.mapping(node, path, allowed: keys, required: []) else { continue }
      var change = Variant.PartnerChange()
      for role in PartnerRole.allCases {
        let (hours, addHours, price) = (
          Keys.Partner.hours(role.rawValue), Keys.Partner.addHours(role.rawValue), Keys.Partner.price(role.rawValue)
        )
        change.hours[role] = entry[hours].flatMap { reader.number($0, "\(path).\(hours)", in: 0...1e7, unit: .hours) }
        change.addHours[role] = entry[addHours].flatMap { reader.number($0, "\(path).\(addHours)", in: -1e7...1e7, unit: .hours) }
        change.price[role] = entry[price].flatMap { reader.number($0, "\(path).\(price)", in: 0...1e5, unit: .nokPerHour) }
      }
      partners[PartnerID(id)] = change
    }
    return partners
  }

  private static func readPolicy(_ node: Node?, _ variant: Variant, _ reader: inout YAMLReader) -> Variant {
    var variant = variant
    let top = [Keys.policy: node].compactMapValues { $0 }
    if let policy = reader.mapping(top[Keys.policy], Keys.policy, allowed: Keys.Policy.keys, required: []) {
      variant.policy.fairnessFloor = policy[Keys.Policy.fairnessFloor].flatMap {
        reader.share($0, "\(Keys.policy).\(Keys.Policy.fairnessFloor)")
      }
      switch policy[Keys.Policy.weighting].flatMap({ reader.text($0, "\(Keys.policy).\(Keys.Policy.weighting)") }) {
      case "strict_tiers"?: variant.policy.weighting = .strictTiers
      case "decay"?:
        if let factor = policy[Keys.Policy.decay].flatMap({
          reader.number($0, "\(Keys.policy).\(Keys.Policy.decay)", in: 0.0001...0.9999, unit: .factor)
        }) {
          variant.policy.weighting = .decay(factor: factor)
        } else if policy[Keys.Policy.decay] == nil {
          reader.fail(policy[Keys.Policy.weighting], "\(Keys.policy).\(Keys.Policy.decay)", .decayMissing)
        }
      case let other?:
        reader.fail(policy[Keys.Policy.weighting], "\(Keys.policy).\(Keys.Policy.weighting)", .notAWeighting(other))
      case nil: break
      }
      if let text = policy[Keys.Policy.value].flatMap({ reader.text($0, "\(Keys.policy).\(Keys.Policy.value)") }) {
        variant.policy.value = PriorityValue(rawValue: text)
        if variant.policy.value == nil {
          reader.fail(policy[Keys.Policy.value], "\(Keys.policy).\(Keys.Policy.value)", .notAValueRule(text))
        }
      }
    }
    return variant
  }

  /// The entries of an optional mapping keyed by ids, in file order.
  private static func entries(_ node: Node?, _ path: String, _ reader: inout YAMLReader) -> [(String, Node)] {
    guard let node else { return [] }
    guard let mapping = node.mapping else {
      reader.fail(node, path, .expectedIDs(path: path))
      return []
    }
    return mapping.compactMap { key, value in
      guard let id = key.scalar?.string, case .success = CellValues.identifier(id) else {
        reader.fail(key, path, .notAnIDKey(key.scalar?.string ?? ""))
        return nil
      }
      return (id, value)
    }
  }
}

/// Resolves a variant and the variants it is based on into a scenario.
public enum VariantResolver {
  /// The scenario `name` describes: the base with every variant of its `based_on` chain applied, oldest first.
  ///
  /// - Throws: ``ScenarioError`` for an unknown or circular base, or a change that does not apply.
  public static func scenario(_ name: String, variants: [Variant], base: Scenario) throws(ScenarioError) -> Scenario {
    let byName = Dictionary(variants.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var chain: [Variant] = []
    var current: String? = name
    while let next = current {
      guard let variant = byName[next] else {
        let file = VariantFile.fileName(chain.last?.name ?? name)
        let names = variants.map(\.name)
        throw ScenarioError(issues: [
          ScenarioIssue(
            file: file, row: nil, field: chain.isEmpty ? nil : Keys.basedOn,
            chain.isEmpty ? .noVariant(name, variants: names) : .basedOnUnknown(next, variants: names))
        ])
      }
      if chain.contains(where: { $0.name == next }) {
        throw ScenarioError(issues: [
          ScenarioIssue(
            file: VariantFile.fileName(name), row: nil, field: Keys.basedOn, .variantCircle(chain.map(\.name) + [next]))
        ])
      }
      chain.append(variant)
      current = variant.basedOn
    }
    var scenario = base
    for variant in chain.reversed() {
      do {
        scenario = try variant.apply(to: scenario)
      } catch {
        throw ScenarioError(issues: [
          ScenarioIssue(file: VariantFile.fileName(variant.name), row: nil, field: nil, error.text)
        ])
      }
    }
    return scenario
  }
}
