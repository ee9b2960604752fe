/// Every scenario-file issue in bokmål. Column names, keys and ids stay as the files write them
/// (they are names, not words); values quoted from the files stand in «».
enum BokmalIssues {
  private static func number(_ value: Double) -> String { Language.nb.number(value) }
  private static func whole(_ value: Int) -> String { Language.nb.number(Double(value)) }
  private static func quoted(_ text: String) -> String { "«\(text)»" }
  private static func list(_ items: [String]) -> String { items.joined(separator: ", ") }

  /// A unit after a number or range: "0–10 000 timer".
  static func unit(_ unit: IssueText.NumberUnit) -> String {
    switch unit {
    case .nok: "kr"
    case .nokPerHour: "kr per time"
    case .nokPerParticipant: "kr per deltaker"
    case .hours: "timer"
    case .fte: "årsverk"
    case .children: "barn"
    case .staff: "ansatte"
    case .participants: "deltakere"
    case .pupils: "elever"
    case .rank: "(plass på listen)"
    case .months: "måneder"
    case .year: "(årstall)"
    case .years: "år"
    case .factor: "(faktor)"
    case .relativeGap: "(relativt gap)"
    case .relativeTolerance: "(relativ toleranse)"
    case .seconds: "sekunder"
    }
  }

  /// What to write in an empty cell: "skriv inn antall timer".
  static func value(_ unit: IssueText.NumberUnit) -> String {
    switch unit {
    case .nok: "beløpet i kroner"
    case .nokPerHour: "timeprisen i kroner"
    case .nokPerParticipant: "prisen per deltaker i kroner"
    case .hours: "antall timer"
    case .fte: "antall årsverk"
    case .children: "antall barn"
    case .staff: "antall ansatte"
    case .participants: "antall deltakere"
    case .pupils: "antall elever"
    case .rank: "plassen på listen"
    case .months: "antall måneder"
    case .year: "årstallet"
    case .years: "antall år"
    case .factor: "faktoren"
    case .relativeGap: "det relative gapet"
    case .relativeTolerance: "den relative toleransen"
    case .seconds: "antall sekunder"
    }
  }

  static func institutions(_ institutions: IssueText.Institutions) -> String {
    switch institutions {
    case .schools: "skoler"
    case .kindergartens: "barnehager"
    case .schoolsOrKindergartens: "skoler eller barnehager"
    }
  }

  static func criterion(_ rule: IssueText.CriterionRule) -> String {
    switch rule {
    case .schoolBased: "school_based må være ja"
    case .collective: "collective må være ja"
    case .inLocalPlan: "in_local_plan må være ja"
    case .developmentPartner: "partners må nevne et universitet eller en høgskole (uh), eller Statped i Kompetanseløftet"
    case .broadTargetGroup: "broad_target_group må være ja i denne ordningen"
    case .notIndividualEducation: "individual_education må være nei"
    }
  }

  static func template(_ problem: IssueText.TemplateProblem) -> String {
    switch problem {
    case .sectionCloseName: "en del lukkes med et annet navn enn den ble åpnet med"
    case .unfinishedName: "et merke er ikke avsluttet med }}"
    case .expectedSectionEnd: "en del som åpnes med {{#navn}} eller {{^navn}}, lukkes aldri med {{/navn}}"
    case .invalidSetDelimiter: "et {{=…=}}-merke er feil skrevet"
    case .inheritance: "en arvet del ({{<…}}) er feil skrevet"
    case .configVariable: "et {{%…}}-merke er feil skrevet eller ukjent"
    case .other(let text): text
    }
  }

