import ArgumentParser
import Foundation
import Reports
import UserMessages

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Dekom {
  /// `dekom serve DIR`: starts the `dekom-serve` program beside `dekom` (as git and cargo start
  /// their subcommands), so that `dekom` itself compiles and links no web server.
  ///
  /// The options are declared here too, so that `dekom serve --help` and wrong use read as
  /// before; they are handed on unchanged.
  public struct Serve: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Show the scenarios under a folder as web pages on this computer (127.0.0.1 only).",
      discussion: """
        Pages: the list of scenarios and their variants; each allocation with its charts; a comparison \
        of the base with chosen variants; each measure's explanation; and a what-if form that solves at \
        once and can save the what-if as variants/NAME.yaml. Stop with Ctrl-C. Runs the program \
        dekom-serve, built from the same package (`swift build --product dekom-serve`).
        """)

    /// The program that serves the pages.
    public static let programName = "dekom-serve"

    @Argument(help: "A scenario folder, or a folder of scenario folders.", completion: .directory)
    var directory: String

    @Option(help: "The port to listen on (0: any free port; the address is printed).")
    var port: Int = 8427

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
      guard let program = Self.locateProgram() else {
        printError(Self.missingProgramMessage(language: lang))
        throw DekomExit.missingProgram
      }
      let arguments = [program.path, directory, "--port", String(port), "--lang", lang.rawValue, "--time-limit", String(timeLimit)]
      // Replaces this process: signals, the exit status and the printed address are the server's own.
      var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
      execv(program.path, &argv)
      let reason = String(cString: strerror(errno))
      for pointer in argv { free(pointer) }
      printError("dekom serve: kan ikke starte \(program.path): \(reason).")
      throw DekomExit.missingProgram
    }

    /// `dekom-serve` beside the running `dekom` (as `swift build` puts them), else on the `PATH`.
    static func locateProgram() -> URL? {
      let manager = FileManager.default
      var folders: [URL] = []
      if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
        folders.append(executable.deletingLastPathComponent())
      }
      let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
      folders += path.split(separator: ":").filter { !$0.isEmpty }.map { URL(fileURLWithPath: String($0)) }
      return folders.map { $0.appendingPathComponent(programName) }.first { manager.isExecutableFile(atPath: $0.path) }
    }

    /// What to do when `dekom-serve` is not built.
    static func missingProgramMessage(language: Language) -> String {
      switch language {
      case .nb:
        """
        dekom serve: finner ikke programmet \(programName), som viser sidene. Det bygges fra samme pakke \
        som dekom: kjør `swift build --product \(programName)` (eller `swift build` for alt) i dekom-mappen, \
        og prøv igjen.
        """
      case .en:
        """
        dekom serve: cannot find the program \(programName), which serves the pages. It is built from the \
        same package as dekom: run `swift build --product \(programName)` (or `swift build` for everything) \
        in the dekom folder, and try again.
        """
      }
    }
  }
}
