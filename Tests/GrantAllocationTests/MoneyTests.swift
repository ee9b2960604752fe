import GrantAllocation
import Testing

@Suite("Money in whole kroner")
struct MoneyTests {
  @Test(
    "largest remainder keeps the total",
    arguments: [
      [0.5, 0.5, 0.5, 0.5], [100.4, 200.4, 300.4], [1 / 3.0, 1 / 3.0, 1 / 3.0], [999_999.999, 0.001], [],
    ])
  func wholeKroner(amounts: [Double]) {
    let rounded = Apportionment.wholeKroner(amounts)
    #expect(rounded.count == amounts.count)
    #expect(rounded.reduce(0, +) == Int(amounts.reduce(0, +).rounded(.toNearestOrAwayFromZero)))
    for (exact, whole) in zip(amounts, rounded) { #expect(abs(Double(whole) - exact) < 1) }
  }

  @Test("the Orkdal/Øy key: 1/3 equally, 2/3 by pupils")
  func orkdalKey() {
    // Seed 000: "1/3 av samlet utgift likt på deltakerkommunene. Resten etter antall elever."
    let key = CostSharingKey(equal: 1.0 / 3, pupils: 2.0 / 3)
    let shares = key.shares(pupils: [1000, 3000])
    #expect(abs(shares[0] - (1.0 / 6 + 2.0 / 3 * 0.25)) < 1e-12)
    #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
    // 300 000 split: 50 000 + 50 000 equally, 200 000 as 50 000 / 150 000 by pupils.
    #expect(Apportionment.split(300_000, weights: shares) == [100_000, 200_000])
  }

  @Test("a split always sums to the amount", arguments: [1, 7, 100, 999_999, 1_000_001])
  func splitSums(total: Int) {
    let parts = Apportionment.split(total, weights: [1, 1, 1, 2, 0.5])
    #expect(parts.reduce(0, +) == total)
  }

  @Test("egenandel is at least the rate: rounded up to the krone, exact products kept")
  func egenandelRoundsUp() {
    // 30 % of 1 001 kr is 300,3 kr: 301 kr, never 300 (below the rate).
    #expect(Settlement.egenandel(1_001, rate: 0.3) == 301)
    // 30 % of 100 kr is 30 kr, although 100 × 0.3 is 30.000000000000004 in floating point.
    #expect(Settlement.egenandel(100, rate: 0.3) == 30)
    #expect(Settlement.egenandel(0, rate: 0.3) == 0)
    #expect(Settlement.egenandel(1_234_567, rate: 0) == 0)
    for grant in stride(from: 0, through: 100_000, by: 997) {
      let charged = Settlement.egenandel(grant, rate: 0.3)
      #expect(Double(charged) >= Double(grant) * 0.3 - 1e-9)
      #expect(Double(charged) < Double(grant) * 0.3 + 1)
    }
  }
}

@Suite("Money within the frame")
struct CapTests {
  @Test("a cap below the rounded total takes the kroner from the smallest remainders")
  func cap() {
    // Exact total 1000.6 would round to 1001; the frame is 1000.
    let rounded = Apportionment.wholeKroner([400.3, 300.2, 300.1], cap: 1000)
    #expect(rounded.reduce(0, +) == 1000)
    #expect(rounded == [400, 300, 300])
    #expect(Apportionment.wholeKroner([400.3, 300.2, 300.1], cap: 5000).reduce(0, +) == 1001)
  }
}
