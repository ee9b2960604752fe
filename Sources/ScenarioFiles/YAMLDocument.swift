import Foundation
import UserMessages
import Yams

/// The one way a scenario's YAML files (`scenario.yaml`, `variants/*.yaml`) are read into a node
/// tree: UTF-8 with or without BOM, no anchors or aliases, and every syntax problem — a key given
/// twice among them — logged with its line in plain words.
enum YAMLDocument {
  /// The file's document; `nil` with the problems logged when it cannot be read, and `.some(nil)`
  /// for an empty file.
  static func read(_ data: Data, file: String, log: inout IssueLog) -> Node?? {
    guard var text = String(data: data, encoding: .utf8) else {
      log.add(file, row: nil, nil, .yamlNotUTF8)
      return nil
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    if let line = YAMLAliases.firstLine(in: text) {
      log.add(file, row: line, nil, .yamlAliases)
      return nil
    }
    do {
      return .some(try Yams.compose(yaml: text))
    } catch let error as YamlError {
      log.add(error, in: text, file: file)
    } catch {
      log.add(file, row: nil, nil, .yamlInvalid)
    }
    return nil
  }

  /// The lines (from 1) where `key` is a key of the block mapping that starts at `mark`.
  static func keyLines(_ key: String, mappingAt mark: Mark, in text: String) -> [Int] {
    let lines = text.linesOfAnyEnding
    var found: [Int] = []
    // A mark past the last line (the parser's end of input) starts no mapping we can read.
    guard mark.line >= 1, mark.line <= lines.count else { return [] }
    for number in mark.line...lines.count {
      let line = Array(lines[number - 1].unicodeScalars)
      // Where the line's key starts: after the indentation and any "- " of a list entry.
      var column = 0
      while column < line.count, line[column] == " " || (line[column] == "-" && column + 1 < line.count && line[column + 1] == " ") {
        column += line[column] == "-" ? 2 : 1
      }
      let rest = String(String.UnicodeScalarView(line[column...]))
      if rest.isEmpty || rest.hasPrefix("#") { continue }
      if number > mark.line && column + 1 < mark.column { break }  // the mapping has ended
      guard column + 1 == mark.column else { continue }
      let name = rest.prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
      if name == key && rest.contains(":") { found.append(number) }
    }
    return found
  }
}

extension IssueLog {
  /// A YAML syntax error in plain words, with its line.
  mutating func add(_ error: YamlError, in text: String, file: String) {
    switch error {
    case .duplicatedKeysInMapping(let duplicates, let context):
      for key in duplicates.sorted() {
        let lines = YAMLDocument.keyLines(key, mappingAt: context.mark, in: text)
        add(file, row: lines.dropFirst().first ?? context.mark.line, key, .yamlKeyTwice(firstLine: lines.first))
      }
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
      add(file, row: mark.line, nil, .yamlInvalidAt(detail: problem))
    default:
      add(file, row: nil, nil, .yamlInvalid)
    }
  }
}
