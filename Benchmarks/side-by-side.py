#!/usr/bin/env python3
"""dekom, glpsol and HiGHS side by side on the same generated models, with the same time limit.

For each case the script generates a synthetic region (`dekom generate`), exports the stage that
decides the allocation to free MPS (`dekom export`), and then solves

  * the scenario with `dekom run --time-limit T` (dekom's own lexicographic GLPK solve),
  * the MPS file with `glpsol --freemps FILE --tmlim T`,
  * the MPS file with HiGHS (highspy), when it can be imported; otherwise that column says so.

It prints one Markdown table: size, and for each solver the seconds spent on the exported stage and
the relative gap |value − bound| / max(1, |value|) it proved, then a second table with the values and
bounds themselves (for a maximisation, MPS holds minimise −objective: the signs are turned back).

Usage (from the repository root; builds dekom in release mode first):

    python3 Benchmarks/side-by-side.py                       # every case, 30 s per solver
    python3 Benchmarks/side-by-side.py --time-limit 10 --cases county,national

HiGHS: `python3 -m venv /tmp/highs-venv && /tmp/highs-venv/bin/pip install highspy`, then
`HIGHS_PYTHON=/tmp/highs-venv/bin/python python3 Benchmarks/side-by-side.py`. The script runs HiGHS
in that interpreter (default: the one running this script) on one thread, like the other two.
"""

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name: (generate options, export options, the stage the MPS holds, what it is)
CASES = {
    "county": (
        ["--seed", "1", "--measures", "100"],
        [],
        "priority",
        "county, 100 measures, 12 networks (fairness floor 0.5: its stage solved and kept)",
    ),
    "national": (
        ["--seed", "1", "--measures", "3000", "--networks", "80", "--fairness-floor", "0"],
        [],
        "priority",
        "national, 3 000 measures, 80 networks (no fairness floor)",
    ),
    "national-fairness": (
        ["--seed", "1", "--measures", "3000", "--networks", "80"],
        ["--stage", "1"],
        "fairness",
        "national, 3 000 measures, 80 networks: the fairness stage (floor 0.5)",
    ),
    "synthetic-10k": (
        ["--seed", "1", "--measures", "10000", "--fairness-floor", "0"],
        [],
        "priority",
        "synthetic, 10 000 measures, 1 112 networks (no fairness floor)",
    ),
    "synthetic-100k": (
        ["--seed", "1", "--measures", "100000", "--fairness-floor", "0"],
        [],
        "priority",
        "synthetic, 100 000 measures, 11 112 networks (no fairness floor)",
    ),
}

HIGHS_CODE = r"""
import json, sys, time
import highspy
path, limit = sys.argv[1], float(sys.argv[2])
highs = highspy.Highs()
highs.setOptionValue("output_flag", False)
highs.setOptionValue("threads", 1)
highs.setOptionValue("time_limit", limit)
highs.setOptionValue("mip_rel_gap", 0.0)  # prove optimality, as dekom and glpsol do (HiGHS stops at 1e-4 by default)
started = time.monotonic()
highs.readModel(path)
highs.run()
seconds = time.monotonic() - started
info = highs.getInfo()
has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
print(json.dumps({
    "status": highs.modelStatusToString(highs.getModelStatus()),
    "value": info.objective_function_value if has_solution else None,
    "bound": info.mip_dual_bound,
    "seconds": seconds,
    "version": highspy.Highs().version() if hasattr(highspy.Highs(), "version") else "?",
}))
"""


def gap(value, bound):
    if value is None or bound is None:
        return None
    return abs(value - bound) / max(1.0, abs(value))


def run(command, timeout, **kwargs):
    """Runs `command`; returns (exit code or None if killed, stdout, stderr, wall seconds)."""
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, **kwargs)
        return done.returncode, done.stdout, done.stderr, time.monotonic() - started
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        err = expired.stderr.decode() if isinstance(expired.stderr, bytes) else (expired.stderr or "")
        return None, out, err, time.monotonic() - started


