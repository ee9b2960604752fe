import ArgumentParser
import Reports

/// Options every solving command shares: report language, time limit, quietness.
struct CommonSolveOptions: ParsableArguments {
  @Option(help: "Report language: nb (Norwegian bokmål) or en (English).")
  var lang: Language = .nb

  @Option(help: "Wall-clock limit for each solve, in seconds (default: the scenario's, else 60).")
  var timeLimit: Double?

  @Flag(name: [.short, .long], help: "Print nothing but errors.")
  var quiet = false

  func validate() throws {
    if let timeLimit, !(timeLimit > 0 && timeLimit <= 86_400) {
      throw ValidationError("--time-limit must be a number of seconds above 0 and at most 86400.")
    }
  }
}
