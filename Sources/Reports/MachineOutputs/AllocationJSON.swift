import Foundation
import GrantAllocation

/// `allocation.json`: the whole allocation for machines, with sorted keys so reruns are identical.
public struct AllocationJSON: ReportRenderer {
  struct Document: Encodable {
    var dekomVersion: String
    var solver: String
    var year: Int
    var county: String
    var inputFiles: [InputFile]
    var solve: Solve
    var schemes: [SchemeEntry]
    var measures: [MeasureEntry]
    var partners: [PartnerEntry]
    var owners: [OwnerEntry]
    /// The part of each network's grants that its agreement does not split among its members.
    var networks: [NetworkEntry]
    /// Every payment: recipient, what it is for, scheme, date and amount.
    var payments: [PaymentEntry]
    var fairness: [FairnessEntry]
    /// Absent when the run was not asked to explain.
    var explanation: ExplanationEntry?
  }
  struct Solve: Encodable {
    var status: String
    var method: String
    var stages: [Stage]
    var model: ModelSize
    var parameters: SolveParameters
    /// How the partners were settled under the network's choice of partner (absent for plans).
    var partnerRule: PartnerRuleRecord?
  }
  struct Stage: Encodable {
    var name: String
    var status: String
    var objective: Double?
    var bound: Double?
    var relativeGap: Double?
    /// `work_limit` or `time_limit` when the stage stopped before closing its gap; absent otherwise.
    var stoppedBy: String?
    /// Wall time of the stage; only with ``AllocationJSON/recordsSeconds``, since it differs from run to run.
    var seconds: Double?
  }
  struct SchemeEntry: Encodable {
    var id: String, name: String, frameNok: Int, toPartnersNok: Int, toNetworksNok: Int, toJointMeasuresNok: Int
    var allocatedNok: Int, leftNok: Int
  }
  struct MeasureEntry: Encodable {
    var id: String, network: String, scheme: String, rank: Int, title: String, status: String, share: Double
    var grantNok: Int, totalNok: Int, partners: [PartnerLine], reasons: [ReasonEntry]
  }
  struct PartnerLine: Encodable {
    /// `hours` exact (the solver's), `whole_hours` as the reports show them.
    var partner: String, role: String, hours: Double, wholeHours: Int, moneyNok: Int
  }
  struct ReasonEntry: Encodable {
    var code: String, text: String
  }
  struct PartnerEntry: Encodable {
    var id: String, name: String, poolHours: Double, poolCapacity: Double, poolNok: Int
    var partner2Hours: Double, partner2Capacity: Double, partner2Nok: Int, totalNok: Int
  }
  struct OwnerEntry: Encodable {
    var id: String, name: String, network: String, grantNok: Int, egenandelNok: Int
  }
  struct NetworkEntry: Encodable {
    var id: String, name: String, grantNok: Int, egenandelNok: Int
  }
  struct PaymentEntry: Encodable {
    /// `owner`, `partner` or `forum`.
    var recipientKind: String
    /// The owner's or partner's id; absent for the forum's own budget.
    var recipient: String?
    var recipientName: String
    /// `network`, `joint_measure` or `partner_hours`.
    var purpose: String
    /// The network's or joint measure's id, or the partner role.
    var purposeId: String
    var scheme: String
    var date: String
    var amountNok: Int
  }
  struct FairnessEntry: Encodable {
    var network: String, scheme: String, floorNok: Int, receivedNok: Int
  }

  let input: ReportInput
  /// Names as they are: CSV and JSON are not Markdown.
  var names: NameBook { input.names }

  /// Whether each stage's seconds are written (then two runs no longer give the same bytes).
  public var recordsSeconds = false

  public init(_ input: ReportInput, recordsSeconds: Bool = false) {
    self.input = input
    self.recordsSeconds = recordsSeconds
  }

