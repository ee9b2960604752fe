import UserMessages
import Yams

/// Reads typed values from a composed YAML document, logging every problem with file, line and key.
struct YAMLReader {
  let file: String
  var log = IssueLog()

  init(file: String) { self.file = file }

  func line(_ node: Node?) -> Int? { node?.mark.map { $0.line } }

  mutating func fail(_ node: Node?, _ path: String, _ text: IssueText) {
    log.add(file, row: line(node), path.isEmpty ? nil : path, text)
  }

  /// The mapping's entries by key; unknown keys and missing required keys are logged.
  mutating func mapping(_ node: Node?, _ path: String, allowed: [String], required: [String]) -> [String: Node]? {
    guard let node else { return nil }
    guard let mapping = node.mapping else {
      fail(node, path, .notAMapping)
      return nil
    }
    var entries: [String: Node] = [:]
    for (keyNode, value) in mapping {
      let key = keyNode.scalar?.string ?? ""
      let keyPath = path.isEmpty ? key : "\(path).\(key)"
      if !allowed.contains(key) {
        fail(keyNode, keyPath, .unknownKey(allowed: allowed))
      } else if entries[key] != nil {
        fail(keyNode, keyPath, .keyAppearsTwice)
      } else {
        entries[key] = value
      }
    }
    for key in required where entries[key] == nil {
      fail(node, path.isEmpty ? key : "\(path).\(key)", .requiredKeyMissing(key: key))
    }
    return entries
  }

  mutating func sequence(_ node: Node?, _ path: String) -> [Node]? {
    guard let node else { return nil }
    guard let sequence = node.sequence else {
      fail(node, path, .notAList)
      return nil
    }
    return Array(sequence)
  }

  mutating func text(_ node: Node?, _ path: String) -> String? {
    guard let node else { return nil }
    guard let scalar = node.scalar else {
      fail(node, path, .notASingleValue)
      return nil
    }
    let value = scalar.string.trimmingCharacters(in: .whitespaces)
    if value.isEmpty { fail(node, path, .emptyValue) }
    return value.isEmpty ? nil : value
  }

  mutating func identifier(_ node: Node?, _ path: String) -> String? {
    guard let value = text(node, path) else { return nil }
    return take(node, path, CellValues.identifier(value))
  }

  mutating func number(_ node: Node?, _ path: String, in range: ClosedRange<Double>, unit: IssueText.NumberUnit) -> Double? {
    guard let value = text(node, path), let number = take(node, path, CellValues.number(value)) else { return nil }
    guard range.contains(number) else {
      fail(node, path, .outOfRange(value: value, low: range.lowerBound, high: range.upperBound, unit: unit))
      return nil
    }
    return number
  }

  mutating func share(_ node: Node?, _ path: String) -> Double? {
    guard let value = text(node, path), let share = take(node, path, CellValues.share(value)) else { return nil }
    guard (0...1).contains(share) else {
      fail(node, path, .notAShare(value: value))
      return nil
    }
    return share
  }

  mutating func wholeNumber(_ node: Node?, _ path: String, in range: ClosedRange<Int>) -> Int? {
    guard let value = text(node, path), let number = take(node, path, CellValues.wholeNumber(value)) else { return nil }
    guard range.contains(number) else {
      fail(node, path, .wholeOutOfRange(value: value, low: range.lowerBound, high: range.upperBound, unit: nil))
      return nil
    }
    return number
  }

  mutating func yesNo(_ node: Node?, _ path: String) -> Bool? {
    guard let node else { return nil }
    guard let value = text(node, path) else { return nil }
    return take(node, path, CellValues.yesNo(value))
  }

  mutating func take<T>(_ node: Node?, _ path: String, _ result: Result<T, CellValues.CellError>) -> T? {
    switch result {
    case .success(let value): return value
    case .failure(let failure):
      fail(node, path, failure.text)
      return nil
    }
  }
}
