import Foundation
import GrantAllocation
import UserMessages

/// Parses the text of one cell (CSV) or scalar (YAML) the way a Norwegian spreadsheet writes it.
enum CellValues {
  /// Why a cell could not be read, and what to write instead.
  struct CellError: Error {
    var text: IssueText
    init(_ text: IssueText) { self.text = text }
  }

  /// Built once: a `CharacterSet` per cell was most of the load time at 10⁴ measures.
  private static let numberCharacters = CharacterSet(charactersIn: "0123456789.-+eE")
  private static let identifierCharacters = CharacterSet.letters.union(.decimalDigits).union(CharacterSet(charactersIn: "-_"))

  /// A decimal number: point or comma as decimal mark, spaces (also no-break) as thousand separators.
  ///
  /// - Parameters:
  ///   - text: the cell as written.
  ///   - decimalComma: whether the file writes decimals with a comma (`true`), a point
  ///     (`false`), or cannot be told (`nil`). In a file with decimal comma, points are thousand
  ///     separators (`1.050` is 1 050, `1.500.000` is 1 500 000); where it cannot be told, a lone
  ///     `x.yyy` (1–3 digits, not starting with 0, a point, three digits) could be either, and is an
  ///     error that asks which.
  /// - Returns: the number, or what is wrong with the cell and how to fix it.
  static func number(_ text: String, decimalComma: Bool? = nil) -> Result<Double, CellError> {
    let trimmed = Blanks.trimmed(text)
    if let grouped = thousandPoints(trimmed, decimalComma: decimalComma) { return grouped }
    // Most cells are plain ASCII numbers: read them without the Foundation calls below (the same
    // checks, for the characters that can occur here).
    if let plain = plainNumber(trimmed) { return plain }
    var cleaned = trimmed.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
      .replacingOccurrences(of: " ", with: "")
    let lowered = cleaned.lowercased()
    if lowered.contains("nan") || lowered.contains("inf") {
      return .failure(CellError(.notFiniteNumber(trimmed)))
    }
    if lowered.hasSuffix("kr") || lowered.hasSuffix("nok") || lowered.hasSuffix("%") {
      return .failure(CellError(.numberWithUnit(trimmed)))
    }
    let commas = cleaned.filter { $0 == "," }.count
    let points = cleaned.filter { $0 == "." }.count
    if commas + points > 1 {
      return .failure(CellError(.severalDecimalMarks(trimmed)))
    }
    cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
    guard !cleaned.isEmpty, cleaned.unicodeScalars.allSatisfy(numberCharacters.contains), let value = Double(cleaned), value.isFinite
    else {
      return .failure(CellError(.notANumber(trimmed)))
    }
    return .success(value)
  }

  /// Points as thousand separators (`1.050`, `1.500.000`, `1.050,5`), or the question which a lone
  /// `1.050` means; `nil` for text without such a point, which the other rules read.
  private static func thousandPoints(_ text: String, decimalComma: Bool?) -> Result<Double, CellError>? {
    guard text.contains(".") else { return nil }
    var body = Substring(text)
    let negative = body.hasPrefix("-") || body.hasPrefix("−")
    if negative { body = body.dropFirst() }
    let parts = body.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
    let groups = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    let digits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
    guard groups.count >= 2, groups.allSatisfy(digits), (1...3).contains(groups[0].count), groups[0].first != "0",
      groups.dropFirst().allSatisfy({ $0.count == 3 }), parts.count == 1 || digits(parts[1])
    else { return nil }
    // A lone x.yyy without a decimal comma after it: a thousand point only in a decimal-comma file.
    if groups.count == 2 && parts.count == 1 {
      switch decimalComma {
      case false?: return nil
      case nil:
        return .failure(CellError(.ambiguousPoint(text, thousands: groups.joined(), head: String(groups[0]), tail: String(groups[1]))))
      case true?: break
      }
    }
    let whole = groups.joined()
    guard let value = Double(whole + (parts.count == 2 ? "." + parts[1] : "")) else { return nil }
    return .success(negative ? -value : value)
  }

  /// Whether the cells of a file write decimals with a comma (`true`) or a point (`false`): the
  /// marks of the cells that are plainly decimals (`0,5`, `24,5`; `0.5`, `1.25`); `nil` when the
  /// file has none of either, or both.
  static func decimalComma(of cells: [String]) -> Bool? {
    var comma = false
    var point = false
    for cell in cells {
      let text = cell.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
      guard text.count >= 3, text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." || $0 == "-" }) else { continue }
      let commas = text.filter { $0 == "," }.count
      let points = text.filter { $0 == "." }.count
      guard commas + points == 1, let mark = text.firstIndex(where: { $0 == "," || $0 == "." }) else { continue }
      let before = text[..<mark].filter(\.isNumber)
      let after = text[text.index(after: mark)...]
      guard !before.isEmpty, !after.isEmpty, after.allSatisfy(\.isNumber) else { continue }
      // 1.050 and 1,050 could be either; only other decimals tell.
      if after.count == 3 && before.first != "0" && before.count <= 3 { continue }
      if text[mark] == "," { comma = true } else { point = true }
    }
    return comma == point ? nil : comma
  }

