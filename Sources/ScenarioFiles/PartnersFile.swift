import Foundation
import GrantAllocation

/// Reads `partners.csv`.
enum PartnersFile {
  static let fileName = "partners.csv"
  static let columns = [
    ColumnSpec(name: "id", required: true), ColumnSpec(name: "name", required: true),
    ColumnSpec(name: "kind", required: true), ColumnSpec(name: "in_region", required: false),
    ColumnSpec(name: "pool_hours", required: true), ColumnSpec(name: "pool_price_nok", required: true),
    ColumnSpec(name: "partner2_hours", required: true), ColumnSpec(name: "partner2_price_nok", required: true),
  ]
  static let largestHours = 1e7
  static let largestHourlyPrice = 1e5

  static func read(_ table: CSVTable, log: inout IssueLog) -> [Partner] {
    var partners: [Partner] = []
    var firstRow: [String: Int] = [:]
    for row in table.rows {
      var reader = RowReader(file: fileName, row: row)
      let id = reader.identifier("id")
      let name = reader.requiredText("name")
      let kind = reader.choice("kind", as: PartnerKind.self)
      let inRegion = reader.yesNo("in_region", default: true)
      var capacity: [PartnerRole: Double] = [:]
      var price: [PartnerRole: Double] = [:]
      for role in PartnerRole.allCases {
        capacity[role] = reader.number("\(role.rawValue)_hours", required: true, in: 0...largestHours, unit: "hours")
        price[role] = reader.number("\(role.rawValue)_price_nok", required: true, in: 0...largestHourlyPrice, unit: "NOK per hour")
      }
      if let id {
        if let first = firstRow[id] {
          reader.fail("id", "the id \(id) is also used on row \(first).", fix: "give every partner its own id.")
        } else {
          firstRow[id] = row.number
        }
      }
      if let pool = capacity[.pool], let partner2 = capacity[.partner2], pool == 0 && partner2 == 0 {
        reader.fail(
          "pool_hours", "the partner has no hours in either role, so no measure can use it.",
          fix: "give it pool or partner-2 hours, or remove it here and from the measures' partners.")
      }
      log.append(contentsOf: reader.log)
      guard reader.log.isEmpty, let id, let name, let kind, let inRegion else { continue }
      partners.append(Partner(id: PartnerID(id), name: name, kind: kind, insideRegion: inRegion, capacity: capacity, price: price))
    }
    return partners
  }
}
