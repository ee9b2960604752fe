import Foundation
import TestSupport
import Testing

/// The allocation page of `dekom serve` shows what `dekom run`'s innstilling shows, explanations
/// included: at once without them while the explained run is computed off the page's way, then
/// with them, each measure's name linked to its page.
@Suite("dekom serve: the explained allocation page", .serialized)
struct ServeExplanationTests {
  /// A served folder with a small generated region `liten` (it explains in about a second) whose
  /// measure nett-03-dekom-5 is renamed to an id with a letter outside ASCII and a title with markup,
  /// and a variant `kutt` (the Dekom frame × 0.9).
  static func servedRegion() throws -> (root: URL, scenario: URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-serve-explained-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let scenario = root.appendingPathComponent("liten")
    let generated = try CommandLine.run(["generate", "--seed", "7", "--measures", "20", "--out", scenario.path])
    #expect(generated.status == 0, "\(generated.standardError)")
    let measures = scenario.appendingPathComponent("measures.csv")
    let text = try String(contentsOf: measures, encoding: .utf8)
    let renamed = text.replacingOccurrences(
      of: "nett-03-dekom-5;nett-03;dekom;5;Skriving som grunnleggende ferdighet;",
      with: "nett-03-dekom-5ø;nett-03;dekom;5;<i>Skriving</i> & lesing;")
    try #require(renamed != text)
    try renamed.write(to: measures, atomically: true, encoding: .utf8)
    let variants = scenario.appendingPathComponent("variants")
    try FileManager.default.createDirectory(at: variants, withIntermediateDirectories: true)
    try "title: Kutt\nframes:\n  dekom: {factor: 0.9}\n".write(
      to: variants.appendingPathComponent("kutt.yaml"), atomically: true, encoding: .utf8)
    return (root, scenario)
  }

