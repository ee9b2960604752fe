import Foundation

/// A scenario folder in a fresh temporary directory, for loader and command-line tests.
public struct ScenarioFolder {
  public let url: URL

  /// A small valid scenario: two networks, one partner, four measures (one ineligible).
  public static let valid: [String: String] = [
    "scenario.yaml": """
    year: 2027
    county: Testfylke
    schemes:
      - id: dekom
        name: Dekom
        frame_nok: 1000000
        egenandel_rate: 0.30
        partner_kinds: [uh]
    networks:
      - id: nord
        name: Nordnettet
      - id: sor
        name: Sørnettet
        cost_sharing: {equal: 0.5, pupils: 0.5}
    policy:
      fairness: {floor: 0.5, key: {equal: 0.5, pupils: 0.5}}
      priority: {weighting: strict_tiers, value: count}

    """,
    "partners.csv": "id;name;kind;pool_hours;pool_price_nok;partner2_hours;partner2_price_nok\nntnu;NTNU;uh;100;1000;300;1000\n",
    "owners.csv": "id;name;network;kind;pupils\nå;Åfjord;nord;kommune;1000\nb;Bø;nord;kommune;3000\nc;Cø;sor;kommune;2000\n",
    "measures.csv": """
    id;network;scheme;rank;title;cost_nok;pool_hours;partner2_hours;partners;min_share;school_based;collective;in_local_plan
    n1;nord;dekom;1;Lesing;300 000;20;100;ntnu;0,5;ja;ja;ja
    n2;nord;dekom;2;Regning;200 000;10;100;ntnu;1;ja;ja;ja
    s1;sor;dekom;1;Klasseledelse;250 000;20;100;ntnu;1;ja;ja;ja
    s2;sor;dekom;2;Videreutdanning;100 000;0;0;ntnu;1;nei;ja;ja

    """,
  ]

  /// Writes `files` (name → contents) into a new temporary folder.
  public init(_ files: [String: String] = ScenarioFolder.valid) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, contents) in files { try write(name, contents) }
  }

  /// A copy of the folder at `source`: its files and its folders but `out/` and `variants/`.
  public init(copying source: URL) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      var isDirectory: ObjCBool = false
      let path = source.appendingPathComponent(name)
      // Files, and the folders of other input files (last year's allocation); not the outputs
      // (`out/`) nor the variants, which a test copies when it wants them.
      if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory),
        !isDirectory.boolValue || !["out", "variants"].contains(name)
      {
        try FileManager.default.copyItem(at: path, to: url.appendingPathComponent(name))
      }
    }
  }

  public func write(_ name: String, _ contents: String) throws {
    try Data(contents.utf8).write(to: url.appendingPathComponent(name))
  }

  public func write(_ name: String, bytes: [UInt8]) throws {
    try Data(bytes).write(to: url.appendingPathComponent(name))
  }

  public func read(_ name: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
  }

  /// Replaces the first occurrence of `old` with `new` in file `name`.
  public func edit(_ name: String, replacing old: String, with new: String) throws {
    let text = try read(name)
    precondition(text.contains(old), "\(name) has no \(old)")
    try write(name, text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)))
  }

  public func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The repository's root, found from this source file's path.
public let repositoryRoot: URL = {
  var url = URL(fileURLWithPath: #filePath)
  while url.path != "/" {
    url.deleteLastPathComponent()
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
  }
  return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}()
