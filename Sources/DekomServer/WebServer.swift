import DekomRunner
import Explanations
import Foundation
import GrantAllocation
import HTTPTypes
import Hummingbird
import Reports
import ScenarioFormat
import UserMessages
import Variants

/// The web server of `dekom serve`: pages for the scenarios under one folder, on 127.0.0.1 only.
///
/// Safe by construction: an address names a scenario, variant or measure by a name that is looked
/// up among those found, never by a path; request bodies are read up to ``maximumBodyBytes``; every
/// solve has a time limit and waits on the ``Workbench``'s own queue, at most a few at a time; and
/// every error becomes a page with a status, never the end of the server.
struct WebServer: Sendable {
  let library: ScenarioLibrary
  let workbench: Workbench
  /// The pages' language when an address does not say (`?lang=en`).
  let defaultLanguage: Language
  /// The port the server listens on, once it is known (`--port 0` picks one).
  let boundPort: BoundPort
  /// This server's secret: a form that changes something must carry it back, so no other web site
  /// can make a browser save a variant here (cross-site request forgery).
  let formToken: String

  init(library: ScenarioLibrary, workbench: Workbench, defaultLanguage: Language, boundPort: BoundPort = BoundPort()) {
    self.library = library
    self.workbench = workbench
    self.defaultLanguage = defaultLanguage
    self.boundPort = boundPort
    var generator = SystemRandomNumberGenerator()
    formToken = (0..<4).map { _ in String(generator.next(), radix: 16) }.joined(separator: "-")
  }

  /// The pages in `language`, with this server's form token.
  /// The pages in `language`; `plan`: the scenario is a long-term plan (its pages link the plan).
  func pages(_ language: Language, plan: Bool = false) -> WebPages {
    var pages = WebPages(language: language, formToken: formToken)
    pages.linksPlan = plan
    return pages
  }

  // swift-format-ignore: NeverForceUnwrap
  static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!  // a valid token: the initialiser cannot fail

  /// The largest request body read (the save form of a county's what-if is a few kilobytes).
  static let maximumBodyBytes = 64 * 1024

