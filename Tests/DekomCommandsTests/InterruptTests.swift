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
      #expect(files.sorted() == ScenarioRun.outputFiles.sorted(), "delay \(delay): \(files)")
      for file in files {
        #expect(
          try Data(contentsOf: out.appendingPathComponent(file)) == Data(contentsOf: expected.appendingPathComponent(file)),
          "delay \(delay): \(file) is not whole")
      }
    }
  }
}
