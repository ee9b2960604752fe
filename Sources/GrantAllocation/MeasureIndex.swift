/// The position of a measure in ``Scenario/measures``, starting at 0.
///
/// Typed, as ``LinearProgramming/VariableIndex`` and ``LinearProgramming/ConstraintIndex`` are, so
/// that a measure's position is never mistaken for a variable, a row, a rank or a count. Arrays
/// that run parallel to the measures (``AllocationFormulation/funded``, shares, costs) are read
/// with it directly.
public struct MeasureIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Zero-based position in ``Scenario/measures``.
  public let rawValue: Int

  public init(_ rawValue: Int) { self.rawValue = rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { "measure #\(rawValue)" }
}

extension Array {
  /// The element at a measure's position, in an array parallel to ``Scenario/measures``.
  public subscript(_ index: MeasureIndex) -> Element {
    get { self[index.rawValue] }
    set { self[index.rawValue] = newValue }
  }
}

extension Scenario {
  /// Every measure's position, in ``measures`` order.
  public var measureIndices: [MeasureIndex] { measures.indices.map(MeasureIndex.init) }

  /// Every measure with its position, in ``measures`` order.
  public var indexedMeasures: [(index: MeasureIndex, measure: Measure)] {
    measures.enumerated().map { (MeasureIndex($0.offset), $0.element) }
  }
}