  /// The router with every page.
  func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: ProblemPages(server: self))
    router.add(middleware: RequestGuard(server: self))
    router.get("/") { request, _ in try await self.scenarioList(request) }
    router.get("/s/:scenario") { request, context in
      try await self.allocation(request, scenario: context.parameters.require("scenario"), variant: nil)
    }
    router.get("/s/:scenario/v/:variant") { request, context in
      try await self.allocation(
        request, scenario: context.parameters.require("scenario"), variant: context.parameters.require("variant"))
    }
    router.get("/s/:scenario/compare") { request, context in
      try await self.compare(request, scenario: context.parameters.require("scenario"))
    }
    router.get("/s/:scenario/measure/:measure") { request, context in
      try await self.measure(request, scenario: context.parameters.require("scenario"), measure: context.parameters.require("measure"))
    }
    router.get("/s/:scenario/plan") { request, context in
      try await self.plan(request, scenario: context.parameters.require("scenario"))
    }
    router.get("/s/:scenario/vedtak") { request, context in
      try await self.letters(request, scenario: context.parameters.require("scenario"), letter: nil)
    }
    router.get("/s/:scenario/vedtak/:letter") { request, context in
      try await self.letters(request, scenario: context.parameters.require("scenario"), letter: context.parameters.require("letter"))
    }
    router.get("/s/:scenario/whatif") { request, context in
      try await self.whatIf(request, scenario: context.parameters.require("scenario"))
    }
    router.post("/s/:scenario/save") { request, context in
      try await self.save(request, scenario: context.parameters.require("scenario"))
    }
    return router
  }

  // MARK: Requests

  /// A request's query as form fields.
  func query(_ request: Request) throws -> FormData {
    do {
      return try FormData(urlEncoded: Substring(request.uri.query ?? ""))
    } catch {
      throw PageError(.badRequest, [error.description])
    }
  }

  /// The page language a request asks for.
  func language(_ form: FormData) -> Language { form["lang"].flatMap(Language.init(rawValue:)) ?? defaultLanguage }

  /// The same address in the other language.
  func otherLanguage(_ request: Request, _ language: Language) -> String {
    let other = language == .nb ? Language.en : .nb
    let kept = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }
    return request.uri.path + "?" + (["lang=\(other.rawValue)"] + kept.map(String.init)).joined(separator: "&")
  }

  func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status,
      headers: [
        .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
        // The pages need nothing from anywhere else, and no script at all.
        .contentSecurityPolicy: HTMLPage.contentSecurityPolicy + "; frame-ancestors 'none'",
        Self.contentTypeOptions: "nosniff",
      ],
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  /// The scenario folder a page names, loaded.
  func loaded(_ name: String) throws -> Workbench.Loaded {
    guard let folder = library.folder(named: name) else { throw PageError(.notFound, []) }
    do {
      return try workbench.load(folder)
    } catch {
      throw PageError(failure: error, scenario: name)
    }
  }

  func report(_ result: AllocationResult, _ language: Language, explanation: Explanation? = nil) -> ReportInput {
    ReportInput(
      result: result, language: language, provenance: ReportProvenance(dekomVersion: DekomVersion.current, solverName: result.solverName),
      explanation: explanation)
  }

  // MARK: Pages

  func scenarioList(_ request: Request) async throws -> Response {
    let form = try query(request)
    let language = language(form)
    let entries = library.scenarios().map { scenario -> ScenarioListEntry in
      do throws(ScenarioRun.RunError) {
        let loaded = try workbench.load(scenario.folder)
        return ScenarioListEntry(
          name: scenario.name,
          title: loaded.base.title ?? "\(loaded.base.county) \(loaded.base.year)",
          issues: [], variants: loaded.variants.map { ($0.name, $0.title) },
          brokenVariants: loaded.brokenVariants.map { ($0.name, $0.error.shownLines(in: language)) })
      } catch {
        return ScenarioListEntry(
          name: scenario.name, title: nil, issues: PageError(failure: error, scenario: scenario.name).lines(in: language), variants: [])
      }
    }
    let page = try pages(language).scenarioList(
      folder: library.displayName, entries: entries, otherLanguage: otherLanguage(request, language))
    return html(page)
  }

  /// A scenario's or variant's allocation, as `innstilling.html` shows it. Its explanations come
  /// from an explained run the workbench computes once per version of the files, off the page's
  /// way: until it is done, the page shows the allocation at once, says so and loads itself again.
  func allocation(_ request: Request, scenario name: String, variant: String?) async throws -> Response {
    let form = try query(request)
    let language = language(form)
    let loaded = try loaded(name)
    let pages = pages(language, plan: loaded.base.isPlan)
    let scenario: Scenario
    let result: AllocationResult
    var base: AllocationResult?
    var commitments: PlanCommitments?
    if let variant {
      guard loaded.variants.contains(where: { $0.name == variant }) else { throw PageError(.notFound, [], scenario: name) }
      do {
        scenario = try workbench.run(loaded.folder).scenario(ofVariant: variant, variants: loaded.variants, base: loaded.base)
      } catch {
        throw PageError(failure: error, scenario: name)
      }
      base = try await solved { try await workbench.solveBase(loaded) }
      result = try await solved { try await workbench.solveVariant(scenario, key: "variant:" + variant, loaded: loaded).result }
    } else if loaded.base.isPlan {
      // A plan's first year, with the commitments it makes for later years, as `dekom run` writes it.
      scenario = loaded.base
      let plan = try await solved { try await workbench.solvePlan(loaded) }
      result = plan.years[0]
      commitments = PlanCommitments(plan)
    } else {
      scenario = loaded.base
      result = try await solved { try await workbench.solveBase(loaded) }
    }
    var input = report(result, language)
    input.planCommitments = commitments
    var notice = ExplanationNotice.none
    // A plan is not explained (as `dekom run` does not explain one).
    if !loaded.base.isPlan {
      // The page loads itself again as it was asked for: a saved variant's page keeps saying so.
      let address =
        (variant.map { pages.links.variant(name, $0) } ?? pages.links.allocation(name)) + (form["saved"] == nil ? "" : "&saved=1")
      switch workbench.explained(scenario, key: variant.map { "variant:" + $0 } ?? "base", reference: base, loaded: loaded) {
      case .done(let explained, let explanation): input = report(explained, language, explanation: explanation)
      case .pending(let done, let total): notice = .pending(done: done, total: total, address: address)
      case .failed(let failure): notice = .failed(CompareRun.reason(failure, language: language))
      }
    }
    let saved = form["saved"].flatMap { _ in variant.map { pages.savedNotice(file: ScenarioSchema.Variant.fileName($0)) } }
    let page = try pages.allocation(
      input, base: base.map { report($0, language) }, scenario: name, explanations: notice, otherLanguage: otherLanguage(request, language),
      notice: saved)
    return html(page)
  }

  /// The long-term plan of a scenario with a horizon (as `langsiktig-plan.html`); a one-year
  /// scenario has none (404, saying so).
  func plan(_ request: Request, scenario name: String) async throws -> Response {
    let form = try query(request)
    let language = language(form)
    let loaded = try loaded(name)
    guard loaded.base.isPlan else { throw PageError(.notFound, [language.pageWords.noPlan], scenario: name) }
    let plan = try await solved { try await workbench.solvePlan(loaded) }
    let provenance = ReportProvenance(dekomVersion: DekomVersion.current, solverName: plan.expandedResult.solverName)
    let page = try pages(language, plan: true).plan(
      PlanMarkdown(plan, language: language, provenance: provenance), scenario: name, otherLanguage: otherLanguage(request, language))
    return html(page)
  }

  /// The decision letters of the base allocation (a plan's first year), as `dekom run` writes
  /// them: their list, or one letter by its file name.
  func letters(_ request: Request, scenario name: String, letter: String?) async throws -> Response {
    let form = try query(request)
    let language = language(form)
    let loaded = try loaded(name)
    let result = try await solved { try await workbench.solveBase(loaded) }
    let input = report(result, language)
    let documents = DecisionLetterDocuments(input)
    let letters = try documents.markdown()
    let pages = pages(language, plan: loaded.base.isPlan)
    guard let letter else {
      return html(try pages.letters(input, letters: letters, scenario: name, otherLanguage: otherLanguage(request, language)))
    }
    // The list's links percent-encode the file name; the router does not decode.
    let fileName = letter.removingPercentEncoding ?? letter
    guard let found = letters.first(where: { $0.fileName == fileName }) else { throw PageError(.notFound, [], scenario: name) }
    return html(
      try pages.letter(
        markdown: found.markdown, title: documents.title(of: found.letter), scenario: name, otherLanguage: otherLanguage(request, language)
      ))
  }

  func compare(_ request: Request, scenario name: String) async throws -> Response {
    let form = try query(request)
    let language = language(form)
    let loaded = try loaded(name)
    let asked = form.all("v")
    let chosen = asked.isEmpty ? loaded.variants.map(\.name) : loaded.variants.map(\.name).filter(asked.contains)
    guard asked.allSatisfy(chosen.contains) else { throw PageError(.notFound, asked.filter { !chosen.contains($0) }, scenario: name) }
    let baseResult = try await solved { try await workbench.solveBase(loaded) }
    let base = report(baseResult, language)
    var entries: [CompareMarkdown.Entry] = []
    for variant in loaded.variants where chosen.contains(variant.name) {
      do {
        let scenario = try workbench.run(loaded.folder).scenario(ofVariant: variant.name, variants: loaded.variants, base: loaded.base)
        let result = try await workbench.solveVariant(scenario, key: "variant:" + variant.name, loaded: loaded).result
        let input = report(result, language)
        let comparison = Comparison(
          base: baseResult, baseSettlement: base.settlement, variant: result, variantSettlement: input.settlement)
        entries.append(CompareMarkdown.Entry(variant: variant, outcome: .success((input, comparison))))
      } catch let failure as ScenarioRun.RunError {
        entries.append(
          CompareMarkdown.Entry(variant: variant, outcome: .failure(.init(CompareRun.reason(failure, language: language)))))
      } catch is Workbench.BusyError {
        throw PageError(.busy, [], scenario: name)
      }
    }
    let page = try pages(language, plan: loaded.base.isPlan).comparison(
      CompareMarkdown(base: base, entries: entries), scenario: name, variants: loaded.variants.map { ($0.name, $0.title) },
      chosen: chosen, otherLanguage: otherLanguage(request, language))
    return html(page)
  }

  func measure(_ request: Request, scenario name: String, measure: String) async throws -> Response {
    let form = try query(request)
    let language = language(form)
    let loaded = try loaded(name)
    // The page's links percent-encode the id (any letter may stand in one); the router does not decode.
    let id = MeasureID(measure.removingPercentEncoding ?? measure)
    guard loaded.base.measure(id) != nil else { throw PageError(.notFound, [], scenario: name) }
    let input: ReportInput
    let finding: WhatItTakes?
    var seconds: Double?
    if case .done(let explained, let explanation)? = workbench.knownExplanation(key: "base", reference: nil, loaded: loaded) {
      // Once the allocation page's explanations are computed, the measure's page gives the same
      // answer as its waiting list and section 6 (and the reasons the explained run adds), at once.
      input = report(explained, language, explanation: explanation)
      finding = explanation.whatItTakes.first { $0.measure == id }
    } else {
      let result = try await solved { try await workbench.solveBase(loaded) }
      let start = DispatchTime.now()
      finding = try await solved { try await workbench.whatItTakes(id, in: result) }
      seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
      input = report(result, language)
    }
    guard
      let page = try pages(language, plan: loaded.base.isPlan).measure(
        id, in: input, whatItTakes: finding, seconds: seconds, scenario: name, otherLanguage: otherLanguage(request, language))
    else { throw PageError(.notFound, [], scenario: name) }
    return html(page)
  }

  /// The name a what-if is checked under, and its save form's suggestion.
  static let whatIfName = "hva-om"

  func whatIf(_ request: Request, scenario name: String) async throws -> Response {
    let form = try query(request)
    return try await whatIfPage(request, form: form, scenario: name, saveProblems: [:])
  }

  /// The what-if page for `form`: the form alone, the form with its problems, or the answer.
  func whatIfPage(
    _ request: Request, form: FormData, scenario name: String, saveProblems: [String: [String]], status: HTTPResponse.Status = .ok
  ) async throws -> Response {
    let language = language(form)
    let loaded = try loaded(name)
    let whatIf = WhatIf(form: form, scenario: loaded.base)
    let baseResult = try await solved { try await workbench.solveBase(loaded) }
    let pages = pages(language, plan: loaded.base.isPlan)
    let base = report(baseResult, language)
    let saveName = form[WhatIfField.name] ?? Self.whatIfName
    let title = form[WhatIfField.title] ?? ""
    // Titled by what it changes when no title is given ("rekom: ramme × 0,9"), here and in the
    // save form's suggestion.
    let changes = whatIf.summary(in: loaded.base, words: language.pageWords)
    var state = WhatIfState(values: whatIf.values, saveProblems: saveProblems)
    var answer: WhatIfAnswer?
    if !whatIf.isEmpty {
      switch whatIf.check(name: Self.whatIfName, title: title.isEmpty ? changes : title, base: loaded.base, language: language) {
      case .invalid(let problems):
        state.fieldProblems = problems.fieldProblems
        state.problems = problems.problems
      case .valid(let variant, let scenario, let yaml):
        do {
          let (result, seconds) = try await workbench.solveVariant(scenario, key: "whatif:" + yaml, loaded: loaded)
          let input = report(result, language)
          let comparison = Comparison(
            base: baseResult, baseSettlement: base.settlement, variant: result, variantSettlement: input.settlement)
          let report = CompareMarkdown(
            base: base, entries: [CompareMarkdown.Entry(variant: variant, outcome: .success((input, comparison)))])
          if form["view"] == "json" {
            // The what-if's allocation.json, as `dekom run --variant` writes it (without the explanation sections).
            return Response(
              status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
              body: ResponseBody(byteBuffer: ByteBuffer(string: try AllocationJSON(input).render())))
          }
          if form["view"] == "allocation" {
            let page = try pages.allocation(input, base: base, scenario: name, otherLanguage: otherLanguage(request, language))
            return html(page)
          }
          let query = [("lang", language.rawValue)] + whatIf.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
          let address = pages.links.whatIfAction(name) + "?"
          answer = WhatIfAnswer(
            report: report, seconds: seconds, allocationLink: address + FormData.encode(query + [("view", "allocation")]),
            jsonLink: address + FormData.encode(query + [("view", "json")]))
        } catch let failure as ScenarioRun.RunError {
          state.problems.append(CompareRun.reason(failure, language: language))
        } catch is Workbench.BusyError {
          throw PageError(.busy, [], scenario: name)
        }
      }
    }
    let page = try pages.whatIf(
      base: base, scenario: name, state: state, answer: answer, saveName: saveName, saveTitle: title.isEmpty ? changes : title,
      otherLanguage: otherLanguage(request, language))
    return html(page, status: state.isValid ? status : .unprocessableContent)
  }

  func save(_ request: Request, scenario name: String) async throws -> Response {
    var request = request
    // A body that says it is too large is refused before a byte of it is read.
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.maximumBodyBytes {
      throw PageError(.tooLarge, [], scenario: name, limitKiB: Self.maximumBodyBytes / 1024)
    }
    let body: ByteBuffer
    do {
      body = try await request.collectBody(upTo: Self.maximumBodyBytes)
    } catch {
      throw PageError(.tooLarge, [], scenario: name, limitKiB: Self.maximumBodyBytes / 1024)
    }
    let form: FormData
    do {
      form = try FormData(urlEncoded: Substring(String(buffer: body)))
    } catch {
      throw PageError(.badRequest, [error.description], scenario: name)
    }
    let language = language(form)
    guard constantTimeEqual(form[WebPages.formTokenField] ?? "", formToken) else { throw PageError(.forbidden, [], scenario: name) }
    let pages = pages(language)
    let loaded = try loaded(name)
    let variantName = (form[WhatIfField.name] ?? "").trimmingCharacters(in: .whitespaces)
    let title = (form[WhatIfField.title] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    if case .invalidName(let text)? = VariantSaver.check(name: variantName) {
      return try await whatIfPage(
        request, form: form, scenario: name, saveProblems: [WhatIfField.name: [text.message(in: language)]], status: .unprocessableContent)
    }
    let whatIf = WhatIf(form: form, scenario: loaded.base)
    guard !whatIf.isEmpty,
      case .valid(_, _, let yaml) = whatIf.check(
        name: variantName, title: title.isEmpty ? variantName : title, base: loaded.base, language: language)
    else {
      return try await whatIfPage(request, form: form, scenario: name, saveProblems: [:], status: .unprocessableContent)
    }
    do {
      try VariantSaver(scenarioFolder: loaded.folder, library: library).save(
        name: variantName, contents: yaml, overwrite: form[WhatIfField.overwrite] == "1")
    } catch .exists {
      return try await whatIfPage(
        request, form: form, scenario: name, saveProblems: [WhatIfField.name: [pages.variantExists(variantName)]], status: .conflict)
    } catch .invalidName(let text) {
      return try await whatIfPage(
        request, form: form, scenario: name, saveProblems: [WhatIfField.name: [text.message(in: language)]], status: .unprocessableContent)
    } catch .cannotWrite(let failure) {
      throw PageError(.cannotWrite, [pages.cannotSave(failure)], scenario: name)
    }
    // After a POST, the browser goes to the saved variant's page (a reload does not save again).
    var response = Response(status: .seeOther)
    response.headers[.location] = pages.links.variant(name, variantName) + "&saved=1"
    return response
  }

  /// Runs a solve, turning its failures into problem pages.
  func solved<T>(_ work: () async throws -> T) async throws -> T {
    do {
      return try await work()
    } catch let failure as ScenarioRun.RunError {
      throw PageError(failure: failure, scenario: nil)
    } catch is Workbench.BusyError {
      throw PageError(.busy, [])
    }
  }
}

