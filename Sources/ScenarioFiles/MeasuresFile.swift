import Foundation
import GrantAllocation
import ScenarioFormat
import UserMessages

private typealias Columns = ScenarioSchema.Measures

/// Reads `measures.csv` and checks it against the schemes, networks, partners and owners.
enum MeasuresFile {
  static let fileName = Columns.fileName
  static let columns = Columns.columns

  /// What the measures refer to.
  struct Context {
    var schemes: [SchemeID: Scheme]
    var networks: Set<NetworkID>
    var partners: [PartnerID: Partner]
    var owners: [OwnerID: SchoolOwner]
    /// Whether partners.csv / owners.csv were read without errors (otherwise references to them are not checked).
    var partnersKnown: Bool
    var ownersKnown: Bool
  }

  static func read(_ table: CSVTable, context: Context, log: inout IssueLog) -> [Measure] {
    var measures: [Measure] = []
    var ranked: [RankedRow] = []
    /// Holders of rows whose list or rank cannot be read: a gap in any list may be such a row.
    var unreadableListOf = Set<String>()
    var firstRow: [String: Int] = [:]
    for row in table.rows {
      var reader = RowReader(file: fileName, row: row)
      let measure = readRow(&reader, context: context)
      if let id = reader.row.cells[Columns.id], !id.isEmpty {
        if let first = firstRow[id] {
          reader.fail(Columns.id, .idTwice(id, firstRow: first, entity: .measure))
        } else {
          firstRow[id] = row.number
        }
      }
      log.append(contentsOf: reader.log)
      if reader.log.isEmpty, let measure { measures.append(measure) }
      if let entry = RankedRow(row, context: context) {
        ranked.append(entry)
      } else {
        unreadableListOf.insert(row.cells[Columns.network] ?? "")
      }
    }
    if table.rows.isEmpty && table.rejectedRows == 0 {
      log.add(fileName, row: nil, nil, .noMeasures)
    }
    if table.rejectedRows > 0 { unreadableListOf.insert("*") }
    checkRanks(ranked, skippingGaps: !unreadableListOf.isEmpty, log: &log)
    return measures
  }

  /// The list and rank of a row whose id, network, scheme and rank can be read, whatever else is wrong with it.
  struct RankedRow {
    var list: ListKey
    var rank: Int
    var id: String
    var row: Int

    init?(_ row: CSVTable.Row, context: Context) {
      let holderText = row.cells[Columns.network] ?? ""
      let holder: MeasureHolder =
        holderText.lowercased() == MeasureHolder.jointID ? .joint : .network(NetworkID(holderText))
      guard let id = row.cells[Columns.id], !id.isEmpty, case .success(let rank) = CellValues.wholeNumber(row.cells[Columns.rank] ?? ""),
        let scheme = row.cells[Columns.scheme], context.schemes[SchemeID(scheme)] != nil,
        holder == .joint || context.networks.contains(NetworkID(holderText))
      else { return nil }
      self.list = ListKey(holder: holder, scheme: SchemeID(scheme))
      self.rank = rank
      self.id = id
      self.row = row.number
    }
  }

