import AtomicOutput
import Foundation
import TestSupport
import Testing

@testable import DekomRunner

#if canImport(Glibc)
  import Glibc
#endif

/// What the test's own SIGHUP handler saw.
private nonisolated(unsafe) var hangupsSeen: sig_atomic_t = 0

@Suite("Interrupted runs", .serialized)
struct InterruptTests {
  @Test("a signal during the write is held back until the files are whole, then delivered")
  func deferral() {
    var mine = sigaction()
    mine.__sigaction_handler.sa_handler = { _ in hangupsSeen += 1 }
    sigemptyset(&mine.sa_mask)
    var original = sigaction()
    sigaction(SIGHUP, &mine, &original)
    defer { sigaction(SIGHUP, &original, nil) }
    // The test runner's threads may block signals; this one must not, for raise() to reach it.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGHUP)
    var mask = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &unblock, &mask)
    defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }
    hangupsSeen = 0
    let deferral = SignalDeferral()
    raise(SIGHUP)
    #expect(hangupsSeen == 0)  // held back
    deferral.end()
    #expect(hangupsSeen == 1)  // delivered to the handler that was there before
  }

  @Test("SIGINT at any moment of a run leaves all the outputs or none, and no temporary file")
  func interruptAnywhere() throws {
    let scenario = repositoryRoot.appendingPathComponent("scenarios/trondelag")
    // A whole run to compare with (without the explanations' re-solves, like the runs below).
    let expected = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-interrupt-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: expected) }
    let whole = try CommandLine.run(["run", scenario.path, "--out", expected.path, "--quiet", "--no-explain"])
    #expect(whole.status == 0)
    for delay in [0.05, 0.3, 0.6, 0.9, 1.2, 1.6] {
      let out = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-interrupt-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: out) }
      let process = Process()
      process.executableURL = CommandLine.executable
      process.arguments = ["run", scenario.path, "--out", out.path, "--quiet", "--no-explain"]
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      process.interrupt()
      process.waitUntilExit()
      let files = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
      if files.isEmpty {
        // Stopped before writing, by the signal.
        #expect(process.terminationReason == .uncaughtSignal, "delay \(delay)")
        continue
      }
      #expect(files.sorted() == (ScenarioRun.outputFiles + [ScenarioRun.letterFolder]).sorted(), "delay \(delay): \(files)")
      // Every file whole, the letters in vedtak/ included.
      #expect(try Self.snapshot(out) == Self.snapshot(expected), "delay \(delay): the outputs are not whole")
    }
  }

  /// Every file under `folder` (relative path → bytes).
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
    for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
      files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
    }
    return files
  }

  @Test("SIGKILL at any step of the write leaves all the old outputs or all the new ones, and the next run cleans up")
  func killedWhileWriting() throws {
    let folder = try ScenarioFolder(copying: repositoryRoot.appendingPathComponent("scenarios/trondelag"))
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("out")
    // The outputs as they were: the innstilling, a variant's folder, and a comparison's files.
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("scenarios/trondelag/variants"), to: folder.url.appendingPathComponent("variants"))
    #expect(try CommandLine.run(["run", folder.url.path, "--quiet", "--no-explain"]).status == 0)
    #expect(try CommandLine.run(["run", folder.url.path, "--variant", "rekom-kutt", "--quiet", "--no-explain"]).status == 0)
    try Data("old comparison\n".utf8).write(to: out.appendingPathComponent("compare.md"))
    let old = try Self.snapshot(out)
    // A changed input, so that the new outputs differ from the old.
    try folder.write("scenario.yaml", try folder.read("scenario.yaml").replacingOccurrences(of: "23 500 000", with: "23 000 000"))
    var environment = ProcessInfo.processInfo.environment
    for step in ["staged", "exchanged"] {
      environment["DEKOM_FAULT_KILL_AT"] = step
      let killed = try CommandLine.run(["run", folder.url.path, "--quiet", "--no-explain"], environment: environment)
      #expect(killed.status == SIGKILL, "\(step): the hook did not kill the run")
      let after = try Self.snapshot(out)
      if step == "staged" {
        #expect(after == old, "killed before the switch: the old outputs must stand, all of them")
      } else {
        #expect(after.keys.sorted() == old.keys.sorted(), "killed after the switch: the same files")
        #expect(after["innstilling.md"] != old["innstilling.md"] && after["allocation.json"] != old["allocation.json"])
        #expect(after["compare.md"] == old["compare.md"] && after["rekom-kutt/innstilling.md"] == old["rekom-kutt/innstilling.md"])
      }
      // The killed write's folder beside out/ is left behind, for the next write to remove.
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".out.") }
      #expect(leftovers.count == 1, "\(step): \(leftovers)")
    }
    environment["DEKOM_FAULT_KILL_AT"] = nil
    #expect(try CommandLine.run(["run", folder.url.path, "--quiet", "--no-explain"], environment: environment).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".out.") }.isEmpty)
    let final = try Self.snapshot(out)
    #expect(final["compare.md"] == old["compare.md"] && final["rekom-kutt/allocation.json"] == old["rekom-kutt/allocation.json"])
    #expect(!final.keys.contains { $0.hasSuffix(".tmp") })
  }

  @Test("a folder that holds files dekom did not write is never switched: each output replaces its file, the rest stays")
  func foreignFolderIsNotSwitched() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-foreign-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: out) }
    try Data("mine\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
    let before = try FileManager.default.attributesOfItem(atPath: out.path)[.systemFileNumber] as? Int
    #expect(try CommandLine.run(["run", folder.url.path, "--out", out.path, "--quiet", "--no-explain"]).status == 0)
    let after = try FileManager.default.attributesOfItem(atPath: out.path)[.systemFileNumber] as? Int
    #expect(before == after, "the folder itself was replaced")
    #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        == (ScenarioRun.outputFiles + [ScenarioRun.letterFolder, "notes.txt"]).sorted())
  }
}
