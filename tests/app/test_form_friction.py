"""Less friction entering a patient: 'none of these', empty rows, a readable review, errors in
clinical words (issue 12, item 7)."""

from __future__ import annotations

from dmt_ui.fields import STEPS, step_of
from dmt_ui.form import clinical
from dmt_ui.state import WIDGET
from streamlit.testing.v1 import AppTest

from tests.app.conftest import goto, start, texts


def step(at: AppTest, index: int) -> AppTest:
    at.segmented_control(key="step_nav").set_value(index).run()
    assert not at.exception
    return at


def test_none_of_these_answers_no_to_every_unknown_yes_no_of_a_group() -> None:
    at = start()
    step(at, step_of("infection.active"))
    at.radio(key=f"{WIDGET}infection.pml_suspected").set_value("yes").run()
    at.button(key="none:infection").click().run()
    draft = at.session_state.draft
    assert draft["infection.active"] is False and draft["infection.serious_recurrent"] is False
    assert draft["infection.pml_suspected"] is True  # an answer given is kept


def test_an_empty_new_row_does_not_blank_the_verdict() -> None:
    at = start(example="rrms-ready-to-start")
    step(at, step_of("vaccinations"))
    at.button(key="add:vaccinations").click().run()
    goto(at, "recommendation")
    assert at.session_state.assessment is not None
    assert "not complete enough" not in texts(at)


def test_the_review_step_is_a_readable_table_not_yaml() -> None:
    at = step(start(example="active-hepatitis-b"), len(STEPS))
    table = at.table[0].value
    assert "HBsAg (Hepatitis B surface antigen)" in list(table["Answer"])
    assert not any("screening.hbsag" in str(v) for v in table["Answer"])


def test_errors_are_in_clinical_words() -> None:
    assert clinical("Input should be less than or equal to 120") == "Must be 120 or less."
    assert clinical("2027-02-01 is after assessed_on (2026-11-30); record only what has "
                    "happened") == ("2027-02-01 is after the assessment date (2026-11-30): "
                                    "record only what has happened.")
    at = start()
    at.number_input(key=f"{WIDGET}patient.age").set_value(130).run()
    assert any("Must be 120 or less." in e.value for e in at.error)


def test_no_current_dmt_is_distinct_from_not_recorded() -> None:
    """Issue 12 item 7: "None (no current DMT)" no longer also stands for "unknown"."""
    at = start()
    step(at, step_of("treatment"))
    status = at.radio(key=f"{WIDGET}treatment.current_status")
    assert status.value == "not_recorded"  # a new patient starts unknown, never "none"
    assert status.options == ["Not recorded (unknown)", "None (no current DMT)"]
    at.session_state.draft.update({"patient.age": 34, "diagnosis.phenotype": "RRMS"})
    at.run()
    assert at.session_state.assessment is not None
    assert "ocrelizumab.switching.current-dmt-not-recorded" in {
        f.rule_id for f in at.session_state.assessment.for_drug("ocrelizumab").findings}
    at.radio(key=f"{WIDGET}treatment.current_status").set_value("none").run()
    assert "ocrelizumab.switching.current-dmt-not-recorded" not in {
        f.rule_id for f in at.session_state.assessment.for_drug("ocrelizumab").findings}
    # a named current DMT answers the question: the status is not asked and not sent
    at.selectbox(key=f"{WIDGET}treatment.current.drug").set_value("natalizumab").run()
    assert not at.exception
    assert not [r for r in at.radio if r.key == f"{WIDGET}treatment.current_status"]
    profile = at.session_state.profile if "profile" in at.session_state else None
    assert profile is None or profile.treatment.current_status is None


def test_a_loaded_profile_without_a_current_dmt_reads_none() -> None:
    """The contract reads an absent current DMT as none: the form shows exactly that."""
    at = start(example="rrms-ready-to-start")
    step(at, step_of("treatment"))
    assert at.radio(key=f"{WIDGET}treatment.current_status").value == "none"
