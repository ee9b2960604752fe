#!/usr/bin/env bash
# Builds dekom's libFuzzer targets (Tests/Fuzz, with -sanitize=fuzzer,address) and runs each for
# SECONDS (default 15). Prints one line per target; exits non-zero when a target crashes, keeping
# the crashing input and printing its path. See Tests/Fuzz/README.md.
#
# Usage: Tests/Fuzz/run.sh [SECONDS-PER-TARGET] [TARGET ...]
#   TARGET: measures, partners, owners, scenario-yaml, variant (default: all five)
# Environment:
#   DEKOM_FUZZ_SCRATCH  build and work folder (default: <repository>/.build-fuzz)
#   DEKOM_FUZZ_JOBS     N > 1: fuzz each target with N processes (libFuzzer -fork=N)
#   DEKOM_FUZZ_FLAGS    extra libFuzzer flags, e.g. "-max_len=20000"
#   DEKOM_FUZZ_SOLVE    0: do not solve accepted scenarios with GLPK (only check the model)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-15}
shift || true
all_targets=(measures partners owners scenario-yaml variant)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
scratch=${DEKOM_FUZZ_SCRATCH:-$root/.build-fuzz}
jobs=${DEKOM_FUZZ_JOBS:-1}
work="$scratch/fuzz"

case $seconds in '' | *[!0-9]*) echo "run.sh: seconds must be a whole number, not '$seconds'" >&2; exit 2 ;; esac
for target in "${targets[@]}"; do
  case " ${all_targets[*]} " in *" $target "*) ;; *) echo "run.sh: unknown target '$target' (known: ${all_targets[*]})" >&2; exit 2 ;; esac
done

# What the build needs. GLPK is normally installed by the caller; install it only when missing.
command -v swift > /dev/null || { echo "run.sh: swift is not on PATH." >&2; exit 2; }
if [ ! -f /usr/include/glpk.h ]; then
  if command -v apt-get > /dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update && apt-get install -y libglpk-dev
  else
    echo "run.sh: GLPK's header /usr/include/glpk.h is missing; install libglpk-dev." >&2
    exit 2
  fi
fi

# The harness embeds a copy of the small valid scenario of Tests/TestSupport (it cannot import it).
valid_block() { awk '/static let [a-z]+: \[String: String\] = \[/ { on = 1; next } on && /^  \]$/ { exit } on' "$1"; }
if ! cmp -s <(valid_block "$root/Tests/TestSupport/ScenarioFolder.swift") \
  <(valid_block "$here/Sources/FuzzSupport/ValidScenario.swift"); then
  echo "run.sh: warning: Tests/Fuzz/Sources/FuzzSupport/ValidScenario.swift differs from ScenarioFolder.valid" \
    "in Tests/TestSupport/ScenarioFolder.swift; copy it over so the fuzz targets surround their input with it." >&2
fi

mkdir -p "$work/logs"
# Pin the same dependency versions as the main build (Package.resolved is git-ignored).
if [ -f "$root/Package.resolved" ]; then cp "$root/Package.resolved" "$here/Package.resolved"; fi
# Sanitizer flags. Not `--sanitize=fuzzer --sanitize=address`: SwiftPM then passes two -sanitize=
# flags to swiftc in no fixed order, and swiftc keeps only the last one (so a build had either
# coverage or ASan, never both). `--sanitize=fuzzer` alone still tells SwiftPM to leave `main` to
# libFuzzer; the -Xswiftc flag comes after it on the command line and wins.
build=(swift build --package-path "$here" --scratch-path "$scratch" -c debug --sanitize=fuzzer
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -O -Xcc -fsanitize=address)
echo "building fuzz targets in $scratch (log: $work/logs/build.log) ..."
started=$SECONDS
if ! "${build[@]}" > "$work/logs/build.log" 2>&1; then
  grep -v 'ld.gold: warning: Cannot export local symbol' "$work/logs/build.log" | tail -n 40 >&2
  echo "run.sh: the build failed (full log: $work/logs/build.log)." >&2
  exit 2
fi
echo "built in $((SECONDS - started)) s"
bin_dir=$("${build[@]}" --show-bin-path)

