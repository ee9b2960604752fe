/// What is wrong in a scenario's files and how to fix it, as a value: each case is one kind of
/// issue with the values its text quotes. ``IssueText/words(in:)`` gives the text in a language,
/// from the catalogue of that language (`Bokmal/BokmalIssues.swift`, `English/EnglishIssues.swift`);
/// both switch over every case, so a new case has no text until both catalogues give it one.
///
/// Values quoted from the files (cells, keys, ids) are carried as written; whoever prints a text
/// passes it through ``visible(_:)``.
public enum IssueText: Sendable, Hashable {
  // MARK: Cells and scalars (CSV cells and YAML values alike)
  case notFiniteNumber(String)
  case numberWithUnit(String)
  case severalDecimalMarks(String)
  case notANumber(String)
  /// `1.050`: one thousand and fifty, or one point zero five.
  case ambiguousPoint(String, thousands: String, head: String, tail: String)
  case notAWholeNumber(String)
  case notAFraction(String)
  case notYesNo(String)
  case notAnID(String)
  case notADate(String)
  case notACalendarDay(String)
  case emptyPaymentSchedule
  case scheduleShareOutside(String)
  case datesOutOfOrder(earlier: String, later: String)
  case someDatesWithoutShare
  case sharesNotOne(total: Double)
  /// A number outside its range, in a CSV cell or a YAML value.
  case outOfRange(value: String, low: Double, high: Double, unit: NumberUnit)
  /// A whole number outside its range; `unit` is `nil` in YAML.
  case wholeOutOfRange(value: String, low: Int, high: Int, unit: NumberUnit?)
  case notAShare(value: String)
  /// `last_year_allocation` does not name a file inside the scenario folder.
  case lastYearPathOutside(String)
  /// The file `last_year_allocation` names is not there.
  case lastYearMissing(String)
  /// `last_year_allocation` names a file in `out/`, which `dekom run` writes.
  case lastYearInOutputFolder(String)
  /// The file is not an allocation.json as `dekom run` writes it; `detail` says where.
  case lastYearNotAnAllocation(detail: String)
  /// A variant's `lock` that is not `full`, `none` or a share above 0.
  case notALock(value: String)

  // MARK: YAML structure
  case notAMapping
  case unknownKey(allowed: [String])
  case keyAppearsTwice
  case requiredKeyMissing(key: String)
  case notAList
  case notASingleValue
  case emptyValue
  case yamlNotUTF8
  case yamlAliases
  case yamlInvalid
  case yamlInvalidAt(detail: String)
  case yamlKeyTwice(firstLine: Int?)

  // MARK: CSV structure
  case csvNotUTF8
  case csvNULBytes
  case csvEmpty
  case unclosedQuote
  case strayQuote
  case textAfterClosingQuote
  case csvInvalid(detail: String)
  case oneColumnOnly
  case unnamedColumn(position: Int)
  case unknownColumn(closest: String)
  case columnTwice
  case requiredColumnMissing(column: String)
  case tooManyCells(cells: Int, columns: Int)
  case linesNotRows(lines: Int, rows: Int)
  case emptyCell
  case emptyCellNeeds(NumberUnit)
  case emptyCellYesNo
  case notAllowedValue(String, allowed: [String])

  // MARK: Files and folders
  case folderMissing
  case fileMissing(file: String)
  case isFolder
  case notOrdinaryFile
  case brokenLink
  case mayNotRead
  case cannotRead(reason: String)
  case linkOutsideServedFolder

