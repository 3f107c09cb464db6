"""Rulebook lint: the load-time validation plus checks that need the whole rulebook.

Errors fail `dmt-advisor lint` (exit 2); warnings are printed for a reviewer to judge.

Load-time (rulebook/load.py, reported here as errors): schema, ids, unknown facts, operand types,
unknown sources, and citations of a section that sources.yaml does not list for the source.
Whole-rulebook checks (here):
- a rule whose condition can never be true (error);
- two rules of one drug and jurisdiction with the same condition and different verdicts (error:
  one of them is wrong, or they are one rule);
- a rule reading a fact whose profile field does not exist in the profile format (error);
- a label source older than another label source of the same drug and jurisdiction (warning that
  names both and the rules citing the older one: is the newer text read?);
- a source no rule cites (warning);
- hazard parity (error): for each drug, every jurisdiction has, for every hazard class, a rule
  tagged `hazard:` with it or a cited `not_in_label:` entry saying that label is silent on it
  (docs/rules.md "Hazard parity"). A `not_in_label:` entry must cite a label of its own
  jurisdiction (error); one beside a rule of the same hazard there is a warning.
- drug parity (error, issue 9): every drug has a drug.yaml, in every jurisdiction an
  eligibility rule with verdict eligible or not_indicated, and a schedule rule.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dmt_advisor.engine.compile import compile_rules
from dmt_advisor.errors import RulebookError, RulebookErrors
from dmt_advisor.facts import FACT_SPECS
from dmt_advisor.profile import Jurisdiction, Profile
from dmt_advisor.rulebook.load import Rulebook, load_rulebook
from dmt_advisor.rulebook.model import (
    AllOf,
    AnyOf,
    Compare,
    Condition,
    HazardClass,
    Known,
    NotOf,
    Rule,
    Source,
    Unknown,
    condition_fields,
)


@dataclass
class LintReport:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rule_count: int = 0
    source_count: int = 0


def lint_rulebook(root: str | Path | None = None) -> LintReport:
    """Load and check a rules folder; never raises for a rulebook problem."""
    report = LintReport()
    try:
        book = load_rulebook(root)
    except RulebookErrors as exc:
        report.errors += [str(e) for e in exc.errors]
        return report
    except RulebookError as exc:
        report.errors.append(str(exc))
        return report
    report.rule_count, report.source_count = len(book.rules), len(book.sources)
    report.errors += engine_operand_problems(book)
    report.errors += ids_the_code_needs(book)
    report.errors += never_true_rules(book)
    report.errors += same_condition_different_verdict(book.rules, book.rule_files)
    report.errors += fields_missing_from_profile(book.rules, book.rule_files)
    report.errors += uncited_sections(book.rules, book.sources, book.rule_files)
    parity_errors, parity_warnings = hazard_parity(book)
    report.errors += parity_errors
    report.errors += drug_parity(book)
    report.warnings += parity_warnings
    report.warnings += older_source_revisions(book.sources, book.rules)
    report.warnings += unused_sources(book.sources, book.rules)
    return report


_INT64 = 2**63
_UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
MAX_SPAN_DAYS = 200 * 366  # a longer "within the last" span can only be a typo


def engine_operand_problems(book: Rulebook) -> list[str]:
    """Operands the engine cannot take or compare: NaN (never equal, so a rule silently never
    fires), infinities, integers past 64 bits (saturated by the C parser), spans that are zero,
    negative or longer than 200 years. Floats in exponent form are fine: the adapter writes
    them with a decimal point (engine/durable.py `engine_float`)."""
    out: list[str] = []
    for rule in book.rules:
        stack: list[Condition] = [rule.when]
        while stack:
            c = stack.pop()
            match c:
                case AllOf(all=parts) | AnyOf(any=parts):
                    stack += parts
                case NotOf(not_=inner):
                    stack.append(inner)
                case Compare():
                    out += [f"{_where(rule, book.rule_files)}: {c.field} {c.op}: {problem}"
                            for problem in _operand_engine_problems(c)]
    return out


def _operand_engine_problems(c: Compare) -> list[str]:
    if c.op in ("within_last", "not_within_last"):
        span = c.operand
        days = span.amount * _UNIT_DAYS.get(span.unit, 1)
        if span.amount < 1 or days > MAX_SPAN_DAYS:
            return [f"span {span.amount} {span.unit} must be at least 1 and at most 200 years"]
        return []
    values = c.operand if c.op == "one_of" else [c.operand]
    out = []
    for value in values:
        if isinstance(value, float) and not math.isfinite(value):
            out.append(f"{value!r} is not a finite number (the engine cannot compare it)")
        elif isinstance(value, int) and not isinstance(value, bool) and not (
                -_INT64 <= value < _INT64):
            out.append(f"{value} is outside the 64-bit integer range the engine reads")
    return out


def ids_the_code_needs(book: Rulebook) -> list[str]:
    """Rule and parameter ids the dosing calendar (schedule.py) reads by name: a missing one
    would fail every assessment that reaches it, so it is a lint error here."""
    from dmt_advisor import schedule

    have = {rule.id for rule in book.rules} | set(book.parameters)
    drugs = set(book.drugs)
    needed = sorted({value for name, value in vars(schedule).items()
                     if name.startswith(("R_", "P_")) and isinstance(value, str)})
    return [f"rule {rid}: missing; schedule.py needs it (restore it or change the code)"
            for rid in needed if rid.split(".", 1)[0] in drugs and rid not in have]


def never_true_rules(book: Rulebook) -> list[str]:
    """Rules whose condition folds to false at compile time can never fire."""
    out = []
    for drug in book.drugs:
        compiled = compile_rules(drug, book.rules_for(drug))
        out += [f"file {book.rule_files[rid]}, rule {rid}: condition can never be true"
                for rid in compiled.never_true]
    return out


def _where(rule: Rule, files: Mapping[str, str]) -> str:
    return f"file {files.get(rule.id, '?')}, rule {rule.id}"


def canonical(cond: Condition) -> Any:
    """A condition as data with `all`/`any` members in a fixed order (their order is no
    difference: the same condition written twice in another order is still the same)."""
    match cond:
        case AllOf(all=parts):
            return {"all": sorted((canonical(p) for p in parts), key=json.dumps)}
        case AnyOf(any=parts):
            return {"any": sorted((canonical(p) for p in parts), key=json.dumps)}
        case NotOf(not_=inner):
            return {"not": canonical(inner)}
        case Known() | Unknown() | Compare():
            return cond.model_dump(mode="json", exclude_none=True)
    raise TypeError(cond)


def same_condition_different_verdict(rules: Iterable[Rule],
                                     files: Mapping[str, str]) -> list[str]:
    """Rules of one drug, overlapping jurisdictions, the same condition, different verdicts."""
    seen: dict[tuple[str, str], list[Rule]] = {}
    for rule in rules:
        seen.setdefault((rule.drug, json.dumps(canonical(rule.when), sort_keys=True)),
                        []).append(rule)
    out = []
    for group in seen.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.verdict != b.verdict and set(a.jurisdictions) & set(b.jurisdictions):
                    out.append(f"{_where(b, files)}: same condition as {a.id} "
                               f"({files.get(a.id, '?')}) but verdict {b.verdict} instead of "
                               f"{a.verdict}")
    return out


def _profile_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path of the profile format, lists included (`vaccinations`, ...)."""
    paths: set[str] = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        paths.add(path)
        for arg in _model_args(info.annotation):
            paths |= _profile_paths(arg, f"{path}.")
    return paths


