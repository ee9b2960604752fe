#!/usr/bin/env python3
"""GLPK's branch-and-cut options on county-sized models: which setting solves them fastest?

The script builds a corpus of stage models with `dekom export --stage N --lp`: every stage of the
Trøndelag example and of each of its what-if variants, and every stage of generated counties
(`dekom generate --seed S --measures 100`). Each export keeps the earlier stages' optima as rows,
exactly as `dekom run` does, so each file is one branch-and-cut that dekom runs. Then it solves
every file with `glpsol --lp FILE --tmlim LIMIT OPTIONS` for each set of options and prints, per
set, the total wall time, how many models did not finish within the limit, and the slowest model.

Usage (from the repository root; builds dekom in release mode first; needs `glpsol`, Debian's
`glpk-utils`):

    python3 Benchmarks/glpk-options.py                      # seeds 1-6, 20 s per model
    python3 Benchmarks/glpk-options.py --seeds 1,2 --limit 5 --options "defaults|--pcost|--dfs --pcost"

A stage whose earlier stages do not finish within dekom's time limit cannot be exported; the
script says so and leaves it out.
"""

import argparse
import glob
import os
import subprocess
import sys
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEKOM = os.path.join(REPOSITORY, ".build", "release", "dekom")
DEFAULT_OPTIONS = [
    "",
    "--pcost",
    "--dfs --pcost",
    "--bfs --pcost",
    "--mir --pcost",
    "--dfs --pcost --mir",
    "--dfs",
    "--cuts --pcost",
    "--dfs --pcost --fpump",
    "--bestb --pcost",
]


def stage_count(folder, variant):
    """The number of stages `dekom export --verbose` lists for the scenario (or variant)."""
    command = [DEKOM, "export", folder, "--stage", "1", "--lp", os.devnull, "--verbose"]
    if variant:
        command += ["--variant", variant]
    listing = subprocess.run(command, capture_output=True, text=True).stderr
    return sum(1 for line in listing.splitlines() if line.startswith("  stage "))


def export_all(folder, variant, name, corpus):
    """Exports every stage of one scenario; returns the files written."""
    written = []
    for stage in range(1, stage_count(folder, variant) + 1):
        target = os.path.join(corpus, f"{name}-s{stage}.lp")
        command = [DEKOM, "export", folder, "--stage", str(stage), "--lp", target, "--quiet"]
        if variant:
            command += ["--variant", variant]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode == 0:
            written.append(target)
        else:
            print(f"left out {name} stage {stage}: {result.stderr.strip()}", file=sys.stderr)
    return written


def build_corpus(work, seeds):
    corpus = os.path.join(work, "corpus")
    os.makedirs(corpus, exist_ok=True)
    files = []
    example = os.path.join(REPOSITORY, "scenarios", "trondelag")
    variants = sorted(
        os.path.splitext(name)[0] for name in os.listdir(os.path.join(example, "variants")) if name.endswith(".yaml")
    )
    for variant in [None] + variants:
        files += export_all(example, variant, f"trondelag-{variant or 'base'}", corpus)
    for seed in seeds:
        folder = os.path.join(work, f"county-{seed}")
        subprocess.run(
            [DEKOM, "generate", "--seed", str(seed), "--measures", "100", "--out", folder, "--quiet"], check=True
        )
        files += export_all(folder, None, f"county-{seed}", corpus)
    return sorted(files)


def solved(output):
    return "INTEGER OPTIMAL" in output or ("OPTIMAL LP SOLUTION" in output and "Integer optimization" not in output)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1,2,3,4,5,6", help="generated counties (comma-separated seeds)")
    parser.add_argument("--limit", type=float, default=20, help="glpsol's time limit per model, in seconds")
    parser.add_argument("--work", default="/tmp/dekom-glpk-options", help="folder for the regions and the corpus")
    parser.add_argument(
        "--options",
        default="|".join(option or "defaults" for option in DEFAULT_OPTIONS),
        help='glpsol option sets to compare, separated by "|" ("defaults": none)',
    )
    arguments = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "dekom"], cwd=REPOSITORY, check=True)
    for old in glob.glob(os.path.join(arguments.work, "corpus", "*.lp")):
        os.remove(old)
    files = build_corpus(arguments.work, [int(seed) for seed in arguments.seeds.split(",")])
    print(f"{len(files)} models, glpsol --tmlim {arguments.limit:g}\n")
    print("| glpsol options | total s | not finished | slowest model (s) |")
    print("|---|---|---|---|")
    for options in arguments.options.split("|"):
        options = "" if options.strip() == "defaults" else options.strip()
        total, unfinished, slowest = 0.0, 0, (0.0, "")
        for path in files:
            started = time.monotonic()
            output = subprocess.run(
                ["glpsol", "--lp", path, "--tmlim", f"{arguments.limit:g}"] + options.split(),
                capture_output=True,
                text=True,
            ).stdout
            seconds = time.monotonic() - started
            total += seconds
            unfinished += 0 if solved(output) else 1
            slowest = max(slowest, (seconds, os.path.basename(path)))
        label = options or "(GLPK's defaults)"
        print(f"| `{label}` | {total:.1f} | {unfinished} | {slowest[1]} ({slowest[0]:.1f}) |", flush=True)


if __name__ == "__main__":
    main()
