/// The position of a variable in a ``LinearModel``, starting at 0.
///
/// Typed so that a variable index is never mistaken for a constraint index or a count.
public struct VariableIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Zero-based position in ``LinearModel/variables``.
  public let rawValue: Int

  public init(_ rawValue: Int) { self.rawValue = rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { "x\(rawValue)" }
}

/// The position of a constraint (row) in a ``LinearModel``, starting at 0.
public struct ConstraintIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Zero-based position in ``LinearModel/constraints``.
  public let rawValue: Int

  public init(_ rawValue: Int) { self.rawValue = rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { "r\(rawValue)" }
}
