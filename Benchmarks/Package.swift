// swift-tools-version:6.1
// Benchmarks for dekom, kept in a package of their own so that the main package's `swift build` and
// `swift test` never fetch or build the benchmark dependency. Run with:
//
//   cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
  name: "DekomBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    // The main package, by path: the benchmarks measure the working tree as it is.
    .package(name: "dekom", path: ".."),
    // ordo-one's package-benchmark. The malloc interposer gives the malloc metrics; the default
    // "RuntimeInterposer" trait is left out on purpose: its package is not available here.
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "DekomBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "DekomRunner", package: "dekom"),
        .product(name: "ScenarioFiles", package: "dekom"),
        .product(name: "GrantAllocation", package: "dekom"),
        .product(name: "GLPKBackend", package: "dekom"),
        .product(name: "LinearProgramming", package: "dekom"),
        .product(name: "ScenarioGeneration", package: "dekom"),
      ],
      path: "Benchmarks/DekomBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    )
  ],
  swiftLanguageModes: [.v6]
)
