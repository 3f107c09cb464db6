"""`make bench`: speed and memory of the engine, measured and written down, never asserted.

Figures: per-assessment latency (p50, p99) of a full assessment (facts, engine, explanation,
trace, contract models) on start-of-treatment profiles and on all generated profiles; the
plain-Python oracle's p50 on the same profiles and the ratio; throughput over 10,000 profiles;
RSS before and after 100,000 assessments; the CLI's cold start; the cost of the run-time
cross-check of every assessment's complete firing set against the oracle. Written to
bench/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from dmt_advisor.advisor import Advisor
from dmt_advisor.engine.oracle import oracle_outcomes
from dmt_advisor.facts import build_facts
from dmt_advisor.profile import Profile
from dmt_advisor.rulebook.load import load_rulebook
from tests.profile_factory import random_profiles

ROOT = Path(__file__).resolve().parents[2]


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def timings(fn: Callable[[Profile], object], profiles: Sequence[Profile]) -> list[float]:
    out = []
    clock = time.perf_counter
    for profile in profiles:
        start = clock()
        fn(profile)
        out.append(clock() - start)
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cold_start(args: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument("--memory-runs", type=int, default=100_000)
    parser.add_argument("--all-drug-profiles", type=int, default=2_000)
    opts = parser.parse_args()

    rulebook = load_rulebook()
    advisor = Advisor(rulebook)
    profiles = random_profiles(10_000, seed=1)
    starting = [p for p in profiles if not (p.treatment.ocrelizumab and
                                            p.treatment.ocrelizumab.doses)]
    rules = list(rulebook.rules_for("ocrelizumab"))
    ocr = ["ocrelizumab"]

    def one(profile: Profile) -> object:
        return advisor.assess(profile, ocr)

    def oracle(profile: Profile) -> object:
        return oracle_outcomes(rules, build_facts(profile))

    for profile in profiles[:500]:  # warm caches and allocator
        one(profile)
        oracle(profile)

    ruleset = advisor._rulesets["ocrelizumab"]
    engine_facts = {id(p): build_facts(p).engine_fact() for p in starting}
    facts_t = timings(build_facts, starting)
    engine_t = timings(lambda p: ruleset.evaluate(engine_facts[id(p)]), starting)
    # The run-time check of the complete firing set against the oracle (issue 8, item 5).
    facts_of = {id(p): build_facts(p) for p in starting}
    fired = {id(p): ruleset.evaluate(engine_facts[id(p)]) for p in starting}
    cross_t = timings(lambda p: advisor._cross_check("ocrelizumab", fired[id(p)],
                                                     facts_of[id(p)]), starting)
    shards = len(ruleset.compiled.shards)

    gc.collect()
    start_t = timings(one, starting)
    start_oracle = timings(oracle, starting)
    all_t = timings(one, profiles)
    all_oracle = timings(oracle, profiles)
    began = time.perf_counter()
    for profile in profiles:
        one(profile)
    throughput = len(profiles) / (time.perf_counter() - began)
    firings = statistics.mean(len(advisor.assess(p, ocr).assessments[0].trace)
                              for p in profiles[:2000])

    # Every drug of the rulebook for one patient (the options view, issue 9): the whole
    # assessment (facts, every drug's engine run, explanations, calendars, trace and the full
    # cross-check), and the time per drug alone.
    sample = profiles[:opts.all_drug_profiles]
    drugs = list(advisor.drugs)
    for profile in sample[:100]:
        advisor.assess(profile)
    every_t = timings(advisor.assess, sample)
    per_drug = {d: pct(timings(lambda p, d=d: advisor.assess(p, [d]), sample[:500]), .5)
                for d in drugs}

    gc.collect()
    rss_before = rss_mb()
    for i in range(opts.memory_runs):
        one(profiles[i % len(profiles)])
    for i in range(opts.memory_runs // 20):
        advisor.assess(profiles[i % len(profiles)])
    gc.collect()
    rss_after = rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3

    example = str(ROOT / "examples" / "rrms-ready-to-start.yaml")
    cli = [sys.executable, "-m", "dmt_advisor.cli"]
    cold_import = cold_start([sys.executable, "-c", "import dmt_advisor.cli"])
    cold_assess = cold_start([*cli, "assess", example, "--json"])
    advisor.close()

    us = 1e6
    lines = [
        "# Benchmark results",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by `make bench` on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"rulebook {rulebook.version} ({len(rules)} ocrelizumab rules, sha256 "
        f"{rulebook.sha256[:12]}). Figures, not assertions: no test fails on them.",
        "",
        "A full assessment = profile facts, durable-rules run, explanation of every firing",
        "(because, missing, citations), trace, and the contract models.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| start-of-treatment assessment p50 ({len(starting)} profiles) | "
        f"{pct(start_t, .5) * us:.0f} µs |",
        f"| start-of-treatment assessment p99 | {pct(start_t, .99) * us:.0f} µs |",
        f"| plain-Python oracle p50, same profiles | {pct(start_oracle, .5) * us:.0f} µs |",
        f"| ratio engine / oracle (p50) | {pct(start_t, .5) / pct(start_oracle, .5):.1f}x |",
        f"| of which: facts from the profile, p50 | {pct(facts_t, .5) * us:.0f} µs |",
        f"| of which: durable-rules run ({shards} shards), p50 | {pct(engine_t, .5) * us:.0f} µs |",
        f"| of which: full cross-check of the firing set against the oracle, p50 | "
        f"{pct(cross_t, .5) * us:.0f} µs ({pct(cross_t, .5) / pct(start_t, .5):.0%} of the "
        "assessment) |",
        f"| any profile, assessment p50 / p99 ({len(profiles)} profiles) | "
        f"{pct(all_t, .5) * us:.0f} / {pct(all_t, .99) * us:.0f} µs |",
        f"| any profile, oracle p50 | {pct(all_oracle, .5) * us:.0f} µs |",
        f"| mean rules fired per assessment (true or undecided) | {firings:.1f} |",
        f"| throughput over {len(profiles)} profiles, one thread | {throughput:,.0f} /s |",
        f"| RSS before / after {opts.memory_runs:,} ocrelizumab + {opts.memory_runs // 20:,} "
        f"all-drug assessments | {rss_before:.1f} / "
        f"{rss_after:.1f} MB ({rss_after - rss_before:+.1f} MB) |",
        f"| peak RSS of the benchmark process | {peak:.1f} MB |",
        f"| CLI cold start: `import dmt_advisor.cli` (median of 7) | {cold_import * 1e3:.0f} ms |",
        f"| CLI cold start: `dmt-advisor assess EXAMPLE --json` (median of 7) | "
        f"{cold_assess * 1e3:.0f} ms |",
        "",
        f"## Every drug for one patient ({len(drugs)} drugs, {len(sample):,} profiles)",
        "",
        "| measure | value |",
        "|---|---|",
        f"| all-drug assessment p50 / p99 | {pct(every_t, .5) * us:,.0f} / "
        f"{pct(every_t, .99) * us:,.0f} µs |",
        f"| sum of the per-drug p50s | {sum(per_drug.values()) * us:,.0f} µs |",
        "",
        "| drug | rules (own + switch-out of others) | durable-rules shards | p50 alone |",
        "|---|---|---|---|",
        *[f"| {d} | {len(advisor._rulesets[d].compiled.rule_ids)} | "
          f"{len(advisor._rulesets[d].compiled.shards)} | {per_drug[d] * us:,.0f} µs |"
          for d in drugs],
        "",
        "The oracle evaluates the same conditions in plain Python without explanation, models",
        "or the engine; every assessment compares its complete set of firings with the oracle's",
        "(included in the assessment figures; its own cost is the cross-check row).",
        "",
    ]
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    opts.out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
