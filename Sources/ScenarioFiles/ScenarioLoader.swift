import Foundation
import GrantAllocation

/// Loads a scenario folder into a validated ``Scenario``, reporting every problem at once.
public enum ScenarioLoader {
  /// The files a scenario folder holds, in the order they are read.
  public static let inputFiles = [
    ScenarioSettingsFile.fileName, PartnersFile.fileName, OwnersFile.fileName, MeasuresFile.fileName,
  ]

  /// Reads and validates the scenario in `directory`.
  ///
  /// - Throws: ``ScenarioError`` with every issue found in every file.
  public static func load(directory: URL) throws(ScenarioError) -> Scenario {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ScenarioError(issues: [
        ScenarioIssue(
          file: directory.path, row: nil, field: nil, problem: "the scenario folder does not exist.",
          fix: "give the path of a folder holding scenario.yaml, partners.csv, owners.csv and measures.csv.")
      ])
    }
    var log = IssueLog()
    let settings = ScenarioSettingsFile.read(in: directory, log: &log)
    let partnerTable = CSVTable.read(PartnersFile.fileName, in: directory, columns: PartnersFile.columns, log: &log)
    let ownerTable = CSVTable.read(OwnersFile.fileName, in: directory, columns: OwnersFile.columns, log: &log)
    let measureTable = CSVTable.read(MeasuresFile.fileName, in: directory, columns: MeasuresFile.columns, log: &log)
    return try assemble(settings: settings, partnerTable: partnerTable, ownerTable: ownerTable, measureTable: measureTable, log: log)
  }

  static func assemble(
    settings: ScenarioSettings?, partnerTable: CSVTable?, ownerTable: CSVTable?, measureTable: CSVTable?, log initial: IssueLog
  ) throws(ScenarioError) -> Scenario {
    var log = initial
    var partnerLog = IssueLog()
    let partners = partnerTable.map { PartnersFile.read($0, log: &partnerLog) } ?? []
    log.append(contentsOf: partnerLog)
    let networkIDs = Set(settings?.networks.map(\.id) ?? [])
    var ownerLog = IssueLog()
    let owners = (ownerTable != nil && settings != nil) ? OwnersFile.read(ownerTable!, networks: networkIDs, log: &ownerLog) : []
    log.append(contentsOf: ownerLog)
    if let settings, ownerTable != nil, ownerLog.isEmpty {
      for network in settings.networks where !owners.contains(where: { $0.network == network.id }) {
        log.add(
          ScenarioSettingsFile.fileName, row: settings.networkLines[network.id], "networks",
          "the network \(network.id) has no school owners in owners.csv.",
          fix: "add its member owners to owners.csv, or remove the network.")
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
    guard log.isEmpty, let settings, partnerTable != nil, ownerTable != nil, measureTable != nil else {
      throw ScenarioError(issues: log.issues)
    }
    return Scenario(
      year: settings.year, county: settings.county, title: settings.title, note: settings.note, schemes: settings.schemes,
      partners: partners, networks: settings.networks, owners: owners, measures: measures, policy: settings.policy,
      solver: settings.solver)
  }
}