/// A request that ends with a problem page: what kind, and the lines that say why.
struct PageError: Error {
  enum Kind {
    case notFound, badRequest, tooLarge, busy, noAllocation, invalidScenario, cannotWrite, internalError, forbidden, misdirected

    var status: HTTPResponse.Status {
      switch self {
      case .notFound: .notFound
      case .badRequest: .badRequest
      case .tooLarge: .contentTooLarge
      case .busy: .serviceUnavailable
      case .noAllocation, .invalidScenario: .unprocessableContent
      case .cannotWrite, .internalError: .internalServerError
      case .forbidden: .forbidden
      case .misdirected: .misdirectedRequest
      }
    }

    var page: WebPages.ProblemKind {
      switch self {
      case .notFound: .notFound
      case .badRequest: .badRequest
      case .tooLarge: .tooLarge
      case .busy: .busy
      case .noAllocation, .internalError, .cannotWrite: .noAllocation
      case .invalidScenario: .invalidScenario
      case .forbidden: .forbidden
      case .misdirected: .misdirected
      }
    }
  }

  var kind: Kind
  var lines: [String]
  var scenario: String?
  /// The failure the lines come from, worded in the page's language when the page is made.
  var failure: ScenarioRun.RunError?
  /// A request body over this many KiB was not read (worded in the page's language).
  var limitKiB: Int?

