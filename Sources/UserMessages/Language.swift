/// The language of everything dekom writes for people: Norwegian bokmål by default, English on
/// request (`--lang en`).
public enum Language: String, Sendable, CaseIterable {
  case nb
  case en
}

extension Language {
  /// A number in a message: whole numbers without decimals, others with the language's decimal
  /// mark (`0,5` in bokmål, `0.5` in English); in bokmål, whole numbers from 10 000 up in groups
  /// of three (`1 500 000`), as the scenario files accept them.
  public func number(_ value: Double) -> String {
    guard value.rounded() == value && abs(value) < 1e15 else {
      let text = String(value)
      return self == .nb ? text.replacingOccurrences(of: ".", with: ",") : text
    }
    let whole = Int(value)
    guard self == .nb, abs(whole) >= 10_000 else { return String(whole) }
    var digits = Array(String(abs(whole)))
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits.removeLast(3)
    }
    groups.insert(String(digits), at: 0)
    return (whole < 0 ? "-" : "") + groups.joined(separator: " ")
  }

  /// A list of items in a sentence: `a, b og c` / `a, b and c`; here only ids, joined by commas.
  func ids(_ items: [String]) -> String { items.joined(separator: ", ") }
}

/// Text from a scenario's files, made safe to print: control characters (a terminal's escape
/// sequences, line breaks inside a value) are shown as `\u{1B}` and so on, never sent as they are.
public func visible(_ text: String) -> String {
  var result = ""
  for scalar in text.unicodeScalars {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value)
    {
      result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
    } else {
      result.unicodeScalars.append(scalar)
    }
  }
  return result
}
