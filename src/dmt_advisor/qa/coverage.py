"""Rule coverage by the Gherkin scenarios: which scenarios *check* each rule.

A rule is covered when a passing scenario checks it: a Then step names it (`the finding <id> is
reported / is not reported / has verdict ...`, a `findings include:` row, `asked by <id>`), or a
`Then the verdict is V` step passes while the rule applies with verdict V (the rule decided the
verdict being checked). A rule that merely fires in some scenario is not covered: nobody looked
at what it said. Firing and being undecided for missing data are reported beside it.
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
    checked: list[str] = field(default_factory=list)     # passing scenarios that check it

    @property
    def status(self) -> str:
        if self.checked:
            return "checked"
        if self.fires:
            return "fires, never checked"
        return "undecided only" if self.undecided else "not exercised"


@dataclass
class Coverage:
    rules: list[RuleCoverage]
    scenario_count: int
    failed_scenarios: list[str]
    unknown_rule_ids: list[str]   # in a trace but not in the rulebook (another rules folder?)

    @property
    def uncovered(self) -> list[RuleCoverage]:
        """Rules no passing scenario checks (the gate of `make test`)."""
        return [r for r in self.rules if not r.checked]

    @property
    def never_fire(self) -> list[RuleCoverage]:
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
            "never_fire": [r.rule_id for r in self.never_fire],
            "per_rule": [{"rule_id": r.rule_id, "file": r.file, "status": r.status,
                          "checked": r.checked, "fires": r.fires, "undecided": r.undecided}
                         for r in self.rules],
        }


def compute_coverage(book: Rulebook, scenarios: list[dict[str, Any]]) -> Coverage:
    """Per rule of `book`: the scenarios that check it, where it fires, where undecided."""
    table = {r.id: RuleCoverage(r.id, book.rule_files[r.id]) for r in book.rules}
    unknown: set[str] = set()
    for s in scenarios:
        label = scenario_label(s)
        if s["outcome"] == "passed":
            for rid in s.get("checked_rules", []):
                cov = table.get(rid)
                if cov is None:
                    unknown.add(rid)
                elif label not in cov.checked:
                    cov.checked.append(label)
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
    failed = [scenario_label(s) for s in scenarios if s["outcome"] == "failed"]
    return Coverage(list(table.values()), len(scenarios), failed, sorted(unknown))


def render_text(cov: Coverage) -> str:
    """A terminal summary: one line per rule, then the gaps."""
    lines = []
    width = max((len(r.rule_id) for r in cov.rules), default=10)
    for r in cov.rules:
        lines.append(f"{r.rule_id:<{width}}  checked in {len(r.checked):>3}  fires in "
                     f"{len(r.fires):>3}  undecided in {len(r.undecided):>3}  "
                     f"{'' if r.checked else '<- ' + r.status}")
    lines.append("")
    lines.append(f"{len(cov.rules) - len(cov.uncovered)}/{len(cov.rules)} rules checked by a "
                 f"passing scenario ({cov.percent:.1f}%); "
                 f"{len(cov.rules) - len(cov.never_fire)}/{len(cov.rules)} fire in one; "
                 f"{cov.scenario_count} scenarios, {len(cov.failed_scenarios)} failed")
    for r in cov.uncovered:
        where = (f" (fires in: {'; '.join(r.fires[:2])})" if r.fires else
                 f" (undecided in: {'; '.join(r.undecided[:2])})" if r.undecided else "")
        lines.append(f"no scenario checks: {r.rule_id} ({r.file}){where}")
    for label in cov.failed_scenarios:
        lines.append(f"failed scenario: {label}")
    for rid in cov.unknown_rule_ids:
        lines.append(f"note: traces name {rid}, which this rulebook does not have")
    return "\n".join(lines) + "\n"


def render_markdown(cov: Coverage) -> str:
    """The coverage table for reports/last-run.md."""
    out = [f"## Rule coverage: {len(cov.rules) - len(cov.uncovered)}/{len(cov.rules)} rules "
           f"checked by a scenario ({cov.percent:.1f}%)", ""]
    if cov.uncovered:
        out += ["**Rules no scenario checks:** "
                + ", ".join(f"`{r.rule_id}`" for r in cov.uncovered), ""]
    out += ["| rule | file | checked in | fires in | undecided in | status |",
            "|---|---|---|---|---|---|"]
    for r in cov.rules:
        out.append(f"| `{r.rule_id}` | {r.file} | {len(r.checked)} | {len(r.fires)} | "
                   f"{len(r.undecided)} | {r.status} |")
    out.append("")
    out += ["Scenarios per rule: `coverage.json` and `last-run.html` beside this file.", ""]
    return "\n".join(out)
