import Foundation
import Testing

@testable import ScenarioFiles
@testable import ScenarioGeneration

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-generate-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Generates `parameters` into a new temporary folder.
func generate(_ parameters: RegionParameters) throws -> TemporaryFolder {
  let folder = try TemporaryFolder()
  _ = try RegionGenerator(parameters).write(into: folder.url)
  return folder
}

func contents(_ folder: TemporaryFolder) throws -> [String: Data] {
  var files: [String: Data] = [:]
  for name in RegionGenerator.fileNames { files[name] = try Data(contentsOf: folder.url.appendingPathComponent(name)) }
  return files
}

@Suite("Synthetic regions")
struct RegionGeneratorTests {
  @Test("the same parameters give the same bytes")
  func sameSeedSameBytes() throws {
    let parameters = RegionParameters(seed: 42, measures: 400, partners: 9, weighting: .strictTiers)
    let first = try generate(parameters)
    defer { first.remove() }
    let second = try generate(parameters)
    defer { second.remove() }
    let firstFiles = try contents(first)
    #expect(firstFiles.keys.sorted() == RegionGenerator.fileNames.sorted())
    #expect(firstFiles == (try contents(second)))
  }

  @Test("another seed gives another region")
  func differentSeedsDiffer() throws {
    let one = try generate(RegionParameters(seed: 1, measures: 200))
    defer { one.remove() }
    let two = try generate(RegionParameters(seed: 2, measures: 200))
    defer { two.remove() }
    let first = try contents(one)
    let second = try contents(two)
    for name in RegionGenerator.fileNames { #expect(first[name] != second[name], "\(name) is the same for seeds 1 and 2") }
  }

  /// Pins the generator's output: a change here breaks "same seed, same bytes" across versions.
  /// When a change is intended, raise `RegionGenerator.generatorVersion` and update the digests.
  @Test("seed 2027 with 150 measures gives the recorded files")
  func recordedOutput() throws {
    let folder = try generate(RegionParameters(seed: 2027, measures: 150))
    defer { folder.remove() }
    let scenario = try ScenarioLoader.load(directory: folder.url)
    let digests = Dictionary(uniqueKeysWithValues: scenario.inputFiles.map { ($0.name, $0.sha256) })
    #expect(RegionGenerator.generatorVersion == 1)
    #expect(digests == RecordedDigests.seed2027)
  }

  @Test(
    "the loader accepts every generated region, with exactly the measures asked for",
    arguments: [
      RegionParameters(seed: 5, measures: 1),
      RegionParameters(seed: 5, measures: 1, schemes: 1, partners: 1),
      RegionParameters(seed: 6, measures: 7, networks: 40, schemes: 2, partners: 2),
      RegionParameters(seed: 7, measures: 60, schemes: 5, partners: 5, allOrNothingShare: 1, weighting: .strictTiers, value: .cost),
      RegionParameters(seed: 8, measures: 500, measuresPerList: 8, partners: 6, allOrNothingShare: 0, continuingShare: 0.2),
      RegionParameters(seed: 9, measures: 2000, networks: 80, frameTightness: 2, capacityTightness: 0.1, fairnessFloor: 0),
    ])
  func loads(_ parameters: RegionParameters) throws {
    let folder = try generate(parameters)
    defer { folder.remove() }
    let scenario = try ScenarioLoader.load(directory: folder.url)
    #expect(scenario.measures.count == parameters.measures)
    #expect(scenario.networks.count == parameters.networks)
    #expect(scenario.partners.count == parameters.partners)
    #expect(scenario.schemes.count == parameters.schemes)
    #expect(Set(scenario.measures.map(\.id)).count == parameters.measures)
  }

  @Test("the all-or-nothing and continuing shares are what was asked, near enough")
  func shares() throws {
    let folder = try generate(RegionParameters(seed: 3, measures: 3000, allOrNothingShare: 0.25, continuingShare: 0.1))
    defer { folder.remove() }
    let scenario = try ScenarioLoader.load(directory: folder.url)
    let count = Double(scenario.measures.count)
    let allOrNothing = Double(scenario.measures.filter { $0.minimumShare >= 1 }.count) / count
    let continuing = Double(scenario.measures.filter(\.continuing).count) / count
    // Continuing measures are all-or-nothing too: 0.25 + 0.75 × 0.1 ≈ 0.325.
    #expect(abs(allOrNothing - 0.325) < 0.03)
    #expect(abs(continuing - 0.1) < 0.02)
  }

  @Test("frame and capacity tightness change the limits, not the measures")
  func tightnessChangesOnlyLimits() throws {
    let loose = try generate(RegionParameters(seed: 4, measures: 300, frameTightness: 1, capacityTightness: 1))
    defer { loose.remove() }
    let tight = try generate(RegionParameters(seed: 4, measures: 300, frameTightness: 0.5, capacityTightness: 0.5))
    defer { tight.remove() }
    #expect(try contents(loose)["measures.csv"] == (try contents(tight))["measures.csv"])
    let looseScenario = try ScenarioLoader.load(directory: loose.url)
    let tightScenario = try ScenarioLoader.load(directory: tight.url)
    for (looseScheme, tightScheme) in zip(looseScenario.schemes, tightScenario.schemes) {
      // Rounded up to 10 000 NOK each: half the frame, within a rounding step.
      #expect(abs(tightScheme.frame - looseScheme.frame / 2) <= 10_000)
    }
    let tightHours = tightScenario.partners.map { $0.hours(.partner2) }.reduce(0, +)
    let looseHours = looseScenario.partners.map { $0.hours(.partner2) }.reduce(0, +)
    #expect(tightHours < 0.6 * looseHours)
  }

  @Test("titles with the separator and quotes survive the round trip through the loader")
  func quoting() throws {
    #expect(CSVText.cell("Lesing i alle fag") == "Lesing i alle fag")
    #expect(CSVText.cell("Elevenes stemme; medvirkning") == "\"Elevenes stemme; medvirkning\"")
    #expect(CSVText.cell("Prosjektet \"Skolen\"") == "\"Prosjektet \"\"Skolen\"\"\"")
    #expect(CSVText.cell(" kant") == "\" kant\"")
    let folder = try generate(RegionParameters(seed: 12, measures: 400))
    defer { folder.remove() }
    let text = try String(contentsOf: folder.url.appendingPathComponent("measures.csv"), encoding: .utf8)
    #expect(text.contains("\"Elevenes stemme; medvirkning i skolen\""))
    #expect(text.contains("\"Prosjektet \"\"Skolen som lærende organisasjon\"\"\""))
    let titles = Set(try ScenarioLoader.load(directory: folder.url).measures.map(\.title))
    #expect(titles.contains("Elevenes stemme; medvirkning i skolen"))
    #expect(titles.contains("Prosjektet \"Skolen som lærende organisasjon\""))
  }

  @Test("parameters out of range are refused with the option and a fix")
  func problems() {
    #expect(RegionParameters(seed: 1, measures: 100).problems().isEmpty)
    let bad = RegionParameters(
      seed: 1, measures: 0, networks: 0, schemes: 10, partners: 0, allOrNothingShare: 1.5, frameTightness: 0, capacityTightness: -1,
      continuingShare: -0.1, fairnessFloor: 2, weighting: .decay(1), year: 1999)
    let options = bad.problems().map(\.option)
    #expect(
      options == [
        "--measures", "--networks", "--schemes", "--partners", "--all-or-nothing", "--continuing", "--fairness-floor", "--frame-tightness",
        "--capacity-tightness", "--decay", "--year",
      ])
    #expect(bad.problems().allSatisfy { $0.description.contains("Fix: ") })
    #expect(throws: ParameterError.self) { try RegionGenerator(bad) }
  }

