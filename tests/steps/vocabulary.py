"""The Gherkin step vocabulary QA writes scenarios with (features/README.md lists it).

Every step's docstring is its documentation. Profiles are built as plain mappings by field path,
then assessed through the real command line (in process, `--json`) or the Python API, so a
scenario exercises the same code a clinician runs.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytest_bdd import given, parsers, then, when
from typer.testing import CliRunner

from dmt_advisor.cli import app as cli_app

DEFAULT_ASSESSED_ON = dt.date(2026, 11, 22)
PATH = r"(?P<path>[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*|\[\d+\])*)"
RULE_ID = r"(?P<rule_id>[a-z0-9-]+(?:\.[a-z0-9-]+){2,})"
UNIT_WORD = r"(?:days?|weeks?|months?|years?)"
UNIT = r"(?P<unit>days?|weeks?|months?|years?)"


@dataclass
class Scenario:
    """What one scenario has built and observed."""

    profile: dict[str, Any] = field(default_factory=lambda: {
        "format": 1, "assessed_on": DEFAULT_ASSESSED_ON.isoformat()})
    result: dict[str, Any] | None = None
    drug: str | None = None
    cli_output: str = ""
    cli_exit_code: int | None = None

    @property
    def assessed_on(self) -> dt.date:
        return dt.date.fromisoformat(str(self.profile["assessed_on"]))

    def drug_result(self) -> dict[str, Any]:
        assert self.result is not None, "no assessment yet: add a 'When ... is assessed' step"
        items = self.result["assessments"]
        if self.drug is None:
            assert len(items) == 1, "several drugs assessed: name the drug in the When step"
            return items[0]
        return next(i for i in items if i["drug"] == self.drug)

    def finding(self, rule_id: str) -> dict[str, Any]:
        for f in self.drug_result()["findings"]:
            if f["rule_id"] == rule_id:
                return f
        ids = [f["rule_id"] for f in self.drug_result()["findings"]]
        raise AssertionError(f"no finding {rule_id}; findings: {ids}")


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


# ---- Given -----------------------------------------------------------------------------------

@given(parsers.re(r"the assessment date is (?P<date>\d{4}-\d{2}-\d{2})"))
def given_assessment_date(scenario_state: Scenario, date: str) -> None:
    """Given the assessment date is 2026-11-22 — `assessed_on` (default 2026-11-22)."""
    scenario_state.profile["assessed_on"] = date


@given(parsers.re(r"an? (?P<phenotype>CIS|RRMS|SPMS|PPMS) patient aged (?P<age>\d+)"))
def given_patient(scenario_state: Scenario, phenotype: str, age: str) -> None:
    """Given a RRMS patient aged 34 — the minimal profile: phenotype and age."""
    set_path(scenario_state.profile, "patient.age", int(age))
    set_path(scenario_state.profile, "diagnosis.phenotype", phenotype)


@given("a patient profile:")
def given_profile_table(scenario_state: Scenario, datatable: list[list[str]]) -> None:
    """Given a patient profile: (table) — rows of `| field path | value |`; a header row
    `| field | value |` is optional; `unknown` leaves a field unrecorded."""
    rows = datatable[1:] if datatable and datatable[0][:2] == ["field", "value"] else datatable
    for path, value in rows:
        set_path(scenario_state.profile, path.strip(), parse_value(value))


@given("the screening results are complete and normal")
def given_screening_normal(scenario_state: Scenario) -> None:
    """Given the screening results are complete and normal — HBsAg and anti-HBc negative,
    immunoglobulins and liver tests normal, no active infection."""
    for path, value in (("screening.hbsag", "negative"), ("screening.anti_hbc", "negative"),
                        ("screening.immunoglobulins", "normal"),
                        ("screening.liver_tests", "normal"), ("infection.active", False)):
        set_path(scenario_state.profile, path, value)


@given(parsers.re(rf"an? (?P<kind>live|non-live) vaccine (?P<amount>\d+) {UNIT} before the "
                  r"assessment date"))
def given_vaccine(scenario_state: Scenario, kind: str, amount: str, unit: str) -> None:
    """Given a live vaccine 3 weeks before the assessment date — adds a vaccination
    (`live` or `non-live`) dated relative to `assessed_on`."""
    when_given = relative_date(scenario_state.assessed_on, int(amount), unit)
    scenario_state.profile.setdefault("vaccinations", []).append({
        "vaccine": f"{kind} vaccine", "kind": kind.replace("-", "_"),
        "date": when_given.isoformat()})


@given(parsers.re(rf"{PATH} is (?P<amount>\d+) {UNIT} before the assessment date"))
def given_relative_date(scenario_state: Scenario, path: str, amount: str, unit: str) -> None:
    """Given activity.last_relapse is 3 months before the assessment date — a date field set
    relative to `assessed_on`."""
    value = relative_date(scenario_state.assessed_on, int(amount), unit).isoformat()
    set_path(scenario_state.profile, path, value)


@given(parsers.re(rf"(?P<formulation>IV|SC) ocrelizumab doses (?P<spans>(?:\d+ {UNIT_WORD}"
                  rf"(?:, | and )?)+) before the assessment date"))
def given_ocrelizumab_doses(scenario_state: Scenario, formulation: str, spans: str) -> None:
    """Given IV ocrelizumab doses 58 weeks, 56 weeks and 32 weeks before the assessment date —
    sets `treatment.ocrelizumab` (formulation and dose dates relative to `assessed_on`)."""
    dates = [relative_date(scenario_state.assessed_on, int(n), u).isoformat()
             for n, u in re.findall(r"(\d+) (days?|weeks?|months?|years?)", spans)]
    set_path(scenario_state.profile, "treatment.ocrelizumab.formulation", formulation)
    set_path(scenario_state.profile, "treatment.ocrelizumab.doses", sorted(dates))


@given(parsers.re(rf"{PATH} is (?P<value>(?!.* before the assessment date$).+)"))
def given_field(scenario_state: Scenario, path: str, value: str) -> None:
    """Given screening.hbsag is positive — one field by path; values are read as YAML
    (true, 34, 2.5, 2026-01-10, [a, b]); `unknown` leaves the field unrecorded."""
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


@when(parsers.re(r"the patient is assessed for (?P<drug>[a-z0-9-]+)"))
def when_assessed(scenario_state: Scenario, tmp_path: Path, drug: str) -> None:
    """When the patient is assessed for ocrelizumab — runs `dmt-advisor assess --json` on the
    profile built so far and keeps the contract JSON."""
    scenario_state.drug = drug
    _run_cli(scenario_state, tmp_path, drug, ["--json"])
    assert scenario_state.cli_exit_code == 0, scenario_state.cli_output
    scenario_state.result = json.loads(scenario_state.cli_output)


@when(parsers.re(r"the (?P<audience>clinician|patient) report for (?P<drug>[a-z0-9-]+) is "
                 r"printed"))
def when_report(scenario_state: Scenario, tmp_path: Path, audience: str, drug: str) -> None:
    """When the patient report for ocrelizumab is printed — runs `dmt-advisor assess
    --audience patient` and keeps the text."""
    scenario_state.drug = drug
    _run_cli(scenario_state, tmp_path, drug, ["--audience", audience])


# ---- Then ------------------------------------------------------------------------------------

VERDICT = r"(?P<verdict>contraindicated|not_indicated|deferred|workup_required|" \
          r"eligible_with_precautions|eligible|info)"


@then(parsers.re(rf"the verdict is {VERDICT}"))
def then_verdict(scenario_state: Scenario, verdict: str) -> None:
    """Then the verdict is workup_required — the drug's overall verdict."""
    got = scenario_state.drug_result()["verdict"]
    findings = [(f["rule_id"], f["verdict"]) for f in scenario_state.drug_result()["findings"]]
    assert got == verdict, f"verdict {got}, expected {verdict}; findings: {findings}"


