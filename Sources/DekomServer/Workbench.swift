import DekomRunner
import Dispatch
import Explanations
import Foundation
import GrantAllocation
import Reports
import ScenarioFiles
import ScenarioFormat
import UserMessages
import Variants

/// Where `dekom serve` solves: one serial queue of its own, so that GLPK is never called from the
/// web server's event loops or from Swift's cooperative threads, and each problem is created,
/// solved and freed on one thread (inside ``ScenarioRun``). Answers are kept, keyed by everything
/// they depend on, so a page shown twice is solved once.
final class Workbench: @unchecked Sendable {
  /// Too many solves are waiting: the page says "busy" instead of queueing without end.
  struct BusyError: Error {}

  let library: ScenarioLibrary
  /// The time limit of each solve (and of each re-solve when a measure is explained).
  let timeLimitSeconds: Double
  /// At most this many solves wait or run at once.
  let maximumPending: Int

  private let queue = DispatchQueue(label: "dekom.serve.solver", qos: .userInitiated)
  private let lock = NSLock()
  private var pending = 0
  /// Solved allocations by key (scenario inputs + variant files + what-if), oldest first.
  private var solved: [(key: String, result: AllocationResult, seconds: Double)] = []
  /// Solves running or waiting, by key: a second request for the same answer waits for the first.
  private var inFlight: [String: Task<(result: AllocationResult, seconds: Double), any Error>] = [:]
  private static let keptAnswers = 48
  /// Solved long-term plans by key (scenario inputs), oldest first.
  private var plans: [(key: String, plan: PlanResult)] = []
  /// Where the explained runs run: a queue of their own, so that a page's solve never waits for
  /// one (an explained run takes many re-solves).
  private let explainQueue = DispatchQueue(label: "dekom.serve.explainer", qos: .utility)
  /// Finished explained runs by key, oldest first.
  private var explanations: [(key: String, state: Explained)] = []
  /// Explained runs started and not finished, by key, with how many measures each has explained.
  private var explaining: [String: (done: Int, total: Int)] = [:]
  private static let keptExplanations = 16
  /// At most this many explained runs wait or run at once; a page that asks for another says it is
  /// being computed and asks again when it reloads.
  static let maximumExplaining = 4

  init(library: ScenarioLibrary, timeLimitSeconds: Double, maximumPending: Int = 8) {
    self.library = library
    self.timeLimitSeconds = timeLimitSeconds
    self.maximumPending = maximumPending
  }

  /// Runs `work` on the solver queue and waits for it without blocking the caller's thread.
  ///
  /// - Throws: ``BusyError`` when ``maximumPending`` solves are already waiting or running.
  func onSolverQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(BusyError) -> T {
    let admitted = lock.withLock {
      guard pending < maximumPending else { return false }
      pending += 1
      return true
    }
    guard admitted else { throw BusyError() }
    return await withCheckedContinuation { continuation in
      queue.async {
        let value = work()
        self.lock.withLock { self.pending -= 1 }
        continuation.resume(returning: value)
      }
    }
  }

  /// A ``ScenarioRun`` for one scenario folder, without the explanation re-solves.
  func run(_ folder: URL) -> ScenarioRun {
    ScenarioRun(directory: folder, timeLimitSeconds: timeLimitSeconds, explain: false)
  }

  /// A loaded scenario folder: its base scenario and variants, and a key that changes when any of
  /// its files changes.
  struct Loaded: Sendable {
    var folder: URL
    var base: Scenario
    /// The variants that load; a broken one is in ``brokenVariants`` and blocks nothing else.
    var variants: [Variant]
    /// Each variant file that does not load, with what `dekom check` says of it.
    var brokenVariants: [(name: String, error: ScenarioError)]
    var key: String
    /// A key that changes when any of the base scenario's input files changes (not its variants'):
    /// what the base's explanation depends on, so that saving a variant does not start it again.
    var baseKey: String
  }

