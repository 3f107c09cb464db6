"""Issue 9, pieces 3-4: a new drug is only data. The made-up drug `exampleumab`
(tests/fixtures/drugs/exampleumab) is added to a copy of rules/ and assessed, scheduled and
rendered through the real advisor and CLI with no Python change; the calendar-as-data semantics
are checked on a copy of it renamed to a drug the profile can name (so doses can be recorded);
switch-out rules reach every other drug's assessment.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from dmt_advisor.advisor import Advisor
from dmt_advisor.cli import app
from dmt_advisor.errors import RulebookError, RulebookErrors
from dmt_advisor.profile import parse_profile
from dmt_advisor.rulebook.lint import lint_rulebook
from dmt_advisor.rulebook.load import default_rules_dir, load_rulebook

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "drugs" / "exampleumab"
ON = "2026-06-01"
BASE: dict[str, Any] = {"assessed_on": ON, "patient": {"age": 35, "sex": "female"},
                        "diagnosis": {"phenotype": "RRMS", "active_disease": True}}


def _rules_with_fixture(tmp_path: Path, rename: str | None = None) -> Path:
    """rules/ plus the fixture drug (optionally renamed to a drug the profile can name)."""
    root = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), root)
    target = root / (rename or "exampleumab")
    shutil.copytree(FIXTURE, target)
    if rename:
        for path in target.glob("*.yaml"):
            text = path.read_text("utf-8").replace("exampleumab", rename)
            if path.name == "drug.yaml":
                text = text.replace("class: other", f"dmt: {rename}\n  class: {rename}")
            path.write_text(text, "utf-8")
    return root


def _profile(**extra: Any) -> Any:
    data = {**BASE, **extra}
    return parse_profile(data)


# ---- piece 4: the fixture drug through the whole house ---------------------------------------

def test_fixture_drug_loads_lints_and_is_assessed_with_start_items_and_hold(
        tmp_path: Path) -> None:
    root = _rules_with_fixture(tmp_path)
    report = lint_rulebook(root)
    assert report.errors == []
    with Advisor.from_folder(root) as advisor:
        assert "exampleumab" in advisor.drugs
        item = advisor.assess(_profile(infection={"active": False}),
                              ["exampleumab"]).for_drug("exampleumab")
        assert item.verdict == "eligible"
        assert item.about is not None and item.about.route == "IV infusion"
        assert item.about.citations[0].source == "exampleumab-fixture-us"
        events = [s.event for s in item.schedule]
        assert events == ["dose 1: 100 mg IV", "dose 2: 100 mg IV (week 2)",
                          "maintenance dose: 100 mg IV"]
        assert all(s.due is None for s in item.schedule)  # no dose yet: no dates
        assert "every 3 months" in (item.schedule[2].detail or "")
        held = advisor.assess(_profile(infection={"active": True}),
                              ["exampleumab"]).for_drug("exampleumab")
        assert held.verdict == "contraindicated"
        assert {s.status for s in held.schedule} == {"on_hold"}
        assert held.schedule[0].held_by == ["exampleumab.contraindication.active-infection"]
        # ocrelizumab beside it is unchanged by the new folder
        ocr = advisor.assess(_profile(), ["ocrelizumab"]).for_drug("ocrelizumab")
        assert all(not f.rule_id.startswith("exampleumab") for f in ocr.findings)


def test_fixture_drug_through_the_cli_json_and_markdown(tmp_path: Path) -> None:
    root = _rules_with_fixture(tmp_path)
    profile = tmp_path / "p.yaml"
    profile.write_text(yaml.safe_dump(BASE))
    runner = CliRunner()
    out = runner.invoke(app, ["assess", str(profile), "--rules", str(root), "--json"])
    assert out.exit_code == 0, out.output
    drugs = [a["drug"] for a in json.loads(out.stdout)["assessments"]]
    # every drug without --drug (the fixture beside every drug folder of the copied rules)
    assert drugs == sorted(d.name for d in root.iterdir() if d.is_dir())
    assert "exampleumab" in drugs
    md = runner.invoke(app, ["assess", str(profile), "--rules", str(root)])
    assert md.exit_code == 0, md.output
    assert "## exampleumab" in md.stdout and "dose 2: 100 mg IV (week 2)" in md.stdout
    assert "exampleumab-fixture-us" in md.stdout


# ---- piece 4: calendar semantics with doses (the fixture renamed to a nameable drug) ----------

@pytest.fixture
def named(tmp_path: Path) -> Advisor:  # type: ignore[misc]
    with Advisor.from_folder(_rules_with_fixture(tmp_path, "mitoxantrone")) as advisor:
        yield advisor


def _schedule(advisor: Advisor, doses: list[str], **extra: Any) -> list[Any]:
    treatment = {"courses": [{"drug": "mitoxantrone", "formulation": "IV", "doses": doses}]}
    profile = _profile(treatment=treatment, infection={"active": False}, **extra)
    return advisor.assess(profile, ["mitoxantrone"]).for_drug("mitoxantrone").schedule


def test_next_start_step_is_dated_from_dose_1_and_shifted_when_late(named: Advisor) -> None:
    (item,) = _schedule(named, ["2026-05-25"])
    assert item.event == "next dose: dose 2: 100 mg IV (week 2)"
    assert item.due.isoformat() == "2026-06-08" and item.status == "upcoming"
    (late,) = _schedule(named, ["2026-03-01"])
    assert late.due.isoformat() == "2026-03-15" and late.status == "overdue"


def test_repeat_counts_from_the_last_dose_and_never_closer_than_the_minimum(
        named: Advisor) -> None:
    (item,) = _schedule(named, ["2026-04-01", "2026-04-15"])
    assert item.event == "next dose: maintenance dose: 100 mg IV"
    assert item.due.isoformat() == "2026-07-15"  # 3 months after the last dose
    assert item.earliest.isoformat() == "2026-06-24"  # 10 weeks after it
    overdue = _schedule(named, ["2025-10-01", "2025-10-15", "2026-01-15"])
    assert overdue[0].status == "overdue" and overdue[0].due.isoformat() == "2026-04-15"
    assert overdue[1].event.startswith("following dose if the overdue dose is given on")
    assert overdue[1].due.isoformat() == "2026-09-01"


def test_stopped_drug_has_no_next_dose_and_a_hold_drops_catch_up(named: Advisor) -> None:
    prior = {"prior": [{"drug": "mitoxantrone", "stopped": "2026-01-15"}],
             "courses": [{"drug": "mitoxantrone", "doses": ["2025-10-01", "2025-10-15"]}]}
    profile = _profile(treatment=prior, infection={"active": False})
    assert named.assess(profile, ["mitoxantrone"]).for_drug("mitoxantrone").schedule == []
    held = _schedule(named, ["2025-10-01", "2025-10-15", "2026-01-15"],
                     reproductive={"pregnant": False})
    assert len(held) == 2
    on_hold = named.assess(_profile(
        treatment={"courses": [{"drug": "mitoxantrone", "doses": ["2025-10-01", "2025-10-15",
                                                                  "2026-01-15"]}]},
        infection={"active": True}), ["mitoxantrone"]).for_drug("mitoxantrone").schedule
    assert [s.status for s in on_hold] == ["on_hold"]  # the catch-up advice is dropped


def test_several_regimens_without_a_recorded_formulation_ask_for_it(tmp_path: Path) -> None:
    root = _rules_with_fixture(tmp_path, "mitoxantrone")
    sched = root / "mitoxantrone" / "schedule.yaml"
    data = yaml.safe_load(sched.read_text())
    sc = {**data["calendar"][0], "id": "mitoxantrone.calendar.sc", "formulation": "SC"}
    data["calendar"].append(sc)
    sched.write_text(yaml.safe_dump(data, sort_keys=False))
    drug = root / "mitoxantrone" / "drug.yaml"
    drug.write_text(drug.read_text().replace("formulations: [IV]", "formulations: [IV, SC]"))
    with Advisor.from_folder(root) as advisor:
        items = advisor.assess(_profile(treatment={"courses": [
            {"drug": "mitoxantrone", "doses": ["2026-05-25"]}]}), ["mitoxantrone"]
        ).for_drug("mitoxantrone").schedule
    assert len(items) == 1 and items[0].due is None
    assert "Record the formulation" in (items[0].detail or "")


@pytest.mark.parametrize(("change", "words"), [
    ({"every": "mitoxantrone.schedule.nope"}, "no `parameters:` entry defines"),
    ({"every": "ocrelizumab.schedule.iv-dose-interval"}, "of another drug"),
    ({"explained_by": "mitoxantrone.eligibility.relapsing-ms"}, "not a schedule rule"),
])
def test_calendar_lint(tmp_path: Path, change: dict[str, str], words: str) -> None:
    root = _rules_with_fixture(tmp_path, "mitoxantrone")
    sched = root / "mitoxantrone" / "schedule.yaml"
    data = yaml.safe_load(sched.read_text())
    cal = data["calendar"][0]
    if "every" in change:
        cal["repeat"]["every"] = change["every"]
    else:
        cal.update(change)
    sched.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises((RulebookError, RulebookErrors), match=words):
        load_rulebook(root)


# ---- piece 3: switch-out rules ---------------------------------------------------------------

SWITCH_OUT = {
    "id": "ocrelizumab.switching.test-stopping-ocrelizumab", "drug": "ocrelizumab",
    "category": "switching", "verdict": "info", "applies_when_switching_from": True,
    "when": {"field": "switch.from_drug", "equals": "ocrelizumab"},
    "if_unknown": "report_missing", "summary": "Test: what stopping ocrelizumab means.",
    "patient_summary": "Test.", "cites": [{"source": "ocrevus-uspi-2024-01", "section": "5.3"}],
}


def _with_switch_out(tmp_path: Path, rule: dict[str, Any]) -> Path:
    root = _rules_with_fixture(tmp_path)
    (root / "ocrelizumab" / "zz-switch-out.yaml").write_text(yaml.safe_dump({"rules": [rule]}))
    return root


def test_a_switch_out_rule_reaches_every_other_drug_with_its_own_id_and_citations(
        tmp_path: Path) -> None:
    root = _with_switch_out(tmp_path, SWITCH_OUT)
    assert lint_rulebook(root).errors == []
    profile = _profile(treatment={"current": {"drug": "ocrelizumab"}})
    with Advisor.from_folder(root) as advisor:
        result = advisor.assess(profile)
        other = [f for f in result.for_drug("exampleumab").findings
                 if f.rule_id == SWITCH_OUT["id"]]
        own = [f.rule_id for f in result.for_drug("ocrelizumab").findings]
        not_switching = advisor.assess(_profile()).for_drug("exampleumab")
    assert len(other) == 1 and other[0].citations[0].source == "ocrevus-uspi-2024-01"
    assert SWITCH_OUT["id"] not in own  # about stopping ocrelizumab: not in its own assessment
    assert SWITCH_OUT["id"] not in [f.rule_id for f in not_switching.findings]


@pytest.mark.parametrize(("change", "words"), [
    ({"when": {"field": "switch.from_class", "equals": "anti_cd20"}},
     "must require switch.from_drug"),
    ({"when": {"field": "switch.from_drug", "equals": "fingolimod"}},
     "must require switch.from_drug"),
    ({"id": "ocrelizumab.monitoring.test-stop", "category": "monitoring"}, "category switching"),
])
def test_switch_out_lint(tmp_path: Path, change: dict[str, Any], words: str) -> None:
    root = _with_switch_out(tmp_path, {**SWITCH_OUT, **change})
    with pytest.raises((RulebookError, RulebookErrors), match=words):
        load_rulebook(root)
