import Foundation
import GrantAllocation

/// Reads `owners.csv`.
enum OwnersFile {
  static let fileName = "owners.csv"
  static let columns = [
    ColumnSpec(name: "id", required: true), ColumnSpec(name: "name", required: true),
    ColumnSpec(name: "network", required: true), ColumnSpec(name: "kind", required: true),
    ColumnSpec(name: "pupils", required: true), ColumnSpec(name: "teacher_fte", required: false),
    ColumnSpec(name: "kindergarten_staff", required: false),
  ]

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
          id: OwnerID(id), name: name, network: NetworkID(network), kind: kind, pupils: pupils, teacherFTE: teachers,
          kindergartenStaff: staff))
    }
    return owners
  }
}
