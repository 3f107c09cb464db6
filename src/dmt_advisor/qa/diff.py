"""The impact of a rulebook change: load both rulebooks side by side and re-assess a corpus.

`dmt-advisor diff BASE [HEAD]`: BASE and HEAD are rules folders or git revisions (their `rules/`
is extracted with `git archive` into a temporary folder); HEAD defaults to the working tree's
rules. Both rulebooks are compiled into their own `Advisor` (their own durable-rules rulesets) in
this one process and closed afterwards.

The corpus is: every profile a Gherkin scenario assessed (collected by running the scenarios with
the recorder plugin, so Background steps, outlines and relative dates are exactly as in the run),
`examples/*.yaml`, and the grid of `dmt_advisor.qa.grid` derived from what both rulebooks read.
A profile is reported when, for a drug, its verdict, its findings (rule id, verdict, status) or
its schedule (each event's due / earliest / latest date, status, holds) differ; the rules
responsible are those whose findings or schedule items differ. Named `parameters:` (the dosing
calendar's numbers) are part of the rulebook: a changed parameter is a rule change.
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
from dmt_advisor.rulebook.model import Rule

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
    # schedule event -> (rule id, ((field, value), ...)) for due, earliest, latest, status, holds
    schedule: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=dict)


def _when(item: Any) -> tuple[tuple[str, str], ...]:
    parts = [(k, str(getattr(item, k))) for k in ("due", "earliest", "latest", "status")
             if getattr(item, k) is not None]
    if item.held_by:
        parts.append(("held by", ", ".join(item.held_by)))
    return tuple(parts)


def _holders(entry: tuple[str, tuple[tuple[str, str], ...]] | None) -> set[str]:
    """The rule ids holding a schedule item (from `_when`'s "held by" part)."""
    if entry is None:
        return set()
    return {rule for key, value in entry[1] if key == "held by" for rule in value.split(", ")}


def _side(item: DrugAssessment | None) -> Side:
    if item is None:
        return Side(None, {})
    return Side(item.verdict.value,
                {f.rule_id: (str(f.verdict), f.status) for f in item.findings},
                {s.event: (s.rule_id or "schedule", _when(s)) for s in item.schedule})


@dataclass
class Change:
    label: str
    source: str
    drug: str
    profile: dict[str, Any]
    base: Side
    head: Side
    # rules and parameters the two rulebooks differ in: a dose held on both sides whose release
    # date moved is attributed to the holding rules among them
    rulebook_changes: frozenset[str] = frozenset()

    @property
    def responsible(self) -> list[str]:
        ids = set(self.base.findings) | set(self.head.findings)
        out = {i for i in ids if self.base.findings.get(i) != self.head.findings.get(i)}
        out |= {rule for rules, _ in self.schedule_changes().values() for rule in rules.split(", ")}
        return sorted(out)

    def schedule_changes(self) -> dict[str, tuple[str, str]]:
        """Schedule events whose dates or status differ: event -> (rule ids, "before -> after").

        A dose put on hold or released changed because of the rules that (no longer) hold it,
        and a dose held on both sides whose release date moved, because of the holding rules the
        rulebooks differ in: those are named, not the calendar rule the item links to.
        """
        out = {}
        for event in dict.fromkeys([*self.base.schedule, *self.head.schedule]):
            b, h = self.base.schedule.get(event), self.head.schedule.get(event)
            if b == h:
                continue
            holders = (_holders(b) ^ _holders(h)
                       or _holders(b) & _holders(h) & self.rulebook_changes)
            rule = ", ".join(sorted(holders)) if holders else (h or b)[0]  # type: ignore[index]
            if b is None or h is None:
                out[event] = (rule, "added" if b is None else "removed")
                continue
            before, after = dict(b[1]), dict(h[1])
            out[event] = (rule, "; ".join(
                f"{k} {before.get(k, 'none')} -> {after.get(k, 'none')}"
                for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)))
        return out

    @property
    def verdict_changed(self) -> bool:
        return self.base.verdict != self.head.verdict

    @property
    def transition(self) -> str:
        return f"{self.base.verdict} -> {self.head.verdict}"

    def what(self) -> str:
        """What changed, in words: verdict, findings added / removed / changed, schedule."""
        parts = []
        if self.verdict_changed:
            parts.append(f"verdict {self.base.verdict} → {self.head.verdict}")
        for rid in sorted(set(self.base.findings) | set(self.head.findings)):
            b, h = self.base.findings.get(rid), self.head.findings.get(rid)
            if b == h:
                continue
            if b is None:
                parts.append(f"added `{rid}` ({h[0]}, {h[1]})")  # type: ignore[index]
            elif h is None:
                parts.append(f"removed `{rid}`")
            else:
                parts.append(f"`{rid}` {b[0]}/{b[1]} → {h[0]}/{h[1]}")
        for event, (_, change) in self.schedule_changes().items():
            parts.append(f"schedule \"{event}\": {change.replace('->', '→')}")
        return "; ".join(parts)

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
            "schedule_changes": {e: c for e, (_, c) in self.schedule_changes().items()},
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
    # rule id -> {field: (before, after)} for every changed rule
    rule_details: dict[str, dict[str, tuple[Any, Any]]] = field(default_factory=dict)
    # parameter id -> (before, after); "absent" when added or removed
    parameters_changed: dict[str, tuple[str, str]] = field(default_factory=dict)
    # rule id -> {"checked": n, "fires": n} in the scenario run (changed rules only)
    coverage: dict[str, dict[str, int]] = field(default_factory=dict)
    details_file: str | None = None

    @property
    def changed_anything(self) -> bool:
        return bool(self.rules_added or self.rules_removed or self.rules_changed
                     or self.parameters_changed)

    def by_transition(self) -> dict[str, Counter[str]]:
        """Verdict transitions (verdict changes only), each profile counted once, by source."""
        out: dict[str, Counter[str]] = {}
        for c in self.changes:
            if c.verdict_changed:
                out.setdefault(c.transition, Counter())[c.source] += 1
        return dict(sorted(out.items(), key=lambda kv: -sum(kv[1].values())))

    def findings_only(self) -> dict[str, Counter[str]]:
        """Profiles whose verdict stays but whose findings or schedule change, by rule."""
        out: dict[str, Counter[str]] = {}
        for c in self.changes:
            if not c.verdict_changed:
                for rid in c.responsible:
                    out.setdefault(rid, Counter())[c.source] += 1
        return dict(sorted(out.items()))

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
                      "changed": self.rules_changed,
                      "changed_details": {r: {k: {"before": b, "after": a}
                                              for k, (b, a) in d.items()}
                                          for r, d in self.rule_details.items()}},
            "parameters_changed": {p: {"before": b, "after": a}
                                   for p, (b, a) in self.parameters_changed.items()},
            "coverage_of_changed_rules": self.coverage,
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


