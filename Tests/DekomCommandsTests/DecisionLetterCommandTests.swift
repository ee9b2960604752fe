import Foundation
import TestSupport
import Testing

/// `dekom run` writes `vedtak/`: the scenario's own template and terms, a broken template, and a
/// folder of letters that is written whole.
@Suite("decision letters from the command line")
struct DecisionLetterCommandTests {
  static let terms = """

    vedtak:
      conditions:
        - Tiltakene evalueres sammen med UH.
        - <b>Ingen</b> markup fra filen.
      reporting: Rapporter i Statsforvalterens skjema.
      reporting_deadline: 2028-03-01
      contact: Kari Nordmann, sfXXpost@statsforvalteren.no
      appeal: Klagen sendes til Statsforvalteren innen tre uker.

    """

  func run(_ folder: ScenarioFolder, _ extra: [String] = []) throws -> CommandLine.Output {
    try CommandLine.run(["run", folder.url.path, "--quiet", "--no-explain"] + extra)
  }

  func letters(_ folder: ScenarioFolder) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out/vedtak").path).sorted()
  }

  @Test("the vedtak: section and vedtak.mustache of the scenario folder make the letters")
  func customTemplate() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try folder.write("scenario.yaml", try folder.read("scenario.yaml") + Self.terms)
    let output = try run(folder)
    #expect(output.status == 0, "\(output.standardError)")
    let standard = try folder.read("out/vedtak/ntnu.md")
    #expect(standard.contains("- Tiltakene evalueres sammen med UH.\n- &lt;b&gt;Ingen&lt;/b&gt; markup fra filen.\n"))
    #expect(standard.contains("Rapporter i Statsforvalterens skjema.") && standard.contains("**1. mars 2028**"))
    #expect(standard.contains("Kari Nordmann") && standard.contains("Klagen sendes til Statsforvalteren innen tre uker."))
    #expect(!standard.contains("forvaltningsloven"), "the scenario's appeal text replaces the default one")

    try folder.write("vedtak.mustache", "Vedtak for {{recipient}}: {{total}} kr{{#payments}}, {{date}}{{/payments}}.\n")
    #expect(try run(folder).status == 0)
    #expect(try folder.read("out/vedtak/ntnu.md").hasPrefix("Vedtak for NTNU: "))
    #expect(try folder.read("out/vedtak/ntnu.md").contains(", 30. juni 2027."))
    #expect(try folder.read("out/vedtak/ntnu.html").contains("<p>Vedtak for NTNU: "))
    // One letter per recipient: the partner and the networks' hosts (a host whose id has no
    // letter a file name can use gets a made-up name).
    #expect(try letters(folder).filter { $0.hasSuffix(".md") }.count >= 3)
  }

  @Test("a broken vedtak.mustache: a bokmål error with the file and line, exit 1, nothing written")
  func brokenTemplate() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try folder.write("vedtak.mustache", "# Vedtak\n\n{{#schemes}}\n{{scheme}}\n{{/payments}}\n")
    let output = try run(folder)
    #expect(output.status == 1)
    #expect(output.standardError.contains("vedtak.mustache:5: malen kan ikke leses"), "\(output.standardError)")
    #expect(output.standardError.contains("slett vedtak.mustache for å bruke standardmalen"))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    let check = try CommandLine.run(["check", folder.url.path])
    #expect(check.status != 0 && check.standardError.contains("vedtak.mustache:5:"), "\(check.standardError)")
  }

  @Test("a wrong value in vedtak: is an error with its key, like any other in scenario.yaml")
  func wrongTerms() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try folder.write("scenario.yaml", try folder.read("scenario.yaml") + "vedtak:\n  reporting_deadline: 1. mars\n  klage: x\n")
    let check = try CommandLine.run(["check", folder.url.path])
    #expect(check.status != 0)
    #expect(check.standardError.contains("vedtak.reporting_deadline"), "\(check.standardError)")
    #expect(check.standardError.contains("klage"), "\(check.standardError)")
  }

  @Test("the letters' folder is written whole: a letter to no one is gone, a file of the user's stays")
  func folderWrittenWhole() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    #expect(try run(folder).status == 0)
    let first = try letters(folder)
    try Data("gammel".utf8).write(to: folder.url.appendingPathComponent("out/vedtak/borte.md"))
    #expect(try run(folder).status == 0)
    #expect(try letters(folder) == first)
    // A file dekom did not write: the folder is not replaced, the letters are (each on its own).
    try Data("mine".utf8).write(to: folder.url.appendingPathComponent("out/vedtak/notater.txt"))
    #expect(try run(folder).status == 0)
    #expect(try folder.read("out/vedtak/notater.txt") == "mine")
    #expect(try letters(folder) == (first + ["notater.txt"]).sorted())
  }
}
