import Foundation
import Spreadsheets
import Testing

@testable import XLSXBackend

/// The XLSX writer: the same workbook gives the same bytes, and every value XLSX cannot hold is
/// refused with a clear error before it reaches libxlsxwriter.
@Suite("XLSX writer")
struct XLSXWriterTests {
  static func sample(_ title: String = "=Tittel") -> Workbook {
    var sheet = Worksheet(name: "Tiltak", columns: [.init("Navn", width: 30), .init("Beløp (kr)", width: 14), .init("Dato", width: 12)])
    let first = sheet.append([.text("=HYPERLINK(0)+1"), .kroner(1_200), .date(year: 2027, month: 6, day: 30)])
    let last = sheet.append([.text("Lesing; skriving"), .number(-12.5, .hours), .isoDate("2028-02-29")])
    sheet.append([.text("Sum"), .formula(.sum(column: 1, from: first, through: last), value: 1_187.5, .kroner)], isTotal: true)
    return Workbook(title: title, sheets: [sheet, Worksheet(name: "Tom", columns: [.init("A", width: 8)])])
  }

  @Test("writes a zip, the same bytes every time")
  func deterministic() throws {
    let first = try XLSXWriter().data(Self.sample())
    let second = try XLSXWriter().data(Self.sample())
    #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]), "not a zip file")
    #expect(first == second)
    #expect(try XLSXWriter().data(Self.sample("Annen")) != first)
  }

  @Test("leaves no temporary file behind, after a file or after a refusal")
  func cleansUp() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dekom-xlsx-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try XLSXWriter(temporaryFolder: folder).data(Self.sample())
    var invalid = Self.sample()
    invalid.sheets[0].rows[0].cells[1] = .number(.nan, .kroner)
    #expect(throws: XLSXError.self) { try XLSXWriter(temporaryFolder: folder).data(invalid) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test("a value XLSX cannot hold is refused before C, with what and where")
  func refusesInvalidValues() {
    func refused(_ change: (inout Workbook) -> Void) -> String? {
      var workbook = Self.sample()
      change(&workbook)
      do {
        _ = try XLSXWriter().data(workbook)
        return nil
      } catch {
        guard case .invalidValue = error else { return "not refused before C: \(error)" }
        return error.description
      }
    }
    #expect(refused { $0.sheets[0].rows[0].cells[1] = .number(.nan, .kroner) }?.contains("row 2 of sheet \"Tiltak\"") == true)
    #expect(refused { $0.sheets[0].rows[0].cells[1] = .number(.infinity, .kroner) } != nil)
    // Text from the input is cleaned, not refused (below): the innstilling is still written.
    #expect(refused { $0.sheets[0].rows[0].cells[0] = .text("a\0b") } == nil)
    #expect(refused { $0.sheets[0].rows[0].cells[0] = .text(String(repeating: "x", count: 32_768)) } == nil)
    #expect(refused { $0.sheets[0].rows[0].cells[2] = .date(year: 2027, month: 2, day: 29) }?.contains("2027-2-29") == true)
    #expect(refused { $0.sheets[0].rows[0].cells[2] = .date(year: 1899, month: 12, day: 31) } != nil)
    #expect(refused { $0.sheets[1].name = "tiltak" }?.contains("two sheets") == true)
    #expect(refused { $0.sheets[1].name = "a/b" } != nil)
    #expect(refused { $0.sheets[1].name = "'quoted'" } != nil)
    #expect(refused { $0.sheets[1].name = String(repeating: "x", count: 32) } != nil)
    #expect(refused { $0.sheets[1].name = "" } != nil)
    #expect(refused { $0.sheets[1].rows = [.init([.empty, .empty])] }?.contains("2 cells") == true)
    #expect(refused { $0.sheets[0].columns[0].width = .nan } != nil)
    #expect(refused { $0.sheets = [] } != nil)
    #expect(refused { $0.title = "x\0\u{1}" } == nil)
    // A sheet name of 31 letters, with æøå, is fine.
    #expect(refused { $0.sheets[1].name = String(repeating: "å", count: 31) } == nil)
  }

  @Test("text XML cannot hold is replaced, and text longer than a cell holds is cut")
  func cleansText() {
    #expect(XMLText.cleaned("a\u{0}b\u{1}c\td\ne\u{FFFE}f\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\td\ne\u{FFFD}f\u{FFFD}")
    #expect(XMLText.cleaned("Trøndelag – æøå") == "Trøndelag – æøå")
    let long = XMLText.cleaned(String(repeating: "x", count: 40_000))
    #expect(long.unicodeScalars.count == 32_767 && long.hasSuffix("x…"))
    #expect(XMLText.cleaned(String(repeating: "x", count: 32_767)) == String(repeating: "x", count: 32_767))
  }

  @Test("no temporary folder: a file-system error, not a crash")
  func noTemporaryFolder() {
    let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
    #expect {
      _ = try XLSXWriter(temporaryFolder: missing).data(Self.sample())
    } throws: { error in
      guard let error = error as? XLSXError, case .file = error else { return false }
      return error.isFileSystem && error.description.contains(missing.path)
    }
  }

  @Test("columns fit their cells; text wider than the widest column wraps, and its row is taller")
  func fittedColumns() {
    var sheet = Self.sample().sheets[0]
    sheet.append([.text(String(repeating: "begrunnelse ", count: 20)), .kroner(123_456_789)])
    sheet.fitColumnWidths(minimum: 8, maximum: 60)
    #expect(sheet.columns[0].width == 60 && sheet.columns[0].wraps)
    #expect(sheet.columns[1].width == 12 && !sheet.columns[1].wraps, "123,456,789 and a margin: \(sheet.columns[1].width)")
    #expect(sheet.columns[2].width == 11, "a date and a margin")
    #expect(sheet.lines(ofRow: 0) == 1)
    #expect(sheet.lines(ofRow: 3) == 4, "240 characters at 65 a line")
    #expect(sheet.headerLines == 1)
  }

  @Test("formulas are built from references only")
  func formulas() {
    #expect(Formula.reference(column: 0, row: RowNumber(0)) == "A1")
    #expect(Formula.reference(column: 25, row: RowNumber(1)) == "Z2")
    #expect(Formula.reference(column: 26, row: RowNumber(9)) == "AA10")
    #expect(Formula.reference(column: 701, row: RowNumber(0)) == "ZZ1")
    #expect(Formula.reference(column: 702, row: RowNumber(0)) == "AAA1")
    #expect(Formula.sum(column: 2, from: RowNumber(1), through: RowNumber(8)).description == "=SUM(C2:C9)")
    #expect(Formula.sum(column: 2, from: RowNumber(5), through: RowNumber(4)).description == "=0")
    #expect(Formula.add(columns: [2, 3], minus: [4], row: RowNumber(1)).description == "=C2+D2-E2")
    #expect(Formula.add(column: 4, rows: [RowNumber(4), RowNumber(8)]).description == "=E5+E9")
    #expect(Formula.add(column: 4, rows: []).description == "=0")
  }
}
