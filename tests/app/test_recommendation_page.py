"""Recommendation page: verdict badges, findings with reason and citation, missing data."""

from __future__ import annotations

import re

from dmt_ui.fields import step_of
from dmt_ui.state import WIDGET

from dmt_advisor.report import PATIENT_NOTE
from tests.app.conftest import goto, start, texts


def test_a_contraindication_with_its_reason_and_citation() -> None:
    at = goto(start(example="active-hepatitis-b"), "recommendation")
    page = texts(at)
    assert ":red-badge[Contraindicated]" in page
    assert "Contraindications" in [s.value for s in at.subheader]
    assert "HBsAg is positive" in page and "anti-HBc is positive" in page
    assert re.search(r"§4 Contraindications, rev\. 2024-01", page)
    assert "ocrelizumab.contraindication.active-hbv" in page


def test_the_verdict_follows_the_form_and_is_assessed_only_on_change() -> None:
    at = goto(start(example="rrms-ready-to-start"), "recommendation")
    assert ":green-badge[Eligible]" in texts(at)
    count = at.session_state.assess_count
    goto(at, "summary")
    goto(at, "recommendation")
    assert at.session_state.assess_count == count  # nothing changed: no new evaluation
    goto(at, "profile")
    at.segmented_control(key="step_nav").set_value(step_of("screening.hbsag")).run()
    at.radio(key=f"{WIDGET}screening.hbsag").set_value("positive")
    at.radio(key=f"{WIDGET}screening.anti_hbc").set_value("positive").run()
    goto(at, "recommendation")
    assert at.session_state.assess_count == count + 1
    # HBsAg positive holds the start until a liver specialist has decided (issue 8, review F6)
    assert ":orange-badge[Deferred]" in texts(at)


def test_missing_data_leads_back_to_the_step_that_supplies_it() -> None:
    at = goto(start(example="rrms-new-referral"), "recommendation")
    page = texts(at)
    assert "Missing data" in [s.value for s in at.subheader]
    assert ":blue-badge[Work-up required]" in page
    assert "Screening before treatment > HBsAg" in page
    at.button(key="fill:ocrelizumab:screening.hbsag").click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Patient profile"]
    assert at.session_state.form_step == step_of("screening.hbsag")
    assert at.radio(key=f"{WIDGET}screening.hbsag").value == "unknown"


def test_patient_wording_is_plain_and_leaves_decisions_to_the_clinician() -> None:
    at = goto(start(example="active-hepatitis-b", audience="patient"), "recommendation")
    page = texts(at)
    assert PATIENT_NOTE in page
    assert "What this means for you" in page
    assert "Not advised by the drug label" in page
    assert "Your clinician will talk with you about other options." in page
    for jargon in ("Contraindicat", "§", "ocrelizumab.contraindication", "Work-up",
                   "workup", "Because", "rev. 20", "HBsAg", "anti-HBc"):
        assert jargon not in page, jargon
    for instruction in ("you should stop", "stop taking", "you should start", "start taking"):
        assert instruction not in page.lower()


def test_an_incomplete_profile_is_not_assessed() -> None:
    at = goto(start(), "recommendation")
    assert "not complete enough to assess" in texts(at)
    assert "Diagnosis > MS phenotype" in texts(at)


def test_next_steps_with_dates_come_first() -> None:
    at = goto(start(example="cis-recent-live-vaccine"), "recommendation")
    text = texts(at)
    assert "Earliest first dose 2026-11-29" in text
    assert text.index("Next steps") < text.index("Needs attention")
    patient = goto(start(example="rrms-on-ocrelizumab-iv", audience="patient"),
                   "recommendation")
    assert "Your next dose is due on 2027-01-14" in texts(patient)


def test_a_drug_not_advised_drops_how_it_is_given() -> None:
    for audience in ("clinician", "patient"):
        at = goto(start(example="active-hepatitis-b", audience=audience), "recommendation")
        text = texts(at)
        for word in ("How it is given", "Administration", "drip", "premedicate",
                     "infusion takes"):
            assert word not in text, (audience, word)


def test_next_steps_show_doses_on_hold_with_what_releases_them() -> None:
    """Issue 12 item 4: a dose on hold is a next step naming what holds it and what releases
    it; a drug not advised has no held dose in its steps (item 5)."""
    at = goto(start(example="cis-recent-live-vaccine"), "recommendation")
    text = texts(at)
    steps = text.split("Next steps")[1].split("Needs attention")[0]
    assert "On hold: Start dose (IV)" in steps and "first dose (SC" in steps
    assert ("Released when ocrelizumab.workup.live-vaccine-too-recent no longer applies; by "
            "time alone from 2026-11-29") in steps
    patient = goto(start(example="cis-recent-live-vaccine", audience="patient"), "recommendation")
    assert "Starting treatment is on hold for now" in texts(patient)
    assert "ocrelizumab.workup" not in texts(patient).split("What happens next")[1][:400]
    for example in ("active-hepatitis-b", "spms-not-active"):
        for audience in ("clinician", "patient"):
            text = texts(goto(start(example=example, audience=audience), "recommendation"))
            assert "On hold" not in text and "on hold" not in text, (example, audience)