@then(parsers.re(rf"the finding {RULE_ID} is reported"))
def then_finding(scenario_state: Scenario, rule_id: str) -> None:
    """Then the finding ocrelizumab.workup.hbv-screening is reported — by rule id."""
    scenario_state.finding(rule_id)


@then(parsers.re(rf"the finding {RULE_ID} is not reported"))
def then_no_finding(scenario_state: Scenario, rule_id: str) -> None:
    """Then the finding ocrelizumab.workup.hbv-screening is not reported."""
    ids = [f["rule_id"] for f in scenario_state.drug_result()["findings"]]
    assert rule_id not in ids, f"{rule_id} was reported"


@then(parsers.re(rf"the finding {RULE_ID} has verdict {VERDICT}"))
def then_finding_verdict(scenario_state: Scenario, rule_id: str, verdict: str) -> None:
    """Then the finding ocrelizumab.workup.hbv-screening has verdict workup_required."""
    assert scenario_state.finding(rule_id)["verdict"] == verdict


@then(parsers.re(rf"the finding {RULE_ID} is undecided"))
def then_finding_undecided(scenario_state: Scenario, rule_id: str) -> None:
    """Then the finding ocrelizumab.administration.active-infection is undecided — reported
    as workup_required because facts it needs are missing."""
    assert scenario_state.finding(rule_id)["status"] == "undecided"


CATEGORY = r"(?P<category>eligibility|contraindication|workup|administration|monitoring|" \
           r"pregnancy|switching|discontinuation|schedule)"


