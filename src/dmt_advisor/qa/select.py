"""Choosing scenarios the way QA people expect, and checking them without running them.

- by feature file path (`features/ocrelizumab/workup.feature`, or `...feature:12` for the
  scenario or Examples row on line 12), by scenario name (a case-insensitive part of it), by
  rule id (the scenarios whose steps or tags name the rule) and by tag (`JIRA:MS-123` too);
- a dry run: every step of every selected scenario matched against the step vocabulary without
  assessing anything; unknown steps are listed with the nearest known steps;
- a step catalogue (features/steps.json, features/steps.js) editors can autocomplete from.

The step vocabulary itself lives in the repository's tests/steps (it needs pytest-bdd).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RULE_ID = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+){2,}\b")


@dataclass
class Entry:
    """One scenario (an outline row is one entry) as written in a feature file."""

    file: Path                      # absolute
    rel: str                        # relative to the features folder
    name: str
    line: int                       # the scenario's line, or the Examples row's line
    scenario_line: int
    tags: set[str]
    steps: list[tuple[str, str, str, int, list[list[str]]]]  # type, keyword, text, line, table
    example: dict[str, str] | None = None
    rules: set[str] = field(default_factory=set)


def _example_lines(path: Path, after: int, rows: list[list[str]]) -> list[int]:
    lines = path.read_text("utf-8").splitlines()
    out, i = [], after
    for row in rows:
        while i < len(lines):
            cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
            i += 1
            if lines[i - 1].strip().startswith("|") and cells == [c.strip() for c in row]:
                out.append(i)
                break
    return out


def index(features_dir: Path) -> list[Entry]:
    """Every scenario of every feature file under `features_dir` (parse errors raise)."""
    from pytest_bdd.parser import FeatureParser

    from dmt_advisor.qa.scenarios import check_features

    check_features(features_dir)
    out: list[Entry] = []
    for path in sorted(features_dir.rglob("*.feature")):
        rel = str(path.relative_to(features_dir))
        feature = FeatureParser(str(features_dir), rel).parse()
        for template in feature.scenarios.values():
            tags = set(feature.tags) | set(template.tags)
            contexts: list[tuple[dict[str, str] | None, int]] = []
            if template.templated:
                for examples in template.examples:
                    lines = _example_lines(path, examples.line_number or template.line_number,
                                           examples.examples)
                    for ctx, line in zip(examples.as_contexts(), lines, strict=False):
                        contexts.append((ctx, line))
            else:
                contexts.append((None, template.line_number))
            for ctx, line in contexts:
                scenario = template.render(ctx or {})
                steps = [(s.type, s.keyword, s.name, s.line_number,
                          [list(map(str, r)) for r in s.datatable.raw()] if s.datatable else [])
                         for s in scenario.steps]
                rules = {m for _, _, text, _, table in steps for m in RULE_ID.findall(
                    " ".join([text, *(" ".join(r) for r in table)]))}
                rules |= {t for t in tags if RULE_ID.fullmatch(t)}
                out.append(Entry(path.resolve(), rel, template.name, line,
                                 template.line_number, tags, steps, ctx, rules))
    return out


def select(entries: list[Entry], targets: list[str] | None = None,
           names: list[str] | None = None, rules: list[str] | None = None,
           tags: list[str] | None = None) -> list[Entry]:
    """Entries matching every kind of filter given (within a kind, any value matches)."""
    out = entries
    if targets:
        wanted = []
        for target in targets:
            path, _, line = target.partition(":") if re.search(r":\d+$", target) else \
                (target, "", "")
            file = Path(path).resolve()
            wanted.append((file, int(line) if line else None))
        out = [e for e in out if any(
            e.file == f and (n is None or n in (e.line, e.scenario_line)) for f, n in wanted)]
    if names:
        out = [e for e in out if any(n.lower() in e.name.lower() for n in names)]
    if rules:
        out = [e for e in out if set(rules) & e.rules]
    if tags:
        out = [e for e in out if {t.lstrip("@") for t in tags} & e.tags]
    return out


def keep(entries: list[Entry], feature_file: str, scenario_name: str,
         example: dict[str, str] | None) -> bool:
    """Whether the collected scenario (file, name, Examples row) is one of `entries`."""
    path = Path(feature_file).resolve()
    return any(e.file == path and e.name == scenario_name
               and (e.example is None or e.example == example) for e in entries)


def dry_run(entries: list[Entry]) -> list[str]:
    """Every step no step definition matches, with its file, line and the nearest steps."""
    from tests.steps.stepdoc import step_docs
    from tests.steps.vocabulary import nearest_steps

    docs = step_docs()
    problems = []
    for e in entries:
        for kind, keyword, text, line, _ in e.steps:
            if not any(d.kind == kind and d.parser.is_matching(text) for d in docs):
                near = "\n".join(f"      {n}" for n in nearest_steps(text, kind, limit=3))
                problems.append(f"{e.rel}:{line}: unknown step: {keyword} {text}\n"
                                f"    scenario \"{e.name}\"; nearest known steps:\n{near}")
    return problems


def step_catalogue() -> list[dict[str, Any]]:
    """Every step of the vocabulary: keyword, the phrase with <placeholders>, the regular
    expression it must match in full, and its documented examples."""
    from tests.steps.stepdoc import step_docs

    out = []
    for d in step_docs():
        regex = getattr(d.parser, "regex", None)
        pattern = regex.pattern if regex is not None else re.escape(str(d.parser.name))
        out.append({"keyword": d.kind.capitalize(), "template": d.template,
                    "regex": f"^{pattern}$", "examples": list(d.examples)})
    return out


def catalogue_files() -> dict[str, str]:
    """features/steps.json (for any tool) and features/steps.js (the `Given(/regex/)` form the
    VS Code "Cucumber (Gherkin) Full Support" extension reads via cucumberautocomplete.steps)."""
    steps = step_catalogue()
    js = ["// Generated by `dmt-advisor scenarios steps --write`; do not edit.",
          "// Step patterns of tests/steps/vocabulary.py for editor autocompletion only.", ""]
    for s in steps:
        pattern = s["regex"].replace("(?P<", "(?<").replace("/", "\\/")
        js.append(f"{s['keyword']}(/{pattern}/);  // {s['template']}")
    return {"steps.json": json.dumps(steps, indent=1) + "\n", "steps.js": "\n".join(js) + "\n"}