  /// Loads a scenario folder (files that are links out of the served folder are refused).
  func load(_ folder: URL) throws(ScenarioRun.RunError) -> Loaded {
    let outside = library.linksOutside(folder)
    guard outside.isEmpty else {
      throw .invalidInput(
        ScenarioError(
          issues: outside.map {
            ScenarioIssue(file: $0, row: nil, field: nil, .linkOutsideServedFolder)
          }))
    }
    let run = run(folder)
    let base = try run.load()
    let loaded = VariantFile.loadEach(directory: folder)
    let variants = loaded.compactMap { try? $0.variant.get() }
    let broken = loaded.compactMap { entry -> (name: String, error: ScenarioError)? in
      guard case .failure(let error) = entry.variant else { return nil }
      return (entry.name, error)
    }
    let variantsFolder = folder.appendingPathComponent(VariantFile.folderName)
    let variantTexts = loaded.map { entry in
      let data = (try? Data(contentsOf: variantsFolder.appendingPathComponent(entry.name + ScenarioSchema.Variant.fileExtension))) ?? Data()
      return entry.name + "\u{1}" + String(decoding: data, as: UTF8.self)
    }
    let baseKey = ([folder.path] + base.inputFiles.map { $0.name + ":" + $0.sha256 }).joined(separator: "\u{0}")
    let key = ([baseKey] + variantTexts).joined(separator: "\u{0}")
    return Loaded(folder: folder, base: base, variants: variants, brokenVariants: broken, key: key, baseKey: baseKey)
  }

  /// The base scenario's allocation (solved once per version of the files).
  func solveBase(_ loaded: Loaded) async throws -> AllocationResult {
    try await solve(key: loaded.key + "\u{0}base", scenario: loaded.base, reference: nil, loaded: loaded).result
  }

  /// A plan scenario's long-term plan, solved and verified as `dekom run` does (once per version
  /// of the files).
  func solvePlan(_ loaded: Loaded) async throws -> PlanResult {
    let key = loaded.key + "\u{0}plan"
    if let known = lock.withLock({ plans.first { $0.key == key }?.plan }) { return known }
    let run = run(loaded.folder)
    let scenario = loaded.base
    let outcome = try await onSolverQueue { () -> Result<PlanResult, ScenarioRun.RunError> in
      do throws(ScenarioRun.RunError) {
        let plan = try run.solvePlan(scenario)
        try ScenarioRun.verify(plan)
        return .success(plan)
      } catch {
        return .failure(error)
      }
    }
    let plan = try outcome.get()
    lock.withLock {
      plans.removeAll { $0.key == key }
      plans.append((key, plan))
      if plans.count > Self.keptAnswers { plans.removeFirst(plans.count - Self.keptAnswers) }
    }
    return plan
  }

  /// The allocation of `scenario`, a variant of `loaded`'s base: solved as `dekom run --variant`
  /// does, closest to the base's allocation among equally good answers.
  ///
  /// - Returns: the allocation, and the seconds its solve took (also when it was solved before).
  func solveVariant(_ scenario: Scenario, key: String, loaded: Loaded) async throws -> (result: AllocationResult, seconds: Double) {
    let base = try await solveBase(loaded)
    return try await solve(key: loaded.key + "\u{0}" + key, scenario: scenario, reference: base, loaded: loaded)
  }

  private func cached(_ key: String) -> (result: AllocationResult, seconds: Double)? {
    lock.withLock { solved.first { $0.key == key }.map { ($0.result, $0.seconds) } }
  }

  /// Identical solves asked while one is running wait for that one: one solve answers them all.
  private func solve(
    key: String, scenario: Scenario, reference: AllocationResult?, loaded: Loaded
  ) async throws -> (result: AllocationResult, seconds: Double) {
    if let known = cached(key) { return known }
    let task = lock.withLock { () -> Task<(result: AllocationResult, seconds: Double), any Error> in
      if let running = inFlight[key] { return running }
      let started = Task { try await self.solveNow(key: key, scenario: scenario, reference: reference, loaded: loaded) }
      inFlight[key] = started
      return started
    }
    return try await task.value
  }

