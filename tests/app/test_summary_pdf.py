"""The summary PDF for every example, read back from the PDF itself: pages, font sizes, order.

Page 1 is the consultation and any page 2 is deliberate ("Details" for clinicians, "My
questions and notes" for patients); body text is at least 10 pt (12 pt for patients); the
next steps come before any finding; every finding and source is on it. Each page is also
rendered to PNG with pdftoppm (poppler-utils, installed by `make browser`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from dmt_advisor.advisor import default_advisor
from dmt_advisor.field_words import field_words
from dmt_advisor.next_steps import next_steps
from dmt_advisor.profile import load_profile
from dmt_advisor.report import Audience, findings_shown, render_summary_markdown
from dmt_advisor.summary_pdf import latin1, render_summary_pdf

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
PREPARED = dt.date(2026, 11, 22)


def drug_of(path: Path) -> str:
    """The one drug an example is about: its file name's drug prefix when the name starts with
    a drug id of the rulebook (the longest such id), else ocrelizumab (the original examples)."""
    ids = [d for d in default_advisor().drugs if path.stem == d or path.stem.startswith(d + "-")]
    return max(ids, key=len) if ids else "ocrelizumab"


def render(path: Path, audience: Audience, label: str = "AB 12") -> tuple[bytes, object]:
    profile = load_profile(path)
    advisor = default_advisor()
    assessment = advisor.assess(profile, [drug_of(path)])
    steps = next_steps(assessment, profile, advisor.rulebook)
    data = render_summary_pdf(profile, assessment, audience, PREPARED, steps=steps,
                              patient_label=label)
    return data, assessment


def pages_text(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join(p.extract_text().split()) for p in reader.pages]


def drawn(data: bytes) -> list[tuple[float, str]]:
    """Every line of text with the font size (pt) it is drawn at, from the PDF operators."""
    lines: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            lines.append((round(size * tm[3] * cm[3], 1), text.strip()))

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return lines


def chars_by_size(data: bytes) -> Counter[float]:
    sizes: Counter[float] = Counter()
    for size, text in drawn(data):
        sizes[size] += len(text)
    return sizes


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_clinician_pdf_is_a_consultation_page_and_a_deliberate_details_page(path: Path) -> None:
    data, assessment = render(path, Audience.clinician)
    pages = pages_text(data)
    assert len(pages) <= 2
    if len(pages) == 2:
        assert pages[1].startswith("Details")
    first = pages[0]
    assert first.startswith("Consultation summary Patient: AB 12")
    assert "Plan agreed" in first and "Signature:" in first
    text = " ".join(pages)
    for item in assessment.assessments:
        assert f"{item.drug}:" in first
        for finding in item.findings:
            if item.verdict in ("contraindicated", "not_indicated") and \
                    finding.category in ("administration", "schedule"):
                assert " ".join(latin1(finding.summary).split())[:40] not in text
                continue
            assert " ".join(latin1(finding.summary).split())[:40] in text, finding.rule_id
            for c in finding.citations:
                assert f"{c.source} §{c.section}" in text
        for m in item.missing:
            assert latin1(field_words(m.field)) in first  # in words, never the field path
        if item.missing:
            checklist = first.split("Missing data: tests and questions")[1].split("Plan agreed")[0]
            assert not re.search(r"[a-z]\.[a-z_]+", checklist), checklist
        if item.findings and "[" in first:  # only information findings: all on page 2
            assert first.index("Next steps") < first.index("[")  # before any finding
    lines = drawn(data)
    assert min(size for size, _ in lines) >= 8  # citations, facts, sources and footer only
    body = [(size, t) for size, t in lines if re.match(r"^(\d+\. |\[|Because |- )", t)]
    assert body and all(size >= 10 for size, _ in body), [b for b in body if b[0] < 10]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_patient_pdf_is_plain_12_pt_with_room_for_questions(path: Path) -> None:
    data, assessment = render(path, Audience.patient)
    pages = pages_text(data)
    assert len(pages) <= 2
    if len(pages) == 2:  # never a spill: page 2 is the notes page, on purpose
        assert pages[1].startswith("My questions and notes")
    assert pages[0].startswith("Your treatment information Patient: AB 12")
    sizes = chars_by_size(data)
    small = sum(n for size, n in sizes.items() if size < 12)
    assert min(sizes) >= 8 and small <= 260 * len(pages), sizes  # only the footer is smaller
    profile = load_profile(path)
    md = render_summary_markdown(profile, assessment, Audience.patient)
    for plain in (" ".join(pages), md):
        assert "§" not in plain and "ocrelizumab.workup" not in plain
        assert "made together with your care team" in " ".join(plain.split())


def test_not_advised_patient_text_says_nothing_about_how_it_is_given() -> None:
    path = next(p for p in EXAMPLES if p.stem == "active-hepatitis-b")
    data, _ = render(path, Audience.patient)
    text = " ".join(pages_text(data))
    assert "Not advised by the drug label" in text
    for word in ("How it is given", "drip", "every 6 months", "during treatment"):
        assert word not in text


def test_dated_next_steps_lead_the_deferral_and_the_next_dose() -> None:
    deferred = next(p for p in EXAMPLES if p.stem == "cis-recent-live-vaccine")
    data, _ = render(deferred, Audience.clinician)
    assert "Earliest first dose 2026-11-29" in pages_text(data)[0]
    patient, _ = render(deferred, Audience.patient)
    assert "earliest date treatment could start is 2026-11-29" in pages_text(patient)[0]
    on_iv = next(p for p in EXAMPLES if p.stem == "rrms-on-ocrelizumab-iv")
    patient, _ = render(on_iv, Audience.patient)
    assert "Your next dose is due on 2027-01-14" in pages_text(patient)[0]


def test_every_page_renders_to_png(tmp_path: Path) -> None:
    """pdftoppm draws every page of every example (both audiences) without an error."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is missing: `make browser` installs poppler-utils")
    for path in EXAMPLES:
        for audience in Audience:
            data, _ = render(path, audience)
            pdf = tmp_path / f"{path.stem}-{audience.value}.pdf"
            pdf.write_bytes(data)
            subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(pdf.with_suffix(""))],
                           check=True, timeout=60)
            pngs = list(tmp_path.glob(f"{path.stem}-{audience.value}*.png"))
            assert len(pngs) == len(pages_text(data))


