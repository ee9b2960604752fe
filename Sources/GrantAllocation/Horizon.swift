/// Several consecutive years planned as one model: the forum's long-term plan (*langsiktig plan*).
///
/// The first year's values live where a one-year scenario keeps them (``Scheme/frame``,
/// ``Partner/capacity``, ``Measure/stateCost`` and ``Measure/hours``); the horizon adds the later
/// years. A scenario without a horizon is a one-year scenario and is solved exactly as before.
public struct Horizon: Sendable, Equatable {
  /// The calendar years, consecutive; the first is ``Scenario/year``. At least two.
  public var years: [Int]
  /// Each scheme's frame in each later year.
  public var laterFrames: [SchemeID: [Int: PlannedFrame]]
  /// Partner hours per role in later years where they differ from the first year's.
  public var laterCapacity: [PartnerID: [Int: [PartnerRole: Double]]]
  /// The share of a year's frame that may be left unspent and spent the next year instead
  /// (0: no money moves between years).
  public var carryOverShare: Double
  /// Whether the later years' forecasts hold back the first year (``ForecastRule``).
  public var forecasts: ForecastRule = .conditional
  /// Where some measure was given per school year: the share of a school year's money paid in June
  /// of the year it starts (the rest the following winter); `nil` when none was.
  public var schoolYearJuneShare: Double?

  public init(
    years: [Int], laterFrames: [SchemeID: [Int: PlannedFrame]], laterCapacity: [PartnerID: [Int: [PartnerRole: Double]]] = [:],
    carryOverShare: Double = 0
  ) {
    self.years = years
    self.laterFrames = laterFrames
    self.laterCapacity = laterCapacity
    self.carryOverShare = carryOverShare
  }
}

/// What a later year's forecast frame and planned partner hours mean for this year's decisions
/// (docs/plan.md, "Forecasts").
public enum ForecastRule: String, Sendable, Equatable, CaseIterable {
  /// The first year is decided first: its measures are funded by priority with its money, and what
  /// they need in later years is planned within the forecasts where the first year's priorities
  /// allow; the rest is *conditional on the forecast* (marked so), and no measure starting in a
  /// later year is funded with money or hours the forecast does not hold.
  case conditional
  /// Every year's forecast frame and planned hours bind like the first year's: a measure starts
  /// only if all its years fit the forecasts, even when that leaves this year's money unused.
  case binding
}

/// A frame for one scheme in one later year of a horizon.
public struct PlannedFrame: Sendable, Equatable {
  /// NOK.
  public var amount: Double
  /// A forecast (*prognose*), not yet a decided frame.
  public var forecast: Bool

  public init(amount: Double, forecast: Bool) {
    self.amount = amount
    self.forecast = forecast
  }
}

/// A measure's local cost and partner hours in one year after its first.
public struct YearAmounts: Sendable, Equatable {
  /// NOK asked from the state besides partner hours.
  public var stateCost: Double
  public var hours: [PartnerRole: Double]

  public init(stateCost: Double, hours: [PartnerRole: Double]) {
    self.stateCost = stateCost
    self.hours = hours
  }

  public func hours(_ role: PartnerRole) -> Double { hours[role] ?? 0 }
}

extension Scenario {
  /// The planned years: the horizon's, or the one year.
  public var planYears: [Int] { horizon?.years ?? [year] }

  /// Whether several years are planned together.
  public var isPlan: Bool { planYears.count > 1 }

  /// The frame of `scheme` in `year` (the scheme's own frame in the first year).
  public func frame(_ scheme: Scheme, in year: Int) -> Double {
    year == self.year ? scheme.frame : horizon?.laterFrames[scheme.id]?[year]?.amount ?? 0
  }

  /// Whether the frame of `scheme` in `year` is a forecast (never the first year's).
  public func frameIsForecast(_ scheme: SchemeID, in year: Int) -> Bool {
    year == self.year ? false : horizon?.laterFrames[scheme]?[year]?.forecast ?? false
  }

  /// The hours `partner` has in each role in `year` (the first year's where no later value is given).
  public func capacity(_ partner: Partner, in year: Int) -> [PartnerRole: Double] {
    guard year != self.year, let later = horizon?.laterCapacity[partner.id]?[year] else { return partner.capacity }
    return partner.capacity.merging(later) { _, new in new }
  }

  /// The calendar years `measure` runs in.
  public func years(of measure: Measure) -> [Int] {
    let first = measure.firstYear ?? year
    return Array(first...(first + measure.laterYears.count))
  }

  /// The measure's cost and hours in `year`, or `nil` when it does not run then.
  public func amounts(of measure: Measure, in year: Int) -> YearAmounts? {
    let first = measure.firstYear ?? self.year
    if year == first { return YearAmounts(stateCost: measure.stateCost, hours: measure.hours) }
    let offset = year - first - 1
    guard offset >= 0, offset < measure.laterYears.count else { return nil }
    return measure.laterYears[offset]
  }
}