  // MARK: measures.csv, partners.csv, owners.csv
  case idTwice(String, firstRow: Int, entity: Entity)
  case noMeasures
  case rankTwice(rank: Int, holder: String, scheme: String, otherRow: Int, otherID: String)
  case rankMissing(rank: Int, holder: String, scheme: String, found: [Int])
  case notANetwork(String, networks: [String])
  case ownerNetworkUnknown(String, networks: [String])
  case notAScheme(String, schemes: [String])
  case participantsDisagree(given: Int, total: Int)
  case participantsTooMany(total: Int)
  case costAndPrice
  case noCost
  case priceNeedsParticipants
  case priceTimesParticipantsTooLarge(product: Double, largest: Double)
  case partnerListedTwice(String)
  case notAPartner(String, partners: [String])
  case partnerKindNotAllowed(partner: String, kind: String, schemeName: String, kinds: [String], scheme: String)
  case minimumShareOutside(String)
  case ownerNotInNetwork(owner: String, ownerNetwork: String, network: String)
  case ownerNotServed(owner: String, runs: Institutions, schemeName: String)
  case notAnOwner(String)
  case oneOwnerAndParticipantsByOwner
  case recipientNotJoint
  case recipientBothOwnerAndPartner(String)
  case recipientNotServed(recipient: String, runs: Institutions, schemeName: String)
  case recipientUnknown(String)
  case broadTargetGroupRequired(schemeName: String)
  case continuingFailsCriteria([CriterionRule])
  case byOwnerForJointMeasure
  case byOwnerEntryWrong(String)
  case byOwnerListedTwice(String)
  case byOwnerNotAnOwner(String)
  case byOwnerNotInNetwork(owner: String, ownerNetwork: String, network: String)
  case byOwnerNotServed(owner: String, runs: Institutions, schemeName: String)
  case byOwnerNoParticipant
  case partnerWithoutHours
  case ownsUnclear(String)

  // MARK: scenario.yaml
  case settingsEmpty
  case noSchemes
  case frameZero
  case noPartnerKinds
  case notAPartnerKind(String)
  case schemeIDTwice(String)
  case servesUnclear
  case notASizeMeasure(String, measures: [String])
  case noNetworks
  case jointIDReserved(String)
  case networkIDTwice(String)
  case notAKeyUse(String)
  case pupilsAndSize
  case sizeMissing
  case keyPartsNotOne(equal: Double, sizeName: String, size: Double)
  case decayMissing
  case decayOutside
  case notAWeighting(String)
  case notAValueRule(String)
  /// `horizon.forecasts` is neither `conditional` nor `binding`.
  case notAForecastRule(String)
  case networkWithoutOwners(network: String)
  case hostNotMember(host: String, network: String, members: [String])
  case noOwnerRuns(network: String, scheme: String, runs: Institutions, schemeName: String)
  case horizonSpan(first: Int, last: Int)
  case notALaterHorizonYear(year: Int, first: Int, last: Int)
  case framesTwice(year: Int)
  case framesMissing(year: Int, schemes: [String])

  // MARK: The letter template (vedtak.mustache)
  case templateNotUTF8
  case templateUnreadable(TemplateProblem, column: Int, line: String, file: String)
  case templateError(detail: String, file: String)

  // MARK: Plans over several years (measures.csv, partner-years.csv, measure-years.csv)
  case plannedWithoutHorizon(measure: String)
  case yearFileWithoutHorizon(file: String)
  case partnerYearNotLater(year: Int, first: Int, last: Int)
  case partnerHoursTwice(partner: String, year: Int)
  case firstYearNotInHorizon(year: Int, first: Int, last: Int)
  case measureBeyondHorizon(first: Int, last: Int, horizonLast: Int)
  case continuingStartsLater(first: Int)
  case notAMeasure(String)
  case yearAndSchoolYear
  case neitherYearNorSchoolYear
  case firstYearRow(year: Int, measure: String)
  case yearOutsideMeasure(measure: String, first: Int, last: Int, year: Int, row: Int?)
  case measureYearTwice(year: Int, measure: String)
  case notASchoolYear(String)
  case schoolYearNeedsCost
  case schoolYearTwice(measure: String)
  case mixedYearKinds(measure: String)
  case schoolYearGap(measure: String, before: Int)
  case schoolYearsBeyondHorizon(measure: String, first: Int, last: Int, horizonFirst: Int, horizonLast: Int)
  case schoolYearsOtherYears(measure: String, first: Int, last: Int, years: Int)
  case schoolYearsFirstAmounts(measure: String, cost: Double, year: Int, given: Double, hours: [ColumnValue])