def rule_details(base: Rulebook, head: Rulebook,
                 changed: dict[str, list[str]]) -> dict[str, dict[str, tuple[Any, Any]]]:
    """Before and after of each changed part of each changed rule, down to the smallest part
    that differs (`when.all[2].within_last.amount: 4 -> 6`), so a reviewer sees the edit."""
    b = {r.id: r.model_dump(mode="json", exclude_none=True) for r in base.rules}
    h = {r.id: r.model_dump(mode="json", exclude_none=True) for r in head.rules}
    out: dict[str, dict[str, tuple[Any, Any]]] = {}
    for rid, fields in changed.items():
        out[rid] = {}
        for key in fields:
            _leaf_diff(b[rid].get(key), h[rid].get(key), key, out[rid])
    return out


def _leaf_diff(before: Any, after: Any, path: str, out: dict[str, tuple[Any, Any]]) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for k in dict.fromkeys([*before, *after]):
            if before.get(k) != after.get(k):
                _leaf_diff(before.get(k), after.get(k), f"{path}.{k}", out)
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (x, y) in enumerate(zip(before, after, strict=True)):
            if x != y:
                _leaf_diff(x, y, f"{path}[{i}]", out)
    else:
        out[path] = (before, after)


def parameter_changes(base: Rulebook, head: Rulebook) -> dict[str, tuple[str, str]]:
    """Named parameters added, removed or changed (value, unit, citations, uncertainty)."""
    out = {}
    for pid in sorted(set(base.parameters) | set(head.parameters)):
        b, h = base.parameters.get(pid), head.parameters.get(pid)
        if b is None or h is None or b.model_dump(mode="json") != h.model_dump(mode="json"):
            before = "absent" if b is None else str(b)
            after = "absent" if h is None else str(h)
            if before == after:
                after += " (citation, summary or uncertainty changed)"
            out[pid] = (before, after)
    return out


