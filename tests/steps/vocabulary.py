"""The Gherkin step vocabulary QA writes scenarios with (features/README.md lists it).

Every step's docstring is its documentation, in a fixed shape that `tests/steps/stepdoc.py` turns
into the README: the first line is the phrase with `<placeholders>`, then free text, then
`Example:` lines that must match this step and no other (tests/qa checks it).

Profiles are built as plain mappings by field path, then assessed through the real command line
(in process, `--json`), so a scenario exercises the same code a clinician runs. Every assessment a
scenario makes is kept in `Scenario.history` (profile and contract JSON, incl. the rule `trace`):
`dmt-advisor coverage` and `dmt-advisor diff` read it through `dmt_advisor.qa.recorder`.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytest_bdd import given, parsers, then, when
from pytest_bdd.exceptions import StepDefinitionNotFoundError
from typer.testing import CliRunner

from dmt_advisor.cli import app as cli_app
from dmt_advisor.errors import ProfileError
from dmt_advisor.facts import FACT_SPECS
from dmt_advisor.profile import parse_profile
from dmt_advisor.qa.profile_fields import (
    did_you_mean,
    generic,
    is_profile_path,
    profile_fields,
)
from dmt_advisor.qa.recorder import MARKER_SAFE, register_tags
from dmt_advisor.rulebook.load import Rulebook, default_rules_dir, load_rulebook

REPO = Path(__file__).resolve().parents[2]
DEFAULT_ASSESSED_ON = dt.date(2026, 11, 22)
PATH = r"(?P<path>[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*|\[\d+\])*)"
RULE_ID = r"(?P<rule_id>[a-z0-9-]+(?:\.[a-z0-9-]+){2,})"
DRUG = r"(?P<drug>[a-z0-9-]+)"
DATE = r"(?P<date>\d{4}-\d{2}-\d{2})"
UNIT_WORD = r"(?:days?|weeks?|months?|years?)"
UNIT = r"(?P<unit>days?|weeks?|months?|years?)"
VERDICT = r"(?P<verdict>contraindicated|not_indicated|deferred|workup_required|" \
          r"eligible_with_precautions|eligible|info)"
CATEGORY = r"(?P<category>eligibility|contraindication|workup|administration|monitoring|" \
           r"pregnancy|switching|discontinuation|schedule)"
RELATIVE = re.compile(rf"^(\d+) ({UNIT_WORD}) (before|after)(?: the assessment date)?$")


@dataclass
class Scenario:
    """What one scenario has built and observed."""

    profile: dict[str, Any] = field(default_factory=lambda: {
        "format": 1, "assessed_on": DEFAULT_ASSESSED_ON.isoformat()})
    result: dict[str, Any] | None = None
    drug: str | None = None
    cli_output: str = ""
    cli_exit_code: int | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    # what the Then steps checked (coverage counts a rule as covered only when checked)
    checked_rules: set[str] = field(default_factory=set)
    checked_verdicts: set[str] = field(default_factory=set)
    # where in the feature file each profile field was set, for errors a QA person can act on
    feature_file: str = ""
    expects_rejection: bool = False
    step_line: int = 0
    field_lines: dict[str, int] = field(default_factory=dict)

    @property
    def assessed_on(self) -> dt.date:
        return dt.date.fromisoformat(str(self.profile["assessed_on"]))

    def drug_result(self, drug: str | None = None) -> dict[str, Any]:
        if self.result is None:
            if not self.history and self.cli_exit_code is None:
                raise AssertionError(
                    "no assessment result: add a 'When the patient is assessed for ...' step")
            raise AssertionError("no assessment result: the assessment was refused: "
                                 + (self.cli_output.strip() or "no output"))
        items = self.result["assessments"]
        drug = drug or self.drug
        if drug is None:
            assert len(items) == 1, "several drugs assessed: name the drug in the Then step"
            return items[0]
        found = [i for i in items if i["drug"] == drug]
        assert found, f"{drug} was not assessed; assessed: {[i['drug'] for i in items]}"
        return found[0]

    def finding(self, rule_id: str) -> dict[str, Any]:
        known_rule(rule_id)
        self.checked_rules.add(rule_id)
        for f in self.drug_result()["findings"]:
            if f["rule_id"] == rule_id:
                return f
        ids = [f["rule_id"] for f in self.drug_result()["findings"]]
        raise AssertionError(f"no finding {rule_id}; findings: {ids}")

    def where(self, path: str) -> str:
        """`line N of features/x.feature` for the step (or table row) that set `path`."""
        line = self.field_lines.get(path)
        if line is None:
            parents = [p for p in self.field_lines if path.startswith(p + ".")]
            line = self.field_lines[parents[-1]] if parents else None
        return f"line {line} of {self.feature_file}" if line else self.feature_file


# ---- the rulebook the scenarios run against (names in Then steps must exist in it) -----------

_BOOKS: dict[str, Rulebook] = {}


def rulebook() -> Rulebook:
    """The rulebook the CLI uses in this run (`$DMT_ADVISOR_RULES` or rules/), loaded once."""
    key = str(default_rules_dir().resolve())
    if key not in _BOOKS:
        _BOOKS[key] = load_rulebook()
    return _BOOKS[key]


def known_rule(rule_id: str) -> None:
    """A rule id a step names must exist: a typo would make `is not reported` always pass."""
    ids = [r.id for r in rulebook().rules]
    if rule_id not in ids:
        near = did_you_mean(rule_id, ids)
        raise AssertionError(f"{rule_id} is not a rule of the rulebook ({rulebook().root})"
                             + (f"; did you mean {' or '.join(near)}?" if near else
                                "; `dmt-advisor rules` lists them"))


def missing_field_names() -> set[str]:
    """Every profile field an assessment can report missing (what facts are supplied by)."""
    return {path for spec in FACT_SPECS.values() for path in spec.supplied_by}


def known_field(path: str) -> None:
    """A field path a step names must exist in the profile format (docs/profile.md)."""
    names = missing_field_names()
    if path in names or is_profile_path(path):
        return
    near = did_you_mean(generic(path), sorted(names | {f.path for f in profile_fields()}))
    raise AssertionError(f"{path} is not a field of the profile format (docs/profile.md)"
                         + (f"; did you mean {' or '.join(near)}?" if near else ""))


@pytest.fixture
def scenario_state() -> Scenario:
    return Scenario()


# ---- values and paths ----------------------------------------------------------------------

def parse_value(text: str) -> Any:
    """A cell or one-liner value, read as YAML: true, 34, 2.5, 2026-01-10, [a, b], positive."""
    value = yaml.safe_load(text)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [v.isoformat() if isinstance(v, dt.date) else v for v in value]
    return value


def resolve_value(text: str, on: dt.date) -> Any:
    """Like `parse_value`, and `3 weeks before` (the assessment date) becomes an ISO date."""
    match = RELATIVE.match(text.strip())
    if match:
        amount, unit, side = match.groups()
        return relative_date(on, int(amount), unit, before=side == "before").isoformat()
    return parse_value(text)


def _split(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for name, index in re.findall(r"([a-z_][a-z0-9_]*)|\[(\d+)\]", path):
        parts.append(int(index) if index else name)
    return parts


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set `a.b[0].c` in nested mappings/lists, creating what is missing; unknown removes it."""
    parts = _split(path)
    node: Any = data
    for part, nxt in itertools.pairwise(parts):
        if isinstance(part, int):
            while len(node) <= part:
                node.append({})
            node = node[part]
        else:
            node = node.setdefault(part, [] if isinstance(nxt, int) else {})
    last = parts[-1]
    if value == "unknown" or value is None:
        if isinstance(last, str):
            node.pop(last, None)
        return
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def get_path(data: Any, path: str) -> Any:
    """Read `a.b[0].c` from nested mappings/lists; a missing part raises with the path."""
    node = data
    for part in _split(path):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            raise AssertionError(f"{path}: not present (at {part!r})") from None
    return node


