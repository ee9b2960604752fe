import ArgumentParser
import LinearProgramming
import Reports
import UserMessages

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
      "How each stage is solved: branch-and-cut, block-search or decomposition.",
      discussion: """
        branch-and-cut is GLPK's branch-and-cut on the whole model. block-search bounds each \
        stage with the LP relaxation and builds the integer allocation around it list by list, \
        running branch-and-cut only while a gap remains (the same optimum). decomposition bounds \
        each stage by column generation over the ranked lists and searches only the lists that \
        bound leaves open (for national regions and larger; allocation.json shows each stage's \
        proven gap, and records branch-and-cut where it falls back to it).
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
