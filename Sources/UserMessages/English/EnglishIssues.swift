/// Every scenario-file issue in English.
enum EnglishIssues {
  private static func number(_ value: Double) -> String { Language.en.number(value) }
  private static func quoted(_ text: String) -> String { "\"\(text)\"" }
  private static func list(_ items: [String]) -> String { items.joined(separator: ", ") }

  static func unit(_ unit: IssueText.NumberUnit) -> String {
    switch unit {
    case .nok: "NOK"
    case .nokPerHour: "NOK per hour"
    case .nokPerParticipant: "NOK per participant"
    case .hours: "hours"
    case .fte: "FTE"
    case .children: "children"
    case .staff: "staff"
    case .participants: "participants"
    case .pupils: "pupils"
    case .rank: "rank"
    case .months: "months"
    case .year: "year"
    case .years: "years"
    case .factor: "factor"
    case .relativeGap: "relative gap"
    case .relativeTolerance: "relative tolerance"
    case .seconds: "seconds"
    }
  }

  static func institutions(_ institutions: IssueText.Institutions) -> String {
    switch institutions {
    case .schools: "schools"
    case .kindergartens: "kindergartens"
    case .schoolsOrKindergartens: "schools or kindergartens"
    }
  }

  static func criterion(_ rule: IssueText.CriterionRule) -> String {
    switch rule {
    case .schoolBased: "school_based must be ja"
    case .collective: "collective must be ja"
    case .inLocalPlan: "in_local_plan must be ja"
    case .developmentPartner: "partners must name a university or university college (uh), or Statped in Kompetanseløftet"
    case .broadTargetGroup: "broad_target_group must be ja in this scheme"
    case .notIndividualEducation: "individual_education must be nei"
    }
  }

  static func template(_ problem: IssueText.TemplateProblem) -> String {
    switch problem {
    case .sectionCloseName: "a section is closed with another name than it was opened with"
    case .unfinishedName: "a tag is not ended with }}"
    case .expectedSectionEnd: "a section opened with {{#name}} or {{^name}} is never closed with {{/name}}"
    case .invalidSetDelimiter: "a {{=…=}} tag is written wrongly"
    case .inheritance: "an inherited section ({{<…}}) is written wrongly"
    case .configVariable: "a {{%…}} tag is written wrongly or unknown"
    case .other(let text): text
    }
  }