  // One switch over every case: the compiler checks that each has its text.
  static func words(_ issue: IssueText) -> IssueWords {
    switch issue {
    case .notFiniteNumber(let text):
      IssueWords("\(quoted(text)) er ikke et tall.", "skriv et endelig tall, for eksempel 1500 eller 0,5.")
    case .numberWithUnit(let text):
      IssueWords("\(quoted(text)) har en enhet i seg.", "skriv bare tallet (andeler som 0,3, ikke 30 %; beløp uten kr).")
    case .severalDecimalMarks(let text):
      IssueWords(
        "\(quoted(text)) har mer enn ett desimaltegn, eller et annet tusenskille enn mellomrom.",
        "skriv 1500000 eller 1 500 000 (mellomrom som tusenskille), med høyst ett desimalkomma.")
    case .notANumber(let text):
      IssueWords("\(quoted(text)) er ikke et tall.", "skriv et tall, for eksempel 1500 eller 0,5.")
    case .ambiguousPoint(let text, let thousands, let head, let tail):
      IssueWords(
        "\(quoted(text)) kan bety \(Language.nb.number(Double(thousands) ?? 0)) (punktum som tusenskille) eller \(head),\(tail) (punktum som desimaltegn).",
        "skriv \(thousands) eller \(head) \(tail) for \(Language.nb.number(Double(thousands) ?? 0)), eller \(head),\(tail) for desimaltallet."
      )
    case .notAWholeNumber(let text):
      IssueWords("\(quoted(text)) er ikke et heltall.", "skriv et heltall, for eksempel 3.")
    case .notAFraction(let text):
      IssueWords("\(quoted(text)) er ikke en brøk.", "skriv andelen som 0,5 eller som en brøk, for eksempel 1/3.")
    case .notYesNo(let text):
      IssueWords("\(quoted(text)) er verken ja eller nei.", "skriv ja eller nei (eller yes/no, 1/0, x/tom celle).")
    case .notAnID(let text):
      IssueWords(
        "\(quoted(text)) er ikke en gyldig id.", "bruk 1–64 bokstaver, sifre, - og _ uten mellomrom, for eksempel sv-lesing.")
    case .notADate(let text):
      IssueWords("\(quoted(text)) er ikke en dato.", "skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2027-06-30.")
    case .notACalendarDay(let text):
      IssueWords("\(quoted(text)) er ikke en dag som finnes i kalenderen.", "skriv en dato som finnes, som ÅÅÅÅ-MM-DD.")
    case .emptyPaymentSchedule:
      IssueWords("utbetalingsplanen er tom.", "skriv en dato, for eksempel 2027-06-30, eller la feltet stå tomt.")
    case .scheduleShareOutside(let text):
      IssueWords("\(quoted(text)) er ikke en andel over 0 og høyst 1.", "skriv andelen som 1/2 eller 0,5.")
    case .datesOutOfOrder(let earlier, let later):
      IssueWords(
        "datoene står ikke i rekkefølge, hver én gang (\(earlier), \(later)).", "før opp hver dato én gang, den tidligste først.")
    case .someDatesWithoutShare:
      IssueWords("bare noen av datoene har en andel.", "gi hver dato sin andel (dato:andel), eller ingen av dem.")
    case .sharesNotOne(let total):
      IssueWords("andelene blir til sammen \(number(total)), ikke 1.", "velg andeler som blir 1 til sammen, for eksempel 1/2 og 1/2.")
    case .outOfRange(let value, let low, let high, let unit):
      IssueWords(
        "\(value) er utenfor det tillatte området \(number(low))–\(number(high)) \(self.unit(unit)).",
        "skriv et tall fra \(number(low)) til \(number(high)) (\(self.unit(unit)))."
          .replacingOccurrences(of: "((", with: "(").replacingOccurrences(of: "))", with: ")"))
    case .wholeOutOfRange(let value, let low, let high, let unit):
      IssueWords(
        "\(value) er utenfor det tillatte området \(whole(low))–\(whole(high))\(unit.map { " " + self.unit($0) } ?? "").",
        "skriv et heltall i dette området.")
    case .lastYearPathOutside(let path):
      IssueWords(
        "\(path) er ikke en fil i scenariomappen (en sti av bokstaver, sifre, mellomrom, ., _, - og /, uten ..).",
        "kopier fjorårets allocation.json inn i scenariomappen og oppgi den derfra, for eksempel fjoraaret/allocation.json.")
    case .lastYearInOutputFolder(let path):
      IssueWords(
        "\(path) ligger i out/, som dekom run skriver.",
        "kopier fjorårets allocation.json til en egen mappe i scenariomappen, for eksempel fjoraaret/allocation.json.")
    case .lastYearMissing(let path):
      IssueWords("filen \(path) finnes ikke.", "kopier fjorårets allocation.json dit, eller fjern last_year_allocation.")
    case .lastYearNotAnAllocation(let detail):
      IssueWords(
        "dette er ikke en allocation.json slik dekom run skriver den (\(detail)).",
        "oppgi allocation.json fra fjorårets kjøring, uendret.")
    case .notALock(let value):
      IssueWords(
        "\(quoted(value)) er ikke en lås.",
        "skriv full (finansier fullt), none (ikke finansier), en andel, for eksempel 0.5 (finansier minst halvparten), eller som_i_fjor.")
    case .notAShare(let value):
      IssueWords("\(value) er ikke en andel mellom 0 og 1.", "skriv en andel, for eksempel 0,3 eller 1/3.")

    case .notAMapping:
      IssueWords("her skal det stå nøkler med verdier (nøkkel: verdi).", "se docs/scenario-format.md for nøklene.")
    case .unknownKey(let allowed):
      IssueWords("ukjent nøkkel.", "bruk en av disse: \(list(allowed)).")
    case .keyAppearsTwice:
      IssueWords("nøkkelen står to ganger.", "behold én av dem.")
    case .requiredKeyMissing(let key):
      IssueWords("en nøkkel som må være med, mangler.", "legg til `\(key):` (se docs/scenario-format.md).")
    case .notAList:
      IssueWords("her skal det stå en liste (linjer som begynner med -).", "skriv hvert element på en egen linje som begynner med «- ».")
    case .notASingleValue:
      IssueWords("her skal det stå én enkelt verdi.", "skriv en vanlig verdi etter kolonet.")
    case .emptyValue:
      IssueWords("verdien er tom.", "fyll den ut.")
    case .yamlNotUTF8:
      IssueWords("filen er ikke UTF-8-tekst.", "lagre den på nytt med tegnsettet UTF-8.")
    case .yamlAliases:
      IssueWords(
        "YAML-ankere og -aliaser (& og *) støttes ikke.",
        "skriv hver verdi helt ut; sett tekst som begynner med & eller *, i anførselstegn.")
    case .yamlInvalid:
      IssueWords("filen er ikke gyldig YAML.", "sjekk innrykkene (mellomrom, ikke tabulator) og kolonene.")
    case .yamlInvalidAt(let detail):
      IssueWords(
        "filen er ikke gyldig YAML: \(detail).", "sjekk innrykkene (mellomrom, ikke tabulator) og at hver nøkkel følges av et kolon.")
    case .yamlKeyTwice(let firstLine):
      IssueWords("nøkkelen står to ganger\(firstLine.map { " (første gang på linje \($0))" } ?? "").", "behold én av dem.")

    case .csvNotUTF8:
      IssueWords(
        "filen er ikke UTF-8-tekst (Excels «CSV» er ofte Windows-1252).",
        "lagre den på nytt i Excel som «CSV UTF-8 (kommadelt)», eller i LibreOffice med tegnsettet UTF-8.")
    case .csvNULBytes:
      IssueWords("filen inneholder NUL-byte; den er ikke en tekstfil.", "lagre den på nytt som CSV UTF-8.")
    case .csvEmpty:
      IssueWords("filen er tom.", "skriv en overskriftsrad med kolonnenavnene, deretter én rad per oppføring.")
    case .unclosedQuote:
      IssueWords(
        "et anførselstegn \" åpner cellen, men lukkes ikke på samme rad.",
        "sett inn det avsluttende anførselstegnet \" på slutten av cellen, eller fjern det første.")
    case .strayQuote:
      IssueWords(
        "et anførselstegn \" står inne i cellen.",
        "fjern det, eller sett hele cellen i anførselstegn og skriv anførselstegnet dobbelt (\"a \"\"b\"\" c\").")
    case .textAfterClosingQuote:
      IssueWords("det står tekst etter anførselstegnet \" som lukker cellen.", "sett hele cellen inne i anførselstegnene, eller fjern dem.")
    case .csvInvalid(let detail):
      IssueWords(
        "filen er ikke gyldig CSV (\(detail)); som regel er et anførselstegn \" ikke lukket.",
        "åpne den i et regneark, sjekk celler med anførselstegn, og lagre den på nytt som CSV.")
    case .oneColumnOnly:
      IssueWords(
        "bare én kolonne ble funnet; skilletegnet er trolig verken ; eller ,.", "lagre filen som CSV med ; eller , mellom cellene.")
    case .unnamedColumn(let position):
      IssueWords("kolonne \(position) har verdier, men intet navn i overskriftsraden.", "gi kolonnen et navn, eller slett den.")
    case .unknownColumn(let closest):
      IssueWords(
        "ukjent kolonne.", "gi den navnet til en av kolonnene i docs/scenario-format.md (mente du '\(closest)'?), eller slett den.")
    case .columnTwice:
      IssueWords("kolonnen står to ganger.", "slett eller gi nytt navn til én av dem.")
    case .requiredColumnMissing(let column):
      IssueWords("en kolonne som må være med, mangler.", "legg til en kolonne med navnet '\(column)'.")
    case .tooManyCells(let cells, let columns):
      IssueWords(
        "raden har flere celler (\(cells)) enn overskriftsraden har kolonner (\(columns)).",
        "fjern de overflødige cellene, eller sett en celle som inneholder skilletegnet, i anførselstegn.")
    case .linesNotRows(let lines, let rows):
      IssueWords(
        "filen har \(lines) linjer med data, men bare \(rows) rader kunne leses.",
        "åpne den i et regneark, sjekk celler med anførselstegn eller linjeskift, og lagre den på nytt som CSV.")
    case .emptyCell:
      IssueWords("cellen er tom.", "fyll den ut.")
    case .emptyCellNeeds(let unit):
      IssueWords("cellen er tom.", "skriv inn \(value(unit)).")
    case .emptyCellYesNo:
      IssueWords("cellen er tom.", "skriv ja eller nei.")
    case .notAllowedValue(let text, let allowed):
      IssueWords("\(quoted(text)) er ikke en av de tillatte verdiene.", "skriv en av disse: \(list(allowed)).")

    case .folderMissing:
      IssueWords(
        "scenariomappen finnes ikke.", "oppgi stien til en mappe med scenario.yaml, partners.csv, owners.csv og measures.csv.")
    case .fileMissing(let file):
      IssueWords("filen mangler.", "legg \(file) i scenariomappen (se docs/scenario-format.md).")
    case .isFolder:
      IssueWords("dette er en mappe, ikke en fil.", "legg selve filen her (flytt mappen med dette navnet et annet sted).")
    case .notOrdinaryFile:
      IssueWords(
        "dette er ikke en vanlig fil (det står et rør, en sokkel eller en enhet i stedet).",
        "erstatt den med selve filen, lagret fra regnearket eller redigeringsprogrammet.")
    case .brokenLink:
      IssueWords("dette er en lenke til en fil som ikke finnes.", "erstatt lenken med selve filen.")
    case .mayNotRead:
      IssueWords("dekom har ikke lov til å lese filen.", "sjekk filens tilganger (den må kunne leses).")
    case .cannotRead(let reason):
      IssueWords("filen kan ikke leses (\(reason)).", "sjekk disken, eller kopier filen på nytt.")
    case .linkOutsideServedFolder:
      IssueWords(
        "er en lenke til en fil utenfor mappen som vises, og den leser ikke dekom serve.", "kopier filen inn i scenariomappen.")

    case .idTwice(let id, let firstRow, let entity):
      IssueWords(
        "id-en \(id) brukes også på rad \(firstRow).",
        "gi hver\(entity == .measure ? "t tiltak" : entity == .partner ? " partner" : " skoleeier") sin egen id.")
    case .noMeasures:
      IssueWords("filen har ingen tiltak.", "legg til én rad per tiltak under overskriftsraden.")
    case .rankTwice(let rank, let holder, let scheme, let otherRow, let otherID):
      IssueWords(
        "plass \(rank) brukes to ganger på listen til \(holder) for \(scheme) (også rad \(otherRow), \(otherID)).",
        "gi hvert tiltak på en liste sin egen plass: 1, 2, 3 …")
    case .rankMissing(let rank, let holder, let scheme, let found):
      IssueWords(
        "plass \(rank) mangler på listen til \(holder) for \(scheme) (plassene som finnes: \(list(found.map(String.init)))).",
        "nummerer listen 1, 2, 3 … uten hull.")
    case .notANetwork(let text, let networks):
      IssueWords(
        "\(quoted(text)) er ikke et nettverk i scenario.yaml.", "skriv en av disse: \(list(networks)), eller felles for et felles tiltak.")
    case .ownerNetworkUnknown(let text, let networks):
      IssueWords(
        "\(quoted(text)) er ikke et nettverk i scenario.yaml.",
        "skriv en av disse: \(list(networks)), eller legg nettverket til i scenario.yaml.")
    case .notAScheme(let text, let schemes):
      IssueWords("\(quoted(text)) er ikke en ordning i scenario.yaml.", "skriv en av disse: \(list(schemes)).")
    case .participantsDisagree(let given, let total):
      IssueWords(
        "\(whole(given)) deltakere, men participants_by_owner blir til sammen \(whole(total)).",
        "få de to til å stemme, eller la participants stå tom (den blir da summen).")
    case .participantsTooMany(let total):
      IssueWords("deltakerne blir til sammen \(whole(total)), mer enn 1 000 000.", "sjekk antall deltakere.")
    case .costAndPrice:
      IssueWords("både cost_nok og price_per_participant_nok er fylt ut.", "behold én av dem.")
    case .noCost:
      IssueWords("ingen kostnad er oppgitt.", "skriv cost_nok, eller price_per_participant_nok sammen med participants.")
    case .priceNeedsParticipants:
      IssueWords(
        "en pris per deltaker trenger antall deltakere.", "skriv antall deltakere, eller hver eiers antall i participants_by_owner.")
    case .priceTimesParticipantsTooLarge(let product, let largest):
      IssueWords(
        "pris per deltaker × deltakere er \(number(product)) kr, mer enn den høyeste tillatte kostnaden (\(number(largest)) kr).",
        "sjekk prisen og antall deltakere.")
    case .partnerListedTwice(let text):
      IssueWords("\(text) står to ganger.", "før opp hver partner én gang.")
    case .notAPartner(let text, let partners):
      IssueWords("\(quoted(text)) er ikke en partner i partners.csv.", "skriv en av disse: \(list(partners)).")
    case .partnerKindNotAllowed(let partner, let kind, let schemeName, let kinds, let scheme):
      IssueWords(
        "\(partner) (\(kind)) kan ikke være partner i \(schemeName), som tar \(list(kinds)).",
        "velg en partner av en tillatt type, eller endre partner_kinds for \(scheme) i scenario.yaml.")
    case .minimumShareOutside(let text):
      IssueWords("\(text) er ikke over 0 og høyst 1.", "skriv en andel over 0 og høyst 1; 1 betyr alt eller ingenting.")
    case .ownerNotInNetwork(let owner, let ownerNetwork, let network):
      IssueWords(
        "\(owner) hører til nettverket \(ownerNetwork), ikke \(network).",
        "oppgi en eier i tiltakets nettverk, eller la cellen stå tom.")
    case .ownerNotServed(let owner, let runs, let schemeName):
      IssueWords(
        "\(owner) driver ingen \(institutions(runs)), og det er \(institutions(runs)) \(schemeName) er for.",
        "oppgi en eier som ordningen gjelder, eller rett eierens owns-kolonne i owners.csv.")
    case .notAnOwner(let text):
      IssueWords("\(quoted(text)) er ikke en eier i owners.csv.", "skriv en eier-id fra owners.csv, eller la cellen stå tom.")
    case .oneOwnerAndParticipantsByOwner:
      IssueWords(
        "tiltaket har én eier (kolonnen owner), så deltakerne er den eierens.", "la participants_by_owner eller owner stå tom.")
    case .recipientNotJoint:
      IssueWords(
        "bare et felles tiltak (felles) oppgir mottakeren sin; et nettverks tilskudd betales til nettverket (vertskommunen).",
        "la cellen stå tom, eller oppgi nettverkets vertskommune (host) i scenario.yaml.")
    case .recipientBothOwnerAndPartner(let text):
      IssueWords("\(text) er både en eier og en partner.", "gi eieren eller partneren en annen id.")
    case .recipientNotServed(let recipient, let runs, let schemeName):
      IssueWords(
        "\(recipient) driver ingen \(institutions(runs)), og det er \(institutions(runs)) \(schemeName) er for.",
        "oppgi en mottaker som ordningen gjelder, en partner, eller forum.")
    case .recipientUnknown(let text):
      IssueWords(
        "\(quoted(text)) er verken en eier i owners.csv eller en partner i partners.csv.",
        "skriv en eier-id, en partner-id eller forum (forumets eget budsjett).")
    case .broadTargetGroupRequired(let schemeName):
      IssueWords("\(schemeName) krever dette kriteriet, og cellen er tom.", "skriv ja eller nei.")
    case .continuingFailsCriteria(let rules):
      IssueWords(
        "en videreført forpliktelse oppfyller ikke kriteriene: \(rules.map(criterion).joined(separator: "; ")).",
        "rett kriteriene, eller avslutt forpliktelsen (continuing = nei).")
    case .byOwnerForJointMeasure:
      IssueWords("pengene til et felles tiltak går til mottakeren, ikke til eierne etter deltakere.", "la cellen stå tom.")
    case .byOwnerEntryWrong(let entry):
      IssueWords(
        "\(quoted(entry)) er ikke en eier med et helt antall deltakere (0 til 1 000 000).",
        "skriv eier:deltakere, for eksempel trondheim:40|malvik:12.")
    case .byOwnerListedTwice(let owner):
      IssueWords("\(owner) står to ganger.", "før opp hver eier én gang.")
    case .byOwnerNotAnOwner(let owner):
      IssueWords("\(quoted(owner)) er ikke en eier i owners.csv.", "skriv eier-id-er fra owners.csv.")
    case .byOwnerNotInNetwork(let owner, let ownerNetwork, let network):
      IssueWords("\(owner) hører til nettverket \(ownerNetwork), ikke \(network).", "før opp eiere i tiltakets nettverk.")
    case .byOwnerNotServed(let owner, let runs, let schemeName):
      IssueWords(
        "\(owner) driver ingen \(institutions(runs)), og det er \(institutions(runs)) \(schemeName) er for.",
        "før opp eiere som ordningen gjelder, eller rett eierens owns-kolonne i owners.csv.")
    case .byOwnerNoParticipant:
      IssueWords("ingen eier har deltakere.", "gi minst én eier en deltaker, eller la cellen stå tom.")
    case .partnerWithoutHours:
      IssueWords(
        "partneren har ingen timer i noen av rollene, så ingen tiltak kan bruke den.",
        "gi den pool- eller partner 2-timer, eller fjern den her og fra tiltakenes partners.")
    case .ownsUnclear(let text):
      IssueWords("\(quoted(text)) sier ikke hva eieren driver.", "skriv skoler, barnehager eller begge.")

    case .settingsEmpty:
      IssueWords("filen er tom.", "skriv nøklene year, county, schemes, networks og policy.")
    case .noSchemes:
      IssueWords("ingen ordninger er ført opp.", "før opp minst én ordning med rammen sin.")
    case .frameZero:
      IssueWords(
        "rammen er 0 kr, så ingenting i denne ordningen kan få midler.",
        "skriv ordningens ramme, eller fjern ordningen og tiltakene i den hvis den ikke har penger i år.")
    case .noPartnerKinds:
      IssueWords("ingen partnertyper er ført opp.", "før opp minst én av uh, statped, senter.")
    case .notAPartnerKind(let text):
      IssueWords("\(quoted(text)) er ikke en partnertype.", "skriv uh, statped eller senter.")
    case .schemeIDTwice(let id):
      IssueWords("ordnings-id-en \(id) brukes to ganger.", "gi hver ordning sin egen id.")
    case .servesUnclear:
      IssueWords("ordningen sier ikke hvilke eiere den gjelder.", "skriv skoler, barnehager eller begge.")
    case .notASizeMeasure(let text, let measures):
      IssueWords("\(quoted(text)) er ikke et størrelsesmål.", "skriv en av disse: \(list(measures)) (kolonnene i owners.csv).")
    case .noNetworks:
      IssueWords("ingen nettverk er ført opp.", "før opp fylkets kompetansenettverk.")
    case .jointIDReserved(let joint):
      IssueWords("\(quoted(joint)) er satt av til felles tiltak.", "velg en annen id for nettverket.")
    case .networkIDTwice(let id):
      IssueWords("nettverks-id-en \(id) brukes to ganger.", "gi hvert nettverk sin egen id.")
    case .notAKeyUse(let word):
      IssueWords(
        "\(quoted(word)) er ikke noe et nettverks fordelingsnøkkel kan fordele.", "skriv [egenandel], [grant] eller [grant, egenandel].")
    case .pupilsAndSize:
      IssueWords("både pupils og size er oppgitt.", "behold én av dem (size er det nye navnet på den samme delen).")
    case .sizeMissing:
      IssueWords("en nøkkel som må være med, mangler.", "legg til `size:` (delen som fordeles etter størrelse).")
    case .keyPartsNotOne(let equal, let sizeName, let size):
      IssueWords(
        "equal (\(number(equal))) og \(sizeName) (\(number(size))) blir til sammen \(number(equal + size)), ikke 1.",
        "velg deler som blir 1 til sammen, for eksempel equal: 1/3 og \(sizeName): 2/3.")
    case .decayMissing:
      IssueWords("vektingen decay trenger en avtakingsfaktor.", "legg til `decay: 0.5` (et tall mellom 0 og 1).")
    case .decayOutside:
      IssueWords("avtakingsfaktoren må være større enn 0 og mindre enn 1.", "skriv for eksempel 0,5.")
    case .notAWeighting(let text):
      IssueWords("\(quoted(text)) er ikke en vekting.", "skriv strict_tiers eller decay.")
    case .notAValueRule(let text):
      IssueWords("\(quoted(text)) er ikke en verdiregel.", "skriv count eller cost.")
    case .notAForecastRule(let text):
      IssueWords(
        "\(quoted(text)) er ikke en regel for prognoser.",
        "skriv conditional (årets tiltak fordeles først) eller binding (hvert års prognose binder).")
    case .networkWithoutOwners(let network):
      IssueWords(
        "nettverket \(network) har ingen skoleeiere i owners.csv.",
        "legg eierne som er med i nettverket, inn i owners.csv, eller fjern nettverket.")
    case .hostNotMember(let host, let network, let members):
      IssueWords(
        "vertskommunen \(host) for nettverket \(network) er ikke en av eierne i nettverket i owners.csv.",
        "skriv id-en til eieren som tar imot nettverkets penger (vertskommunen): \(list(members)).")
    case .noOwnerRuns(let network, let scheme, let runs, let schemeName):
      IssueWords(
        "nettverket \(network) har tiltak i \(scheme), men ingen av eierne driver \(institutions(runs)), og det er \(institutions(runs)) \(schemeName) er for.",
        "skriv i owns-kolonnen i owners.csv hva eierne i nettverket driver (skoler, barnehager, begge), eller flytt tiltakene.")
    case .horizonSpan(let first, let last):
      IssueWords(
        "planperioden må slutte etter scenarioets år \(first) og vare høyst 10 år; den slutter i \(last).",
        "skriv et år fra \(first + 1) til \(first + 9), eller fjern `horizon:` for å planlegge ett år.")
    case .notALaterHorizonYear(let year, let first, let last):
      IssueWords(
        "\(year) er ikke et senere år i planperioden \(first)–\(last).",
        "oppgi rammer for \(list(((first + 1)...max(first + 1, last)).map(String.init))); rammene for det første året står under schemes.")
    case .framesTwice(let year):
      IssueWords("rammene for \(year) står to ganger.", "behold én oppføring per år.")
    case .framesMissing(let year, let schemes):
      IssueWords(
        "rammene for \(year) mangler.", "legg til `- {year: \(year), \(schemes.map { "\($0): …" }.joined(separator: ", "))}`.")

    case .templateNotUTF8:
      IssueWords(
        "malen er ikke lagret som UTF-8-tekst.",
        "lagre filen som UTF-8 (ren tekst) i redigeringsprogrammet, eller slett den for å bruke standardmalen.")
    case .templateUnreadable(let problem, let column, let line, let file):
      IssueWords(
        "malen kan ikke leses: \(template(problem)) (tegn \(column) i linjen «\(line)»).",
        "rett merket på denne linjen ({{navn}}, {{#del}} … {{/del}} med samme navn), "
          + "eller slett \(file) for å bruke standardmalen (docs/vedtak.md viser den og feltene den kan bruke).")
    case .templateError(let detail, let file):
      IssueWords("malen kan ikke leses: \(detail).", "rett malen, eller slett \(file) for å bruke standardmalen (se docs/vedtak.md).")

    case .plannedWithoutHorizon(let measure):
      IssueWords(
        "\(measure) er planlagt over flere år, men scenario.yaml har ingen planperiode (horizon).",
        "legg til en `horizon:`-del i scenario.yaml (se docs/scenario-format.md), eller tøm first_year, years og may_stop.")
    case .yearFileWithoutHorizon(let file):
      IssueWords(
        "filen gir verdier for senere år, men scenario.yaml har ingen planperiode (horizon).",
        "legg til en `horizon:`-del i scenario.yaml, eller fjern \(file).")
    case .partnerYearNotLater(let year, let first, let last):
      IssueWords(
        "\(year) er ikke et senere år i planperioden \(first)–\(last).",
        "oppgi et år fra \(first + 1) til \(last); timene for det første året står i partners.csv.")
    case .partnerHoursTwice(let partner, let year):
      IssueWords("timene til \(partner) i \(year) står to ganger.", "behold én rad per partner og år.")
    case .firstYearNotInHorizon(let year, let first, let last):
      IssueWords(
        "\(year) er ikke et år i planperioden \(first)–\(last).",
        "skriv et år fra \(first) til \(last), eller la cellen stå tom for \(first).")
    case .measureBeyondHorizon(let first, let last, let horizonLast):
      IssueWords(
        "tiltaket varer \(first)–\(last), lenger enn planperiodens siste år \(horizonLast).",
        "skriv years = \(horizonLast - first + 1) eller færre, eller forleng horizon.last_year i scenario.yaml.")
    case .continuingStartsLater(let first):
      IssueWords(
        "en videreført forpliktelse gjelder fra planens første år, \(first).",
        "la first_year stå tom, eller sett continuing = nei for et tiltak som starter senere.")
    case .notAMeasure(let text):
      IssueWords("\(quoted(text)) er ikke et tiltak i measures.csv.", "skriv en tiltaks-id fra measures.csv.")
    case .yearAndSchoolYear:
      IssueWords("både year og school_year er fylt ut.", "oppgi et kalenderår eller et skoleår, ikke begge.")
    case .neitherYearNorSchoolYear:
      IssueWords("verken year eller school_year er fylt ut.", "skriv et kalenderår (2028) eller et skoleår (2028/29).")
    case .firstYearRow(let year, let measure):
      IssueWords(
        "\(year) er det første året for \(measure); beløpene for det står i measures.csv.",
        "endre cost_nok og timene i measures.csv, og før bare opp senere år her.")
    case .yearOutsideMeasure(let measure, let first, let last, let year, let row):
      IssueWords(
        "\(measure) varer \(first)–\(last), ikke i \(year).",
        "sett years i measures.csv (rad \(row.map(String.init) ?? "?")) slik at tiltaket dekker \(year).")
    case .measureYearTwice(let year, let measure):
      IssueWords("\(year) for \(measure) står to ganger.", "behold én rad per tiltak og år.")
    case .notASchoolYear(let text):
      IssueWords("\(quoted(text)) er ikke et skoleår.", "skriv det som 2027/28 (august 2027 til juni 2028).")
    case .schoolYearNeedsCost:
      IssueWords("en rad for et skoleår trenger kostnaden sin.", "skriv skoleårets kostnad i kroner.")
    case .schoolYearTwice(let measure):
      IssueWords("dette skoleåret for \(measure) står to ganger.", "behold én rad per skoleår.")
    case .mixedYearKinds(let measure):
      IssueWords("\(measure) har rader både per kalenderår og per skoleår.", "oppgi alle radene per skoleår, eller alle per kalenderår.")
    case .schoolYearGap(let measure, let before):
      IssueWords(
        "skoleårene for \(measure) har et hull før \(before).",
        "før opp skoleår som følger etter hverandre (et tiltak som tar et års pause, er to tiltak).")
    case .schoolYearsBeyondHorizon(let measure, let first, let last, let horizonFirst, let horizonLast):
      IssueWords(
        "skoleårene for \(measure) utbetales \(first)–\(last), utenfor planperioden \(horizonFirst)–\(horizonLast).",
        "forleng horizon.last_year, eller før bare opp skoleårene som utbetales innenfor planperioden.")
    case .schoolYearsOtherYears(let measure, let first, let last, let years):
      IssueWords(
        "skoleårene for \(measure) utbetales \(first)–\(last), men measures.csv oppgir andre år (first_year, years).",
        "skriv first_year = \(first) og years = \(years) i measures.csv, eller la dem stå tomme.")
    case .schoolYearsFirstAmounts(let measure, let cost, let year, let given, let hours):
      IssueWords(
        "skoleårene for \(measure) gir \(number(cost)) kr i \(year), men measures.csv oppgir \(number(given)) kr (eller andre timer); measures.csv gjelder det første kalenderåret.",
        "skriv cost_nok = \(number(cost)), \(hours.map { "\($0.column) = \(number($0.value))" }.joined(separator: ", ")) i measures.csv.")

    case .variantFileGone:
      IssueWords("filen er borte.", "sjekk mappen variants.")
    case .variantNameInvalid:
      IssueWords("filnavnet er ikke et gyldig variantnavn.", "gi den et navn med bokstaver, sifre, - og _, for eksempel rekom-kutt.yaml.")
    case .variantNameNotValid(let name):
      IssueWords(
        "\(quoted(name)) er ikke et gyldig variantnavn.", "bruk 1–64 bokstaver a–z, sifre, - og _ uten mellomrom, for eksempel rekom-kutt.")
    case .variantNameReserved(let name):
      IssueWords(
        "\(quoted(name)) er et navn Windows holder av til en enhet; filen kunne ikke åpnes der.",
        "velg et annet navn, for eksempel \(name.lowercased())-variant.")
    case .variantEmpty:
      IssueWords("filen er tom.", "skriv minst en tittel og én endring.")
    case .notAYear(let text):
      IssueWords("\(quoted(text)) er ikke et år.", "skriv et senere år i scenarioets planperiode, for eksempel 2028.")
    case .noFrameChange:
      IssueWords("ingen endring er oppgitt.", "skriv frame_nok: NY_RAMME eller factor: 0.9.")
    case .expectedIDs(let path):
      IssueWords("her skal det stå id-er, hver med sine endringer.", "skriv `\(path):` og deretter én id per linje med endringene.")
    case .notAnIDKey(let text):
      IssueWords("\(quoted(text)) er ikke en id.", "bruk en id fra scenarioets filer.")
    case .noVariant(let name, let variants):
      IssueWords("det finnes ingen variant \(name).", "bruk en av disse: \(list(variants)).")
    case .basedOnUnknown(let name, let variants):
      IssueWords("based_on nevner \(name), som ikke er en variant.", "bruk en av disse: \(list(variants)).")
    case .variantCircle(let chain):
      IssueWords(
        "variantene bygger på hverandre i ring: \(chain.joined(separator: " → ")).",
        "la en av dem bygge på grunnscenarioet (fjern based_on i den).")
    case .changeNotAScheme(let section, let id, let schemes):
      IssueWords("\(section): \(id) er ikke en ordning i scenarioet.", "bruk en av disse: \(list(schemes)).")
    case .changeFrameOutside(let section, let id, let frame, let zeroAllowed):
      IssueWords(
        "\(section): \(id) ville få en ramme på \(number(frame)) kr.",
        zeroAllowed ? "gi en ramme på 0 kr eller mer." : "gi en ramme over 0 kr.")
    case .changeNotAPartner(let section, let id, let partners):
      IssueWords("\(section): \(id) er ikke en partner i scenarioet.", "bruk en av disse: \(list(partners)).")
    case .changeHoursNegative(let section, let id, let hours, let role):
      IssueWords("\(section): \(id) ville få \(number(hours)) \(role)-timer.", "gi 0 timer eller mer.")
    case .changeNotAMeasure(let id):
      IssueWords("measures: \(id) er ikke et tiltak i scenarioet.", "bruk en id fra measures.csv.")
    case .changeShareOutside(let id, let share):
      IssueWords("measures: min_share \(number(share)) for \(id) er ikke over 0 og høyst 1.", "skriv en andel over 0 og høyst 1.")
    case .changeLockIneligible(let id):
      IssueWords(
        "measures: \(id) er låst til å bli finansiert, men oppfyller ikke et kriterium og kan ikke finansieres.",
        "fjern låsen, lås tiltaket med none, eller endre kriteriene.")
    case .changeLockBelowSmallestShare(let id, let share, let smallest):
      if smallest >= 1 {
        IssueWords(
          "measures: \(id) er alt eller ingenting (min_share 1) og kan ikke låses til en andel på \(number(share)).",
          "lås det med full eller none.")
      } else {
        IssueWords(
          "measures: \(id) er låst til en andel på \(number(share)), under den minste forsvarlige andelen \(number(smallest)).",
          "lås det til \(number(smallest)) eller mer, eller med full eller none.")
      }
    case .changeLockNoLastYear(let id, let file):
      if let file {
        IssueWords("measures: \(id) er ikke med i fjorårets fordeling (\(file)).", "lås det med full, none eller en andel i stedet.")
      } else {
        IssueWords(
          "measures: \(id) er låst som i fjor, men scenarioet oppgir ingen fjorårsfordeling.",
          "oppgi fjorårets allocation.json i scenario.yaml (last_year_allocation), eller lås det med full, none eller en andel.")
      }
    case .changeContinuingFails(let id):
      IssueWords(
        "measures: \(id) er en videreført forpliktelse som ikke ville oppfylle et kriterium.",
        "endre kriteriene, eller avslutt forpliktelsen (continuing: nei).")
    case .changeNotALaterYear(let year, let later):
      IssueWords(
        "years: \(year) er ikke et senere år i scenarioets plan.",
        later.isEmpty
          ? "fjern `years:`; scenarioet planlegger ett år (endringene hører hjemme under frames og partners)."
          : "bruk en av disse: \(list(later.map(String.init))).")
    case .changeRankOutside(let id, let rank, let count):
      IssueWords(
        "measures: \(id) kan ikke flyttes til plass \(rank); listen har \(count) tiltak.", "oppgi en plass fra 1 til \(count).")

    case .unusualHourlyPrice(let partner, let price, let role, let low, let high):
      IssueWords(
        "\(partner) koster \(number(price)) kr per \(role)-time, utenfor det vanlige området \(number(low))–\(number(high)) kr.",
        "sjekk prisen (1 050, eller 1.050 i en fil med desimalkomma, er ett tusen og femti kroner).")
    case .sizeColumnUnused(let measure):
      IssueWords(
        "kolonnen leses, men ingen fordelingsnøkkel bruker den: ingen ordning har size_measure \(measure).",
        "sett size_measure: \(measure) for en ordning i scenario.yaml, eller ta kolonnen ut.")
    }
  }
}
