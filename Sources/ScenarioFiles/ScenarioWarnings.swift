import GrantAllocation
import ScenarioFormat
import UserMessages

private typealias Columns = ScenarioSchema.Owners

/// What `dekom check` warns about in a valid scenario: values that are allowed but look wrong, and
/// data that are read but used by nothing.
public enum ScenarioWarnings {
  /// An hourly price below this or above ``highestLikelyHourlyPrice`` is probably a typing error
  /// (e.g. `1.050` meant as 1,05 kr, or a yearly salary in the price column).
  public static let lowestLikelyHourlyPrice = 100.0
  public static let highestLikelyHourlyPrice = 10_000.0

  /// The warnings for `scenario`, in a fixed order.
  public static func warnings(for scenario: Scenario) -> [ScenarioIssue] {
    var warnings: [ScenarioIssue] = []
    for partner in scenario.partners {
      for role in PartnerRole.allCases where partner.hours(role) > 0 {
        let price = partner.hourlyPrice(role)
        guard price < lowestLikelyHourlyPrice || price > highestLikelyHourlyPrice else { continue }
        warnings.append(
          ScenarioIssue(
            file: PartnersFile.fileName, row: nil, field: ScenarioSchema.price(role.rawValue),
            .unusualHourlyPrice(
              partner: partner.id.rawValue, price: price, role: role.rawValue, low: lowestLikelyHourlyPrice, high: highestLikelyHourlyPrice)
          ))
      }
    }
    // Every size column that is read is used by a key, or said to be unused.
    let used = Set(scenario.schemes.map(\.sizeMeasure))
    let given: [(SizeMeasure, String, Bool)] = [
      (.pupils, Columns.pupils, true),
      (.teacherFTE, Columns.teacherFTE, scenario.owners.contains { $0.teacherFTE != nil }),
      (.kindergartenChildren, Columns.kindergartenChildren, scenario.owners.contains { $0.kindergartenChildren != nil }),
      (.kindergartenStaff, Columns.kindergartenStaff, scenario.owners.contains { $0.kindergartenStaff != nil }),
    ]
    for (measure, column, present) in given where present {
      let usedBy = scenario.schemes.filter {
        $0.sizeMeasure == measure
          || ($0.sizeMeasure == .pupilsAndKindergartenChildren && (measure == .pupils || measure == .kindergartenChildren))
      }
      guard usedBy.isEmpty, !used.isEmpty else { continue }
      warnings.append(
        ScenarioIssue(
          file: OwnersFile.fileName, row: nil, field: column,
          .sizeColumnUnused(measure: measure.rawValue)))
    }
    return warnings
  }
}
