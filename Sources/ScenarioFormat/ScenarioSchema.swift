/// The names in a scenario folder — files, CSV columns and YAML keys — as docs/scenario-format.md
/// gives them, spelled once: the loaders read them, the generator and the what-if page write them.
///
/// Only names live here; what a value may be, and the messages about it, stay with the readers.
public enum ScenarioSchema {
  /// The partner roles as column and key names spell them (`pool_hours`, `partner2_price_nok`):
  /// the raw values of `PartnerRole`, in its order.
  public static let roles = ["pool", "partner2"]

  /// The column or key of the hours in `role` (`pool_hours`).
  public static func hours(_ role: String) -> String { "\(role)_hours" }

  /// The column or key of the hourly price in `role` (`pool_price_nok`).
  public static func price(_ role: String) -> String { "\(role)_price_nok" }

  /// One column of a CSV file: its name in the header, and whether every file must have it.
  public struct Column: Sendable, Equatable {
    /// The column's name in the header row (lower case).
    public let name: String
    /// Whether the header must have the column.
    public let required: Bool

    /// A column named `name`.
    public init(_ name: String, required: Bool) {
      self.name = name
      self.required = required
    }
  }
}
