extension ScenarioSchema {
  /// `scenario.yaml`: the year, the schemes and their frames, the networks, the policy, the solver
  /// settings and a plan's horizon.
  public enum Settings {
    public static let fileName = "scenario.yaml"
    public static let year = "year"
    public static let county = "county"
    public static let title = "title"
    public static let note = "note"
    public static let schemes = "schemes"
    public static let networks = "networks"
    public static let policy = "policy"
    public static let solver = "solver"
    public static let horizon = "horizon"
    public static let paymentSchedule = Measures.paymentSchedule
    public static let decision = "vedtak"
    /// Last year's `allocation.json`, a file inside the scenario folder.
    public static let lastYearAllocation = "last_year_allocation"
    /// The keys the file may have at its top, in the documented order.
    public static let keys = [
      year, county, title, note, schemes, networks, policy, solver, horizon, paymentSchedule, decision, lastYearAllocation,
    ]
    /// The keys the file must have at its top.
    public static let requiredKeys = [year, county, schemes, networks, policy]

    /// The optional `vedtak:` section: what the decision letters say besides the money.
    public enum Decision {
      public static let conditions = "conditions"
      public static let reporting = "reporting"
      public static let reportingDeadline = "reporting_deadline"
      public static let contact = "contact"
      public static let appeal = "appeal"
      /// The keys the section may have, in the documented order.
      public static let keys = [conditions, reporting, reportingDeadline, contact, appeal]
      /// The secretariat's own letter template, beside `scenario.yaml`.
      public static let templateFileName = "vedtak.mustache"
    }

    /// An entry of `schemes:`.
    public enum Scheme {
      public static let id = "id"
      public static let name = "name"
      public static let frameNOK = "frame_nok"
      public static let egenandelRate = "egenandel_rate"
      public static let partnerKinds = "partner_kinds"
      public static let requiresBroadTargetGroup = "requires_broad_target_group"
      public static let serves = "serves"
      public static let sizeMeasure = "size_measure"
      public static let paymentSchedule = Settings.paymentSchedule
      /// The keys an entry may have, in the documented order.
      public static let keys = [
        id, name, frameNOK, egenandelRate, partnerKinds, requiresBroadTargetGroup, serves, sizeMeasure, paymentSchedule,
      ]
      /// The keys an entry must have.
      public static let requiredKeys = [id, name, frameNOK, egenandelRate, partnerKinds]
    }

    /// An entry of `networks:`.
    public enum Network {
      public static let id = "id"
      public static let name = "name"
      public static let host = "host"
      public static let costSharing = "cost_sharing"
      /// The keys an entry may have, in the documented order.
      public static let keys = [id, name, host, costSharing]
      /// The keys an entry must have.
      public static let requiredKeys = [id, name]
    }

    /// A key that splits money: a network's `cost_sharing:` and the forum's `policy.fairness.key`.
    public enum CostSharing {
      public static let equal = "equal"
      /// The part split by size; `pupils` is its older name.
      public static let size = "size"
      public static let pupils = "pupils"
      /// What a network's own key splits (`cost_sharing.splits`).
      public static let splits = "splits"
      /// The keys of a split key (without ``splits``).
      public static let keys = [equal, pupils, size]
    }

    /// `policy:` and its two mappings.
    public enum Policy {
      public static let fairness = "fairness"
      public static let priority = "priority"
      public static let floor = "floor"
      public static let key = "key"
      public static let weighting = "weighting"
      public static let decay = "decay"
      public static let value = "value"
      /// The keys of `policy:`, all required.
      public static let keys = [fairness, priority]
      /// The keys of `policy.fairness`, all required.
      public static let fairnessKeys = [floor, key]
      /// The keys `policy.priority` may have.
      public static let priorityKeys = [weighting, decay, value]
      /// The keys `policy.priority` must have.
      public static let requiredPriorityKeys = [weighting, value]
    }