  private static func readRow(_ reader: inout RowReader, context: Context) -> Measure? {
    let id = reader.identifier(Columns.id)
    let holderText = reader.identifier(Columns.network)
    let schemeText = reader.identifier(Columns.scheme)
    let rank = reader.wholeNumber(Columns.rank, required: true, in: 1...10_000, unit: .rank)
    let title = reader.requiredText(Columns.title)
    var holder: MeasureHolder?
    if let holderText {
      if holderText.lowercased() == MeasureHolder.jointID {
        holder = .joint
      } else if context.networks.contains(NetworkID(holderText)) {
        holder = .network(NetworkID(holderText))
      } else {
        reader.fail(Columns.network, .notANetwork(holderText, networks: context.networks.sorted().map(\.rawValue)))
      }
    }
    var scheme: Scheme?
    if let schemeText {
      scheme = context.schemes[SchemeID(schemeText)]
      if scheme == nil {
        reader.fail(Columns.scheme, .notAScheme(schemeText, schemes: context.schemes.keys.sorted().map(\.rawValue)))
      }
    }
    // Cost: cost_nok, or price per participant × participants.
    let largest = ScenarioSettingsFile.largestAmount
    let cost = reader.number(Columns.costNOK, required: false, in: 0...largest, unit: .nok)
    let price = reader.number(Columns.pricePerParticipantNOK, required: false, in: 0...1e7, unit: .nokPerParticipant)
    let givenParticipants = reader.wholeNumber(Columns.participants, required: false, in: 0...1_000_000, unit: .participants)
    // Who takes part, per owner: the programme's grant and egenandel are split by these counts.
    let participantsByOwner = Self.participantsByOwner(&reader, context: context, holder: holder, scheme: scheme)
    var participants = givenParticipants
    if let participantsByOwner {
      let total = participantsByOwner.values.reduce(0, +)
      if let givenParticipants, givenParticipants != total {
        reader.fail(Columns.participants, .participantsDisagree(given: givenParticipants, total: total))
      }
      if total > 1_000_000 {
        reader.fail(Columns.participantsByOwner, .participantsTooMany(total: total))
      } else {
        participants = total
      }
    }
    var stateCost: Double?
    switch (reader.has(Columns.costNOK), reader.has(Columns.pricePerParticipantNOK)) {
    case (true, true):
      reader.fail(Columns.costNOK, .costAndPrice)
    case (false, false):
      reader.fail(Columns.costNOK, .noCost)
    case (true, false):
      stateCost = cost
    case (false, true):
      if participants == nil {
        reader.fail(Columns.participants, .priceNeedsParticipants)
      } else if let price, let participants {
        // The product is capped like cost_nok: each factor may be in range and their product not.
        if price * Double(participants) > largest {
          reader.fail(Columns.participants, .priceTimesParticipantsTooLarge(product: price * Double(participants), largest: largest))
        } else {
          stateCost = price * Double(participants)
        }
      }
    }
    var hours: [PartnerRole: Double] = [:]
    for role in PartnerRole.allCases {
      hours[role] =
        reader.number(ScenarioSchema.hours(role.rawValue), required: false, in: 0...PartnersFile.largestHours, unit: .hours) ?? 0
    }
    // Partners must exist and be of a kind the scheme allows.
    var partners: [PartnerID] = []
    for text in CellValues.list(reader.text(Columns.partners)) {
      let partnerID = PartnerID(text)
      if partners.contains(partnerID) {
        reader.fail(Columns.partners, .partnerListedTwice(text))
        continue
      }
      partners.append(partnerID)
      guard context.partnersKnown else { continue }
      guard let partner = context.partners[partnerID] else {
        reader.fail(Columns.partners, .notAPartner(text, partners: context.partners.keys.sorted().map(\.rawValue)))
        continue
      }
      if let scheme, !scheme.partnerKinds.contains(partner.kind) {
        reader.fail(
          Columns.partners,
          .partnerKindNotAllowed(
            partner: partner.name, kind: partner.kind.rawValue, schemeName: scheme.name,
            kinds: scheme.partnerKinds.sorted().map(\.rawValue),
            scheme: scheme.id.rawValue))
      }
    }
    let asksHours = hours.values.contains { $0 > 0 }
    if asksHours && partners.isEmpty && reader.has(Columns.partners) == false {
      // Hours without partners: the measure fails the development-partner criterion; no error.
    }
    let singlePartner = reader.yesNo(Columns.singlePartner, default: true)
    var minimumShare: Double? = 1
    if reader.has(Columns.minimumShare) {
      switch CellValues.share(reader.text(Columns.minimumShare)) {
      case .success(let share) where share > 0 && share <= 1: minimumShare = share
      case .success:
        reader.fail(Columns.minimumShare, .minimumShareOutside(reader.text(Columns.minimumShare)))
        minimumShare = nil
      case .failure(let failure):
        reader.fail(Columns.minimumShare, failure.text)
        minimumShare = nil
      }
    }
    let continuing = reader.yesNo(Columns.continuing, default: false)
    var owner: OwnerID?
    if reader.has(Columns.owner) {
      let named = OwnerID(reader.text(Columns.owner))
      owner = named
      if context.ownersKnown {
        if let found = context.owners[named] {
          if let network = holder?.network, found.network != network {
            reader.fail(
              Columns.owner, .ownerNotInNetwork(owner: found.name, ownerNetwork: found.network.rawValue, network: network.rawValue))
          } else if let scheme, !found.isServed(by: scheme) {
            reader.fail(Columns.owner, .ownerNotServed(owner: found.name, runs: institutions(scheme.serves), schemeName: scheme.name))
          }
        } else {
          reader.fail(Columns.owner, .notAnOwner(reader.text(Columns.owner)))
        }
      }
    }
    if participantsByOwner != nil, owner != nil {
      reader.fail(Columns.participantsByOwner, .oneOwnerAndParticipantsByOwner)
    }
    // Who receives a joint measure's grant; a network's money goes to the network's recipient.
    var recipient: Recipient?
    if reader.has(Columns.recipient) {
      let text = reader.text(Columns.recipient)
      if holder != .joint {
        reader.fail(Columns.recipient, .recipientNotJoint)
      } else if text.lowercased() == Recipient.forumID {
        recipient = .forum
      } else {
        let ownerMatch = context.owners[OwnerID(text)]
        let partnerMatch = context.partners[PartnerID(text)]
        switch (ownerMatch, partnerMatch) {
        case (.some, .some):
          reader.fail(Columns.recipient, .recipientBothOwnerAndPartner(text))
        case (let found?, nil):
          if let scheme, !found.isServed(by: scheme) {
            reader.fail(
              Columns.recipient, .recipientNotServed(recipient: found.name, runs: institutions(scheme.serves), schemeName: scheme.name))
          }
          recipient = .owner(found.id)
        case (nil, let found?):
          recipient = .partner(found.id)
        case (nil, nil):
          if context.ownersKnown && context.partnersKnown {
            reader.fail(Columns.recipient, .recipientUnknown(text))
          }
        }
      }
    }
    var schedule: PaymentSchedule?
    if reader.has(Columns.paymentSchedule) {
      switch CellValues.paymentSchedule(reader.text(Columns.paymentSchedule)) {
      case .success(let value): schedule = value
      case .failure(let failure): reader.fail(Columns.paymentSchedule, failure.text)
      }
    }
    let duration = reader.wholeNumber(Columns.durationMonths, required: false, in: 1...120, unit: .months)
    let schoolBased = reader.yesNo(Columns.schoolBased, default: nil)
    let collective = reader.yesNo(Columns.collective, default: nil)
    let inLocalPlan = reader.yesNo(Columns.inLocalPlan, default: nil)
    let individual = reader.yesNo(Columns.individualEducation, default: false)
    var broad: Bool?
    if reader.has(Columns.broadTargetGroup) {
      broad = reader.yesNo(Columns.broadTargetGroup, default: false)
    } else if let scheme, scheme.requiresBroadTargetGroup {
      reader.fail(Columns.broadTargetGroup, .broadTargetGroupRequired(schemeName: scheme.name))
    }
    // A multi-year plan: the first year, how many years, and whether it may stop after a first part.
    let firstYear = reader.wholeNumber(Columns.firstYear, required: false, in: 2000...2100, unit: .year)
    let yearCount = reader.has(Columns.years) ? reader.wholeNumber(Columns.years, required: false, in: 1...10, unit: .years) : 1
    let mayStop = reader.yesNo(Columns.mayStop, default: false)
    guard let id, let holder, let scheme, let rank, let title, let stateCost, let singlePartner, let minimumShare,
      let continuing, let schoolBased, let collective, let inLocalPlan, let individual, let yearCount, let mayStop
    else { return nil }
    let measure = Measure(
      id: MeasureID(id), holder: holder, scheme: scheme.id, rank: rank, title: title, stateCost: stateCost,
      pricePerParticipant: reader.has(Columns.pricePerParticipantNOK) ? price : nil, participants: participants,
      participantsByOwner: participantsByOwner ?? [:], hours: hours,
      acceptablePartners: partners, singlePartner: singlePartner, minimumShare: minimumShare, continuing: continuing,
      owner: owner, start: reader.has(Columns.start) ? reader.text(Columns.start) : nil, durationMonths: duration,
      criteria: CriteriaFlags(
        schoolBased: schoolBased, collective: collective, inLocalPlan: inLocalPlan, broadTargetGroup: broad,
        individualEducation: individual),
      note: reader.has(Columns.note) ? reader.text(Columns.note) : nil, firstYear: firstYear,
      laterYears: Array(repeating: YearAmounts(stateCost: stateCost, hours: hours), count: yearCount - 1), mayStop: mayStop,
      recipient: recipient ?? (holder == .joint ? .forum : nil), paymentSchedule: schedule)
    if continuing, !measure.failedCriteria(under: scheme).isEmpty {
      reader.fail(Columns.continuing, .continuingFailsCriteria(measure.failedCriteria(under: scheme).map(Self.criterionRule)))
      return nil
    }
    return measure
  }

