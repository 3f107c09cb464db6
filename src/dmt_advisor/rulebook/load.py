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

import yaml
from pydantic import ValidationError

from dmt_advisor.errors import RulebookError, RulebookErrors
from dmt_advisor.facts import FACT_SPECS, FactType
from dmt_advisor.rulebook.model import (
    AllOf,
    AnyOf,
    Citation,
    Compare,
    Condition,
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

MANIFEST = "rulebook.yaml"
SOURCES = "sources.yaml"


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

    @property
    def drugs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rule.drug for rule in self.rules))

    def rules_for(self, drug: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.drug == drug)

    def parameter(self, parameter_id: str) -> Parameter:
        """A named parameter by id (KeyError names it when the rule files lack it)."""
        return self.parameters[parameter_id]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def default_rules_dir() -> Path:
    """`$DMT_ADVISOR_RULES`, else the repository's `rules/` beside `src/`."""
    env = os.environ.get("DMT_ADVISOR_RULES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "rules"


def _read_yaml(path: Path, root: Path) -> Any:
    rel = str(path.relative_to(root))
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulebookError(f"cannot read: {exc.strerror}", rel) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise RulebookError(f"not valid YAML{where}", rel) from None


def _pydantic_errors(exc: ValidationError, file: str, data: Any) -> list[RulebookError]:
    """Turn pydantic errors into rulebook errors that name the rule id when there is one."""
    out: list[RulebookError] = []
    seen: set[tuple[str | None, str]] = set()
    for err in exc.errors():
        loc = list(err["loc"])
        rule_id = None
        if len(loc) >= 2 and loc[0] in ("rules", "parameters") and isinstance(loc[1], int):
            try:
                rule_id = data[loc[0]][loc[1]].get("id") or f"{loc[0]}[{loc[1]}]"
            except (KeyError, IndexError, TypeError, AttributeError):
                rule_id = f"{loc[0]}[{loc[1]}]"
            loc = loc[2:]
        # union members (`int`, `float`...) and validator names are pydantic's, not the author's
        path = ".".join(str(p) for p in loc if str(p) not in _UNION_MEMBERS
                        and not str(p).startswith(("function-", "tagged")))
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
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
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
        return _read_yaml(path, root)

    manifest_path = root / MANIFEST
    sources_path = root / SOURCES
    for required in (manifest_path, sources_path):
        if not required.is_file():
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
    for source in sources_file.sources:
        if source.id in sources:
            errors.append(RulebookError(f"duplicate source id {source.id}", SOURCES))
        sources[source.id] = source

    rules: list[Rule] = []
    rule_files: dict[str, str] = {}
    parameters: dict[str, Parameter] = {}
    parameter_files: dict[str, str] = {}
    label_gaps: list[LabelGap] = []
    rule_paths = sorted(p for p in root.rglob("*.yaml") if p.parent != root)
    for path in rule_paths:
        rel = str(path.relative_to(root))
        try:
            data = read(path)
        except RulebookError as exc:
            errors.append(exc)
            continue
        if not isinstance(data, dict) or not {"rules", "parameters", "not_in_label"} & set(data):
            errors.append(RulebookError(
                "a rule file is a mapping with a `rules:`, `parameters:` or `not_in_label:` list",
                rel))
            continue
        try:
            rule_file = RuleFile.model_validate(data)
        except ValidationError as exc:
            errors.extend(_pydantic_errors(exc, rel, data))
            continue
        folder_drug = path.relative_to(root).parts[0]
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
    )


def rule_problems(rule: Rule, sources: Mapping[str, Source], folder_drug: str) -> list[str]:
    """Checks a schema cannot make: ids, facts, operand types, citations."""
    problems: list[str] = []
    if rule.drug != folder_drug:
        problems.append(f"drug {rule.drug!r} does not match its folder {folder_drug!r}")
    if not rule.id.startswith(f"{rule.drug}.{rule.category.value}."):
        problems.append(f"id must start with '{rule.drug}.{rule.category.value}.'")
    problems += condition_problems(rule.when)
    problems += citation_problems(rule.cites, sources)
    return problems


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
