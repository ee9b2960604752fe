import GrantAllocation

extension Scenario {
  /// Measures as the innstilling lists them within a network: by scheme (the scenario's order),
  /// rank and id.
  ///
  /// - Parameter indices: positions in ``Scenario/measures``.
  /// - Returns: the same positions, sorted.
  func reportOrder(_ indices: [MeasureIndex]) -> [MeasureIndex] {
    let schemeOrder = Dictionary(uniqueKeysWithValues: schemes.enumerated().map { ($0.element.id, $0.offset) })
    return indices.sorted {
      let (a, b) = (measures[$0], measures[$1])
      return (schemeOrder[a.scheme] ?? 0, a.rank, a.id.rawValue) < (schemeOrder[b.scheme] ?? 0, b.rank, b.id.rawValue)
    }
  }

  /// Every measure's position, network by network (the scenario's order) and then the joint
  /// measures, each group in ``reportOrder(_:)``: the order of the innstilling's tables.
  var measuresInReportOrder: [MeasureIndex] {
    let groups = networks.map { MeasureHolder.network($0.id) } + [.joint]
    let byHolder = measureIndicesByHolder
    return groups.flatMap { reportOrder(byHolder[$0] ?? []) }
  }

  /// Every measure's position, grouped by the network (or the joint list) that holds it, each
  /// group in ``measures`` order.
  var measureIndicesByHolder: [MeasureHolder: [MeasureIndex]] { Dictionary(grouping: measureIndices, by: { measures[$0].holder }) }
}
