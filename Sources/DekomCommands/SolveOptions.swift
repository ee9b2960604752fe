import ArgumentParser
import LinearProgramming
import Reports

extension SolveMethod: ExpressibleByArgument {}

/// Options every solving command shares: report language, time limit, quietness.
struct CommonSolveOptions: ParsableArguments {
  @Option(help: "Report language: nb (Norwegian bokmål) or en (English).")
  var lang: Language = .nb

  @Option(
    help:
      "Limit for each solve of the model (all its stages together; a variant also solves its base, explanations solve again), in seconds (default: the scenario's, else 60). Stages stop by a work limit of 8000 units of simplex work per second of it, the same on every machine; the wall clock is only a safety stop."
  )
  var timeLimit: Double?

  @Option(
    help: ArgumentHelp(
      "How each stage is solved: block-search or branch-and-cut (both give the same optimum).",
      discussion: """
        block-search bounds each stage with the LP relaxation and builds the integer allocation \
        around it list by list, running branch-and-cut only while a gap remains; branch-and-cut \
        is GLPK's branch-and-cut on the whole model.
        """))
  var method: SolveMethod = .branchAndCut

  @Flag(name: [.short, .long], help: "Print nothing but errors.")
  var quiet = false

  func validate() throws {
    if let timeLimit, !(timeLimit > 0 && timeLimit <= 86_400) {
      throw ValidationError("--time-limit must be a number of seconds above 0 and at most 86400.")
    }
  }
}
