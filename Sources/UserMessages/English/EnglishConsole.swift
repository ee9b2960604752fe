import Foundation

/// The command line's lines in English.
enum EnglishConsole {
  private static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

  static func text(_ line: ConsoleText) -> String {
    switch line {
    case .errorsHeader(let directory, let count): "\(directory): \(plural(count, "error")); nothing was written."
    case .moreErrors(let more): "… and \(more) more error\(more == 1 ? "" : "s"): fix these first and check again."
    case .columnLabel(let column): "column '\(column)'"
    case .keyLabel(let key): "key '\(key)'"
    case .fixLead: " Fix: "
    case .warningLead: "warning:"
    case .valid(let directory, let schemes, let networks, let owners, let partners, let measures, let variants):
      "\(directory): valid – \(schemes) schemes, \(networks) networks, \(owners) school owners, \(partners) partners, \(measures) measures\(variants > 0 ? ", \(plural(variants, "variant"))" : "")."
    case .planSummary(let first, let last, let lasting): "A plan for \(first)–\(last): \(lasting) measures run more than one year."
    case .solved(let county, let year, let status, let solver): "Solved \(county) \(year): \(status) (\(solver))."
    case .solvedPlan(let county, let first, let last, let status, let solver):
      "Solved the plan \(county) \(first)–\(last) as one model: \(status) (\(solver))."
    case .planYear(let year): "Year \(year), the innstilling:"
    case .measureCounts(let funded, let partly, let notFunded, let ineligible):
      "Measures: \(funded) funded, \(partly) partly, \(notFunded) not funded, \(ineligible) not eligible."
    case .notProven: "Not proven optimal within the work and time limits:"
    case .stageNotProven(let name, let status, let gap, let stop):
      "  stage \(name): \(status), \(gap.map { String(format: "proven gap %.4g %%", $0 * 100) } ?? "no bound")"
        + (stop == .workLimit
          ? ", stopped by the work limit" : stop == .timeLimit ? ", stopped by the time limit (depends on the machine's speed)" : "")
    case .laterStagesSkipped(let skipped): "  \(skipped) later stage(s) not reached; the allocation is the last solved stage's."
    case .draftIn(let folder): "The draft innstilling is in \(folder)/innstilling.md"
    case .lettersIn(let recipients, let folder): "The decision letters, one per recipient (\(recipients)), are in \(folder)/"
    case .planIn(let folder): "The long-term plan is in \(folder)/langsiktig-plan.md"
    case .explaining(let done, let total): "Explaining: \(done) of \(total) measures not funded in full searched"
    case .compared(let variants, let failed):
      "Compared the base scenario with \(plural(variants, "variant"))\(failed > 0 ? " (\(failed) without an allocation)" : "")."
    case .comparisonIn(let folder): "The comparison is in \(folder)/compare.md"
    case .cannotWrite(let message): "dekom: \(message) Nothing was written."
    case .verificationFailed: "dekom: internal error: the allocation failed dekom's independent check; nothing was written."
    case .reportWithScenario: "Please report this with the scenario folder."
    case .renderingFailed(let message): "dekom: internal error while rendering the reports: \(message)"
    case .unbounded: "dekom: the model is unbounded, which valid data cannot cause; nothing was written. Please report this."
    case .noAllocationInTime: "dekom: no allocation was found within the time limit; nothing was written. Try a longer --time-limit."
    case .invalidModel: "dekom: internal error, the model was refused before solving; nothing was written:"
    case .solverFailed(let status): "dekom: the solver failed (\(status)); nothing was written."
    case .serving(let scenarios, let directory, let port):
      "Serving \(plural(scenarios, "scenario")) from \(directory) at http://127.0.0.1:\(port)/ (Ctrl-C stops)."
    case .serveNotAFolder(let directory):
      "dekom serve: \(directory) is not a folder. Give the folder of a scenario, or a folder of scenario folders."
    case .portInUse(let port):
      "dekom serve: port \(port) is in use by another program. Choose another with --port N, or --port 0 for any free port."
    case .cannotServe(let port, let detail): "dekom serve: cannot serve on 127.0.0.1:\(port): \(detail)"
    case .variantNoAllocationInTime: "no allocation was found within the time limit."
    case .variantSolverEnded(let status): "the solver ended with \(status)."
    case .variantInternalError(let message): "internal error: \(message)"
    }
  }
}