def _drug_signature(book: Rulebook, drug: str) -> str:
    """Everything of one drug folder an assessment reads: its rules, parameters, calendar,
    drug.yaml, label gaps and the sources they cite (as JSON, for comparison)."""
    rules = book.rules_for(drug)
    cited = {c.source for r in rules for c in r.cites}
    params = [p for p in book.parameters.values() if p.drug == drug]
    cited |= {c.source for p in params for c in p.cites}
    info = book.drug_infos.get(drug)
    if info is not None:
        cited |= {c.source for c in info.cites}
    return json.dumps([
        [r.model_dump(mode="json") for r in rules], [p.model_dump(mode="json") for p in params],
        [c.model_dump(mode="json") for c in book.calendars_for(drug)],
        info.model_dump(mode="json") if info is not None else None,
        [g.model_dump(mode="json") for g in book.label_gaps if g.drug == drug],
        [book.sources[s].model_dump(mode="json") for s in sorted(cited) if s in book.sources],
    ], sort_keys=True, default=str)


def affected_drugs(base: Rulebook, head: Rulebook) -> list[str]:
    """The drugs whose assessments can differ between the two rulebooks: a drug whose own
    folder content differs, and every drug when a switch-out rule differs (those are evaluated
    with every other drug). Assessing only these keeps a one-drug change fast with 19 drugs."""
    drugs = list(dict.fromkeys([*base.drugs, *head.drugs]))
    changed = [d for d in drugs if d not in base.drugs or d not in head.drugs
               or _drug_signature(base, d) != _drug_signature(head, d)]

    def switch_out(book: Rulebook, drug: str) -> list[dict[str, Any]]:
        return [r.model_dump(mode="json") for r in book.rules_for(drug)
                if r.applies_when_switching_from]

    if any(switch_out(base, d) != switch_out(head, d) for d in changed):
        return drugs
    return changed


def compare(base: Rulebook, head: Rulebook, corpus: list[tuple[str, str, dict[str, Any]]],
            base_label: str = "base", head_label: str = "head",
            limit: int = 20000) -> DiffReport:
    """Assess the corpus and its grid with both rulebooks; keep the profiles that change."""
    added, removed, changed = rule_changes(base, head)
    affected = affected_drugs(base, head)

    def read_by_affected(book: Rulebook) -> list[Rule]:
        return [r for r in book.rules if r.drug in affected or r.applies_when_switching_from]

    # scenarios of the other drugs' features say nothing new about this change
    corpus = [c for c in corpus if c[1] != "scenario" or c[0].split("/")[0] in affected
              or c[0].split("/")[0] not in {*base.drugs, *head.drugs}]
    grid = build_grid(parameters([read_by_affected(base), read_by_affected(head)]), corpus,
                      limit)
    report = DiffReport(
        base_label, head_label,
        {"name": base.name, "version": base.version, "sha256": base.sha256},
        {"name": head.name, "version": head.version, "sha256": head.sha256},
        added, removed, changed, Counter(g.source for g in grid),
        rule_details=rule_details(base, head, changed),
        parameters_changed=parameter_changes(base, head))
    if report.changed_anything and base.version == head.version:
        what = "rules or parameters" if report.parameters_changed else "rules"
        report.notes.append(f"{what} changed but the rulebook version is still {head.version}: "
                            "bump it in rules/rulebook.yaml")
    if len(grid) >= limit:
        report.notes.append(f"the corpus was cut at {limit} profiles")
    differ = frozenset([*added, *removed, *changed, *report.parameters_changed])
    if len(affected) < len(set(base.drugs) | set(head.drugs)):
        report.notes.append("assessed for the drugs whose rules, parameters, calendar, "
                            "description or cited sources differ: " + (", ".join(affected)
                                                                       or "none"))
    with Advisor(base) as old, Advisor(head) as new:
        drugs = affected
        for item in grid:
            report.changes += _changes(item, drugs, old, new, differ)
    # verdict changes first, then by rule and label, so a reviewer reads the big news first
    report.changes.sort(key=lambda c: (c.source != "scenario", not c.verdict_changed,
                                       c.responsible, c.label))
    return report


def _changes(item: GridProfile, drugs: list[str], old: Advisor, new: Advisor,
             differ: frozenset[str]) -> list[Change]:
    a = old.assess(item.profile, [d for d in drugs if d in old.drugs])
    b = new.assess(item.profile, [d for d in drugs if d in new.drugs])
    out = []
    for drug in drugs:
        base = _side(next((x for x in a.assessments if x.drug == drug), None))
        head = _side(next((x for x in b.assessments if x.drug == drug), None))
        if base != head:
            out.append(Change(item.label, item.source, drug, item.data, base, head, differ))
    return out


# ---- rendering ---------------------------------------------------------------------------