    /// `solver:`.
    public enum Solver {
      public static let timeLimitSeconds = "time_limit_seconds"
      public static let stageTolerance = "stage_tolerance"
      public static let relativeMIPGap = "relative_mip_gap"
      /// The keys `solver:` may have.
      public static let keys = [timeLimitSeconds, stageTolerance, relativeMIPGap]
    }

    /// `horizon:` (a multi-year plan) and its `frames:` entries.
    public enum Horizon {
      public static let lastYear = "last_year"
      public static let carryOverShare = "carry_over_share"
      public static let schoolYearJuneShare = "school_year_june_share"
      public static let frames = "frames"
      /// The year of a `frames:` entry; its other keys are the scheme ids.
      public static let frameYear = Settings.year
      /// Whether a `frames:` entry is a forecast.
      public static let forecast = "forecast"
      /// Whether forecasts hold back the first year: `conditional` (default) or `binding`.
      public static let forecasts = "forecasts"
      /// The keys `horizon:` may have.
      public static let keys = [lastYear, carryOverShare, schoolYearJuneShare, frames, forecasts]
      /// The keys `horizon:` must have.
      public static let requiredKeys = [lastYear, frames]
    }
  }

  /// `variants/NAME.yaml`: a what-if's changes to the scenario.
  public enum Variant {
    public static let folderName = "variants"
    /// The file name's ending after the variant's name.
    public static let fileExtension = ".yaml"

    /// The variant `name`'s file, relative to the scenario folder, as messages name it: `variants/NAME.yaml`.
    public static func fileName(_ name: String) -> String { "\(folderName)/\(name)\(fileExtension)" }
    public static let title = Settings.title
    public static let description = "description"
    public static let basedOn = "based_on"
    public static let frames = Settings.Horizon.frames
    public static let partners = Measures.partners
    public static let measures = "measures"
    public static let policy = Settings.policy
    public static let years = Measures.years
    /// The keys a variant may have at its top.
    public static let keys = [title, description, basedOn, frames, partners, measures, policy, years]
    /// The keys a later year (`years.YEAR`) may change.
    public static let yearKeys = [frames, partners]

    /// A scheme's frame change (`frames.ID`).
    public enum Frame {
      public static let frameNOK = Settings.Scheme.frameNOK
      public static let factor = "factor"
      /// The keys of a frame change.
      public static let keys = [frameNOK, factor]
    }

    /// A partner's change (`partners.ID`).
    public enum Partner {
      /// The key that sets the hours in `role` (the column of partners.csv).
      public static func hours(_ role: String) -> String { ScenarioSchema.hours(role) }
      /// The key that adds hours in `role`.
      public static func addHours(_ role: String) -> String { "add_\(ScenarioSchema.hours(role))" }
      /// The key that sets the hourly price in `role` (the column of partners.csv).
      public static func price(_ role: String) -> String { ScenarioSchema.price(role) }
    }

    /// A measure's change (`measures.ID`).
    public enum Measure {
      public static let rank = Measures.rank
      public static let costNOK = Measures.costNOK
      public static let minimumShare = Measures.minimumShare
      /// The forum's decision on the measure: `full`, `none` or a smallest share.
      public static let lock = "lock"
      /// The words of a lock (``lock``): fund in full, or not at all; anything else is a share.
      public static let lockFull = ["full", "fullt"]
      public static let lockNone = ["none", "ingen", "ikke"]
      /// The share the measure had in last year's allocation (`last_year_allocation`).
      public static let lockAsLastYear = ["last_year", "som_i_fjor"]
      /// The keys of a measure change: the numbers, then the criteria flags of measures.csv, then the lock.
      public static let keys = [rank, costNOK, minimumShare] + Measures.criteriaFlags + [lock]
    }

    /// `policy:` of a variant.
    public enum Policy {
      public static let fairnessFloor = "fairness_floor"
      public static let weighting = Settings.Policy.weighting
      public static let decay = Settings.Policy.decay
      public static let value = Settings.Policy.value
      /// The keys a variant's policy may have.
      public static let keys = [fairnessFloor, weighting, decay, value]
    }
  }
}
