"""A readable Markdown report of the last scenario run (reports/last-run.md), for a review.

Built from the Cucumber JSON pytest-bdd writes (steps and their status) plus the coverage table.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from dmt_advisor.qa.coverage import Coverage, render_markdown
from dmt_advisor.rulebook.load import Rulebook

ICON = {"passed": "passed", "failed": "**FAILED**", "skipped": "skipped"}


def _scenario_status(element: dict[str, Any]) -> str:
    statuses = [s.get("result", {}).get("status", "skipped") for s in element.get("steps", [])]
    if "failed" in statuses:
        return "failed"
    return "passed" if statuses and all(s == "passed" for s in statuses) else "skipped"


def render_run(cucumber: list[dict[str, Any]] | None, cov: Coverage, book: Rulebook) -> str:
    """The whole report: summary, failures with their step, each feature's scenarios, coverage."""
    elements = [(f, e) for f in cucumber or [] for e in f.get("elements", [])]
    failed = [(f, e) for f, e in elements if _scenario_status(e) == "failed"]
    out = [
        "# Scenario run",
        "",
        f"- run: {dt.datetime.now().isoformat(timespec='seconds')}",
        f"- rulebook: {book.name} {book.version} (sha256 {book.sha256[:12]}), "
        f"{len(book.rules)} rules, folder `{book.root}`",
        f"- scenarios: {len(elements) or cov.scenario_count}, failed: "
        f"{len(failed) if cucumber is not None else len(cov.failed_scenarios)}",
        f"- rules with a firing scenario: {len(cov.rules) - len(cov.uncovered)}/"
        f"{len(cov.rules)} ({cov.percent:.1f}%)",
        "",
    ]
    if failed:
        out += ["## Failures", ""]
        for feature, element in failed:
            out.append(f"### {feature['uri']}: {element['name']}")
            for step in element["steps"]:
                result = step.get("result", {})
                if result.get("status") == "failed":
                    out += ["", f"Failing step: `{step['keyword']} {step['name']}` "
                            f"(line {step['line']})", "", "```",
                            str(result.get("error_message", ""))[-1500:], "```", ""]
    for feature in cucumber or []:
        tags = " ".join(f"`{t['name']}`" for t in feature.get("tags", []))
        out += [f"## {feature['name']}", "", f"`{feature['uri']}` {tags}", "",
                "| scenario | result | steps |", "|---|---|---|"]
        for element in feature.get("elements", []):
            status = _scenario_status(element)
            name = element["name"].replace("|", "\\|")
            out.append(f"| {name} | {ICON[status]} | {len(element.get('steps', []))} |")
        out.append("")
    out.append(render_markdown(cov))
    return "\n".join(out)


def write_run_report(reports_dir: Path, cov: Coverage, book: Rulebook) -> Path:
    """Write reports/last-run.md (and coverage.json) from the last run's files."""
    cucumber_file = reports_dir / "cucumber.json"
    cucumber = json.loads(cucumber_file.read_text("utf-8")) if cucumber_file.is_file() else None
    path = reports_dir / "last-run.md"
    path.write_text(render_run(cucumber, cov, book), encoding="utf-8")
    (reports_dir / "coverage.json").write_text(json.dumps(cov.as_dict(), indent=1), "utf-8")
    return path
