/// Everything that decides a synthetic region: the seed and the knobs of `dekom generate`.
///
/// Two regions generated from equal parameters are the same bytes. The defaults are set from
/// scenarios/trondelag and domain.md §3 (about ten networks of four to six owners, two to ten
/// measures per network and scheme, half of them all-or-nothing, frames about a quarter below what
/// is asked); docs/generate.md explains each choice.
public struct RegionParameters: Sendable, Equatable {
  /// How priority value falls with rank (the scenario's `policy.priority`).
  public enum Weighting: Sendable, Equatable {
    case strictTiers
    case decay(Double)
  }

  /// What a funded measure is worth (the scenario's `policy.priority.value`).
  public enum Value: String, Sendable, Equatable, CaseIterable {
    case count
    case cost
  }

  /// Average number of measures on one network's list in one scheme, used when the number of
  /// networks is not given.
  public static let defaultMeasuresPerList = 3.0

  public var seed: UInt64
  /// Measures in measures.csv, joint measures included.
  public var measures: Int
  public var networks: Int
  /// Grant schemes: 1 to 3 are Dekom, Rekom and Kompetanseløftet; more are synthetic schemes.
  public var schemes: Int
  /// Development partners: universities (regional), Statped and national centres.
  public var partners: Int
  /// Share of measures that are all-or-nothing (`min_share` 1); the others have a smallest viable
  /// share of 0.25, 0.5 or 0.75.
  public var allOrNothingShare: Double
  /// Each scheme's frame as a share of what its measures ask (grants plus partner hours at the
  /// preferred partner's price).
  public var frameTightness: Double
  /// Each partner's hours per role as a share of the hours its measures ask of it (each measure's
  /// hours counted evenly over its acceptable partners).
  public var capacityTightness: Double
  /// Share of the networks' measures that are continuing commitments.
  public var continuingShare: Double
  /// The fairness floor α.
  public var fairnessFloor: Double
  public var weighting: Weighting
  public var value: Value
  public var year: Int

  /// Each parameter sets the property of the same name.
  ///
  /// - Parameters:
  ///   - seed: the random seed.
  ///   - measures: measures in measures.csv, joint measures included.
  ///   - networks: default: measures ÷ (schemes × `measuresPerList`), rounded up.
  ///   - measuresPerList: the average list length the default number of networks aims at
  ///     (default ``defaultMeasuresPerList``); give it or `networks`, not both.
  ///   - schemes: grant schemes.
  ///   - partners: default: one per three networks, at least 4.
  ///   - allOrNothingShare: share of measures that are all-or-nothing.
  ///   - frameTightness: each frame as a share of what its measures ask.
  ///   - capacityTightness: each partner's hours as a share of the hours asked of it.
  ///   - continuingShare: share of the networks' measures that are continuing commitments.
  ///   - fairnessFloor: the fairness floor α.
  ///   - weighting: how priority value falls with rank.
  ///   - value: what a funded measure is worth.
  ///   - year: the budget year.
  public init(
    seed: UInt64, measures: Int, networks: Int? = nil, measuresPerList: Double? = nil, schemes: Int = 3, partners: Int? = nil,
    allOrNothingShare: Double = 0.5, frameTightness: Double = 0.75, capacityTightness: Double = 0.8, continuingShare: Double = 0.03,
    fairnessFloor: Double = 0.5, weighting: Weighting = .decay(0.8), value: Value = .count, year: Int = 2027
  ) {
    self.seed = seed
    self.measures = measures
    self.schemes = schemes
    let perList = measuresPerList ?? Self.defaultMeasuresPerList
    let derivedNetworks =
      perList > 0 && perList.isFinite && schemes > 0 && measures > 0
      ? Int((Double(measures) / (Double(schemes) * perList)).rounded(.up)) : 1
    self.networks = networks ?? max(1, derivedNetworks)
    self.partners = partners ?? max(4, (self.networks + 2) / 3)
    self.allOrNothingShare = allOrNothingShare
    self.frameTightness = frameTightness
    self.capacityTightness = capacityTightness
    self.continuingShare = continuingShare
    self.fairnessFloor = fairnessFloor
    self.weighting = weighting
    self.value = value
    self.year = year
  }

  /// The largest sizes the generator accepts. Beyond 2 × 10⁶ measures the continuing commitments
  /// alone would approach dekom's largest frame (``RegionGenerator/largestAmount``).
  public static let maximumMeasures = 2_000_000
  public static let maximumNetworks = 1_000_000
  public static let maximumPartners = 100_000
  public static let maximumSchemes = 9
  /// The longest average list (measures per network and scheme) the generator accepts, so that no
  /// list reaches dekom's largest rank (``RegionGenerator/largestRank``).
  public static let maximumAverageListLength = 2_000

  /// Every value out of range, each with the option it came from and how to fix it; empty when
  /// the parameters can be generated.
  public func problems() -> [ParameterError] {
    var found: [ParameterError] = []
    func check(_ ok: Bool, _ option: String, _ problem: String, _ fix: String) {
      if !ok { found.append(ParameterError(option: option, problem: problem, fix: fix)) }
    }
    check((1...Self.maximumMeasures).contains(measures), "--measures", "\(measures) measures", "give 1 to \(Self.maximumMeasures).")
    check((1...Self.maximumNetworks).contains(networks), "--networks", "\(networks) networks", "give 1 to \(Self.maximumNetworks).")
    check((1...Self.maximumSchemes).contains(schemes), "--schemes", "\(schemes) schemes", "give 1 to \(Self.maximumSchemes).")
    check((1...Self.maximumPartners).contains(partners), "--partners", "\(partners) partners", "give 1 to \(Self.maximumPartners).")
    if networks >= 1, schemes >= 1, measures > networks * schemes * Self.maximumAverageListLength {
      let needed = (measures + schemes * Self.maximumAverageListLength - 1) / (schemes * Self.maximumAverageListLength)
      check(
        false, "--networks", "\(networks) networks would make lists of more than \(Self.maximumAverageListLength) measures on average",
        "give at least \(needed) networks (dekom's ranks go up to \(RegionGenerator.largestRank)).")
    }
    func share(_ value: Double, _ option: String) {
      check(value >= 0 && value <= 1, option, "\(value) is not a share", "give a number from 0 to 1, e.g. 0.5.")
    }
    share(allOrNothingShare, "--all-or-nothing")
    share(continuingShare, "--continuing")
    share(fairnessFloor, "--fairness-floor")
    check(
      frameTightness > 0 && frameTightness <= 10, "--frame-tightness", "\(frameTightness) is out of range",
      "give a number above 0 and at most 10; 1 means the frames cover every request.")
    check(
      capacityTightness > 0 && capacityTightness <= 10, "--capacity-tightness", "\(capacityTightness) is out of range",
      "give a number above 0 and at most 10; 1 means the partners have every hour asked of them.")
    if case .decay(let factor) = weighting {
      check(factor > 0 && factor < 1, "--decay", "\(factor) is not strictly between 0 and 1", "give e.g. 0.8.")
    }
    check((2000...2100).contains(year), "--year", "\(year) is not a budget year dekom accepts", "give a year from 2000 to 2100.")
    return found
  }
}

/// A parameter `dekom generate` cannot use: which option, what is wrong, how to fix it.
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
  public var option: String
  public var problem: String
  public var fix: String

  public init(option: String, problem: String, fix: String) {
    self.option = option
    self.problem = problem
    self.fix = fix
  }

  public var description: String { "\(option): \(problem). Fix: \(fix)" }
}