  init(_ kind: Kind, _ lines: [String], scenario: String? = nil, limitKiB: Int? = nil) {
    self.kind = kind
    self.lines = lines
    self.scenario = scenario
    self.limitKiB = limitKiB
  }

  init(failure: ScenarioRun.RunError, scenario: String?) {
    switch failure {
    case .invalidInput: self.init(.invalidScenario, [], scenario: scenario)
    case .noAllocation: self.init(.noAllocation, [], scenario: scenario)
    case .cannotWrite(let message): self.init(.cannotWrite, [message], scenario: scenario)
    case .rendering, .verificationFailed: self.init(.internalError, [], scenario: scenario)
    }
    self.failure = failure
  }

  /// The lines in `language`.
  func lines(in language: Language) -> [String] {
    if let limitKiB { return lines + [language.pageWords.bodyLimit(kib: limitKiB)] }
    return switch failure {
    case .invalidInput(let error)?: error.shownLines(in: language)
    case let failure?: lines.isEmpty ? [CompareRun.reason(failure, language: language)] : lines
    case nil: lines
    }
  }
}

/// Turns every error of a page, and every address that names nothing, into an HTML page with the
/// right status, so a bad request is answered and the server goes on.
struct ProblemPages: RouterMiddleware {
  typealias Context = BasicRequestContext
  let server: WebServer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let problem as PageError {
      return page(request, problem)
    } catch let error as any HTTPResponseError {
      let kind: PageError.Kind =
        switch error.status {
        case .notFound, .methodNotAllowed: .notFound
        case .contentTooLarge: .tooLarge
        default: .badRequest
        }
      return page(request, PageError(kind, []))
    } catch {
      return page(request, PageError(.internalError, ["\(error)"]))
    }
  }

  private func page(_ request: Request, _ problem: PageError) -> Response {
    let language = (try? server.query(request)).map(server.language) ?? server.defaultLanguage
    let pages = server.pages(language)
    let text =
      (try? pages.problem(
        title: pages.problemTitle(problem.kind.page), lines: problem.lines(in: language), scenario: problem.scenario,
        otherLanguage: server.otherLanguage(request, language))) ?? pages.problemTitle(problem.kind.page)
    return server.html(text, status: problem.kind.status)
  }
}

