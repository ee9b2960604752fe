// Generated regions at county, national and synthetic sizes: generate, load, build and solve,
// each measured on its own. The solves are time-limited; how each ended is recorded in custom
// metrics (whether an allocation was found, how many stages were proven optimal, the priority
// stage's proven gap), because at the larger sizes GLPK's branch-and-cut does not finish.

import Benchmark
import DekomRunner
import Foundation
import GLPKBackend
import GrantAllocation
import LinearProgramming
import ScenarioFiles
import ScenarioGeneration

/// One size of generated region and how long its solve may run.
struct RegionSize: Sendable {
  var name: String
  var parameters: RegionParameters
  /// `--time-limit` of the solve benchmark; `nil`: the size is not solved.
  var solveSeconds: Double?
  /// Whether loading and building are measured (not at 10⁶: see Benchmarks/README.md).
  var loads = true
  /// Only the solve is measured: the size differs from the one before it only in policy.
  var onlySolve = false
}

let regionSizes: [RegionSize] = [
  // A county: about 100 measures, 12 networks, 4 partners; the defaults of `dekom generate`.
  RegionSize(name: "county", parameters: RegionParameters(seed: 1, measures: 100), solveSeconds: 10),
  // The country: 80 networks, 3 000 measures, with the default fairness floor 0.5.
  RegionSize(name: "national", parameters: RegionParameters(seed: 1, measures: 3_000, networks: 80), solveSeconds: 10),
  // The same without a fairness floor: the priority stage comes first.
  RegionSize(
    name: "national-no-floor", parameters: RegionParameters(seed: 1, measures: 3_000, networks: 80, fairnessFloor: 0),
    solveSeconds: 10, onlySolve: true),
  RegionSize(name: "synthetic-10k", parameters: RegionParameters(seed: 1, measures: 10_000), solveSeconds: 20),
  RegionSize(name: "synthetic-100k", parameters: RegionParameters(seed: 1, measures: 100_000), solveSeconds: 30),
  // Generated only: loading 10⁶ measures takes minutes with today's loader (README).
  RegionSize(name: "synthetic-1M", parameters: RegionParameters(seed: 1, measures: 1_000_000), solveSeconds: nil, loads: false),
]

/// Where a size's region is kept between the benchmark processes (package-benchmark runs each
/// benchmark in a process of its own): generated once, atomically, then read by every benchmark.
func regionFolder(_ size: RegionSize) throws -> URL {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("dekom-bench-regions")
    .appendingPathComponent("\(size.name)-v\(RegionGenerator.generatorVersion)")
  let complete = RegionGenerator.fileNames.allSatisfy {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
  }
  if complete { return folder }
  let staged = try StagedFolder(destination: folder, replacing: true)
  do {
    _ = try RegionGenerator(size.parameters).write(into: staged.temporary)
    try staged.moveIntoPlace()
  } catch {
    staged.discard()
    throw error
  }
  return folder
}

func loadRegion(_ size: RegionSize) throws -> Scenario {
  let folder = try regionFolder(size)
  do {
    return try ScenarioLoader.load(directory: folder)
  } catch {
    throw BenchmarkSetupError("cannot load \(folder.path): \(error)")
  }
}

/// How a time-limited solve ended.
let allocationFound = BenchmarkMetric.custom("allocation found (1 = yes)", polarity: .prefersLarger, useScalingFactor: false)
let stagesOptimal = BenchmarkMetric.custom("stages proven optimal", polarity: .prefersLarger, useScalingFactor: false)
let priorityGap = BenchmarkMetric.custom("priority stage gap (ppm)", polarity: .prefersSmaller, useScalingFactor: false)

func generatedRegionBenchmarks() {
  for size in regionSizes {
    if !size.onlySolve { stageBenchmarks(size) }
    if let seconds = size.solveSeconds { solveBenchmark(size, seconds: seconds) }
  }
}

/// Generate, and (below 10⁶) load and build, each measured on its own.
func stageBenchmarks(_ size: RegionSize) {
  let large = size.parameters.measures >= 100_000
  // Milliseconds to seconds: up to 50 samples in 5 s; one sample at 10⁵ and above.
  let quick = Benchmark.Configuration(warmupIterations: large ? 0 : 1, maxDuration: .seconds(5), maxIterations: large ? 1 : 50)

  // Writing the four files from the seed (no loading).
  Benchmark("\(size.name)/generate", configuration: quick) { benchmark in
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-bench-generate-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    for _ in benchmark.scaledIterations {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        blackHole(try RegionGenerator(size.parameters).write(into: folder))
      } catch {
        benchmark.error("generate failed: \(error)")
        return
      }
    }
  }

  guard size.loads else { return }

  // Reading and validating the four files.
  Benchmark("\(size.name)/load", configuration: quick) { benchmark, folder in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try ScenarioLoader.load(directory: folder))
      } catch {
        benchmark.error("load failed: \(error)")
        return
      }
    }
  } setup: {
    try regionFolder(size)
  }

  // Building the mixed-integer model (no solver).
  Benchmark("\(size.name)/build model", configuration: quick) { benchmark, scenario in
    for _ in benchmark.scaledIterations {
      blackHole(AllocationFormulation(scenario: scenario))
    }
  } setup: {
    try loadRegion(size)
  }
}

/// Building, solving every stage with GLPK within the time limit, reading the outcomes back.
func solveBenchmark(_ size: RegionSize, seconds: Double) {
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, allocationFound, stagesOptimal, priorityGap],
    warmupIterations: 0, maxDuration: .seconds(Int(3 * seconds)), maxIterations: size.parameters.measures <= 100 ? 3 : 1)
  Benchmark("\(size.name)/solve (limit \(Int(seconds)) s)", configuration: configuration) { benchmark, scenario in
    for _ in benchmark.scaledIterations {
      let result = Allocator(solver: GLPKSolver()).allocate(scenario, timeLimitSeconds: seconds)
      benchmark.measurement(allocationFound, result.hasAllocation ? 1 : 0)
      benchmark.measurement(stagesOptimal, result.stages.filter { $0.status == .optimal }.count)
      if let gap = result.stages.first(where: { $0.name.hasPrefix("priority") })?.relativeGap {
        benchmark.measurement(priorityGap, Int((gap * 1_000_000).rounded()))
      }
      blackHole(result)
    }
  } setup: {
    try loadRegion(size)
  }
}
