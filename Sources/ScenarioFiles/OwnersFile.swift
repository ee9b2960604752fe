import Foundation
import GrantAllocation
import ScenarioFormat
import UserMessages

private typealias Columns = ScenarioSchema.Owners

/// Reads `owners.csv`.
enum OwnersFile {
  static let fileName = Columns.fileName
  static let columns = Columns.columns

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
      let id = reader.identifier(Columns.id)
      let name = reader.requiredText(Columns.name)
      let network = reader.identifier(Columns.network)
      let kind = reader.choice(Columns.kind, as: OwnerKind.self)
      let pupils = reader.wholeNumber(Columns.pupils, required: true, in: 0...10_000_000, unit: .pupils)
      let teachers = reader.number(Columns.teacherFTE, required: false, in: 0...1_000_000, unit: .fte)
      let staff = reader.wholeNumber(Columns.kindergartenStaff, required: false, in: 0...1_000_000, unit: .staff)
      let children = reader.wholeNumber(Columns.kindergartenChildren, required: false, in: 0...10_000_000, unit: .children)
      var owns: Set<Institution>?
      if reader.has(Columns.owns) {
        owns = institutions(reader.text(Columns.owns))
        if owns == nil {
          reader.fail(Columns.owns, .ownsUnclear(reader.text(Columns.owns)))
        }
      }
      let joined = reader.has(Columns.joinedAgreement) ? reader.yesNo(Columns.joinedAgreement, default: nil) : nil
      if let network, !networks.contains(NetworkID(network)) {
        reader.fail(Columns.network, .ownerNetworkUnknown(network, networks: networks.sorted().map(\.rawValue)))
      }
      if let id {
        if let first = firstRow[id] {
          reader.fail(Columns.id, .idTwice(id, firstRow: first, entity: .owner))
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
