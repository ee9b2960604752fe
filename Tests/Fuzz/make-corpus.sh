#!/usr/bin/env bash
# Writes the seed corpus of every fuzz target into OUT/<target>/ (OUT is emptied first):
#   - the small hand-made seeds in Tests/Fuzz/corpus/<target>/ (the small valid scenario's file
#     and variants with a comma separator, decimal commas, no-break spaces, every optional column);
#   - the matching file of every example scenario in scenarios/*/ (e.g. scenarios/trondelag/), and
#     for the variant target every scenarios/*/variants/*.yaml;
#   - of each of those: a copy with a UTF-8 BOM and one with CRLF line ends, and for CSV files a
#     copy with ',' as separator (cells quoted where needed) and one with decimal points instead
#     of decimal commas; for YAML a copy with decimal commas.
# Usage: Tests/Fuzz/make-corpus.sh OUT
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?usage: make-corpus.sh OUT}

# target name → the scenario file it fuzzes
targets=(measures partners owners scenario-yaml variant)
file_of() {
  case $1 in
    measures) echo measures.csv ;;
    partners) echo partners.csv ;;
    owners) echo owners.csv ;;
    scenario-yaml) echo scenario.yaml ;;
    variant) echo variants ;;
  esac
}

# ; → , with CSV quoting (assumes the input has no quoted cells, as the examples have none).
to_comma_csv() {
  awk 'BEGIN { FS = ";"; OFS = "," }
    {
      sub(/\r$/, "")
      line = ""
      for (i = 1; i <= NF; i++) {
        cell = $i
        if (cell ~ /[,"]/) { gsub(/"/, "\"\"", cell); cell = "\"" cell "\"" }
        line = (i == 1 ? cell : line OFS cell)
      }
      print line
    }' "$1"
}

add_seed() { # target name source
  local dir="$out/$1" name=$2 source=$3
  local base=${name%.*} ext=${name##*.}
  cp "$source" "$dir/$name"
  { printf '\357\273\277'; cat "$source"; } > "$dir/$base-bom.$ext"
  if ! grep -q $'\r' "$source"; then sed 's/$/\r/' "$source" > "$dir/$base-crlf.$ext"; fi
  if [ "$ext" = csv ]; then
    if head -n 1 "$source" | grep -q ';'; then to_comma_csv "$source" > "$dir/$base-comma.$ext"; fi
    if grep -q '[0-9],[0-9]' "$source"; then sed 's/\([0-9]\),\([0-9]\)/\1.\2/g' "$source" > "$dir/$base-decimal-point.$ext"; fi
  else
    if grep -q '[0-9]\.[0-9]' "$source"; then sed 's/\([0-9]\)\.\([0-9]\)/\1,\2/g' "$source" > "$dir/$base-decimal-comma.$ext"; fi
  fi
}

rm -rf "$out"
for target in "${targets[@]}"; do
  mkdir -p "$out/$target"
  file=$(file_of "$target")
  for seed in "$here/corpus/$target"/*; do
    [ -f "$seed" ] && add_seed "$target" "$(basename "$seed")" "$seed"
  done
  for scenario in "$root"/scenarios/*/; do
    name=$(basename "$scenario")
    if [ "$file" = variants ]; then
      for variant in "$scenario"variants/*.yaml; do
        [ -f "$variant" ] && add_seed "$target" "$name-$(basename "$variant")" "$variant"
      done
    else
      [ -f "$scenario/$file" ] && add_seed "$target" "$name-$file" "$scenario/$file"
    fi
  done
done
for target in "${targets[@]}"; do
  echo "seeds: $target: $(find "$out/$target" -type f | wc -l) files in $out/$target"
done