def solve_dekom(dekom, folder, stage, limit, work, method):
    out = os.path.join(work, "dekom-out")
    code, stdout, stderr, wall = run(
        [dekom, "run", folder, "--time-limit", str(limit), "--method", method, "--no-explain", "--out", out, "--verbose", "--quiet"],
        timeout=limit * 13 + 600,  # the partner rule may solve the model up to 13 times, each with the whole limit
    )
    result = {"wall": wall, "seconds": None, "value": None, "bound": None, "status": None}
    if code is None:
        result["status"] = "did not stop"
        return result
    # "  stage priority: feasible, value 867.901, 30.011 s"
    for line in stderr.splitlines():
        match = re.match(r"\s*stage (.+): (\S+), value (\S+), ([0-9.]+) s$", line)
        if match and match.group(1) == stage:
            result["seconds"] = float(match.group(4))
            result["status"] = match.group(2)
    if code != 0:
        result["status"] = "no allocation" if code == 3 else f"exit {code}"
        result["seconds"] = None
        return result
    with open(os.path.join(out, "allocation.json"), encoding="utf-8") as file:
        stages = json.load(file)["solve"]["stages"]
    for entry in stages:
        if entry["name"] == stage:
            result["status"] = entry["status"]
            result["value"] = entry.get("objective")
            result["bound"] = entry.get("bound")
            if entry["status"] == "optimal" and result["bound"] is None:
                result["bound"] = result["value"]
    return result


def solve_glpsol(mps, negate, limit):
    # glpsol takes whole seconds.
    code, stdout, _, wall = run(["glpsol", "--freemps", mps, "--tmlim", str(int(round(limit)))], timeout=limit + 300)
    result = {"wall": wall, "seconds": wall, "value": None, "bound": None, "status": None}
    if code is None:
        result["status"] = "did not stop"
        result["seconds"] = None
        return result
    used = re.search(r"Time used:\s+([0-9.]+) secs", stdout)
    if used:
        result["seconds"] = float(used.group(1))
    if "INTEGER OPTIMAL SOLUTION FOUND" in stdout:
        result["status"] = "optimal"
    elif "TIME LIMIT EXCEEDED" in stdout:
        result["status"] = "time limit"
    else:
        result["status"] = "other"
    progress = [line for line in stdout.splitlines() if line.startswith("+")]
    if progress:
        # "+ 48129: mip =  -5.760857138e+01 >=     tree is empty   0.0% (0; 4605)"
        match = re.search(r"mip =\s+(\S+(?: \S+ \S+)?)\s+[<>]=\s+(tree is empty|\S+)", progress[-1])
        if match and not match.group(1).startswith("not"):
            value = float(match.group(1))
            bound = value if match.group(2) == "tree is empty" else float(match.group(2))
            result["value"], result["bound"] = value, bound
    elif result["status"] == "time limit":
        result["status"] = "time limit in the LP relaxation"
    if negate:
        for key in ("value", "bound"):
            if result[key] is not None:
                result[key] = -result[key]
    return result


def highs_python():
    candidate = os.environ.get("HIGHS_PYTHON", sys.executable)
    code, stdout, _, _ = run([candidate, "-c", "import highspy; print(highspy.Highs().version())"], timeout=60)
    return (candidate, stdout.strip()) if code == 0 else (None, None)


def solve_highs(python, mps, negate, limit):
    code, stdout, stderr, wall = run([python, "-c", HIGHS_CODE, mps, str(limit)], timeout=limit + 300)
    result = {"wall": wall, "seconds": None, "value": None, "bound": None, "status": None}
    if code is None:
        result["status"] = "did not stop"
        return result
    if code != 0:
        result["status"] = "failed: " + (stderr.strip().splitlines() or ["?"])[-1][:60]
        return result
    answer = json.loads(stdout.strip().splitlines()[-1])
    result.update(status=answer["status"], seconds=answer["seconds"], value=answer["value"], bound=answer["bound"])
    if result["status"] == "Optimal" and result["value"] is not None:
        result["status"] = "optimal"
    if negate:
        for key in ("value", "bound"):
            if result[key] is not None:
                result[key] = -result[key]
    return result


def cell_time(result):
    if result is None:
        return "not installed"
    if result["seconds"] is None:
        return f"– ({result['status']}, {result['wall']:.0f} s wall)"
    return f"{result['seconds']:.1f}"


def cell_gap(result):
    if result is None:
        return "–"
    if result["value"] is None:
        return f"no solution ({result['status']})"
    value = gap(result["value"], result["bound"])
    if value is None:
        return f"no bound ({result['status']})"
    shown = "0 %" if value < 1e-12 else f"{value * 100:.3g} %"
    return shown + (" (optimal)" if result["status"] == "optimal" else "")


