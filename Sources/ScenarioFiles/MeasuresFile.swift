import Foundation
import GrantAllocation
import ScenarioFormat

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
          reader.fail(Columns.id, "the id \(id) is also used on row \(first).", fix: "give every measure its own id.")
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
      log.add(fileName, row: nil, nil, "the file has no measures.", fix: "add one row per measure under the header.")
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
    let rank = reader.wholeNumber(Columns.rank, required: true, in: 1...10_000, unit: "rank")
    let title = reader.requiredText(Columns.title)
    var holder: MeasureHolder?
    if let holderText {
      if holderText.lowercased() == MeasureHolder.jointID {
        holder = .joint
      } else if context.networks.contains(NetworkID(holderText)) {
        holder = .network(NetworkID(holderText))
      } else {
        reader.fail(
          Columns.network, "\"\(holderText)\" is not a network in scenario.yaml.",
          fix: "write one of: \(context.networks.sorted().map(\.rawValue).joined(separator: ", ")), or felles for a joint measure.")
      }
    }
    var scheme: Scheme?
    if let schemeText {
      scheme = context.schemes[SchemeID(schemeText)]
      if scheme == nil {
        reader.fail(
          Columns.scheme, "\"\(schemeText)\" is not a scheme in scenario.yaml.",
          fix: "write one of: \(context.schemes.keys.sorted().map(\.rawValue).joined(separator: ", ")).")
      }
    }
    // Cost: cost_nok, or price per participant × participants.
    let largest = ScenarioSettingsFile.largestAmount
    let cost = reader.number(Columns.costNOK, required: false, in: 0...largest, unit: "NOK")
    let price = reader.number(Columns.pricePerParticipantNOK, required: false, in: 0...1e7, unit: "NOK per participant")
    let givenParticipants = reader.wholeNumber(Columns.participants, required: false, in: 0...1_000_000, unit: "participants")
    // Who takes part, per owner: the programme's grant and egenandel are split by these counts.
    let participantsByOwner = Self.participantsByOwner(&reader, context: context, holder: holder, scheme: scheme)
    var participants = givenParticipants
    if let participantsByOwner {
      let total = participantsByOwner.values.reduce(0, +)
      if let givenParticipants, givenParticipants != total {
        reader.fail(
          Columns.participants, "\(givenParticipants) participants, but participants_by_owner adds up to \(total).",
          fix: "make the two agree, or leave participants empty (it is then the sum).")
      }
      if total > 1_000_000 {
        reader.fail(
          Columns.participantsByOwner, "the participants add up to \(total), more than 1 000 000.",
          fix: "check the numbers of participants.")
      } else {
        participants = total
      }
    }
    var stateCost: Double?
    switch (reader.has(Columns.costNOK), reader.has(Columns.pricePerParticipantNOK)) {
    case (true, true):
      reader.fail(Columns.costNOK, "both cost_nok and price_per_participant_nok are given.", fix: "keep one of them.")
    case (false, false):
      reader.fail(Columns.costNOK, "no cost is given.", fix: "write cost_nok, or price_per_participant_nok with participants.")
    case (true, false):
      stateCost = cost
    case (false, true):
      if participants == nil {
        reader.fail(
          Columns.participants, "a price per participant needs the number of participants.",
          fix: "write the number of participants, or each owner's in participants_by_owner.")
      } else if let price, let participants {
        // The product is capped like cost_nok: each factor may be in range and their product not.
        if price * Double(participants) > largest {
          reader.fail(
            Columns.participants,
            "price per participant × participants is \(format(price * Double(participants))) NOK, more than the largest cost allowed (\(format(largest)) NOK).",
            fix: "check the price and the number of participants.")
        } else {
          stateCost = price * Double(participants)
        }
      }
    }
    var hours: [PartnerRole: Double] = [:]
    for role in PartnerRole.allCases {
      hours[role] =
        reader.number(ScenarioSchema.hours(role.rawValue), required: false, in: 0...PartnersFile.largestHours, unit: "hours") ?? 0
    }
    // Partners must exist and be of a kind the scheme allows.
    var partners: [PartnerID] = []
    for text in CellValues.list(reader.text(Columns.partners)) {
      let partnerID = PartnerID(text)
      if partners.contains(partnerID) {
        reader.fail(Columns.partners, "\(text) is listed twice.", fix: "list each partner once.")
        continue
      }
      partners.append(partnerID)
      guard context.partnersKnown else { continue }
      guard let partner = context.partners[partnerID] else {
        reader.fail(
          Columns.partners, "\"\(text)\" is not a partner in partners.csv.",
          fix: "write one of: \(context.partners.keys.sorted().map(\.rawValue).joined(separator: ", ")).")
        continue
      }
      if let scheme, !scheme.partnerKinds.contains(partner.kind) {
        reader.fail(
          Columns.partners,
          "\(partner.name) (\(partner.kind.rawValue)) may not serve \(scheme.name), which takes \(scheme.partnerKinds.sorted().map(\.rawValue).joined(separator: ", ")).",
          fix: "choose a partner of an allowed kind, or change partner_kinds for \(scheme.id) in scenario.yaml.")
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
        reader.fail(
          Columns.minimumShare, "\(reader.text(Columns.minimumShare)) is not in (0, 1].",
          fix: "write a share above 0 and at most 1; 1 means all or nothing.")
        minimumShare = nil
      case .failure(let failure):
        reader.fail(Columns.minimumShare, failure.problem, fix: failure.fix)
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
              Columns.owner, "\(found.name) belongs to network \(found.network), not \(network).",
              fix: "name an owner in the measure's network, or leave the cell empty.")
          } else if let scheme, !found.isServed(by: scheme) {
            reader.fail(
              Columns.owner, "\(found.name) runs no \(institutionText(scheme.serves)), which \(scheme.name) is for.",
              fix: "name an owner the scheme serves, or correct the owner's owns column in owners.csv.")
          }
        } else {
          reader.fail(
            Columns.owner, "\"\(reader.text(Columns.owner))\" is not an owner in owners.csv.",
            fix: "write an owner id from owners.csv, or leave the cell empty.")
        }
      }
    }
    if participantsByOwner != nil, owner != nil {
      reader.fail(
        Columns.participantsByOwner, "the measure has one owner (the owner column), so its participants are that owner's.",
        fix: "leave participants_by_owner or owner empty.")
    }
    // Who receives a joint measure's grant; a network's money goes to the network's recipient.
    var recipient: Recipient?
    if reader.has(Columns.recipient) {
      let text = reader.text(Columns.recipient)
      if holder != .joint {
        reader.fail(
          Columns.recipient, "only a joint measure (felles) names its recipient; a network's grant is paid to the network (its host).",
          fix: "leave the cell empty, or set the network's host in scenario.yaml.")
      } else if text.lowercased() == Recipient.forumID {
        recipient = .forum
      } else {
        let ownerMatch = context.owners[OwnerID(text)]
        let partnerMatch = context.partners[PartnerID(text)]
        switch (ownerMatch, partnerMatch) {
        case (.some, .some):
          reader.fail(Columns.recipient, "\(text) is both an owner and a partner.", fix: "give the owner or the partner another id.")
        case (let found?, nil):
          if let scheme, !found.isServed(by: scheme) {
            reader.fail(
              Columns.recipient, "\(found.name) runs no \(institutionText(scheme.serves)), which \(scheme.name) is for.",
              fix: "name a recipient the scheme serves, a partner, or forum.")
          }
          recipient = .owner(found.id)
        case (nil, let found?):
          recipient = .partner(found.id)
        case (nil, nil):
          if context.ownersKnown && context.partnersKnown {
            reader.fail(
              Columns.recipient, "\"\(text)\" is not an owner in owners.csv nor a partner in partners.csv.",
              fix: "write an owner id, a partner id, or forum (the forum's own budget).")
          }
        }
      }
    }
    var schedule: PaymentSchedule?
    if reader.has(Columns.paymentSchedule) {
      switch CellValues.paymentSchedule(reader.text(Columns.paymentSchedule)) {
      case .success(let value): schedule = value
      case .failure(let failure): reader.fail(Columns.paymentSchedule, failure.problem, fix: failure.fix)
      }
    }
    let duration = reader.wholeNumber(Columns.durationMonths, required: false, in: 1...120, unit: "months")
    let schoolBased = reader.yesNo(Columns.schoolBased, default: nil)
    let collective = reader.yesNo(Columns.collective, default: nil)
    let inLocalPlan = reader.yesNo(Columns.inLocalPlan, default: nil)
    let individual = reader.yesNo(Columns.individualEducation, default: false)
    var broad: Bool?
    if reader.has(Columns.broadTargetGroup) {
      broad = reader.yesNo(Columns.broadTargetGroup, default: false)
    } else if let scheme, scheme.requiresBroadTargetGroup {
      reader.fail(Columns.broadTargetGroup, "\(scheme.name) requires this criterion, and the cell is empty.", fix: "write ja or nei.")
    }
    // A multi-year plan: the first year, how many years, and whether it may stop after a first part.
    let firstYear = reader.wholeNumber(Columns.firstYear, required: false, in: 2000...2100, unit: "year")
    let yearCount = reader.has(Columns.years) ? reader.wholeNumber(Columns.years, required: false, in: 1...10, unit: "years") : 1
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
      reader.fail(
        Columns.continuing,
        "a continuing commitment fails the criteria: \(measure.failedCriteria(under: scheme).map(Self.criterionWords).joined(separator: "; ")).",
        fix: "correct the criteria flags, or end the commitment (continuing = nei).")
      return nil
    }
    return measure
  }

  /// "schools", "kindergartens" or "schools or kindergartens", for messages.
  static func institutionText(_ institutions: Set<Institution>) -> String {
    institutions.sorted().map { $0 == .schools ? "schools" : "kindergartens" }.joined(separator: " or ")
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
            "rank \(entry.rank) is used twice in the list of \(key.holder) for \(key.scheme) (also row \(other.row), \(other.id)).",
            fix: "give each measure on a list its own rank: 1, 2, 3 …")
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
          "rank \(missing) is missing in the list of \(key.holder) for \(key.scheme) (ranks found: \(ranks.sorted().map(String.init).joined(separator: ", "))).",
          fix: "number the list 1, 2, 3 … without gaps.")
      }
    }
  }

  /// A criterion as the file's reader knows it: the column that states it, or what it needs.
  static func criterionWords(_ criterion: Criterion) -> String {
    switch criterion {
    case .schoolBased: "school_based must be ja"
    case .collective: "collective must be ja"
    case .inLocalPlan: "in_local_plan must be ja"
    case .developmentPartner: "partners must name a university or university college (uh), or Statped in Kompetanseløftet"
    case .broadTargetGroup: "broad_target_group must be ja in this scheme"
    case .notIndividualEducation: "individual_education must be nei"
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
        reader.fail(column, "a joint measure's money goes to its recipient, not to owners by participants.", fix: "leave the cell empty.")
      }
      return nil
    }
    var counts: [OwnerID: Int] = [:]
    var wrong = false
    for entry in reader.text(column).split(separator: "|").map({ Blanks.trimmed(String($0)) }) where !entry.isEmpty {
      let pair = entry.split(separator: ":", maxSplits: 1).map { Blanks.trimmed(String($0)) }
      guard pair.count == 2, !pair[0].isEmpty, case .success(let count) = CellValues.wholeNumber(pair[1]), (0...1_000_000).contains(count)
      else {
        reader.fail(
          column, "\"\(entry)\" is not an owner and a whole number of participants (0 to 1 000 000).",
          fix: "write owner:participants, e.g. trondheim:40|malvik:12.")
        wrong = true
        continue
      }
      let id = OwnerID(pair[0])
      if counts[id] != nil {
        reader.fail(column, "\(pair[0]) is listed twice.", fix: "list each owner once.")
        wrong = true
      }
      counts[id] = count
      guard context.ownersKnown else { continue }
      guard let found = context.owners[id] else {
        reader.fail(column, "\"\(pair[0])\" is not an owner in owners.csv.", fix: "write owner ids from owners.csv.")
        wrong = true
        continue
      }
      if found.network != network {
        reader.fail(
          column, "\(found.name) belongs to network \(found.network), not \(network).", fix: "list owners in the measure's network.")
        wrong = true
      } else if let scheme, !found.isServed(by: scheme) {
        reader.fail(
          column, "\(found.name) runs no \(institutionText(scheme.serves)), which \(scheme.name) is for.",
          fix: "list owners the scheme serves, or correct the owner's owns column in owners.csv.")
        wrong = true
      }
    }
    if !wrong, counts.values.reduce(0, +) == 0 {
      reader.fail(column, "no owner has a participant.", fix: "give at least one owner a participant, or leave the cell empty.")
      wrong = true
    }
    return wrong ? nil : counts
  }
}