def _short(value: Any, width: int = 300) -> str:
    text = json.dumps(value, default=str) if not isinstance(value, str) else value
    return text if len(text) <= width else text[:width] + " …"


def render_text(report: DiffReport, max_rows: int = 40) -> str:
    """The terminal summary: what changed in the rulebook, every scenario change, counts."""
    out = [f"base: {report.base_label} — {report.base_book['name']} {report.base_book['version']}",
           f"head: {report.head_label} — {report.head_book['name']} {report.head_book['version']}",
           f"rules added: {', '.join(report.rules_added) or 'none'}",
           f"rules removed: {', '.join(report.rules_removed) or 'none'}"]
    for rid, fields in report.rules_changed.items():
        out.append(f"rule changed: {rid} ({', '.join(fields)})")
    for pid, (before, after) in report.parameters_changed.items():
        out.append(f"parameter changed: {pid}: {before} -> {after}")
    out.append("corpus: " + ", ".join(f"{n} {k}" for k, n in sorted(report.corpus.items()))
               + f"; {len(report.changes)} profile assessments change")
    out += [f"note: {n}" for n in report.notes]
    for rid, transitions in report.by_rule().items():
        out.append(f"  {rid}: " + ", ".join(f"{t} x{n}" for t, n in transitions.items()))
    scenario = [c for c in report.changes if c.source == "scenario"]
    other = [c for c in report.changes if c.source != "scenario"]
    for change in scenario:  # every scenario change: these are tests that will fail or drift
        out.append(f"- [scenario] {change.label} ({change.drug}): {change.what()}")
    for change in other[:max(0, max_rows - len(scenario))]:
        out.append(f"- [{change.source}] {change.label} ({change.drug}): {change.what()}")
    hidden = len(other) - max(0, max_rows - len(scenario))
    if hidden > 0:
        out.append(f"... and {hidden} more example/grid rows (use --format json)")
    return "\n".join(out) + "\n"


def render_markdown(report: DiffReport) -> str:
    """A review-sized impact report: scenario changes (all), rule and parameter changes with
    before and after, corpus changes by verdict transition (each profile once), findings-only
    changes apart, and how well the changed rules are checked by scenarios."""
    cell = lambda text: str(text).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    out = [f"# Rulebook change: {report.base_label} → {report.head_label}", "",
           f"- base: {report.base_book['name']} {report.base_book['version']} "
           f"(sha256 {report.base_book['sha256'][:12]})",
           f"- head: {report.head_book['name']} {report.head_book['version']} "
           f"(sha256 {report.head_book['sha256'][:12]})",
           "- corpus: " + ", ".join(f"{n} {k}" for k, n in sorted(report.corpus.items()))
           + f"; **{len(report.changes)} profile assessments change**"]
    if report.details_file:
        out.append(f"- full detail (every changed profile): [{report.details_file}]"
                   f"({report.details_file})")
    out.append("")
    out += [f"> **Note:** {n}" for n in report.notes]
    scenario = [c for c in report.changes if c.source == "scenario"]
    out += ["", f"## Scenario changes: {len(scenario)}", ""]
    if scenario:
        groups: dict[tuple[str, str], list[str]] = {}
        for c in scenario:
            groups.setdefault((c.drug, c.what()), []).append(c.label)
        out += ["Scenario profiles whose assessment changes (their Then steps may now fail), "
                "grouped by what changes; every scenario is named.", "",
                "| what changes | drug | scenarios |", "|---|---|---|"]
        for (drug, what), labels in groups.items():
            out.append(f"| {cell(what)} | {drug} | {len(labels)}: "
                       + "<br>".join(cell(x) for x in labels) + " |")
    else:
        out.append("No scenario profile changes.")
    out += ["", "## Rule and parameter changes", ""]
    for rid in report.rules_added:
        out.append(f"- added: `{rid}`")
    for rid in report.rules_removed:
        out.append(f"- removed: `{rid}`")
    for rid, details in report.rule_details.items():
        out.append(f"- changed: `{rid}`")
        for key, (before, after) in details.items():
            out += [f"  - `{key}`: `{_short(before)}` → `{_short(after)}`"]
    for pid, (before, after) in report.parameters_changed.items():
        out.append(f"- parameter `{pid}`: **{before} → {after}**")
    if not report.changed_anything:
        out.append("- no rule or parameter changed")
    transitions = report.by_transition()
    out += ["", "## Corpus changes by verdict transition", ""]
    if transitions:
        out += ["| verdict before → after | profiles | scenario | example | grid |",
                "|---|---|---|---|---|"]
        for t, n in transitions.items():
            out.append(f"| {t.replace('->', '→')} | {sum(n.values())} | {n['scenario']} | "
                       f"{n['example']} | {n['grid']} |")
    else:
        out.append("No verdict changes.")
    findings_only = report.findings_only()
    if findings_only:
        out += ["", "Verdict unchanged, findings or schedule changed (a profile can count under "
                "more than one rule):", "", "| rule | profiles | scenario | example | grid |",
                "|---|---|---|---|---|"]
        for rid, n in findings_only.items():
            out.append(f"| `{rid}` | {sum(n.values())} | {n['scenario']} | {n['example']} | "
                       f"{n['grid']} |")
    changed_rules = sorted({*report.rules_added, *report.rules_changed})
    out += ["", "## Coverage of the changed rules", ""]
    if not changed_rules:
        out.append("No rule changed" + (" (parameters only: the schedule scenarios check them)."
                                         if report.parameters_changed else "."))
    elif not report.coverage:
        out.append("Not measured (no scenario run in this diff; run `dmt-advisor coverage`).")
    else:
        out += ["| rule | scenarios that check it | scenarios where it fires |", "|---|---|---|"]
        for rid in changed_rules:
            cov = report.coverage.get(rid, {"checked": 0, "fires": 0})
            flag = " **(no scenario checks it)**" if not cov["checked"] else ""
            out.append(f"| `{rid}` | {cov['checked']}{flag} | {cov['fires']} |")
    out.append("")
    return "\n".join(out)


