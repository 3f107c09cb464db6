"""Load and validate a rules folder into a `Rulebook` (no engine here).

Every problem is reported with its file and rule id, all of them in one pass, so an author
fixing a rule file sees the whole list at once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from dmt_advisor.errors import MissingRuleError, RulebookError, RulebookErrors
from dmt_advisor.facts import FACT_SPECS, DrugRef, FactType
from dmt_advisor.rulebook.model import (
    AllOf,
    AnyOf,
    CalendarSpec,
    Citation,
    Compare,
    Condition,
    DrugFile,
    DrugInfo,
    Known,
    LabelGap,
    NotOf,
    Parameter,
    Rule,
    RulebookManifest,
    RuleFile,
    Source,
    SourcesFile,
    Unknown,
)
from dmt_advisor.safe_load import InputError, decode, load_yaml, read_bytes

MANIFEST = "rulebook.yaml"
SOURCES = "sources.yaml"
DRUG_FILE = "drug.yaml"  # rules/<drug>/drug.yaml: what the drug is (DrugInfo), one per drug
RULE_SUFFIX = ".yaml"
MAX_RULE_FILE_BYTES = 8 * 2**20  # 10,000 rules fit in about 3 MB
MAX_YAML_DEPTH = 64  # YAML nesting of one rule file (mappings and lists)
MAX_YAML_NODES = 500_000  # values after expanding aliases (an alias DAG grows as 2^depth)
MAX_CONDITION_DEPTH = 8  # all/any/not nesting: compile time grows exponentially with depth


@dataclass(frozen=True)
class Rulebook:
    """A validated rulebook: rules by id, sources by id, and the version people cite."""

    root: Path
    name: str
    version: str
    sha256: str
    sources: Mapping[str, Source]
    rules: tuple[Rule, ...]
    rule_files: Mapping[str, str] = field(repr=False)  # rule id -> file, relative to root
    parameters: Mapping[str, Parameter] = field(
        default_factory=lambda: MappingProxyType({}), repr=False)  # named schedule numbers
    label_gaps: tuple[LabelGap, ...] = field(default=(), repr=False)  # cited "not in label"
    drug_infos: Mapping[str, DrugInfo] = field(
        default_factory=lambda: MappingProxyType({}), repr=False)  # rules/<drug>/drug.yaml
    calendars: tuple[CalendarSpec, ...] = field(default=(), repr=False)  # `calendar:` entries
    source_files: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), repr=False)  # source id -> file

    @property
    def drugs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rule.drug for rule in self.rules))

    def rules_for(self, drug: str) -> tuple[Rule, ...]:
        """The drug's own rules (its folder), switch-out rules included."""
        return tuple(rule for rule in self.rules if rule.drug == drug)

    def ruleset_for(self, drug: str) -> tuple[Rule, ...]:
        """What an assessment of `drug` evaluates: its own rules (not its switch-out rules,
        which speak of stopping it), then every OTHER drug's switch-out rules
        (`applies_when_switching_from: true`), in rulebook order. Without switch-out rules this
        is exactly `rules_for(drug)`."""
        own = tuple(r for r in self.rules_for(drug) if not r.applies_when_switching_from)
        return own + tuple(rule for rule in self.rules
                           if rule.applies_when_switching_from and rule.drug != drug)

    def drug_info(self, drug: str) -> DrugInfo:
        """The drug's drug.yaml (MissingRuleError, a KeyError, names it when absent)."""
        try:
            return self.drug_infos[drug]
        except KeyError:
            raise MissingRuleError(f"{drug}/{DRUG_FILE}", str(self.root)) from None

    def drug_ref(self, drug: str) -> DrugRef:
        """What the per-drug facts (`this.*`, relative `switch.*`) need of `drug`."""
        info = self.drug_info(drug)
        return DrugRef(drug, info.dmt, info.dmt_class)

    def calendars_for(self, drug: str) -> tuple[CalendarSpec, ...]:
        return tuple(c for c in self.calendars if c.drug == drug)

    def parameter(self, parameter_id: str) -> Parameter:
        """A named parameter by id (MissingRuleError, a KeyError, names it when absent)."""
        try:
            return self.parameters[parameter_id]
        except KeyError:
            raise MissingRuleError(parameter_id, str(self.root)) from None

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise MissingRuleError(rule_id, str(self.root))


