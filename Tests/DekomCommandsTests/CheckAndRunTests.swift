import DekomRunner
import Foundation
import TestSupport
import Testing

@testable import DekomCommands

#if canImport(Glibc)
  import Glibc
#endif

@Suite("dekom check and dekom run")
struct CheckAndRunTests {
  @Test("check on a valid folder exits 0 and writes nothing")
  func checkValid() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let output = try CommandLine.run(["check", folder.url.path])
    #expect(output.status == 0)
    #expect(output.standardOutput.contains(": gyldig – 1 ordning, 2 nettverk, 3 skoleeiere, 1 partner, 4 tiltak."))
    let english = try CommandLine.run(["check", folder.url.path, "--lang", "en"])
    #expect(english.standardOutput.contains(": valid – 1 schemes, 2 networks, 3 school owners, 1 partners, 4 measures."))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
        "measures.csv", "owners.csv", "partners.csv", "scenario.yaml",
      ])
  }

  @Test("check on a broken folder lists every error with file and row in bokmål (English with --lang en), exits 1 and writes nothing")
  func checkBroken() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try folder.edit("measures.csv", replacing: "n2;nord;dekom;2", with: "n2;nord;dekom;3")
    try folder.edit("owners.csv", replacing: "b;Bø;nord;kommune;3000", with: "b;Bø;nord;kommune;tre tusen")
    let output = try CommandLine.run(["check", folder.url.path])
    #expect(output.status == 1)
    #expect(output.standardError.hasPrefix("\(folder.url.path): 2 feil; ingenting ble skrevet.\n"), "\(output.standardError)")
    #expect(
      output.standardError.contains(
        "  measures.csv:3: kolonne 'rank': plass 2 mangler på listen til nord for dekom (plassene som finnes: 1, 3). "
          + "Slik retter du det: nummerer listen 1, 2, 3 … uten hull.\n"))
    #expect(
      output.standardError.contains(
        "  owners.csv:3: kolonne 'pupils': «tre tusen» er ikke et tall. Slik retter du det: skriv et tall, for eksempel 1500 eller 0,5.\n"
      ))
    #expect(!output.standardError.contains("Fix:") && !output.standardError.contains("column"))
    let english = try CommandLine.run(["check", folder.url.path, "--lang", "en"])
    #expect(english.status == 1)
    #expect(english.standardError.hasPrefix("\(folder.url.path): 2 errors; nothing was written.\n"), "\(english.standardError)")
    #expect(english.standardError.contains("measures.csv:3: column 'rank': rank 2 is missing"))
    #expect(
      english.standardError.contains(
        "  owners.csv:3: column 'pupils': \"tre tusen\" is not a number. Fix: write a number, e.g. 1500 or 0,5.\n"))
    // run says the same, in its --lang.
    let run = try CommandLine.run(["run", folder.url.path])
    #expect(run.status == 1)
    #expect(run.standardError.contains("«tre tusen» er ikke et tall."))
    let englishRun = try CommandLine.run(["run", folder.url.path, "--lang", "en"])
    #expect(englishRun.status == 1)
    #expect(englishRun.standardError.contains("\"tre tusen\" is not a number."))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
  }

  @Test("text quoted from a broken file is shown as text: no terminal escape or line break gets through, in either language")
  func hostileIssueText() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try folder.edit("owners.csv", replacing: "b;Bø;nord;kommune;3000", with: "b;Bø;nord;kommune;\u{1B}[2J\u{07}<script>alert(1)</script>")
    let shown = #"\u{1B}[2J\u{7}<script>alert(1)</script>"#
    for (language, quoted) in [("nb", "«\(shown)»"), ("en", "\"\(shown)\"")] {
      let output = try CommandLine.run(["check", folder.url.path, "--lang", language])
      #expect(output.status == 1)
      #expect(!output.standardError.contains("\u{1B}") && !output.standardError.contains("\u{07}"), "\(language)")
      #expect(output.standardError.contains("owners.csv:3: "), "\(language)")
      #expect(output.standardError.contains(quoted), "\(language): \(output.standardError)")
    }
  }

  @Test("a failed run leaves the previous outputs as they were")
  func failedRunKeepsOutputs() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    #expect(try CommandLine.run(["run", folder.url.path, "--quiet"]).status == 0)
    let out = folder.url.appendingPathComponent("out")
    let before = try InterruptTests.snapshot(out)
    #expect(before.keys.contains { $0.hasPrefix("\(ScenarioRun.letterFolder)/") })
    try folder.edit("measures.csv", replacing: "300 000", with: "-300 000")
    #expect(try CommandLine.run(["run", folder.url.path]).status == 1)
    #expect(try InterruptTests.snapshot(out) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        == (ScenarioRun.outputFiles + [ScenarioRun.letterFolder]).sorted())
  }

  @Test("commitments that exceed the frame: exit 3, the conflict in bokmål (English with --lang en), nothing written")
  func infeasible() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try folder.write(
      "measures.csv",
      """
      id;network;scheme;rank;title;cost_nok;partners;continuing;school_based;collective;in_local_plan
      n1;nord;dekom;1;Lesing;700 000;ntnu;ja;ja;ja;ja
      n2;nord;dekom;2;Regning;100 000;ntnu;nei;ja;ja;ja
      s1;sor;dekom;1;Klasseledelse;600 000;ntnu;ja;ja;ja;ja

      """)
    let output = try CommandLine.run(["run", folder.url.path])
    #expect(output.status == 3)
    #expect(
      output.standardError == """
        dekom: scenarioet har ingen gyldig fordeling; ingenting er skrevet. Dette er i konflikt:
          - Disse kravene kan ikke oppfylles samtidig: rammen for Dekom (1 000 000 kr); videreføringen «Lesing» (n1, 700 000 kr); videreføringen «Klasseledelse» (s1, 600 000 kr). Øk rammen for Dekom med minst 300 000 kr, eller avslutt en av videreføringene.

        """)
    #expect(output.standardOutput.isEmpty)
    let english = try CommandLine.run(["run", folder.url.path, "--lang", "en"])
    #expect(english.status == 3)
    #expect(
      english.standardError.contains(
        "These requirements cannot all be met: the frame of Dekom (NOK 1,000,000); the commitment “Lesing” (n1, NOK 700,000); the commitment “Klasseledelse” (s1, NOK 600,000). Raise the frame of Dekom by at least NOK 300,000, or end one of the commitments."
      ))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
        "measures.csv", "owners.csv", "partners.csv", "scenario.yaml",
      ])
  }

  @Test("a variant whose commitments exceed its frame: compare names the conflict in the run's language")
  func infeasibleVariant() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("variants"), withIntermediateDirectories: true)
    try folder.write(
      "variants/kutt.yaml",
      """
      title: Rammen kuttes og Lesing videreføres
      frames:
        dekom: {frame_nok: 200000}
      measures:
        n1: {continuing: ja}

      """)
    let output = try CommandLine.run(["compare", folder.url.path, "--quiet"])
    #expect(output.status == 0)
    let compare = try folder.read("out/compare.md")
    #expect(
      compare.contains(
        "Disse kravene kan ikke oppfylles samtidig: rammen for Dekom (200 000 kr); videreføringen «Lesing» (n1, 420 000 kr). Øk rammen for Dekom med minst 220 000 kr, eller avslutt videreføringen «Lesing» (n1)."
      ))
  }

  @Test("the writer refuses to write over an input file and changes nothing")
  func neverOverInput() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let before = try folder.read("measures.csv")
    let writer = OutputWriter(protecting: [folder.url.appendingPathComponent("measures.csv")])
    #expect(throws: OutputWriter.RefusedError.self) {
      try writer.write([("innstilling.md", "new"), ("measures.csv", "overwritten")], into: folder.url)
    }
    #expect(try folder.read("measures.csv") == before)
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("innstilling.md").path))
  }

  @Test("usage errors exit 64 with a message")
  func usage() throws {
    let output = try CommandLine.run(["run", "somewhere", "--time-limit", "-1"])
    #expect(output.status == 64)
    #expect(output.standardError.contains("--time-limit"))
  }

  @Test("a file with thousands of errors prints the first 200 and how many more, not all of them")
  func errorListIsCapped() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let header = try folder.read("measures.csv").split(separator: "\n")[0]
    let rows = (1...3_000).map { "x\($0);nord;dekom;to;Tiltak;100 000;0;0;ntnu;1;ja;ja;ja" }
    try folder.write("measures.csv", ([String(header)] + rows).joined(separator: "\n") + "\n")
    let output = try CommandLine.run(["check", folder.url.path])
    #expect(output.status == 1)
    let lines = output.standardError.split(separator: "\n")
    #expect(lines.count == 202)  // the heading, 200 errors, and the line that counts the rest
    #expect(lines.last?.contains("feil til: rett disse først, og sjekk på nytt.") == true)
    let english = try CommandLine.run(["check", folder.url.path, "--lang", "en"]).standardError.split(separator: "\n")
    #expect(english.count == 202)
    #expect(english.last?.contains("more errors: fix these first") == true)
  }

  @Test("check reads the variants too: bad values, unknown bases and measures, and circles are errors, all in one round")
  func checkReadsVariants() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("variants"), withIntermediateDirectories: true)
    try folder.write("variants/fin.yaml", "title: Fin\nframes:\n  dekom: {factor: 0.9}\n")
    try folder.write("variants/tall.yaml", "title: Tall\nframes:\n  dekom: {factor: abc}\n")
    try folder.write("variants/ukjent.yaml", "title: Ukjent\nmeasures:\n  x9: {rank: 1}\n")
    try folder.write("variants/grunnlos.yaml", "title: Grunnløs\nbased_on: finnes-ikke\n")
    try folder.write("variants/a.yaml", "title: A\nbased_on: b\n")
    try folder.write("variants/b.yaml", "title: B\nbased_on: a\n")
    let output = try CommandLine.run(["check", folder.url.path])
    #expect(output.status == 1)
    for file in ["variants/tall.yaml", "variants/ukjent.yaml", "variants/a.yaml", "variants/b.yaml"] {
      #expect(output.standardError.contains(file), "\(file) is not named:\n\(output.standardError)")
    }
    #expect(output.standardError.contains("finnes-ikke"))
    #expect(!output.standardError.contains("variants/fin.yaml"))
    // A broken base and a broken variant file: both in one round.
    try folder.write("scenario.yaml", try folder.read("scenario.yaml").replacingOccurrences(of: "year: 2027", with: "year: tjue"))
    let both = try CommandLine.run(["check", folder.url.path])
    #expect(both.status == 1)
    #expect(both.standardError.contains("scenario.yaml") && both.standardError.contains("variants/tall.yaml"))
  }

  @Test("a folder, a pipe or a dangling link in place of an input file is named for what it is, and nothing waits on the pipe")
  func notAFile() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    for name in ["owners.csv", "partners.csv", "measures.csv"] {
      try FileManager.default.removeItem(at: folder.url.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("owners.csv"), withIntermediateDirectories: false)
    #expect(mkfifo(folder.url.appendingPathComponent("partners.csv").path, 0o644) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: folder.url.appendingPathComponent("measures.csv").path, withDestinationPath: "/nonexistent")
    let output = try CommandLine.run(["check", folder.url.path, "--lang", "en"])
    #expect(output.status == 1)
    #expect(output.standardError.contains("owners.csv: this is a folder, not a file."))
    #expect(output.standardError.contains("partners.csv: this is not an ordinary file (a pipe, socket or device is in its place)."))
    #expect(output.standardError.contains("measures.csv: this is a link to a file that does not exist."))
    #expect(!output.standardError.contains("NSCocoaErrorDomain"))
  }
}