def _model_args(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()) or ():
        out += _model_args(arg)
    return out


PROFILE_PATHS: frozenset[str] = frozenset(_profile_paths(Profile))


def fields_missing_from_profile(rules: Iterable[Rule], files: Mapping[str, str]) -> list[str]:
    """Rules reading a fact that no profile field can supply."""
    out = []
    for rule in rules:
        for name in condition_fields(rule.when):
            spec = FACT_SPECS.get(name)
            if spec is None:
                out.append(f"{_where(rule, files)}: reads {name!r}, which is neither a fact nor "
                           "a field of the profile format (docs/facts.md, docs/profile.md)")
                continue
            lacking = [p for p in spec.supplied_by if p not in PROFILE_PATHS]
            if lacking:
                out.append(f"{_where(rule, files)}: reads {name!r}, supplied by "
                           f"{', '.join(lacking)}, which the profile format lacks")
    return out


def uncited_sections(rules: Iterable[Rule], sources: Mapping[str, Source],
                     files: Mapping[str, str]) -> list[str]:
    """Citations of a section the source does not list (load.py refuses these too)."""
    out = []
    for rule in rules:
        for cite in rule.cites:
            source = sources.get(cite.source)
            if source is None:
                out.append(f"{_where(rule, files)}: cites unknown source {cite.source!r}")
            elif source.sections and cite.section not in source.sections:
                out.append(f"{_where(rule, files)}: cites section {cite.section!r} of "
                           f"{cite.source}, which sources.yaml does not list")
    return out