def test_latin1_folds_typography() -> None:
    text = "\u2265 4 weeks \u2013 \u201clive\u201d \u2026 \u00b5 \u2192 x \u2603"
    assert latin1(text) == '>= 4 weeks - "live" ... \u00b5 -> x ?'


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_thing_is_said_once(path: Path) -> None:
    """Compact: no patient sentence twice (steps, then the same finding again), no clinician
    reason twice (under its step and again under "Needs attention")."""
    patient, assessment = render(path, Audience.patient)
    text = " ".join(pages_text(patient))
    profile = load_profile(path)
    advisor = default_advisor()
    md = render_summary_markdown(profile, assessment, Audience.patient,
                                 steps=next_steps(assessment, profile, advisor.rulebook))
    for item in assessment.assessments:
        for finding in item.findings:
            said = " ".join(latin1(finding.patient_summary).split())[:60]
            assert text.count(said) <= 1, (finding.rule_id, said)
            assert " ".join(md.split()).count(" ".join(finding.patient_summary.split())) <= 1
    clinician, _ = render(path, Audience.clinician)
    first = pages_text(clinician)[0]

    def because(finding: object) -> str:
        return "Because " + " ".join(latin1("; ".join(finding.because)).split()) + "."

    # once per finding: two rules may rest on the same facts (a switch's several reasons)
    said = Counter(because(f) for item in assessment.assessments for f in item.findings
                   if f.verdict not in ("info", "eligible"))
    for item in assessment.assessments:
        for finding in item.findings:
            if finding.verdict not in ("info", "eligible"):
                assert first.count(because(finding)) == said[because(finding)], finding.rule_id


def test_not_advised_pdf_has_no_dose_on_hold() -> None:
    """Issue 12 item 5: the calendar holds the doses of a drug not advised; the summary says
    why it is not advised and nothing about its doses."""
    for stem in ("active-hepatitis-b", "spms-not-active"):
        path = next(p for p in EXAMPLES if p.stem == stem)
        for audience in Audience:
            text = " ".join(pages_text(render(path, audience)[0]))
            for word in ("On hold", "on hold", "then 300 mg", "920 mg, no split", "tart dose"):
                assert word not in text, (stem, audience, word)


def test_a_deferred_dose_on_hold_is_a_next_step_with_its_release() -> None:
    path = next(p for p in EXAMPLES if p.stem == "cis-recent-live-vaccine")
    first = pages_text(render(path, Audience.clinician)[0])[0]
    steps = first.split("Next steps")[1].split("Missing data")[0]
    assert "On hold: Start dose (IV)" in steps
    assert "ocrelizumab.workup.live-vaccine-too-recent no longer applies" in steps
    assert "by time alone from 2026-11-29" in steps
    patient = " ".join(pages_text(render(path, Audience.patient)[0]))
    assert "Starting treatment is on hold for now" in patient


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_what_needs_attention_is_said_in_full_on_page_1(path: Path) -> None:
    """Condensing never cuts a finding that needs attention: its whole summary is on page 1."""
    data, assessment = render(path, Audience.clinician)
    first = pages_text(data)[0]
    for item in assessment.assessments:
        for f in findings_shown(item, Audience.clinician):
            if f.verdict not in ("info", "eligible"):
                assert " ".join(latin1(f.summary).split()) in first, f.rule_id


def test_several_drugs_carry_the_options_table_on_its_own_landscape_page(
        tmp_path: Path) -> None:
    """Issue 9: with several drugs the PDF has a deliberate options page (landscape), every
    drug in it, drawn by pdftoppm like every other page."""
    from dmt_advisor.summary_cli import write_summary
    from tests.several_drugs import OFF_LABEL_DRUG, several_drugs_rules

    rules = several_drugs_rules(tmp_path)
    example = EXAMPLES[0].parent / "new-diagnosis-rrms.yaml"
    for audience in Audience:
        out = tmp_path / f"all-{audience.value}.pdf"
        write_summary(example, out, audience, "AB 12", rules=rules, prepared_on=PREPARED)
        reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
        wide = [" ".join(p.extract_text().split()) for p in reader.pages
                if p.mediabox.width > p.mediabox.height]
        title = "Options" if audience is Audience.clinician else "Your options"
        assert wide and wide[0].startswith(f"{title} Grouped by"), wide[:1]
        table = " ".join(wide)
        assert f"{OFF_LABEL_DRUG} (off-label in MS)" in table
        for drug in ("ocrelizumab", "exampleumab"):
            assert drug in table
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(out.with_suffix(""))],
                           check=True, capture_output=True, timeout=60)
            assert len(list(tmp_path.glob(f"all-{audience.value}*.png"))) == len(reader.pages)
