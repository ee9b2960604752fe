import Foundation
import Mustache
import ScenarioFormat

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
      log.add(
        fileName, row: nil, nil, "malen er ikke lagret som UTF-8-tekst.",
        fix: "lagre filen som UTF-8 (ren tekst) i redigeringsprogrammet, eller slett den for å bruke standardmalen.")
      return nil
    }
    do {
      _ = try MustacheTemplate(string: text)
      return text
    } catch let error as MustacheTemplate.ParserError {
      let line = error.context.line.trimmingCharacters(in: .whitespaces)
      log.add(
        fileName, row: error.context.lineNumber, nil,
        "malen kan ikke leses: \(problem(error.error)) (tegn \(error.context.columnNumber) i linjen «\(line)»).",
        fix: "rett merket på denne linjen ({{navn}}, {{#del}} … {{/del}} med samme navn), "
          + "eller slett \(fileName) for å bruke standardmalen (docs/vedtak.md viser den og feltene den kan bruke).")
      return nil
    } catch {
      log.add(
        fileName, row: nil, nil, "malen kan ikke leses: \(error).",
        fix: "rett malen, eller slett \(fileName) for å bruke standardmalen (se docs/vedtak.md).")
      return nil
    }
  }

  /// What is wrong, in bokmål.
  static func problem(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect: return "en del lukkes med et annet navn enn den ble åpnet med"
    case .unfinishedName: return "et merke er ikke avsluttet med }}"
    case .expectedSectionEnd: return "en del som åpnes med {{#navn}} eller {{^navn}}, lukkes aldri med {{/navn}}"
    case .invalidSetDelimiter: return "et {{=…=}}-merke er feil skrevet"
    case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
      return "en arvet del ({{<…}}) er feil skrevet"
    case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "et {{%…}}-merke er feil skrevet eller ukjent"
    }
  }
}
