"""Profile page: the guided form, examples, upload, and bad input shown next to its field."""

from __future__ import annotations

import datetime as dt

from dmt_ui.fields import PROFILE_SPECS, SPEC_BY_PATTERN, STEPS, draft_to_data, step_of
from dmt_ui.state import WIDGET
from streamlit.testing.v1 import AppTest

from dmt_advisor.profile import load_profile, parse_profile
from tests.app.conftest import ROOT, goto, nodes, problem_after, start, texts

ASSESSED = dt.date(2026, 11, 22)


def step(at: AppTest, index: int) -> AppTest:
    at.segmented_control(key="step_nav").set_value(index).run()
    assert not at.exception
    return at


def test_new_profile_starts_unknown_never_negative() -> None:
    at = start()
    assert at.session_state.assess_count == 0
    assert "need attention" in at.info[0].value
    step(at, step_of("screening.hbsag"))
    for name in ("hbsag", "anti_hbc", "immunoglobulins", "liver_tests"):
        radio = at.radio(key=f"{WIDGET}screening.{name}")
        assert radio.value == "unknown"
        assert radio.options[0] == "Not tested yet"
    step(at, step_of("infection.active"))
    assert at.radio(key=f"{WIDGET}infection.active").value == "unknown"
    assert at.radio(key=f"{WIDGET}infection.active").options[0] == "Unknown"


def test_fill_the_form_step_by_step_to_an_assessment() -> None:
    at = start()
    at.date_input(key=f"{WIDGET}assessed_on").set_value(ASSESSED)
    at.number_input(key=f"{WIDGET}patient.age").set_value(34)
    at.radio(key=f"{WIDGET}patient.sex").set_value("female")
    at.button(key="nav_next").click().run()
    assert at.session_state.form_step == 1
    # phenotype still missing: a calm "required" note right under its field
    assert problem_after(at, f"{WIDGET}diagnosis.phenotype") == "Required field is missing"
    at.radio(key=f"{WIDGET}diagnosis.phenotype").set_value("RRMS")
    at.radio(key=f"{WIDGET}diagnosis.active_disease").set_value("yes").run()
    assert problem_after(at, f"{WIDGET}diagnosis.phenotype") is None
    assert at.session_state.assess_count == 1  # valid from here on: assessed once
    step(at, step_of("screening.hbsag"))
    for name, value in (("hbsag", "negative"), ("anti_hbc", "negative"),
                        ("immunoglobulins", "normal"), ("liver_tests", "normal")):
        at.radio(key=f"{WIDGET}screening.{name}").set_value(value)
    at.run()
    step(at, step_of("infection.active"))
    for name in ("active", "serious_recurrent", "pml_suspected"):
        at.radio(key=f"{WIDGET}infection.{name}").set_value("no")
    at.run()
    step(at, step_of("vaccinations"))
    at.button(key="add:vaccinations").click().run()
    at.text_input(key=f"{WIDGET}vaccinations[0].vaccine").set_value("Influenza")
    at.radio(key=f"{WIDGET}vaccinations[0].kind").set_value("non_live")
    at.date_input(key=f"{WIDGET}vaccinations[0].date").set_value(dt.date(2026, 10, 1)).run()
    step(at, step_of("reproductive.pregnant"))
    for name in ("pregnant", "planning_pregnancy", "breastfeeding"):
        at.radio(key=f"{WIDGET}reproductive.{name}").set_value("no")
    at.run()
    step(at, len(STEPS))  # review
    assert "The profile is valid" in at.success[0].value
    yaml_text = at.code[0].value
    assert "hbsag: negative" in yaml_text and "vaccine: Influenza" in yaml_text
    assert "breastfeeding: false" in yaml_text
    goto(at, "recommendation")
    assert "Eligible" in texts(at)
    assert "Indicated (US) for relapsing forms of MS" in texts(at)