def relative_date(on: dt.date, amount: int, unit: str, before: bool = True) -> dt.date:
    """`amount unit` before (or after) `on`, calendar-exact for months and years."""
    unit = unit.rstrip("s")
    sign = -1 if before else 1
    if unit == "day":
        return on + dt.timedelta(days=sign * amount)
    if unit == "week":
        return on + dt.timedelta(weeks=sign * amount)
    months = amount * (12 if unit == "year" else 1) * sign
    year, month = divmod(on.month - 1 + months, 12)
    year += on.year
    month += 1
    day = min(on.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
                       31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return dt.date(year, month, day)


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _iso(value: Any) -> Any:
    """YAML dates -> ISO text, recursively, so a profile is JSON-ready."""
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _table_rows(datatable: list[list[str]], header: list[str]) -> list[list[str]]:
    return datatable[1:] if datatable and datatable[0][:len(header)] == header else datatable


# ---- Given: the profile ----------------------------------------------------------------------

@given(parsers.re(rf"the assessment date is {DATE}"))
def given_assessment_date(scenario_state: Scenario, date: str) -> None:
    """Given the assessment date is <YYYY-MM-DD>

    Sets `assessed_on` (default 2026-11-22). Every relative date ("3 weeks before the assessment
    date") counts from it, so put this step first.

    Example: Given the assessment date is 2026-11-22
    """
    scenario_state.profile["assessed_on"] = date


@given(parsers.re(r"the jurisdiction is (?P<jurisdiction>US|EU)"))
def given_jurisdiction(scenario_state: Scenario, jurisdiction: str) -> None:
    """Given the jurisdiction is <US|EU>

    Which label set applies (`jurisdiction`, default US). US and EU rules differ.

    Example: Given the jurisdiction is EU
    """
    scenario_state.profile["jurisdiction"] = jurisdiction


@given(parsers.re(r"an? (?:(?P<sex>female|male|other) )?(?P<phenotype>CIS|RRMS|SPMS|PPMS) "
                  r"patient aged (?P<age>\d+)"))
def given_patient(scenario_state: Scenario, phenotype: str, age: str,
                  sex: str | None = None) -> None:
    """Given a [female|male|other] <CIS|RRMS|SPMS|PPMS> patient aged <years>

    The minimal profile: `diagnosis.phenotype`, `patient.age` and, when named, `patient.sex`.

    Example: Given a RRMS patient aged 34
    Example: Given a female PPMS patient aged 48
    """
    set_path(scenario_state.profile, "patient.age", int(age))
    set_path(scenario_state.profile, "diagnosis.phenotype", phenotype)
    if sex:
        set_path(scenario_state.profile, "patient.sex", sex)


@given("a patient profile:")
def given_profile_table(scenario_state: Scenario, datatable: list[list[str]]) -> None:
    """Given a patient profile:

    A table of `| field path | value |` rows (a `| field | value |` header row is optional).
    Values are read like the one-liner `<field path> is <value>`: YAML values, `unknown`, or a
    date relative to the assessment date such as `3 weeks before`.

    ```gherkin
    Given a patient profile:
      | field               | value         |
      | patient.birth_date  | 2008-11-23    |
      | diagnosis.phenotype | RRMS          |
      | activity.last_relapse | 3 months before |
    ```

    Example: Given a patient profile:
    """
    for path, value in _table_rows(datatable, ["field", "value"]):
        set_path(scenario_state.profile, path.strip(),
                 resolve_value(value, scenario_state.assessed_on))


@given("a patient profile in YAML:")
def given_profile_yaml(scenario_state: Scenario, docstring: str) -> None:
    """Given a patient profile in YAML:

    A doc string (between `\"\"\"` lines) in the profile format itself
    (every field: `docs/profile.md`), merged into the profile built so far. Use it for
    anything the other steps do not say as well, e.g. a whole `treatment:` section.

    ```gherkin
    Given a patient profile in YAML:
      \"\"\"
      treatment:
        current: {drug: natalizumab, last_dose: 2026-10-20}
      \"\"\"
    ```

    Example: Given a patient profile in YAML:
    """
    data = yaml.safe_load(docstring) or {}
    assert isinstance(data, dict), "the YAML doc string must be a mapping of profile fields"
    _merge(scenario_state.profile, _iso(data))


@given(parsers.re(r"the patient profile from (?P<file>\S+\.(?:ya?ml|json))"))
def given_profile_file(scenario_state: Scenario, file: str) -> None:
    """Given the patient profile from <file>

    Starts from a profile file (path relative to the repository, e.g. one of `examples/`); later
    steps change it. The file's own `assessed_on` is kept.

    Example: Given the patient profile from examples/rrms-ready-to-start.yaml
    """
    data = yaml.safe_load((REPO / file).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{file} is not a profile mapping"
    scenario_state.profile = _iso(data)
    scenario_state.profile.setdefault("assessed_on", DEFAULT_ASSESSED_ON.isoformat())


@given("the screening results are complete and normal")
def given_screening_normal(scenario_state: Scenario) -> None:
    """Given the screening results are complete and normal

    HBsAg and anti-HBc negative, immunoglobulins and liver tests normal, no active infection.

    Example: Given the screening results are complete and normal
    """
    for path, value in (("screening.hbsag", "negative"), ("screening.anti_hbc", "negative"),
                        ("screening.immunoglobulins", "normal"),
                        ("screening.liver_tests", "normal"), ("infection.active", False)):
        set_path(scenario_state.profile, path, value)


@given(parsers.re(rf'an? (?P<kind>live|non-live) vaccine(?: "(?P<name>[^"]+)")? '
                  rf"(?:(?P<amount>\d+) {UNIT} before the assessment date|on {DATE})"))
def given_vaccine(scenario_state: Scenario, kind: str, name: str | None = None,
                  amount: str | None = None, unit: str | None = None,
                  date: str | None = None) -> None:
    """Given a <live|non-live> vaccine ["<name>"] <n> <days|weeks|months|years>
    before the assessment date

    Adds one entry to `vaccinations` (kind `live` or `non_live`), dated relative to the assessment
    date, or on a given date (`... vaccine on 2026-11-01`).

    Example: Given a live vaccine 3 weeks before the assessment date
    Example: Given a non-live vaccine "influenza" 10 days before the assessment date
    Example: Given a live vaccine "MMR" on 2026-11-01
    """
    if date is None:
        assert amount is not None and unit is not None
        date = relative_date(scenario_state.assessed_on, int(amount), unit).isoformat()
    scenario_state.profile.setdefault("vaccinations", []).append({
        "vaccine": name or f"{kind} vaccine", "kind": kind.replace("-", "_"), "date": date})


@given(parsers.re(rf"{PATH} is (?P<amount>\d+) {UNIT} before the assessment date"))
def given_relative_date(scenario_state: Scenario, path: str, amount: str, unit: str) -> None:
    """Given <field path> is <n> <days|weeks|months|years> before the assessment date

    A date field set relative to `assessed_on` (months and years are calendar-exact).

    Example: Given activity.last_relapse is 3 months before the assessment date
    Example: Given treatment.current.last_dose is 5 weeks before the assessment date
    """
    value = relative_date(scenario_state.assessed_on, int(amount), unit).isoformat()
    set_path(scenario_state.profile, path, value)


@given(parsers.re(rf"(?P<formulation>IV|SC|IM|oral) (?P<drug>[a-z0-9-]+) doses "
                  rf"(?P<spans>(?:\d+ {UNIT_WORD}(?:, | and )?)+) before the assessment date"))
def given_doses(scenario_state: Scenario, formulation: str, drug: str, spans: str) -> None:
    """Given <IV|SC|IM|oral> <drug> doses <n unit>, <n unit> and <n unit>
    before the assessment date

    Records the doses given (any number, each relative to the assessment date) and their
    formulation: `treatment.ocrelizumab` for ocrelizumab, else the drug's `treatment.courses`
    entry (created, or replaced, for that drug).

    Example: Given IV ocrelizumab doses 58 weeks, 56 weeks and 32 weeks before the assessment date
    Example: Given SC ocrelizumab doses 26 weeks before the assessment date
    Example: Given SC ofatumumab doses 6 weeks, 5 weeks and 4 weeks before the assessment date
    """
    dates = sorted(relative_date(scenario_state.assessed_on, int(n), u).isoformat()
                   for n, u in re.findall(r"(\d+) (days?|weeks?|months?|years?)", spans))
    if drug == "ocrelizumab":
        set_path(scenario_state.profile, "treatment.ocrelizumab.formulation", formulation)
        set_path(scenario_state.profile, "treatment.ocrelizumab.doses", dates)
        return
    courses = scenario_state.profile.setdefault("treatment", {}).setdefault("courses", [])
    courses[:] = [c for c in courses if c.get("drug") != drug]
    courses.append({"drug": drug, "formulation": formulation, "doses": dates})


@given(parsers.re(rf"the current treatment is (?P<drug>[a-z0-9-]+)"
                  rf"(?: \((?P<formulation>IV|SC|IM|oral)\))?"
                  rf"(?: started (?P<amount>\d+) {UNIT} before the assessment date)?"))
def given_current_treatment(scenario_state: Scenario, drug: str,
                            formulation: str | None = None, amount: str | None = None,
                            unit: str | None = None) -> None:
    """Given the current treatment is <drug> [(<IV|SC|IM|oral>)]
    [started <n> <days|weeks|months|years> before the assessment date]

    Sets `treatment.current.drug` (generic name, lower case, e.g. `natalizumab`), and
    optionally `treatment.current.formulation` and `treatment.current.started`; add its last
    dose with `treatment.current.last_dose is 5 weeks before the assessment date`.

    Example: Given the current treatment is natalizumab
    Example: Given the current treatment is fingolimod (oral) started 10 weeks before the
        assessment date
    """
    set_path(scenario_state.profile, "treatment.current.drug", drug)
    if formulation:
        set_path(scenario_state.profile, "treatment.current.formulation", formulation)
    if amount is not None and unit is not None:
        started = relative_date(scenario_state.assessed_on, int(amount), unit).isoformat()
        set_path(scenario_state.profile, "treatment.current.started", started)


@given(parsers.re(rf"an earlier treatment with (?P<drug>[a-z0-9-]+)(?: stopped "
                  rf"(?P<amount>\d+) {UNIT} before the assessment date)?(?: for "
                  r"(?P<reason>breakthrough|intolerance|safety|pregnancy|patient_choice|other))?"))
def given_prior_treatment(scenario_state: Scenario, drug: str, amount: str | None = None,
                          unit: str | None = None, reason: str | None = None) -> None:
    """Given an earlier treatment with <drug>
    [stopped <n> <days|weeks|months|years> before the assessment date] [for <reason>]

    Appends to `treatment.prior`; reasons: breakthrough, intolerance, safety, pregnancy,
    patient_choice, other.

    Example: Given an earlier treatment with fingolimod stopped 6 weeks before the assessment
        date for breakthrough
    Example: Given an earlier treatment with interferon-beta-1a
    """
    entry: dict[str, Any] = {"drug": drug}
    if amount is not None and unit is not None:
        entry["stopped"] = relative_date(scenario_state.assessed_on, int(amount), unit).isoformat()
    if reason:
        entry["reason"] = reason
    scenario_state.profile.setdefault("treatment", {}).setdefault("prior", []).append(entry)


@given(parsers.re(rf"the list {PATH} has:"))
def given_list_table(scenario_state: Scenario, path: str, datatable: list[list[str]]) -> None:
    """Given the list <field path> has:

    Appends one entry per table row to a list of the profile (`vaccinations`, `treatment.prior`);
    the header row names the entry's fields. Cells are read like one-liner values, so
    `3 weeks before` is a date relative to the assessment date.

    ```gherkin
    Given the list vaccinations has:
      | vaccine   | kind     | date          |
      | MMR       | live     | 5 weeks before |
      | influenza | non_live | 2026-11-10    |
    ```

    Example: Given the list vaccinations has:
    """
    header, *rows = datatable
    target = scenario_state.profile
    for part in _split(path)[:-1]:
        target = target.setdefault(part, {}) if isinstance(part, str) else target[part]
    items = target.setdefault(_split(path)[-1], [])
    for row in rows:
        items.append({key.strip(): resolve_value(cell, scenario_state.assessed_on)
                      for key, cell in zip(header, row, strict=True) if cell.strip() != ""})


@given(parsers.re(rf"{PATH} is (?P<value>(?!.* before the assessment date$).+)"))
def given_field(scenario_state: Scenario, path: str, value: str) -> None:
    """Given <field path> is <value>

    Any field of the profile format by its path (`screening.hbsag`, `vaccinations[0].kind`,
    `treatment.ocrelizumab.formulation`). Values are read as YAML (true, 34, 2.5, 2026-01-10,
    [a, b]); `unknown` leaves the field unrecorded.

    Example: Given screening.hbsag is positive
    Example: Given diagnosis.active_disease is unknown
    Example: Given activity.edss is 3.5
    """
    set_path(scenario_state.profile, path, parse_value(value))


# ---- When ------------------------------------------------------------------------------------

def _run_cli(scenario_state: Scenario, tmp_path: Path, drug: str | None,
             extra: list[str]) -> None:
    profile_file = tmp_path / "profile.yaml"
    profile_file.write_text(yaml.safe_dump(scenario_state.profile, sort_keys=False))
    args = ["assess", str(profile_file), *extra]
    if drug:
        args += ["--drug", drug]
    result = CliRunner().invoke(cli_app, args)
    scenario_state.cli_exit_code = result.exit_code
    scenario_state.cli_output = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception


def profile_problems(state: Scenario) -> str | None:
    """The profile's errors, each with the feature line that set the field and a "did you
    mean" for an unknown field; None when the profile is valid."""
    try:
        parse_profile(state.profile)
    except ProfileError as exc:
        lines = []
        for problem in exc.problems:
            hint = ""
            if problem.message.startswith("unknown field"):
                near = did_you_mean(generic(problem.path),
                                    sorted({f.path for f in profile_fields()}))
                hint = f"; did you mean {' or '.join(near)}?" if near else ""
                message = "unknown field (docs/profile.md lists every field)"
            else:
                message = problem.message
            also = [f"{other} at {state.where(other)}" for other in state.field_lines
                    if other != problem.path and other in problem.message]
            where = "; ".join([state.where(problem.path), *also])
            lines.append(f"  - {problem.path}: {message}{hint} (set at {where})")
        return "the scenario's patient profile is invalid:\n" + "\n".join(lines)
    return None


def _assess(scenario_state: Scenario, tmp_path: Path, drug: str | None) -> None:
    scenario_state.drug = drug
    scenario_state.result = None
    problems = profile_problems(scenario_state)
    if problems and not scenario_state.expects_rejection:
        scenario_state.history.append({"profile": copy.deepcopy(scenario_state.profile),
                                       "drug": drug, "exit_code": 2, "result": None})
        raise AssertionError(problems)
    _run_cli(scenario_state, tmp_path, drug, ["--json"])
    if scenario_state.cli_exit_code == 0:
        scenario_state.result = json.loads(scenario_state.cli_output)
    scenario_state.history.append({"profile": copy.deepcopy(scenario_state.profile),
                                   "drug": drug, "exit_code": scenario_state.cli_exit_code,
                                   "result": scenario_state.result})


@when(parsers.re(rf"the patient is assessed for {DRUG}(?: under the "
                 r"(?P<jurisdiction>US|EU) label)?"))
def when_assessed(scenario_state: Scenario, tmp_path: Path, drug: str,
                  jurisdiction: str | None = None) -> None:
    """When the patient is assessed for <drug> [under the <US|EU> label]

    Runs `dmt-advisor assess --json --drug <drug>` on the profile built so far and keeps the
    contract JSON. `under the EU label` sets `jurisdiction` first. A rejected profile is kept
    for `Then the profile is rejected naming <field path>`.

    Example: When the patient is assessed for ocrelizumab
    Example: When the patient is assessed for ocrelizumab under the EU label
    """
    if jurisdiction:
        scenario_state.profile["jurisdiction"] = jurisdiction
    _assess(scenario_state, tmp_path, drug)


@when("the patient is assessed for every drug")
def when_assessed_all(scenario_state: Scenario, tmp_path: Path) -> None:
    """When the patient is assessed for every drug

    Runs `dmt-advisor assess --json` without `--drug`: one assessment per drug of the rulebook.
    Then-steps that look at one drug need `the verdict for <drug> is ...` or a single drug.

    Example: When the patient is assessed for every drug
    """
    _assess(scenario_state, tmp_path, None)


@when(parsers.re(rf"the (?P<audience>clinician|patient) report for {DRUG} is printed"))
def when_report(scenario_state: Scenario, tmp_path: Path, audience: str, drug: str) -> None:
    """When the <clinician|patient> report for <drug> is printed

    Runs `dmt-advisor assess --audience <audience>` and keeps the Markdown text.

    Example: When the patient report for ocrelizumab is printed
    """
    scenario_state.drug = drug
    _run_cli(scenario_state, tmp_path, drug, ["--audience", audience])


# ---- Then: the assessment ------------------------------------------------------------------

@then(parsers.re(rf"the verdict(?: for {DRUG})? is {VERDICT}"))
def then_verdict(scenario_state: Scenario, verdict: str, drug: str | None = None) -> None:
    """Then the verdict [for <drug>] is <verdict>

    The drug's overall verdict: contraindicated, not_indicated, deferred, workup_required,
    eligible_with_precautions or eligible.

    Example: Then the verdict is workup_required
    Example: Then the verdict for ocrelizumab is eligible
    """
    result = scenario_state.drug_result(drug)
    findings = [(f["rule_id"], f["verdict"]) for f in result["findings"]]
    assert result["verdict"] == verdict, \
        f"verdict {result['verdict']}, expected {verdict}; findings: {findings}"
    # the rules that decide this verdict are checked by this step
    scenario_state.checked_verdicts.add(f"{result['drug']}:{verdict}")
    scenario_state.checked_rules.update(
        f["rule_id"] for f in result["findings"]
        if f["verdict"] == verdict and f["status"] == "applies")


@then(parsers.re(rf"the finding {RULE_ID} is reported"))
def then_finding(scenario_state: Scenario, rule_id: str) -> None:
    """Then the finding <rule id> is reported

    A finding of that rule is in the assessment (it applies or is undecided).

    Example: Then the finding ocrelizumab.workup.hbv-screening is reported
    """
    scenario_state.finding(rule_id)


@then(parsers.re(rf"the finding {RULE_ID} is not reported"))
def then_no_finding(scenario_state: Scenario, rule_id: str) -> None:
    """Then the finding <rule id> is not reported

    Example: Then the finding ocrelizumab.workup.hbv-screening is not reported
    """
    known_rule(rule_id)
    ids = [f["rule_id"] for f in scenario_state.drug_result()["findings"]]
    assert rule_id not in ids, f"{rule_id} was reported"
    scenario_state.checked_rules.add(rule_id)


@then(parsers.re(rf"the finding {RULE_ID} has verdict {VERDICT}"))
def then_finding_verdict(scenario_state: Scenario, rule_id: str, verdict: str) -> None:
    """Then the finding <rule id> has verdict <verdict>

    The finding's own verdict (`info` for counselling, premedication, observation...).

    Example: Then the finding ocrelizumab.workup.hbv-screening has verdict workup_required
    """
    got = scenario_state.finding(rule_id)["verdict"]
    assert got == verdict, f"{rule_id} has verdict {got}"


@then(parsers.re(rf"the finding {RULE_ID} (?P<status>applies|is undecided)"))
def then_finding_status(scenario_state: Scenario, rule_id: str, status: str) -> None:
    """Then the finding <rule id> <applies|is undecided>

    `applies`: the condition is true for this patient. `is undecided`: facts it needs are
    missing, so it is reported as workup_required (or its missing fields are listed).

    Example: Then the finding ocrelizumab.administration.active-infection is undecided
    Example: Then the finding ocrelizumab.contraindication.active-hbv applies
    """
    want = "applies" if status == "applies" else "undecided"
    got = scenario_state.finding(rule_id)["status"]
    assert got == want, f"{rule_id} is {got}, expected {want}"


@then(parsers.re(rf"an? {CATEGORY} finding is reported"))
def then_category(scenario_state: Scenario, category: str) -> None:
    """Then a <category> finding is reported

    Any finding of that category: eligibility, contraindication, workup, administration,
    monitoring, pregnancy, switching, discontinuation, schedule.

    Example: Then a contraindication finding is reported
    """
    cats = [f["category"] for f in scenario_state.drug_result()["findings"]]
    assert category in cats, f"no {category} finding; categories: {cats}"


@then(parsers.re(rf"no {CATEGORY} finding is reported"))
def then_no_category(scenario_state: Scenario, category: str) -> None:
    """Then no <category> finding is reported

    Example: Then no contraindication finding is reported
    """
    found = [f["rule_id"] for f in scenario_state.drug_result()["findings"]
             if f["category"] == category]
    assert not found, f"unexpected {category} findings: {found}"


@then("the findings include:")
def then_findings_table(scenario_state: Scenario, datatable: list[list[str]]) -> None:
    """Then the findings include:

    A table with a header row naming finding fields (`rule_id` first; then any of `category`,
    `verdict`, `status`); each row must match one finding.

    ```gherkin
    Then the findings include:
      | rule_id                            | verdict         | status    |
      | ocrelizumab.workup.hbv-screening   | workup_required | applies   |
    ```

    Example: Then the findings include:
    """
    header, *rows = datatable
    assert header and header[0] == "rule_id", "the first column of the table is rule_id"
    columns = ("category", "verdict", "status")
    for key in header[1:]:
        near = did_you_mean(key.strip(), columns)
        assert key.strip() in columns, (
            f"unknown column {key.strip()!r} in `the findings include:`; the columns are rule_id,"
            f" {', '.join(columns)}" + (f" (did you mean {near[0]}?)" if near else ""))
    for row in rows:
        finding = scenario_state.finding(row[0].strip())
        for key, cell in zip(header[1:], row[1:], strict=True):
            assert str(finding.get(key)) == cell.strip(), \
                f"{row[0]}: {key} is {finding.get(key)!r}, expected {cell.strip()!r}"


@then(parsers.re(rf'the finding {RULE_ID} says "(?P<text>[^"]+)"'))
def then_finding_says(scenario_state: Scenario, rule_id: str, text: str) -> None:
    """Then the finding <rule id> says "<text>"

    Text in the clinician summary (case-insensitive).

    Example: Then the finding ocrelizumab.workup.liver-tests says "bilirubin"
    """
    summary = scenario_state.finding(rule_id)["summary"]
    assert text.lower() in summary.lower(), summary


@then(parsers.re(rf'the finding {RULE_ID} tells the patient "(?P<text>[^"]+)"'))
def then_finding_patient_text(scenario_state: Scenario, rule_id: str, text: str) -> None:
    """Then the finding <rule id> tells the patient "<text>"

    Text in the plain-language patient summary (case-insensitive).

    Example: Then the finding ocrelizumab.workup.hbv-screening tells the patient "blood test"
    """
    summary = scenario_state.finding(rule_id)["patient_summary"]
    assert text.lower() in summary.lower(), summary


@then(parsers.re(rf'the finding {RULE_ID} is explained by "(?P<text>[^"]+)"'))
def then_finding_because(scenario_state: Scenario, rule_id: str, text: str) -> None:
    """Then the finding <rule id> is explained by "<text>"

    A line of the finding's `because` (the facts of this patient that made it fire) contains
    the text, case-insensitive.

    Example: Then the finding ocrelizumab.contraindication.active-hbv is explained by
        "HBsAg is positive"
    """
    because = scenario_state.finding(rule_id)["because"]
    assert any(text.lower() in line.lower() for line in because), because


@then(parsers.re(rf'the finding {RULE_ID} is (?P<neg>not )?marked uncertain'
                 r'(?: with "(?P<text>[^"]+)")?'))
def then_finding_uncertain(scenario_state: Scenario, rule_id: str, neg: str | None = None,
                           text: str | None = None) -> None:
    """Then the finding <rule id> is [not] marked uncertain [with "<text>"]

    The finding's `uncertain` note: what the label text read does not confirm.

    Example: Then the finding ocrelizumab.workup.abnormal-liver-tests is marked uncertain
    Example: Then the finding ocrelizumab.workup.abnormal-liver-tests is marked uncertain
        with "not read"
    Example: Then the finding ocrelizumab.workup.hbv-screening is not marked uncertain
    """
    note = scenario_state.finding(rule_id).get("uncertain")
    if neg:
        assert not note, f"{rule_id} is marked uncertain: {note}"
        return
    assert note, f"{rule_id} is not marked uncertain"
    assert text is None or text.lower() in note.lower(), note


@then(parsers.re(rf"the finding {RULE_ID} cites (?P<source>[a-z0-9-]+) section "
                 r"(?P<section>[A-Za-z0-9.]+)"))
def then_finding_cites(scenario_state: Scenario, rule_id: str, source: str,
                       section: str) -> None:
    """Then the finding <rule id> cites <source id> section <section>

    The citation (a source of rules/sources.yaml and one of its listed sections) carries the
    source's revision.

    Example: Then the finding ocrelizumab.workup.hbv-screening cites ocrevus-uspi-2025-08
        section 2.1
    """
    sources = list(rulebook().sources)
    near = did_you_mean(source, sources)
    assert source in sources, (f"{source} is not a source of rules/sources.yaml"
                               + (f"; did you mean {' or '.join(near)}?" if near else ""))
    cites = scenario_state.finding(rule_id)["citations"]
    match = [c for c in cites if c["source"] == source and c["section"] == section]
    assert match, f"citations: {cites}"
    assert match[0]["revision"], "a citation must carry its revision"


@then("every finding cites a source with its revision")
def then_all_cited(scenario_state: Scenario) -> None:
    """Then every finding cites a source with its revision

    Example: Then every finding cites a source with its revision
    """
    for finding in scenario_state.drug_result()["findings"]:
        assert finding["citations"], f"{finding['rule_id']} has no citation"
        assert all(c["revision"] for c in finding["citations"]), finding["citations"]


@then(parsers.re(rf"(?!nothing ){PATH} is reported missing(?:, asked by {RULE_ID})?"))
def then_missing(scenario_state: Scenario, path: str, rule_id: str | None = None) -> None:
    """Then <field path> is reported missing[, asked by <rule id>]

    Listed in the assessment's `missing`, with the rules that asked for it.

    Example: Then screening.hbsag is reported missing
    Example: Then screening.hbsag is reported missing, asked by ocrelizumab.workup.hbv-screening
    """
    known_field(path)
    if rule_id is not None:
        known_rule(rule_id)
    missing = {m["field"]: m["asked_by"] for m in scenario_state.drug_result()["missing"]}
    assert path in missing, f"missing: {sorted(missing)}"
    assert missing[path], "a missing field names the rules that asked for it"
    assert rule_id is None or rule_id in missing[path], f"{path} asked by {missing[path]}"
    if rule_id is not None:
        scenario_state.checked_rules.add(rule_id)


@then(parsers.re(rf"{PATH} is not reported missing"))
def then_not_missing(scenario_state: Scenario, path: str) -> None:
    """Then <field path> is not reported missing

    Example: Then screening.hbsag is not reported missing
    """
    known_field(path)
    missing = [m["field"] for m in scenario_state.drug_result()["missing"]]
    assert path not in missing, f"{path} is reported missing"


@then("nothing is reported missing")
def then_nothing_missing(scenario_state: Scenario) -> None:
    """Then nothing is reported missing

    Example: Then nothing is reported missing
    """
    missing = [m["field"] for m in scenario_state.drug_result()["missing"]]
    assert not missing, f"missing: {missing}"


@then(parsers.re(r'the schedule has "(?P<event>[^"]+)"(?: (?P<which>due|earliest|latest) '
                 rf"(?:on {DATE}|(?P<amount>\d+) {UNIT} (?P<side>before|after) the assessment "
                 r"date))?"))
def then_schedule_date(scenario_state: Scenario, event: str, which: str | None = None,
                       date: str | None = None, amount: str | None = None,
                       unit: str | None = None, side: str | None = None) -> None:
    """Then the schedule has "<event>" [<due|earliest|latest> on <YYYY-MM-DD>]

    A schedule item by its event name, optionally with its `due`, `earliest` or `latest` date,
    given as a date or relative (`due 24 weeks after the assessment date`).

    Example: Then the schedule has "next maintenance dose" due on 2027-01-14
    Example: Then the schedule has "next maintenance dose" earliest 20 weeks after the
        assessment date
    Example: Then the schedule has "next maintenance dose"
    """
    schedule = scenario_state.drug_result()["schedule"]
    items = [s for s in schedule if s["event"] == event]
    assert items, f"no schedule item {event!r}: {schedule}"
    if which is None:
        return
    if date is None:
        assert amount is not None and unit is not None
        date = relative_date(scenario_state.assessed_on, int(amount), unit,
                             before=side == "before").isoformat()
    assert items[0].get(which) == date, f"{event} {which} is {items[0].get(which)}, not {date}"


@then(parsers.re(rf'the schedule has "(?P<event>[^"]+)" on hold(?: by {RULE_ID})?'))
def then_schedule_on_hold(scenario_state: Scenario, event: str,
                          rule_id: str | None = None) -> None:
    """Then the schedule has "<event>" on hold [by <rule id>]

    The item is held (status `on_hold`, no due date) while a stop or hold finding stands,
    optionally naming one of the rules that hold it (`held_by`).

    Example: Then the schedule has "next dose: 600 mg IV" on hold
    Example: Then the schedule has "next dose: 600 mg IV" on hold by
        ocrelizumab.pregnancy.pregnant
    """
    schedule = scenario_state.drug_result()["schedule"]
    items = [s for s in schedule if s["event"] == event]
    assert items, f"no schedule item {event!r}: {[s['event'] for s in schedule]}"
    item = items[0]
    assert item.get("status") == "on_hold" and item.get("due") is None, (
        f"{event} is {item.get('status')} (due {item.get('due')}), not on hold")
    if rule_id is not None:
        known_rule(rule_id)
        assert rule_id in item.get("held_by", []), f"{event} is held by {item.get('held_by')}"


@then("no dose is shown as due")
def then_no_dose_due(scenario_state: Scenario) -> None:
    """Then no dose is shown as due

    No schedule item is due, overdue or upcoming with a date: every dated item is on hold.

    Example: Then no dose is shown as due
    """
    dated = [(s["event"], s.get("status"), s.get("due"))
             for s in scenario_state.drug_result()["schedule"]
             if s.get("due") is not None or s.get("status") in ("due", "overdue", "upcoming")]
    assert not dated, f"dated while a stop signal stands: {dated}"


@then(parsers.re(r'the schedule has no "(?P<event>[^"]+)"'))
def then_no_schedule(scenario_state: Scenario, event: str) -> None:
    """Then the schedule has no "<event>"

    Example: Then the schedule has no "next maintenance dose"
    """
    events = [s["event"] for s in scenario_state.drug_result()["schedule"]]
    assert event not in events, f"schedule has {event!r}"


@then(parsers.re(r'the notes mention "(?P<text>[^"]+)"'))
def then_notes(scenario_state: Scenario, text: str) -> None:
    """Then the notes mention "<text>"

    The drug assessment's `notes` (e.g. why no indication rule matched), case-insensitive.

    Example: Then the notes mention "not shown as indicated"
    """
    notes = scenario_state.drug_result()["notes"]
    assert any(text.lower() in n.lower() for n in notes), notes


@then(parsers.re(rf"the assessment {PATH} is (?P<value>.+)"))
def then_assessment_field(scenario_state: Scenario, path: str, value: str) -> None:
    """Then the assessment <field path> is <value>

    Any field of the assessment format by path: `jurisdiction`, `assessed_on`,
    `rulebook.version`, `assessments[0].drug`, `assessments[0].findings[0].category`...
    Compared as YAML values or as text.

    Example: Then the assessment jurisdiction is EU
    Example: Then the assessment assessments[0].drug is ocrelizumab
    """
    assert scenario_state.result is not None, "no assessment result: " + scenario_state.cli_output
    got = get_path(scenario_state.result, path)
    assert got == parse_value(value) or str(got) == value, f"{path} is {got!r}, not {value}"


@then(parsers.re(rf"the profile is rejected naming {PATH}"))
def then_rejected(scenario_state: Scenario, path: str) -> None:
    """Then the profile is rejected naming <field path>

    The assessment refused the profile (exit code 2, no result) with an error naming the field.

    Example: Then the profile is rejected naming patient.age
    """
    assert scenario_state.cli_exit_code == 2, \
        f"exit code {scenario_state.cli_exit_code}: {scenario_state.cli_output[:300]}"
    assert path in scenario_state.cli_output, scenario_state.cli_output


@then(parsers.re(r'the (?:clinician|patient) report (?P<neg>does not contain|contains) '
                 r'"(?P<text>[^"]+)"'))
def then_report_text(scenario_state: Scenario, neg: str, text: str) -> None:
    """Then the <clinician|patient> report <contains|does not contain> "<text>"

    Case-insensitive text in the printed report.

    Example: Then the patient report contains "clinician"
    Example: Then the patient report does not contain "contraindicated"
    """
    present = text.lower() in scenario_state.cli_output.lower()
    assert present == (neg == "contains"), scenario_state.cli_output


# ---- hooks: where fields are set, tags, unknown steps -----------------------------------------

def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Leaf values by path (`vaccinations[0].kind`); a list of plain values is one leaf."""
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(data, list) and any(isinstance(v, dict | list) for v in data):
        for i, value in enumerate(data):
            out.update(flatten(value, f"{prefix}[{i}]"))
    else:
        out[prefix] = data
    return out


def _state(request: pytest.FixtureRequest) -> Scenario | None:
    try:
        state = request.getfixturevalue("scenario_state")
    except pytest.FixtureLookupError:
        return None
    return state if isinstance(state, Scenario) else None


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("dmt-advisor scenarios")
    group.addoption("--feature-file", dest="qa_feature", action="append", default=[],
                    metavar="PATH[:LINE]",
                    help="run the scenarios of this feature file (the one on LINE)")
    group.addoption("--rule-id", dest="qa_rule", action="append", default=[], metavar="RULE_ID",
                    help="run the scenarios whose steps or tags name this rule id")
    group.addoption("--scenario-name", dest="qa_scenario", action="append", default=[],
                    metavar="TEXT",
                    help="run the scenarios whose name contains TEXT (any case)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep the scenarios chosen with --feature-file / --rule-id / --scenario-name."""
    from pytest_bdd.scenario import scenario_wrapper_template_registry

    from dmt_advisor.qa.select import index, keep, select

    targets, rules = config.getoption("qa_feature"), config.getoption("qa_rule")
    names = config.getoption("qa_scenario")
    if not (targets or rules or names):
        return
    base = Path(config.rootpath, config.getini("bdd_features_base_dir") or "features")
    chosen = select(index(base), targets, names, rules)
    kept, dropped = [], []
    for item in items:
        template = scenario_wrapper_template_registry.get(getattr(item, "function", None))
        callspec = getattr(item, "callspec", None)
        example = callspec.params.get("_pytest_bdd_example") if callspec else None
        if template is not None and keep(chosen, template.feature.filename, template.name,
                                         dict(example) if example else None):
            kept.append(item)
        else:
            dropped.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_configure(config: pytest.Config) -> None:
    """Register the tags of the features in use: rule ids (dots) included (--strict-markers)."""
    base = config.getini("bdd_features_base_dir") or "features"
    register_tags(config, Path(config.rootpath, base))


def pytest_bdd_apply_tag(tag: str, function: Any) -> Any:
    """Every tag becomes `tag(name=...)` (so `-m "tag(name='JIRA:MS-123')"` selects it); a
    tag that is a valid marker name (words, dots, dashes) is also a marker of its own."""
    function = pytest.mark.tag(name=tag)(function)
    if MARKER_SAFE.match(tag):
        function = getattr(pytest.mark, tag)(function)
    return True


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any,
                               scenario: Any) -> None:
    state = _state(request)
    if state is not None:
        state.feature_file = feature.rel_filename
        state.expects_rejection = any(
            s.name.startswith("the profile is rejected") for s in scenario.steps)


def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Any, scenario: Any,
                           step: Any, step_func: Any) -> None:
    state = _state(request)
    if state is not None:
        state.step_line = step.line_number
        request.node.stash[_BEFORE] = flatten(state.profile)