/// Refuses what is not meant for this server, before any page is made:
/// - a `Host` that is not this server's loopback address and port (a web site whose name was made
///   to point at 127.0.0.1, "DNS rebinding"): 421;
/// - a request that changes something (POST) sent by another web site, as the browser tells in
///   `Origin` and `Sec-Fetch-Site`: 403. The form token (``WebServer/formToken``) is the rule
///   itself; these headers stop such a request before its body is read.
struct RequestGuard: RouterMiddleware {
  typealias Context = BasicRequestContext
  let server: WebServer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    guard let port = server.boundPort.value, Self.isOwnHost(request.head.authority, port: port) else {
      throw PageError(.misdirected, [])
    }
    if request.method != .get && request.method != .head {
      if let site = request.headers[Self.fetchSite], site != "same-origin", site != "none" { throw PageError(.forbidden, []) }
      if let origin = request.headers[.origin], !Self.ownOrigins(port: port).contains(origin.lowercased()) {
        throw PageError(.forbidden, [])
      }
    }
    return try await next(request, context)
  }

  /// Whether `authority` (the `Host` header) names this server: 127.0.0.1 or localhost, with its port.
  static func isOwnHost(_ authority: String?, port: Int) -> Bool {
    guard let authority = authority?.lowercased() else { return false }
    return ["127.0.0.1:\(port)", "localhost:\(port)"].contains(authority)
  }

  /// `Sec-Fetch-Site`, which browsers send to say which site a request came from.
  // swift-format-ignore: NeverForceUnwrap
  static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!  // a valid token: the initialiser cannot fail

  static func ownOrigins(port: Int) -> Set<String> { ["http://127.0.0.1:\(port)", "http://localhost:\(port)"] }
}

/// The port the server listens on, set once it is listening.
final class BoundPort: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Int?
  var value: Int? { lock.withLock { stored } }
  func set(_ port: Int) { lock.withLock { stored = port } }
}

/// Compares two secrets in time that does not depend on where they differ.
func constantTimeEqual(_ left: String, _ right: String) -> Bool {
  let left = Array(left.utf8)
  let right = Array(right.utf8)
  guard left.count == right.count else { return false }
  return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
}
