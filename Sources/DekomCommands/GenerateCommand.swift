import ArgumentParser
import AtomicOutput
import DekomRunner
import Foundation
import ScenarioGeneration

extension RegionParameters.Value: ExpressibleByArgument {}

extension Dekom {
  /// `dekom generate --seed S --measures N --out DIR`: a synthetic region as a scenario folder.
  public struct Generate: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Write a deterministic synthetic region as a scenario folder (for tests and benchmarks).",
      discussion: """
        The same options give the same bytes. The folder holds scenario.yaml, partners.csv, owners.csv and \
        measures.csv, which `dekom check` and `dekom run` read like any scenario. DIR must be new or empty \
        unless --force is given; the region is written beside it first and moved into place whole. \
        See docs/generate.md for what is drawn and why.
        """)

    @Option(help: "The random seed (a whole number from 0 to 2^64-1).")
    var seed: UInt64

    @Option(help: "Number of measures, joint measures included.")
    var measures: Int

    @Option(help: "The folder to write (new or empty, or any folder with --force).", completion: .directory)
    var out: String

    @Option(help: "Number of competence networks (default: measures ÷ (schemes × measures per list)).")
    var networks: Int?

    @Option(help: "Average measures on a network's list in one scheme, which sets the default number of networks (default 3).")
    var measuresPerList: Double?

    @Option(help: "Grant schemes: 1–3 are Dekom, Rekom, Kompetanseløftet; more are synthetic.")
    var schemes: Int = 3

    @Option(help: "Development partners: regional universities, Statped, national centres (default: networks ÷ 3, at least 4).")
    var partners: Int?

    @Option(help: "Share of measures that are all-or-nothing (min_share 1).")
    var allOrNothing: Double = 0.5

    @Option(help: "Each frame as a share of what its measures ask.")
    var frameTightness: Double = 0.75

    @Option(help: "Each partner's hours as a share of the hours asked of it.")
    var capacityTightness: Double = 0.8

    @Option(help: "Share of the networks' measures that are continuing commitments.")
    var continuing: Double = 0.03

    @Option(help: "The fairness floor α (0 turns it off).")
    var fairnessFloor: Double = 0.5

    @Option(help: "Priority weighting: decay (one priority stage) or strict_tiers (one stage per rank).")
    var weighting: String = "decay"

    @Option(help: "The decay factor per rank, with --weighting decay.")
    var decay: Double = 0.8

    @Option(help: "What a funded measure is worth: count or cost.")
    var value: RegionParameters.Value = .count

    @Option(help: "The budget year.")
    var year: Int = 2027

    @Flag(help: "Replace DIR even if it is not empty (everything in it is removed).")
    var force = false

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    public init() {}

    func parameters() throws -> RegionParameters {
      if networks != nil && measuresPerList != nil {
        throw ValidationError("give --networks or --measures-per-list, not both: the list length follows from the networks.")
      }
      if let measuresPerList, !(measuresPerList > 0 && measuresPerList <= 1000) {
        throw ValidationError("--measures-per-list must be above 0 and at most 1000.")
      }
      let weighting: RegionParameters.Weighting
      switch self.weighting {
      case "decay": weighting = .decay(decay)
      case "strict_tiers", "strict-tiers": weighting = .strictTiers
      default: throw ValidationError("--weighting must be decay or strict_tiers, not \(self.weighting).")
      }
      return RegionParameters(
        seed: seed, measures: measures, networks: networks, measuresPerList: measuresPerList, schemes: schemes, partners: partners,
        allOrNothingShare: allOrNothing, frameTightness: frameTightness, capacityTightness: capacityTightness,
        continuingShare: continuing, fairnessFloor: fairnessFloor, weighting: weighting, value: value, year: year)
    }

    public func validate() throws {
      if let problem = try parameters().problems().first { throw ValidationError(problem.description) }
    }

    public func run() throws {
      let generator = try RegionGenerator(parameters())
      let started = Date()
      let summary: RegionGenerator.Summary
      do {
        let staged = try StagedFolder(destination: URL(fileURLWithPath: out), replacing: force)
        do {
          summary = try generator.write(into: staged.temporary)
        } catch {
          staged.discard()
          throw error
        }
        // From moving the old folder aside to moving the new one in, an interrupt waits.
        let deferral = SignalDeferral()
        defer { deferral.end() }
        try staged.moveIntoPlace()
      } catch {
        printError("dekom: \(error)")
        throw DekomExit.cannotWrite
      }
      if !quiet {
        for note in summary.notes { print("Note: \(note)") }
        let seconds = Date().timeIntervalSince(started)
        print(
          "Generated \(out): \(summary.measures) measures (\(summary.allOrNothing) all-or-nothing, \(summary.continuing) continuing) in \(summary.networks) networks with \(summary.owners) school owners, \(summary.partners) partners, \(summary.frames.count) schemes (seed \(seed), \(String(format: "%.1f", seconds)) s)."
        )
      }
    }
  }
}