def number(value):
    return "–" if value is None else f"{value:.6g}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--time-limit", type=int, default=30, help="whole seconds per solver and case (default 30)")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated, from: " + ", ".join(CASES))
    parser.add_argument("--work", default="/tmp/dekom-side-by-side", help="folder for the generated models (replaced)")
    parser.add_argument("--dekom", help="a built dekom binary (default: build .build/release/dekom)")
    parser.add_argument(
        "--method", default="branch-and-cut", help="dekom run --method: branch-and-cut (default), block-search or decomposition"
    )
    arguments = parser.parse_args()
    cases = [name.strip() for name in arguments.cases.split(",") if name.strip()]
    unknown = [name for name in cases if name not in CASES]
    if unknown:
        parser.error("unknown case(s): " + ", ".join(unknown))
    if shutil.which("glpsol") is None:
        parser.error("glpsol is not installed (Debian: apt-get install glpk-utils)")

    dekom = arguments.dekom
    if dekom is None:
        print("Building dekom (release)…", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--product", "dekom"], cwd=REPOSITORY, check=True)
        dekom = os.path.join(REPOSITORY, ".build", "release", "dekom")
    python, highs_version = highs_python()
    if python is None:
        print("HiGHS (highspy) cannot be imported: its columns are skipped.", file=sys.stderr)

    limit = arguments.time_limit
    shutil.rmtree(arguments.work, ignore_errors=True)
    os.makedirs(arguments.work)
    started = time.monotonic()
    rows = []
    for name in cases:
        generate, export, stage, label = CASES[name]
        work = os.path.join(arguments.work, name)
        folder = os.path.join(work, "scenario")
        mps = os.path.join(work, "model.mps")
        print(f"[{time.monotonic() - started:5.0f} s] {name}: generate, export", file=sys.stderr)
        subprocess.run([dekom, "generate", *generate, "--out", folder, "--quiet"], check=True)
        exported = subprocess.run(
            [dekom, "export", folder, "--mps", mps, "--time-limit", str(limit), *export], capture_output=True, text=True
        )
        if exported.returncode != 0:
            rows.append((name, label, None, None, None, None, exported.stderr.strip()))
            continue
        shape = re.search(r"(\d+) columns \((\d+) integer\), (\d+) rows", exported.stdout)
        negate = "objective negated" in exported.stdout
        print(f"[{time.monotonic() - started:5.0f} s] {name}: dekom run", file=sys.stderr)
        dekom_result = solve_dekom(dekom, folder, stage, limit, work, arguments.method)
        print(f"[{time.monotonic() - started:5.0f} s] {name}: glpsol", file=sys.stderr)
        glpsol_result = solve_glpsol(mps, negate, limit)
        highs_result = None
        if python is not None:
            print(f"[{time.monotonic() - started:5.0f} s] {name}: HiGHS", file=sys.stderr)
            highs_result = solve_highs(python, mps, negate, limit)
        rows.append((name, label, shape.groups() if shape else None, dekom_result, glpsol_result, highs_result, None))

    glpk_version = subprocess.run(["glpsol", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print()
    print(
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({platform.machine()}), "
        f"time limit {limit:g} s per solver and case; dekom --method {arguments.method}; {glpk_version}; "
        f"HiGHS {highs_version or 'not installed'} (1 thread); total {time.monotonic() - started:.0f} s."
    )
    print()
    print("| case | columns (integer) / rows | dekom s | dekom gap | glpsol s | glpsol gap | HiGHS s | HiGHS gap |")
    print("|---|---|---:|---|---:|---|---:|---|")
    for name, label, shape, dekom_result, glpsol_result, highs_result, failure in rows:
        if failure:
            print(f"| {name} | export failed: {failure} | | | | | | |")
            continue
        size = f"{shape[0]} ({shape[1]}) / {shape[2]}" if shape else "?"
        print(
            f"| {name} | {size} | {cell_time(dekom_result)} | {cell_gap(dekom_result)} | {cell_time(glpsol_result)} | "
            f"{cell_gap(glpsol_result)} | {cell_time(highs_result)} | {cell_gap(highs_result)} |"
        )
    print()
    print("| case | stage | dekom value / bound | glpsol value / bound | HiGHS value / bound | dekom wall s (load, all stages, reports) |")
    print("|---|---|---|---|---|---:|")
    for name, label, shape, dekom_result, glpsol_result, highs_result, failure in rows:
        if failure:
            continue

        def pair(result):
            return "–" if result is None else f"{number(result['value'])} / {number(result['bound'])}"

        print(
            f"| {name} | {CASES[name][2]} | {pair(dekom_result)} | {pair(glpsol_result)} | {pair(highs_result)} | "
            f"{dekom_result['wall']:.1f} |"
        )
    print()
    for name in cases:
        print(f"- {name}: {CASES[name][3]}")


if __name__ == "__main__":
    main()