  /// Schools, kindergartens or both, for messages.
  static func institutions(_ institutions: Set<Institution>) -> IssueText.Institutions {
    switch (institutions.contains(.schools), institutions.contains(.kindergartens)) {
    case (true, false): .schools
    case (false, true): .kindergartens
    default: .schoolsOrKindergartens
    }
  }

  /// Per list (network and scheme) the ranks must be 1, 2, 3 … without gaps or repeats.
  ///
  /// Gaps are not reported when some row could not be placed in a list: that row may fill them.
  private static func checkRanks(_ ranked: [RankedRow], skippingGaps: Bool, log: inout IssueLog) {
    let lists = Dictionary(grouping: ranked, by: \.list)
    for (key, rows) in lists.sorted(by: { $0.key < $1.key }) {
      let list = rows.sorted { $0.row < $1.row }
      var seen: [Int: RankedRow] = [:]
      for entry in list {
        if let other = seen[entry.rank] {
          log.add(
            fileName, row: entry.row, Columns.rank,
            .rankTwice(rank: entry.rank, holder: "\(key.holder)", scheme: "\(key.scheme)", otherRow: other.row, otherID: other.id))
        } else {
          seen[entry.rank] = entry
        }
      }
      let ranks = Set(list.map(\.rank))
      guard !skippingGaps else { continue }
      if let missing = (1...max(ranks.max() ?? 1, 1)).first(where: { !ranks.contains($0) }) {
        let after = list.filter { $0.rank > missing }.min { $0.rank < $1.rank }
        log.add(
          fileName, row: after?.row, Columns.rank,
          .rankMissing(rank: missing, holder: "\(key.holder)", scheme: "\(key.scheme)", found: ranks.sorted()))
      }
    }
  }

