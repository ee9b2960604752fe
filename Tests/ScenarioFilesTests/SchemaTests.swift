import Foundation
import GrantAllocation
import ScenarioFormat
import TestSupport
import Testing

/// The one schema of the scenario files agrees with the domain's words and with the documentation.
@Suite("Scenario schema")
struct SchemaTests {
  @Test("the roles in column and key names are PartnerRole's, in its order")
  func rolesAreThePartnerRoles() {
    #expect(ScenarioSchema.roles == PartnerRole.allCases.map(\.rawValue))
  }

  @Test("every column of every CSV file is documented in docs/scenario-format.md")
  func columnsAreDocumented() throws {
    let documentation = try String(
      contentsOf: repositoryRoot.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
    let columns =
      ScenarioSchema.Partners.columns + ScenarioSchema.Owners.columns + ScenarioSchema.Measures.columns
      + ScenarioSchema.PartnerYears.columns + ScenarioSchema.MeasureYears.columns
    let missing = Set(columns.map(\.name)).filter { !documentation.contains("`\($0)`") }
    #expect(missing.isEmpty, "not in docs/scenario-format.md: \(missing.sorted())")
  }

  @Test("every key of scenario.yaml and of a variant is documented in docs/scenario-format.md")
  func keysAreDocumented() throws {
    let documentation = try String(
      contentsOf: repositoryRoot.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
    typealias Settings = ScenarioSchema.Settings
    typealias Variant = ScenarioSchema.Variant
    let keys =
      Settings.keys + Settings.Scheme.keys + Settings.Network.keys + Settings.CostSharing.keys + [Settings.CostSharing.splits]
      + Settings.Policy.keys + Settings.Policy.fairnessKeys + Settings.Policy.priorityKeys + Settings.Solver.keys
      + Settings.Horizon.keys + [Settings.Horizon.forecast] + Variant.keys + Variant.Frame.keys + Variant.Measure.keys
      + Variant.Policy.keys + ScenarioSchema.roles.map(Variant.Partner.addHours)
    // A key is documented alone (`frame_nok`) or in a path (`fairness.key.equal`).
    let missing = Set(keys).filter { key in ["`\(key)", ".\(key)`", ".\(key)."].allSatisfy { !documentation.contains($0) } }
    #expect(missing.isEmpty, "not in docs/scenario-format.md: \(missing.sorted())")
  }
}
