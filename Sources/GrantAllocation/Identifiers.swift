/// An id as written in the scenario files: letters (æøå too), digits, `-` and `_`.
public protocol ScenarioIdentifier: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  var rawValue: String { get }
  init(_ rawValue: String)
}

extension ScenarioIdentifier {
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { rawValue }
  public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// Identifies a grant scheme, e.g. `dekom`.
public struct SchemeID: ScenarioIdentifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a partner institution, e.g. `ntnu`.
public struct PartnerID: ScenarioIdentifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a competence network, e.g. `sorvest`.
public struct NetworkID: ScenarioIdentifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a school owner, e.g. `orkland`.
public struct OwnerID: ScenarioIdentifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a measure, unique over the scenario.
public struct MeasureID: ScenarioIdentifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}
