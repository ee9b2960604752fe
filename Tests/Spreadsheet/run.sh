#!/usr/bin/env bash
# The spreadsheet test: runs `dekom run` on the examples (bokmål, English, the three-year plan, and
# a copy whose measure title starts with a formula) and reads each innstilling.xlsx back with
# openpyxl (Tests/Spreadsheet/check_workbook.py): every total equals allocation.json's (frames,
# payments per scheme, each owner's grant and egenandel, partners, measures), every sum is a
# formula that computes the value stored with it, and names are text cells.
#
#   bash Tests/Spreadsheet/run.sh
#
# Needs openpyxl from PyPI and installs it when it can (pip, as the browser test does); fails,
# saying why, when it cannot: a spreadsheet nobody read back is not tested.
set -euo pipefail
cd "$(dirname "$0")/../.."

test -f /usr/include/glpk.h -a -f /usr/include/xlsxwriter.h || { apt-get update && apt-get install -y libglpk-dev libxlsxwriter-dev; }
if ! python3 -c "import openpyxl" 2>/dev/null; then
  # Debian marks its Python as externally managed (PEP 668): try a plain install, then the user's
  # site, then past the marker (openpyxl and et-xmlfile only).
  python3 -m pip install --quiet openpyxl >/dev/null 2>&1 ||
    python3 -m pip install --quiet --user openpyxl >/dev/null 2>&1 ||
    python3 -m pip install --quiet --break-system-packages openpyxl >/dev/null 2>&1 || true
  python3 -c "import openpyxl" 2>/dev/null || {
    echo "spreadsheet test failed: openpyxl (PyPI) is not installed and could not be installed; run: python3 -m pip install openpyxl" >&2
    exit 1
  }
fi

swift build --product dekom
dekom="$(swift build --show-bin-path)/dekom"
work=$(mktemp -d /tmp/dekom-spreadsheet.XXXXXX)
trap 'rm -rf "$work"' EXIT

check() { python3 Tests/Spreadsheet/check_workbook.py --xlsx "$1/innstilling.xlsx" --json "$1/allocation.json" "${@:2}"; }

"$dekom" run scenarios/trondelag --out "$work/nb" --no-explain --quiet
check "$work/nb" --lang nb
"$dekom" run scenarios/trondelag --out "$work/en" --no-explain --quiet --lang en
check "$work/en" --lang en
"$dekom" run scenarios/trondelag-plan --out "$work/plan" --quiet
check "$work/plan" --lang nb

# A measure title that a spreadsheet would run as a formula stays text.
cp -r scenarios/trondelag "$work/hostile"
rm -rf "$work/hostile/out" "$work/hostile/variants"
sed -i '2s/^\(\([^;]*;\)\{4\}\)/\1=HYPERLINK(0)+1 /' "$work/hostile/measures.csv"
"$dekom" run "$work/hostile" --out "$work/hostile-out" --no-explain --quiet
check "$work/hostile-out" --lang nb --hostile "=HYPERLINK(0)+1"

echo "spreadsheet test: 4 workbooks read back, all agree with allocation.json"
