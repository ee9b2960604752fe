import Foundation

/// Runs the built `dekom` executable, as a user would.
struct CommandLine {
  struct Output {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The `dekom` binary built beside the test bundle (the test target depends on it).
  static let executable: URL = {
    let runner = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
    var directory = runner.deletingLastPathComponent()
    // On Linux the runner is `.build/…/debug/dekomPackageTests.xctest`; elsewhere it may sit deeper in a bundle.
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("dekom")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("dekom")
  }()

  static func run(_ arguments: [String], in directory: URL? = nil, executable: URL = executable, environment: [String: String]? = nil)
    throws -> Output
  {
    let process = Process()
    process.executableURL = executable
    if let environment { process.environment = environment }
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }
}