def pytest_bdd_after_step(request: pytest.FixtureRequest, feature: Any, scenario: Any,
                          step: Any, step_func: Any, step_func_args: Any) -> None:
    state = _state(request)
    before = request.node.stash.get(_BEFORE, None)
    if state is None or before is None or step.type != "given":
        return
    rows: dict[str, int] = {}
    body: list[int] = []
    if step.datatable is not None:
        body = [row.location.line for row in step.datatable.rows[1:]]
        for row in step.datatable.rows:
            if row.cells:
                rows[row.cells[0].value.strip()] = row.location.line
    after = flatten(state.profile)
    old_entries: dict[str, int] = {}
    for path in before:
        for lst, index in re.findall(r"^(.*?)\[(\d+)\]", path):
            old_entries[lst] = max(old_entries.get(lst, -1), int(index))
    for path in after:
        if path in before and after[path] == before[path]:
            continue
        line = rows.get(path, step.line_number)
        entry = re.match(r"^(.*?)\[(\d+)\]", path)
        if entry and body:  # a row of `the list <path> has:`: the line of that row
            k = int(entry.group(2)) - old_entries.get(entry.group(1), -1) - 1
            if 0 <= k < len(body):
                line = body[k]
        state.field_lines[path] = line
    for path in set(before) - set(after):
        state.field_lines[path] = step.line_number


