/// Reads the Markdown tables of a rendered report and checks that every total row equals the sum
/// of the rows above it, in every money column (headers ending in "(kr)" or "(NOK)").
public struct ReportTotalsVerifier {
  /// The first cell of a total row, in any report language.
  static let totalLabels: Set<String> = ["**Sum**", "**Total**"]

  public let markdown: String

  public init(markdown: String) { self.markdown = markdown }

  public func violations() -> [Violation] {
    var found: [Violation] = []
    var header: [String]?
    var sums: [Int: Int] = [:]
    var tableNumber = 0
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        header = nil
        continue
      }
      let cells = Self.cells(of: String(line))
      guard let header else {
        header = cells
        sums = [:]
        tableNumber += 1
        continue
      }
      if cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } && !$0.isEmpty }) { continue }  // the rule under the header
      let moneyColumns = header.indices.filter { header[$0].hasSuffix("(kr)") || header[$0].hasSuffix("(NOK)") }
      if let first = cells.first, Self.totalLabels.contains(first) {
        for column in moneyColumns where column < cells.count && !cells[column].isEmpty {
          guard let total = Self.kroner(cells[column]) else {
            found.append(
              Violation(.reportTotal, "table \(tableNumber), column '\(header[column])': total '\(cells[column])' is not an amount"))
            continue
          }
          if total != sums[column, default: 0] {
            found.append(
              Violation(
                .reportTotal,
                "table \(tableNumber), column '\(header[column])': total \(total) kr, rows sum to \(sums[column, default: 0]) kr"))
          }
        }
        sums = [:]
        continue
      }
      for column in moneyColumns where column < cells.count {
        guard let amount = Self.kroner(cells[column]) else {
          found.append(Violation(.reportTotal, "table \(tableNumber), column '\(header[column])': '\(cells[column])' is not an amount"))
          continue
        }
        sums[column, default: 0] += amount
      }
    }
    return found
  }

  /// The cells of a table row, with escaped pipes kept inside their cell.
  static func cells(of line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in line.dropFirst() {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
        current.append(character)
      } else if character == "|" {
        cells.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
    }
    return cells
  }

  /// Whole kroner as printed: `1 234 567`, `1,234,567`, `−1 500`, `+1 500` (a change), optionally in bold.
  static func kroner(_ cell: String) -> Int? {
    var text = cell.replacingOccurrences(of: "**", with: "")
    let negative = text.hasPrefix("−") || text.hasPrefix("-")
    if negative || text.hasPrefix("+") { text.removeFirst() }
    let digits = text.filter { $0 != " " && $0 != "," && $0 != "\u{00A0}" }
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let value = Int(digits) else { return nil }
    return negative ? -value : value
  }
}
