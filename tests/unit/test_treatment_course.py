"""The treatment-course additions: calendar arithmetic, parameters, derived facts, docs.

Real rule files, real engine (the `advisor` fixture): no mocks.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from dmt_advisor.errors import RulebookError, RulebookErrors
from dmt_advisor.facts import FACT_SPECS, build_facts, months_between
from dmt_advisor.facts_doc import DERIVED, render
from dmt_advisor.profile import load_profile, parse_profile
from dmt_advisor.rulebook.load import Rulebook, load_rulebook
from dmt_advisor.rulebook.model import Compare
from dmt_advisor.schedule import PARAMETERS, add_span, schedule_for, status_on

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _profile(**treatment: object) -> dict:
    return {"format": 1, "assessed_on": "2026-11-22", "patient": {"age": 40},
            "diagnosis": {"phenotype": "RRMS"}, "treatment": treatment}


# ---- month arithmetic: the calendar and the rule engine count months the same way ----------

def test_add_span_agrees_with_the_engines_month_count_for_every_day_of_three_years() -> None:
    start = dt.date(2024, 1, 1)
    for offset in range(3 * 366):
        day = start + dt.timedelta(days=offset)
        for months in (1, 5, 6, 12):
            due = add_span(day, months, "month")
            assert months_between(day, due) >= months, (day, months, due)
            assert months_between(day, due - dt.timedelta(days=1)) < months, (day, months, due)


@pytest.mark.parametrize(("start", "value", "unit", "expected"), [
    ("2026-01-31", 6, "month", "2026-07-31"),
    ("2025-08-31", 6, "month", "2026-03-01"),
    ("2025-12-31", 2, "month", "2026-03-01"),
    ("2024-08-29", 6, "month", "2025-03-01"),   # 2025 has no 29 February
    ("2026-07-14", 20, "week", "2026-12-01"),
    ("2026-11-12", 2, "week", "2026-11-26"),
])
def test_add_span_examples(start: str, value: int, unit: str, expected: str) -> None:
    assert add_span(dt.date.fromisoformat(start), value, unit) == dt.date.fromisoformat(expected)


def test_status_on_the_day_before_on_and_after_the_due_date() -> None:
    due = dt.date(2027, 1, 14)
    assert [status_on(due, due + dt.timedelta(days=d)) for d in (-1, 0, 1)] == \
        ["upcoming", "due", "overdue"]


def test_overdue_rule_window_equals_the_dose_interval_parameters(rulebook: Rulebook) -> None:
    """The rule says "6 months" and the calendar uses the parameters: they must agree."""
    rule = rulebook.rule("ocrelizumab.schedule.dose-overdue")
    windows = [c for c in rule.when.all if isinstance(c, Compare)  # type: ignore[union-attr]
               and c.op == "not_within_last"]
    assert len(windows) == 1
    window = windows[0].operand
    for pid in ("ocrelizumab.schedule.iv-dose-interval", "ocrelizumab.schedule.sc-dose-interval"):
        param = rulebook.parameter(pid)
        assert (window.amount, window.unit) == (param.value, param.unit), pid


@pytest.mark.parametrize("days_after_due", [-1, 0, 1])
def test_overdue_finding_and_schedule_status_agree_at_the_boundary(advisor, days_after_due: int
                                                                    ) -> None:
    last = dt.date(2025, 8, 31)
    due = add_span(last, 6, "month")
    on = due + dt.timedelta(days=days_after_due)
    data = _profile(ocrelizumab={"formulation": "IV",
                                 "doses": ["2024-08-01", "2024-08-15", last.isoformat()]})
    data["assessed_on"] = on.isoformat()
    # no stop signal left undecided, so the dose keeps its date status (docs/schedule.md)
    data |= {"infection": {"active": False},
             "history": {"life_threatening_infusion_reaction": False}}
    result = advisor.assess(parse_profile(data)).for_drug("ocrelizumab")
    fired = any(f.rule_id == "ocrelizumab.schedule.dose-overdue" for f in result.findings)
    assert result.schedule[0].due == due == dt.date(2026, 3, 1)
    assert result.schedule[0].status == status_on(due, on)
    assert fired == (on >= due)


# ---- the calendar ---------------------------------------------------------------------------

def test_example_on_iv_shows_next_dose_earliest_and_what_is_due_before_it(advisor) -> None:
    profile = load_profile(EXAMPLES / "rrms-on-ocrelizumab-iv.yaml")
    items = {s.event: s for s in advisor.assess(profile).for_drug("ocrelizumab").schedule}
    nxt = items["next dose: 600 mg IV"]
    assert (nxt.due, nxt.earliest, nxt.status) == (dt.date(2027, 1, 14), dt.date(2026, 12, 14),
                                                   "upcoming")
    assert "20 weeks (2026-12-01)" in (nxt.detail or "")
    assert "20 weeks" in (nxt.uncertain or "")
    assert {c.source for c in nxt.citations} >= {"ocrevus-uspi-2024-01",
                                                 "genentech-ocrevus-com-hcp-dosing"}
    for event in ("before the dose: check for an active infection",
                  "before the dose: premedication", "after the dose: observation"):
        assert items[event].due == nxt.due and items[event].citations and items[event].rule_id


def test_schedule_for_other_drugs_and_rulebooks_without_parameters_is_empty(
        rulebook: Rulebook, tmp_path: Path) -> None:
    profile = load_profile(EXAMPLES / "rrms-on-ocrelizumab-iv.yaml")
    facts = build_facts(profile)
    assert schedule_for("natalizumab", profile, facts, rulebook) == []
    bare = Rulebook(root=rulebook.root, name="x", version="0", sha256="0",
                    sources=rulebook.sources, rules=rulebook.rules,
                    rule_files=rulebook.rule_files)
    assert schedule_for("ocrelizumab", profile, facts, bare) == []
    assert set(PARAMETERS) <= set(rulebook.parameters)


def test_every_schedule_item_of_every_example_cites_and_links_a_rule(advisor) -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        result = advisor.assess(load_profile(path)).for_drug("ocrelizumab")
        for item in result.schedule:
            assert item.citations, (path.name, item.event)
            assert item.rule_id in {r.id for r in advisor.rulebook.rules}, (path.name, item.event)


# ---- examples: the acceptance stories -------------------------------------------------------

def _ids(advisor, name: str) -> set[str]:
    result = advisor.assess(load_profile(EXAMPLES / name)).for_drug("ocrelizumab")
    return {f.rule_id for f in result.findings}


def test_example_switch_from_natalizumab(advisor) -> None:
    ids = _ids(advisor, "switch-from-natalizumab.yaml")
    assert {"ocrelizumab.switching.from-natalizumab",
            "ocrelizumab.switching.natalizumab-jcv-positive",
            "ocrelizumab.switching.natalizumab-gap-over-30-days"} <= ids


def test_example_discoms_type_patient(advisor) -> None:
    ids = _ids(advisor, "discoms-type-on-ocrelizumab.yaml")
    assert {"ocrelizumab.discontinuation.discoms-profile",
            "ocrelizumab.discontinuation.return-of-activity-after-stopping"} <= ids


def test_example_eu_patient_uses_eu_rules_only(advisor) -> None:
    result = advisor.assess(load_profile(EXAMPLES / "eu-rrms-active-starting.yaml"))
    drug = result.for_drug("ocrelizumab")
    assert drug.verdict == "eligible"
    ids = {f.rule_id for f in drug.findings}
    assert "ocrelizumab.eligibility.eu-rrms-active" in ids
    assert "ocrelizumab.pregnancy.eu-contraception" in ids
    for f in drug.findings:
        assert "EU" in [j.value for j in advisor.rulebook.rule(f.rule_id).jurisdictions]


def test_example_sc_patient_has_a_zunovo_calendar(advisor) -> None:
    result = advisor.assess(load_profile(EXAMPLES / "rrms-on-ocrelizumab-sc.yaml"))
    items = {s.event: s for s in result.for_drug("ocrelizumab").schedule}
    assert items["next dose: 920 mg SC (Ocrevus Zunovo)"].due == dt.date(2026, 11, 28)
    assert items["next dose: 920 mg SC (Ocrevus Zunovo)"].earliest is None


# ---- derived facts ---------------------------------------------------------------------------

@pytest.mark.parametrize(("activity", "active", "expected"), [
    ({}, False, False),
    ({}, None, None),
    ({}, True, True),
    ({"relapses_past_12_months": 1}, False, True),
    ({"gad_enhancing_lesions": 1}, None, True),
    ({"last_relapse": "2026-01-01"}, False, True),
    ({"last_relapse": "2025-11-22"}, False, False),   # exactly 12 months before
])
def test_recent_activity(activity: dict, active: bool | None, expected: bool | None) -> None:
    data = _profile()
    data["activity"] = activity
    if active is not None:
        data["diagnosis"]["active_disease"] = active
    assert build_facts(parse_profile(data)).get("activity.recent_activity") is expected


@pytest.mark.parametrize(("treatment", "on_ocr", "from_class"), [
    ({}, False, "none"),
    ({"current": {"drug": "natalizumab"}}, False, "natalizumab"),
    ({"current": {"drug": "ocrelizumab"}}, True, "none"),
    ({"ocrelizumab": {"doses": ["2026-06-01"]}}, True, "none"),
    ({"ocrelizumab": {"doses": ["2026-06-01"]},
      "prior": [{"drug": "ocrelizumab", "stopped": "2026-08-01"}]}, False, "none"),
    ({"prior": [{"drug": "fingolimod", "stopped": "2026-09-01"},
                {"drug": "interferon-beta-1a", "stopped": "2020-01-01"}]}, False,
     "s1p_modulator"),
    ({"prior": [{"drug": "fingolimod"}, {"drug": "teriflunomide", "stopped": "2020-01-01"}]},
     False, "teriflunomide"),
])
def test_on_ocrelizumab_and_switch_from(treatment: dict, on_ocr: bool, from_class: str) -> None:
    facts = build_facts(parse_profile(_profile(**treatment)))
    assert facts.get("treatment.on_ocrelizumab") is on_ocr
    assert facts.get("switch.from_class") == from_class


@pytest.mark.parametrize(("formulation", "doses", "expected"), [
    ("IV", ["2026-05-01"], "2026-05-01"),
    ("IV", ["2026-05-15", "2026-05-01"], "2026-05-01"),
    ("IV", ["2026-05-01", "2026-05-15", "2026-11-01"], "2026-11-01"),
    ("SC", ["2026-05-01", "2026-11-01"], "2026-11-01"),
    (None, ["2026-05-01", "2026-05-15"], None),
    (None, ["2025-05-01", "2025-05-15", "2025-11-01"], "2025-11-01"),
])
def test_schedule_from(formulation: str | None, doses: list[str], expected: str | None) -> None:
    ocr: dict = {"doses": doses}
    if formulation:
        ocr["formulation"] = formulation
    value = build_facts(parse_profile(_profile(ocrelizumab=ocr))).get(
        "treatment.ocrelizumab.schedule_from")
    assert value == (dt.date.fromisoformat(expected) if expected else None)


# ---- parameters are validated like rules ----------------------------------------------------

def _rules_dir(tmp_path: Path, parameters: str) -> Path:
    root = tmp_path / "rules"
    (root / "ocrelizumab").mkdir(parents=True)
    for name in ("rulebook.yaml", "sources.yaml"):
        (root / name).write_text((ROOT / "rules" / name).read_text("utf-8"), "utf-8")
    rule = (ROOT / "rules/ocrelizumab/zunovo.yaml").read_text("utf-8")
    (root / "ocrelizumab" / "zunovo.yaml").write_text(rule, "utf-8")
    (root / "ocrelizumab" / "drug.yaml").write_text(
        (ROOT / "rules/ocrelizumab/drug.yaml").read_text("utf-8"), "utf-8")
    (root / "ocrelizumab" / "p.yaml").write_text(textwrap.dedent(parameters), "utf-8")
    return root


GOOD_RULE = """
rules:
  - id: ocrelizumab.schedule.x
    drug: ocrelizumab
    category: schedule
    verdict: info
    jurisdictions: [US]
    when: {known: diagnosis.phenotype}
    if_unknown: report_missing
    summary: s
    patient_summary: p
    cites: [{source: ocrevus-uspi-2024-01, section: "2.3"}]
