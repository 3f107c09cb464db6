"""`make fuzz`: many hostile profiles and rule folders, each in a watched worker process.

The parent starts a worker (`--worker`), reads one line per input, and kills the worker (by its
pid) when an input takes longer than the hang limit; a worker that dies is a crash. Workers cap
their address space, so a memory blow-up is a MemoryError (a traceback), not a dead machine.
Inputs are regenerated from (seed, index), so a run is reproducible and a worker can restart at
the next input. `--pythonpath DIR` measures another source tree (the code before a fix) with the
same inputs:

    git archive <commit> src rules | tar -x -C /tmp/before
    python -m tests.fuzz.run_fuzz --pythonpath /tmp/before/src --profiles 2000
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import resource
import select
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HANG_SECONDS = {"profiles": 10.0, "rules": 30.0}
MEMORY_CAP = 3 * 2**30


def _rng(seed: int, kind: str, index: int) -> random.Random:
    return random.Random(f"{seed}-{kind}-{index}")


def worker(kind: str, seed: int, start: int, end: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    from dmt_advisor.advisor import Advisor
    from dmt_advisor.rulebook.load import load_rulebook
    from tests.fuzz import check, hostile

    advisor = Advisor(load_rulebook())
    baseline = check.assess_and_render(advisor, check.NORMAL)
    with tempfile.TemporaryDirectory(prefix="dmt-fuzz-") as tmp:
        for index in range(start, end):
            rng = _rng(seed, kind, index)
            folder = Path(tmp) / str(index)
            folder.mkdir()
            label = ""
            try:
                if kind == "profiles":
                    item = hostile.hostile_profile(rng)
                    label = item.kind
                    outcome = check.check_profile(advisor, item, folder)
                else:
                    label, edit = hostile.rule_folder_edit(rng)
                    outcome = check.check_rule_folder(
                        hostile.make_rule_folder(folder / "rules", edit))
            except Exception as exc:  # the thing we count
                last = traceback.extract_tb(exc.__traceback__)[-1]
                outcome = f"traceback:{type(exc).__name__}@{Path(last.filename).name}:{last.lineno}"
            still = check.normal_still_works(advisor, baseline)
            if not still:  # rebuild, so one disabling input is counted once
                advisor = Advisor(load_rulebook())
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(json.dumps({"i": index, "kind": label, "outcome": outcome,
                              "normal_ok": still, "peak_mb": peak}), flush=True)


def run(kind: str, count: int, seed: int, pythonpath: str | None) -> dict:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join([pythonpath, str(ROOT)])
    else:
        env["PYTHONPATH"] = str(ROOT)
    results: dict[int, dict] = {}
    index = 0
    started = time.perf_counter()
    while index < count:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.fuzz.run_fuzz", "--worker", kind, str(seed),
             str(index), str(count)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        while index < count:
            ready, _, _ = select.select([proc.stdout], [], [], HANG_SECONDS[kind] + 5)
            line = proc.stdout.readline() if ready else None
            if line is None:  # no answer in time: a hang
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                results[index] = {"i": index, "outcome": "hang", "normal_ok": True,
                                  "kind": _label(kind, seed, index)}
                index += 1
                break
            if not line:  # the worker died
                code = proc.wait()
                results[index] = {"i": index, "outcome": f"crash:{code}", "normal_ok": True,
                                  "kind": _label(kind, seed, index)}
                index += 1
                break
            record = json.loads(line)
            results[record["i"]] = record
            index = record["i"] + 1
        else:
            proc.wait()
    return summarise(kind, results, time.perf_counter() - started)


def _label(kind: str, seed: int, index: int) -> str:
    """What input `index` was (regenerated here: the worker never reported it)."""
    from tests.fuzz import hostile

    rng = _rng(seed, kind, index)
    if kind == "profiles":
        return hostile.hostile_profile(rng).kind
    return hostile.rule_folder_edit(rng)[0]


def summarise(kind: str, results: dict[int, dict], seconds: float) -> dict:
    outcomes = collections.Counter(r["outcome"].split(":")[0] for r in results.values())
    tracebacks = collections.Counter(r["outcome"] for r in results.values()
                                     if r["outcome"].startswith("traceback"))
    return {
        "kind": kind, "inputs": len(results), "ok": outcomes["ok"],
        "clear_errors": outcomes["clear"] + outcomes["clear-at-assess"],
        "lint_ok_assess_refused": outcomes["clear-at-assess"],
        "tracebacks": outcomes["traceback"], "hangs": outcomes["hang"],
        "crashes": outcomes["crash"],
        "normal_patient_failed_after": sum(not r["normal_ok"] for r in results.values()),
        "peak_rss_mb": max((r.get("peak_mb", 0) for r in results.values()), default=0),
        "seconds": round(seconds, 1),
        "top_tracebacks": tracebacks.most_common(8),
        "hang_kinds": collections.Counter(
            r.get("kind", "?") for r in results.values()
            if r["outcome"] in ("hang",) or r["outcome"].startswith("crash")).most_common(8),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        kind, seed, start, end = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
        worker(kind, seed, start, end)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=2000)
    parser.add_argument("--rule-folders", type=int, default=40)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--pythonpath", help="source tree to measure instead of this one")
    args = parser.parse_args()
    for kind, count in (("profiles", args.profiles), ("rules", args.rule_folders)):
        if count:
            print(json.dumps(run(kind, count, args.seed, args.pythonpath)), flush=True)


if __name__ == "__main__":
    main()
