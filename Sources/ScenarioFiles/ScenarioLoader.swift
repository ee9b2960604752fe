import Crypto
import Foundation
import GrantAllocation
import ScenarioFormat
import UserMessages

/// Loads a scenario folder into a validated ``Scenario``, reporting every problem at once.
public enum ScenarioLoader {
  /// The files a scenario folder holds, in the order they are read.
  public static let inputFiles = [
    ScenarioSettingsFile.fileName, PartnersFile.fileName, OwnersFile.fileName, MeasuresFile.fileName,
  ]
  /// Files a multi-year scenario may add (see docs/scenario-format.md); read when present.
  public static let optionalInputFiles = [PlanFiles.partnerYearsFile, PlanFiles.measureYearsFile, LetterTemplateFile.fileName]
  /// Every file a scenario folder may hold, in the order they are read.
  public static var allInputFiles: [String] { inputFiles + optionalInputFiles }

  /// Reads and validates the scenario in `directory`.
  ///
  /// - Throws: ``ScenarioError`` with every issue found in every file.
  public static func load(directory: URL) throws(ScenarioError) -> Scenario {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ScenarioError(issues: [
        ScenarioIssue(file: directory.path, row: nil, field: nil, .folderMissing)
      ])
    }
    var log = IssueLog()
    var files: [String: Data] = [:]
    for name in allInputFiles {
      let url = directory.appendingPathComponent(name)
      switch InputFileReader.read(url) {
      case .success(let data)?: files[name] = data
      case .failure(let unreadable)?: log.add(name, row: nil, nil, unreadable.text)
      case nil: break
      }
    }
    return try load(files: files, log: log) { path in
      // Only inside the folder: a link that leads out of it is refused like a path that does.
      let url = directory.appendingPathComponent(path)
      // A missing file is missing (a link is resolved only when it leads somewhere).
      guard FileManager.default.fileExists(atPath: url.path) else { return InputFileReader.read(url) }
      let folder = directory.resolvingSymlinksInPath().standardizedFileURL.path + "/"
      guard url.resolvingSymlinksInPath().standardizedFileURL.path.hasPrefix(folder) else {
        return .failure(InputFileReader.UnreadableFileError(text: .lastYearPathOutside(path)))
      }
      return InputFileReader.read(url)
    }
  }

  /// The files `scenario.yaml` names besides the fixed ones (last year's allocation), as URLs in
  /// `directory`, so that no output is written over them; empty when there are none or
  /// `scenario.yaml` cannot be read.
  public static func namedInputFiles(directory: URL) -> [URL] {
    var log = IssueLog()
    guard let data = try? Data(contentsOf: directory.appendingPathComponent(ScenarioSettingsFile.fileName)),
      let path = ScenarioSettingsFile.parse(data, log: &log)?.lastYearAllocation?.path
    else { return [] }
    return [directory.appendingPathComponent(path)]
  }

  /// Validates a scenario given as file contents by name (`scenario.yaml`, `partners.csv`,
  /// `owners.csv`, `measures.csv`), as if they were a folder; for tests and fuzzing.
  ///
  /// - Throws: ``ScenarioError`` with every issue found, a missing file included.
  public static func load(files: [String: Data]) throws(ScenarioError) -> Scenario {
    try load(files: files, log: IssueLog()) { files[$0].map { .success($0) } }
  }

  /// The scenario in `files`, with every issue found added to `initial`.
  ///
  /// - Parameters:
  ///   - files: the contents of the fixed input files by name.
  ///   - initial: the issues found before (files that could not be read).
  ///   - named: reads a file `scenario.yaml` names (last year's allocation) by its path in the
  ///     folder; `nil` when there is none.
  /// - Returns: the validated scenario.
  /// - Throws: ``ScenarioError`` with every issue found.
  static func load(
    files: [String: Data], log initial: IssueLog, named: (String) -> Result<Data, InputFileReader.UnreadableFileError>?
  ) throws(ScenarioError) -> Scenario {
    var log = initial
    let unreadable = Set(initial.issues.map(\.file))
    func contents(_ name: String) -> Data? {
      guard let data = files[name] else {
        if !unreadable.contains(name) {
          log.add(name, row: nil, nil, .fileMissing(file: name))
        }
        return nil
      }
      return data
    }
    let settingsData = contents(ScenarioSettingsFile.fileName)
    var settings = settingsData.flatMap { ScenarioSettingsFile.parse($0, log: &log) }
    // scenario.yaml is wrong somewhere, but its schemes and networks can be read: the other files
    // are still checked against them, so one round of `dekom check` reports every file's errors
    // (the scenario itself is never built: the YAML's errors are in the log).
    if settings == nil, log.issues.contains(where: { $0.file == ScenarioSettingsFile.fileName }) {
      settings = settingsData.flatMap(ScenarioSettingsFile.partsForChecking)
    }
    func table(_ name: String, _ columns: [ScenarioSchema.Column]) -> CSVTable? {
      contents(name).flatMap { CSVTable.parse($0, file: name, columns: columns, log: &log) }
    }
    let partnerTable = table(PartnersFile.fileName, PartnersFile.columns)
    let ownerTable = table(OwnersFile.fileName, OwnersFile.columns)
    let measureTable = table(MeasuresFile.fileName, MeasuresFile.columns)
    func optionalTable(_ name: String, _ columns: [ScenarioSchema.Column]) -> CSVTable? {
      files[name].flatMap { CSVTable.parse($0, file: name, columns: columns, log: &log) }
    }
    let partnerYears = optionalTable(PlanFiles.partnerYearsFile, PlanFiles.partnerYearColumns)
    let measureYears = optionalTable(PlanFiles.measureYearsFile, PlanFiles.measureYearColumns)
    let template = files[LetterTemplateFile.fileName].flatMap { LetterTemplateFile.read($0, log: &log) }
    var lastYear: (allocation: LastYearAllocation, data: Data)?
    if let (path, line) = settings?.lastYearAllocation {
      switch named(path) {
      case .success(let data)?:
        if let allocation = LastYearFile.read(data, path: path, log: &log) { lastYear = (allocation, data) }
      case .failure(let unreadable)?:
        log.add(ScenarioSettingsFile.fileName, row: line, ScenarioSchema.Settings.lastYearAllocation, unreadable.text)
      case nil:
        log.add(ScenarioSettingsFile.fileName, row: line, ScenarioSchema.Settings.lastYearAllocation, .lastYearMissing(path))
      }
    }
    var scenario = try assemble(
      settings: settings, partnerTable: partnerTable, ownerTable: ownerTable, measureTable: measureTable,
      partnerYears: partnerYears, measureYears: measureYears, log: log)
    scenario.decisionTerms.template = template
    scenario.inputFiles = allInputFiles.compactMap { name in files[name].map { InputFile(name: name, sha256: sha256(of: $0)) } }
    if let lastYear {
      scenario.lastYear = lastYear.allocation
      scenario.inputFiles.append(InputFile(name: lastYear.allocation.file, sha256: sha256(of: lastYear.data)))
    }
    return scenario
  }

  /// Lower-case hexadecimal SHA-256.
  static func sha256(of data: Data) -> String {
    SHA256.hash(data: data).map { byte in
      let hex = String(byte, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
  }

  static func assemble(
    settings: ScenarioSettings?, partnerTable: CSVTable?, ownerTable: CSVTable?, measureTable: CSVTable?,
    partnerYears: CSVTable? = nil, measureYears: CSVTable? = nil, log initial: IssueLog
  ) throws(ScenarioError) -> Scenario {
    var log = initial
    var partnerLog = IssueLog()
    let partners = partnerTable.map { PartnersFile.read($0, log: &partnerLog) } ?? []
    log.append(contentsOf: partnerLog)
    let networkIDs = Set(settings?.networks.map(\.id) ?? [])
    var ownerLog = IssueLog()
    var owners: [SchoolOwner] = []
    if let ownerTable, settings != nil { owners = OwnersFile.read(ownerTable, networks: networkIDs, log: &ownerLog) }
    log.append(contentsOf: ownerLog)
    if let settings, ownerTable != nil, ownerLog.isEmpty {
      for network in settings.networks where !owners.contains(where: { $0.network == network.id }) {
        log.add(
          ScenarioSettingsFile.fileName, row: settings.networkLines[network.id], ScenarioSchema.Settings.networks,
          .networkWithoutOwners(network: network.id.rawValue))
      }
    }
    var measures: [Measure] = []
    if let settings, let measureTable {
      let context = MeasuresFile.Context(
        schemes: Dictionary(uniqueKeysWithValues: settings.schemes.map { ($0.id, $0) }), networks: networkIDs,
        partners: Dictionary(uniqueKeysWithValues: partners.map { ($0.id, $0) }),
        owners: Dictionary(uniqueKeysWithValues: owners.map { ($0.id, $0) }),
        partnersKnown: partnerTable != nil && partnerLog.isEmpty, ownersKnown: ownerTable != nil && ownerLog.isEmpty)
      measures = MeasuresFile.read(measureTable, context: context, log: &log)
    }
    if let settings, ownerTable != nil, ownerLog.isEmpty, measureTable != nil {
      checkRecipients(settings: settings, owners: owners, measures: measures, log: &log)
    }
    var horizon: Horizon?
    if let settings, let measureTable, log.isEmpty {
      var rows: [MeasureID: Int] = [:]
      for row in measureTable.rows {
        if let id = row.cells[ScenarioSchema.Measures.id], rows[MeasureID(id)] == nil { rows[MeasureID(id)] = row.number }
      }
      horizon = PlanFiles.assemble(
        settings.horizon, year: settings.year, measures: &measures, measureRows: rows, partners: partners, partnerYears: partnerYears,
        measureYears: measureYears, log: &log)
    }
    guard log.isEmpty, let settings, partnerTable != nil, ownerTable != nil, measureTable != nil else {
      throw ScenarioError(issues: log.issues)
    }
    var scenario = Scenario(
      year: settings.year, county: settings.county, title: settings.title, note: settings.note, schemes: settings.schemes,
      partners: partners, networks: settings.networks, owners: owners, measures: measures, policy: settings.policy,
      solver: settings.solver)
    scenario.horizon = horizon
    scenario.paymentSchedule = settings.paymentSchedule
    scenario.decisionTerms = settings.decisionTerms
    return scenario
  }

  /// Every network's host is one of its members, and every network's measures in a scheme have
  /// an owner in the network that the scheme serves (Rekom money only to kindergarten owners).
  static func checkRecipients(settings: ScenarioSettings, owners: [SchoolOwner], measures: [Measure], log: inout IssueLog) {
    let members = Dictionary(grouping: owners, by: \.network)
    for network in settings.networks {
      guard let host = network.host else { continue }
      if !(members[network.id] ?? []).contains(where: { $0.id == host }) {
        log.add(
          ScenarioSettingsFile.fileName, row: settings.networkLines[network.id],
          "\(ScenarioSchema.Settings.networks).\(ScenarioSchema.Settings.Network.host)",
          .hostNotMember(host: host.rawValue, network: network.id.rawValue, members: (members[network.id] ?? []).map(\.id.rawValue)))
      }
    }
    let schemes = Dictionary(uniqueKeysWithValues: settings.schemes.map { ($0.id, $0) })
    var reported = Set<ListKey>()
    for measure in measures {
      guard let network = measure.holder.network, let scheme = schemes[measure.scheme] else { continue }
      let key = ListKey(holder: measure.holder, scheme: scheme.id)
      guard !reported.contains(key), !(members[network] ?? []).contains(where: { $0.isServed(by: scheme) }) else { continue }
      reported.insert(key)
      log.add(
        OwnersFile.fileName, row: nil, ScenarioSchema.Owners.owns,
        .noOwnerRuns(
          network: network.rawValue, scheme: scheme.id.rawValue, runs: MeasuresFile.institutions(scheme.serves), schemeName: scheme.name))
    }
  }
}
