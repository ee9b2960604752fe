/// Gives out `id` attributes for a document's places (its sections, and the networks and measures
/// named by ids from the input files), so that a link such as `innstilling.html#tiltak-mt-dekom-2`
/// keeps working from one run to the next.
///
/// An anchor holds only `a`–`z`, `0`–`9`, `-` and `_`: capitals become small letters, æ, ø and å
/// become `ae`, `o` and `a`, and every other character becomes `-`, so no id from a file can
/// close the attribute or start markup. Two ids that come out alike (`A.1` and `a-1`) get `-2`,
/// `-3`, … in the order they are asked for, so the anchors are unique and, asked in the same order,
/// the same every time.
struct AnchorBook {
  private var given: Set<String> = []

  /// A new anchor `prefix` + `raw` (sanitised), unique among those this book has given.
  mutating func anchor(_ prefix: String, _ raw: String) -> String {
    let base = Self.sanitised(prefix + raw)
    var candidate = base
    var suffix = 2
    while given.contains(candidate) {
      candidate = "\(base)-\(suffix)"
      suffix += 1
    }
    given.insert(candidate)
    return candidate
  }

  /// `raw` with only `a`–`z`, `0`–`9`, `-` and `_` left (see the type's description).
  static func sanitised(_ raw: String) -> String {
    var anchor = ""
    for scalar in raw.unicodeScalars {
      switch scalar {
      case "a"..."z", "0"..."9", "-", "_": anchor.unicodeScalars.append(scalar)
      case "A"..."Z": anchor += String(scalar).lowercased()
      case "æ", "Æ": anchor += "ae"
      case "ø", "Ø": anchor += "o"
      case "å", "Å": anchor += "a"
      default: anchor += "-"
      }
    }
    return anchor.isEmpty ? "-" : anchor
  }
}

/// The Markdown (inline HTML, which Markdown passes on) of an empty element with `id` `anchor`:
/// the target of a link `#anchor`, in the rendered HTML and in a Markdown viewer.
func anchorMarkdown(_ anchor: String) -> String {
  "<a id=\"\(escapeHTML(anchor))\"></a>"
}

/// Escaped Markdown text (``Swift/String/markdownEscaped``) made fit for a link's text: its
/// escaped brackets become character references, so that a name with `[` or `]` cannot end the
/// link's text or start a link inside it.
func markdownLinkText(_ escaped: String) -> String {
  escaped.replacingOccurrences(of: "\\[", with: "&#91;").replacingOccurrences(of: "\\]", with: "&#93;")
}
