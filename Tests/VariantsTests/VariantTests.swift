import Foundation
import GLPKBackend
import GrantAllocation
import Reports
import ScenarioFiles
import TestSupport
import Testing
import Variants

@Suite("What-if variants")
struct VariantTests {
  static func base() throws -> Scenario {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    return try ScenarioLoader.load(directory: folder.url)
  }

  @Test("frames, partner hours, costs, shares and policy change as asked")
  func applyChanges() throws {
    var variant = Variant(name: "v", title: "V")
    variant.frames[SchemeID("dekom")] = .factor(0.9)
    var ntnu = Variant.PartnerChange()
    ntnu.addHours[.partner2] = 50
    ntnu.price[.pool] = 1200
    variant.partners[PartnerID("ntnu")] = ntnu
    var lesing = Variant.MeasureChange()
    lesing.cost = 350_000
    lesing.minimumShare = 1
    variant.measures[MeasureID("n1")] = lesing
    variant.policy.fairnessFloor = 0.2
    let changed = try variant.apply(to: Self.base())
    #expect(changed.schemes[0].frame == 900_000)
    #expect(changed.partners[0].hours(.partner2) == 350)
    #expect(changed.partners[0].hourlyPrice(.pool) == 1200)
    #expect(changed.measures[0].stateCost == 350_000 && changed.measures[0].minimumShare == 1)
    #expect(changed.policy.fairnessFloor == 0.2)
  }

  @Test("moving a measure up its list renumbers the others in order")
  func moveUp() throws {
    var variant = Variant(name: "v", title: "V")
    var change = Variant.MeasureChange()
    change.rank = 1
    variant.measures[MeasureID("n2")] = change
    let changed = try variant.apply(to: Self.base())
    let ranks = Dictionary(uniqueKeysWithValues: changed.measures.map { ($0.id.rawValue, $0.rank) })
    #expect(ranks["n2"] == 1 && ranks["n1"] == 2)
    #expect(ranks["s1"] == 1 && ranks["s2"] == 2)  // another list is untouched
  }

  @Test("a change to something the scenario lacks is refused with the fix", arguments: ["frames", "partners", "measures", "rank"])
  func unknownTargets(kind: String) throws {
    var variant = Variant(name: "v", title: "V")
    switch kind {
    case "frames": variant.frames[SchemeID("rekom")] = .factor(0.9)
    case "partners": variant.partners[PartnerID("uio")] = Variant.PartnerChange()
    case "measures": variant.measures[MeasureID("x9")] = Variant.MeasureChange()
    default:
      var change = Variant.MeasureChange()
      change.rank = 5
      variant.measures[MeasureID("n1")] = change
    }
    #expect(throws: VariantError.self) { try variant.apply(to: Self.base()) }
  }