# The loaders must be compiled with both coverage (libFuzzer's guide) and AddressSanitizer.
if command -v objdump > /dev/null && command -v nm > /dev/null; then
  objects=("$bin_dir"/ScenarioFiles.build/*.o)
  covered=0 checked=0
  for object in "${objects[@]}"; do
    if objdump -h "$object" | grep -q __sancov_cntrs; then covered=$((covered + 1)); fi
    if nm "$object" | grep -q __asan_report; then checked=$((checked + 1)); fi
  done
  if [ "$covered" -eq 0 ] || [ "$checked" -eq 0 ]; then
    echo "run.sh: ScenarioFiles was built without coverage ($covered objects) or ASan ($checked objects);" \
      "the sanitizer flags did not reach swiftc." >&2
    exit 2
  fi
fi

"$here/make-corpus.sh" "$work/seeds" > /dev/null

# Swift's runtime confuses LeakSanitizer (false leaks), and allocation stacks cost a third of the
# time; a caller's ASAN_OPTIONS come last and win.
export ASAN_OPTIONS="detect_leaks=0:malloc_context_size=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Swift's own crash backtracer would catch the signal before libFuzzer and trip over ASan.
export SWIFT_BACKTRACE=enable=no

failed=0
for target in "${targets[@]}"; do
  binary="$bin_dir/fuzz-$target"
  corpus="$work/corpus/$target"      # grows from run to run; libFuzzer adds new inputs here
  artifacts="$work/artifacts/$target"
  log="$work/logs/$target.log"
  mkdir -p "$corpus" "$artifacts"
  dict="$here/dict/csv.dict"
  if [ "$target" = scenario-yaml ] || [ "$target" = variant ]; then dict="$here/dict/yaml.dict"; fi
  flags=(-max_total_time="$seconds" -timeout=20 -max_len=16384 -print_final_stats=1 -detect_leaks=0 -dict="$dict"
    -artifact_prefix="$artifacts/")
  if [ "$jobs" -gt 1 ]; then flags+=(-fork="$jobs"); fi
  # shellcheck disable=SC2206 # word splitting of the extra flags is intended
  flags+=(${DEKOM_FUZZ_FLAGS:-})
  before=$(find "$artifacts" -type f | wc -l)
  status=0
  (cd "$work/logs" && "$binary" "${flags[@]}" "$corpus" "$work/seeds/$target") > "$log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ -z "$executions" ]; then executions=$(sed -n 's/^#\([0-9][0-9]*\)[:[:space:]].*/\1/p' "$log" | tail -n 1); fi
  coverage=$(sed -n 's/.*[[:space:]]cov: \([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
  inputs=$(find "$corpus" -type f | wc -l)
  crash=$(sed -n "s/.*Test unit written to \(.*\)$/\1/p" "$log" | tail -n 1)
  if [ "$status" -eq 0 ] && [ -z "$crash" ] && [ "$(find "$artifacts" -type f | wc -l)" -eq "$before" ]; then
    echo "fuzz-$target: ${executions:-?} executions in ${seconds} s, 0 crashes (coverage ${coverage:-?}, corpus $inputs inputs)"
  else
    failed=1
    echo "fuzz-$target: CRASH after ${executions:-?} executions (exit status $status)"
    if [ -z "$crash" ]; then crash=$(find "$artifacts" -type f -newer "$binary" | head -n 1 || true); fi
    echo "  input kept at: ${crash:-(none written; see the log)}"
    echo "  log: $log"
    echo "  reproduce: ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no $binary ${crash:-INPUT}"
    grep -E 'Fatal error|dekom-fuzz:|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY|Error detected in file|glp_|ALARM|out-of-memory' "$log" |
      head -n 12 | sed 's/^/  | /' || true
    grep -E '^ +#[0-9]+ ' "$log" | grep -v -E 'libswiftCore|libFuzzer|FuzzerLoop|FuzzerDriver|FuzzerMain|libc_start|_start |compiler-rt' |
      head -n 12 | sed 's/^/  | /' || true
  fi
done
exit $failed
