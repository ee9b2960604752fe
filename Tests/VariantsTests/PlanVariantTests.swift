import Foundation
import GrantAllocation
import ScenarioFiles
import Variants
import TestSupport
import Testing

@Suite("What-if variants of a plan")
struct PlanVariantTests {
  static let plan = repositoryRoot.appendingPathComponent("scenarios/trondelag-plan")

  @Test("a later year's frame and partner hours change; the first year's do not")
  func laterYear() throws {
    let base = try ScenarioLoader.load(directory: Self.plan)
    let yaml = """
      title: Kutt i 2028
      years:
        2028:
          frames: {dekom: {factor: 0.9}, rekom: {frame_nok: 8 000 000}}
          partners: {ntnu: {partner2_hours: 2 000}, dmmh: {add_pool_hours: -50}}
      """
    let variant = try VariantFile.load(Data(yaml.utf8), name: "kutt")
    let changed = try variant.apply(to: base)
    let dekom = base.schemes.first { $0.id == SchemeID("dekom") }!
    let rekom = base.schemes.first { $0.id == SchemeID("rekom") }!
    // 23 000 000 × 0.9 = 20 700 000; the forecast mark stays.
    #expect(changed.frame(dekom, in: 2028) == 20_700_000)
    #expect(changed.frameIsForecast(SchemeID("dekom"), in: 2028))
    #expect(changed.frame(rekom, in: 2028) == 8_000_000)
    #expect(changed.frame(dekom, in: 2027) == base.frame(dekom, in: 2027))
    #expect(changed.frame(dekom, in: 2029) == base.frame(dekom, in: 2029))
    let ntnu = base.partner(PartnerID("ntnu"))!
    let dmmh = base.partner(PartnerID("dmmh"))!
    #expect(changed.capacity(ntnu, in: 2028)[.partner2] == 2000)
    #expect(changed.capacity(ntnu, in: 2027) == base.capacity(ntnu, in: 2027))
    // DMMH has 200 pool hours (partners.csv); 2028 gives 1 300 partner-2 hours (partner-years.csv).
    #expect(changed.capacity(dmmh, in: 2028)[.pool] == 150)
    #expect(changed.capacity(dmmh, in: 2028)[.partner2] == 1300)
  }

  @Test("a year outside the plan, or a year on a one-year scenario, is refused with a fix")
  func refused() throws {
    let base = try ScenarioLoader.load(directory: Self.plan)
    var variant = Variant(name: "v", title: "V")
    variant.years[2031] = Variant.YearChange(frames: [SchemeID("dekom"): .factor(0.9)])
    #expect(throws: VariantError.self) { try variant.apply(to: base) }
    do {
      _ = try variant.apply(to: base)
    } catch {
      #expect(error.text.words(in: .en).fix == "use one of: 2028, 2029.")
    }
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    let oneYear = try ScenarioLoader.load(directory: folder.url)
    variant.years = [2028: Variant.YearChange(frames: [SchemeID("dekom"): .factor(0.9)])]
    #expect(throws: VariantError.self) { try variant.apply(to: oneYear) }
    // Prices hold for every year: a year section may not change them.
    let yaml = "title: T\nyears:\n  2028:\n    partners: {ntnu: {pool_price_nok: 900}}\n"
    #expect(throws: ScenarioError.self) { try VariantFile.load(Data(yaml.utf8), name: "t") }
  }
}
