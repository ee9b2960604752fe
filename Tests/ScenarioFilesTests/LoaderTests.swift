import Foundation
import GrantAllocation
import TestSupport
import Testing

@testable import ScenarioFiles

@Suite("Scenario loader")
struct LoaderTests {
  func load(_ folder: ScenarioFolder) throws -> Scenario {
    defer { folder.remove() }
    return try ScenarioLoader.load(directory: folder.url)
  }

  /// The issues of a broken folder (fails the test if it loads).
  func issues(_ folder: ScenarioFolder, sourceLocation: SourceLocation = #_sourceLocation) -> [ScenarioIssue] {
    defer { folder.remove() }
    do {
      _ = try ScenarioLoader.load(directory: folder.url)
      Issue.record("the broken scenario loaded", sourceLocation: sourceLocation)
      return []
    } catch {
      return error.issues
    }
  }

  @Test("a valid folder loads, with æøå, a BOM, decimal comma and spaces as thousand separators")
  func validFolder() throws {
    let folder = try ScenarioFolder()
    try folder.write("owners.csv", "\u{FEFF}" + (ScenarioFolder.valid["owners.csv"] ?? ""))
    let scenario = try load(folder)
    #expect(scenario.year == 2027)
    #expect(scenario.networks.map(\.name) == ["Nordnettet", "Sørnettet"])
    #expect(scenario.owners.first?.id == OwnerID("å"))
    #expect(scenario.owners.first?.name == "Åfjord")
    let lesing = try #require(scenario.measures.first)
    #expect(lesing.stateCost == 300_000)
    #expect(lesing.minimumShare == 0.5)
    #expect(lesing.hours(.pool) == 20)
    // A network without `cost_sharing` has no own key; one with it splits its egenandel by it.
    #expect(scenario.networks[0].ownKey == nil)
    #expect(scenario.networks[0].ownKeyUses.isEmpty)
    #expect(scenario.networks[1].ownKey == CostSharingKey(equal: 0.5, pupils: 0.5))
    #expect(scenario.networks[1].ownKeyUses == [.egenandel])
    // Old owners.csv without `owns`: a municipality runs schools and kindergartens.
    #expect(scenario.owners.first?.owns == [.schools, .kindergartens])
    // One payment at the end of June unless the data say otherwise.
    #expect(scenario.paymentSchedule(of: lesing) == .endOfJune(2027))
  }

  @Test("the solver settings load, the relative MIP gap among them (default 0: proven optimal)")
  func solverSettings() throws {
    #expect(try load(ScenarioFolder()).solver == SolverSettings())
    #expect(SolverSettings().relativeMIPGap == 0)
    let folder = try ScenarioFolder()
    try folder.write(
      "scenario.yaml",
      (ScenarioFolder.valid["scenario.yaml"] ?? "") + "solver:\n  time_limit_seconds: 30\n  relative_mip_gap: 0,0001\n")
    let solver = try load(folder).solver
    #expect(solver == SolverSettings(timeLimitSeconds: 30, stageTolerance: 1e-9, relativeMIPGap: 0.0001))
  }

  @Test("every input file is recorded with its SHA-256")
  func digests() throws {
    // FIPS 180-2 test vector.
    #expect(ScenarioLoader.sha256(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let folder = try ScenarioFolder()
    let expected = ScenarioLoader.sha256(of: Data((ScenarioFolder.valid["measures.csv"] ?? "").utf8))
    let scenario = try load(folder)
    #expect(scenario.inputFiles.map(\.name) == ["scenario.yaml", "partners.csv", "owners.csv", "measures.csv"])
    #expect(scenario.inputFiles.last?.sha256 == expected)
  }

  @Test("comma-separated files with quoted decimal commas load the same")
  func commaSeparated() throws {
    let folder = try ScenarioFolder()
    try folder.write(
      "measures.csv",
      """
      id,network,scheme,rank,title,cost_nok,pool_hours,partner2_hours,partners,min_share,school_based,collective,in_local_plan
      n1,nord,dekom,1,"Lesing, skriving",300000,20,100,ntnu,"0,5",ja,ja,ja

      """)
    let scenario = try load(folder)
    #expect(scenario.measures.first?.title == "Lesing, skriving")
    #expect(scenario.measures.first?.minimumShare == 0.5)
  }

