import GrantAllocation

/// A document rendered from one ``ReportInput``: the allocation, its kroner, the words and the
/// names, each reached the same way in every renderer.
protocol ReportRenderer {
  /// What the document renders.
  var input: ReportInput { get }
}

extension ReportRenderer {
  var result: AllocationResult { input.result }
  var scenario: Scenario { input.result.scenario }
  var settlement: Settlement { input.settlement }
  var messages: any Messages { input.messages }
  /// Names for a Markdown document, escaped (CSV and JSON renderers use ``ReportInput/names``).
  var names: NameBook { input.markdownNames }
  var provenance: ReportProvenance { input.provenance }
}

extension ReportRenderer {
  /// A measure's name, as a Markdown link to `address` when one is given (a page of `dekom serve`).
  func measureName(_ id: MeasureID, linkedTo address: ((MeasureID) -> String)?) -> String {
    guard let address else { return names.measure(id) }
    return "[" + names.measure(id) + "](" + markdownLinkDestination(address(id)) + ")"
  }
}

/// An address as a Markdown link's destination that no input can break out of: every character
/// but ASCII letters, digits and `-._~/?=%:#` percent-encoded (UTF-8), `&` as `&amp;` (the HTML
/// renderer copies the destination into `href` as it is).
func markdownLinkDestination(_ address: String) -> String {
  var destination = ""
  for byte in address.utf8 {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      destination.append(Character(Unicode.Scalar(byte)))
    case _ where "-._~/?=%:#".utf8.contains(byte): destination.append(Character(Unicode.Scalar(byte)))
    case UInt8(ascii: "&"): destination += "&amp;"
    default: destination += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
  }
  return destination
}