def render(report: DiffReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.as_dict(), indent=1, default=str) + "\n"
    return render_markdown(report) if fmt == "markdown" else render_text(report)


def changed_rule_coverage(report: DiffReport, records: list[dict[str, Any]]) -> None:
    """Fill `report.coverage`: per added or changed rule, passing scenarios that check it and
    scenarios where it fires (from the scenario run of the corpus)."""
    for rid in sorted({*report.rules_added, *report.rules_changed}):
        checked = sum(1 for r in records
                      if r["outcome"] == "passed" and rid in r.get("checked_rules", []))
        fires = sum(1 for r in records if any(
            e["rule_id"] == rid and e["outcome"] == "true"
            for a in r["assessments"] for d in a["drugs"] for e in d["trace"]))
        report.coverage[rid] = {"checked": checked, "fires": fires}
    failed = [r for r in records if r["outcome"] == "failed"]
    if failed:
        report.notes.append(f"{len(failed)} scenario(s) failed in the run that built the corpus "
                            "(`dmt-advisor coverage` shows them)")


def diff_rulebooks(base: str | Path, head: str | Path | None,
                   corpus: list[tuple[str, str, dict[str, Any]]], limit: int = 20000,
                   repo: Path = REPO) -> DiffReport:
    """Resolve both sides (folders or git revisions), load them, compare over the corpus."""
    with rules_side(str(base), repo) as (base_dir, base_label), \
            rules_side(None if head is None else str(head), repo) as (head_dir, head_label):
        base_book, head_book = load_rulebook(base_dir), load_rulebook(head_dir)
    return compare(base_book, head_book, corpus, base_label, head_label, limit)


def build_corpus(scenarios: bool = True, scenario_record: Path | None = None,
                 examples: Path | None = None,
                 records: list[dict[str, Any]] | None = None,
                 features_dir: Path | None = None,
                 ) -> list[tuple[str, str, dict[str, Any]]]:
    """Scenario profiles (from a recorded run, or by running the scenarios) and examples.

    The scenario records are appended to `records` when given (for the coverage of the changed
    rules). A run that cannot parse a feature raises (never a silently empty corpus)."""
    from dmt_advisor.qa.scenarios import load_run, run_scenarios

    corpus: list[tuple[str, str, dict[str, Any]]] = []
    run = None
    if scenario_record is not None:
        run = load_run(scenario_record)
    elif scenarios:
        with tempfile.TemporaryDirectory(prefix="dmt-diff-run-") as tmp:
            run = run_scenarios(Path(tmp), features_dir, cucumber=False)
    if run is not None:
        if not run.scenarios:
            raise DmtAdvisorError("the scenario run recorded no scenario: nothing to compare "
                                  "(use --no-scenarios to compare without them)")
        corpus += [(label, "scenario", p) for label, p in run.profiles()]
        if records is not None:
            records += run.scenarios
    folder = examples if examples is not None else REPO / "examples"
    if folder.is_dir():
        corpus += example_profiles(folder)
    return corpus
