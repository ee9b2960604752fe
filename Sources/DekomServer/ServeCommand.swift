import ArgumentParser
import DekomRunner
import Dispatch
import Foundation
import Hummingbird
import NIOCore
import Reports
import UserMessages

extension Language: ExpressibleByArgument {}

/// `dekom serve DIR` (the `dekom-serve` program, which `dekom serve` starts): the scenarios under
/// DIR as local web pages, on 127.0.0.1 only.
public struct DekomServe: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "dekom serve",
    abstract: "Show the scenarios under a folder as web pages on this computer (127.0.0.1 only).",
    discussion: """
      Pages: the list of scenarios and their variants; each allocation with its charts; a comparison \
      of the base with chosen variants; each measure's explanation; and a what-if form that solves at \
      once and can save the what-if as variants/NAME.yaml. Stop with Ctrl-C.
      """)

  /// A connection that sends nothing for this long is closed.
  static let idleSeconds: Int64 = 30

  /// The port when none is given.
  public static let defaultPort = 8427

  @Argument(help: "A scenario folder, or a folder of scenario folders.", completion: .directory)
  var directory: String

  @Option(help: "The port to listen on (0: any free port; the address is printed).")
  var port: Int = DekomServe.defaultPort

  @Option(help: "The pages' language when the address does not say: nb (Norwegian bokmål) or en (English).")
  var lang: Language = .nb

  @Option(help: "Wall-clock limit for each solve, in seconds.")
  var timeLimit: Double = 30

  public init() {}

  public func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
    guard timeLimit > 0 && timeLimit <= 3_600 else {
      throw ValidationError("--time-limit must be a number of seconds above 0 and at most 3600.")
    }
  }

  public func run() throws {
    let library: ScenarioLibrary
    do {
      library = try ScenarioLibrary(directory: directory)
    } catch {
      printError(ConsoleText.serveNotAFolder(error.directory).text(in: lang))
      throw ExitCode(1)
    }
    let boundPort = BoundPort()
    let server = WebServer(
      library: library, workbench: Workbench(library: library, timeLimitSeconds: timeLimit), defaultLanguage: lang, boundPort: boundPort)
    let count = library.scenarios().count
    let directory = directory
    let language = lang
    let application = Application(
      router: server.router(),
      server: .http1(
        configuration: .init(additionalChannelHandlers: [RequestDeadlines()], idleTimeout: .seconds(Self.idleSeconds))),
      configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "dekom"),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        boundPort.set(port)
        // Written at once (not buffered), so a script or test that waits for the address sees it.
        FileHandle.standardOutput.write(
          Data((ConsoleText.serving(scenarios: count, directory: directory, port: port).text(in: language) + "\n").utf8))
      })
    let finished = DispatchSemaphore(value: 0)
    let failure = FailureBox()
    Task {
      do {
        try await application.runService()
      } catch {
        failure.set(error)
      }
      finished.signal()
    }
    finished.wait()
    if let error = failure.error {
      if let io = error as? IOError, io.errnoCode == EADDRINUSE {
        printError(ConsoleText.portInUse(port).text(in: lang))
      } else {
        printError(ConsoleText.cannotServe(port: port, detail: "\(error)").text(in: lang))
      }
      throw ExitCode.failure
    }
  }
}

/// Writes a line to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The error a background task ended with.
private final class FailureBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: (any Error)?
  var error: (any Error)? { lock.withLock { stored } }
  func set(_ error: any Error) { lock.withLock { stored = error } }
}
