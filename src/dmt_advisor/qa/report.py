"""Readable reports of the last scenario run: reports/last-run.md (short, for a review) and
reports/last-run.html (living documentation: every feature, scenario, step, the rules each
scenario checks, and the coverage table).

Both are built from the recorder's records, whose outcome is pytest's own: a report never says
passed where the terminal said failed.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter
from pathlib import Path
from typing import Any

from dmt_advisor.qa.coverage import Coverage, render_markdown
from dmt_advisor.qa.recorder import scenario_title
from dmt_advisor.rulebook.load import Rulebook

ICON = {"passed": "passed", "failed": "**FAILED**", "skipped": "skipped"}


def _by_feature(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        out.setdefault(r["feature"], []).append(r)
    return out


def _counts(records: list[dict[str, Any]]) -> Counter[str]:
    return Counter(r["outcome"] for r in records)


def render_run(records: list[dict[str, Any]], cov: Coverage, book: Rulebook) -> str:
    """Summary, failures (step, line, the assertion), a line per feature, the coverage table."""
    counts = _counts(records)
    out = [
        "# Scenario run", "",
        f"- run: {dt.datetime.now().isoformat(timespec='seconds')}",
        f"- rulebook: {book.name} {book.version} (sha256 {book.sha256[:12]}), "
        f"{len(book.rules)} rules, folder `{book.root}`",
        f"- scenarios: {len(records)}, passed: {counts['passed']}, failed: {counts['failed']}, "
        f"skipped: {counts['skipped']}",
        f"- rules checked by a passing scenario: {len(cov.rules) - len(cov.uncovered)}/"
        f"{len(cov.rules)} ({cov.percent:.1f}%); fire in a scenario: "
        f"{len(cov.rules) - len(cov.never_fire)}/{len(cov.rules)}",
        "- full detail: `last-run.html`, `cucumber.json`, `coverage.json` beside this file", "",
    ]
    failed = [r for r in records if r["outcome"] == "failed"]
    if failed:
        out += ["## Failures", ""]
        for r in failed:
            out.append(f"### {r['feature']}: {scenario_title(r)} (line "
                       f"{r.get('example_line') or r['line']})")
            bad = [s for s in r["steps"] if s["status"] in ("failed", "undefined")]
            for s in bad:
                word = "Unknown step" if s["status"] == "undefined" else "Failing step"
                out += ["", f"{word}: `{s['keyword']} {s['name']}` (line {s['line']})", "",
                        "```", str(s.get("error") or r.get("error") or "")[:1500], "```"]
            if not bad:
                out += ["", "```", str(r.get("error") or "")[:1500], "```"]
            skipped = sum(1 for s in r["steps"] if s["status"] == "skipped")
            if skipped:
                out.append(f"\n{skipped} later step(s) skipped.")
            out.append("")
    out += ["## Features", "", "| feature | scenarios | passed | failed | skipped |",
            "|---|---|---|---|---|"]
    for feature, items in _by_feature(records).items():
        c = _counts(items)
        out.append(f"| `{feature}` | {len(items)} | {c['passed']} | {c['failed']} | "
                   f"{c['skipped']} |")
    out.append("")
    out.append(render_markdown(cov))
    return "\n".join(out)


CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222;max-width:70rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ccc}
.passed{color:#17692b}.failed,.undefined{color:#b00020}.skipped{color:#777}
.badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.8rem;
 border:1px solid currentColor}
details{margin:.3rem 0 .3rem .5rem}summary{cursor:pointer}
ol{margin:.2rem 0 .4rem 1rem;padding-left:1rem}li{font-family:ui-monospace,monospace;
 font-size:.85rem}
pre{background:#fbeaea;padding:.4rem;white-space:pre-wrap;font-size:.8rem}
table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #ccc;padding:.15rem .4rem}
.tag{color:#555;font-size:.8rem}.rules{font-size:.8rem;color:#333}
"""


