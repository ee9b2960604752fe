/// The words a synthetic region is made of: scheme names, themes of measures, place names.
///
/// Themes and names are Norwegian, like a real forum's lists. Two themes carry a `;` and a `"`
/// on purpose, so that every generated measures.csv exercises CSV quoting.
enum Vocabulary {
  /// One of the state's schemes, or a synthetic one beyond the third.
  struct SchemeTemplate {
    var id: String
    var name: String
    var egenandelRate: String
    var partnerKinds: [PartnerKind]
    var requiresBroadTargetGroup: Bool
    /// Relative size: how many of the measures this scheme gets.
    var weight: Double
    /// Grant asked of the state, in units of 10 000 NOK.
    var costUnits: ClosedRange<Int>
    var themes: [String]
  }

  static func scheme(_ position: Int) -> SchemeTemplate {
    switch position {
    case 0:
      return SchemeTemplate(
        id: "dekom", name: "Desentralisert kompetanseutvikling (Dekom)", egenandelRate: "0.30", partnerKinds: [.uh, .senter],
        requiresBroadTargetGroup: false, weight: 6, costUnits: 5...60, themes: schoolThemes)
    case 1:
      return SchemeTemplate(
        id: "rekom", name: "Regional ordning for kompetanseutvikling i barnehagen (Rekom)", egenandelRate: "0.30",
        partnerKinds: [.uh], requiresBroadTargetGroup: false, weight: 2.5, costUnits: 4...40, themes: kindergartenThemes)
    case 2:
      return SchemeTemplate(
        id: "kompetanseloftet", name: "Kompetanseløftet for spesialpedagogikk og inkluderende praksis", egenandelRate: "0",
        partnerKinds: [.uh, .statped, .senter], requiresBroadTargetGroup: true, weight: 1.5, costUnits: 3...35,
        themes: inclusionThemes)
    default:
      return SchemeTemplate(
        id: "ordning-\(position + 1)", name: "Syntetisk ordning \(position + 1)", egenandelRate: "0.30", partnerKinds: [.uh, .senter],
        requiresBroadTargetGroup: false, weight: 2, costUnits: 4...40, themes: schoolThemes)
    }
  }

  static let schoolThemes = [
    "Lesing i alle fag", "Regning i alle fag", "Skriving som grunnleggende ferdighet", "Klasseledelse og læringsmiljø",
    "Vurdering for læring", "Profesjonsfellesskap og kollektiv læring", "Dybdelæring i fagfornyelsen",
    "Tidlig innsats i begynneropplæringen", "Elevenes stemme; medvirkning i skolen", "Digital kompetanse i undervisningen",
    "Inkluderende læringsmiljø", "Utforskende matematikk", "Praktisk og variert undervisning",
    "Lærende nettverk for skoleledere", "Prosjektet \"Skolen som lærende organisasjon\"",
  ]

  static let kindergartenThemes = [
    "Språkmiljø i barnehagen", "Lek og læring", "Barns medvirkning", "Trygt og godt barnehagemiljø",
    "Overgang barnehage–skole", "Profesjonsfellesskap i barnehagen", "Realfag i barnehagen", "Mangfold og flerspråklighet",
  ]

  static let inclusionThemes = [
    "Inkluderende praksis rundt eleven", "Tidlig innsats og tilpasset opplæring", "Samarbeid mellom PPT og skole",
    "Spesialpedagogisk kompetanse i barnehagen", "Systemrettet arbeid i PPT", "Alle rundt eleven – felles forståelse",
  ]

  static let placeStarts = [
    "Nord", "Sør", "Øst", "Vest", "Ås", "Fjell", "Dal", "Berg", "Elv", "Sjø", "Li", "Mo", "Holm", "Strand", "Skog", "Vik",
  ]
  static let placeEnds = ["vik", "dal", "nes", "berg", "fjord", "heim", "stad", "øy", "land", "strand", "bygd", "sund"]

  /// A made-up place name such as `Fjellnes`; names may repeat, ids never do.
  static func placeName(_ random: inout SeededRandom) -> String {
    random.element(of: placeStarts) + random.element(of: placeEnds)
  }
}

/// A partner's kind, as scenario.yaml and partners.csv write it.
enum PartnerKind: String {
  case uh
  case statped
  case senter
}