  private func solveNow(
    key: String, scenario: Scenario, reference: AllocationResult?, loaded: Loaded
  ) async throws -> (result: AllocationResult, seconds: Double) {
    defer { lock.withLock { inFlight[key] = nil } }
    let run = run(loaded.folder)
    let start = DispatchTime.now()
    let outcome = try await onSolverQueue { () -> Result<AllocationResult, ScenarioRun.RunError> in
      do throws(ScenarioRun.RunError) {
        let result = try run.solve(scenario, reference: reference.map { AllocationReference($0) } ?? AllocationReference())
        let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: result.solverName)
        try ScenarioRun.verify(ReportInput(result: result, language: .nb, provenance: provenance))
        return .success(result)
      } catch {
        return .failure(error)
      }
    }
    let result = try outcome.get()
    // From the request to the verified answer, waiting for the queue included.
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    lock.withLock {
      solved.removeAll { $0.key == key }
      solved.append((key, result, seconds))
      if solved.count > Self.keptAnswers { solved.removeFirst(solved.count - Self.keptAnswers) }
    }
    return (result, seconds)
  }

  /// An allocation explained as `dekom run` explains it, or how far that has come.
  enum Explained: Sendable {
    /// Being computed (or waiting to be): `done` of `total` measures explained so far (both 0
    /// before the searches begin).
    case pending(done: Int, total: Int)
    /// The allocation with the reasons the explanation adds, and the explanation.
    case done(result: AllocationResult, explanation: Explanation)
    case failed(ScenarioRun.RunError)
  }

  /// The explanation of `scenario` (the base of `loaded`, or a variant of it with `reference`, the
  /// base's allocation): what it would take to fund each measure, the waiting lists and the shadow
  /// prices, computed once per version of the files. Never waits: the first call starts the
  /// explained run on its own queue and answers ``Explained/pending(done:total:)``, as every call
  /// does until the run has finished.
  ///
  /// - Parameters:
  ///   - scenario: the scenario to explain.
  ///   - key: what `scenario` is within `loaded` ("base", "variant:NAME").
  ///   - reference: for a variant, the base's allocation it stays closest to.
  ///   - loaded: the scenario folder, whose files' version the answer is kept for.
  /// - Returns: the explained allocation, or that it is being computed or could not be.
  func explained(_ scenario: Scenario, key: String, reference: AllocationResult?, loaded: Loaded) -> Explained {
    let key = Self.explanationKey(key, reference: reference, loaded: loaded)
    return lock.withLock {
      if let known = explanations.first(where: { $0.key == key }) { return known.state }
      if let progress = explaining[key] { return .pending(done: progress.done, total: progress.total) }
      guard explaining.count < Self.maximumExplaining else { return .pending(done: 0, total: 0) }
      explaining[key] = (0, 0)
      var run = ScenarioRun(directory: loaded.folder, timeLimitSeconds: timeLimitSeconds, explain: true)
      run.progress = { [weak self] done, total in
        self?.lock.withLock {
          // Reported from several threads in any order: the count only grows.
          if let now = self?.explaining[key], now.done < done { self?.explaining[key] = (done, total) }
        }
      }
      explainQueue.async { [run] in
        let state: Explained
        do throws(ScenarioRun.RunError) {
          let (result, explanation) = try run.solveAndExplain(
            scenario, reference: reference.map { AllocationReference($0) } ?? AllocationReference(), explain: true)
          let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: result.solverName)
          try ScenarioRun.verify(ReportInput(result: result, language: .nb, provenance: provenance, explanation: explanation))
          guard let explanation else { throw .rendering("the explained run gave no explanation") }
          state = .done(result: result, explanation: explanation)
        } catch {
          state = .failed(error)
        }
        self.lock.withLock {
          self.explaining[key] = nil
          self.explanations.removeAll { $0.key == key }
          self.explanations.append((key, state))
          if self.explanations.count > Self.keptExplanations {
            self.explanations.removeFirst(self.explanations.count - Self.keptExplanations)
          }
        }
      }
      return .pending(done: 0, total: 0)
    }
  }

  /// The explanation ``explained(_:key:reference:loaded:)`` has, or is computing, without starting
  /// one; `nil` when it has not been asked for.
  func knownExplanation(key: String, reference: AllocationResult?, loaded: Loaded) -> Explained? {
    let key = Self.explanationKey(key, reference: reference, loaded: loaded)
    return lock.withLock {
      if let known = explanations.first(where: { $0.key == key }) { return known.state }
      return explaining[key].map { .pending(done: $0.done, total: $0.total) }
    }
  }

  /// The key an explanation is kept under. The base's is kept while only variant files change
  /// (a variant's depends on them).
  private static func explanationKey(_ key: String, reference: AllocationResult?, loaded: Loaded) -> String {
    (reference == nil ? loaded.baseKey : loaded.key) + "\u{0}explained\u{0}" + key
  }

  /// What it would take to fund one measure of `result` in full, searched on the solver queue.
  func whatItTakes(_ measure: MeasureID, in result: AllocationResult) async throws -> WhatItTakes? {
    let timeLimit = timeLimitSeconds
    return try await onSolverQueue {
      ScenarioRun.whatItTakes(measure, in: result, timeLimitSeconds: timeLimit, resolves: 24)
    }
  }
}
