import Foundation
import Mustache
import ScenarioFormat
import UserMessages

/// Reads the secretariat's own decision-letter template (`vedtak.mustache`), when the scenario
/// folder has one, and checks that it parses, so that a broken template stops `dekom check` and
/// `dekom run` before anything is solved or written.
///
/// The words are in bokmål: the secretariat edits this file itself.
enum LetterTemplateFile {
  static let fileName = ScenarioSchema.Settings.Decision.templateFileName

  /// The template's text, or `nil` (logged) when it is not UTF-8 or does not parse.
  static func read(_ data: Data, log: inout IssueLog) -> String? {
    guard let text = String(data: data, encoding: .utf8) else {
      log.add(fileName, row: nil, nil, .templateNotUTF8)
      return nil
    }
    do {
      _ = try MustacheTemplate(string: text)
      return text
    } catch let error as MustacheTemplate.ParserError {
      let line = error.context.line.trimmingCharacters(in: .whitespaces)
      log.add(
        fileName, row: error.context.lineNumber, nil,
        .templateUnreadable(problem(error.error), column: error.context.columnNumber, line: line, file: fileName))
      return nil
    } catch {
      log.add(fileName, row: nil, nil, .templateError(detail: "\(error)", file: fileName))
      return nil
    }
  }

  /// What is wrong, in bokmål.
  static func problem(_ error: any Error) -> IssueText.TemplateProblem {
    guard let error = error as? MustacheTemplate.Error else { return .other("\(error)") }
    switch error {
    case .sectionCloseNameIncorrect: return .sectionCloseName
    case .unfinishedName: return .unfinishedName
    case .expectedSectionEnd: return .expectedSectionEnd
    case .invalidSetDelimiter: return .invalidSetDelimiter
    case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection: return .inheritance
    case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return .configVariable
    }
  }
}
