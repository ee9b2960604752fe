// What `dekom run scenarios/trondelag` costs, end to end and stage by stage.
//
// Run from the Benchmarks folder: `swift package benchmark`.

import Benchmark
import DekomRunner
import Foundation
import GLPKBackend
import GrantAllocation
import ScenarioFiles

/// The repository's root: the nearest folder above this file holding a Package.swift that is not
/// the benchmark package's own (Benchmarks/Package.swift).
let repositoryRoot: URL = {
  let benchmarksPackage = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // DekomBenchmarks/
    .deletingLastPathComponent()  // Benchmarks/Benchmarks/
    .deletingLastPathComponent()  // Benchmarks/
  var url = benchmarksPackage
  while url.path != "/" {
    url.deleteLastPathComponent()
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
  }
  fatalError("no Package.swift above \(benchmarksPackage.path)")
}()

/// The scenario measured: scenarios/trondelag in the repository. `DEKOM_BENCH_SCENARIO` names
/// another folder instead (for trying a different size; the committed numbers use trondelag).
let scenarioDirectory: URL = {
  if let path = ProcessInfo.processInfo.environment["DEKOM_BENCH_SCENARIO"], !path.isEmpty {
    return URL(fileURLWithPath: path)
  }
  return repositoryRoot.appendingPathComponent("scenarios/trondelag")
}()

/// This process's output folder, outside the repository, so a run never touches scenarios/*/out.
let outputDirectory = FileManager.default.temporaryDirectory
  .appendingPathComponent("dekom-bench-\(ProcessInfo.processInfo.processIdentifier)")

/// Loads the scenario or stops the benchmark with the loader's own message.
func loadScenario() throws -> Scenario {
  do {
    return try ScenarioLoader.load(directory: scenarioDirectory)
  } catch {
    throw BenchmarkSetupError("cannot load \(scenarioDirectory.path): \(error)")
  }
}

/// A solved scenario and the run that renders it.
struct SolvedRun {
  var run: ScenarioRun
  var result: AllocationResult
}

struct BenchmarkSetupError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

let benchmarks: @Sendable () -> Void = {
  // The stages that take milliseconds: up to 200 samples in at most 5 s each.
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    warmupIterations: 1,
    maxDuration: .seconds(5),
    maxIterations: 200
  )
  // The runs that solve take about a second on trondelag: 30 samples, or 30 s, whichever comes first.
  let solving = Benchmark.Configuration(warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 30)

  // 1. The whole of `dekom run scenarios/trondelag --out <temp>`: load, solve, render, write.
  Benchmark("run/trondelag end to end", configuration: solving) { benchmark in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try ScenarioRun(directory: scenarioDirectory, outputDirectory: outputDirectory).execute())
      } catch {
        benchmark.error("dekom run failed: \(error)")
        return
      }
    }
  } teardown: {
    try? FileManager.default.removeItem(at: outputDirectory)
  }

  // 2. The stages, each on the same scenario, each given what the stage before it produced.

  // Reading and validating scenario.yaml and the three CSV files.
  Benchmark("trondelag/load") { benchmark in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try ScenarioLoader.load(directory: scenarioDirectory))
      } catch {
        benchmark.error("load failed: \(error)")
        return
      }
    }
  }

  // Building the mixed-integer model from a loaded scenario (no solver involved).
  Benchmark("trondelag/build model") { benchmark, scenario in
    for _ in benchmark.scaledIterations {
      blackHole(AllocationFormulation(scenario: scenario))
    }
  } setup: {
    try loadScenario()
  }

  // What `ScenarioRun.solve` does: build the model, solve it with GLPK, read the outcomes back.
  Benchmark("trondelag/solve", configuration: solving) { benchmark, scenario in
    for _ in benchmark.scaledIterations {
      let result = Allocator(solver: GLPKSolver()).allocate(scenario)
      guard result.hasAllocation else {
        benchmark.error("no allocation: \(result.status)")
        return
      }
      blackHole(result)
    }
  } setup: {
    try loadScenario()
  }

  // Rendering innstilling.md, allocation.csv and allocation.json in memory from a solved result.
  Benchmark("trondelag/render") { (benchmark, prepared: SolvedRun) in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try prepared.run.render(prepared.result))
      } catch {
        benchmark.error("render failed: \(error)")
        return
      }
    }
  } setup: {
    let run = ScenarioRun(directory: scenarioDirectory, outputDirectory: outputDirectory)
    do {
      return SolvedRun(run: run, result: try run.solve(try run.load()))
    } catch {
      throw BenchmarkSetupError("cannot solve \(scenarioDirectory.path): \(error)")
    }
  }

  // 3. Generated regions from county to 10⁶ measures (GeneratedRegions.swift).
  generatedRegionBenchmarks()
}
