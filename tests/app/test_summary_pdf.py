"""The summary PDF for every example: every finding and source is on it, one page if it fits."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest

from dmt_advisor.advisor import default_advisor
from dmt_advisor.profile import load_profile
from dmt_advisor.report import Audience, render_summary_markdown
from dmt_advisor.summary_pdf import latin1, render_summary_pdf

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


def flat_text(data: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_finding_and_source_is_in_the_clinician_pdf(path: Path) -> None:
    profile = load_profile(path)
    assessment = default_advisor().assess(profile)
    pages, text = flat_text(render_summary_pdf(profile, assessment, Audience.clinician,
                                               dt.date(2026, 11, 22)))
    assert pages <= 2
    for item in assessment.assessments:
        for finding in item.findings:
            assert " ".join(latin1(finding.summary).split())[:40] in text, finding.rule_id
            for c in finding.citations:
                assert f"{c.source} §{c.section}" in text
        for m in item.missing:
            assert m.field in text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_patient_pdf_and_markdown_are_plain(path: Path) -> None:
    profile = load_profile(path)
    assessment = default_advisor().assess(profile)
    pages, text = flat_text(render_summary_pdf(profile, assessment, Audience.patient))
    md = render_summary_markdown(profile, assessment, Audience.patient)
    assert pages == 1
    for plain in (text, md):
        assert "§" not in plain and "ocrelizumab.workup" not in plain
        assert "made together with your care team" in " ".join(plain.split())


def test_latin1_folds_typography() -> None:
    text = "\u2265 4 weeks \u2013 \u201clive\u201d \u2026 \u00b5 \u2192 x \u2603"
    assert latin1(text) == '>= 4 weeks - "live" ... \u00b5 -> x ?'