  @Test("price per participant × participants gives the cost (seed 001: 1 500 NOK per participant)")
  func pricePerParticipant() throws {
    let folder = try ScenarioFolder()
    try folder.write(
      "measures.csv",
      """
      id;network;scheme;rank;title;price_per_participant_nok;participants;partners;school_based;collective;in_local_plan
      p1;nord;dekom;1;Program;1 500;50;ntnu;ja;ja;ja

      """)
    let measure = try #require(try load(folder).measures.first)
    #expect(measure.stateCost == 75_000)
    #expect(measure.pricePerParticipant == 1500)
  }

  @Test("every error in a file is reported at once, each with file, row and column")
  func allErrorsAtOnce() throws {
    let folder = try ScenarioFolder()
    try folder.write(
      "measures.csv",
      """
      id;network;scheme;rank;title;cost_nok;partners;min_share;school_based;collective;in_local_plan
      n1;nowhere;dekom;1;A;100;ntnu;1;ja;ja;ja
      n2;nord;rekom;1;B;-5;ntnu;1;ja;ja;ja
      n3;nord;dekom;1;C;NaN;ntnu;1,5;ja;ja;kanskje

      """)
    let found = issues(folder)
    let summary = found.map { "\($0.file):\($0.row ?? 0):\($0.field ?? "")" }
    #expect(summary.contains("measures.csv:2:network"))
    #expect(summary.contains("measures.csv:3:scheme"))
    #expect(summary.contains("measures.csv:3:cost_nok"))
    #expect(summary.contains("measures.csv:4:cost_nok"))
    #expect(summary.contains("measures.csv:4:min_share"))
    #expect(summary.contains("measures.csv:4:in_local_plan"))
    #expect(found.allSatisfy { !$0.fix(in: .en).isEmpty && !$0.fix(in: .nb).isEmpty })
  }

  @Test(
    "broken inputs get the exact error",
    arguments: [
      // (file, old text, new text, expected "file:row:field", words in the problem)
      ("measures.csv", "n2;nord;dekom;2", "n1;nord;dekom;2", "measures.csv:3:id", "also used on row 2"),
      ("measures.csv", "n2;nord;dekom;2", "n2;nord;dekom;3", "measures.csv:3:rank", "rank 2 is missing"),
      ("measures.csv", "n2;nord;dekom;2", "n2;nord;dekom;1", "measures.csv:3:rank", "used twice"),
      ("measures.csv", ";ntnu;0,5;", ";ntnu;0;", "measures.csv:2:min_share", "not in (0, 1]"),
      ("measures.csv", ";ntnu;0,5;", ";uio;0,5;", "measures.csv:2:partners", "not a partner"),
      ("measures.csv", "300 000", "1,500,000", "measures.csv:2:cost_nok", "thousand separator"),
      ("measures.csv", "300 000", "300 000 kr", "measures.csv:2:cost_nok", "unit"),
      ("measures.csv", "300 000", "inf", "measures.csv:2:cost_nok", "not a number"),
      ("measures.csv", "300 000", "1e13", "measures.csv:2:cost_nok", "outside the allowed range"),
      ("owners.csv", "b;Bø;nord", "b;Bø;vest", "owners.csv:3:network", "not a network"),
      ("owners.csv", "kommune;3000", "kommune;-3", "owners.csv:3:pupils", "outside the allowed range"),
      ("owners.csv", "kommune;3000", "kommun;3000", "owners.csv:3:kind", "not one of the allowed values"),
      ("partners.csv", "uh;100", "statped;100", "measures.csv:2:partners", "may not serve"),
      ("partners.csv", "pool_hours", "pool_houres", "partners.csv:1:pool_houres", "unknown column"),
      ("scenario.yaml", "frame_nok: 1000000", "frame_nok: -1", "scenario.yaml:6:schemes[1].frame_nok", "outside the allowed range"),
      ("scenario.yaml", "egenandel_rate: 0.30", "egenandel_rate: 30 %", "scenario.yaml:7:schemes[1].egenandel_rate", "unit"),
      ("scenario.yaml", "{equal: 0.5, pupils: 0.5}}", "{equal: 0.5, pupils: 0.6}}", "scenario.yaml:16:policy.fairness.key", "add up to"),
      ("scenario.yaml", "strict_tiers", "strict", "scenario.yaml:17:policy.priority.weighting", "not a weighting"),
      ("scenario.yaml", "county: Testfylke", "county: Testfylke\nyaer: 2027", "scenario.yaml:3:yaer", "unknown key"),
    ])
  func exactError(file: String, old: String, new: String, location: String, words: String) throws {
    let folder = try ScenarioFolder()
    try folder.edit(file, replacing: old, with: new)
    let found = issues(folder)
    let match = found.first { "\($0.file):\($0.row ?? 0):\($0.field ?? "")" == location }
    #expect(match != nil, "expected an issue at \(location); got \(found.map(\.description))")
    #expect(match?.problem(in: .en).contains(words) == true, "\(match?.description ?? "none")")
  }

