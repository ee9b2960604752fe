import GrantAllocation

/// A limit of the allocation that the forum can raise: a scheme's frame or a partner's hours in
/// one role.
public enum Limit: Sendable, Hashable {
  case frame(SchemeID)
  case capacity(PartnerID, PartnerRole)
}
