#!/usr/bin/env python3
"""Reads innstilling.xlsx back with openpyxl and checks it against allocation.json.

Every figure the secretariat works with must be the one the innstilling states: the frames and
where the money went per scheme, every payment and each scheme's payments in total, each owner's
(or network's) grant and egenandel, each partner's hours and money, and every measure's kroner.
Every sum must be a formula that computes, from the cells it refers to, the value stored with
it; every other cell with a name in it must be text.

    python3 Tests/Spreadsheet/check_workbook.py --xlsx OUT/innstilling.xlsx --json OUT/allocation.json \
        [--lang nb|en] [--hostile TEXT]

Exits 1 with every difference listed, 0 when all agree.
"""
import argparse
import datetime
import json
import re
import sys

import openpyxl

SHEETS = {
    "nb": ["Rammer", "Tiltak", "Utbetalinger", "Per mottaker", "Skoleeiere og egenandel", "Utviklingspartnere"],
    "en": ["Frames", "Measures", "Payments", "By recipient", "Owners and egenandel", "Development partners"],
}
TOTAL = {"nb": "Sum", "en": "Total"}
# The only formulas dekom writes: a column's sum over a range, or cells added and subtracted.
FORMULA = re.compile(r"^=(SUM\([A-Z]+[0-9]+:[A-Z]+[0-9]+\)|0|[A-Z]+[0-9]+([+-][A-Z]+[0-9]+)*)$")
REFERENCE = re.compile(r"([+-]?)([A-Z]+[0-9]+)")

problems = []


def expect(condition, what):
    if not condition:
        problems.append(what)
    return condition


def evaluate(formula, values):
    """The value `formula` computes from the stored values of the cells it refers to."""
    body = formula[1:]
    match = re.fullmatch(r"SUM\(([A-Z]+[0-9]+):([A-Z]+[0-9]+)\)", body)
    if match:
        return sum(cell.value or 0 for row in values[match.group(1) + ":" + match.group(2)] for cell in row)
    if body == "0":
        return 0
    total = 0
    for sign, reference in REFERENCE.findall(body):
        value = values[reference].value or 0
        total += -value if sign == "-" else value
    return total


def check_cells(formulas, values, lang, hostile):
    """Every formula is one of dekom's and computes its stored value; text stays text."""
    formula_count = 0
    hostile_found = False
    for sheet in formulas.worksheets:
        computed = values[sheet.title]
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formula_count += 1
                    text = str(cell.value)
                    if not expect(FORMULA.match(text), f"{sheet.title}!{cell.coordinate}: unexpected formula {text!r}"):
                        continue
                    stored = computed[cell.coordinate].value
                    result = evaluate(text, computed)
                    expect(
                        stored is not None and abs(result - stored) < 1e-6,
                        f"{sheet.title}!{cell.coordinate}: {text} gives {result}, the file stores {stored}",
                    )
                elif isinstance(cell.value, str) and hostile and cell.value.startswith(hostile):
                    hostile_found = True
                    expect(cell.data_type == "s", f"{sheet.title}!{cell.coordinate}: {cell.value!r} is not a text cell")
    expect(formula_count > 0, "no formulas at all")
    if hostile:
        expect(hostile_found, f"no text cell starts with {hostile!r}")


def rows_by_first_cell(sheet):
    return {row[0].value: row for row in sheet.iter_rows(min_row=2) if row[0].value is not None}


def total_row(sheet, lang, formulas_sheet):
    """The last row, which must be the total, with its sums as formulas."""
    last = sheet.max_row
    expect(sheet.cell(last, 1).value == TOTAL[lang], f"{sheet.title}: last row is {sheet.cell(last, 1).value!r}, not the total")
    for column in range(2, sheet.max_column + 1):
        if sheet.cell(last, column).value is not None:
            expect(
                formulas_sheet.cell(last, column).data_type == "f",
                f"{sheet.title}: the total in column {column} is not a formula",
            )
    return [sheet.cell(last, column).value for column in range(1, sheet.max_column + 1)]


