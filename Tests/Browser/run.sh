#!/usr/bin/env bash
# The browser test of `dekom serve`: starts the server on a loopback port over a copy of
# scenarios/ (so the variant the test saves never lands in the repository), drives its pages in
# headless Chromium with JavaScript off (Tests/Browser/browser_test.py), checks a what-if's numbers
# against `dekom run --variant`'s allocation.json, and saves screenshots. Then prints the example's
# innstilling.html to an A4 PDF with headless Chromium and checks its page count
# (Tests/Browser/print_test.py; the limit and how it was measured are in docs/printing.md).
#
#   bash Tests/Browser/run.sh [OUTDIR]   (default /tmp/dekom-browser)
#
# Needs Debian's chromium and chromium-driver and selenium from PyPI; installs them when it can
# (as root, with apt-get and pip), and otherwise says why and exits 0 without testing.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/tmp/dekom-browser}"

skip() {
  echo "browser test skipped: $1"
  exit 0
}

test -f /usr/include/glpk.h && test -f /usr/include/xlsxwriter.h || { apt-get update && apt-get install -y libglpk-dev libxlsxwriter-dev; }
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { apt-get update && apt-get install -y chromium chromium-driver; } >/dev/null 2>&1 || true
  fi
  command -v chromium >/dev/null && command -v chromedriver >/dev/null ||
    skip "chromium and chromium-driver (Debian packages) are not installed and could not be installed."
fi
if ! python3 -c "import selenium" 2>/dev/null; then
  # Debian marks its Python as externally managed (PEP 668): try a plain install, then the user's
  # site, then past the marker (selenium and its few dependencies only).
  python3 -m pip install --quiet selenium >/dev/null 2>&1 ||
    python3 -m pip install --quiet --user selenium >/dev/null 2>&1 ||
    python3 -m pip install --quiet --break-system-packages selenium >/dev/null 2>&1 || true
  python3 -c "import selenium" 2>/dev/null || skip "selenium (PyPI) is not installed and could not be installed."
fi

swift build --product dekom && swift build --product dekom-serve
dekom="$(swift build --show-bin-path)/dekom"

work=$(mktemp -d /tmp/dekom-browser-work.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cp -r scenarios "$work/scenarios"
rm -rf "$work"/scenarios/*/out "$out"
mkdir -p "$out"

"$dekom" serve "$work/scenarios" --port 0 >"$work/serve.log" 2>&1 &
server=$!
address=""
for _ in $(seq 1 120); do
  address=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 || true)
  [ -n "$address" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "dekom serve did not start" >&2; exit 1; }
  sleep 0.5
done
[ -n "$address" ] || { echo "dekom serve printed no address" >&2; exit 1; }
echo "dekom serve at $address"

python3 Tests/Browser/browser_test.py --url "$address" --dekom "$dekom" --scenarios "$work/scenarios" --out "$out"
kill -0 "$server" 2>/dev/null || { echo "dekom serve stopped during the test" >&2; exit 1; }

# The innstilling as the forum prints it: A4, and no more pages than docs/printing.md allows.
"$dekom" run "$work/scenarios/trondelag" --out "$work/print" --quiet
python3 Tests/Browser/print_test.py --html "$work/print/innstilling.html" --pdf "$out/innstilling.pdf" --max-pages 14