def older_source_revisions(sources: Mapping[str, Source], rules: Iterable[Rule]) -> list[str]:
    """Label sources of one drug and jurisdiction with an older revision than another one."""
    citing: dict[str, list[str]] = {}
    for rule in rules:
        for cite in rule.cites:
            citing.setdefault(cite.source, [])
            if rule.id not in citing[cite.source]:
                citing[cite.source].append(rule.id)
    groups: dict[tuple[str, str], list[Source]] = {}
    for source in sources.values():
        if source.drug and source.kind == "label":
            groups.setdefault((source.drug, str(source.jurisdiction)), []).append(source)
    out = []
    for (drug, jurisdiction), group in sorted(groups.items()):
        newest = max(group, key=lambda s: s.revision)
        for source in sorted(group, key=lambda s: s.id):
            users = citing.get(source.id, [])
            if source.revision < newest.revision and users:
                out.append(
                    f"source {source.id} (revision {source.revision}) is older than "
                    f"{newest.id} (revision {newest.revision}) for {drug} {jurisdiction}; "
                    f"cited by {len(users)} rule(s)"
                    f" ({', '.join(users[:5])}{', ...' if len(users) > 5 else ''})"
                    + ": check the cited sections against the newer text")
    return out


def unused_sources(sources: Mapping[str, Source], rules: Iterable[Rule]) -> list[str]:
    cited = {c.source for r in rules for c in r.cites}
    return [f"source {sid} is not cited by any rule" for sid in sources if sid not in cited]


def drug_parity(book: Rulebook) -> list[str]:
    """What every drug needs (issue 9): a drug.yaml (also a load error), in every jurisdiction
    an eligibility rule that can say eligible or not_indicated, and a schedule rule (what its
    calendar items cite). Switch-out rules count for their own drug only."""
    errors: list[str] = []
    for drug in book.drugs:
        own = book.rules_for(drug)
        if drug not in book.drug_infos:
            errors.append(f"{drug}: no drug.yaml")
        for j in Jurisdiction:
            if not any(r.category.value == "eligibility" and j in r.jurisdictions
                       and r.verdict in ("eligible", "not_indicated") for r in own):
                errors.append(f"{drug}: no eligibility rule (verdict eligible or not_indicated) "
                              f"applies in {j.value}")
        if not any(r.category.value == "schedule" for r in own):
            errors.append(f"{drug}: no schedule rule (what its dosing calendar cites)")
    return errors


def hazard_parity(book: Rulebook) -> tuple[list[str], list[str]]:
    """Every hazard class covered in every jurisdiction, by a rule or a cited label gap.

    A safety rule written for one label only (say US) and silently absent from the other is
    the gap this catches: the patient of the other jurisdiction is told nothing. Returns
    (errors, warnings).
    """
    errors: list[str] = []
    warnings: list[str] = []
    for drug in book.drugs:
        covered: dict[tuple[HazardClass, Jurisdiction], list[str]] = {}
        for rule in book.rules_for(drug):
            if rule.hazard is not None:
                for j in rule.jurisdictions:
                    covered.setdefault((rule.hazard, j), []).append(rule.id)
        gaps = {(g.hazard, g.jurisdiction): g for g in book.label_gaps if g.drug == drug}
        for (hazard, j), gap in sorted(gaps.items()):
            labels = [c.source for c in gap.cites
                      if (src := book.sources.get(c.source)) is not None and src.kind == "label"
                      and str(src.jurisdiction) == j.value]
            if not labels:
                errors.append(f"{drug} not_in_label {hazard.value} ({j.value}): cites no "
                              f"{j.value} label; a label gap must cite the label that is silent")
            if (hazard, j) in covered:
                warnings.append(f"{drug} not_in_label {hazard.value} ({j.value}) stands beside "
                                f"rule(s) of that hazard: {', '.join(covered[hazard, j])}")
        for j in Jurisdiction:
            for hazard in HazardClass:
                if (hazard, j) not in covered and (hazard, j) not in gaps:
                    errors.append(
                        f"{drug}: hazard parity: no rule with `hazard: {hazard.value}` applies "
                        f"in {j.value} and no `not_in_label:` entry cites the {j.value} label "
                        "as silent on it")
    return errors, warnings
