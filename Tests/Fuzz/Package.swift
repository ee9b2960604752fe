// swift-tools-version:6.1
// libFuzzer targets for dekom's scenario loaders. A separate package so that the sanitizer flags
// never touch the main build; build and run it with Tests/Fuzz/run.sh (see Tests/Fuzz/README.md).
import Foundation
import PackageDescription

// The repository root (two levels up). A path dependency's identity is its folder's name, which
// depends on where the repository is checked out, so it is computed rather than spelt out.
let rootPath = "../.."
let rootIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent(rootPath).standardizedFileURL.lastPathComponent.lowercased()

/// `-parse-as-library`: the file holds no entry point, so libFuzzer's `main` is the program's.
let fuzzerSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

func fuzzTarget(_ name: String, path: String) -> Target {
  .executableTarget(name: name, dependencies: ["FuzzSupport"], path: "Sources/\(path)", swiftSettings: fuzzerSettings)
}

let package = Package(
  name: "dekom-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: rootPath)],
  targets: [
    .target(
      name: "FuzzSupport",
      dependencies: [
        .product(name: "ScenarioFiles", package: rootIdentity),
        .product(name: "GrantAllocation", package: rootIdentity),
        .product(name: "LinearProgramming", package: rootIdentity),
        .product(name: "GLPKBackend", package: rootIdentity),
        .product(name: "Variants", package: rootIdentity),
      ]
    ),
    fuzzTarget("fuzz-measures", path: "FuzzMeasures"),
    fuzzTarget("fuzz-partners", path: "FuzzPartners"),
    fuzzTarget("fuzz-owners", path: "FuzzOwners"),
    fuzzTarget("fuzz-scenario-yaml", path: "FuzzScenarioYAML"),
    fuzzTarget("fuzz-variant", path: "FuzzVariant"),
  ],
  swiftLanguageModes: [.v6]
)
