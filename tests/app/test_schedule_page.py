"""Schedule page: a timeline of past doses, scheduled dates, work-up and monitoring."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pyarrow as pa
from dmt_ui import timeline
from streamlit.testing.v1 import AppTest

from dmt_advisor.advisor import default_advisor
from dmt_advisor.assessment import DrugAssessment, ScheduleItem
from dmt_advisor.profile import load_profile
from tests.app.conftest import ROOT, goto, start, texts


def chart_data(at: AppTest) -> list[dict]:
    """The rows the Altair chart was given (Streamlit ships them as Arrow)."""
    (chart,) = at.get("vega_lite_chart")
    json.loads(chart.proto.spec)  # a valid Vega-Lite spec
    rows: list[dict] = []
    for dataset in chart.proto.datasets:
        table = pa.ipc.open_stream(io.BytesIO(dataset.data.data)).read_all()
        rows += table.to_pylist()
    return rows


def test_doses_of_a_patient_on_ocrelizumab_are_on_the_timeline() -> None:
    profile = load_profile(ROOT / "examples" / "rrms-on-ocrelizumab-iv.yaml")
    at = goto(start(example="rrms-on-ocrelizumab-iv"), "schedule")
    rows = chart_data(at)
    dose_dates = sorted(r["date"].date() for r in rows if r.get("kind") == "dose")
    assert dose_dates == profile.treatment.ocrelizumab.doses
    assert f"{len(dose_dates)} dose(s) recorded" in texts(at)
    schedule = default_advisor().assess(profile).for_drug("ocrelizumab").schedule
    assert len([r for r in rows if r.get("kind") == "due"]) == len(
        [s for s in schedule if s.due or s.earliest])


def test_a_patient_before_the_first_dose_sees_work_up_items() -> None:
    at = goto(start(example="rrms-new-referral"), "schedule")
    rows = chart_data(at)
    assert not [r for r in rows if r.get("kind") == "dose"]
    checks = [r for r in rows if r.get("kind") == "check"]
    assert checks and all(r["lane"] == timeline.LANE_WORKUP or r["lane"] ==
                          timeline.LANE_MONITORING for r in checks)
    assert "Work-up and monitoring" in texts(at)


def test_timeline_with_zero_and_many_schedule_items() -> None:
    profile = load_profile(ROOT / "examples" / "rrms-on-ocrelizumab-iv.yaml")
    item = default_advisor().assess(profile).for_drug("ocrelizumab")
    none = item.model_copy(update={"schedule": []})
    many = item.model_copy(update={"schedule": [
        ScheduleItem(event="next dose", due=dt.date(2027, 1, 14),
                     earliest=dt.date(2026, 12, 14), latest=dt.date(2027, 2, 14),
                     status="upcoming", detail="6-monthly", rule_id="x.schedule.next"),
        ScheduleItem(event="immunoglobulins", due=dt.date(2027, 1, 1)),
        ScheduleItem(event="review", detail="no date"),
    ]})
    assert isinstance(many, DrugAssessment)
    for case, expected_windows in ((none, 0), (many, 1)):
        rows = timeline.rows(profile, case)
        frame = pd.DataFrame([r.as_record() for r in rows])
        spec = timeline.chart(frame, profile.assessed_on).to_dict()
        assert spec["layer"]
        assert len([r for r in rows if r.kind == "window"]) == expected_windows
    assert [r.label for r in timeline.rows(profile, many) if r.kind == "due"] == [
        "next dose", "immunoglobulins"]
    table = timeline.schedule_table(many, patient=False)
    assert list(table["Event"]) == ["next dose", "immunoglobulins", "review"]
    assert "Rule" not in timeline.schedule_table(many, patient=True)


def test_patient_schedule_wording() -> None:
    at = goto(start(example="rrms-on-ocrelizumab-iv", audience="patient"), "schedule")
    page = texts(at)
    assert "Your dates and check-ups" in page
    assert "Rule `" not in page


def test_a_switch_shows_the_last_dose_of_the_old_drug_and_the_chart_in_words() -> None:
    at = goto(start(example="switch-from-natalizumab"), "schedule")
    at.selectbox(key="details_for").set_value("ocrelizumab").run()  # default: natalizumab
    rows = chart_data(at)
    assert any(r.get("label") == "Last natalizumab dose" and r["date"].date() ==
               dt.date(2026, 10, 18) for r in rows)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert "Last natalizumab dose on 2026-10-18" in spec["description"]
    assert "Last natalizumab dose on 2026-10-18" in texts(at)  # the text alternative


def test_no_dosing_dates_for_a_drug_not_advised() -> None:
    """Issue 12 item 5: a contraindicated / not-indicated drug gets no dosing dates and no
    how-it-is-given, not even as a held dose (the calendar holds them; the page says why not)."""
    for example in ("active-hepatitis-b", "spms-not-active"):
        held = default_advisor().assess(load_profile(ROOT / "examples" / f"{example}.yaml"))
        assert all(s.status == "on_hold" for s in held.for_drug("ocrelizumab").schedule)
        for audience in ("clinician", "patient"):
            at = goto(start(example=example, audience=audience), "schedule")
            text = texts(at)
            assert not at.dataframe and "start dose (IV)" not in text, (example, audience)
            assert "920 mg" not in text and "300 mg" not in text
            assert "ocrelizumab is not advised" in text
            assert not [r for r in chart_data(at) if r.get("kind") in ("due", "window")]


def test_a_deferred_dose_on_hold_names_what_holds_it_and_what_releases_it() -> None:
    at = goto(start(example="cis-recent-live-vaccine"), "schedule")
    (table,) = at.dataframe
    frame = table.value
    assert set(frame["Status"]) == {"on hold"} and (frame["Due"] == "").all()
    assert (frame["Held by"] == "ocrelizumab.workup.live-vaccine-too-recent").all()
    assert frame["Released when"].str.contains("by time alone from 2026-11-29").all()
    assert "Doses on hold" in texts(at)
    patient = goto(start(example="cis-recent-live-vaccine", audience="patient"), "schedule")
    (table,) = patient.dataframe
    assert "Held by" not in table.value.columns
    assert "ocrelizumab.workup" not in " ".join(map(str, table.value.to_numpy().ravel()))
