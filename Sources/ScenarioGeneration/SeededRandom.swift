/// A small, seeded pseudo-random number generator whose output is fixed by this file alone.
///
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014), with
/// its own bounded-integer and unit-interval methods rather than the standard library's: Swift's
/// `Int.random(in:using:)` may change its algorithm between releases, and a generated scenario must
/// stay the same bytes for the same seed.
///
/// Independent *streams* (one per network, one per ranked list, …) are derived from the seed, so a
/// part of the region can be generated again — in the generator's second pass — without replaying
/// everything before it.
struct SeededRandom {
  /// What a stream is for; part of the stream's derivation, so the purposes never share numbers.
  enum Purpose: UInt64 {
    case layout = 1
    case partners = 2
    case network = 3
    case list = 4
  }

  private var state: UInt64

  /// The stream `index` for `purpose` under `seed`.
  init(seed: UInt64, purpose: Purpose, index: Int = 0) {
    let streamKey = Self.mix(purpose.rawValue &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: index))
    state = Self.mix(seed ^ Self.mix(streamKey &+ 0xD1B5_4A32_D192_ED03))
  }

  /// SplitMix64's output function: a bijective mix of 64 bits.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// A uniform number in `0..<bound` (Lemire's multiply-and-shift, with rejection so that no value
  /// is favoured).
  ///
  /// - Precondition: `bound > 0`.
  mutating func below(_ bound: UInt64) -> UInt64 {
    precondition(bound > 0, "empty range")
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
    }
    return product.high
  }

  /// A uniform whole number in `range`.
  mutating func integer(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(below(UInt64(range.upperBound - range.lowerBound) + 1))
  }

  /// A uniform number in [0, 1), with 53 random bits.
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// `true` with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// A uniformly chosen element.
  ///
  /// - Precondition: `elements` is not empty.
  mutating func element<Element>(of elements: [Element]) -> Element {
    elements[Int(below(UInt64(elements.count)))]
  }
}
