"""Plausibility before rules act: odd answers are flagged under their field, in plain words."""

from __future__ import annotations

import datetime as dt

from dmt_ui.fields import step_of
from dmt_ui.state import WIDGET

from dmt_advisor.advisor import default_advisor
from dmt_advisor.plausibility import check
from dmt_advisor.profile import load_profile, parse_profile
from tests.app.conftest import ROOT, problem_after, start, texts

TODAY = dt.date(2026, 11, 30)
BOOK = default_advisor().rulebook


def profile(**extra: object) -> object:
    data = {"format": 1, "assessed_on": "2026-11-22", "patient": {"age": 40, "sex": "male"},
            "diagnosis": {"phenotype": "RRMS"}}
    data.update(extra)
    return parse_profile(data)


def paths(found: list) -> set[str]:
    return {f.path for f in found}


def test_male_recorded_pregnant_is_flagged() -> None:
    found = check(profile(reproductive={"pregnant": True, "breastfeeding": True}), TODAY, BOOK)
    assert paths(found) == {"reproductive.pregnant", "reproductive.breastfeeding"}
    assert "recorded male" in found[0].message


def test_doses_closer_than_the_label_allows_are_flagged() -> None:
    p = profile(treatment={"ocrelizumab": {"formulation": "IV", "doses": [
        "2024-01-01", "2026-11-20", "2026-11-21"]}})
    found = check(p, TODAY, BOOK)
    assert paths(found) == {"treatment.ocrelizumab.doses[2]"}
    assert "1 days after the previous one" in found[0].message
    assert "20 weeks to 5 months" in found[0].message  # the rulebook's cited parameters
    normal = load_profile(ROOT / "examples" / "rrms-on-ocrelizumab-iv.yaml")
    assert check(normal, TODAY, BOOK) == []


def test_last_dose_before_start_event_before_birth_and_future_dates() -> None:
    p = profile(activity={"last_relapse": "1950-03-01"},
                treatment={"current": {"drug": "fingolimod", "started": "2024-01-01",
                                       "last_dose": "2023-01-01"}})
    assert paths(check(p, TODAY, BOOK)) == {"activity.last_relapse",
                                            "treatment.current.last_dose"}
    future = profile(assessed_on="2030-06-01", activity={"last_relapse": "2029-01-01"})
    found = check(future, TODAY, BOOK)
    assert paths(found) == {"assessed_on", "activity.last_relapse"}


def test_every_example_is_plausible() -> None:
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        assert check(load_profile(path), TODAY, BOOK) == [], path.stem


def test_the_form_flags_under_the_field_and_does_not_ask_a_man_about_pregnancy() -> None:
    at = start(example="rrms-on-ocrelizumab-iv")
    at.segmented_control(key="step_nav").set_value(step_of("treatment.ocrelizumab.doses")).run()
    last = "treatment.ocrelizumab.doses[4]"  # 2026-07-14, after 2026-01-12
    at.date_input(key=WIDGET + last).set_value(dt.date(2026, 2, 20)).run()
    warning = problem_after(at, WIDGET + last)
    assert warning is not None and "days after the previous one" in warning
    assert "Check these answers before relying on the verdict" in texts(at)

    man = start()
    man.radio(key=f"{WIDGET}patient.sex").set_value("male").run()
    man.segmented_control(key="step_nav").set_value(step_of("reproductive.pregnant")).run()
    assert "Not asked: the patient is recorded male." in texts(man)
    assert not [r for r in man.radio if r.key and r.key.startswith(WIDGET + "reproductive")]


