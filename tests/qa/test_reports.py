"""Reports agree with the run (issue 11): a real child pytest over fixture features with a
misspelt step, a failing check, a profile table, an outline, mistakes in negative steps and a
profile table, and tags carrying a rule id and a tracker key."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from dmt_advisor.cli import app
from dmt_advisor.errors import DmtAdvisorError
from dmt_advisor.qa.coverage import compute_coverage
from dmt_advisor.qa.report import write_run_report
from dmt_advisor.qa.scenarios import REPO, ScenarioRun, check_features, run_scenarios
from dmt_advisor.rulebook.load import load_rulebook
from tests.qa.conftest import FIXTURES

SCHEMA = json.loads((FIXTURES / "cucumber-ruby-7.schema.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[ScenarioRun, Path]:
    reports = tmp_path_factory.mktemp("reports")
    result = run_scenarios(reports, features_dir=FIXTURES / "report")
    book = load_rulebook()
    write_run_report(reports, compute_coverage(book, result.scenarios), book, result.scenarios)
    return result, reports


def _scenario(run: ScenarioRun, name: str) -> dict[str, Any]:
    return next(s for s in run.scenarios if s["scenario"] == name)


def _steps(cucumber: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return next(e for f in cucumber for e in f["elements"] if e["name"] == name)["steps"]


def test_a_misspelt_step_is_failed_in_every_report(run: tuple[ScenarioRun, Path]) -> None:
    result, reports = run
    assert result.exit_code == 1
    name = "A misspelt Then step in the middle"
    assert _scenario(result, name)["outcome"] == "failed"
    failed = sum(1 for s in result.scenarios if s["outcome"] == "failed")
    assert re.search(r"passed: (\d+)", result.output) is None  # pytest's words, not ours
    assert f"{failed} failed" in result.output
    markdown = (reports / "last-run.md").read_text()
    assert f"failed: {failed}," in markdown
    assert f"### report/report.feature: {name}" in markdown
    assert "Unknown step: `Then the verdict iz workup_required` (line 7)" in markdown
    cucumber = json.loads((reports / "cucumber.json").read_text())
    statuses = [s["result"]["status"] for s in _steps(cucumber, name)]
    assert statuses == ["passed", "passed", "undefined", "skipped"]  # the step is not dropped


def test_steps_after_a_failure_are_skipped_and_messages_are_the_assertion(
        run: tuple[ScenarioRun, Path]) -> None:
    _, reports = run
    cucumber = json.loads((reports / "cucumber.json").read_text())
    steps = _steps(cucumber, "A check that fails skips the steps after it")
    assert [s["result"]["status"] for s in steps] == ["passed", "passed", "failed", "skipped"]
    message = steps[2]["result"]["error_message"]
    assert message.startswith("verdict workup_required, expected eligible"), message
    assert "def " not in message and "fixturefunc" not in message


def test_cucumber_json_validates_and_carries_tables_and_outline_rows(
        run: tuple[ScenarioRun, Path]) -> None:
    _, reports = run
    cucumber = json.loads((reports / "cucumber.json").read_text())
    jsonschema.validate(cucumber, SCHEMA)  # cucumber-ruby 7: no `language`, no unknown key
    table = _steps(cucumber, "A profile table travels into the report")[0]
    assert table["keyword"] == "Given "
    assert table["rows"][0] == {"cells": ["field", "value"]}
    assert {"cells": ["screening.hbsag", "negative"]} in table["rows"]
    rows = [e for f in cucumber for e in f["elements"]
            if e["name"].startswith("Outline rows are told apart")]
    assert len({e["name"] for e in rows}) == 2 and len({e["line"] for e in rows}) == 2
    assert {e["line"] for e in rows} == {32, 33}  # the Examples rows, not the outline line
    tagged = _steps(cucumber, "A scenario tagged with a rule id and a tracker key")
    assert tagged[-1]["result"]["status"] == "passed"
    element = next(e for f in cucumber for e in f["elements"] if e["name"].startswith("A scen"))
    assert {"@ocrelizumab.workup.hbv-screening", "@JIRA:MS-123"} <= {
        t["name"] for t in element["tags"]}  # feature tags inherited


def test_a_skipped_scenario_is_skipped_in_every_report(run: tuple[ScenarioRun, Path]) -> None:
    result, reports = run
    name = "A skipped scenario is in the reports too"
    assert _scenario(result, name)["outcome"] == "skipped"
    assert "skipped: 1" in (reports / "last-run.md").read_text()
    cucumber = json.loads((reports / "cucumber.json").read_text())
    assert {s["result"]["status"] for s in _steps(cucumber, name)} == {"skipped"}


def test_negative_steps_reject_unknown_rule_ids_and_fields(
        run: tuple[ScenarioRun, Path]) -> None:
    result, _ = run
    rule = _scenario(result, "A misspelt rule id in a negative step")
    assert rule["outcome"] == "failed"
    assert "ocrelizumab.workup.hbv-screenin is not a rule of the rulebook" in rule["error"]
    assert "did you mean ocrelizumab.workup.hbv-screening" in rule["error"]
    field = _scenario(result, "A misspelt field in a negative step")
    assert field["outcome"] == "failed"
    assert "screening.hbs_ag is not a field of the profile format" in field["error"]
    assert "did you mean screening.hbsag" in field["error"]


def test_a_wrong_findings_table_column_names_the_columns(run: tuple[ScenarioRun, Path]) -> None:
    error = _scenario(run[0], "A wrong column in the findings table")["error"]
    assert "unknown column 'state' in `the findings include:`" in error
    assert "did you mean status?" in error


def test_a_profile_error_names_the_feature_line_of_the_table_row(
        run: tuple[ScenarioRun, Path]) -> None:
    result, reports = run
    record = _scenario(result, "A misspelt field in a profile table")
    error = record["error"]
    assert "screening.hbs_ag: unknown field" in error
    assert "did you mean screening.hbsag" in error
    assert "line 19 of report/mistakes.feature" in error
    assert "add a 'When" not in error and "profile.yaml" not in error
    cucumber = json.loads((reports / "cucumber.json").read_text())
    steps = _steps(cucumber, "A misspelt field in a profile table")
    assert [s["result"]["status"] for s in steps] == ["passed", "passed", "failed", "skipped"]


def test_html_living_documentation(run: tuple[ScenarioRun, Path]) -> None:
    _, reports = run
    page = (reports / "last-run.html").read_text()
    assert page.startswith("<!doctype html>")
    assert "Reports agree with the run" in page and "Rule coverage" in page
    assert "checks: <code>ocrelizumab.workup.hbv-screening</code>" in page
    assert page.count("class='badge failed'") == sum(
        1 for s in run[0].scenarios if s["outcome"] == "failed")


def test_select_by_tracker_tag_and_by_rule_id_tag(tmp_path: Path) -> None:
    for expr in ("tag(name='JIRA:MS-123')", "ocrelizumab.workup.hbv-screening"):
        result = run_scenarios(tmp_path / "r", features_dir=FIXTURES / "report",
                               pytest_args=["-m", expr], cucumber=False)
        assert [s["scenario"] for s in result.scenarios] == [
            "A scenario tagged with a rule id and a tracker key",
            "A skipped scenario is in the reports too"], expr
        assert result.exit_code == 0


BROKEN = """@qa_broken
Feature: broken

  Scenario: fine
    Given a RRMS patient aged 34
    When the patient is assessed for ocrelizumab
    Then the verdict is workup_required

  Scenaro: a typo in the keyword
    Given a RRMS patient aged 34
"""


def test_a_feature_that_cannot_be_parsed_is_an_error_naming_file_and_line(
        tmp_path: Path) -> None:
    features = tmp_path / "features"
    features.mkdir()
    (features / "broken.feature").write_text(BROKEN)
    (features / "tags.feature").write_text((FIXTURES / "report" / "tags.feature").read_text())
    with pytest.raises(DmtAdvisorError, match=r"broken.feature, line 9: .*Scenaro"):
        check_features(features)
    result = CliRunner().invoke(app, ["coverage", "--features", str(features),
                                      "--reports", str(tmp_path / "reports")])
    assert result.exit_code == 2
    assert "broken.feature, line 9" in result.output and "0/" not in result.output
    # plain pytest: the broken file is one failing test; the other features still run
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/steps",
         "-o", f"bdd_features_base_dir={features}", "--tb=line"],
        cwd=REPO, capture_output=True, text=True, check=False)
    assert "1 failed, 1 passed" in proc.stdout, proc.stdout[-2000:]
    assert "cannot parse feature file broken.feature, line 9" in proc.stdout
