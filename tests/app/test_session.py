"""Never the wrong patient: reload, examples only when asked, asking before replacing work,
and the patient label on every page, in the files and never in a log (issue 12, item 1-2)."""

from __future__ import annotations

import logging

import pytest
from dmt_ui.state import WIDGET
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, PAGES, goto, start, texts


def reload(at: AppTest) -> AppTest:
    """What F5 does: a new session on the same URL (the tab's token is in the query)."""
    again = AppTest.from_file(str(APP), default_timeout=60)
    again.query_params["p"] = at.session_state.token
    again.run()
    assert not again.exception
    return again


def test_the_example_variable_only_preselects_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DMT_ADVISOR_EXAMPLE", "examples/rrms-ready-to-start.yaml")
    at = start()
    assert at.session_state.assess_count == 0  # nothing loaded, nothing assessed
    assert "patient.age" not in at.session_state.draft
    assert at.selectbox(key="example_choice").value == "rrms-ready-to-start"


def test_a_reload_keeps_the_patient_being_worked_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DMT_ADVISOR_EXAMPLE", "examples/rrms-ready-to-start.yaml")
    at = start(example="active-hepatitis-b")
    at.text_input(key="patient_label").set_value("JS 52").run()
    at.number_input(key=f"{WIDGET}patient.age").set_value(52).run()
    again = reload(at)
    assert again.session_state.draft["patient.age"] == 52
    assert again.session_state.draft["screening.hbsag"] == "positive"
    assert again.text_input(key="patient_label").value == "JS 52"
    assert "Restored the patient you were working on (JS 52)" in again.success[0].value
    goto(again, "recommendation")
    assert "Contraindicated" in texts(again) and "Patient **JS 52**" in texts(again)


def test_a_reload_that_cannot_restore_says_so_and_loads_nothing() -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["p"] = "unknown-token"
    at.query_params["example"] = "rrms-ready-to-start"
    at.run()
    assert "could not be restored" in at.error[0].value
    assert "patient.age" not in at.session_state.draft  # never the demo patient instead


def test_a_new_tab_starts_empty() -> None:
    first = start(example="active-hepatitis-b")
    other = start()
    assert other.session_state.token != first.session_state.token
    assert "screening.hbsag" not in other.session_state.draft


def test_replacing_unsaved_work_asks_first() -> None:
    at = start(example="active-hepatitis-b")
    at.number_input(key=f"{WIDGET}patient.age").set_value(52).run()
    at.selectbox(key="example_choice").set_value("rrms-ready-to-start").run()
    at.button(key="load_example").click().run()
    assert any("unsaved changes" in w.value for w in at.warning)
    assert at.session_state.draft["patient.age"] == 52  # not replaced yet
    at.button(key="confirm_no").click().run()
    assert at.session_state.draft["patient.age"] == 52 and not at.session_state.pending
    at.button(key="load_example").click().run()
    at.button(key="confirm_yes").click().run()
    assert at.session_state.draft["patient.age"] == 34
    at.button(key="load_example").click().run()  # nothing changed since: no question
    assert not at.session_state.pending


def test_the_label_is_on_every_page_and_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    at = start(example="rrms-on-ocrelizumab-iv")
    at.text_input(key="patient_label").set_value("ZQ-4471").run()
    for page in PAGES:
        goto(at, page)
        header = [m.value for m in at.markdown if "Patient **" in m.value]
        assert header and "ZQ-4471" in header[0], page
    assert "ZQ-4471" not in caplog.text


def test_a_date_that_is_not_today_is_shown_beside_the_verdict() -> None:
    at = goto(start(example="cis-recent-live-vaccine"), "recommendation")
    warning = " ".join(w.value for w in at.warning)
    assert "The assessment date is 2026-11-22, not today" in warning
