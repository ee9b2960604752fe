/// Rounding money to whole kroner so that every total still adds up.
public enum Apportionment {
  /// Rounds each amount to whole kroner such that the results sum to `round(Σ amounts)`, or to
  /// `cap` when that is smaller (largest remainder; ties go to the earlier item, so the result is
  /// deterministic).
  ///
  /// The cap keeps a frame's rounded total within the frame when the solver's feasibility
  /// tolerance has let the exact total exceed it by a fraction of a krone.
  ///
  /// - Complexity: O(n log n).
  public static func wholeKroner(_ amounts: [Double], cap: Int? = nil) -> [Int] {
    guard !amounts.isEmpty else { return [] }
    let rounded = Int(amounts.reduce(0, +).rounded(.toNearestOrAwayFromZero))
    let target = cap.map { min($0, rounded) } ?? rounded
    var result = amounts.map { Int($0.rounded(.down)) }
    let remainders = amounts.enumerated().map { ($0.offset, $0.element - $0.element.rounded(.down)) }
    var missing = target - result.reduce(0, +)
    let order = remainders.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    var cursor = 0
    while missing > 0 && !order.isEmpty {
      result[order[cursor % order.count].0] += 1
      missing -= 1
      cursor += 1
    }
    // Only reachable if rounding of the sum went down past the floors (negative amounts).
    cursor = order.count - 1
    while missing < 0 && !order.isEmpty {
      result[order[(cursor + order.count) % order.count].0] -= 1
      missing += 1
      cursor -= 1
    }
    return result
  }

  /// Splits `total` whole kroner in proportion to `weights`, in whole kroner summing to `total`.
  ///
  /// When every weight is 0 the split is equal.
  public static func split(_ total: Int, weights: [Double]) -> [Int] {
    guard !weights.isEmpty else { return [] }
    let sum = weights.reduce(0, +)
    let normalised = sum > 0 ? weights.map { $0 / sum } : weights.map { _ in 1 / Double(weights.count) }
    let exact = normalised.map { $0 * Double(total) }
    var parts = wholeKroner(exact)
    // wholeKroner hits round(Σ exact), which is `total` up to floating error; settle any last krone.
    let difference = total - parts.reduce(0, +)
    if difference != 0, let largest = parts.indices.max(by: { exact[$0] < exact[$1] }) { parts[largest] += difference }
    return parts
  }
}
