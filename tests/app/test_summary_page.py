"""Consultation summary: the printable page and its Markdown and PDF downloads."""

from __future__ import annotations

import io

import pypdf

from dmt_advisor.report import PATIENT_NOTE
from tests.app.conftest import goto, start, texts


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_clinician_summary_downloads_carry_facts_verdict_findings_and_sources() -> None:
    at = start(example="active-hepatitis-b")
    at.text_input(key="patient_label").set_value("JS 1234").run()
    goto(at, "summary")
    labels = {b.label for b in at.get("download_button")}
    assert labels == {"Download PDF", "Download Markdown"}
    files = at.session_state.summary_files
    book = at.session_state.assessment.rulebook
    md = files["md"]
    assert "**ocrelizumab: Contraindicated**" in md
    assert "| HBsAg (Hepatitis B surface antigen) | positive |" in md
    assert "Patient: **JS 1234**" in md
    assert "why: HBsAg is positive" in md
    assert "ocrevus-uspi-2024-01 §4 (rev. 2024-01)" in md
    assert f"rulebook {book.version} (sha256 {book.sha256[:12]})" in md
    assert "assessed on 2026-11-22" in md.lower()
    pages, text = pdf_text(files["pdf"])
    assert files["pdf"].startswith(b"%PDF")
    assert pages <= 2
    flat = " ".join(text.split())
    for expected in ("Consultation summary", "Patient: JS 1234", "ocrelizumab: Contraindicated",
                     "HBsAg (Hepatitis B surface antigen): positive",
                     "Because HBsAg is positive",
                     "ocrevus-uspi-2024-01 §4 Contraindications (rev. 2024-01)",
                     f"rulebook {book.version}",
                     book.sha256[:12], "2026-11-22"):
        assert expected in flat, expected
    page = texts(at)
    assert "Profile facts recorded" in page and "Contraindications" in page
    assert files["stem"] == "dmt-advisor-summary-JS-1234-2026-11-22"


def test_patient_summary_downloads_are_plain() -> None:
    at = goto(start(example="rrms-anti-hbc-positive", audience="patient"), "summary")
    files = at.session_state.summary_files
    assert PATIENT_NOTE in files["md"]
    assert "Possible, with extra checks" in files["md"]
    assert "§" not in files["md"] and "ocrelizumab.workup" not in files["md"]
    _, text = pdf_text(files["pdf"])
    flat = " ".join(text.split())
    assert "Your treatment information" in flat
    assert "decisions about treatment are made together with your care team" in flat
    assert "§" not in flat
    assert "Your summary" in texts(at)


def test_summary_waits_for_a_valid_profile() -> None:
    at = goto(start(), "summary")
    assert "appears once the profile can be assessed" in texts(at)
    assert not at.get("download_button")


def test_patient_summary_on_screen_says_each_thing_once() -> None:
    """The switch's findings lead the next steps; they are not listed a second time below."""
    at = goto(start(example="switch-from-natalizumab", audience="patient"), "summary")
    at.selectbox(key="details_for").set_value("ocrelizumab").run()  # default: natalizumab
    shown = "\n".join(m.value for m in at.markdown)
    sentence = "Moving from natalizumab needs a brain scan first"
    assert shown.count(sentence) == 1, shown.count(sentence)
    assert "Some tests or answers are still needed" in shown
    assert "Some information is not recorded yet" not in texts(at)