def check_frames(sheet, formulas_sheet, data, lang):
    schemes = data["schemes"]
    for index, scheme in enumerate(schemes):
        row = [sheet.cell(index + 2, column).value for column in range(1, 8)]
        expected = [
            scheme["name"], scheme["frame_nok"], scheme["to_partners_nok"], scheme["to_networks_nok"],
            scheme["to_joint_measures_nok"], scheme["allocated_nok"], scheme["left_nok"],
        ]
        expect(row == expected, f"{sheet.title} row {index + 2}: {row} != allocation.json's {expected}")
        for column in (6, 7):
            expect(formulas_sheet.cell(index + 2, column).data_type == "f", f"{sheet.title}: row {index + 2} column {column} not a formula")
    totals = total_row(sheet, lang, formulas_sheet)
    keys = ["frame_nok", "to_partners_nok", "to_networks_nok", "to_joint_measures_nok", "allocated_nok", "left_nok"]
    expect(totals[1:7] == [sum(s[key] for s in schemes) for key in keys], f"{sheet.title}: totals {totals[1:7]}")


def check_measures(sheet, formulas_sheet, data, lang):
    rows = rows_by_first_cell(sheet)
    measures = data["measures"]
    expect(sheet.max_row == len(measures) + 2, f"{sheet.title}: {sheet.max_row - 2} measures, allocation.json has {len(measures)}")
    for measure in measures:
        row = rows.get(measure["id"])
        if not expect(row is not None, f"{sheet.title}: no row for {measure['id']}"):
            continue
        partner_money = sum(line["money_nok"] for line in measure["partners"])
        got = [row[8].value, row[9].value, row[10].value]
        want = [measure["grant_nok"], partner_money, measure["total_nok"]]
        expect(got == want, f"{sheet.title} {measure['id']}: grant, to partner, total {got} != {want}")
        expect(row[4].value == measure["title"], f"{sheet.title} {measure['id']}: title {row[4].value!r}")
        expect(isinstance(row[3].value, (int, float)), f"{sheet.title} {measure['id']}: the rank is not a number")
        expect(abs(row[7].value - measure["share"] * 100) < 1e-3, f"{sheet.title} {measure['id']}: share {row[7].value}")
    totals = total_row(sheet, lang, formulas_sheet)
    expect(totals[8] == sum(m["grant_nok"] for m in measures), f"{sheet.title}: grant total {totals[8]}")
    expect(totals[10] == sum(m["total_nok"] for m in measures), f"{sheet.title}: total {totals[10]}")


def check_payments(sheet, formulas_sheet, data, lang):
    payments = data["payments"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    lines = [row for row in rows if isinstance(row[4], datetime.datetime)]
    expect(len(lines) == len(payments), f"{sheet.title}: {len(lines)} payments, allocation.json has {len(payments)}")
    for line, payment in zip(lines, payments):
        want = [payment["recipient_name"], payment.get("recipient") or "forum", payment["date"], payment["amount_nok"]]
        got = [line[1], line[2], line[4].date().isoformat(), line[5]]
        expect(got == want, f"{sheet.title}: payment {got} != allocation.json's {want}")
    subtotals = [(index + 2, row[5]) for index, row in enumerate(rows) if row[4] is None and row[0] != TOTAL[lang]]
    allocated = [scheme["allocated_nok"] for scheme in data["schemes"] if scheme["allocated_nok"]]
    expect([value for _, value in subtotals] == allocated, f"{sheet.title}: subtotals {subtotals} != allocated per scheme {allocated}")
    for row_number, _ in subtotals:
        expect(formulas_sheet.cell(row_number, 6).data_type == "f", f"{sheet.title}: subtotal in row {row_number} is not a formula")
    totals = total_row(sheet, lang, formulas_sheet)
    expect(totals[5] == sum(p["amount_nok"] for p in payments), f"{sheet.title}: total {totals[5]}")


def check_recipients(sheet, formulas_sheet, data, lang):
    schemes = [scheme["id"] for scheme in data["schemes"]]
    owed = {}
    for payment in data["payments"]:
        key = payment.get("recipient") or "forum"
        owed.setdefault(key, [0] * len(schemes))[schemes.index(payment["scheme"])] += payment["amount_nok"]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row - 1)}
    expect(sorted(rows) == sorted(owed), f"{sheet.title}: recipients {sorted(rows)} != allocation.json's {sorted(owed)}")
    for key, amounts in owed.items():
        row = rows.get(key)
        if not expect(row is not None, f"{sheet.title}: no row for {key}"):
            continue
        got = [cell.value for cell in row[2 : 3 + len(schemes)]]
        expect(got == amounts + [sum(amounts)], f"{sheet.title} {key}: {got} != allocation.json's {amounts + [sum(amounts)]}")
        expect(formulas_sheet.cell(row[0].row, 3 + len(schemes)).data_type == "f", f"{sheet.title} {key}: total not a formula")
    totals = total_row(sheet, lang, formulas_sheet)
    want = [scheme["allocated_nok"] for scheme in data["schemes"]]
    expect(totals[2 : 3 + len(schemes)] == want + [sum(want)], f"{sheet.title}: totals {totals[2:]} != allocated {want}")