  public func render() throws -> String {
    let scenario = result.scenario
    let document = Document(
      dekomVersion: provenance.dekomVersion, solver: provenance.solverName, year: scenario.year, county: scenario.county,
      inputFiles: scenario.inputFiles,
      solve: Solve(
        status: result.status.rawValue, method: "lexicographic-\(result.parameters.method.rawValue)",
        stages: result.stages.map {
          Stage(
            name: $0.name, status: $0.status.rawValue, objective: $0.objectiveValue.map(Self.stable),
            bound: $0.bound.map(Self.stable), relativeGap: $0.relativeGap.map(Self.stable), stoppedBy: $0.stoppedBy?.rawValue,
            seconds: recordsSeconds ? (($0.seconds * 1000).rounded() / 1000) : nil)
        },
        model: result.modelSize, parameters: result.parameters, partnerRule: result.partnerRule),
      schemes: settlement.schemes.map {
        SchemeEntry(
          id: $0.scheme.rawValue, name: names.scheme($0.scheme), frameNok: $0.frame, toPartnersNok: $0.toPartners,
          toNetworksNok: $0.toNetworks, toJointMeasuresNok: $0.toJointMeasures, allocatedNok: $0.allocated, leftNok: $0.left)
      },
      measures: scenario.measureIndices.map { index in
        let measure = scenario.measures[index]
        let outcome = result.outcomes[index]
        let money = settlement.measures[index]
        return MeasureEntry(
          id: measure.id.rawValue, network: measure.holder.description, scheme: measure.scheme.rawValue, rank: measure.rank,
          title: measure.title, status: outcome.status.rawValue, share: outcome.share, grantNok: money.grant, totalNok: money.total,
          partners: money.partners.map {
            PartnerLine(
              partner: $0.partner.rawValue, role: $0.role.rawValue, hours: $0.hours, wholeHours: $0.wholeHours, moneyNok: $0.money)
          },
          reasons: outcome.reasons.map { ReasonEntry(code: Self.code($0), text: messages.reason($0, names: names)) })
      },
      partners: settlement.partners.map {
        PartnerEntry(
          id: $0.partner.rawValue, name: names.partner($0.partner), poolHours: $0.hours[.pool] ?? 0,
          poolCapacity: $0.capacity[.pool] ?? 0, poolNok: $0.money[.pool] ?? 0, partner2Hours: $0.hours[.partner2] ?? 0,
          partner2Capacity: $0.capacity[.partner2] ?? 0, partner2Nok: $0.money[.partner2] ?? 0, totalNok: $0.total)
      },
      owners: scenario.owners.compactMap { owner in
        settlement.payment(owner.id).map {
          OwnerEntry(
            id: owner.id.rawValue, name: owner.name, network: owner.network.rawValue, grantNok: $0.grant, egenandelNok: $0.egenandel)
        }
      },
      networks: settlement.networks.map {
        NetworkEntry(id: $0.network.rawValue, name: names.network($0.network), grantNok: $0.grant, egenandelNok: $0.egenandel)
      },
      payments: settlement.payments.map { payment in
        let (kind, id, name): (String, String?, String)
        switch payment.recipient {
        case .owner(let owner): (kind, id, name) = ("owner", owner.rawValue, scenario.owner(owner)?.name ?? owner.rawValue)
        case .partner(let partner): (kind, id, name) = ("partner", partner.rawValue, names.partner(partner))
        case .forum: (kind, id, name) = ("forum", nil, messages.forumBudget)
        }
        let (purpose, purposeID): (String, String)
        switch payment.purpose {
        case .network(let network): (purpose, purposeID) = ("network", network.rawValue)
        case .jointMeasure(let measure): (purpose, purposeID) = ("joint_measure", measure.rawValue)
        case .partnerHours(let role): (purpose, purposeID) = ("partner_hours", role.rawValue)
        }
        return PaymentEntry(
          recipientKind: kind, recipient: id, recipientName: name, purpose: purpose, purposeId: purposeID,
          scheme: payment.scheme.rawValue, date: payment.date, amountNok: payment.amount)
      },
      fairness: result.fairness.map {
        FairnessEntry(
          network: $0.network.rawValue, scheme: $0.scheme.rawValue, floorNok: Int($0.floor.rounded()),
          receivedNok: Int($0.received.rounded()))
      },
      explanation: input.explanation.map(Self.entry))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }

  /// A reason's stable code, for machines.
  static func code(_ reason: Reason) -> String {
    switch reason {
    case .failsCriteria: "fails_criteria"
    case .continuingCommitment: "continuing_commitment"
    case .lockedByForum: "locked_by_forum"
    case .fundedByPriority: "funded_by_priority"
    case .frameSpent: "frame_spent"
    case .smallestShareDoesNotFit: "smallest_share_does_not_fit"
    case .partnerHoursUsed: "partner_hours_used"
    case .noPartnerInRole: "no_partner_in_role"
    case .higherPriorityNotFullyFunded: "higher_priority_not_fully_funded"
    case .fairnessFloorOfOthers: "fairness_floor_of_others"
    case .betterUseElsewhere: "better_use_elsewhere"
    case .laterYearFrameSpent: "later_year_frame_spent"
    }
  }

  /// Rounds solver values to 9 significant decimals so last-bit noise never reaches the file.
  static func stable(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }

  /// A number as text without exponent or trailing zeros, e.g. `0.5`, `120`.
  static func plain(_ value: Double) -> String {
    let rounded = (value * 1e6).rounded() / 1e6
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(format: "%.6f", rounded).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
  }
}
