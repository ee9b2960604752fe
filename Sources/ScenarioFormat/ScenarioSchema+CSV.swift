extension ScenarioSchema {
  /// `partners.csv`: the development partners and their hours and prices per role.
  public enum Partners {
    public static let fileName = "partners.csv"
    public static let id = "id"
    public static let name = "name"
    public static let kind = "kind"
    public static let inRegion = "in_region"
    /// The columns in the documented order: each role's hours and price after `in_region`.
    public static let columns =
      [Column(id, required: true), Column(name, required: true), Column(kind, required: true), Column(inRegion, required: false)]
      + roles.flatMap { [Column(hours($0), required: true), Column(price($0), required: true)] }
  }

  /// `owners.csv`: the school and kindergarten owners, their networks and sizes.
  public enum Owners {
    public static let fileName = "owners.csv"
    public static let id = "id"
    public static let name = "name"
    public static let network = "network"
    public static let kind = "kind"
    public static let pupils = "pupils"
    public static let teacherFTE = "teacher_fte"
    public static let kindergartenStaff = "kindergarten_staff"
    public static let kindergartenChildren = "kindergarten_children"
    public static let owns = "owns"
    public static let joinedAgreement = "joined_agreement"
    /// The columns in the documented order.
    public static let columns = [
      Column(id, required: true), Column(name, required: true), Column(network, required: true), Column(kind, required: true),
      Column(pupils, required: true), Column(teacherFTE, required: false), Column(kindergartenStaff, required: false),
      Column(kindergartenChildren, required: false), Column(owns, required: false), Column(joinedAgreement, required: false),
    ]
  }

  /// `measures.csv`: every network's ranked list of measures, and the joint measures.
  public enum Measures {
    public static let fileName = "measures.csv"
    public static let id = "id"
    /// The measure's holder: a network id, or `felles` for a joint measure.
    public static let network = "network"
    public static let scheme = "scheme"
    public static let rank = "rank"
    public static let title = "title"
    public static let schoolBased = "school_based"
    public static let collective = "collective"
    public static let inLocalPlan = "in_local_plan"
    public static let costNOK = "cost_nok"
    public static let pricePerParticipantNOK = "price_per_participant_nok"
    public static let participants = "participants"
    public static let partners = "partners"
    public static let singlePartner = "single_partner"
    public static let minimumShare = "min_share"
    public static let continuing = "continuing"
    public static let owner = "owner"
    public static let participantsByOwner = "participants_by_owner"
    public static let start = "start"
    public static let durationMonths = "duration_months"
    public static let broadTargetGroup = "broad_target_group"
    public static let individualEducation = "individual_education"
    public static let note = "note"
    public static let firstYear = "first_year"
    public static let years = "years"
    public static let mayStop = "may_stop"
    public static let recipient = "recipient"
    public static let paymentSchedule = "payment_schedule"
    /// The criteria flags a variant may change too, in the documented order.
    public static let criteriaFlags = [continuing, schoolBased, collective, inLocalPlan, broadTargetGroup, individualEducation]
    /// The columns in the documented order: the required ones first.
    public static let columns =
      [id, network, scheme, rank, title, schoolBased, collective, inLocalPlan].map { Column($0, required: true) }
      + ([costNOK, pricePerParticipantNOK, participants] + roles.map(hours)
      + [
        partners, singlePartner, minimumShare, continuing, owner, participantsByOwner, start, durationMonths, broadTargetGroup,
        individualEducation, note, firstYear, years, mayStop, recipient, paymentSchedule,
      ]).map { Column($0, required: false) }
  }

  /// `partner-years.csv` (a plan's later years): a partner's hours per year.
  public enum PartnerYears {
    public static let fileName = "partner-years.csv"
    public static let partner = "partner"
    public static let year = "year"
    /// The columns in the documented order.
    public static let columns =
      [Column(partner, required: true), Column(year, required: true)] + roles.map { Column(hours($0), required: false) }
  }

  /// `measure-years.csv` (a plan's later years): a measure's cost and hours per calendar or school year.
  public enum MeasureYears {
    public static let fileName = "measure-years.csv"
    public static let measure = "measure"
    public static let year = "year"
    public static let schoolYear = "school_year"
    public static let costNOK = Measures.costNOK
    /// The columns in the documented order.
    public static let columns =
      [
        Column(measure, required: true), Column(year, required: false), Column(schoolYear, required: false),
        Column(costNOK, required: false),
      ]
      + roles.map { Column(hours($0), required: false) }
  }
}