  /// Asks for `path` until its explanations are no longer being computed (at most `seconds`).
  static func explained(_ server: ServedFolder, _ path: String, seconds: Double = 300) throws -> ServedFolder.Answer {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      let answer = try server.get(path)
      if answer.status != 200 || !answer.body.contains("id=\"explanations-pending\"") || Date() > deadline { return answer }
      Thread.sleep(forTimeInterval: 0.5)
    }
  }

  /// The document of an innstilling page from its section 2 to its last appendix (the method,
  /// whose time limit and input hashes are the run's own), with the page's links to measure pages
  /// made plain text.
  static func document(_ page: String, endingAt end: String = "<h2>Vedlegg B. ") -> String {
    let start = page.range(of: "<h2>2. ")?.lowerBound ?? page.endIndex
    let end = page.range(of: end)?.lowerBound ?? page.endIndex
    let part = start < end ? String(page[start..<end]) : ""
    return part.replacingOccurrences(of: #"<a href="/s/[^/"]*/measure/[^"]*">([^<]*)</a>"#, with: "$1", options: .regularExpression)
  }

  @Test("shown at once while the explanations are computed, reloading itself without a script; then as dekom run writes it")
  func explainedAllocation() throws {
    let (root, scenario) = try Self.servedRegion()
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try ServedFolder(root)
    defer { server.stop() }

    // The first request starts the explained run and is answered at once, without it.
    let first = try server.get("/s/liten")
    #expect(first.status == 200)
    #expect(first.body.contains("id=\"explanations-pending\">Forklaringene beregnes …"))
    #expect(first.body.contains("<meta http-equiv=\"refresh\" content=\"5; url=/s/liten?lang=nb\">"))
    #expect(first.body.contains("<a href=\"/s/liten?lang=nb\">Last inn nå</a>"))
    #expect(!first.body.contains("<h2>7. Venteliste per ordning</h2>"))
    #expect(first.body.contains("<h3>Midler per nettverk og ordning</h3>"))
    #expect(first.headers["content-security-policy"]?.contains("default-src 'none'") == true)
    #expect(!first.body.contains("<script"))

    let done = try Self.explained(server, "/s/liten")
    #expect(done.status == 200)
    for heading in ["<h2>6. Hva som skal til</h2>", "<h2>7. Venteliste per ordning</h2>", "<h2>Vedlegg A. Skyggepriser</h2>"] {
      #expect(done.body.contains(heading), "\(heading)")
    }
    #expect(!done.body.contains("http-equiv=\"refresh\"") && !done.body.contains("explanations-pending"))
    // Once computed, the same page, byte for byte.
    #expect(try server.get("/s/liten").body == done.body)

    // The renamed measure: linked with its id percent-encoded (in its network's table and on the
    // waiting list), its title escaped; the link opens its page.
    let link = "<a href=\"/s/liten/measure/nett-03-dekom-5%C3%B8?lang=nb\">&lt;i&gt;Skriving&lt;/i&gt; &amp; lesing (nett-03-dekom-5ø)</a>"
    #expect(done.body.components(separatedBy: link).count - 1 >= 3, "the network table, what it takes, the waiting list")
    #expect(!done.body.contains("<i>Skriving"))
    let measurePage = try server.get("/s/liten/measure/nett-03-dekom-5%C3%B8?lang=nb")
    #expect(measurePage.status == 200)
    #expect(measurePage.body.contains("&lt;i&gt;Skriving&lt;/i&gt;"))
    // … with the frame increase its waiting list gives, from the same explained run.
    let row = try #require(done.body.components(separatedBy: "<td align=\"right\">1</td><td>" + link + "</td>").dropFirst().first)
    let increase = try #require(
      row.components(separatedBy: "<td align=\"right\">").dropFirst().first?.components(separatedBy: "</td>").first)
    #expect(increase.hasPrefix("+") && increase.hasSuffix(" kr"))
    #expect(measurePage.body.contains("<strong>Økt ramme:</strong> \(increase)</li>"))
    #expect(measurePage.body.contains("Fra forklaringene av hele fordelingen, som i avsnitt 6 i innstillingen."))

    // What dekom run writes with the same time limit: the same document, from the measures'
    // tables (with the reasons the explained run adds) to the shadow prices; the owners' table
    // with each payer's egenandel among them.
    let out = root.appendingPathComponent("run-out")
    let run = try CommandLine.run(["run", scenario.path, "--out", out.path, "--time-limit", "30", "--quiet"])
    #expect(run.status == 0, "\(run.standardError)")
    let written = try String(contentsOf: out.appendingPathComponent("innstilling.html"), encoding: .utf8)
    #expect(written.contains("<h2>7. Venteliste per ordning</h2>") && written.contains("<th align=\"right\">Egenandel (kr)</th>"))
    #expect(!Self.document(written).isEmpty && Self.document(done.body) == Self.document(written))

    // The explanation is computed once: in English it is there at once.
    let english = try server.get("/s/liten?lang=en")
    #expect(english.body.contains("<h2>7. Waiting list per scheme</h2>") && english.body.contains("<h3>Money per network and scheme</h3>"))
    #expect(!english.body.contains("explanations-pending"))

    // A new variant file leaves the base's explanation as it is; a changed input file is a new
    // version, explained anew.
    try "title: Ny\nframes:\n  rekom: {factor: 0.5}\n".write(
      to: scenario.appendingPathComponent("variants/ny.yaml"), atomically: true, encoding: .utf8)
    let afterVariant = try server.get("/s/liten")
    #expect(afterVariant.body.contains("<h2>7. Venteliste per ordning</h2>") && !afterVariant.body.contains("explanations-pending"))
    let measures = scenario.appendingPathComponent("measures.csv")
    let text = try String(contentsOf: measures, encoding: .utf8)
    try text.replacingOccurrences(of: "Dybdelæring i fagfornyelsen", with: "Dybdelæring").write(
      to: measures, atomically: true, encoding: .utf8)
    let afterChange = try server.get("/s/liten")
    #expect(afterChange.body.contains("id=\"explanations-pending\"") && afterChange.body.contains("Dybdelæring (nett-03-dekom-6)"))
    let changed = try Self.explained(server, "/s/liten")
    #expect(changed.body.contains("<h2>7. Venteliste per ordning</h2>") && changed.body.contains("Dybdelæring (nett-03-dekom-6)"))
  }

  @Test(
    "a variant's page: the money per network and scheme with the change from the base, and its own explanations as dekom run --variant writes them"
  )
  func explainedVariant() throws {
    let (root, scenario) = try Self.servedRegion()
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try ServedFolder(root)
    defer { server.stop() }

    let english = try server.get("/s/liten/v/kutt?lang=en")
    #expect(english.status == 200)
    #expect(english.body.contains("id=\"explanations-pending\">The explanations are being computed …"))
    #expect(english.body.contains("<meta http-equiv=\"refresh\" content=\"5; url=/s/liten/v/kutt?lang=en\">"))
    #expect(english.body.contains("The change is from the base scenario."))
    // A saved variant's page reloads as it was asked for, so it keeps saying it was saved.
    let saved = try server.get("/s/liten/v/kutt?lang=nb&saved=1")
    if saved.body.contains("id=\"explanations-pending\"") {  // (unless the explained run is done already)
      #expect(saved.body.contains("<meta http-equiv=\"refresh\" content=\"5; url=/s/liten/v/kutt?lang=nb&amp;saved=1\">"))
    }
    #expect(saved.body.contains("Lagret som variants/kutt.yaml."))

    let page = try Self.explained(server, "/s/liten/v/kutt")
    #expect(page.body.contains("<h2>7. Venteliste per ordning</h2>"))
    #expect(
      page.body.contains("Tilskudd og midler til utviklingspartnere for hver listes tiltak, per ordning. Endringen er fra grunnscenarioet.")
    )
    #expect(
      page.body.contains("<th align=\"right\">Desentralisert kompetanseutvikling (Dekom) (kr)</th><th align=\"right\">Endring (kr)</th>"))
    // The Dekom frame is cut by a tenth: some list loses Dekom money.
    #expect(page.body.contains("<td align=\"right\">−"))

    let out = root.appendingPathComponent("run-out")
    let run = try CommandLine.run(["run", scenario.path, "--variant", "kutt", "--out", out.path, "--time-limit", "30", "--quiet"])
    #expect(run.status == 0, "\(run.standardError)")
    let written = try String(contentsOf: out.appendingPathComponent("innstilling.html"), encoding: .utf8)
    #expect(!Self.document(written).isEmpty && Self.document(page.body) == Self.document(written))
  }

  @Test("a plan's allocation page is its first year with the commitments for later years, as dekom run writes it, with nothing to wait for")
  func planAllocation() throws {
    let (root, scenario) = try ServeTests.servedCopy(of: "trondelag-plan", as: "plan")
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try ServedFolder(root)
    defer { server.stop() }

    let page = try server.get("/s/plan")
    #expect(page.status == 200)
    #expect(page.body.contains(". Forpliktelser for senere år</h2>"))
    // A plan is not explained (as dekom run does not explain one): nothing is computed or awaited.
    #expect(!page.body.contains("explanations-pending") && !page.body.contains("http-equiv=\"refresh\""))
    let out = root.appendingPathComponent("run-out")
    let run = try CommandLine.run(["run", scenario.path, "--out", out.path, "--time-limit", "30", "--quiet"])
    #expect(run.status == 0, "\(run.standardError)")
    let written = try String(contentsOf: out.appendingPathComponent("innstilling.html"), encoding: .utf8)
    let document = Self.document(written, endingAt: "<h2>Vedlegg A. ")
    #expect(document.contains("Forpliktelser for senere år") && Self.document(page.body, endingAt: "<h2>Vedlegg A. ") == document)
  }
}
