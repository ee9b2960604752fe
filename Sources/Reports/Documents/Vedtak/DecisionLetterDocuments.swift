import GrantAllocation
import Mustache

/// The decision letters (`vedtak/`) of one allocation: per recipient of money, a Markdown letter
/// from the letter template (the scenario's `vedtak.mustache`, else the default for the language)
/// and the same letter as an HTML page.
public struct DecisionLetterDocuments: ReportRenderer {
  /// The folder the letters are written in, beside the innstilling.
  public static let folder = "vedtak"

  /// A letter template that does not parse.
  public struct TemplateError: Error, CustomStringConvertible {
    public var description: String
  }

  let input: ReportInput

  public init(_ input: ReportInput) { self.input = input }

  /// The letters as data, one per recipient.
  public var letters: [DecisionLetter] { DecisionLetters(input).letters }

  /// Every letter's Markdown, by its file name without extension, in recipient order.
  ///
  /// - Throws: ``TemplateError`` when the template does not parse (the scenario loader checks
  ///   `vedtak.mustache` first, so this is for templates given in code).
  public func markdown() throws(TemplateError) -> [(fileName: String, letter: DecisionLetter, markdown: String)] {
    let source = scenario.decisionTerms.template ?? DefaultLetterTemplates.template(for: input.language)
    let template: MustacheTemplate
    do {
      // The values are escaped already: the template adds no escaping of its own.
      template = try MustacheTemplate(string: "{{%CONTENT_TYPE:TEXT}}" + source)
    } catch {
      throw TemplateError(
        description: "vedtak.mustache: malen kan ikke leses (\(error)). Rett malen, eller slett den for å bruke standardmalen.")
    }
    return letters.map { letter in
      let context = DecisionLetterContext(letter, scenario: scenario, names: names, messages: messages)
      return (letter.fileName, letter, template.render(context))
    }
  }

  /// The files, `vedtak/NAME.md` and `vedtak/NAME.html` per recipient.
  ///
  /// - Throws: ``TemplateError``, or when the page template cannot be rendered (a bug in dekom).
  public func render() throws -> [(name: String, contents: String)] {
    try render(try markdown())
  }

  /// A letter's title ("Vedtak om tilskudd 2027 – Trondheim kommune"), as text (not escaped).
  public func title(of letter: DecisionLetter) -> String {
    messages.letterTitle(year: scenario.year, recipient: input.names.recipient(letter.recipient))
  }

  /// The files of letters already rendered as Markdown (``markdown()``).
  ///
  /// - Throws: when the page template cannot be rendered (a bug in dekom).
  public func render(_ letters: [(fileName: String, letter: DecisionLetter, markdown: String)]) throws -> [(
    name: String, contents: String
  )] {
    try letters.flatMap { fileName, letter, markdown in
      let title = title(of: letter)
      let html = try HTMLPage(language: input.language, title: title, markdown: markdown, chrome: PageChrome()).render()
      return [("\(Self.folder)/\(fileName).md", markdown), ("\(Self.folder)/\(fileName).html", html)]
    }
  }
}
