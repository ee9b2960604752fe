import Foundation
import TestSupport
import Testing

/// Input text that tries to become markup or a spreadsheet formula, in every text column and key
/// of the example scenarios: every output shows it as text. Scripts, images and `javascript:`
/// links never reach an HTML file or page; Markdown shows it escaped; `allocation.csv` starts no
/// cell with a formula.
@Suite("Hostile input text", .serialized)
struct HostileInputTests {
  static let payloads = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[klikk](javascript:alert(1))", "=HYPERLINK(0)+1",
  ]

  /// A copy of `scenarios/NAME` whose names, titles, notes and county carry the payloads.
  static func hostileCopy(of name: String) throws -> ScenarioFolder {
    let source = repositoryRoot.appendingPathComponent("scenarios/\(name)")
    let folder = try ScenarioFolder(copying: source)
    try FileManager.default.copyItem(at: source.appendingPathComponent("variants"), to: folder.url.appendingPathComponent("variants"))
    var payload = 0
    func next() -> String {
      defer { payload += 1 }
      return payloads[payload % payloads.count]
    }
    // scenario.yaml: the title, the county, the note, and every name (schemes and networks).
    var yaml: [String] = []
    var inNote = false
    for line in try folder.read("scenario.yaml").split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      // A folded note (`note: >-`) goes on over the indented lines after it: they go with it.
      if inNote && line.hasPrefix("  ") { continue }
      inNote = false
      if line.hasPrefix("note: ") {
        yaml.append("note: '\(next())'")
        inNote = true
        continue
      }
      var replaced = line
      for key in ["title: ", "county: ", "    name: "] where line.hasPrefix(key) {
        replaced = key + "'" + next() + " " + line.dropFirst(key.count).replacingOccurrences(of: "'", with: "''") + "'"
      }
      yaml.append(replaced)
    }
    try folder.write("scenario.yaml", yaml.joined(separator: "\n"))
    // The CSV files: each text column gets a payload in front of its value.
    for (file, columns) in [
      ("partners.csv", ["name"]), ("owners.csv", ["name"]), ("measures.csv", ["title", "note"]),
    ] {
      var lines = try folder.read(file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let header = lines[0].replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ";", omittingEmptySubsequences: false)
      let positions = columns.compactMap { column in header.firstIndex { $0 == column } }
      for index in lines.indices.dropFirst() where !lines[index].isEmpty {
        var cells = lines[index].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        for position in positions where position < cells.count { cells[position] = next() + " " + cells[position] }
        lines[index] = cells.joined(separator: ";")
      }
      try folder.write(file, lines.joined(separator: "\n"))
    }
    // Each variant's title.
    let variants = folder.url.appendingPathComponent("variants")
    for file in try FileManager.default.contentsOfDirectory(atPath: variants.path) {
      let url = variants.appendingPathComponent(file)
      let text = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix("title: ") ? "title: '\(next()) \(line.dropFirst(7))'" : String(line)
      }
      try text.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }
    return folder
  }

  /// An HTML output with no markup from the payloads, the payloads shown as text, and the policy.
  static func expectSafeHTML(_ html: String, _ what: String, policy: Bool = true) {
    #expect(!html.contains("<script"), "\(what): a script element")
    #expect(!html.contains("<img"), "\(what): an img element")
    #expect(!html.lowercased().contains("href=\"javascript:"), "\(what): a javascript: link")
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(what): the script payload is not shown as text")
    if policy {
      #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"), "\(what): no policy")
    }
  }

  /// A CSV with no cell that starts with a formula (`separator` between cells), and with the
  /// formula payload shown as text where `payload` says a name with it is in the file.
  static func expectNoFormula(_ csv: String, separator: Character = ",", payload: Bool = true) {
    for line in csv.split(separator: "\n") {
      let cells = line.split(separator: separator, omittingEmptySubsequences: false)
      #expect(!cells.contains { $0.hasPrefix("=") || $0.hasPrefix("\"=") || $0.hasPrefix("+") || $0.hasPrefix("@") }, "\(line)")
    }
    if payload { #expect(csv.contains("'=HYPERLINK(0)+1")) }
  }

  @Test("the innstilling, its HTML, the CSV, the comparison and the pages show hostile text as text")
  func yearScenario() throws {
    let folder = try Self.hostileCopy(of: "trondelag")
    defer { folder.remove() }
    #expect(try CommandLine.run(["check", folder.url.path]).status == 0)
    let run = try CommandLine.run(["run", folder.url.path, "--no-explain", "--quiet"])
    #expect(run.status == 0, "\(run.standardError)")
    let markdown = try folder.read("out/innstilling.md")
    #expect(!markdown.contains("<script") && !markdown.contains("<img"))
    #expect(!markdown.replacingOccurrences(of: "\\]", with: "").contains("](javascript"), "an unescaped Markdown link")
    #expect(markdown.contains("\\[klikk\\](javascript:alert(1))"))
    Self.expectSafeHTML(try folder.read("out/innstilling.html"), "innstilling.html")
    Self.expectNoFormula(try folder.read("out/allocation.csv"))
    Self.expectNoFormula(try folder.read("out/tiltak.csv"), separator: ";")
    // Recipients are owners and partners, whichever payloads their names got.
    Self.expectNoFormula(try folder.read("out/utbetalinger.csv"), separator: ";", payload: false)
    let compare = try CommandLine.run(["compare", folder.url.path, "--quiet"])
    #expect(compare.status == 0, "\(compare.standardError)")
    Self.expectSafeHTML(try folder.read("out/compare.html"), "compare.html")
    #expect(!(try folder.read("out/compare.md")).contains("<script"))

    // The same folder served: the list, the allocation, a variant, the comparison, a measure.
    let server = try ServedFolder(folder.url)
    defer { server.stop() }
    let name = folder.url.lastPathComponent
    for path in ["/", "/s/\(name)", "/s/\(name)/v/rekom-kutt", "/s/\(name)/compare", "/s/\(name)/measure/fk-dekom-2"] {
      let page = try server.get(path)
      #expect(page.status == 200, "\(path)")
      Self.expectSafeHTML(page.body, path, policy: false)
      #expect(page.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
    }
  }

  @Test("the long-term plan shows hostile text as text")
  func plan() throws {
    let folder = try Self.hostileCopy(of: "trondelag-plan")
    defer { folder.remove() }
    let run = try CommandLine.run(["run", folder.url.path, "--no-explain", "--quiet"])
    #expect(run.status == 0, "\(run.standardError)")
    for file in ["innstilling.html", "langsiktig-plan.html"] { Self.expectSafeHTML(try folder.read("out/\(file)"), file) }
    #expect(!(try folder.read("out/langsiktig-plan.md")).contains("<script"))
    Self.expectNoFormula(try folder.read("out/allocation.csv"))
  }
}
