import Foundation
import GrantAllocation

/// Reads last year's `allocation.json` (`last_year_allocation` in `scenario.yaml`): the shares and
/// partner hours per measure, and the grants per network and owner. Only what is read is checked;
/// anything else in the file is left alone, so any allocation.json of `dekom run` will do.
enum LastYearFile {
  private struct File: Decodable {
    var year: Int?
    var measures: [MeasureEntry]
    var networks: [MoneyEntry]?
    var owners: [MoneyEntry]?
  }

  private struct MeasureEntry: Decodable {
    var id: String
    var share: Double
    var partners: [PartnerEntry]?
  }

  private struct PartnerEntry: Decodable {
    var partner: String
    var role: String
    var hours: Double
  }

  private struct MoneyEntry: Decodable {
    var id: String
    var grantNok: Double
  }

  /// The allocation in `data`, or `nil` (logged against `path`) when it is not one.
  static func read(_ data: Data, path: String, log: inout IssueLog) -> LastYearAllocation? {
    func fail(_ detail: String) -> LastYearAllocation? {
      log.add(path, row: nil, nil, .lastYearNotAnAllocation(detail: detail))
      return nil
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let file: File
    do {
      file = try decoder.decode(File.self, from: data)
    } catch DecodingError.keyNotFound(let key, let context) {
      return fail("\(Self.place(context.codingPath + [key])) is missing")
    } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
      return fail("\(Self.place(context.codingPath)) has the wrong kind of value")
    } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
      return fail("\(Self.place(context.codingPath)) cannot be read")
    } catch {
      return fail("not JSON")
    }
    var reference = AllocationReference()
    for (position, measure) in file.measures.enumerated() {
      let place = "measures[\(position)]"
      guard measure.share.isFinite, (0...1).contains(measure.share) else { return fail("\(place).share = \(measure.share)") }
      guard reference.shares[MeasureID(measure.id)] == nil else { return fail("\(place).id \(measure.id) appears twice") }
      reference.shares[MeasureID(measure.id)] = measure.share
      for (line, partner) in (measure.partners ?? []).enumerated() {
        let linePlace = "\(place).partners[\(line)]"
        guard let role = PartnerRole(rawValue: partner.role) else { return fail("\(linePlace).role = \(partner.role)") }
        guard partner.hours.isFinite, partner.hours >= 0, partner.hours <= 1e7 else { return fail("\(linePlace).hours = \(partner.hours)") }
        reference.hours[MeasureID(measure.id), default: [:]][PartnerID(partner.partner), default: [:]][role, default: 0] += partner.hours
      }
    }
    func grants(_ entries: [MoneyEntry]?, _ name: String) -> [String: Double]? {
      var found: [String: Double] = [:]
      for (position, entry) in (entries ?? []).enumerated() {
        guard found[entry.id] == nil else {
          _ = fail("\(name)[\(position)].id \(entry.id) appears twice")
          return nil
        }
        guard entry.grantNok.isFinite, entry.grantNok >= 0, entry.grantNok <= 1e11 else {
          _ = fail("\(name)[\(position)].grant_nok = \(entry.grantNok)")
          return nil
        }
        found[entry.id] = entry.grantNok
      }
      return found
    }
    guard let networks = grants(file.networks, "networks"), let owners = grants(file.owners, "owners") else { return nil }
    if let year = file.year, !(2000...2100).contains(year) { return fail("year = \(year)") }
    return LastYearAllocation(
      file: path, year: file.year, reference: reference,
      networkGrants: Dictionary(uniqueKeysWithValues: networks.map { (NetworkID($0.key), $0.value) }),
      ownerGrants: Dictionary(uniqueKeysWithValues: owners.map { (OwnerID($0.key), $0.value) }))
  }

  /// A JSON place as `measures[3].share`.
  private static func place(_ path: [any CodingKey]) -> String {
    path.reduce("") { text, key in
      if let index = key.intValue { return text + "[\(index)]" }
      let name = key.stringValue.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1_$2", options: .regularExpression).lowercased()
      return text.isEmpty ? name : text + "." + name
    }
  }
}
