import GrantAllocation

/// The one sentence the innstilling's measure tables give as a measure's reason (issue 16 item
/// 10(e)): the first of its reasons — the binding one, in the order the solution reader finds them
/// (no partner in a role, a higher priority on the list, the frame, partner hours, the floors) —
/// with a partner's shortage in every role said at once, and joined to the frame's when both bind
/// (more money alone would then not fund the measure). Every reason stays in allocation.csv,
/// allocation.json, the spreadsheet and the measure's own page.
struct ShortReason {
  let messages: any Messages
  let names: NameBook

  func text(_ reasons: [Reason]) -> String {
    guard let first = reasons.first else { return "" }
    let hours = partnerHours(reasons)
    switch first {
    case .partnerHoursUsed: return hours ?? messages.reason(first, names: names)
    case .frameSpent, .smallestShareDoesNotFit:
      return hours.map { messages.bothBind(messages.reason(first, names: names), $0) } ?? messages.reason(first, names: names)
    default: return messages.reason(first, names: names)
    }
  }

  /// The partner short of hours, in every role it is short in, as one sentence; several partners
  /// (each short, so none can take the measure) by name only.
  private func partnerHours(_ reasons: [Reason]) -> String? {
    let shortages = reasons.compactMap { reason -> (partner: PartnerID, role: PartnerRole, left: Double, needed: Double)? in
      guard case .partnerHoursUsed(let partner, let role, let left, let needed) = reason else { return nil }
      return (partner, role, left, needed)
    }
    guard let partner = shortages.first?.partner else { return nil }
    var partners: [PartnerID] = []
    for shortage in shortages where !partners.contains(shortage.partner) { partners.append(shortage.partner) }
    if partners.count > 1 { return messages.partnersHoursShort(partners: partners.map(names.partner)) }
    let roles = shortages.filter { $0.partner == partner }.map {
      (role: $0.role, left: names.wholeHours($0.left, up: false), needed: names.wholeHours($0.needed, up: true))
    }
    return messages.partnerHoursShort(partner: names.partner(partner), roles: roles)
  }
}
