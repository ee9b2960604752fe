// swift-tools-version:6.2
// dekom: grant allocation optimiser for the collaboration forums that share out
// Norway's state money for competence development in schools and kindergartens.
// Licence: GPL-3.0-or-later (dekom links GLPK, which is GPL-3).
import PackageDescription

let package = Package(
  name: "dekom",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "dekom", targets: ["dekom"]),
    // `dekom serve`: the web pages, a program of its own so that `dekom` links no web server.
    .executable(name: "dekom-serve", targets: ["dekom-serve"]),
    .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
    .library(name: "GLPKBackend", targets: ["GLPKBackend"]),
    .library(name: "GrantAllocation", targets: ["GrantAllocation"]),
    .library(name: "Decomposition", targets: ["Decomposition"]),
    .library(name: "ScenarioFiles", targets: ["ScenarioFiles"]),
    .library(name: "Reports", targets: ["Reports"]),
    .library(name: "Spreadsheets", targets: ["Spreadsheets"]),
    .library(name: "XLSXBackend", targets: ["XLSXBackend"]),
    .library(name: "Variants", targets: ["Variants"]),
    .library(name: "Verification", targets: ["Verification"]),
    .library(name: "Explanations", targets: ["Explanations"]),
    .library(name: "DekomRunner", targets: ["DekomRunner"]),
    .library(name: "DekomCommands", targets: ["DekomCommands"]),
    .library(name: "DekomServer", targets: ["DekomServer"]),
    .library(name: "ScenarioGeneration", targets: ["ScenarioGeneration"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // HTML reports: Markdown to HTML (Ink) inside Mustache templates (swift-mustache).
    .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // `dekom serve`: the local web page (loopback only).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    // Its connection pipeline, for the server's own time limits on slow requests.
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    // Property-based tests (test targets only).
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // GLPK's C API. Debian's libglpk-dev ships no pkg-config file.
    .systemLibrary(
      name: "CGLPK",
      path: "Sources/CGLPK",
      providers: [.apt(["libglpk-dev"])]
    ),
    // libxlsxwriter's C API (Debian's libxlsxwriter-dev), for innstilling.xlsx. Linked by name,
    // as GLPK is: its own dependency (zlib) comes with the shared library.
    .systemLibrary(
      name: "CXLSXWriter",
      path: "Sources/CXLSXWriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    // The one system call for switching a folder in one step (renameat2 RENAME_EXCHANGE).
    .target(name: "CFolderExchange"),
    // The one atomic, durable writer of outputs: a folder's files change all at once or not at all.
    .target(name: "AtomicOutput", dependencies: ["CFolderExchange"]),
    // Solver-neutral linear / mixed-integer models and solutions.
    .target(name: "LinearProgramming"),
    // The only module that imports CGLPK.
    .target(name: "GLPKBackend", dependencies: ["CGLPK", "LinearProgramming"]),
    // Domain types, the formulation, explanations and money splits.
    .target(name: "GrantAllocation", dependencies: ["LinearProgramming"]),
    // The allocation model's stages by column generation over the ranked lists (solver-neutral:
    // the master LP goes through LinearProgramming's IncrementalLinearProgram).
    .target(name: "Decomposition", dependencies: ["GrantAllocation", "LinearProgramming"]),
    // The names in a scenario folder (files, CSV columns, YAML keys), spelled once for the loaders,
    // the generator and the what-if page.
    .target(name: "ScenarioFormat"),
    // The language of what dekom tells people (bokmål by default, English on request) and the
    // catalogues, one per language, of every scenario-file issue and command-line line. A leaf, so
    // that the loaders and variants below the reports can word their messages.
    .target(name: "UserMessages"),
    // What-if variants of a scenario: what a variant changes, and the scenario it makes.
    .target(name: "Variants", dependencies: ["GrantAllocation", "ScenarioFormat", "UserMessages"]),
    // scenario.yaml and CSV files → validated `Scenario`.
    .target(
      name: "ScenarioFiles",
      dependencies: [
        "GrantAllocation", "ScenarioFormat", "UserMessages", "Variants",
        .product(name: "Yams", package: "Yams"),
        // Only to check that the secretariat's letter template (vedtak.mustache) parses.
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "SwiftCSV", package: "SwiftCSV"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Shadow prices, what it would take to fund a measure, and waiting lists: from the solved model
    // and from re-solves.
    .target(name: "Explanations", dependencies: ["GrantAllocation", "LinearProgramming", "Variants"]),
    // An independent re-check of every allocation and report, sharing no code with the formulation.
    .target(name: "Verification", dependencies: ["GrantAllocation"]),
    // Workbooks as data (sheets, cells, formulas from references), with no file format in them.
    .target(name: "Spreadsheets"),
    // The only module that imports CXLSXWriter: checks a workbook's every value, then writes it as XLSX.
    .target(name: "XLSXBackend", dependencies: ["CXLSXWriter", "Spreadsheets"]),
    // The draft innstilling (Markdown) and machine outputs (CSV, JSON), in bokmål and English.
    .target(
      name: "Reports",
      dependencies: [
        "GrantAllocation", "UserMessages", "Variants", "Explanations", "Spreadsheets",
        .product(name: "Ink", package: "Ink"),
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    // Deterministic synthetic regions, written as scenario folders (dekom generate).
    .target(name: "ScenarioGeneration", dependencies: ["AtomicOutput", "ScenarioFormat"]),
    // The application layer without a user interface: load → solve → explain → render → verify →
    // write, for one scenario, a variant, a comparison and a plan. The command line, the web server
    // and the benchmarks are thin shells over it.
    .target(
      name: "DekomRunner",
      dependencies: [
        "AtomicOutput", "GLPKBackend", "GrantAllocation", "LinearProgramming", "ScenarioFiles", "Variants", "Explanations", "Reports",
        "Verification", "Spreadsheets", "XLSXBackend", "Decomposition", "UserMessages",
      ]
    ),
    // The command line, as a library so tests can run it in-process. No web server: `dekom serve`
    // starts the `dekom-serve` program.
    .target(
      name: "DekomCommands",
      dependencies: [
        "AtomicOutput", "DekomRunner", "GLPKBackend", "GrantAllocation", "LinearProgramming", "ScenarioFiles", "Variants", "Reports",
        "ScenarioGeneration", "Decomposition", "Verification", "UserMessages",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // `dekom serve`: the web server and its pages (the only module that imports Hummingbird).
    .target(
      name: "DekomServer",
      dependencies: [
        "AtomicOutput", "DekomRunner", "GrantAllocation", "ScenarioFiles", "ScenarioFormat", "Variants", "Explanations", "Reports",
        "UserMessages",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
    .executableTarget(name: "dekom", dependencies: ["DekomCommands"]),
    .executableTarget(name: "dekom-serve", dependencies: ["DekomServer"]),

    // Fixtures shared by the test targets.
    .target(name: "TestSupport", dependencies: ["GrantAllocation"], path: "Tests/TestSupport"),
    .testTarget(name: "GLPKBackendTests", dependencies: ["GLPKBackend", "LinearProgramming"]),
    .testTarget(name: "XLSXBackendTests", dependencies: ["XLSXBackend", "Spreadsheets"]),
    .testTarget(
      name: "DecompositionTests",
      dependencies: [
        "Decomposition", "GrantAllocation", "GLPKBackend", "LinearProgramming", "ScenarioFiles", "ScenarioGeneration", "TestSupport",
        "Verification",
      ]),
    .testTarget(
      name: "GrantAllocationTests",
      dependencies: ["GrantAllocation", "GLPKBackend", "LinearProgramming", "Reports", "TestSupport", "UserMessages", "Verification"]),
    .testTarget(
      name: "ScenarioFilesTests", dependencies: ["ScenarioFiles", "ScenarioFormat", "GrantAllocation", "TestSupport", "UserMessages"],
      exclude: ["BadInputs"]),
    .testTarget(
      name: "VerificationTests",
      dependencies: [
        "Verification", "GrantAllocation", "GLPKBackend", "Reports", "ScenarioFiles", "TestSupport", "UserMessages",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "ExplanationsTests", dependencies: ["Explanations", "GrantAllocation", "GLPKBackend", "ScenarioFiles", "TestSupport"]),
    .testTarget(
      name: "VariantsTests",
      dependencies: ["Variants", "ScenarioFiles", "GrantAllocation", "GLPKBackend", "Reports", "TestSupport", "UserMessages"]),
    .testTarget(
      name: "ReportsTests",
      dependencies: ["Reports", "Explanations", "GrantAllocation", "GLPKBackend", "Spreadsheets", "TestSupport", "UserMessages"]),
    .testTarget(name: "ScenarioGenerationTests", dependencies: ["ScenarioGeneration", "ScenarioFiles"]),
    // Exported models read back by GLPK itself (the one test target that imports CGLPK).
    .testTarget(
      name: "GLPKExportTests",
      dependencies: ["CGLPK", "GLPKBackend", "LinearProgramming", "GrantAllocation", "ScenarioFiles", "ScenarioGeneration", "TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "DekomCommandsTests",
      dependencies: [
        "AtomicOutput", "DekomCommands", "DekomRunner", "GrantAllocation", "ScenarioFiles", "ScenarioGeneration", "TestSupport",
        "UserMessages", "dekom", "dekom-serve",
      ],
      exclude: ["Expected"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