@then(parsers.re(rf"an? {CATEGORY} finding is reported"))
def then_category(scenario_state: Scenario, category: str) -> None:
    """Then a contraindication finding is reported — any finding of that category."""
    cats = [f["category"] for f in scenario_state.drug_result()["findings"]]
    assert category in cats, f"no {category} finding; categories: {cats}"


@then(parsers.re(rf"no {CATEGORY} finding is reported"))
def then_no_category(scenario_state: Scenario, category: str) -> None:
    """Then no contraindication finding is reported."""
    found = [f["rule_id"] for f in scenario_state.drug_result()["findings"]
             if f["category"] == category]
    assert not found, f"unexpected {category} findings: {found}"


@then(parsers.re(rf'the finding {RULE_ID} says "(?P<text>[^"]+)"'))
def then_finding_says(scenario_state: Scenario, rule_id: str, text: str) -> None:
    """Then the finding ocrelizumab.workup.liver-tests says "bilirubin" — in the clinician
    summary (case-insensitive)."""
    summary = scenario_state.finding(rule_id)["summary"]
    assert text.lower() in summary.lower(), summary


@then(parsers.re(rf'the finding {RULE_ID} tells the patient "(?P<text>[^"]+)"'))
def then_finding_patient_text(scenario_state: Scenario, rule_id: str, text: str) -> None:
    """Then the finding ocrelizumab.workup.hbv-screening tells the patient "blood test" — in
    the plain-language summary (case-insensitive)."""
    summary = scenario_state.finding(rule_id)["patient_summary"]
    assert text.lower() in summary.lower(), summary


@then(parsers.re(rf'the finding {RULE_ID} is explained by "(?P<text>[^"]+)"'))
def then_finding_because(scenario_state: Scenario, rule_id: str, text: str) -> None:
    """Then the finding ocrelizumab.contraindication.active-hbv is explained by "HBsAg is
    positive" — a line of `because` contains the text."""
    because = scenario_state.finding(rule_id)["because"]
    assert any(text.lower() in line.lower() for line in because), because


@then(parsers.re(rf"the finding {RULE_ID} cites (?P<source>[a-z0-9-]+) section "
                 r"(?P<section>[A-Za-z0-9.]+)"))
def then_finding_cites(scenario_state: Scenario, rule_id: str, source: str,
                       section: str) -> None:
    """Then the finding ocrelizumab.workup.hbv-screening cites ocrevus-uspi-2025-08 section 2.1
    — and the citation carries the source's revision."""
    cites = scenario_state.finding(rule_id)["citations"]
    match = [c for c in cites if c["source"] == source and c["section"] == section]
    assert match, f"citations: {cites}"
    assert match[0]["revision"], "a citation must carry its revision"


@then(parsers.re(rf"{PATH} is reported missing"))
def then_missing(scenario_state: Scenario, path: str) -> None:
    """Then screening.hbsag is reported missing — listed in `missing` with the rules asking."""
    missing = {m["field"]: m["asked_by"] for m in scenario_state.drug_result()["missing"]}
    assert path in missing, f"missing: {sorted(missing)}"
    assert missing[path], "a missing field names the rules that asked for it"


@then(parsers.re(rf"{PATH} is not reported missing"))
def then_not_missing(scenario_state: Scenario, path: str) -> None:
    """Then screening.hbsag is not reported missing."""
    missing = [m["field"] for m in scenario_state.drug_result()["missing"]]
    assert path not in missing, f"{path} is reported missing"


@then(parsers.re(r'the schedule has "(?P<event>[^"]+)" (?P<which>due|earliest|latest) on '
                 r"(?P<date>\d{4}-\d{2}-\d{2})"))
def then_schedule_date(scenario_state: Scenario, event: str, which: str, date: str) -> None:
    """Then the schedule has "next maintenance dose" due on 2027-01-14 — a schedule item's
    `due`, `earliest` or `latest` date."""
    items = [s for s in scenario_state.drug_result()["schedule"] if s["event"] == event]
    assert items, f"no schedule item {event!r}: {scenario_state.drug_result()['schedule']}"
    assert items[0].get(which) == date, f"{event} {which} is {items[0].get(which)}"


@then(parsers.re(r'the (?:clinician|patient) report (?P<neg>does not contain|contains) '
                 r'"(?P<text>[^"]+)"'))
def then_report_text(scenario_state: Scenario, neg: str, text: str) -> None:
    """Then the patient report contains "clinician" / does not contain "contraindicated" —
    case-insensitive text in the printed report."""
    present = text.lower() in scenario_state.cli_output.lower()
    assert present == (neg == "contains"), scenario_state.cli_output
