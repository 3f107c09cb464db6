"""Rule coverage by the Gherkin scenarios: which scenarios make each rule fire.

A rule is covered when at least one scenario assessed a profile on which it *fires* (its trace
outcome is "true"). Being undecided for missing data is reported too, but does not cover a rule:
nobody has then checked what the rule says when it applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dmt_advisor.qa.scenarios import scenario_label
from dmt_advisor.rulebook.load import Rulebook


@dataclass
class RuleCoverage:
    rule_id: str
    file: str
    fires: list[str] = field(default_factory=list)       # scenario labels
    undecided: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.fires:
            return "fires"
        return "undecided only" if self.undecided else "not exercised"


@dataclass
class Coverage:
    rules: list[RuleCoverage]
    scenario_count: int
    failed_scenarios: list[str]
    unknown_rule_ids: list[str]   # in a trace but not in the rulebook (another rules folder?)

    @property
    def uncovered(self) -> list[RuleCoverage]:
        return [r for r in self.rules if not r.fires]

    @property
    def percent(self) -> float:
        return 100.0 * (len(self.rules) - len(self.uncovered)) / len(self.rules) \
            if self.rules else 100.0

    @property
    def ok(self) -> bool:
        return not self.uncovered and not self.failed_scenarios

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenarios": self.scenario_count,
            "failed_scenarios": self.failed_scenarios,
            "rules": len(self.rules),
            "covered_percent": round(self.percent, 1),
            "uncovered": [r.rule_id for r in self.uncovered],
            "per_rule": [{"rule_id": r.rule_id, "file": r.file, "status": r.status,
                          "fires": r.fires, "undecided": r.undecided} for r in self.rules],
        }


def compute_coverage(book: Rulebook, scenarios: list[dict[str, Any]]) -> Coverage:
    """Per rule of `book`: the scenarios where it fires and where it is undecided."""
    table = {r.id: RuleCoverage(r.id, book.rule_files[r.id]) for r in book.rules}
    unknown: set[str] = set()
    for s in scenarios:
        label = scenario_label(s)
        for assessment in s["assessments"]:
            for drug in assessment["drugs"]:
                for entry in drug["trace"]:
                    cov = table.get(entry["rule_id"])
                    if cov is None:
                        unknown.add(entry["rule_id"])
                        continue
                    bucket = cov.fires if entry["outcome"] == "true" else cov.undecided
                    if label not in bucket:
                        bucket.append(label)
    failed = [scenario_label(s) for s in scenarios if s["outcome"] != "passed"]
    return Coverage(list(table.values()), len(scenarios), failed, sorted(unknown))


def render_text(cov: Coverage) -> str:
    """A terminal summary: one line per rule, then the gaps."""
    lines = []
    width = max((len(r.rule_id) for r in cov.rules), default=10)
    for r in cov.rules:
        lines.append(f"{r.rule_id:<{width}}  fires in {len(r.fires):>3}  undecided in "
                     f"{len(r.undecided):>3}  {'' if r.fires else '<- ' + r.status}")
    lines.append("")
    lines.append(f"{len(cov.rules) - len(cov.uncovered)}/{len(cov.rules)} rules fire in at "
                 f"least one scenario ({cov.percent:.1f}%); {cov.scenario_count} scenarios, "
                 f"{len(cov.failed_scenarios)} failed")
    for r in cov.uncovered:
        where = f" (undecided in: {'; '.join(r.undecided[:3])})" if r.undecided else ""
        lines.append(f"no firing scenario: {r.rule_id} ({r.file}){where}")
    for label in cov.failed_scenarios:
        lines.append(f"failed scenario: {label}")
    for rid in cov.unknown_rule_ids:
        lines.append(f"note: traces name {rid}, which this rulebook does not have")
    return "\n".join(lines) + "\n"


def render_markdown(cov: Coverage) -> str:
    """The coverage table for reports/last-run.md."""
    out = [f"## Rule coverage: {len(cov.rules) - len(cov.uncovered)}/{len(cov.rules)} rules fire "
           f"in a scenario ({cov.percent:.1f}%)", ""]
    if cov.uncovered:
        out += ["**Rules without a firing scenario:** "
                + ", ".join(f"`{r.rule_id}`" for r in cov.uncovered), ""]
    out += ["| rule | file | fires in | undecided in | status |", "|---|---|---|---|---|"]
    for r in cov.rules:
        out.append(f"| `{r.rule_id}` | {r.file} | {len(r.fires)} | {len(r.undecided)} | "
                   f"{r.status} |")
    out.append("")
    out += ["<details><summary>Scenarios per rule</summary>", ""]
    for r in cov.rules:
        out.append(f"- `{r.rule_id}` fires in: " + ("; ".join(r.fires) or "none"))
    out += ["", "</details>", ""]
    return "\n".join(out)