  /// A criterion as the file's reader knows it (the column that states it, or what it needs).
  static func criterionRule(_ criterion: Criterion) -> IssueText.CriterionRule {
    switch criterion {
    case .schoolBased: .schoolBased
    case .collective: .collective
    case .inLocalPlan: .inLocalPlan
    case .developmentPartner: .developmentPartner
    case .broadTargetGroup: .broadTargetGroup
    case .notIndividualEducation: .notIndividualEducation
    }
  }
}

extension MeasuresFile {
  /// The `participants_by_owner` cell (`trondheim:40|malvik:12`): owners of the measure's network
  /// that the scheme serves, each once, with a whole number of participants; `nil` when empty or
  /// wrong (the errors are on `reader`).
  static func participantsByOwner(
    _ reader: inout RowReader, context: Context, holder: MeasureHolder?, scheme: Scheme?
  ) -> [OwnerID: Int]? {
    let column = Columns.participantsByOwner
    guard reader.has(column) else { return nil }
    guard let holder, let network = holder.network else {
      if holder == .joint {
        reader.fail(column, .byOwnerForJointMeasure)
      }
      return nil
    }
    var counts: [OwnerID: Int] = [:]
    var wrong = false
    for entry in reader.text(column).split(separator: "|").map({ Blanks.trimmed(String($0)) }) where !entry.isEmpty {
      let pair = entry.split(separator: ":", maxSplits: 1).map { Blanks.trimmed(String($0)) }
      guard pair.count == 2, !pair[0].isEmpty, case .success(let count) = CellValues.wholeNumber(pair[1]), (0...1_000_000).contains(count)
      else {
        reader.fail(column, .byOwnerEntryWrong(entry))
        wrong = true
        continue
      }
      let id = OwnerID(pair[0])
      if counts[id] != nil {
        reader.fail(column, .byOwnerListedTwice(pair[0]))
        wrong = true
      }
      counts[id] = count
      guard context.ownersKnown else { continue }
      guard let found = context.owners[id] else {
        reader.fail(column, .byOwnerNotAnOwner(pair[0]))
        wrong = true
        continue
      }
      if found.network != network {
        reader.fail(column, .byOwnerNotInNetwork(owner: found.name, ownerNetwork: found.network.rawValue, network: network.rawValue))
        wrong = true
      } else if let scheme, !found.isServed(by: scheme) {
        reader.fail(column, .byOwnerNotServed(owner: found.name, runs: institutions(scheme.serves), schemeName: scheme.name))
        wrong = true
      }
    }
    if !wrong, counts.values.reduce(0, +) == 0 {
      reader.fail(column, .byOwnerNoParticipant)
      wrong = true
    }
    return wrong ? nil : counts
  }
}
