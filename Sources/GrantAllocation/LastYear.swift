/// Last year's allocation, as the scenario names it (`last_year_allocation` in `scenario.yaml`):
/// what each measure and partner had, which the stability stage keeps continuing measures and
/// partnerships close to, and what each network and owner received, which the innstilling
/// compares this year's money with.
public struct LastYearAllocation: Sendable, Equatable {
  /// The file, relative to the scenario folder, as `scenario.yaml` names it.
  public var file: String
  /// The year of that allocation, when the file says.
  public var year: Int?
  /// Shares and partner hours per measure id.
  public var reference: AllocationReference
  /// The grant (NOK) each network received.
  public var networkGrants: [NetworkID: Double]
  /// The grant (NOK) each school or kindergarten owner received.
  public var ownerGrants: [OwnerID: Double]

  public init(
    file: String, year: Int?, reference: AllocationReference, networkGrants: [NetworkID: Double], ownerGrants: [OwnerID: Double]
  ) {
    self.file = file
    self.year = year
    self.reference = reference
    self.networkGrants = networkGrants
    self.ownerGrants = ownerGrants
  }
}

extension Scenario {
  /// The allocation the stability stage stays close to when nothing else is asked: last year's
  /// shares and partner hours of the measures that continue this year (a commitment keeps its id),
  /// when the scenario names last year's allocation; otherwise none. Other ids in last year's file
  /// are other measures (ids are often places on a list) and steer nothing.
  public var lastYearReference: AllocationReference {
    guard let lastYear else { return AllocationReference() }
    let continuing = Set(measures.filter(\.continuing).map(\.id))
    return AllocationReference(
      shares: lastYear.reference.shares.filter { continuing.contains($0.key) },
      hours: lastYear.reference.hours.filter { continuing.contains($0.key) })
  }
}