def default_rules_dir() -> Path:
    """`$DMT_ADVISOR_RULES`, else the repository's `rules/` beside `src/`."""
    env = os.environ.get("DMT_ADVISOR_RULES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "rules"


def _read_yaml(path: Path, root: Path) -> tuple[bytes, Any]:
    """A rule file's bytes and YAML, bounded; errors keep the line, column and reason."""
    rel = str(path.relative_to(root))
    try:
        raw = read_bytes(path, MAX_RULE_FILE_BYTES)
        return raw, load_yaml(decode(raw), allow_aliases=True, max_depth=MAX_YAML_DEPTH,
                              max_nodes=MAX_YAML_NODES)
    except InputError as exc:
        raise RulebookError(str(exc), rel) from None


def discover_rule_files(root: Path) -> tuple[list[Path], list[RulebookError]]:
    """Every `<drug>/**/*.yaml` rule file, and an error for each YAML-like thing not read.

    Nothing that looks like a rule file is skipped silently: a `.yml` file, a rule file at the
    folder's root, a folder named `*.yaml`, or a linked folder (not followed) is an error.
    """
    found: list[Path] = []
    errors: list[RulebookError] = []

    def walk_error(exc: OSError) -> None:
        where = Path(exc.filename).relative_to(root) if exc.filename else root
        errors.append(RulebookError(f"cannot read folder: {exc.strerror or exc}", str(where)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=walk_error, followlinks=False):
        here = Path(dirpath)
        for name in sorted(dirnames):
            rel = str((here / name).relative_to(root))
            if (here / name).is_symlink():
                errors.append(RulebookError("a linked folder is not followed; copy it in", rel))
            elif name.lower().endswith((".yaml", ".yml")):
                errors.append(RulebookError("is a folder, not a rule file", rel))
        for name in sorted(filenames):
            path = here / name
            rel = str(path.relative_to(root))
            if not name.lower().endswith((".yaml", ".yml")):
                continue
            if here == root:
                if name not in (MANIFEST, SOURCES):
                    errors.append(RulebookError(
                        "rule files go in a drug folder (<rules>/<drug>/); this file is not read",
                        rel))
            elif not name.endswith(RULE_SUFFIX):
                errors.append(RulebookError(
                    f"rule files end in {RULE_SUFFIX}; rename it (this file is not read)", rel))
            else:
                found.append(path)
    return sorted(found), errors


def _pydantic_errors(exc: ValidationError, file: str, data: Any) -> list[RulebookError]:
    """Turn pydantic errors into rulebook errors that name the rule id when there is one."""
    out: list[RulebookError] = []
    seen: set[tuple[str | None, str]] = set()
    for err in exc.errors():
        loc = list(err["loc"])
        rule_id = None
        if (len(loc) >= 2 and loc[0] in ("rules", "parameters", "calendar")
                and isinstance(loc[1], int)):
            try:
                rule_id = data[loc[0]][loc[1]].get("id")
            except (KeyError, IndexError, TypeError, AttributeError):
                rule_id = None
            if not isinstance(rule_id, str) or not rule_id:  # an `id:` that is a mapping...
                rule_id = f"{loc[0]}[{loc[1]}]"
            elif len(rule_id) > 120:  # quote an excerpt, never a megabyte
                rule_id = rule_id[:120] + "..."
            loc = loc[2:]
        # union members (`int`, `float`...) and validator names are pydantic's, not the author's
        path = ".".join(str(p) for p in loc if str(p) not in _UNION_MEMBERS
                        and not str(p).startswith(("function-", "tagged")))
        msg = "unknown key" if err["type"] == "extra_forbidden" else str(err["msg"])[:300]
        if err["type"] in ("int_type", "float_type"):
            msg = "must be a number (not quoted)"
        msg = msg.removeprefix("Value error, ")
        text = f"{path}: {msg}" if path else msg
        if (rule_id, text) not in seen:
            seen.add((rule_id, text))
            out.append(RulebookError(text, file, rule_id))
    return out


_UNION_MEMBERS = {"int", "float", "str", "bool", "none", "list[...]", "dict[...]"}


def load_rulebook(root: str | Path | None = None) -> Rulebook:
    """Read `root` (default: the repository's rules/), validate everything, or raise."""
    root = Path(root) if root is not None else default_rules_dir()
    if not root.is_dir():
        raise RulebookError(f"rules folder not found: {root}")
    errors: list[RulebookError] = []
    digest = hashlib.sha256()

    def read(path: Path) -> Any:
        rel = str(path.relative_to(root))
        raw, data = _read_yaml(path, root)
        digest.update(rel.encode() + b"\0" + raw + b"\0")
        return data

    manifest_path = root / MANIFEST
    sources_path = root / SOURCES
    for required in (manifest_path, sources_path):
        if not required.exists():
            raise RulebookError("required file is missing", required.name)

    try:
        manifest = RulebookManifest.model_validate(read(manifest_path) or {})
    except ValidationError as exc:
        raise RulebookErrors(_pydantic_errors(exc, MANIFEST, None)) from None
    sources_data = read(sources_path)
    try:
        sources_file = SourcesFile.model_validate(sources_data)
    except ValidationError as exc:
        raise RulebookErrors(_pydantic_errors(exc, SOURCES, sources_data)) from None
    sources: dict[str, Source] = {}
    source_files: dict[str, str] = {}

    def add_sources(found: list[Source], rel: str) -> None:
        for source in found:
            if source.id in sources:
                errors.append(RulebookError(
                    f"duplicate source id {source.id} (also in {source_files[source.id]})", rel))
                continue
            sources[source.id] = source
            source_files[source.id] = rel

    add_sources(sources_file.sources, SOURCES)
    all_paths, errors_found = discover_rule_files(root)
    errors += errors_found
    rule_paths: list[Path] = []
    drug_paths: list[Path] = []
    for path in all_paths:
        parts = path.relative_to(root).parts
        if path.name == SOURCES and len(parts) == 2:  # rules/<drug>/sources.yaml
            rel = str(path.relative_to(root))
            try:
                data = read(path)
                add_sources(SourcesFile.model_validate(data).sources, rel)
            except RulebookError as exc:
                errors.append(exc)
            except ValidationError as exc:
                errors.extend(_pydantic_errors(exc, rel, data))
        elif path.name == DRUG_FILE:
            drug_paths.append(path)
        else:
            rule_paths.append(path)

    drug_infos: dict[str, DrugInfo] = {}
    for path in drug_paths:
        rel = str(path.relative_to(root))
        parts = path.relative_to(root).parts
        if len(parts) != 2:
            errors.append(RulebookError(f"{DRUG_FILE} belongs at <rules>/<drug>/{DRUG_FILE}; "
                                        "this file is not read", rel))
            continue
        try:
            data = read(path)
            info = DrugFile.model_validate(data).drug
        except RulebookError as exc:
            errors.append(exc)
            continue
        except ValidationError as exc:
            errors.extend(_pydantic_errors(exc, rel, data))
            continue
        if info.id != parts[0]:
            errors.append(RulebookError(
                f"drug.id {info.id!r} does not match its folder {parts[0]!r}", rel))
        errors.extend(RulebookError(msg, rel) for msg in
                      citation_problems(info.cites + info.efficacy_cites, sources))
        drug_infos[parts[0]] = info

    rules: list[Rule] = []
    rule_files: dict[str, str] = {}
    parameters: dict[str, Parameter] = {}
    parameter_files: dict[str, str] = {}
    label_gaps: list[LabelGap] = []
    calendars: list[CalendarSpec] = []
    calendar_files: dict[str, str] = {}
    folders: set[str] = set()
    for path in rule_paths:
        rel = str(path.relative_to(root))
        try:
            data = read(path)
        except RulebookError as exc:
            errors.append(exc)
            continue
        if not isinstance(data, dict) or not {"rules", "parameters", "not_in_label",
                                              "calendar"} & set(data):
            errors.append(RulebookError(
                "a rule file is a mapping with a `rules:`, `parameters:`, `not_in_label:` or "
                "`calendar:` list", rel))
            continue
        try:
            rule_file = RuleFile.model_validate(data)
        except ValidationError as exc:
            errors.extend(_pydantic_errors(exc, rel, data))
            continue
        folder_drug = path.relative_to(root).parts[0]
        folders.add(folder_drug)
        for rule in rule_file.rules:
            if rule.id in rule_files:
                errors.append(RulebookError(
                    f"duplicate rule id (also in {rule_files[rule.id]})", rel, rule.id))
                continue
            rule_files[rule.id] = rel
            errors.extend(RulebookError(msg, rel, rule.id)
                          for msg in rule_problems(rule, sources, folder_drug))
            rules.append(rule)
        for param in rule_file.parameters:
            if param.id in parameter_files or param.id in rule_files:
                other = parameter_files.get(param.id) or rule_files[param.id]
                errors.append(RulebookError(
                    f"duplicate parameter id (also in {other})", rel, param.id))
                continue
            parameter_files[param.id] = rel
            errors.extend(RulebookError(msg, rel, param.id)
                          for msg in parameter_problems(param, sources, folder_drug))
            parameters[param.id] = param
        for gap in rule_file.not_in_label:
            errors.extend(RulebookError(msg, rel) for msg in citation_problems(gap.cites, sources))
            label_gaps.append(gap)
        for spec in rule_file.calendar:
            if spec.id in calendar_files or spec.id in rule_files or spec.id in parameter_files:
                errors.append(RulebookError("duplicate calendar id", rel, spec.id))
                continue
            calendar_files[spec.id] = rel
            if spec.drug != folder_drug:
                errors.append(RulebookError(
                    f"drug {spec.drug!r} does not match its folder {folder_drug!r}", rel, spec.id))
            calendars.append(spec)

    # every drug folder with rule files has its drug.yaml (what the drug is, for every view)
    errors.extend(RulebookError(f"drug folder {folder!r} has no {DRUG_FILE} (every drug needs "
                                "one: docs/rules.md)", f"{folder}/{DRUG_FILE}")
                  for folder in sorted(folders - set(drug_infos)))
    errors.extend(RulebookError(f"{DRUG_FILE} of a folder with no rule files", f"{f}/{DRUG_FILE}")
                  for f in sorted(set(drug_infos) - folders))
    errors.extend(RulebookError(msg, calendar_files[spec.id], spec.id)
                  for spec in calendars
                  for msg in calendar_problems(spec, parameters, rule_files, rules))
    errors.extend(RulebookError(msg, rule_files[rule.id], rule.id)
                  for rule in rules if rule.applies_when_switching_from
                  for msg in switch_out_problems(rule, drug_infos.get(rule.drug)))
    if not rules and not errors:
        errors.append(RulebookError("no rules found", str(root)))
    if errors:
        raise errors[0] if len(errors) == 1 else RulebookErrors(errors)
    return Rulebook(
        root=root,
        name=manifest.name,
        version=manifest.version,
        sha256=digest.hexdigest(),
        sources=MappingProxyType(sources),
        rules=tuple(rules),
        rule_files=MappingProxyType(rule_files),
        parameters=MappingProxyType(parameters),
        label_gaps=tuple(label_gaps),
        drug_infos=MappingProxyType(drug_infos),
        calendars=tuple(calendars),
        source_files=MappingProxyType(source_files),
    )


def _tests_from_drug(cond: Condition, value: str) -> bool:
    """`switch.from_drug` equals `value` (or one_of [value]) as a conjunct that must hold."""
    match cond:
        case Compare(field="switch.from_drug"):
            return (cond.op == "equals" and cond.operand == value) or (
                cond.op == "one_of" and cond.operand == [value])
        case AllOf(all=parts):
            return any(_tests_from_drug(part, value) for part in parts)
    return False


def switch_out_problems(rule: Rule, info: DrugInfo | None) -> list[str]:
    """A switch-out rule (evaluated for every other drug) must be a switching rule gated on
    `switch.from_drug` = its own drug, or it would fire for patients who never took it."""
    problems = []
    if rule.category.value != "switching":
        problems.append("applies_when_switching_from needs category switching")
    if info is None or info.dmt is None:
        problems.append("applies_when_switching_from needs the drug's `dmt:` in drug.yaml "
                        "(the profile must be able to name it)")
    elif not _tests_from_drug(rule.when, info.dmt.value):
        problems.append("applies_when_switching_from: `when` must require switch.from_drug "
                        f"equals {info.dmt.value!r} (a top-level condition or a conjunct of "
                        "a top-level all)")
    return problems


def calendar_problems(spec: CalendarSpec, parameters: Mapping[str, Parameter],
                      rule_files: Mapping[str, str], rules: list[Rule]) -> list[str]:
    """Every parameter and rule a calendar names exists and is its own drug's; `explained_by`
    is a schedule rule."""
    problems: list[str] = []
    if not spec.id.startswith(f"{spec.drug}.calendar."):
        problems.append(f"calendar id must start with '{spec.drug}.calendar.'")
    for pid in spec.parameter_ids():
        param = parameters.get(pid)
        if param is None:
            problems.append(f"names parameter {pid!r}, which no `parameters:` entry defines")
        elif param.drug != spec.drug:
            problems.append(f"names parameter {pid!r} of another drug ({param.drug})")
    by_id = {rule.id: rule for rule in rules}
    named = [("explained_by", spec.explained_by)] + [("checks.rule", c.rule)
                                                     for c in spec.checks]
    for what, rid in named:
        rule = by_id.get(rid)
        if rule is None:
            problems.append(f"{what} names rule {rid!r}, which does not exist")
        elif rule.drug != spec.drug:
            problems.append(f"{what} names rule {rid!r} of another drug ({rule.drug})")
        elif what == "explained_by" and rule.category.value != "schedule":
            problems.append(f"explained_by names {rid!r}, which is not a schedule rule")
    return problems


def rule_problems(rule: Rule, sources: Mapping[str, Source], folder_drug: str) -> list[str]:
    """Checks a schema cannot make: ids, facts, operand types, citations."""
    problems: list[str] = []
    if rule.drug != folder_drug:
        problems.append(f"drug {rule.drug!r} does not match its folder {folder_drug!r}")
    if not rule.id.startswith(f"{rule.drug}.{rule.category.value}."):
        problems.append(f"id must start with '{rule.drug}.{rule.category.value}.'")
    depth = condition_depth(rule.when)
    if depth > MAX_CONDITION_DEPTH:
        problems.append(f"condition nests {depth} levels of all/any/not; at most "
                        f"{MAX_CONDITION_DEPTH} (split it into simpler rules)")
        return problems  # compiling it could take minutes
    problems += condition_problems(rule.when)
    problems += citation_problems(rule.cites, sources)
    return problems


def condition_depth(cond: Condition) -> int:
    """Levels of all/any/not (iterative: a deep condition must not hit the recursion limit)."""
    deepest = 0
    stack: list[tuple[Condition, int]] = [(cond, 0)]
    while stack:
        c, level = stack.pop()
        deepest = max(deepest, level)
        match c:
            case AllOf(all=parts) | AnyOf(any=parts):
                stack += [(part, level + 1) for part in parts]
            case NotOf(not_=inner):
                stack.append((inner, level + 1))
    return deepest


def parameter_problems(param: Parameter, sources: Mapping[str, Source],
                       folder_drug: str) -> list[str]:
    """A parameter is checked like a rule: its drug folder, its id prefix, its citations."""
    problems: list[str] = []
    if param.drug != folder_drug:
        problems.append(f"drug {param.drug!r} does not match its folder {folder_drug!r}")
    if not param.id.startswith(f"{param.drug}.schedule."):
        problems.append(f"parameter id must start with '{param.drug}.schedule.'")
    problems += citation_problems(param.cites, sources)
    return problems


def citation_problems(cites: list[Citation], sources: Mapping[str, Source]) -> list[str]:
    """Every citation names a listed source and one of the sections listed for it."""
    problems: list[str] = []
    for cite in cites:
        source = sources.get(cite.source)
        if source is None:
            problems.append(f"cites unknown source {cite.source!r} (not in {SOURCES})")
        elif source.sections and cite.section not in source.sections:
            problems.append(
                f"cites section {cite.section!r} of {cite.source}, which {SOURCES} does not "
                f"list (listed: {', '.join(source.sections)})"
            )
    return problems


def condition_problems(cond: Condition) -> list[str]:
    """Type-check a condition against the fact schema (the engine would coerce silently)."""
    problems: list[str] = []

    def fact(name: str) -> Any:
        spec = FACT_SPECS.get(name)
        if spec is None:
            problems.append(f"reads unknown fact {name!r} (see docs/facts.md)")
        return spec

    def check(c: Condition) -> None:
        match c:
            case AllOf(all=parts) | AnyOf(any=parts):
                for part in parts:
                    check(part)
            case NotOf(not_=inner):
                check(inner)
            case Known(known=name) | Unknown(unknown=name):
                fact(name)
            case Compare():
                spec = fact(c.field)
                if spec is not None:
                    problems.extend(f"{c.field} {c.op}: {p}" for p in _operand_problems(c, spec))

    check(cond)
    return problems


def _operand_problems(c: Compare, spec: Any) -> list[str]:
    op, operand = c.op, c.operand
    if spec.type is FactType.date:
        return [] if op in ("within_last", "not_within_last") else [
            "a date fact takes within_last / not_within_last (or known / unknown)"]
    if op in ("within_last", "not_within_last"):
        return [f"{op} needs a date fact; {spec.name} is {spec.type.value}"]
    if op in ("lt", "lte", "gt", "gte"):
        return [] if spec.is_numeric else [f"{op} needs a number fact; it is {spec.type.value}"]
    values = operand if op == "one_of" else [operand]
    out = []
    for value in values:
        if spec.type is FactType.boolean and not isinstance(value, bool):
            out.append(f"{value!r} is not true/false")
        elif spec.type is FactType.enum and value not in spec.values:
            out.append(f"{value!r} is not one of {', '.join(spec.values)}")
        elif spec.is_numeric and (isinstance(value, bool) or not isinstance(value, int | float)):
            out.append(f"{value!r} is not a number")
    return out
