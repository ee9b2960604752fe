import GrantAllocation

/// The anchors (`id`s) of the innstilling's places: each section, each network and each measure,
/// so a link like `innstilling.html#tiltak-mt-dekom-2` or `#nettverk-fosen` points at the same
/// place in every run and in both languages.
///
/// A network's and a measure's anchor are made from its id in the input files (``AnchorBook``
/// keeps them to `a`–`z`, `0`–`9`, `-` and `_` and unique), given in the scenario's order, so
/// they do not depend on which of them a document shows.
struct InnstillingAnchors {
  /// The innstilling's sections; the raw value is the anchor. None starts with `nettverk-` or
  /// `tiltak-`, so no network or measure can take a section's anchor.
  enum Section: String, CaseIterable {
    case contents = "innhold"
    case summary = "sammendrag"
    case networks = "nettverkene"
    case joint = "fellestiltak"
    case partners = "partnere"
    case payments = "utbetalinger"
    case criteria = "kriterier"
    case whatItTakes = "hva-skal-til"
    case waitingLists = "ventelister"
    case commitments = "forpliktelser"
    case shadowPrices = "skyggepriser"
    case method = "om-beregningen"
  }

  private var networks: [NetworkID: String] = [:]
  private var measures: [MeasureID: String] = [:]

  init(_ scenario: Scenario) {
    var book = AnchorBook()
    for section in Section.allCases { _ = book.anchor("", section.rawValue) }
    for network in scenario.networks { networks[network.id] = book.anchor("nettverk-", network.id.rawValue) }
    for measure in scenario.measures { measures[measure.id] = book.anchor("tiltak-", measure.id.rawValue) }
  }

  /// The anchor of network `id`'s measures.
  func network(_ id: NetworkID) -> String { networks[id] ?? AnchorBook.sanitised("nettverk-" + id.rawValue) }

  /// The anchor of measure `id`'s row.
  func measure(_ id: MeasureID) -> String { measures[id] ?? AnchorBook.sanitised("tiltak-" + id.rawValue) }
}