_BEFORE = pytest.StashKey[dict[str, Any]]()


# ---- an undefined step names the nearest known steps ----------------------------------------

class UnknownStepError(StepDefinitionNotFoundError):
    """A step no definition matches; the message lists the nearest documented steps."""


def nearest_steps(text: str, kind: str, limit: int = 5) -> list[str]:
    """The documented example phrases closest to `text` (same keyword first)."""
    from tests.steps.stepdoc import step_docs

    scored = []
    for doc in step_docs():
        for example in doc.examples or [doc.template]:
            keyword, _, phrase = example.partition(" ")
            ratio = difflib.SequenceMatcher(None, text.lower(), phrase.lower()).ratio()
            scored.append((ratio + (0.05 if keyword.lower() == kind else 0), example, doc))
    scored.sort(key=lambda s: -s[0])
    out: list[str] = []
    for _, example, doc in scored:
        line = f"{doc.template}   (e.g. {example})" if example != doc.template else example
        if line not in out:
            out.append(line)
        if len(out) == limit:
            break
    return out


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any,
                                      scenario: Any, step: Any, exception: Exception) -> None:
    """Replace pytest-bdd's bare "not found" with the known steps nearest to the typo."""
    where = f'line {step.line_number} of {feature.rel_filename}, scenario "{scenario.name}"'
    near = "\n".join(f"  {line}" for line in nearest_steps(step.name, step.type))
    raise UnknownStepError(
        f'Unknown step: {step.keyword} {step.name}\n  ({where})\n'
        f"Nearest known steps (features/README.md lists them all):\n{near}") from exception
