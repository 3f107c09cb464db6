"""The impact of a rulebook change: load both rulebooks side by side and re-assess a corpus.

`dmt-advisor diff BASE [HEAD]`: BASE and HEAD are rules folders or git revisions (their `rules/`
is extracted with `git archive` into a temporary folder); HEAD defaults to the working tree's
rules. Both rulebooks are compiled into their own `Advisor` (their own durable-rules rulesets) in
this one process and closed afterwards.

The corpus is: every profile a Gherkin scenario assessed (collected by running the scenarios with
the recorder plugin, so Background steps, outlines and relative dates are exactly as in the run),
`examples/*.yaml`, and the grid of `dmt_advisor.qa.grid` derived from what both rulebooks read.
A profile is reported when, for a drug, its verdict or its findings (rule id, verdict, status)
differ; the rules responsible are those whose findings differ.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dmt_advisor.advisor import Advisor
from dmt_advisor.assessment import DrugAssessment
from dmt_advisor.errors import DmtAdvisorError
from dmt_advisor.qa.grid import GridProfile, build_grid, parameters
from dmt_advisor.rulebook.load import Rulebook, default_rules_dir, load_rulebook

REPO = Path(__file__).resolve().parents[3]


# ---- rulebook sides -----------------------------------------------------------------------

def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)


@contextmanager
def rules_side(spec: str | Path | None, repo: Path = REPO) -> Iterator[tuple[Path, str]]:
    """A rules folder for `spec` (folder, git revision, or None = working tree) and its label."""
    if spec is None:
        yield default_rules_dir(), "working tree"
        return
    if Path(spec).is_dir():
        yield Path(spec), str(spec)
        return
    rev = _git(repo, "rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}")
    if rev.returncode != 0:
        raise DmtAdvisorError(f"{spec!r} is neither a rules folder nor a git revision of {repo}")
    sha = rev.stdout.decode().strip()
    rel = default_rules_dir().resolve()
    try:
        sub = str(rel.relative_to(repo.resolve()))
    except ValueError:
        sub = "rules"
    archive = _git(repo, "archive", "--format=tar", sha, sub)
    if archive.returncode != 0:
        raise DmtAdvisorError(f"revision {spec} has no {sub}/ folder")
    with tempfile.TemporaryDirectory(prefix="dmt-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp) / sub, f"{spec} ({sha[:10]})"


# ---- corpus ------------------------------------------------------------------------------

def example_profiles(folder: Path) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            out.append((f"examples/{path.name}", "example", json.loads(json.dumps(
                data, default=str))))
    return out


# ---- comparison --------------------------------------------------------------------------

@dataclass
class Side:
    verdict: str | None
    findings: dict[str, tuple[str, str]]  # rule id -> (verdict, status)


def _side(item: DrugAssessment | None) -> Side:
    if item is None:
        return Side(None, {})
    return Side(item.verdict.value, {f.rule_id: (str(f.verdict), f.status)
                                     for f in item.findings})


@dataclass
class Change:
    label: str
    source: str
    drug: str
    profile: dict[str, Any]
    base: Side
    head: Side

    @property
    def responsible(self) -> list[str]:
        ids = set(self.base.findings) | set(self.head.findings)
        return sorted(i for i in ids if self.base.findings.get(i) != self.head.findings.get(i))

    @property
    def transition(self) -> str:
        return f"{self.base.verdict} -> {self.head.verdict}"

    def as_dict(self) -> dict[str, Any]:
        def finding_list(side: Side) -> list[dict[str, str]]:
            return [{"rule_id": k, "verdict": v, "status": s}
                    for k, (v, s) in sorted(side.findings.items())]
        return {
            "label": self.label, "source": self.source, "drug": self.drug,
            "base_verdict": self.base.verdict, "head_verdict": self.head.verdict,
            "rules_responsible": self.responsible,
            "findings_added": [r for r in self.responsible if r not in self.base.findings],
            "findings_removed": [r for r in self.responsible if r not in self.head.findings],
            "findings_changed": [r for r in self.responsible
                                 if r in self.base.findings and r in self.head.findings],
            "base_findings": finding_list(self.base), "head_findings": finding_list(self.head),
            "profile": self.profile,
        }


@dataclass
class DiffReport:
    base_label: str
    head_label: str
    base_book: dict[str, str]
    head_book: dict[str, str]
    rules_added: list[str]
    rules_removed: list[str]
    rules_changed: dict[str, list[str]]
    corpus: Counter[str]
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def by_rule(self) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        for change in self.changes:
            for rid in change.responsible:
                out.setdefault(rid, Counter())[change.transition] += 1
        return dict(sorted(out.items()))

    def as_dict(self) -> dict[str, Any]:
        return {
            "base": {"label": self.base_label, **self.base_book},
            "head": {"label": self.head_label, **self.head_book},
            "rules": {"added": self.rules_added, "removed": self.rules_removed,
                      "changed": self.rules_changed},
            "corpus": dict(self.corpus),
            "notes": self.notes,
            "changed_profiles": len(self.changes),
            "by_rule": {k: dict(v) for k, v in self.by_rule().items()},
            "changes": [c.as_dict() for c in self.changes],
        }


def rule_changes(base: Rulebook, head: Rulebook) -> tuple[list[str], list[str],
                                                          dict[str, list[str]]]:
    """Rule ids added, removed, and changed (with the names of the fields that differ)."""
    b = {r.id: r.model_dump(mode="json") for r in base.rules}
    h = {r.id: r.model_dump(mode="json") for r in head.rules}
    changed = {rid: sorted(k for k in set(b[rid]) | set(h[rid]) if b[rid].get(k) != h[rid].get(k))
               for rid in sorted(set(b) & set(h)) if b[rid] != h[rid]}
    return sorted(set(h) - set(b)), sorted(set(b) - set(h)), changed


def compare(base: Rulebook, head: Rulebook, corpus: list[tuple[str, str, dict[str, Any]]],
            base_label: str = "base", head_label: str = "head",
            limit: int = 20000) -> DiffReport:
    """Assess the corpus and its grid with both rulebooks; keep the profiles that change."""
    added, removed, changed = rule_changes(base, head)
    grid = build_grid(parameters([base.rules, head.rules]), corpus, limit)
    report = DiffReport(
        base_label, head_label,
        {"name": base.name, "version": base.version, "sha256": base.sha256},
        {"name": head.name, "version": head.version, "sha256": head.sha256},
        added, removed, changed, Counter(g.source for g in grid))
    if (added or removed or changed) and base.version == head.version:
        report.notes.append(f"rules changed but the rulebook version is still {head.version}: "
                            "bump it in rules/rulebook.yaml")
    if len(grid) >= limit:
        report.notes.append(f"the corpus was cut at {limit} profiles")
    with Advisor(base) as old, Advisor(head) as new:
        drugs = list(dict.fromkeys([*old.drugs, *new.drugs]))
        for item in grid:
            report.changes += _changes(item, drugs, old, new)
    # verdict changes first, then by rule and label, so a reviewer reads the big news first
    report.changes.sort(key=lambda c: (c.base.verdict == c.head.verdict, c.responsible,
                                       c.source != "scenario", c.label))
    return report


def _changes(item: GridProfile, drugs: list[str], old: Advisor, new: Advisor) -> list[Change]:
    a = old.assess(item.profile, [d for d in drugs if d in old.drugs])
    b = new.assess(item.profile, [d for d in drugs if d in new.drugs])
    out = []
    for drug in drugs:
        base = _side(next((x for x in a.assessments if x.drug == drug), None))
        head = _side(next((x for x in b.assessments if x.drug == drug), None))
        if base != head:
            out.append(Change(item.label, item.source, drug, item.data, base, head))
    return out


# ---- rendering ---------------------------------------------------------------------------

def render_text(report: DiffReport, max_rows: int = 40) -> str:
    out = [f"base: {report.base_label} — {report.base_book['name']} {report.base_book['version']}",
           f"head: {report.head_label} — {report.head_book['name']} {report.head_book['version']}",
           f"rules added: {', '.join(report.rules_added) or 'none'}",
           f"rules removed: {', '.join(report.rules_removed) or 'none'}"]
    for rid, fields in report.rules_changed.items():
        out.append(f"rule changed: {rid} ({', '.join(fields)})")
    out.append("corpus: " + ", ".join(f"{n} {k}" for k, n in sorted(report.corpus.items()))
               + f"; {len(report.changes)} profile assessments change")
    out += [f"note: {n}" for n in report.notes]
    for rid, transitions in report.by_rule().items():
        out.append(f"  {rid}: " + ", ".join(f"{t} x{n}" for t, n in transitions.items()))
    for change in report.changes[:max_rows]:
        out.append(f"- [{change.source}] {change.label} ({change.drug}): {change.transition}; "
                   f"rules: {', '.join(change.responsible)}")
    if len(report.changes) > max_rows:
        out.append(f"... and {len(report.changes) - max_rows} more (use --format json)")
    return "\n".join(out) + "\n"


def render_markdown(report: DiffReport, max_rows: int = 200) -> str:
    out = [f"# Rulebook change: {report.base_label} → {report.head_label}", "",
           f"- base: {report.base_book['name']} {report.base_book['version']} "
           f"(sha256 {report.base_book['sha256'][:12]})",
           f"- head: {report.head_book['name']} {report.head_book['version']} "
           f"(sha256 {report.head_book['sha256'][:12]})",
           "- corpus: " + ", ".join(f"{n} {k}" for k, n in sorted(report.corpus.items())), ""]
    out += [f"> **Note:** {n}" for n in report.notes]
    out += ["", "## Rules", ""]
    out += [f"- added: `{r}`" for r in report.rules_added]
    out += [f"- removed: `{r}`" for r in report.rules_removed]
    out += [f"- changed: `{r}` ({', '.join(f)})" for r, f in report.rules_changed.items()]
    if not (report.rules_added or report.rules_removed or report.rules_changed):
        out.append("- no rule changed")
    out += ["", f"## Impact: {len(report.changes)} profile assessments change", ""]
    if report.changes:
        out += ["| rule responsible | verdict change | profiles |", "|---|---|---|"]
        for rid, transitions in report.by_rule().items():
            for t, n in transitions.items():
                out.append(f"| `{rid}` | {t.replace('->', '→')} | {n} |")
        out += ["", "| profile | source | drug | verdict | rules responsible |",
                "|---|---|---|---|---|"]
        for c in report.changes[:max_rows]:
            label = c.label.replace("|", "/")
            out.append(f"| {label} | {c.source} | {c.drug} | {c.transition.replace('->', '→')} "
                       f"| {', '.join(f'`{r}`' for r in c.responsible)} |")
        if len(report.changes) > max_rows:
            out.append(f"\n... and {len(report.changes) - max_rows} more (see the JSON report)")
    out.append("")
    return "\n".join(out)


def render(report: DiffReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.as_dict(), indent=1, default=str) + "\n"
    return render_markdown(report) if fmt == "markdown" else render_text(report)


def diff_rulebooks(base: str | Path, head: str | Path | None,
                   corpus: list[tuple[str, str, dict[str, Any]]], limit: int = 20000,
                   repo: Path = REPO) -> DiffReport:
    """Resolve both sides (folders or git revisions), load them, compare over the corpus."""
    with rules_side(str(base), repo) as (base_dir, base_label), \
            rules_side(None if head is None else str(head), repo) as (head_dir, head_label):
        base_book, head_book = load_rulebook(base_dir), load_rulebook(head_dir)
    return compare(base_book, head_book, corpus, base_label, head_label, limit)


def build_corpus(scenarios: bool = True, scenario_record: Path | None = None,
                 examples: Path | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """Scenario profiles (from a recorded run, or by running the scenarios) and examples."""
    from dmt_advisor.qa.scenarios import load_run, run_scenarios

    corpus: list[tuple[str, str, dict[str, Any]]] = []
    if scenario_record is not None:
        run = load_run(scenario_record)
        corpus += [(label, "scenario", p) for label, p in run.profiles()]
    elif scenarios:
        with tempfile.TemporaryDirectory(prefix="dmt-diff-run-") as tmp:
            run = run_scenarios(Path(tmp), cucumber=False)
        corpus += [(label, "scenario", p) for label, p in run.profiles()]
    folder = examples if examples is not None else REPO / "examples"
    if folder.is_dir():
        corpus += example_profiles(folder)
    return corpus