def test_loading_an_example_fills_every_step() -> None:
    at = start()
    at.selectbox(key="example_choice").set_value("rrms-on-ocrelizumab-iv").run()
    at.button(key="load_example").click().run()
    assert "Loaded the example patient" in at.success[0].value
    expected = load_profile(ROOT / "examples" / "rrms-on-ocrelizumab-iv.yaml")
    assert parse_profile(draft_to_data(at.session_state.draft)) == expected
    step(at, step_of("treatment.ocrelizumab.doses"))
    prefix = f"{WIDGET}treatment.ocrelizumab.doses["
    doses = {int(d.key[len(prefix):-1]): d.value for d in at.date_input
             if d.key.startswith(prefix)}
    assert [doses[i] for i in sorted(doses)] == expected.treatment.ocrelizumab.doses
    assert at.selectbox(key=f"{WIDGET}treatment.current.drug").value == "ocrelizumab"


def test_every_profile_field_has_a_widget() -> None:
    """The form is driven by the profile model: a new optional field appears by itself."""
    at = start(example="rrms-on-ocrelizumab-iv")
    at.session_state.draft.update({"#vaccinations": 1, "#treatment.prior": 1,
                                   "#treatment.courses": 1, "#treatment.courses[0].doses": 1})
    shown: set[str] = set()
    for index in range(len(STEPS)):
        step(at, index)
        shown |= {n.key for n in nodes(at.main) if getattr(n, "key", None)}
    leaves = [p for p, s in SPEC_BY_PATTERN.items()
              if s.kind not in ("section", "model_list")]
    # "On a DMT now?" is answered by the drug named (issue 12): asked once none is named
    status = "treatment.current_status"
    for pattern in leaves:
        concrete = pattern.replace("[]", "[0]")
        if SPEC_BY_PATTERN[pattern].kind == "date_list":
            concrete += "[0]"
        assert WIDGET + concrete in shown or pattern == status, pattern
    empty = step(start(), step_of(status))
    assert WIDGET + status in {n.key for n in nodes(empty.main) if getattr(n, "key", None)}
    assert PROFILE_SPECS[0].name == "assessed_on"


def test_bad_number_is_shown_next_to_its_field_not_as_a_trace() -> None:
    at = start(example="rrms-ready-to-start")
    at.number_input(key=f"{WIDGET}patient.age").set_value(150).run()
    assert not at.exception
    message = problem_after(at, f"{WIDGET}patient.age")
    assert message is not None and "120" in message
    assert "Traceback" not in texts(at)
    goto(at, "recommendation")
    assert "not complete enough to assess" in texts(at)
    assert "Patient > Age (years)" in texts(at)


def test_event_after_the_assessment_date_is_shown_at_that_row() -> None:
    at = start(example="cis-recent-live-vaccine")
    step(at, step_of("vaccinations"))
    at.date_input(key=f"{WIDGET}vaccinations[0].date").set_value(dt.date(2027, 1, 5)).run()
    message = problem_after(at, f"{WIDGET}vaccinations[0].date")
    assert message is not None and "after the assessment date" in message


def test_removing_a_vaccination_drops_it_from_the_profile() -> None:
    at = start(example="cis-recent-live-vaccine")
    step(at, step_of("vaccinations"))
    at.button(key="rm:vaccinations[0]").click().run()
    assert at.session_state.draft["#vaccinations"] == 0
    assert "Live vaccine" not in texts(at)
    goto(at, "recommendation")
    assert "Deferred" not in texts(at)


def test_upload_a_profile_and_a_bad_one() -> None:
    at = start()
    text = (ROOT / "examples" / "active-hepatitis-b.yaml").read_bytes()
    at.file_uploader(key="profile_upload_0").set_value(("p.yaml", text, "application/x-yaml"))
    at.run()
    assert "Loaded p.yaml" in at.success[0].value
    assert at.session_state.draft["screening.hbsag"] == "positive"
    bad = b"format: 1\npatient: {age: 30}\ndiagnosis: {phenotype: RRMS}\nscreening: {hbsg: x}\n"
    at.file_uploader(key="profile_upload_1").set_value(("bad.yaml", bad, "application/x-yaml"))
    at.run()
    assert not at.exception
    assert "screening.hbsg" in at.error[0].value and "unknown field" in at.error[0].value
    assert "Nothing was loaded from bad.yaml" in at.error[0].value
    assert at.session_state.draft["screening.hbsag"] == "positive"  # kept as it was
    # the failed file's name is not left beside the verdict of the patient still on screen
    # (every uploader on the page, the FHIR import's included, is empty)
    uploaders = at.get("file_uploader")
    assert [u.key for u in uploaders] == ["profile_upload_2", "fhir_upload_0"]
    assert [u.value for u in uploaders] == [None, None]


