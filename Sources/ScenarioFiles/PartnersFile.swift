import Foundation
import GrantAllocation
import ScenarioFormat
import UserMessages

private typealias Columns = ScenarioSchema.Partners

/// Reads `partners.csv`.
enum PartnersFile {
  static let fileName = Columns.fileName
  static let columns = Columns.columns
  static let largestHours = 1e7
  static let largestHourlyPrice = 1e5

  static func read(_ table: CSVTable, log: inout IssueLog) -> [Partner] {
    var partners: [Partner] = []
    var firstRow: [String: Int] = [:]
    for row in table.rows {
      var reader = RowReader(file: fileName, row: row)
      let id = reader.identifier(Columns.id)
      let name = reader.requiredText(Columns.name)
      let kind = reader.choice(Columns.kind, as: PartnerKind.self)
      let inRegion = reader.yesNo(Columns.inRegion, default: true)
      var capacity: [PartnerRole: Double] = [:]
      var price: [PartnerRole: Double] = [:]
      for role in PartnerRole.allCases {
        capacity[role] = reader.number(ScenarioSchema.hours(role.rawValue), required: true, in: 0...largestHours, unit: .hours)
        price[role] = reader.number(ScenarioSchema.price(role.rawValue), required: true, in: 0...largestHourlyPrice, unit: .nokPerHour)
      }
      if let id {
        if let first = firstRow[id] {
          reader.fail(Columns.id, .idTwice(id, firstRow: first, entity: .partner))
        } else {
          firstRow[id] = row.number
        }
      }
      if let pool = capacity[.pool], let partner2 = capacity[.partner2], pool == 0 && partner2 == 0 {
        reader.fail(ScenarioSchema.hours(PartnerRole.pool.rawValue), .partnerWithoutHours)
      }
      log.append(contentsOf: reader.log)
      guard reader.log.isEmpty, let id, let name, let kind, let inRegion else { continue }
      partners.append(Partner(id: PartnerID(id), name: name, kind: kind, insideRegion: inRegion, capacity: capacity, price: price))
    }
    return partners
  }
}
