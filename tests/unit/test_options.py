"""The options view (issue 9 item 3): computed from an assessment only, grouped by verdict and
never ranked, every cell traceable to its rules and sources, plain words for patients.

Real engine, real rules, real example profiles; every check holds for any number of drugs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dmt_advisor.advisor import Advisor, default_advisor
from dmt_advisor.assessment import Assessment
from dmt_advisor.cli import app
from dmt_advisor.field_words import field_words
from dmt_advisor.next_steps import NOT_ADVISED
from dmt_advisor.options import (
    COLUMNS,
    EFFICACY_NOTE,
    GROUP_ORDER,
    ORDER_NOTE,
    PATIENT_ORDER_NOTE,
    build_options,
    hazards_of,
    render_options_markdown,
)
from dmt_advisor.profile import load_profile
from dmt_advisor.report import Audience
from dmt_advisor.rulebook.load import load_rulebook
from tests.several_drugs import EFFICACY_GROUP, FIXTURE, OFF_LABEL_DRUG, several_drugs_rules

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
NEW = ROOT / "examples" / "new-diagnosis-rrms.yaml"
HBV = ROOT / "examples" / "active-hepatitis-b.yaml"


def assessed(path: Path) -> Assessment:
    return default_advisor().assess(load_profile(path))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_drug_once_grouped_by_verdict_alphabetical_inside(path: Path) -> None:
    assessment = assessed(path)
    options = build_options(assessment, hazards=hazards_of(default_advisor().rulebook))
    assert sorted(r.drug for r in options.rows) == sorted(a.drug for a in assessment.assessments)
    order = [GROUP_ORDER.index(g.verdict) for g in options.groups]
    assert order == sorted(order) and len(set(order)) == len(order)
    for group in options.groups:
        assert all(r.verdict == group.verdict for r in group.rows)
        names = [r.name.casefold() for r in group.rows]
        assert names == sorted(names)
    for row in options.rows:
        item = assessment.for_drug(row.drug)
        assert row.verdict == item.verdict
        found = {f.rule_id: f for f in item.findings}
        for cell in [*row.cells.values(), row.because]:
            assert set(cell.rule_ids) <= set(found)  # every cell names real findings
            for rule_id in cell.rule_ids:  # ... and carries their citations
                assert set(found[rule_id].citations) <= set(cell.citations)
        if not row.advised:
            assert row.cells["given"].empty  # nothing on how a drug not advised is given
            assert row.because.lines  # a rule, or the "no indication rule matched" note
        # no finding that weighs on the verdict is left out of the table
        cited = {r for cell in [*row.cells.values(), row.because] for r in cell.rule_ids}
        weighing = {f.rule_id for f in item.findings if f.verdict not in ("info", "eligible")}
        assert weighing <= cited, weighing - cited


def test_work_up_cell_names_each_missing_field_in_words() -> None:
    assessment = assessed(NEW)
    options = build_options(assessment)
    for item in assessment.assessments:
        before = options.row(item.drug).cells["before"].text()
        assert item.missing, "the example's work-up is partly done"
        for missing in item.missing:
            assert field_words(missing.field) in before
            assert missing.field not in before  # words, never the field path


def test_patient_text_for_a_drug_not_advised_says_only_why() -> None:
    assessment = assessed(HBV)
    options = build_options(assessment, Audience.patient)
    not_advised = [r for r in options.rows if r.verdict in NOT_ADVISED]
    assert not_advised
    for row in not_advised:
        assert row.because.text().startswith("Not an option for you now, because: ")
        assert all(row.cells[c].empty for c in COLUMNS)
        assert row.route is None and row.frequency is None
    text = render_options_markdown(options)
    assert PATIENT_ORDER_NOTE in text and "§" not in text and "`" not in text
    for row in not_advised:
        line = next(x for x in text.splitlines() if x.startswith(f"- **{row.title}**"))
        assert "Not an option for you now, because" in line


def test_cli_without_drug_prints_the_options_table(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["assess", str(NEW)])
    assert result.exit_code == 0, result.output
    drugs = [a.drug for a in assessed(NEW).assessments]
    assert result.output.startswith("Options")
    assert " ".join(ORDER_NOTE.split()[:6]) in " ".join(result.output.split())
    book = load_rulebook()
    for drug in drugs:  # by the name people read (a long name may wrap in the terminal table)
        assert book.drug_info(drug).name.split()[0] in result.output
    md = runner.invoke(app, ["assess", str(NEW), "--format", "markdown"])
    assert md.exit_code == 0
    assert "| Drug | Route and frequency | Before starting |" in md.output
    assert md.output.count("\n| **") == len(drugs)
    one = runner.invoke(app, ["assess", str(NEW), "--drug", drugs[0]])
    assert one.output.startswith("# dmt-advisor assessment") and "| Drug |" not in one.output
    bad = runner.invoke(app, ["assess", str(NEW), "--format", "html"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


# ---- several drugs (rules/ + the fixture drugs; tests/several_drugs.py) -----------------------

@pytest.fixture(scope="module")
def several(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return several_drugs_rules(tmp_path_factory.mktemp("several"))


def test_route_frequency_off_label_and_efficacy_come_from_about(several: Path) -> None:
    with Advisor.from_folder(several) as advisor:
        assessment = advisor.assess(load_profile(NEW))
        hazards = hazards_of(advisor.rulebook)
    assert len(assessment.assessments) >= 3
    clinician = build_options(assessment, hazards=hazards)
    patient = build_options(assessment, Audience.patient, hazards)
    for item in assessment.assessments:
        row, plain = clinician.row(item.drug), patient.row(item.drug)
        if item.about is None or not row.advised:
            continue
        given = row.cells["given"]
        assert given.lines[0] == f"{item.about.route}, {item.about.frequency}"
        assert set(given.citations) == set(item.about.citations)  # cited, from about
        assert plain.cells["given"].lines[0] == (f"{item.about.patient_route}, "
                                                 f"{item.about.patient_frequency}")
    off = clinician.row(OFF_LABEL_DRUG)
    assert off.title == f"{OFF_LABEL_DRUG} (off-label in MS)"
    assert off.efficacy.lines == (EFFICACY_GROUP,) and off.efficacy.citations
    assert clinician.efficacy_note == EFFICACY_NOTE
    assert clinician.row(FIXTURE.name).efficacy.empty  # no efficacy group: nothing said
    text = render_options_markdown(clinician)
    assert f"**{OFF_LABEL_DRUG} (off-label in MS)**" in text and EFFICACY_NOTE in text
    assert "| Efficacy group |" in text
    for group in clinician.groups:  # alphabetical inside each group, whatever the verdicts
        assert [r.name for r in group.rows] == sorted((r.name for r in group.rows),
                                                      key=str.casefold)


def test_cli_and_summary_with_several_drugs(several: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["assess", str(NEW), "--rules", str(several), "--format",
                                 "markdown"])
    assert result.exit_code == 0, result.output
    with Advisor.from_folder(several) as advisor:
        drugs = advisor.rulebook.drugs
    assert result.output.count("\n| **") == len(drugs)
    assert f"{OFF_LABEL_DRUG} (off-label in MS)" in result.output
    md = tmp_path / "all.md"
    assert runner.invoke(app, ["summary", str(NEW), "-o", str(md), "--rules",
                               str(several)]).exit_code == 0
    text = md.read_text()
    assert "## Options" in text and text.index("## Options") < text.index("## Profile facts")
    assert f"- **{OFF_LABEL_DRUG} (off-label in MS):" in text
    one = tmp_path / "one.md"
    assert runner.invoke(app, ["summary", str(NEW), "-o", str(one), "--rules", str(several),
                               "--drug", drugs[0]]).exit_code == 0
    assert "## Options" not in one.read_text() and OFF_LABEL_DRUG not in one.read_text()
