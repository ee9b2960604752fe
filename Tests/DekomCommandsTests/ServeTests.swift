import Foundation
import Synchronization
import TestSupport
import Testing

/// `dekom serve` over HTTP, as a browser or a hostile client would speak to it: the pages, what is
/// never served, requests that are too large or malformed, and the what-if against `dekom run`.
@Suite("dekom serve", .serialized)
struct ServeTests {
  /// A served folder holding a copy of the Trøndelag example (with its variants) as `trondelag`.
  static func servedCopy(of example: String = "trondelag", as name: String = "trondelag") throws -> (root: URL, scenario: URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-serve-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let scenario = root.appendingPathComponent(name)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("scenarios/\(example)"), to: scenario)
    try? FileManager.default.removeItem(at: scenario.appendingPathComponent("out"))
    return (root, scenario)
  }

  @Test("every page answers with its status and its content, in bokmål and in English")
  func pages() throws {
    let (root, _) = try Self.servedCopy()
    let server = try ServedFolder(root)
    defer { server.stop() }

    let list = try server.get("/")
    #expect(list.status == 200)
    #expect(list.headers["content-type"] == "text/html; charset=utf-8")
    #expect(list.body.contains("<html lang=\"nb\">"))
    #expect(list.body.contains("href=\"/s/trondelag?lang=nb\""))
    for variant in ["dmmh-flere-timer", "hoyere-minsteniva", "orkland-forst", "rekom-kutt"] {
      #expect(list.body.contains("/s/trondelag/v/\(variant)?lang=nb"))
    }
    #expect(!list.body.contains("<script"))

    let allocation = try server.get("/s/trondelag")
    #expect(allocation.status == 200)
    #expect(allocation.body.contains("Felles årlig innstilling"))
    // The charts of innstilling.html: money per scheme, money per network in each of the three schemes, partner hours.
    #expect(allocation.body.components(separatedBy: "<svg").count - 1 == 5)
    #expect(allocation.body.contains("/s/trondelag/measure/sv-dekom-3?lang=nb"))

    let english = try server.get("/s/trondelag?lang=en")
    #expect(english.status == 200)
    #expect(english.body.contains("<html lang=\"en\">"))
    #expect(english.body.contains("Explanation per measure"))

    let variant = try server.get("/s/trondelag/v/rekom-kutt")
    #expect(variant.status == 200)
    #expect(variant.body.contains("7 470 000"))  // the Rekom frame cut by 10 %

    let compare = try server.get("/s/trondelag/compare?lang=nb&v=rekom-kutt&v=dmmh-flere-timer")
    #expect(compare.status == 200)
    #expect(compare.body.contains("Variant rekom-kutt:"))
    #expect(compare.body.contains("Variant dmmh-flere-timer:"))
    #expect(!compare.body.contains("Variant orkland-forst:"))
    #expect(compare.body.contains("name=\"v\" value=\"orkland-forst\""))

    let measure = try server.get("/s/trondelag/measure/sv-dekom-3")
    #expect(measure.status == 200)
    #expect(measure.body.contains("Hva som skal til for å innvilge tiltaket fullt"))
    #expect(measure.body.contains("Økt ramme"))

    let form = try server.get("/s/trondelag/whatif")
    #expect(form.status == 200)
    #expect(form.body.contains("name=\"frames.rekom.factor\""))
    #expect(form.body.contains("name=\"partners.dmmh.partner2_hours\""))
    #expect(form.body.contains("name=\"measures.sv-dekom-3.rank\""))

    // A one-year scenario has no long-term plan: no link to one, and its address says why.
    #expect(!allocation.body.contains("/s/trondelag/plan"))
    let noPlan = try server.get("/s/trondelag/plan")
    #expect(noPlan.status == 404)
    #expect(noPlan.body.contains("ingen langsiktig plan"))

    #expect(try server.get("/s/nowhere").status == 404)
    #expect(try server.get("/s/trondelag/v/nowhere").status == 404)
    #expect(try server.get("/s/trondelag/measure/nowhere").status == 404)
    #expect(try server.get("/s/trondelag/compare?v=nowhere").status == 404)
    #expect(server.isRunning)
  }

  @Test("nothing outside the served folder is served, by any address or link")
  func traversal() throws {
    let (root, scenario) = try Self.servedCopy()
    // A secret beside the served folder, a link to it from inside, and a scenario folder that is a
    // link to a copy outside.
    let outside = root.deletingLastPathComponent().appendingPathComponent("dekom-outside-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try "TOP SECRET".write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(at: scenario, to: outside.appendingPathComponent("elsewhere"))
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent("elsewhere"), withDestinationURL: outside.appendingPathComponent("elsewhere"))
    try FileManager.default.createSymbolicLink(
      at: scenario.appendingPathComponent("variants/secret.yaml"), withDestinationURL: outside.appendingPathComponent("secret.txt"))
    let server = try ServedFolder(root)
    defer { server.stop() }

    let list = try server.get("/")
    #expect(list.status == 200)
    #expect(!list.body.contains("/s/elsewhere"))  // the linked scenario outside is not listed
    #expect(list.body.contains("variants/secret.yaml"))  // the linked variant is named as a problem …
    #expect(!list.body.contains("TOP SECRET"))  // … and never read
    for path in [
      "/../../../../etc/passwd", "/s/../../../../etc/passwd", "/s/..%2f..%2f..%2fetc%2fpasswd", "/s/trondelag/v/..%2f..%2fsecret",
      "/s/trondelag/v/secret", "/s/elsewhere", "/s/trondelag/../../secret.txt", "//etc/passwd", "/s/trondelag/measure/..%2fscenario.yaml",
      "/s/%2e%2e/%2e%2e/etc/passwd", "/s/trondelag/scenario.yaml", "/scenarios/trondelag/scenario.yaml",
    ] {
      let answer = try server.get(path)
      #expect([400, 404, 422].contains(answer.status), "\(path): \(answer.status)")
      #expect(!answer.body.contains("root:x:0"), "\(path)")
      #expect(!answer.body.contains("TOP SECRET"), "\(path)")
      #expect(!answer.body.contains("county: Trøndelag"), "\(path)")
    }
    #expect(server.isRunning)
  }

  @Test("oversized and malformed requests are refused and the server goes on")
  func badRequests() throws {
    let (root, scenario) = try Self.servedCopy()
    let server = try ServedFolder(root)
    defer { server.stop() }

    let huge = String(repeating: "a", count: 1_000_000)
    let oversized = try server.post("/s/trondelag/save", form: "name=x&title=\(huge)")
    #expect(oversized.status == 413)
    #expect(!FileManager.default.fileExists(atPath: scenario.appendingPathComponent("variants/x.yaml").path))

    let badEscape = try server.get("/s/trondelag/whatif?frames.rekom.factor=%zz")
    #expect(badEscape.status == 400)
    let notUTF8 = try server.post("/s/trondelag/save", form: "name=%ff%fe&frames.rekom.factor=0.9")
    #expect(notUTF8.status == 400)
    let manyFields = try server.get("/s/trondelag/whatif?" + Array(repeating: "a=1", count: 3_000).joined(separator: "&"))
    #expect(manyFields.status == 400)

    for raw in [
      "HELLO\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
      "POST /s/trondelag/save HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n",
      "GET /\u{0}\u{1}\u{2} HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "y", count: 200_000) + "\r\n\r\n",
    ] {
      let answer = try server.send(raw: Data(raw.utf8), timeoutSeconds: 20)
      #expect(answer.status == 0 || (400..<500).contains(answer.status), "\(raw.prefix(40)): \(answer.status)")
    }
    #expect(try server.get("/s/trondelag/save").status == 404)  // GET of a POST-only address
    #expect(server.isRunning)
    #expect(try server.get("/").status == 200)
  }

  @Test("form values get the variant files' messages next to their fields, and nothing is solved")
  func fieldMessages() throws {
    let (root, _) = try Self.servedCopy()
    let server = try ServedFolder(root)
    defer { server.stop() }

    let wrong = try server.get("/s/trondelag/whatif?frames.rekom.factor=abc&partners.ntnu.pool_hours=-5")
    #expect(wrong.status == 422)
    #expect(
      wrong.body.contains(
        "id=\"f-frames-rekom-factor-error\">«abc» er ikke et tall. Slik retter du det: skriv et tall, for eksempel 1500 eller 0,5."))
    #expect(wrong.body.contains("id=\"f-partners-ntnu-pool_hours-error\">-5 er utenfor det tillatte området 0–10 000 000 timer."))
    #expect(!wrong.body.contains("Fix:"))
    #expect(wrong.body.contains("value=\"abc\""))  // what was typed stays in the field
    #expect(!wrong.body.contains("id=\"solved\""))
    let english = try server.get("/s/trondelag/whatif?lang=en&frames.rekom.factor=abc&partners.ntnu.pool_hours=-5")
    #expect(english.status == 422)
    #expect(english.body.contains("id=\"f-frames-rekom-factor-error\">&quot;abc&quot; is not a number. Fix: write a number"))
    #expect(english.body.contains("id=\"f-partners-ntnu-pool_hours-error\">-5 is outside the allowed range 0–10000000 hours."))

    let rank = try server.get("/s/trondelag/whatif?measures.sv-dekom-3.rank=99")
    #expect(rank.status == 422)
    #expect(rank.body.contains("id=\"f-measures-sv-dekom-3-rank-error\">measures: sv-dekom-3 kan ikke flyttes til plass 99"))
    let englishRank = try server.get("/s/trondelag/whatif?lang=en&measures.sv-dekom-3.rank=99")
    #expect(englishRank.body.contains("id=\"f-measures-sv-dekom-3-rank-error\">measures: sv-dekom-3 cannot move to rank 99"))

    // Text typed into a field is quoted as text in the message, never as markup.
    let hostile = try server.get("/s/trondelag/whatif?frames.rekom.factor=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    #expect(hostile.status == 422)
    #expect(hostile.body.contains("«&lt;script&gt;alert(1)&lt;/script&gt;» er ikke et tall."))
    #expect(!hostile.body.contains("<script>alert(1)"))
  }

  @Test("a plan scenario's pages link its long-term plan, which the page shows as dekom run writes it")
  func planPage() throws {
    let (root, scenario) = try Self.servedCopy(of: "trondelag-plan", as: "plan")
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try ServedFolder(root)
    defer { server.stop() }

    let allocation = try server.get("/s/plan")
    #expect(allocation.status == 200)
    #expect(allocation.body.contains("href=\"/s/plan/plan?lang=nb\">Langsiktig plan</a>"))
    let plan = try server.get("/s/plan/plan")
    #expect(plan.status == 200)
    #expect(plan.body.contains("<nav class=\"site\">"))
    // The same document as dekom run's langsiktig-plan.md (its Markdown, rendered), chart included.
    let out = root.appendingPathComponent("run-out")
    let run = try CommandLine.run(["run", scenario.path, "--out", out.path, "--quiet"])
    #expect(run.status == 0, "\(run.standardError)")
    let written = try String(contentsOf: out.appendingPathComponent("langsiktig-plan.html"), encoding: .utf8)
    let body = { (page: String) in page.components(separatedBy: "</nav>").last?.components(separatedBy: "<svg").last ?? "" }
    #expect(!body(written).isEmpty && body(plan.body).hasSuffix(body(written)))
    #expect(plan.body.contains("<svg"))
    let english = try server.get("/s/plan/plan?lang=en")
    #expect(english.status == 200)
    #expect(english.body.contains("<html lang=\"en\">"))
  }

  @Test("a what-if gives the numbers dekom run --variant gives for the saved variant")
  func whatIfMatchesRun() throws {
    let (root, scenario) = try Self.servedCopy()
    let server = try ServedFolder(root)
    defer { server.stop() }
    // Every kind of field: a frame, hours, a rank, a cost, the meeting's locks (fund in full, not
    // at all), a criterion and the policy.
    let changes =
      "frames.rekom.factor=0.9&partners.dmmh.partner2_hours=1400&measures.sv-dekom-3.rank=1&measures.sv-dekom-2.cost_nok=600000"
      + "&measures.sv-dekom-3.lock=full&measures.fo-dekom-1.lock=none&measures.fo-dekom-2.collective=nei&policy.fairness_floor=0.3"

    let page = try server.get("/s/trondelag/whatif?lang=nb&" + changes)
    #expect(page.status == 200)
    #expect(page.body.contains("id=\"solved\""))
    // Titled by what it changed, in the form's order (frames, partners, measures), not "hva-om";
    // the save form suggests that title.
    let summary =
      "rekom: ramme × 0.9; dmmh: partner 2-timer 1400; sv-dekom-2: kostnad 600000 kr; sv-dekom-3: finansier fullt; "
      + "sv-dekom-3: prioritet 1; fo-dekom-1: ikke finansier; fo-dekom-2: kollektivt nei; rettferdighetsgulv (andel av nøkkelen) 0.3"
    #expect(page.body.contains("Variant hva-om: " + summary), "the what-if's title")
    #expect(page.body.contains("value=\"" + summary + "\""), "the save form's suggested title")
    let english = try server.get("/s/trondelag/whatif?lang=en&" + changes)
    #expect(english.body.contains("rekom: frame × 0.9; dmmh: partner 2 hours 1400; sv-dekom-2: cost 600000 NOK; sv-dekom-3: fund in full;"))
    // The lists offer the choices, with the one asked selected.
    #expect(page.body.contains("<option value=\"none\" selected>Ikke finansier</option>"))
    #expect(page.body.contains("<option value=\"nei\" selected>Nei</option>"))
    // Names and titles get a keyboard with letters; numbers the decimal one.
    #expect(page.body.contains("<input type=\"text\" id=\"f-name\""))
    #expect(page.body.contains("<input type=\"text\" inputmode=\"decimal\" id=\"f-frames-rekom-factor\""))
    let json = try server.get("/s/trondelag/whatif?" + changes + "&view=json")
    #expect(json.status == 200)
    let served = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])

    let saved = try server.post("/s/trondelag/save", form: "lang=nb&name=nettsiden&title=Fra+nettsiden&" + changes)
    #expect(saved.status == 303)
    #expect(saved.headers["location"] == "/s/trondelag/v/nettsiden?lang=nb&saved=1")
    let out = root.appendingPathComponent("run-out")
    let run = try CommandLine.run(["run", scenario.path, "--variant", "nettsiden", "--out", out.path, "--quiet", "--no-explain"])
    #expect(run.status == 0, "\(run.standardError)")
    let written = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("allocation.json"))) as? [String: Any])
    for key in ["measures", "schemes", "owners", "partners", "fairness"] {
      let left = try JSONSerialization.data(withJSONObject: served[key] ?? NSNull(), options: [.sortedKeys])
      let right = try JSONSerialization.data(withJSONObject: written[key] ?? NSNull(), options: [.sortedKeys])
      #expect(left == right, "allocation.json differs in \(key)")
    }
    // The locks hold in the saved variant's run, said as the forum's decisions.
    let measures = try #require(written["measures"] as? [[String: Any]])
    let dropped = try #require(measures.first { $0["id"] as? String == "fo-dekom-1" })
    let funded = try #require(measures.first { $0["id"] as? String == "sv-dekom-3" })
    #expect(dropped["share"] as? Double == 0 && funded["share"] as? Double == 1)
    #expect((dropped["reasons"] as? [[String: Any]])?.first?["code"] as? String == "locked_by_forum", "\(dropped)")
    // The page shows the Rekom total that allocation.json gives, as the innstilling writes kroner.
    let schemes = try #require(written["schemes"] as? [[String: Any]])
    let rekom = try #require(schemes.first { $0["id"] as? String == "rekom" }?["allocated_nok"] as? Int)
    #expect(page.body.contains(">\(Self.kroner(rekom))<"))
    // And the saved variant's page, after the redirect, says it was saved.
    let variantPage = try server.get("/s/trondelag/v/nettsiden?lang=nb&saved=1")
    #expect(variantPage.status == 200)
    #expect(variantPage.body.contains("Lagret som variants/nettsiden.yaml."))
  }

  @Test("a lock the frame cannot hold gets the conflict in the forum's words, and a lock on an ineligible measure its message")
  func impossibleLock() throws {
    let (root, _) = try Self.servedCopy()
    let server = try ServedFolder(root)
    defer { server.stop() }
    let dekom = ["sv-dekom-1", "sv-dekom-2", "sv-dekom-3", "fo-dekom-1", "fo-dekom-2", "ga-dekom-2", "felles-dekom-2", "felles-dekom-3"]
    let tooMuch = try server.get("/s/trondelag/whatif?frames.dekom.factor=0.1&" + dekom.map { "measures.\($0).lock=full" }.joined(separator: "&"))
    #expect(tooMuch.body.contains("Disse kravene kan ikke oppfylles samtidig: rammen for Desentralisert kompetanseutvikling (Dekom)"))
    #expect(tooMuch.body.contains("låsen om å finansiere «Utforskende matematikkundervisning» fullt (fo-dekom-1"))
    #expect(tooMuch.body.contains("Øk rammen for Desentralisert kompetanseutvikling (Dekom) med minst"))
    // A lock typed into the address that is no number the page words ("nan", "inf", huge) gets
    // the variant file's message, and the server goes on.
    for typed in ["nan", "inf", "1e20", "-0.5"] {
      let odd = try server.get("/s/trondelag/whatif?measures.sv-dekom-1.lock=" + typed)
      #expect(odd.status == 422, "\(typed)")
      #expect(odd.body.contains("id=\"f-measures-sv-dekom-1-lock-error\">«\(typed)» er ikke en lås."), "\(typed)")
    }
    // Only the shares a measure allows are offered: none on an all-or-nothing one.
    let form = try server.get("/s/trondelag/whatif")
    let allOrNothing = try #require(form.body.components(separatedBy: "id=\"f-measures-sv-dekom-2-lock\"").last)
    #expect(!(allOrNothing.components(separatedBy: "</select>").first ?? "").contains("value=\"0.5\""))
    let partly = try #require(form.body.components(separatedBy: "id=\"f-measures-sv-dekom-1-lock\"").last)
    #expect((partly.components(separatedBy: "</select>").first ?? "").contains("value=\"0.5\""))
    let ineligible = try server.get("/s/trondelag/whatif?measures.ga-dekom-3.lock=full")
    #expect(ineligible.status == 422)
    #expect(
      ineligible.body.contains(
        "id=\"f-measures-ga-dekom-3-lock-error\">measures: ga-dekom-3 er låst til å bli finansiert, men oppfyller ikke et kriterium"))
  }

  @Test("the decision letters: a list with each recipient's grant, each letter as dekom run writes it, unknown names 404")
  func letters() throws {
    let (root, scenario) = try Self.servedCopy()
    let server = try ServedFolder(root)
    defer { server.stop() }
    let list = try server.get("/s/trondelag/vedtak")
    #expect(list.status == 200)
    #expect(list.body.contains("href=\"/s/trondelag/vedtak?lang=nb\">Vedtak</a>"), "the navigation links the letters")
    #expect(list.body.contains("<a href=\"/s/trondelag/vedtak/trondheim?lang=nb\">Trondheim kommune</a>"), "\(list.body.suffix(3000))")
    let letter = try server.get("/s/trondelag/vedtak/trondheim")
    #expect(letter.status == 200)
    // The same letter as dekom run's vedtak/trondheim.html, in the site's page.
    let out = root.appendingPathComponent("run-out")
    let run = try CommandLine.run(["run", scenario.path, "--out", out.path, "--quiet", "--no-explain"])
    #expect(run.status == 0, "\(run.standardError)")
    let written = try String(contentsOf: out.appendingPathComponent("vedtak/trondheim.html"), encoding: .utf8)
    let body = { (page: String) in page.components(separatedBy: "<h1").dropFirst().joined(separator: "<h1") }
    #expect(!body(written).isEmpty && body(letter.body) == body(written))
    for missing in ["/s/trondelag/vedtak/nobody", "/s/trondelag/vedtak/..%2Fscenario.yaml", "/s/trondelag/vedtak/%2e%2e"] {
      #expect(try server.get(missing).status == 404, "\(missing)")
    }
    #expect(try server.get("/s/trondelag/vedtak?lang=en").body.contains(">Decisions</a>"))
  }

  @Test("save as variant writes the file whole, refuses an existing name unless asked, and checks the name")
  func saveAsVariant() throws {
    let (root, scenario) = try Self.servedCopy()
    let server = try ServedFolder(root)
    defer { server.stop() }
    let variants = scenario.appendingPathComponent("variants")
    let file = variants.appendingPathComponent("kutt.yaml")

    #expect(try server.post("/s/trondelag/save", form: "name=kutt&title=Kutt&frames.rekom.factor=0.8").status == 303)
    let first = try String(contentsOf: file, encoding: .utf8)
    #expect(first.contains("title: \"Kutt\"") && first.contains("rekom:") && first.contains("factor: 0.8"))
    // The saved file is a valid variant: dekom check's loader reads it with the others.
    let check = try CommandLine.run(["compare", scenario.path, "--out", root.appendingPathComponent("cmp").path, "--quiet"])
    #expect(check.status == 0, "\(check.standardError)")

    let refused = try server.post("/s/trondelag/save", form: "name=kutt&title=Annet&frames.rekom.factor=0.7")
    #expect(refused.status == 409)
    #expect(refused.body.contains("Varianten kutt finnes allerede."))
    #expect(try String(contentsOf: file, encoding: .utf8) == first)
    #expect(try server.post("/s/trondelag/save", form: "name=rekom-kutt&frames.rekom.factor=0.7").status == 409)

    let replaced = try server.post("/s/trondelag/save", form: "name=kutt&title=Annet&frames.rekom.factor=0.7&overwrite=1")
    #expect(replaced.status == 303)
    #expect(try String(contentsOf: file, encoding: .utf8).contains("factor: 0.7"))

    for name in ["..%2F..%2Fevil", "a%2Fb", "", "%C3%A6%C3%B8", "-x", String(repeating: "n", count: 65), "x.yaml"] {
      let answer = try server.post("/s/trondelag/save", form: "name=\(name)&frames.rekom.factor=0.9")
      #expect(answer.status == 422, "\(name)")
      #expect(answer.body.contains("er ikke et gyldig variantnavn."), "\(name)")
    }
    // A what-if with a wrong value is not saved either.
    #expect(try server.post("/s/trondelag/save", form: "name=feil&frames.rekom.factor=abc").status == 422)
    let names = try FileManager.default.contentsOfDirectory(atPath: variants.path).sorted()
    #expect(names == ["dmmh-flere-timer.yaml", "hoyere-minsteniva.yaml", "kutt.yaml", "motets-vedtak.yaml", "orkland-forst.yaml", "rekom-kutt.yaml"])
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("evil").path))
  }

  /// Kroner as the bokmål report writes them: `7 272 500`.
  static func kroner(_ amount: Int) -> String {
    let digits = String(amount)
    var grouped = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += " " }
      grouped.append(digit)
    }
    return grouped
  }

  @Test("dekom serve without the dekom-serve program says how to build it, in bokmål by default, and exits 69")
  func missingServerProgram() throws {
    // A copy of dekom alone in a folder, with no PATH to find dekom-serve on.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-alone-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let alone = folder.appendingPathComponent("dekom")
    try FileManager.default.copyItem(at: CommandLine.executable, to: alone)
    let (root, _) = try Self.servedCopy()
    defer { try? FileManager.default.removeItem(at: root) }
    let bokmal = try CommandLine.run(["serve", root.path, "--port", "0"], executable: alone, environment: ["PATH": ""])
    #expect(bokmal.status == 69)
    #expect(bokmal.standardError.contains("finner ikke programmet dekom-serve"))
    #expect(bokmal.standardError.contains("swift build --product dekom-serve"))
    let english = try CommandLine.run(["serve", root.path, "--lang", "en"], executable: alone, environment: ["PATH": ""])
    #expect(english.status == 69)
    #expect(english.standardError.contains("cannot find the program dekom-serve"))
  }

  @Test("another web site cannot save a variant, and an address that is not this server's is refused")
  func crossSiteAndRebinding() throws {
    let (root, scenario) = try Self.servedCopy()
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try ServedFolder(root)
    defer { server.stop() }
    let target = scenario.appendingPathComponent("variants/rekom-kutt.yaml")
    let before = try Data(contentsOf: target)
    let overwrite = "lang=nb&name=rekom-kutt&title=Hacked&frames.rekom.factor=0.1&overwrite=1"

    // A form on another site, posted by the user's browser: no token, a foreign Origin.
    let crossSite = try server.post("/s/trondelag/save", form: overwrite, token: false, extraHeaders: ["Origin: http://evil.example"])
    #expect(crossSite.status == 403)
    // The token alone does not do from another site, nor does a right Origin without the token.
    #expect(try server.post("/s/trondelag/save", form: overwrite, extraHeaders: ["Origin: http://evil.example"]).status == 403)
    #expect(try server.post("/s/trondelag/save", form: overwrite, extraHeaders: ["Sec-Fetch-Site: cross-site"]).status == 403)
    #expect(try server.post("/s/trondelag/save", form: overwrite, token: false).status == 403)
    #expect(
      try server.post(
        "/s/trondelag/save", form: overwrite + "&token=guess", token: false, extraHeaders: ["Origin: http://127.0.0.1:\(server.port)"]
      )
      .status == 403)
    #expect(try Data(contentsOf: target) == before)

    // DNS rebinding: the name of another site, pointed at 127.0.0.1.
    #expect(try server.get("/", host: "evil.example").status == 421)
    #expect(try server.get("/s/trondelag", host: "evil.example:\(server.port)").status == 421)
    #expect(try server.get("/", host: "127.0.0.1:1").status == 421)
    #expect(try server.get("/", host: "localhost:\(server.port)").status == 200)

    // The page's own form, with its token, still saves.
    let own = try server.post(
      "/s/trondelag/save", form: "lang=nb&name=egen&title=Egen&frames.rekom.factor=0.9",
      extraHeaders: ["Origin: http://127.0.0.1:\(server.port)", "Sec-Fetch-Site: same-origin"])
    #expect(own.status == 303)
    #expect(FileManager.default.fileExists(atPath: scenario.appendingPathComponent("variants/egen.yaml").path))
  }

  @Test("a broken variant file is marked on the list and blocks neither the base nor the other variants")
  func brokenVariant() throws {
    let (root, scenario) = try Self.servedCopy()
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("title: Tall\nframes:\n  rekom: {factor: abc}\n".utf8).write(to: scenario.appendingPathComponent("variants/tall.yaml"))
    let server = try ServedFolder(root)
    defer { server.stop() }
    let list = try server.get("/")
    #expect(list.status == 200)
    #expect(list.body.contains("class=\"broken-variant\">tall: "))
    #expect(list.body.contains("Variantfilen har 1 feil og vises ikke"))
    #expect(list.body.contains("nøkkel &#39;frames.rekom.factor&#39;: «abc» er ikke et tall. Slik retter du det:"))
    #expect(try server.get("/?lang=en").body.contains("key &#39;frames.rekom.factor&#39;: &quot;abc&quot; is not a number. Fix:"))
    #expect(list.body.contains("/s/trondelag/v/rekom-kutt?lang=nb"))
    #expect(list.body.contains("href=\"/s/trondelag?lang=nb\""))
    #expect(try server.get("/s/trondelag").status == 200)
    #expect(try server.get("/s/trondelag/v/rekom-kutt").status == 200)
    #expect(try server.get("/s/trondelag/v/tall").status == 404)
  }

  @Test("identical what-ifs asked at once are solved once and every request is answered")
  func identicalSolvesMerge() throws {
    let (root, _) = try Self.servedCopy()
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try ServedFolder(root)
    defer { server.stop() }
    // More at once than the server lets wait (8): without merging, the rest would get 503.
    let statuses = Mutex<[Int]>([])
    let group = DispatchGroup()
    let threads = (0..<20).map { _ in
      group.enter()
      return Thread {
        let status = (try? server.get("/s/trondelag/whatif?lang=nb&frames.dekom.factor=0.93").status) ?? -1
        statuses.withLock { $0.append(status) }
        group.leave()
      }
    }
    for thread in threads { thread.start() }  // one thread each: all 20 requests are open at once
    group.wait()
    #expect(statuses.withLock { $0 } == Array(repeating: 200, count: 20))
  }

  @Test("slow or oversized requests are cut off: a head or body sent too slowly, a huge Content-Length, a Windows device name")
  func slowAndOversized() throws {
    let (root, _) = try Self.servedCopy()
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try ServedFolder(root)
    defer { server.stop() }
    // A head that never ends: the connection is closed after the head's time, with no answer.
    var start = Date()
    let slowHead = try server.send(raw: Data("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nX-Slow: ".utf8), timeoutSeconds: 60)
    #expect(slowHead.status == 0)
    #expect(Date().timeIntervalSince(start) < 30)
    // A body that never comes whole.
    start = Date()
    let slowBody = try server.send(
      raw: Data(
        "POST /s/trondelag/save HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nname=x"
          .utf8), timeoutSeconds: 60)
    #expect(slowBody.status == 0 || slowBody.status == 408 || slowBody.status == 400)
    #expect(Date().timeIntervalSince(start) < 30)
    // A body that claims to be huge is refused before it is sent.
    let huge = try server.send(
      raw: Data(
        "POST /s/trondelag/save HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000000000\r\nConnection: close\r\n\r\n"
          .utf8), timeoutSeconds: 60)
    #expect(huge.status == 413)
    // Names Windows keeps for devices.
    for name in ["con", "NUL", "com1", "Lpt9", "aux"] {
      let answer = try server.post("/s/trondelag/save", form: "name=\(name)&frames.rekom.factor=0.9")
      #expect(answer.status == 422, "\(name)")
      #expect(answer.body.contains("Windows"), "\(name)")
    }
    #expect(server.isRunning)
  }
}