  @Test("the generator's largest values are the loader's")
  func limitsAgreeWithLoader() {
    #expect(RegionGenerator.largestAmount == ScenarioSettingsFile.largestAmount)
    #expect(RegionGenerator.largestHours == PartnersFile.largestHours)
  }

  @Test("a frame or capacity above dekom's largest is capped and said so; commitments above it are refused")
  func limits() throws {
    let ordinary = try RegionGenerator.limit(
      asked: 1_234_567, committed: 0, tightness: 0.75, step: 10_000, minimum: 100_000, largest: 1e11)
    #expect(ordinary.value == 930_000 && !ordinary.capped)
    let committed = try RegionGenerator.limit(asked: 1_000_000, committed: 900_000, tightness: 0.5, step: 10_000, minimum: 0, largest: 1e11)
    #expect(committed.value == 950_000)
    let huge = try RegionGenerator.limit(asked: 3e11, committed: 1e9, tightness: 0.75, step: 10_000, minimum: 100_000, largest: 1e11)
    #expect(huge.value == 100_000_000_000 && huge.capped)
    #expect(throws: GenerationError.self) {
      try RegionGenerator.limit(asked: 3e11, committed: 2e11, tightness: 0.75, step: 10_000, minimum: 100_000, largest: 1e11)
    }
  }

  @Test("lists longer than dekom's ranks allow are refused before anything is written")
  func longLists() throws {
    let problems = RegionParameters(seed: 1, measures: 1_000_000, networks: 100, schemes: 3).problems()
    #expect(problems.map(\.option) == ["--networks"])
    #expect(problems.first?.fix.contains("at least 167 networks") == true)
    let longest = try generate(RegionParameters(seed: 1, measures: 20_000, networks: 4, schemes: 3))
    defer { longest.remove() }
    let measures = try String(contentsOf: longest.url.appendingPathComponent("measures.csv"), encoding: .utf8)
    let ranks = measures.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ";")[3]) }
    #expect(ranks.count == 20_000)
    #expect(ranks.max()! <= RegionGenerator.largestRank)
  }

  @Test("defaults: about three measures per list, one partner per three networks")
  func defaults() {
    let county = RegionParameters(seed: 1, measures: 100)
    #expect(county.networks == 12)
    #expect(county.partners == 4)
    let large = RegionParameters(seed: 1, measures: 100_000)
    #expect(large.networks == 11_112)
    #expect(large.partners == 3_704)
    #expect(RegionParameters(seed: 1, measures: 3000, networks: 80).partners == 27)
  }
}

