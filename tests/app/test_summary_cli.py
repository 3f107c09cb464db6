"""`dmt-advisor summary PROFILE -o FILE.pdf|FILE.md`: a clinic prints tomorrow's list."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from typer.testing import CliRunner

from dmt_advisor.cli import app
from tests.app.conftest import ROOT

EXAMPLE = ROOT / "examples" / "cis-recent-live-vaccine.yaml"  # an ocrelizumab example
DRUG = ["--drug", "ocrelizumab"]


def test_summary_writes_a_pdf_and_markdown(tmp_path: Path) -> None:
    runner = CliRunner()
    pdf = tmp_path / "tomorrow-CD.pdf"
    result = runner.invoke(app, ["summary", str(EXAMPLE), "-o", str(pdf), "--patient-label",
                                 "CD 2231", "--clinic", "MS clinic", *DRUG])
    assert result.exit_code == 0, result.output
    text = " ".join(pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text().split())
    assert "Patient: CD 2231" in text and "Clinic: MS clinic" in text
    assert "Earliest first dose 2026-11-29" in text
    md = tmp_path / "tomorrow-CD.md"
    result = runner.invoke(app, ["summary", str(EXAMPLE), "-o", str(md), "--audience",
                                 "patient", *DRUG])
    assert result.exit_code == 0, result.output
    assert "The earliest date treatment could start is 2026-11-29." in md.read_text()


def test_summary_errors_exit_2_with_one_message(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["summary", str(EXAMPLE), "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 2 and "must end in .pdf or .md" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\npatient: {age: 30}\ndiagnosis: {phenotype: rrms}\n")
    result = runner.invoke(app, ["summary", str(bad), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and "diagnosis.phenotype" in result.output
    assert "Traceback" not in result.output