def test_download_is_offered_only_for_a_valid_profile() -> None:
    at = start(example="rrms-ready-to-start")
    assert [b.label for b in at.get("download_button")] == ["Download this profile"]
    empty = start()
    assert not empty.get("download_button")
    assert any(b.label == "Download this profile" and b.disabled for b in empty.button)


def _fhir_uploader(at):
    """The FHIR uploader of this run (its key changes after every upload too)."""
    return at.file_uploader(key=f"fhir_upload_{at.session_state.fhir_upload_gen}")


def _uploader(at):
    """The profile uploader of this run (its key changes after every upload, issue 12)."""
    return at.file_uploader(key=f"profile_upload_{at.session_state.upload_gen}")


def test_hostile_uploads_get_a_clear_error_and_the_app_keeps_working() -> None:
    """Issue 13: the audit's reproducers and an oversized file, uploaded; then a normal one."""
    hostile = ROOT / "tests" / "fixtures" / "hostile"
    at = start()
    for name in ("yaml-bomb-sex.yaml", "invalid-calendar-date.yaml", "deep-nesting-1000.json",
                 "int-5000-digits.yaml", "binary-garbage.yaml", "duplicate-key-silent.yaml",
                 "schedule-year-10000.yaml", "edss-1e-10-closes-advisor.yaml"):
        _uploader(at).set_value((name, (hostile / name).read_bytes(), "application/x-yaml"))
        at.run()
        assert not at.exception, name
        assert at.error and len(at.error[0].value) < 2_000, name
    big = b"format: 1\npatient: {age: 40}\ndiagnosis: {phenotype: RRMS}\n" + b"#" * 400_000
    _uploader(at).set_value(("big.yaml", big, "application/x-yaml"))
    at.run()
    assert "the limit is 262,144" in at.error[0].value
    text = (ROOT / "examples" / "active-hepatitis-b.yaml").read_bytes()
    _uploader(at).set_value(("p.yaml", text, "application/x-yaml"))
    at.run()
    assert "Loaded p.yaml" in at.success[0].value
    goto(at, "recommendation")
    assert not at.exception and "Contraindicated" in texts(at)


FHIR = ROOT / "tests" / "fixtures" / "fhir" / "ms"


def test_a_fhir_import_over_unsaved_work_asks_first() -> None:
    """Issue 12 item 1 holds for the FHIR import too: the patient on screen is not replaced
    by a Bundle without asking when it has unsaved changes."""
    at = start(example="active-hepatitis-b")
    at.number_input(key=f"{WIDGET}patient.age").set_value(52).run()
    data = (FHIR / "ms-rrms-new-referral.json").read_bytes()
    _fhir_uploader(at).set_value(("referral.json", data, "application/json"))
    at.run()
    assert not at.exception
    assert any("unsaved changes" in w.value and "referral.json" in w.value for w in at.warning)
    assert at.session_state.draft["patient.age"] == 52  # not replaced yet
    at.button(key="confirm_no").click().run()
    assert at.session_state.draft["patient.age"] == 52 and not at.session_state.pending
    assert at.session_state.fhir_import is None  # no mapped report of a bundle not loaded
    _fhir_uploader(at).set_value(("referral2.json", data, "application/json"))
    at.run()
    at.button(key="confirm_yes").click().run()
    assert "Imported referral2.json (FHIR)" in at.success[0].value
    assert at.session_state.draft["screening.hbsag"] == "negative"


def test_a_hostile_fhir_file_is_refused_by_the_bounded_parser() -> None:
    at = start(example="active-hepatitis-b")
    for name, data in (("deep.json", b"[" * 5000 + b"]" * 5000),
                       ("dup.json", b'{"resourceType": "Bundle", "resourceType": "Patient"}'),
                       ("latin1.json", b'{"resourceType": "B\xe9"}')):
        _fhir_uploader(at).set_value((name, data, "application/json")).run()
        assert not at.exception, name
        assert f"{name}: not a FHIR R4 Bundle we can read" in at.error[0].value, name
        assert at.session_state.draft["screening.hbsag"] == "positive"  # unchanged
