import Foundation
import GrantAllocation
import Spreadsheets
import Testing
import UserMessages

@testable import Reports

/// `innstilling.xlsx`'s sheets as data, and the CSV files for a Norwegian Excel: the settlement's
/// figures, every sum a formula carrying the settlement's total, names as text.
@Suite("Secretariat's spreadsheet and CSV files")
struct SpreadsheetTests {
  static func input(_ language: Language = .nb) -> ReportInput {
    ReportInput(result: ReportTests.solved(), language: language, provenance: ReportProvenance(dekomVersion: "test", solverName: "GLPK"))
  }

  /// The value stored with the formula in the last row's `column`.
  static func total(_ sheet: Worksheet, column: Int) -> Double? {
    guard let row = sheet.rows.last, row.isTotal, row.cells.indices.contains(column), case .formula(_, let value, _) = row.cells[column]
    else { return nil }
    return value
  }

  @Test("six sheets in the report's language, each ending in a total row of formulas equal to the settlement's totals")
  func sheetsAndTotals() throws {
    let input = Self.input()
    let settlement = input.settlement
    let workbook = InnstillingWorkbook(input).workbook()
    #expect(
      workbook.sheets.map(\.name) == ["Rammer", "Tiltak", "Utbetalinger", "Per mottaker", "Skoleeiere og egenandel", "Utviklingspartnere"])
    #expect(
      InnstillingWorkbook(Self.input(.en)).workbook().sheets.map(\.name) == [
        "Frames", "Measures", "Payments", "By recipient", "Owners and egenandel", "Development partners",
      ])
    let allocated = Double(settlement.schemes.reduce(0) { $0 + $1.allocated })
    let sheets = workbook.sheets
    #expect(Self.total(sheets[0], column: 5) == allocated)
    #expect(Self.total(sheets[1], column: 10) == allocated, "measures: grant and partner money")
    #expect(Self.total(sheets[2], column: 5) == allocated, "payments")
    #expect(Self.total(sheets[3], column: sheets[3].columns.count - 1) == allocated, "per recipient")
    let payers = settlement.owners.reduce(0) { $0 + $1.grant } + settlement.networks.reduce(0) { $0 + $1.grant }
    #expect(Self.total(sheets[4], column: sheets[4].columns.count - 2) == Double(payers), "owners' grants")
    #expect(Self.total(sheets[5], column: 7) == Double(settlement.partners.reduce(0) { $0 + $1.total }), "partners")
    // A name with a table's markup in it is text, as it is (not escaped for Markdown).
    #expect(sheets[4].rows.contains { $0.cells.first == .text("Åfjord | Bø") })
    // Every sheet's formulas refer to cells of the sheet, never to text.
    for sheet in sheets {
      for row in sheet.rows {
        for case .formula(let formula, _, _) in row.cells {
          #expect(formula.text.allSatisfy { $0.isUppercase || $0.isNumber || "+-:()".contains($0) }, "\(formula)")
        }
      }
    }
  }

  @Test("tiltak.csv and utbetalinger.csv: a byte order mark, ; and decimal comma, Norwegian words, payments adding up")
  func norwegianCSV() throws {
    let input = Self.input()
    let measures = MeasuresExcelCSV(input).render()
    #expect(measures.hasPrefix("\u{FEFF}Id;Kompetansenettverk;Ordning;Pri.;Tiltak;"))
    #expect(measures.contains(";innvilget;") || measures.contains(";delvis innvilget;"))
    #expect(!measures.contains(";funded;"))
    // Each measure's decision and share (per cent, decimal comma) as the spreadsheet has them.
    for row in input.measureRows {
      #expect(measures.contains(";\(row.status);\(CSVFormat.norwegianExcel.number(row.sharePercent));"), "\(row.id)")
    }
    let payments = PaymentsCSV(input).render()
    let lines = payments.dropFirst().split(separator: "\r\n").dropFirst()
    #expect(lines.count == input.settlement.payments.count)
    let amounts = lines.compactMap { $0.split(separator: ";").last.flatMap { Int($0) } }
    #expect(amounts.reduce(0, +) == input.settlement.schemes.reduce(0) { $0 + $1.allocated })
    for line in lines {
      let date = line.split(separator: ";", omittingEmptySubsequences: false)[4]
      #expect(date.wholeMatch(of: /[0-3][0-9]\.[01][0-9]\.20[0-9][0-9]/) != nil, "\(date) is not dd.mm.yyyy")
    }
    #expect(PaymentsCSV.norwegianDate("2027-06-30") == "30.06.2027")
  }

  @Test("the Norwegian-Excel format: ; and decimal comma, the same guard against formulas")
  func norwegianExcelCells() {
    let format = CSVFormat.norwegianExcel
    #expect(format.escape("=HYPERLINK(0)") == "\"'=HYPERLINK(0)\"")
    #expect(format.escape("@SUM(A1)") == "\"'@SUM(A1)\"")
    #expect(format.escape("-12,5") == "-12,5")
    #expect(format.escape("-12.5") == "\"'-12.5\"", "a decimal point is not a number to a Norwegian Excel")
    #expect(format.escape("Lesing; skriving") == "\"Lesing; skriving\"")
    #expect(format.escape("Lesing, skriving") == "Lesing, skriving")
    #expect(format.number(37.5) == "37,5")
    #expect(format.number(100) == "100")
  }
}
