/// The words of the innstilling's comparison with last year's allocation, in one language.
protocol LastYearMessages {
  var lastYearHeading: String { get }
  /// Which file the comparison reads; `stayedClose` when the solve stayed close to it.
  func lastYearIntro(file: String, year: Int?, stayedClose: Bool) -> String
  var lastYearColumns: [String] { get }
  /// A network or owner that received money last year and is not in this year's scenario.
  func notThisYear(_ id: String) -> String
}

extension BokmalMessages: LastYearMessages {
  var lastYearHeading: String { "Endring fra i fjor" }
  func lastYearIntro(file: String, year: Int?, stayedClose: Bool) -> String {
    "Tilskuddet til hver betaler sammenlignet med fjorårets fordeling (`\(file)`\(year.map { ", \($0)" } ?? ""))."
      + (stayedClose
        ? " Blant like gode fordelinger holder dekom videreførte tiltak og deres utviklingspartnere så nær fjoråret som prioriteringene tillater."
        : "")
  }
  var lastYearColumns: [String] { ["Betaler", "Kompetansenettverk", "Tilskudd i fjor (kr)", "Tilskudd i år (kr)", "Endring (kr)"] }
  func notThisYear(_ id: String) -> String { "\(id) (ikke med i år)" }
}

extension EnglishMessages: LastYearMessages {
  var lastYearHeading: String { "Change from last year" }
  func lastYearIntro(file: String, year: Int?, stayedClose: Bool) -> String {
    "Each payer's grant compared with last year's allocation (`\(file)`\(year.map { ", \($0)" } ?? ""))."
      + (stayedClose
        ? " Among equally good allocations, dekom keeps continuing measures and their development partners as close to last year as the priorities allow."
        : "")
  }
  var lastYearColumns: [String] { ["Payer", "Competence network", "Grant last year (NOK)", "Grant this year (NOK)", "Change (NOK)"] }
  func notThisYear(_ id: String) -> String { "\(id) (not in this year's scenario)" }
}