"""


def _parameter(pid: str, unit: str = "month", section: str = "2.3") -> str:
    return GOOD_RULE + f"""
parameters:
  - id: {pid}
    drug: ocrelizumab
    value: 6
    unit: {unit}
    summary: s
    cites: [{{source: ocrevus-uspi-2024-01, section: "{section}"}}]
"""


def test_a_parameter_citing_an_unlisted_section_names_file_and_id(tmp_path: Path) -> None:
    root = _rules_dir(tmp_path, _parameter("ocrelizumab.schedule.bad", section="9.9"))
    with pytest.raises((RulebookError, RulebookErrors)) as err:
        load_rulebook(root)
    assert "ocrelizumab.schedule.bad" in str(err.value) and "p.yaml" in str(err.value)
    assert "9.9" in str(err.value)


def test_a_parameter_with_a_bad_unit_or_prefix_is_refused(tmp_path: Path) -> None:
    root = _rules_dir(tmp_path, _parameter("ocrelizumab.dosing.bad", unit="fortnight"))
    with pytest.raises((RulebookError, RulebookErrors)) as err:
        load_rulebook(root)
    assert "unit" in str(err.value) and "ocrelizumab.dosing.bad" in str(err.value)
    root = _rules_dir(tmp_path / "2", _parameter("ocrelizumab.dosing.bad"))
    with pytest.raises((RulebookError, RulebookErrors), match="schedule"):
        load_rulebook(root)


def test_good_parameters_load(tmp_path: Path) -> None:
    root = _rules_dir(tmp_path, _parameter("ocrelizumab.schedule.good"))
    assert str(load_rulebook(root).parameter("ocrelizumab.schedule.good")) == "6 months"


# ---- docs that must not go stale ------------------------------------------------------------

def test_docs_facts_md_is_generated_from_fact_specs() -> None:
    committed = (ROOT / "docs" / "facts.md").read_text("utf-8")
    assert committed == render(), "docs/facts.md is stale: python -m dmt_advisor.facts_doc " \
                                  "> docs/facts.md"
    assert set(DERIVED) <= set(FACT_SPECS)


def test_open_facts_lists_every_uncertain_rule_and_parameter(rulebook: Rulebook) -> None:
    # docs/open-facts.md (ocrelizumab) and one docs/open-facts/<drug>.md per drug of issue 9
    pages = [ROOT / "docs" / "open-facts.md", *sorted((ROOT / "docs" / "open-facts").glob("*.md"))]
    text = "\n".join(page.read_text("utf-8") for page in pages)
    drugs = "|".join(sorted({r.drug for r in rulebook.rules}))
    listed = set(re.findall(rf"`((?:{drugs})\.[a-z0-9.-]+)`", text))
    uncertain = {r.id for r in rulebook.rules if r.uncertain} | \
        {p.id for p in rulebook.parameters.values() if p.uncertain}
    assert not uncertain - listed, f"not in docs/open-facts.md: {sorted(uncertain - listed)}"
    known = {r.id for r in rulebook.rules} | set(rulebook.parameters)
    assert not listed - known, f"docs/open-facts.md names unknown ids: {sorted(listed - known)}"


# ---- a late second start infusion resets the schedule: the finding and the calendar agree ----

def test_fact_start_gap_equals_the_second_infusion_parameter(rulebook: Rulebook) -> None:
    """facts.schedule_from decides "late" with the same two weeks the calendar parameter says."""
    from dmt_advisor.facts import IV_START_SECOND_INFUSION_DAYS

    param = rulebook.parameter("ocrelizumab.schedule.iv-start-second-infusion-after")
    assert add_span(dt.date(2026, 1, 1), param.value, param.unit) == (
        dt.date(2026, 1, 1) + dt.timedelta(days=IV_START_SECOND_INFUSION_DAYS))


def test_late_second_start_infusion_overdue_finding_agrees_with_the_calendar(advisor) -> None:
    """8B open point: infusion 1 on 2026-01-05, infusion 2 given late on 2026-03-02. The schedule
    restarts from infusion 2 (next dose 2026-09-02); on 2026-08-01 no dose is overdue."""
    data = _profile(ocrelizumab={"formulation": "IV", "doses": ["2026-01-05", "2026-03-02"]})
    data["assessed_on"] = "2026-08-01"
    drug = advisor.assess(parse_profile(data), ["ocrelizumab"]).for_drug("ocrelizumab")
    assert "ocrelizumab.schedule.dose-overdue" not in {f.rule_id for f in drug.findings}
    nxt = next(s for s in drug.schedule if s.event.startswith("next dose"))
    assert nxt.due == dt.date(2026, 9, 2) and nxt.status in ("upcoming", "check_first")