  /// `number` for text of ASCII digits, signs, exponent marks and at most one decimal mark; `nil`
  /// for any other text (spaces, units, words), which takes the general path.
  private static func plainNumber(_ trimmed: String) -> Result<Double, CellError>? {
    var marks = 0
    for byte in trimmed.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
      case UInt8(ascii: "."), UInt8(ascii: ","): marks += 1
      default: return nil
      }
    }
    guard !trimmed.isEmpty, marks <= 1 else { return nil }
    let decimal = marks == 0 ? trimmed : String(trimmed.map { $0 == "," ? "." : $0 })
    guard let value = Double(decimal), value.isFinite else {
      return .failure(CellError(.notANumber(trimmed)))
    }
    return .success(value)
  }

  /// A whole number (`12`, `1 200`; `12,0` is accepted, `12,5` is not).
  static func wholeNumber(_ text: String, decimalComma: Bool? = nil) -> Result<Int, CellError> {
    switch number(text, decimalComma: decimalComma) {
    case .failure(let failure): return .failure(failure)
    case .success(let value):
      guard value.rounded() == value, abs(value) < 1e15 else {
        return .failure(CellError(.notAWholeNumber(Blanks.trimmed(text))))
      }
      return .success(Int(value))
    }
  }

  /// A share: a decimal (`0.5`, `0,5`) or a fraction (`1/3`).
  static func share(_ text: String) -> Result<Double, CellError> {
    let trimmed = Blanks.trimmed(text)
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 2 {
      guard case .success(let numerator) = number(String(parts[0])), case .success(let denominator) = number(String(parts[1])),
        denominator != 0
      else {
        return .failure(CellError(.notAFraction(trimmed)))
      }
      return .success(numerator / denominator)
    }
    return number(trimmed)
  }

  static let yesWords: Set<String> = ["ja", "j", "yes", "y", "true", "sant", "1", "x"]
  static let noWords: Set<String> = ["nei", "n", "no", "false", "usant", "0", ""]

  /// Yes or no: `ja`/`nei`, `yes`/`no`, `true`/`false`, `1`/`0`, `x`/empty.
  static func yesNo(_ text: String) -> Result<Bool, CellError> {
    let lowered = Blanks.trimmed(text).lowercased()
    if yesWords.contains(lowered) { return .success(true) }
    if noWords.contains(lowered) { return .success(false) }
    return .failure(CellError(.notYesNo(text)))
  }

  /// A list in one cell, separated by `|`, `,` (inside quotes), `;` or spaces.
  static func list(_ text: String) -> [String] {
    text.split { "| ,;\t".contains($0) }.map(String.init)
  }

  /// An id: letters (æøå too), digits, `-` and `_`.
  static func identifier(_ text: String) -> Result<String, CellError> {
    let trimmed = Blanks.trimmed(text)
    guard !trimmed.isEmpty, trimmed.count <= 64, trimmed.unicodeScalars.allSatisfy(identifierCharacters.contains) else {
      return .failure(CellError(.notAnID(trimmed)))
    }
    return .success(trimmed)
  }
}

extension CellValues {
  /// A calendar date `YYYY-MM-DD`.
  static func date(_ text: String) -> Result<String, CellError> {
    let trimmed = Blanks.trimmed(text)
    let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    let lengths = parts.map(\.count)
    guard lengths == [4, 2, 2], let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (2000...2100).contains(year), (1...12).contains(month)
    else {
      return .failure(CellError(.notADate(trimmed)))
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard (1...days).contains(day) else {
      return .failure(CellError(.notACalendarDay(trimmed)))
    }
    return .success(trimmed)
  }

  /// A payment schedule: dates separated by `|` (or spaces), each optionally followed by `:` and
  /// its share (`2027-04-30:1/2|2028-04-30:1/2`); without shares the dates share equally. The
  /// shares must add up to 1 and the dates be in order, each once.
  static func paymentSchedule(_ text: String) -> Result<PaymentSchedule, CellError> {
    let items = text.split { "| \t".contains($0) }.map(String.init)
    guard !items.isEmpty else {
      return .failure(CellError(.emptyPaymentSchedule))
    }
    var instalments: [PaymentSchedule.Instalment] = []
    var sharesGiven = 0
    for item in items {
      let pieces = item.split(separator: ":", maxSplits: 1).map(String.init)
      let date: String
      switch Self.date(pieces[0]) {
      case .success(let value): date = value
      case .failure(let failure): return .failure(failure)
      }
      var share = 1 / Double(items.count)
      if pieces.count == 2 {
        sharesGiven += 1
        switch Self.share(pieces[1]) {
        case .success(let value) where value > 0 && value <= 1: share = value
        default:
          return .failure(CellError(.scheduleShareOutside(pieces[1])))
        }
      }
      if let last = instalments.last, last.date >= date {
        return .failure(CellError(.datesOutOfOrder(earlier: last.date, later: date)))
      }
      instalments.append(PaymentSchedule.Instalment(date: date, share: share))
    }
    if sharesGiven != 0 && sharesGiven != items.count {
      return .failure(CellError(.someDatesWithoutShare))
    }
    let total = instalments.reduce(0) { $0 + $1.share }
    guard abs(total - 1) < 1e-6 else {
      return .failure(CellError(.sharesNotOne(total: total)))
    }
    return .success(PaymentSchedule(instalments))
  }
}
