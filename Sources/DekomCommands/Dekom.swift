import ArgumentParser
import DekomRunner
import Foundation

/// The `dekom` command.
public struct Dekom: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "dekom",
    abstract: "Grant allocation optimiser for the collaboration forums (Dekom, Rekom, Kompetanseløftet).",
    discussion: """
      dekom reads a scenario folder (scenario.yaml, partners.csv, owners.csv, measures.csv; \
      see docs/scenario-format.md), solves the allocation with GLPK and writes the draft joint \
      annual recommendation (felles årlig innstilling).
      """,
    version: DekomVersion.current,
    subcommands: [Run.self, Check.self, Compare.self, Serve.self, Generate.self, Export.self, Bound.self]
  )

  public init() {}
}

/// Exit codes, documented in the README.
public enum DekomExit {
  /// The scenario has errors; nothing was written.
  public static let invalidInput = ExitCode(1)
  /// The model has no allocation (infeasible, unbounded, or no solution in time); nothing was written.
  public static let noAllocation = ExitCode(3)
  /// Outputs could not be written; nothing was changed.
  public static let cannotWrite = ExitCode(4)
  /// A program dekom starts (`dekom-serve`) is not built or cannot be started.
  public static let missingProgram = ExitCode(69)
  /// A bug in dekom.
  public static let internalError = ExitCode(70)
}

/// Writes to standard error; without `newline`, the next line overwrites this one (progress).
func printError(_ text: String, newline: Bool = true) {
  FileHandle.standardError.write(Data((text + (newline ? "\n" : "")).utf8))
}

/// Whether standard error is a terminal (progress is shown only there).
var standardErrorIsTerminal: Bool { isatty(FileHandle.standardError.fileDescriptor) != 0 }
