/// One input the forum controls that takes part in a conflict: a limit, a commitment or a rule.
public enum ConflictingInput: Sendable, Hashable {
  /// The scheme's frame `F_s`, in NOK.
  case frame(scheme: SchemeID, nok: Double)
  /// A partner's capacity `C_uρ` in one role, in hours.
  case capacity(partner: PartnerID, role: PartnerRole, hours: Double)
  /// A continuing commitment: the measure must be funded in full. `cost` is its state money at its
  /// cheapest acceptable partners (grant plus partner hours, NOK); `hours` the partner hours it asks
  /// per role (roles it asks none in are left out).
  case commitment(measure: MeasureID, cost: Double, hours: [PartnerRole: Double])
  /// The forum's lock of a measure at a smallest `share` (1: in full): `cost` is that share of its
  /// state money at its cheapest acceptable partners (NOK), `hours` that share of its hours per role.
  case lock(measure: MeasureID, share: Double, cost: Double, hours: [PartnerRole: Double])
  /// The rule that all the measure's hours go to one partner institution.
  case singlePartner(measure: MeasureID)
  /// The measure asks `hours` in `role`, and no acceptable partner of a kind its scheme allows has
  /// hours in that role: "hours follow funding" then holds the measure at nothing.
  case noPartnerHours(measure: MeasureID, role: PartnerRole, hours: Double)
}

/// A change to one input of a conflict that, by itself, lets the scenario be satisfied (apart from
/// other conflicts reported beside it). Found by re-solving the model, not estimated.
public enum Remedy: Sendable, Hashable {
  /// Raise the scheme's frame by at least `by` NOK.
  case raiseFrame(scheme: SchemeID, by: Double)
  /// Give the partner at least `by` more hours in `role`.
  case addHours(partner: PartnerID, role: PartnerRole, by: Double)
  /// End the continuing commitment (let it compete like any other measure).
  case endCommitment(measure: MeasureID)
  /// Lift the forum's lock on the measure (let it compete like any other measure).
  case liftLock(measure: MeasureID)
  /// Let the measure's hours be shared by several partner institutions.
  case allowSeveralPartners(measure: MeasureID)
  /// Let a partner the measure may use give it its `hours` in `role` (tested as if those hours cost
  /// nothing and came from outside every capacity, so it is necessary rather than sufficient).
  case givePartnerHours(measure: MeasureID, role: PartnerRole, hours: Double)
}

/// A set of inputs that cannot all hold at once, in terms the forum knows, and what would resolve it.
///
/// The inputs are a *minimal* conflicting set (an irreducible infeasible subsystem of the model,
/// grouped by input): together they admit no allocation, and without any one of them the rest do.
public struct Conflict: Sendable, Equatable {
  /// The conflicting inputs: frames first, then capacities, commitments, single-partner rules and
  /// roles without partner hours, each in the scenario's order.
  public var inputs: [ConflictingInput]
  /// The changes to one of ``inputs`` that each, alone, let the scenario be satisfied (with the
  /// other reported conflicts set aside), in the order of ``inputs``.
  public var remedies: [Remedy]
  /// `false` when the diagnosis ran out of its budget of solves or time: the inputs still conflict,
  /// but the set may not be minimal and some remedies may not have been tried.
  public var searchCompleted: Bool

  public init(inputs: [ConflictingInput], remedies: [Remedy], searchCompleted: Bool = true) {
    self.inputs = inputs
    self.remedies = remedies
    self.searchCompleted = searchCompleted
  }
}