  @Test("one wrong scheme is one error, not also a gap in its list")
  func noCascade() throws {
    let folder = try ScenarioFolder()
    try folder.edit("measures.csv", replacing: "n1;nord;dekom;1", with: "n1;nord;dekomm;1")
    let found = issues(folder)
    #expect(found.count == 1)
    #expect(found.first?.field == "scheme")
  }

  @Test("a file that is not UTF-8 is refused with advice to save it as CSV UTF-8")
  func notUTF8() throws {
    let folder = try ScenarioFolder()
    // "Bø" in Windows-1252: 0xF8 is not valid UTF-8.
    try folder.write("owners.csv", bytes: Array("id;name;network;kind;pupils\nb;B".utf8) + [0xF8] + Array(";nord;kommune;1\n".utf8))
    let found = issues(folder)
    #expect(found.contains { $0.file == "owners.csv" && $0.problem(in: .en).contains("not UTF-8") && $0.fix(in: .en).contains("CSV UTF-8") })
  }

  @Test("missing files, empty files and missing columns are named")
  func missingPieces() throws {
    let folder = try ScenarioFolder()
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("partners.csv"))
    try folder.write("owners.csv", "")
    try folder.write("measures.csv", "id;network;scheme;rank;title\nn1;nord;dekom;1;A\n")
    let found = issues(folder)
    #expect(found.contains { $0.file == "partners.csv" && $0.problem(in: .en).contains("missing") })
    #expect(found.contains { $0.file == "owners.csv" && $0.problem(in: .en).contains("empty") })
    #expect(found.contains { $0.file == "measures.csv" && $0.field == "school_based" && $0.problem(in: .en).contains("required column") })
  }

  @Test("a network without owners, and a continuing measure that fails a criterion, are errors")
  func crossFileChecks() throws {
    let folder = try ScenarioFolder()
    try folder.edit("owners.csv", replacing: "c;Cø;sor;kommune;2000\n", with: "")
    try folder.edit(
      "measures.csv", replacing: "n2;nord;dekom;2;Regning;200 000;10;100;ntnu;1;ja;ja;ja",
      with: "n2;nord;dekom;2;Regning;200 000;10;100;;1;ja;ja;ja")
    let found = issues(folder)
    #expect(found.contains { $0.file == "scenario.yaml" && $0.problem(in: .en).contains("sor has no school owners") })
    // n2 now has no partner: it fails the UH criterion but is not continuing, so it is no error by itself.
    #expect(!found.contains { $0.file == "measures.csv" })

    let second = try ScenarioFolder()
    try second.write(
      "measures.csv",
      """
      id;network;scheme;rank;title;cost_nok;partners;continuing;school_based;collective;in_local_plan
      n1;nord;dekom;1;A;100;ntnu;ja;nei;ja;ja

      """)
    #expect(issues(second).contains { $0.field == "continuing" && $0.problem(in: .en).contains("school_based must be ja") })
  }

  @Test("anchors and aliases are refused before composing; & and * inside text are fine")
  func yamlAliases() {
    #expect(YAMLAliases.firstLine(in: "title: Kunst & håndverk\nnote: 3 * 4 timer\n") == nil)
    #expect(YAMLAliases.firstLine(in: "year: 2027\na: &x [1]\n") == 2)
    #expect(YAMLAliases.firstLine(in: "list:\n  - *x\n") == 2)
    #expect(YAMLAliases.firstLine(in: "? *x\n: 1\n") == 1)
    #expect(YAMLAliases.firstLine(in: "k: [a, *x]\n") == 1)
  }

  @Test("invalid YAML names its line")
  func invalidYAML() throws {
    let folder = try ScenarioFolder()
    try folder.edit("scenario.yaml", replacing: "county: Testfylke", with: "county: [Testfylke")
    let found = issues(folder)
    #expect(found.contains { $0.file == "scenario.yaml" && $0.row != nil && $0.problem(in: .en).contains("not valid YAML") })
  }

  @Test("the issue text says file, row, column, problem and fix, in bokmål or English")
  func issueText() {
    let issue = ScenarioIssue(file: "measures.csv", row: 7, field: "rank", .notAWholeNumber("to"))
    #expect(issue.description == "measures.csv:7: column 'rank': \"to\" is not a whole number. Fix: write a whole number, e.g. 3.")
    #expect(issue.line(in: .en) == issue.description)
    #expect(
      issue.line(in: .nb)
        == "measures.csv:7: kolonne 'rank': «to» er ikke et heltall. Slik retter du det: skriv et heltall, for eksempel 3.")
    let key = ScenarioIssue(file: "scenario.yaml", row: 3, field: "policy.priority.weighting", .notAWeighting("strictly"))
    #expect(
      key.line(in: .nb)
        == "scenario.yaml:3: nøkkel 'policy.priority.weighting': «strictly» er ikke en vekting. Slik retter du det: skriv strict_tiers eller decay.")
  }

  @Test("owners say what they run and their sizes; schemes say whom they serve, by which size, and when they pay")
  func recipientsAndSizes() throws {
    let folder = try ScenarioFolder()
    try folder.write(
      "owners.csv",
      "id;name;network;kind;pupils;kindergarten_children;owns;joined_agreement\n"
        + "å;Åfjord;nord;kommune;1000;400;begge;ja\nb;Bø;nord;privat;3000;;skoler;ja\nc;Cø;sor;kommune;2000;900;barnehager;\n")
    try folder.edit(
      "scenario.yaml", replacing: "    partner_kinds: [uh]\n",
      with: "    partner_kinds: [uh]\n    serves: skoler\n    size_measure: pupils\n    payment_schedule: 2027-04-30:1/2 | 2028-04-30:1/2\n")
    try folder.edit("scenario.yaml", replacing: "  - id: nord\n", with: "  - id: nord\n    host: b\n")
    try folder.edit(
      "scenario.yaml", replacing: "cost_sharing: {equal: 0.5, pupils: 0.5}",
      with: "cost_sharing: {equal: 0.5, size: 0.5, splits: [grant, egenandel]}")
    // Cø runs only kindergartens, so Sørnettet's Dekom measures would reach no owner it serves.
    let refused = issues(try ScenarioFolder(copying: folder.url))
    #expect(refused.contains { $0.file == "owners.csv" && $0.field == "owns" && $0.problem(in: .en).contains("network sor has measures in dekom") })
    try folder.edit("owners.csv", replacing: "c;Cø;sor;kommune;2000;900;barnehager;", with: "c;Cø;sor;kommune;2000;900;begge;")
    let scenario = try load(folder)
    #expect(scenario.owners.map(\.owns) == [[.schools, .kindergartens], [.schools], [.schools, .kindergartens]])
    #expect(scenario.owners.map(\.joinedAgreement) == [true, true, true])
    #expect(scenario.owners[0].kindergartenChildren == 400)
    #expect(scenario.schemes[0].serves == [.schools])
    #expect(scenario.networks[0].host == OwnerID("b"))
    #expect(scenario.networks[1].ownKeyUses == [.grant, .egenandel])
    #expect(
      scenario.schemes[0].paymentSchedule
        == PaymentSchedule([.init(date: "2027-04-30", share: 0.5), .init(date: "2028-04-30", share: 0.5)]))
  }

  @Test("a host outside the network, a joint measure's unknown recipient, a bad date and a school owner on a kindergarten measure are errors")
  func recipientErrors() throws {
    let folder = try ScenarioFolder()
    try folder.edit("scenario.yaml", replacing: "  - id: nord\n", with: "  - id: nord\n    host: c\n")
    try folder.edit("scenario.yaml", replacing: "    partner_kinds: [uh]\n", with: "    partner_kinds: [uh]\n    serves: barnehager\n")
    try folder.write("owners.csv", "id;name;network;kind;pupils;owns\nå;Åfjord;nord;kommune;1000;\nb;Bø;nord;privat;3000;skoler\nc;Cø;sor;kommune;2000;\n")
    try folder.edit("measures.csv", replacing: "in_local_plan\n", with: "in_local_plan;owner;recipient;payment_schedule\n")
    try folder.edit("measures.csv", replacing: "n2;nord;dekom;2;Regning;200 000;10;100;ntnu;1;ja;ja;ja", with: "n2;nord;dekom;2;Regning;200 000;10;100;ntnu;1;ja;ja;ja;b;;2027-02-30")
    try folder.edit("measures.csv", replacing: "s2;sor;dekom;2;Videreutdanning;100 000;0;0;ntnu;1;nei;ja;ja", with: "f1;felles;dekom;1;Felles;100 000;0;0;ntnu;1;ja;ja;ja;;ukjent;")
    let found = issues(folder).map { "\($0.file):\($0.row.map(String.init) ?? "-"):\($0.field ?? "-")" }
    #expect(found.contains("scenario.yaml:11:networks.host"))
    #expect(found.contains("measures.csv:3:owner"))
    #expect(found.contains("measures.csv:3:payment_schedule"))
    #expect(found.contains("measures.csv:5:recipient"))
  }

  @Test("an hourly price 1.050 is 1 050 kr in a file with decimal comma, a question in a file without decimals, and absurd prices are warned of")
  func hourlyPrices() throws {
    let folder = try ScenarioFolder()
    try folder.write(
      "partners.csv",
      "id;name;kind;pool_hours;pool_price_nok;partner2_hours;partner2_price_nok\nntnu;NTNU;uh;100,5;1.050;300;1.150\n")
    let scenario = try load(try ScenarioFolder(copying: folder.url))
    #expect(scenario.partners[0].hourlyPrice(.pool) == 1050)
    #expect(ScenarioWarnings.warnings(for: scenario).filter { $0.file == "partners.csv" }.isEmpty)
    try folder.write(
      "partners.csv", "id;name;kind;pool_hours;pool_price_nok;partner2_hours;partner2_price_nok\nntnu;NTNU;uh;100;1.050;300;1000\n")
    let found = issues(folder)
    #expect(found.map(\.description) == [
      "partners.csv:2: column 'pool_price_nok': \"1.050\" could be 1050 (a thousand point) or 1,050 (a decimal point). Fix: write 1050 or 1 050 for 1050, or 1,050 for the decimal."
    ])
    var cheap = scenario
    cheap.partners[0].price[.partner2] = 1.15
    let warnings = ScenarioWarnings.warnings(for: cheap).map(\.description)
    #expect(warnings.contains { $0.hasPrefix("partners.csv: column 'partner2_price_nok': ntnu costs 1.15 NOK per partner2 hour") })
  }
}