def render_html(records: list[dict[str, Any]], cov: Coverage, book: Rulebook) -> str:
    """One self-contained HTML page: features, scenarios with steps and results, the rules each
    scenario checks, and the coverage table."""
    e = html.escape
    counts = _counts(records)
    out = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
           "<title>Scenario run: living documentation</title>", f"<style>{CSS}</style>",
           "</head><body>", "<h1>Scenario run: living documentation</h1>",
           f"<p>Rulebook <b>{e(book.name)} {e(book.version)}</b> (sha256 {book.sha256[:12]}, "
           f"{len(book.rules)} rules). Scenarios: <b>{len(records)}</b>, "
           f"<span class='passed'>passed {counts['passed']}</span>, "
           f"<span class='failed'>failed {counts['failed']}</span>, "
           f"<span class='skipped'>skipped {counts['skipped']}</span>. Rules checked by a "
           f"passing scenario: <b>{len(cov.rules) - len(cov.uncovered)}/{len(cov.rules)}</b> "
           f"({cov.percent:.1f}%).</p>"]
    for feature, items in _by_feature(records).items():
        c = _counts(items)
        out.append(f"<h2>{e(items[0]['feature_name'])} <span class='tag'>{e(feature)} "
                   + " ".join(f"@{e(t)}" for t in items[0].get("feature_tags", []))
                   + f"</span> <span class='passed'>{c['passed']}</span>/"
                   f"{len(items)}</h2>")
        for r in items:
            status = r["outcome"]
            rules = r.get("checked_rules", [])
            out.append(f"<details{' open' if status == 'failed' else ''}><summary>"
                       f"<span class='badge {status}'>{status}</span> {e(scenario_title(r))} "
                       f"<span class='tag'>line {r.get('example_line') or r['line']}</span>"
                       "</summary>")
            if rules:
                out.append("<div class='rules'>checks: "
                           + ", ".join(f"<code>{e(x)}</code>" for x in rules) + "</div>")
            out.append("<ol>")
            for s in r["steps"]:
                out.append(f"<li class='{s['status']}'>{e(s['keyword'])} {e(s['name'])} "
                           f"<span class='tag'>[{s['status']}, line {s['line']}]</span>")
                if s.get("rows"):
                    out.append("<table>" + "".join(
                        "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                        for row in s["rows"]) + "</table>")
                if s.get("error") and s["status"] in ("failed", "undefined"):
                    out.append(f"<pre>{e(str(s['error']))}</pre>")
                out.append("</li>")
            out.append("</ol></details>")
    out += ["<h2>Rule coverage</h2>",
            "<table><tr><th>rule</th><th>file</th><th>checked in</th><th>fires in</th>"
            "<th>undecided in</th><th>status</th></tr>"]
    for rc in cov.rules:
        cls = "passed" if rc.checked else "failed"
        out.append(f"<tr><td><code>{e(rc.rule_id)}</code></td><td>{e(rc.file)}</td>"
                   f"<td>{len(rc.checked)}</td><td>{len(rc.fires)}</td>"
                   f"<td>{len(rc.undecided)}</td><td class='{cls}'>{e(rc.status)}</td></tr>")
    out += ["</table>", "</body></html>"]
    return "\n".join(out)


def write_run_report(reports_dir: Path, cov: Coverage, book: Rulebook,
                     records: list[dict[str, Any]] | None = None) -> Path:
    """Write reports/last-run.md, last-run.html and coverage.json from the last run."""
    if records is None:
        record_file = reports_dir / "scenarios.json"
        records = json.loads(record_file.read_text("utf-8"))["scenarios"] \
            if record_file.is_file() else []
    path = reports_dir / "last-run.md"
    path.write_text(render_run(records, cov, book), encoding="utf-8")
    (reports_dir / "last-run.html").write_text(render_html(records, cov, book), "utf-8")
    (reports_dir / "coverage.json").write_text(json.dumps(cov.as_dict(), indent=1), "utf-8")
    return path