  // MARK: Variants (variants/NAME.yaml and the what-if form)
  case variantFileGone
  case variantNameInvalid
  case variantNameNotValid(String)
  case variantNameReserved(String)
  case variantEmpty
  case notAYear(String)
  case noFrameChange
  case expectedIDs(path: String)
  case notAnIDKey(String)
  case noVariant(String, variants: [String])
  case basedOnUnknown(String, variants: [String])
  case variantCircle([String])
  case changeNotAScheme(section: String, id: String, schemes: [String])
  case changeFrameOutside(section: String, id: String, frame: Double, zeroAllowed: Bool)
  case changeNotAPartner(section: String, id: String, partners: [String])
  case changeHoursNegative(section: String, id: String, hours: Double, role: String)
  case changeNotAMeasure(id: String)
  case changeShareOutside(id: String, share: Double)
  case changeContinuingFails(id: String)
  /// A lock asks to fund a measure that fails a criterion.
  case changeLockIneligible(id: String)
  /// A lock at a share below the measure's smallest viable share (or on an all-or-nothing measure).
  case changeLockBelowSmallestShare(id: String, share: Double, smallest: Double)
  /// `lock: last_year` on a measure last year's allocation does not have (or with none named).
  case changeLockNoLastYear(id: String, file: String?)
  case changeNotALaterYear(year: Int, later: [Int])
  case changeRankOutside(id: String, rank: Int, count: Int)

  // MARK: Warnings (the scenario loads)
  case unusualHourlyPrice(partner: String, price: Double, role: String, low: Double, high: Double)
  case sizeColumnUnused(measure: String)

  /// What a number is counted in, for ranges and empty cells.
  public enum NumberUnit: Sendable, Hashable {
    case nok, nokPerHour, nokPerParticipant, hours, fte, children, staff, participants, pupils, rank, months, year, years, factor
    case relativeGap, relativeTolerance, seconds
  }

  /// The kind of row whose id must be unique.
  public enum Entity: Sendable, Hashable { case measure, partner, owner }

  /// What a scheme serves or an owner runs.
  public enum Institutions: Sendable, Hashable { case schools, kindergartens, schoolsOrKindergartens }

  /// A criterion as the file's reader knows it: the column that states it, or what it needs.
  public enum CriterionRule: Sendable, Hashable {
    case schoolBased, collective, inLocalPlan, developmentPartner, broadTargetGroup, notIndividualEducation
  }

  /// Why the letter template cannot be read.
  public enum TemplateProblem: Sendable, Hashable {
    case sectionCloseName, unfinishedName, expectedSectionEnd, invalidSetDelimiter, inheritance, configVariable
    case other(String)
  }

  /// A column and its value, as a fix quotes it (`pool_hours = 120`).
  public struct ColumnValue: Sendable, Hashable {
    public var column: String
    public var value: Double
    public init(column: String, value: Double) {
      self.column = column
      self.value = value
    }
  }

  /// The section (`frames`, `partners`, `measures`) and id a change that could not be applied is
  /// about, for the what-if form to show the message next to that id's fields.
  public var changeTarget: (section: String, id: String)? {
    switch self {
    case .changeNotAScheme(let section, let id, _), .changeFrameOutside(let section, let id, _, _),
      .changeNotAPartner(let section, let id, _), .changeHoursNegative(let section, let id, _, _):
      (section, id)
    case .changeNotAMeasure(let id), .changeShareOutside(let id, _), .changeContinuingFails(let id), .changeRankOutside(let id, _, _),
      .changeLockIneligible(let id), .changeLockNoLastYear(let id, _), .changeLockBelowSmallestShare(let id, _, _):
      ("measures", id)
    default: nil
    }
  }
}

/// An issue's two sentences in one language.
public struct IssueWords: Sendable, Equatable {
  /// What is wrong.
  public var problem: String
  /// How to fix it.
  public var fix: String

  public init(_ problem: String, _ fix: String) {
    self.problem = problem
    self.fix = fix
  }
}

extension IssueText {
  /// The problem and its fix in `language`.
  public func words(in language: Language) -> IssueWords {
    switch language {
    case .nb: BokmalIssues.words(self)
    case .en: EnglishIssues.words(self)
    }
  }

  /// The problem and its fix as one message (`… er ikke et tall. Slik retter du det: …`), with
  /// text from the files made ``visible(_:)``.
  public func message(in language: Language) -> String {
    let words = words(in: language)
    return visible(words.problem + ConsoleText.fixLead.text(in: language) + words.fix)
  }
}
