import Foundation

/// Anchors (`&name`) and aliases (`*name`) are refused before a YAML file is composed: scenario
/// files have no use for them, and nested aliases make a few hundred bytes expand to millions of
/// nodes (found by fuzzing: Yams hashes the expanded tree when it checks mapping keys).
enum YAMLAliases {
  /// An anchor or alias where a YAML node starts: at the start of a line, or after `: `, `- `,
  /// `? `, `[`, `{` or `,`.
  private static let pattern = try! NSRegularExpression(pattern: #"(^\s*|:\s+|-\s+|\?\s+|[\[{,]\s*)[&*][^\s,\[\]{}]"#)

  /// The first line (counting from 1) that holds an anchor or alias, if any.
  static func firstLine(in text: String) -> Int? {
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(line)
      if pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil { return offset + 1 }
    }
    return nil
  }
}