def check_owners(sheet, formulas_sheet, data, lang):
    rows = rows_by_first_cell(sheet)
    width = sheet.max_column
    payers = [o for o in data["owners"] if o["grant_nok"] or o["egenandel_nok"]]
    networks = [n for n in data["networks"] if n["grant_nok"] or n["egenandel_nok"]]
    expect(sheet.max_row == len(payers) + len(networks) + 2, f"{sheet.title}: {sheet.max_row - 2} payers")
    for owner in payers:
        row = rows.get(owner["name"])
        if not expect(row is not None, f"{sheet.title}: no row for {owner['name']}"):
            continue
        got = [row[width - 2].value, row[width - 1].value]
        want = [owner["grant_nok"], owner["egenandel_nok"]]
        expect(got == want, f"{sheet.title} {owner['name']}: grant, egenandel {got} != {want}")
        expect(formulas_sheet.cell(row[0].row, width - 1).data_type == "f", f"{sheet.title} {owner['name']}: grant not a formula")
    totals = total_row(sheet, lang, formulas_sheet)
    want = [sum(p["grant_nok"] for p in payers + networks), sum(p["egenandel_nok"] for p in payers + networks)]
    expect(totals[width - 2 :] == want, f"{sheet.title}: totals {totals[width - 2:]} != {want}")


def check_partners(sheet, formulas_sheet, data, lang):
    partners = data["partners"]
    for index, partner in enumerate(partners):
        row = [sheet.cell(index + 2, column).value for column in range(1, 9)]
        want = [
            partner["name"], partner["pool_capacity"], partner["pool_nok"], partner["partner2_capacity"],
            partner["partner2_nok"], partner["total_nok"],
        ]
        got = [row[0], row[2], row[3], row[5], row[6], row[7]]
        expect(got == want, f"{sheet.title} row {index + 2}: {got} != allocation.json's {want}")
    totals = total_row(sheet, lang, formulas_sheet)
    expect(totals[7] == sum(p["total_nok"] for p in partners), f"{sheet.title}: total {totals[7]}")
    expect((totals[3] or 0) + (totals[6] or 0) == totals[7], f"{sheet.title}: pool and partner 2 do not add up")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xlsx", required=True)
    parser.add_argument("--json", required=True)
    parser.add_argument("--lang", default="nb", choices=sorted(SHEETS))
    parser.add_argument("--hostile", help="a text some input name starts with; it must be a text cell")
    arguments = parser.parse_args()
    with open(arguments.json, encoding="utf-8") as file:
        data = json.load(file)
    formulas = openpyxl.load_workbook(arguments.xlsx)
    values = openpyxl.load_workbook(arguments.xlsx, data_only=True)
    names = [sheet.title for sheet in values.worksheets]
    if names != SHEETS[arguments.lang]:
        print(f"{arguments.xlsx}: sheets {names}, expected {SHEETS[arguments.lang]}", file=sys.stderr)
        return 1
    checks = [check_frames, check_measures, check_payments, check_recipients, check_owners, check_partners]
    for check, sheet, formulas_sheet in zip(checks, values.worksheets, formulas.worksheets):
        check(sheet, formulas_sheet, data, arguments.lang)
    check_cells(formulas, values, arguments.lang, arguments.hostile)
    # Same input, same bytes: the file carries a fixed creation time, not the clock's (two runs a
    # second apart could not tell: zip times have two-second steps).
    created = formulas.properties.created
    if created is None or (created.year, created.month, created.day, created.hour, created.minute) != (1980, 1, 1, 0, 0):
        problems.append(f"creation time {created}, expected the fixed 1980-01-01T00:00:00Z")
    if problems:
        print(f"{arguments.xlsx}: {len(problems)} differences from {arguments.json}:", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    print(f"{arguments.xlsx}: {len(checks)} sheets agree with {arguments.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