@Suite("The seeded generator")
struct SeededRandomTests {
  @Test("bounded draws stay in range and reach both ends")
  func bounds() {
    var random = SeededRandom(seed: 9, purpose: .layout)
    var seen = Set<Int>()
    for _ in 0..<2000 {
      let value = random.integer(in: 3...9)
      #expect((3...9).contains(value))
      seen.insert(value)
    }
    #expect(seen == Set(3...9))
    for _ in 0..<1000 {
      let unit = random.unit()
      #expect(unit >= 0 && unit < 1)
    }
  }

  @Test("streams are independent of each other and repeatable")
  func streams() {
    var first = SeededRandom(seed: 1, purpose: .list, index: 0)
    var again = SeededRandom(seed: 1, purpose: .list, index: 0)
    var other = SeededRandom(seed: 1, purpose: .list, index: 1)
    var network = SeededRandom(seed: 1, purpose: .network, index: 0)
    let a = (0..<4).map { _ in first.next() }
    #expect(a == (0..<4).map { _ in again.next() })
    #expect(a != (0..<4).map { _ in other.next() })
    #expect(a != (0..<4).map { _ in network.next() })
  }

  @Test("10^x without the C library agrees with it to rounding")
  func powerOfTen() {
    for exponent in stride(from: 0.0, through: 4.2, by: 0.05) {
      let expected = Foundation.pow(10, exponent)
      #expect(abs(NetworkSynthesis.pow10(exponent) - expected) <= 1e-12 * expected)
    }
  }
}
