extension BokmalMessages: MeasurePageMessages {
  func measureTitle(_ measure: String) -> String { "Tiltak: \(measure)" }
  var measureFacts: [String] { ["Nettverk", "Ordning", "Prioritet", "Søkt i alt, med partnertimer (kr)", "Vedtak", "Tildelt i alt (kr)"] }
  var reasonsHeading: String { "Begrunnelse" }
  var whatItTakesOneHeading: String { "Hva som skal til for å innvilge tiltaket fullt" }
  var nothingToSearch: String {
    "Tiltaket er fullt innvilget, ikke kvalifisert eller en videreføring, så det er ingenting å søke etter."
  }
  var frameIncreaseLabel: String { "Økt ramme" }
  var moreHoursLabel: String { "Flere timer" }
  var moveUpLabel: String { "Flytte opp på listen" }
  func computedIn(seconds: String, resolves: Int?) -> String {
    "Regnet ut på \(seconds) s" + (resolves.map { " med \($0) nye løsninger av hele fordelingen." } ?? ".")
  }
  var fromExplanations: String { "Fra forklaringene av hele fordelingen, som i avsnitt 6 i innstillingen." }
}