  @Test("variant files: based_on chains apply in order; circles and unknown bases are named")
  func files() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("variants"), withIntermediateDirectories: true)
    try folder.write("variants/cut.yaml", "title: Kutt\nframes:\n  dekom: {factor: 0.5}\n")
    try folder.write("variants/cut-more.yaml", "title: Mer kutt\nbased_on: cut\nframes:\n  dekom: {factor: 0.5}\n")
    let base = try ScenarioLoader.load(directory: folder.url)
    let variants = try VariantFile.loadAll(directory: folder.url)
    #expect(variants.map(\.name) == ["cut", "cut-more"])
    #expect(try VariantResolver.scenario("cut-more", variants: variants, base: base).schemes[0].frame == 250_000)
    try folder.write("variants/a.yaml", "title: A\nbased_on: b\n")
    try folder.write("variants/b.yaml", "title: B\nbased_on: a\n")
    try folder.write("variants/c.yaml", "title: C\nbased_on: nowhere\n")
    let all = try VariantFile.loadAll(directory: folder.url)
    #expect(throws: ScenarioError.self) { try VariantResolver.scenario("a", variants: all, base: base) }
    do {
      _ = try VariantResolver.scenario("a", variants: all, base: base)
    } catch {
      #expect(error.issues.first?.problem(in: .en).contains("circle: a → b → a") == true)
    }
    do {
      _ = try VariantResolver.scenario("c", variants: all, base: base)
    } catch {
      #expect(error.issues.first?.problem(in: .en).contains("nowhere") == true)
    }
  }

  @Test("a broken variant file names file, line and key")
  func brokenFile() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("variants"), withIntermediateDirectories: true)
    try folder.write("variants/bad.yaml", "title: Feil\nframes:\n  dekom: {factor: -2}\npolicy:\n  fairnes_floor: 0.3\n")
    do {
      _ = try VariantFile.loadAll(directory: folder.url)
      Issue.record("loaded")
    } catch {
      let text = error.issues.map(\.description)
      #expect(text.contains { $0.hasPrefix("variants/bad.yaml:3: key 'frames.dekom.factor'") })
      #expect(text.contains { $0.hasPrefix("variants/bad.yaml:5: key 'policy.fairnes_floor': unknown key.") })
    }
  }

  @Test("locks in a variant file: full, none and a share, in English or bokmål words; a bad lock names file, line and fix")
  func lockFile() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("variants"), withIntermediateDirectories: true)
    try folder.write(
      "variants/mote.yaml", "title: Møtet\nmeasures:\n  n1: {lock: \"0,5\"}\n  n2: {lock: fullt}\n  s1: {lock: none}\n  s2: {lock: ikke}\n")
    let base = try ScenarioLoader.load(directory: folder.url)
    let variants = try VariantFile.loadAll(directory: folder.url)
    let locked = try VariantResolver.scenario("mote", variants: variants, base: base)
    let locks = Dictionary(uniqueKeysWithValues: locked.measures.map { ($0.id.rawValue, $0.lock) })
    #expect(locks["n1"] == .some(.atLeast(0.5)))
    #expect(locks["n2"] == .some(.full))
    #expect(locks["s1"] == .some(MeasureLock.none))
    #expect(locks["s2"] == .some(MeasureLock.none))
    #expect(try VariantFile.load(Data("title: T\nmeasures:\n  n2: {lock: 1}\n".utf8), name: "t").measures[MeasureID("n2")]?.lock == .full)
    try folder.write("variants/mote.yaml", "title: Møtet\nmeasures:\n  n1: {lock: halvparten}\n  n2: {lock: 0}\n")
    do {
      _ = try VariantFile.loadAll(directory: folder.url)
      Issue.record("loaded")
    } catch {
      let text = error.issues.map { $0.message(in: .nb) }
      #expect(text.contains { $0.contains("«halvparten» er ikke en lås") && $0.contains("skriv full") }, "\(text)")
      #expect(text.contains { $0.contains("«0» er ikke en lås") }, "\(text)")
      #expect(error.issues.map(\.description).contains { $0.hasPrefix("variants/mote.yaml:3: key 'measures.n1.lock'") })
    }
  }

  @Test("lock: last_year keeps a measure at last year's share; without last year's allocation, or a measure not in it, it is refused")
  func lockAsLastYear() throws {
    let folder = try ScenarioFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("variants"), withIntermediateDirectories: true)
    try folder.write("variants/fjor.yaml", "title: Som i fjor\nmeasures:\n  n1: {lock: som_i_fjor}\n  s1: {lock: last_year}\n")
    let variants = try VariantFile.loadAll(directory: folder.url)
    // No last year's allocation named: refused with the fix.
    do {
      _ = try VariantResolver.scenario("fjor", variants: variants, base: try ScenarioLoader.load(directory: folder.url))
      Issue.record("applied")
    } catch {
      #expect(error.issues.first?.message(in: .nb).contains("oppgi fjorårets allocation.json i scenario.yaml") == true)
    }
    try folder.write("fjor.json", #"{"measures": [{"id": "n1", "share": 0.5}, {"id": "s1", "share": 0}, {"id": "n2", "share": 1}]}"#)
    try folder.write("scenario.yaml", try folder.read("scenario.yaml") + "last_year_allocation: fjor.json\n")
    let base = try ScenarioLoader.load(directory: folder.url)
    let locked = try VariantResolver.scenario("fjor", variants: variants, base: base)
    #expect(locked.measure(MeasureID("n1"))?.lock == .atLeast(0.5))
    #expect(locked.measure(MeasureID("s1"))?.lock == .some(MeasureLock.none))
    try folder.write("variants/fjor.yaml", "title: Som i fjor\nmeasures:\n  s2: {lock: last_year}\n")
    do {
      _ = try VariantResolver.scenario("fjor", variants: try VariantFile.loadAll(directory: folder.url), base: base)
      Issue.record("applied")
    } catch {
      #expect(error.issues.first?.message(in: .en).contains("s2 is not in last year's allocation (fjor.json)") == true)
    }
  }

  @Test("a lock at a share below the smallest viable share, or on an all-or-nothing measure, is refused with the fix")
  func lockBelowSmallestShare() throws {
    let base = try Self.base()  // n1: min_share 0,5; n2: all or nothing
    for (id, share) in [("n1", 0.25), ("n2", 0.5)] {
      var variant = Variant(name: "v", title: "V")
      var change = Variant.MeasureChange()
      change.lock = .atLeast(share)
      variant.measures[MeasureID(id)] = change
      do {
        _ = try variant.apply(to: base)
        Issue.record("applied \(id)")
      } catch {
        guard case .changeLockBelowSmallestShare(id, share, _) = error.text else {
          Issue.record("\(error)")
          continue
        }
      }
    }
    var variant = Variant(name: "v", title: "V")
    var change = Variant.MeasureChange()
    change.lock = .atLeast(0.5)
    variant.measures[MeasureID("n1")] = change
    #expect(try variant.apply(to: base).measure(MeasureID("n1"))?.lock == .atLeast(0.5))
  }

  @Test("a lock to fund a measure that fails a criterion is refused; a lock to drop it is not")
  func lockIneligible() throws {
    var base = try Self.base()
    base.measures[0].criteria.schoolBased = false
    var variant = Variant(name: "v", title: "V")
    var change = Variant.MeasureChange()
    change.lock = .full
    variant.measures[base.measures[0].id] = change
    do {
      _ = try variant.apply(to: base)
      Issue.record("applied")
    } catch {
      #expect(error.text == .changeLockIneligible(id: base.measures[0].id.rawValue))
    }
    change.lock = MeasureLock.none
    variant.measures[base.measures[0].id] = change
    #expect(try variant.apply(to: base).measures[0].lock == MeasureLock.none)
  }

  @Test("stability: a variant that changes nothing gives the base allocation, and comparing shows no change")
  func stability() throws {
    let base = BruteForce.randomScenario(seed: 7)
    let allocator = Allocator(solver: GLPKSolver())
    let baseResult = allocator.allocate(base)
    let again = allocator.allocate(base, reference: AllocationReference(baseResult))
    #expect(again.outcomes == baseResult.outcomes)
    let comparison = Comparison(
      base: baseResult, baseSettlement: Settlement(baseResult), variant: again, variantSettlement: Settlement(again))
    #expect(comparison.measures.isEmpty && comparison.owners.isEmpty)
  }

  @Test("money per list in a comparison: every holder with measures, in order, adding up to the schemes' allocations")
  func holderTotals() {
    let builder = ScenarioBuilder(frame: 1000)
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 600).measure("b1", network: "b", rank: 1, cost: 300)
    builder.measure("j1", network: nil, rank: 1, cost: 100)
    let allocator = Allocator(solver: GLPKSolver())
    let baseResult = allocator.allocate(builder.scenario)
    var cut = builder.scenario
    cut.schemes[0].frame = 700
    let variant = allocator.allocate(cut)
    let (baseMoney, variantMoney) = (Settlement(baseResult), Settlement(variant))
    let comparison = Comparison(base: baseResult, baseSettlement: baseMoney, variant: variant, variantSettlement: variantMoney)
    #expect(comparison.holders.map(\.holder) == [.joint, .network(NetworkID("a")), .network(NetworkID("b"))])
    #expect(comparison.holders.map(\.baseMoney) == [100, 600, 300])
    #expect(comparison.holders.reduce(0) { $0 + $1.variantMoney } == variantMoney.schemes.reduce(0) { $0 + $1.allocated })
    #expect(comparison.holders.reduce(0) { $0 + $1.change } == -300)
  }

  @Test("stability: among equal optima the variant keeps the base's choice")
  func keepsBaseChoice() {
    // Two equal first priorities, money for one. Without a reference the tie-break funds a1;
    // with a reference that funded b1, the variant keeps b1.
    let builder = ScenarioBuilder(frame: 300)
    builder.network("a").network("b")
    builder.measure("a1", network: "a", rank: 1, cost: 300).measure("b1", network: "b", rank: 1, cost: 300)
    let allocator = Allocator(solver: GLPKSolver())
    let plain = allocator.allocate(builder.scenario)
    #expect(plain.outcome(MeasureID("a1"))?.share == 1)
    let kept = allocator.allocate(builder.scenario, reference: AllocationReference(shares: [MeasureID("a1"): 0, MeasureID("b1"): 1]))
    #expect(kept.outcome(MeasureID("b1"))?.share == 1)
    #expect(kept.outcome(MeasureID("a1"))?.share == 0)
  }
}