  // One switch over every case: the compiler checks that each has its text.
  // swiftlint:disable:next function_body_length cyclomatic_complexity
  static func words(_ issue: IssueText) -> IssueWords {
    switch issue {
    case .notFiniteNumber(let text):
      IssueWords("\(quoted(text)) is not a number.", "write a finite number, e.g. 1500 or 0,5.")
    case .numberWithUnit(let text):
      IssueWords("\(quoted(text)) has a unit in it.", "write the number alone (shares as 0,3, not 30 %; money without kr).")
    case .severalDecimalMarks(let text):
      IssueWords(
        "\(quoted(text)) has more than one decimal mark or a thousand separator other than a space.",
        "write 1500000 or 1 500 000 (spaces as thousand separators), with at most one decimal comma.")
    case .notANumber(let text):
      IssueWords("\(quoted(text)) is not a number.", "write a number, e.g. 1500 or 0,5.")
    case .ambiguousPoint(let text, let thousands, let head, let tail):
      IssueWords(
        "\(quoted(text)) could be \(thousands) (a thousand point) or \(head),\(tail) (a decimal point).",
        "write \(thousands) or \(head) \(tail) for \(thousands), or \(head),\(tail) for the decimal.")
    case .notAWholeNumber(let text):
      IssueWords("\(quoted(text)) is not a whole number.", "write a whole number, e.g. 3.")
    case .notAFraction(let text):
      IssueWords("\(quoted(text)) is not a fraction.", "write a share as 0,5 or as a fraction like 1/3.")
    case .notYesNo(let text):
      IssueWords("\(quoted(text)) is not yes or no.", "write ja or nei (or yes/no, 1/0, x/empty).")
    case .notAnID(let text):
      IssueWords("\(quoted(text)) is not a valid id.", "use 1–64 letters, digits, - and _ without spaces, e.g. sv-lesing.")
    case .notADate(let text):
      IssueWords("\(quoted(text)) is not a date.", "write the date as YYYY-MM-DD, e.g. 2027-06-30.")
    case .notACalendarDay(let text):
      IssueWords("\(quoted(text)) is not a day of the calendar.", "write a real date as YYYY-MM-DD.")
    case .emptyPaymentSchedule:
      IssueWords("the payment schedule is empty.", "write a date, e.g. 2027-06-30, or leave it out.")
    case .scheduleShareOutside(let text):
      IssueWords("\(quoted(text)) is not a share in (0, 1].", "write the share as 1/2 or 0,5.")
    case .datesOutOfOrder(let earlier, let later):
      IssueWords("the dates are not in order, each once (\(earlier), \(later)).", "list each date once, earliest first.")
    case .someDatesWithoutShare:
      IssueWords("only some dates have a share.", "give every date its share (date:share), or none.")
    case .sharesNotOne(let total):
      IssueWords("the shares add up to \(number(total)), not 1.", "choose shares that add up to 1, e.g. 1/2 and 1/2.")
    case .outOfRange(let value, let low, let high, let unit):
      IssueWords(
        "\(value) is outside the allowed range \(number(low))–\(number(high)) \(self.unit(unit)).",
        "write a number from \(number(low)) to \(number(high)) (\(self.unit(unit))).")
    case .wholeOutOfRange(let value, let low, let high, let unit):
      IssueWords(
        "\(value) is outside the allowed range \(low)–\(high)\(unit.map { " " + self.unit($0) } ?? "").",
        "write a whole number in that range.")
    case .lastYearPathOutside(let path):
      IssueWords(
        "\(path) is not a file inside the scenario folder (a path of letters, digits, spaces, ., _, - and /, without ..).",
        "copy last year's allocation.json into the scenario folder and name it from there, for example fjoraaret/allocation.json.")
    case .lastYearInOutputFolder(let path):
      IssueWords(
        "\(path) is in out/, which dekom run writes.",
        "copy last year's allocation.json to a folder of its own in the scenario folder, for example fjoraaret/allocation.json.")
    case .lastYearMissing(let path):
      IssueWords("the file \(path) is not there.", "copy last year's allocation.json there, or remove last_year_allocation.")
    case .lastYearNotAnAllocation(let detail):
      IssueWords(
        "this is not an allocation.json as dekom run writes it (\(detail)).",
        "name the allocation.json of last year's run, unchanged.")
    case .notALock(let value):
      IssueWords(
        "\(quoted(value)) is not a lock.",
        "write full (fund in full), none (do not fund), a share such as 0.5 (fund at least half) or last_year (as last year).")
    case .notAShare(let value):
      IssueWords("\(value) is not a share between 0 and 1.", "write a share such as 0,3 or 1/3.")

    case .notAMapping:
      IssueWords("expected a mapping of keys (key: value).", "see docs/scenario-format.md for the keys.")
    case .unknownKey(let allowed):
      IssueWords("unknown key.", "use one of: \(list(allowed)).")
    case .keyAppearsTwice:
      IssueWords("the key appears twice.", "keep one of them.")
    case .requiredKeyMissing(let key):
      IssueWords("required key is missing.", "add `\(key):` (see docs/scenario-format.md).")
    case .notAList:
      IssueWords("expected a list (lines starting with -).", "write each entry on its own line starting with '- '.")
    case .notASingleValue:
      IssueWords("expected a single value.", "write a plain value after the colon.")
    case .emptyValue:
      IssueWords("the value is empty.", "fill it in.")
    case .yamlNotUTF8:
      IssueWords("the file is not UTF-8 text.", "save it again with the character set UTF-8.")
    case .yamlAliases:
      IssueWords(
        "YAML anchors and aliases (& and *) are not supported.", "write each value out in full; quote text that starts with & or *.")
    case .yamlInvalid:
      IssueWords("the file is not valid YAML.", "check the indentation (spaces, not tabs) and the colons.")
    case .yamlInvalidAt(let detail):
      IssueWords(
        "the file is not valid YAML: \(detail).", "check the indentation (spaces, not tabs) and that every key is followed by a colon.")
    case .yamlKeyTwice(let firstLine):
      IssueWords("the key is given twice\(firstLine.map { " (first on line \($0))" } ?? "").", "keep one of them.")

    case .csvNotUTF8:
      IssueWords(
        "the file is not UTF-8 text (Excel's \"CSV\" is often Windows-1252).",
        "save it again in Excel as \"CSV UTF-8 (kommadelt)\", or in LibreOffice with character set UTF-8.")
    case .csvNULBytes:
      IssueWords("the file contains NUL bytes; it is not a text file.", "save it again as CSV UTF-8.")
    case .csvEmpty:
      IssueWords("the file is empty.", "write a header row with the column names, then one row per entry.")
    case .unclosedQuote:
      IssueWords(
        "a quote \" opens the cell but is not closed on the same row.",
        "add the closing quote \" at the end of the cell, or remove the opening one."
      )
    case .strayQuote:
      IssueWords("a quote \" stands inside the cell.", "remove it, or quote the whole cell and write the quote twice (\"a \"\"b\"\" c\").")
    case .textAfterClosingQuote:
      IssueWords("text follows the quote \" that closes the cell.", "put the whole cell inside the quotes, or remove them.")
    case .csvInvalid(let detail):
      IssueWords(
        "the file is not valid CSV (\(detail)); usually an unclosed quote \".",
        "open it in a spreadsheet, check cells with quotes, and save it again as CSV.")
    case .oneColumnOnly:
      IssueWords(
        "only one column was found; the separator is probably neither ; nor ,.", "save the file as CSV with ; or , between the cells.")
    case .unnamedColumn(let position):
      IssueWords("column \(position) has values but no name in the header.", "give the column a name or delete it.")
    case .unknownColumn(let closest):
      IssueWords("unknown column.", "rename it to one of the columns in docs/scenario-format.md (did you mean '\(closest)'?) or delete it.")
    case .columnTwice:
      IssueWords("the column appears twice.", "delete or rename one of them.")
    case .requiredColumnMissing(let column):
      IssueWords("required column is missing.", "add a column named '\(column)'.")
    case .tooManyCells(let cells, let columns):
      IssueWords(
        "the row has more cells (\(cells)) than the header has columns (\(columns)).",
        "remove the extra cells, or quote a cell that contains the separator.")
    case .linesNotRows(let lines, let rows):
      IssueWords(
        "the file has \(lines) lines of data but \(rows) rows could be read.",
        "open it in a spreadsheet, check cells with quotes or line breaks, and save it again as CSV.")
    case .emptyCell:
      IssueWords("the cell is empty.", "fill it in.")
    case .emptyCellNeeds(let unit):
      IssueWords("the cell is empty.", "write the \(self.unit(unit)).")
    case .emptyCellYesNo:
      IssueWords("the cell is empty.", "write ja or nei.")
    case .notAllowedValue(let text, let allowed):
      IssueWords("\(quoted(text)) is not one of the allowed values.", "write one of: \(list(allowed)).")

    case .folderMissing:
      IssueWords(
        "the scenario folder does not exist.", "give the path of a folder holding scenario.yaml, partners.csv, owners.csv and measures.csv."
      )
    case .fileMissing(let file):
      IssueWords("the file is missing.", "add \(file) to the scenario folder (see docs/scenario-format.md).")
    case .isFolder:
      IssueWords("this is a folder, not a file.", "put the file itself here (move the folder of that name away).")
    case .notOrdinaryFile:
      IssueWords(
        "this is not an ordinary file (a pipe, socket or device is in its place).",
        "replace it with the file itself, saved from the spreadsheet or editor.")
    case .brokenLink:
      IssueWords("this is a link to a file that does not exist.", "replace the link with the file itself.")
    case .mayNotRead:
      IssueWords("dekom may not read the file.", "check the file's permissions (it must be readable).")
    case .cannotRead(let reason):
      IssueWords("the file cannot be read (\(reason).", "check the disk, or copy the file again.")
    case .linkOutsideServedFolder:
      IssueWords(
        "is a link to a file outside the served folder, which dekom serve does not read.", "copy the file into the scenario folder.")

    case .idTwice(let id, let firstRow, let entity):
      IssueWords(
        "the id \(id) is also used on row \(firstRow).",
        "give every \(entity == .measure ? "measure" : entity == .partner ? "partner" : "school owner") its own id.")
    case .noMeasures:
      IssueWords("the file has no measures.", "add one row per measure under the header.")
    case .rankTwice(let rank, let holder, let scheme, let otherRow, let otherID):
      IssueWords(
        "rank \(rank) is used twice in the list of \(holder) for \(scheme) (also row \(otherRow), \(otherID)).",
        "give each measure on a list its own rank: 1, 2, 3 …")
    case .rankMissing(let rank, let holder, let scheme, let found):
      IssueWords(
        "rank \(rank) is missing in the list of \(holder) for \(scheme) (ranks found: \(list(found.map(String.init)))).",
        "number the list 1, 2, 3 … without gaps.")
    case .notANetwork(let text, let networks):
      IssueWords("\(quoted(text)) is not a network in scenario.yaml.", "write one of: \(list(networks)), or felles for a joint measure.")
    case .ownerNetworkUnknown(let text, let networks):
      IssueWords(
        "\(quoted(text)) is not a network in scenario.yaml.", "write one of: \(list(networks)), or add the network to scenario.yaml.")
    case .notAScheme(let text, let schemes):
      IssueWords("\(quoted(text)) is not a scheme in scenario.yaml.", "write one of: \(list(schemes)).")
    case .participantsDisagree(let given, let total):
      IssueWords(
        "\(given) participants, but participants_by_owner adds up to \(total).",
        "make the two agree, or leave participants empty (it is then the sum).")
    case .participantsTooMany(let total):
      IssueWords("the participants add up to \(total), more than 1 000 000.", "check the numbers of participants.")
    case .costAndPrice:
      IssueWords("both cost_nok and price_per_participant_nok are given.", "keep one of them.")
    case .noCost:
      IssueWords("no cost is given.", "write cost_nok, or price_per_participant_nok with participants.")
    case .priceNeedsParticipants:
      IssueWords(
        "a price per participant needs the number of participants.",
        "write the number of participants, or each owner's in participants_by_owner.")
    case .priceTimesParticipantsTooLarge(let product, let largest):
      IssueWords(
        "price per participant × participants is \(number(product)) NOK, more than the largest cost allowed (\(number(largest)) NOK).",
        "check the price and the number of participants.")
    case .partnerListedTwice(let text):
      IssueWords("\(text) is listed twice.", "list each partner once.")
    case .notAPartner(let text, let partners):
      IssueWords("\(quoted(text)) is not a partner in partners.csv.", "write one of: \(list(partners)).")
    case .partnerKindNotAllowed(let partner, let kind, let schemeName, let kinds, let scheme):
      IssueWords(
        "\(partner) (\(kind)) may not serve \(schemeName), which takes \(list(kinds)).",
        "choose a partner of an allowed kind, or change partner_kinds for \(scheme) in scenario.yaml.")
    case .minimumShareOutside(let text):
      IssueWords("\(text) is not in (0, 1].", "write a share above 0 and at most 1; 1 means all or nothing.")
    case .ownerNotInNetwork(let owner, let ownerNetwork, let network):
      IssueWords(
        "\(owner) belongs to network \(ownerNetwork), not \(network).", "name an owner in the measure's network, or leave the cell empty.")
    case .ownerNotServed(let owner, let runs, let schemeName):
      IssueWords(
        "\(owner) runs no \(institutions(runs)), which \(schemeName) is for.",
        "name an owner the scheme serves, or correct the owner's owns column in owners.csv.")
    case .notAnOwner(let text):
      IssueWords("\(quoted(text)) is not an owner in owners.csv.", "write an owner id from owners.csv, or leave the cell empty.")
    case .oneOwnerAndParticipantsByOwner:
      IssueWords(
        "the measure has one owner (the owner column), so its participants are that owner's.",
        "leave participants_by_owner or owner empty.")
    case .recipientNotJoint:
      IssueWords(
        "only a joint measure (felles) names its recipient; a network's grant is paid to the network (its host).",
        "leave the cell empty, or set the network's host in scenario.yaml.")
    case .recipientBothOwnerAndPartner(let text):
      IssueWords("\(text) is both an owner and a partner.", "give the owner or the partner another id.")
    case .recipientNotServed(let recipient, let runs, let schemeName):
      IssueWords(
        "\(recipient) runs no \(institutions(runs)), which \(schemeName) is for.",
        "name a recipient the scheme serves, a partner, or forum.")
    case .recipientUnknown(let text):
      IssueWords(
        "\(quoted(text)) is not an owner in owners.csv nor a partner in partners.csv.",
        "write an owner id, a partner id, or forum (the forum's own budget).")
    case .broadTargetGroupRequired(let schemeName):
      IssueWords("\(schemeName) requires this criterion, and the cell is empty.", "write ja or nei.")
    case .continuingFailsCriteria(let rules):
      IssueWords(
        "a continuing commitment fails the criteria: \(rules.map(criterion).joined(separator: "; ")).",
        "correct the criteria flags, or end the commitment (continuing = nei).")
    case .byOwnerForJointMeasure:
      IssueWords("a joint measure's money goes to its recipient, not to owners by participants.", "leave the cell empty.")
    case .byOwnerEntryWrong(let entry):
      IssueWords(
        "\(quoted(entry)) is not an owner and a whole number of participants (0 to 1 000 000).",
        "write owner:participants, e.g. trondheim:40|malvik:12.")
    case .byOwnerListedTwice(let owner):
      IssueWords("\(owner) is listed twice.", "list each owner once.")
    case .byOwnerNotAnOwner(let owner):
      IssueWords("\(quoted(owner)) is not an owner in owners.csv.", "write owner ids from owners.csv.")
    case .byOwnerNotInNetwork(let owner, let ownerNetwork, let network):
      IssueWords("\(owner) belongs to network \(ownerNetwork), not \(network).", "list owners in the measure's network.")
    case .byOwnerNotServed(let owner, let runs, let schemeName):
      IssueWords(
        "\(owner) runs no \(institutions(runs)), which \(schemeName) is for.",
        "list owners the scheme serves, or correct the owner's owns column in owners.csv.")
    case .byOwnerNoParticipant:
      IssueWords("no owner has a participant.", "give at least one owner a participant, or leave the cell empty.")
    case .partnerWithoutHours:
      IssueWords(
        "the partner has no hours in either role, so no measure can use it.",
        "give it pool or partner-2 hours, or remove it here and from the measures' partners.")
    case .ownsUnclear(let text):
      IssueWords("\(quoted(text)) does not say what the owner runs.", "write skoler, barnehager or begge (schools, kindergartens or both).")

    case .settingsEmpty:
      IssueWords("the file is empty.", "write the keys year, county, schemes, networks and policy.")
    case .noSchemes:
      IssueWords("no schemes are listed.", "list at least one scheme with its frame.")
    case .frameZero:
      IssueWords(
        "the frame is 0 NOK, so nothing in this scheme can be funded.",
        "write the scheme's frame, or remove the scheme and its measures if it has no money this year.")
    case .noPartnerKinds:
      IssueWords("no partner kinds are listed.", "list at least one of uh, statped, senter.")
    case .notAPartnerKind(let text):
      IssueWords("\(quoted(text)) is not a partner kind.", "write uh, statped or senter.")
    case .schemeIDTwice(let id):
      IssueWords("the scheme id \(id) is used twice.", "give every scheme its own id.")
    case .servesUnclear:
      IssueWords("the scheme does not say whose owners it serves.", "write skoler, barnehager or begge.")
    case .notASizeMeasure(let text, let measures):
      IssueWords("\(quoted(text)) is not a size measure.", "write one of: \(list(measures)) (owners.csv's columns).")
    case .noNetworks:
      IssueWords("no networks are listed.", "list the county's competence networks.")
    case .jointIDReserved(let joint):
      IssueWords("\(quoted(joint)) is reserved for joint measures.", "choose another id for the network.")
    case .networkIDTwice(let id):
      IssueWords("the network id \(id) is used twice.", "give every network its own id.")
    case .notAKeyUse(let word):
      IssueWords("\(quoted(word)) is not something a network's key can split.", "write [egenandel], [grant] or [grant, egenandel].")
    case .pupilsAndSize:
      IssueWords("both pupils and size are given.", "keep one of them (size is the newer name for the same part).")
    case .sizeMissing:
      IssueWords("required key is missing.", "add `size:` (the part split by size).")
    case .keyPartsNotOne(let equal, let sizeName, let size):
      IssueWords(
        "equal (\(number(equal))) and \(sizeName) (\(number(size))) add up to \(number(equal + size)), not 1.",
        "choose parts that add up to 1, e.g. equal: 1/3 and \(sizeName): 2/3.")
    case .decayMissing:
      IssueWords("weighting decay needs a decay factor.", "add `decay: 0.5` (a number between 0 and 1).")
    case .decayOutside:
      IssueWords("the decay factor must be strictly between 0 and 1.", "write e.g. 0.5.")
    case .notAWeighting(let text):
      IssueWords("\(quoted(text)) is not a weighting.", "write strict_tiers or decay.")
    case .notAValueRule(let text):
      IssueWords("\(quoted(text)) is not a value rule.", "write count or cost.")
    case .notAForecastRule(let text):
      IssueWords(
        "\(quoted(text)) is not a rule for forecasts.",
        "write conditional (this year is decided first) or binding (every year's forecast binds).")
    case .networkWithoutOwners(let network):
      IssueWords(
        "the network \(network) has no school owners in owners.csv.", "add its member owners to owners.csv, or remove the network.")
    case .hostNotMember(let host, let network, let members):
      IssueWords(
        "the host \(host) of network \(network) is not one of its owners in owners.csv.",
        "write the id of the member that receives the network's money (vertskommune): \(list(members)).")
    case .noOwnerRuns(let network, let scheme, let runs, let schemeName):
      IssueWords(
        "network \(network) has measures in \(scheme), but none of its owners runs \(institutions(runs)), which \(schemeName) is for.",
        "write in owners.csv's owns column what the network's owners run (skoler, barnehager, begge), or move the measures.")
    case .horizonSpan(let first, let last):
      IssueWords(
        "the horizon must end after the scenario's year \(first) and span at most 10 years; it ends in \(last).",
        "write a year from \(first + 1) to \(first + 9), or remove `horizon:` to plan one year.")
    case .notALaterHorizonYear(let year, let first, let last):
      IssueWords(
        "\(year) is not a later year of the horizon \(first)–\(last).",
        "give frames for \(list(((first + 1)...max(first + 1, last)).map(String.init))); the first year's frames are under schemes.")
    case .framesTwice(let year):
      IssueWords("the frames for \(year) are given twice.", "keep one entry per year.")
    case .framesMissing(let year, let schemes):
      IssueWords("the frames for \(year) are missing.", "add `- {year: \(year), \(schemes.map { "\($0): …" }.joined(separator: ", "))}`.")

    case .templateNotUTF8:
      IssueWords(
        "the template is not saved as UTF-8 text.",
        "save the file as UTF-8 (plain text) in the editor, or delete it to use the standard template.")
    case .templateUnreadable(let problem, let column, let line, let file):
      IssueWords(
        "the template cannot be read: \(template(problem)) (character \(column) of the line “\(line)”).",
        "correct the tag on this line ({{name}}, {{#section}} … {{/section}} with the same name), "
          + "or delete \(file) to use the standard template (docs/vedtak.md shows it and the fields it can use).")
    case .templateError(let detail, let file):
      IssueWords(
        "the template cannot be read: \(detail).",
        "correct the template, or delete \(file) to use the standard template (see docs/vedtak.md).")

    case .plannedWithoutHorizon(let measure):
      IssueWords(
        "\(measure) is planned over several years, but scenario.yaml has no horizon.",
        "add a `horizon:` section to scenario.yaml (see docs/scenario-format.md), or clear first_year, years and may_stop.")
    case .yearFileWithoutHorizon(let file):
      IssueWords(
        "the file gives values for later years, but scenario.yaml has no horizon.",
        "add a `horizon:` section to scenario.yaml, or remove \(file).")
    case .partnerYearNotLater(let year, let first, let last):
      IssueWords(
        "\(year) is not a later year of the horizon \(first)–\(last).",
        "give a year from \(first + 1) to \(last); the first year's hours are in partners.csv.")
    case .partnerHoursTwice(let partner, let year):
      IssueWords("the hours of \(partner) in \(year) are given twice.", "keep one row per partner and year.")
    case .firstYearNotInHorizon(let year, let first, let last):
      IssueWords(
        "\(year) is not a year of the horizon \(first)–\(last).", "write a year from \(first) to \(last), or leave it empty for \(first).")
    case .measureBeyondHorizon(let first, let last, let horizonLast):
      IssueWords(
        "the measure runs \(first)–\(last), beyond the horizon's last year \(horizonLast).",
        "write years = \(horizonLast - first + 1) or fewer, or extend horizon.last_year in scenario.yaml.")
    case .continuingStartsLater(let first):
      IssueWords(
        "a continuing commitment runs from the first year of the plan, \(first).",
        "leave first_year empty, or set continuing = nei for a measure that starts later.")
    case .notAMeasure(let text):
      IssueWords("\(quoted(text)) is not a measure in measures.csv.", "write a measure id from measures.csv.")
    case .yearAndSchoolYear:
      IssueWords("both year and school_year are given.", "give a calendar year or a school year, not both.")
    case .neitherYearNorSchoolYear:
      IssueWords("neither year nor school_year is given.", "write a calendar year (2028) or a school year (2028/29).")
    case .firstYearRow(let year, let measure):
      IssueWords(
        "\(year) is the first year of \(measure); its amounts are in measures.csv.",
        "change cost_nok and the hours in measures.csv, and list only later years here.")
    case .yearOutsideMeasure(let measure, let first, let last, let year, let row):
      IssueWords(
        "\(measure) runs \(first)–\(last), not in \(year).",
        "set years in measures.csv (row \(row.map(String.init) ?? "?")) so that it covers \(year).")
    case .measureYearTwice(let year, let measure):
      IssueWords("\(year) of \(measure) is given twice.", "keep one row per measure and year.")
    case .notASchoolYear(let text):
      IssueWords("\(quoted(text)) is not a school year.", "write it as 2027/28 (August 2027 to June 2028).")
    case .schoolYearNeedsCost:
      IssueWords("a school-year row needs its cost.", "write the school year's cost in NOK.")
    case .schoolYearTwice(let measure):
      IssueWords("this school year of \(measure) is given twice.", "keep one row per school year.")
    case .mixedYearKinds(let measure):
      IssueWords("\(measure) has rows by calendar year and by school year.", "give all its rows by school year, or all by calendar year.")
    case .schoolYearGap(let measure, let before):
      IssueWords(
        "the school years of \(measure) have a gap before \(before).",
        "list consecutive school years (a measure that pauses a year is two measures).")
    case .schoolYearsBeyondHorizon(let measure, let first, let last, let horizonFirst, let horizonLast):
      IssueWords(
        "\(measure)'s school years are paid \(first)–\(last), outside the horizon \(horizonFirst)–\(horizonLast).",
        "extend horizon.last_year, or list only the school years paid within the horizon.")
    case .schoolYearsOtherYears(let measure, let first, let last, let years):
      IssueWords(
        "\(measure)'s school years are paid \(first)–\(last), but measures.csv gives other years (first_year, years).",
        "write first_year = \(first) and years = \(years) in measures.csv, or leave them empty.")
    case .schoolYearsFirstAmounts(let measure, let cost, let year, let given, let hours):
      IssueWords(
        "\(measure)'s school years give \(number(cost)) NOK in \(year), but measures.csv gives \(number(given)) NOK (or other hours); measures.csv holds the first calendar year.",
        "write cost_nok = \(number(cost)), \(hours.map { "\($0.column) = \(number($0.value))" }.joined(separator: ", ")) in measures.csv.")

    case .variantFileGone:
      IssueWords("the file is gone.", "check the variants folder.")
    case .variantNameInvalid:
      IssueWords("the file name is not a valid variant name.", "name it with letters, digits, - and _, e.g. rekom-kutt.yaml.")
    case .variantNameNotValid(let name):
      IssueWords("\(quoted(name)) is not a valid variant name.", "use 1–64 letters a–z, digits, - and _ without spaces, e.g. rekom-kutt.")
    case .variantNameReserved(let name):
      IssueWords(
        "\(quoted(name)) is a name Windows keeps for a device; the file could not be opened there.",
        "choose another name, e.g. \(name.lowercased())-variant.")
    case .variantEmpty:
      IssueWords("the file is empty.", "write at least a title and one change.")
    case .notAYear(let text):
      IssueWords("\(quoted(text)) is not a year.", "write a later year of the scenario's horizon, e.g. 2028.")
    case .noFrameChange:
      IssueWords("no change is given.", "write frame_nok: NEW_FRAME or factor: 0.9.")
    case .expectedIDs(let path):
      IssueWords("expected ids, each with its changes.", "write `\(path):` then one id per line with its changes.")
    case .notAnIDKey(let text):
      IssueWords("\(quoted(text)) is not an id.", "use an id from the scenario's files.")
    case .noVariant(let name, let variants):
      IssueWords("there is no variant \(name).", "use one of: \(list(variants)).")
    case .basedOnUnknown(let name, let variants):
      IssueWords("based_on names \(name), which is not a variant.", "use one of: \(list(variants)).")
    case .variantCircle(let chain):
      IssueWords(
        "the variants are based on each other in a circle: \(chain.joined(separator: " → ")).",
        "let one of them be based on the base scenario (remove its based_on).")
    case .changeNotAScheme(let section, let id, let schemes):
      IssueWords("\(section): \(id) is not a scheme of the scenario.", "use one of: \(list(schemes)).")
    case .changeFrameOutside(let section, let id, let frame, let zeroAllowed):
      IssueWords(
        "\(section): \(id) would get a frame of \(frame) NOK.", zeroAllowed ? "give a frame of 0 or more." : "give a frame above 0.")
    case .changeNotAPartner(let section, let id, let partners):
      IssueWords("\(section): \(id) is not a partner of the scenario.", "use one of: \(list(partners)).")
    case .changeHoursNegative(let section, let id, let hours, let role):
      IssueWords("\(section): \(id) would get \(hours) \(role) hours.", "give 0 hours or more.")
    case .changeNotAMeasure(let id):
      IssueWords("measures: \(id) is not a measure of the scenario.", "use an id from measures.csv.")
    case .changeShareOutside(let id, let share):
      IssueWords("measures: \(id) min_share \(share) is not in (0, 1].", "write a share above 0 and at most 1.")
    case .changeLockIneligible(let id):
      IssueWords(
        "measures: \(id) is locked to be funded but fails a criterion, so it may not be funded.",
        "lift the lock, lock it with none, or change its criteria flags.")
    case .changeLockBelowSmallestShare(let id, let share, let smallest):
      if smallest >= 1 {
        IssueWords(
          "measures: \(id) is all or nothing (min_share 1) and cannot be locked at a share of \(share).",
          "lock it with full or none.")
      } else {
        IssueWords(
          "measures: \(id) is locked at a share of \(share), below its smallest viable share \(smallest).",
          "lock it at \(smallest) or more, or with full or none.")
      }
    case .changeLockNoLastYear(let id, let file):
      if let file {
        IssueWords("measures: \(id) is not in last year's allocation (\(file)).", "lock it with full, none or a share instead.")
      } else {
        IssueWords(
          "measures: \(id) is locked as last year, but the scenario names no last year's allocation.",
          "name last year's allocation.json in scenario.yaml (last_year_allocation), or lock it with full, none or a share.")
      }
    case .changeContinuingFails(let id):
      IssueWords(
        "measures: \(id) is a continuing commitment that would fail a criterion.",
        "change its criteria flags, or end the commitment (continuing: nei).")
    case .changeNotALaterYear(let year, let later):
      IssueWords(
        "years: \(year) is not a later year of the scenario's plan.",
        later.isEmpty
          ? "remove `years:`; the scenario plans one year (its changes go under frames and partners)."
          : "use one of: \(list(later.map(String.init))).")
    case .changeRankOutside(let id, let rank, let count):
      IssueWords("measures: \(id) cannot move to rank \(rank); its list has \(count) measures.", "give a rank from 1 to \(count).")

    case .unusualHourlyPrice(let partner, let price, let role, let low, let high):
      IssueWords(
        "\(partner) costs \(number(price)) NOK per \(role) hour, outside the usual \(number(low))–\(number(high)) NOK.",
        "check the price (1 050 or 1.050 in a file with decimal comma is one thousand and fifty kroner).")
    case .sizeColumnUnused(let measure):
      IssueWords(
        "the column is read but no key uses it: no scheme's size_measure is \(measure).",
        "set size_measure: \(measure) for a scheme in scenario.yaml, or leave the column out.")
    }
  }
}
