/// Escapes text for HTML element content and attribute values.
public func escapeHTML(_ text: String) -> String {
  var escaped = ""
  escaped.reserveCapacity(text.count)
  for character in text {
    switch character {
    case "&": escaped += "&amp;"
    case "<": escaped += "&lt;"
    case ">": escaped += "&gt;"
    case "\"": escaped += "&quot;"
    case "'": escaped += "&#39;"
    default: escaped.append(character)
    }
  }
  return escaped
}

extension String {
  /// Text with Markdown's and HTML's special characters escaped, for a line of a generated document.
  public var markdownEscaped: String {
    var escaped = ""
    for character in self {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "#": escaped += "\\" + String(character)
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "&": escaped += "&amp;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
