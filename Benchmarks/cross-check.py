#!/usr/bin/env python3
"""Cross-check dekom's proven stage values against HiGHS on the exported models (issue 15, item c).

For each generated county (`dekom generate` with several seeds, sizes from 20 to 200 measures and
the generator's policy options) the script

  1. runs `dekom run DIR --out OUT` and reads every stage's status and value from allocation.json;
  2. for every stage k after the first, writes the model of stage k with `dekom export --stage k`
     (the earlier stages kept as rows with dekom's own values) and solves it with HiGHS (highspy,
     exact gaps, presolve on, and again with presolve off if HiGHS calls it infeasible);
  3. checks, for every stage dekom calls optimal after earlier stages that are all optimal, that HiGHS finds the exported model feasible and
     that HiGHS's optimum of stage k agrees with dekom's recorded value within `--tolerance`
     (relative to max(1, |value|)). For a maximisation the MPS objective is negated; the sign is
     turned back here.

dekom's recorded value is the published allocation's (docs/solve-methods.md), and a later stage may
give up at most the stage tolerance of an earlier one, so a difference of about 10⁻⁹ relative is
expected; anything larger, or an infeasible export, is reported as a failure (exit status 1).

This is a script, not part of `swift test`: HiGHS is not installed in CI. It needs a built dekom
(`swift build --product dekom`; set DEKOM to another binary) and `pip install highspy`.

    python3 Benchmarks/cross-check.py                        # the default grid
    python3 Benchmarks/cross-check.py --seeds 1,2,3 --measures 20,100,200 --time-limit 30
"""

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The generator's policy options: (label, extra `dekom generate` arguments).
POLICIES = [
    ("decay-count", ["--weighting", "decay", "--value", "count"]),
    ("decay-0.7-cost", ["--weighting", "decay", "--decay", "0.7", "--value", "cost"]),
    ("tiers-count", ["--weighting", "strict_tiers", "--value", "count"]),
    ("tiers-cost-floor-0.7", ["--weighting", "strict_tiers", "--value", "cost", "--fairness-floor", "0.7"]),
]


def run(command):
    return subprocess.run(command, capture_output=True, text=True)


def highs_optimum(path, presolve=True):
    import highspy

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("mip_abs_gap", 0.0)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("presolve", "on" if presolve else "off")
    highs.readModel(path)
    highs.run()
    status = highs.modelStatusToString(highs.getModelStatus())
    return status, highs.getInfo().objective_function_value


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--measures", default="20,60,100,200")
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--tolerance", type=float, default=1e-6)
    parser.add_argument("--dekom", default=os.environ.get("DEKOM", os.path.join(REPOSITORY, ".build/debug/dekom")))
    arguments = parser.parse_args()
    try:
        import highspy  # noqa: F401
    except ImportError:
        sys.exit("highspy is not installed: pip install highspy")

    failures = 0
    checked = 0
    print("| region | stage | dekom status | dekom value | HiGHS | HiGHS value | difference |")
    print("|---|---|---|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="dekom-cross-check-") as work:
        for seed, size, (label, options) in itertools.product(
            arguments.seeds.split(","), arguments.measures.split(","), POLICIES
        ):
            name = f"seed {seed}, {size} measures, {label}"
            folder = os.path.join(work, f"s{seed}-m{size}-{label}")
            generated = run([arguments.dekom, "generate", "--seed", seed, "--measures", size, "--out", folder, "-q"] + options)
            if generated.returncode != 0:
                print(f"| {name} | – | generate failed: {generated.stderr.strip()} | | | | |")
                failures += 1
                continue
            out = os.path.join(folder, "out")
            solved = run([arguments.dekom, "run", folder, "--out", out, "--no-explain", "-q", "--time-limit", str(arguments.time_limit)])
            if solved.returncode != 0:
                print(f"| {name} | – | dekom exit {solved.returncode}: {solved.stderr.strip()[:120]} | | | | |")
                failures += 1
                continue
            with open(os.path.join(out, "allocation.json"), encoding="utf-8") as file:
                stages = json.load(file)["solve"]["stages"]
            for number, stage in enumerate(stages, start=1):
                # Stage k's export keeps the earlier stages as `dekom export` solves them again; that
                # is the run's model only when every earlier stage was proven optimal in the run.
                earlier_proven = all(earlier["status"] == "optimal" for earlier in stages[: number - 1])
                if number == 1 or stage["status"] != "optimal" or stage.get("objective") is None or not earlier_proven:
                    continue
                mps = os.path.join(folder, f"stage{number}.mps")
                lp = os.path.join(folder, f"stage{number}.lp")
                exported = run(
                    [arguments.dekom, "export", folder, "--stage", str(number), "--mps", mps, "--lp", lp, "-q",
                     "--time-limit", str(arguments.time_limit)])
                if exported.returncode != 0:
                    print(f"| {name} | {number} {stage['name']} | export failed: {exported.stderr.strip()[:120]} | | | | |")
                    failures += 1
                    continue
                with open(lp, encoding="utf-8") as file:
                    maximise = any(line.strip() == "Maximize" for line in file)
                status, value = highs_optimum(mps)
                if status != "Optimal":
                    status, value = highs_optimum(mps, presolve=False)
                    status += " (presolve off)"
                checked += 1
                if not status.startswith("Optimal"):
                    print(f"| {name} | {number} {stage['name']} | optimal | {stage['objective']:.9g} | {status} | – | – |")
                    failures += 1
                    continue
                highs = -value if maximise else value
                difference = abs(highs - stage["objective"]) / max(1.0, abs(stage["objective"]))
                bad = difference > arguments.tolerance
                failures += bad
                print(
                    f"| {name} | {number} {stage['name']} | optimal | {stage['objective']:.9g} | {status} | {highs:.9g} | "
                    f"{difference:.2e}{' **FAIL**' if bad else ''} |")
    print(f"\n{checked} proven stages checked, {failures} failures.")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
