/// One network and its school owners, drawn from the network's own random stream, so that any
/// network can be drawn again on its own.
enum NetworkSynthesis {
  struct Owner {
    var name: String
    var kind: String
    var pupils: Int
    /// Teacher full-time equivalents, for municipalities only (printed, not used by the model).
    var teacherFTE: Int?
  }

  struct Network {
    var name: String
    /// `nil`: the default key (1/3 equal, 2/3 by pupils).
    var costSharing: (equal: String, pupils: String)?
    var owners: [Owner]
  }

  /// Two to seven owners; the first draw of the network's stream.
  private static func drawOwnerCount(_ random: inout SeededRandom) -> Int {
    random.integer(in: 2...7)
  }

  static func ownerCount(seed: UInt64, network: Int) -> Int {
    var random = SeededRandom(seed: seed, purpose: .network, index: network)
    return drawOwnerCount(&random)
  }

  static func network(seed: UInt64, network: Int) -> Network {
    var random = SeededRandom(seed: seed, purpose: .network, index: network)
    let ownerCount = drawOwnerCount(&random)
    let name = "Nettverk " + Vocabulary.placeName(&random)
    let costSharing: (equal: String, pupils: String)? = random.chance(0.15) ? ("0.5", "0.5") : nil
    var owners: [Owner] = []
    for _ in 0..<ownerCount {
      let place = Vocabulary.placeName(&random)
      let isPrivate = random.chance(0.05)
      // Pupils spread over two orders of magnitude, as Norway's municipalities are: 100 to about 16 000.
      let pupils = 10 * Int((pow10(2.0 + 2.2 * random.unit()) / 10).rounded())
      if isPrivate {
        owners.append(Owner(name: "\(place) friskole", kind: "privat", pupils: max(20, pupils / 20), teacherFTE: nil))
      } else {
        owners.append(Owner(name: "\(place) kommune", kind: "kommune", pupils: pupils, teacherFTE: max(1, pupils / 11)))
      }
    }
    return Network(name: name, costSharing: costSharing, owners: owners)
  }

  /// 10^x without Foundation's `pow`, whose last bit may differ between C libraries: the generated
  /// numbers must not.
  static func pow10(_ exponent: Double) -> Double {
    // 10^x = 10^n × 10^f with n whole and f in [0, 1); 10^f by a fixed Taylor series of e^(f ln 10).
    let whole = exponent.rounded(.down)
    let fraction = (exponent - whole) * 2.302_585_092_994_046
    var term = 1.0
    var sum = 1.0
    for k in 1...30 {
      term *= fraction / Double(k)
      sum += term
    }
    var scale = 1.0
    for _ in 0..<Int(whole) { scale *= 10 }
    return sum * scale
  }
}
