#!/usr/bin/env bash
# Renders the example's HTML reports (innstilling.html and compare.html) and screenshots them with
# headless Chromium, so a person can see that the charts are there.
#
#   bash Tests/Screenshots/take-screenshots.sh [OUTDIR]   (default /tmp/dekom-screenshots)
#
# Installs Chromium (Debian's `chromium` package) when it is missing. Exits non-zero if a page
# has no chart or a screenshot is not written.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/tmp/dekom-screenshots}"
mkdir -p "$out"

test -f /usr/include/glpk.h && test -f /usr/include/xlsxwriter.h || { apt-get update && apt-get install -y libglpk-dev libxlsxwriter-dev; }
command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium; }

swift build --product dekom
dekom=$(swift build --show-bin-path)/dekom
"$dekom" run scenarios/trondelag --out "$out" --quiet
"$dekom" compare scenarios/trondelag --out "$out" --quiet

for page in innstilling compare; do
  html="$out/$page.html"
  charts=$(grep -c "<svg" "$html" || true)
  if [ "$charts" -lt 1 ]; then echo "$html has no chart" >&2; exit 1; fi
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,2200 \
    --screenshot="$out/$page.png" "file://$html" >/dev/null 2>&1
  test -s "$out/$page.png" || { echo "no screenshot of $html" >&2; exit 1; }
  echo "$page: $charts chart(s), screenshot $out/$page.png"
done
