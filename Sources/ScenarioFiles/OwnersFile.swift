import Foundation
import GrantAllocation

/// Reads `owners.csv`.
enum OwnersFile {
  static let fileName = "owners.csv"
  static let columns = [
    ColumnSpec(name: "id", required: true), ColumnSpec(name: "name", required: true),
    ColumnSpec(name: "network", required: true), ColumnSpec(name: "kind", required: true),
    ColumnSpec(name: "pupils", required: true), ColumnSpec(name: "teacher_fte", required: false),
    ColumnSpec(name: "kindergarten_staff", required: false), ColumnSpec(name: "kindergarten_children", required: false),
    ColumnSpec(name: "owns", required: false), ColumnSpec(name: "joined_agreement", required: false),
  ]

  /// The words `owns` takes, in bokmål and English.
  static let institutionWords: [String: Set<Institution>] = [
    "skoler": [.schools], "skole": [.schools], "schools": [.schools],
    "barnehager": [.kindergartens], "barnehage": [.kindergartens], "kindergartens": [.kindergartens],
    "begge": [.schools, .kindergartens], "both": [.schools, .kindergartens],
  ]

  /// `owns`: `skoler`, `barnehager` or `begge` (or a list of the first two).
  static func institutions(_ text: String) -> Set<Institution>? {
    let words = CellValues.list(text.lowercased())
    guard !words.isEmpty else { return nil }
    var result: Set<Institution> = []
    for word in words {
      guard let found = institutionWords[word] else { return nil }
      result.formUnion(found)
    }
    return result
  }

  static func read(_ table: CSVTable, networks: Set<NetworkID>, log: inout IssueLog) -> [SchoolOwner] {
    var owners: [SchoolOwner] = []
    var firstRow: [String: Int] = [:]
    for row in table.rows {
      var reader = RowReader(file: fileName, row: row)
      let id = reader.identifier("id")
      let name = reader.requiredText("name")
      let network = reader.identifier("network")
      let kind = reader.choice("kind", as: OwnerKind.self)
      let pupils = reader.wholeNumber("pupils", required: true, in: 0...10_000_000, unit: "pupils")
      let teachers = reader.number("teacher_fte", required: false, in: 0...1_000_000, unit: "FTE")
      let staff = reader.wholeNumber("kindergarten_staff", required: false, in: 0...1_000_000, unit: "staff")
      let children = reader.wholeNumber("kindergarten_children", required: false, in: 0...10_000_000, unit: "children")
      var owns: Set<Institution>?
      if reader.has("owns") {
        owns = institutions(reader.text("owns"))
        if owns == nil {
          reader.fail(
            "owns", "\"\(reader.text("owns"))\" does not say what the owner runs.",
            fix: "write skoler, barnehager or begge (schools, kindergartens or both).")
        }
      }
      let joined = reader.has("joined_agreement") ? reader.yesNo("joined_agreement", default: nil) : nil
      if let network, !networks.contains(NetworkID(network)) {
        reader.fail(
          "network", "\"\(network)\" is not a network in scenario.yaml.",
          fix: "write one of: \(networks.sorted().map(\.rawValue).joined(separator: ", ")), or add the network to scenario.yaml.")
      }
      if let id {
        if let first = firstRow[id] {
          reader.fail("id", "the id \(id) is also used on row \(first).", fix: "give every school owner its own id.")
        } else {
          firstRow[id] = row.number
        }
      }
      log.append(contentsOf: reader.log)
      guard reader.log.isEmpty, let id, let name, let network, let kind, let pupils else { continue }
      owners.append(
        SchoolOwner(
          id: OwnerID(id), name: name, network: NetworkID(network), kind: kind, owns: owns, pupils: pupils, teacherFTE: teachers,
          kindergartenChildren: children, kindergartenStaff: staff, joinedAgreement: joined))
    }
    return owners
  }
}
