"""Running what QA expects to run: one feature by path, a scenario by line, name or rule id, a
tag with a colon; a dry run listing unknown steps; the step catalogue for editors (item 9)."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from dmt_advisor.cli import app
from dmt_advisor.qa.scenarios import REPO
from dmt_advisor.qa.select import catalogue_files, index, select
from tests.qa.conftest import FIXTURES

REPORT = FIXTURES / "report"


def test_select_by_path_line_name_rule_and_tag() -> None:
    entries = index(REPORT)
    assert len(entries) == 11  # the outline counts one per Examples row
    by_file = select(entries, [str(REPORT / "tags.feature")])
    assert [e.name for e in by_file] == ["A scenario tagged with a rule id and a tracker key",
                                         "A skipped scenario is in the reports too"]
    row = select(entries, [f"{REPORT / 'report.feature'}:33"])
    assert [(e.name, e.example) for e in row] == [
        ("Outline rows are told apart", {"age": "17", "verdict": "not_indicated"})]
    assert {e.name for e in select(entries, names=["OUTLINE rows"])} == {
        "Outline rows are told apart"}
    rule = select(entries, rules=["ocrelizumab.workup.hbv-screening"])
    assert {e.name for e in rule} == {"A misspelt Then step in the middle",
                                      "A scenario tagged with a rule id and a tracker key",
                                      "A skipped scenario is in the reports too",
                                      "A wrong column in the findings table"}
    assert len(select(entries, tags=["JIRA:MS-123"])) == 2


def test_dry_run_lists_unknown_steps_without_running() -> None:
    result = CliRunner().invoke(app, ["scenarios", "run", "--dry-run", "--features",
                                      str(REPORT)])
    assert result.exit_code == 1
    assert "report.feature:7: unknown step: Then the verdict iz workup_required" in result.output
    assert "Then the verdict [for <drug>] is <verdict>" in result.output
    assert "11 scenarios, 36 steps: 1 unknown" in result.output
    clean = CliRunner().invoke(app, ["scenarios", "run", "--dry-run", "--features",
                                     str(REPORT), "--tag", "qa_tags"])
    assert clean.exit_code == 0 and "every step is defined" in clean.output


def test_run_one_scenario_by_rule_id(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [
        "scenarios", "run", "--features", str(REPORT), "--reports", str(tmp_path),
        "--rule", "ocrelizumab.workup.hbv-screening", "--name", "tagged"])
    assert result.exit_code == 0, result.output
    assert "passed  report/tags.feature: A scenario tagged" in result.output
    assert "1 scenarios, 0 failed" in result.output
    assert (tmp_path / "last-run.html").is_file()


def test_documented_pytest_selections_work() -> None:
    """Every `pytest tests/steps` line of features/README.md: its -k / -m expression compiles
    (the old `-k "live vaccine"` did not) and its selection options choose scenarios."""
    from _pytest.mark.expression import Expression

    readme = (REPO / "features" / "README.md").read_text("utf-8")
    commands = re.findall(r"^\.venv/bin/python -m pytest (tests/steps [^#\n]*?)\s*(?:#|$)",
                          readme, flags=re.M)
    assert any("-k" in c for c in commands) and any("--rule-id" in c for c in commands)
    entries = index(REPO / "features")
    options = {"--feature-file": "targets", "--rule-id": "rules", "--scenario-name": "names"}
    for command in commands:
        args = [a.strip('"') for a in re.findall(r'"[^"]*"|\S+', command)]
        for flag, value in itertools.pairwise(args):
            if flag in ("-k", "-m"):
                Expression.compile(value)  # raises on "live vaccine"
            elif flag in options:
                chosen = select(entries, **{options[flag]: [value]})
                assert chosen, command


def test_step_catalogue_is_current_and_each_example_matches_its_pattern() -> None:
    files = catalogue_files()
    for name, text in files.items():
        assert (REPO / "features" / name).read_text("utf-8") == text, \
            f"features/{name} is stale: run dmt-advisor scenarios steps --write"
    for step in json.loads(files["steps.json"]):
        for example in step["examples"]:
            phrase = example.split(" ", 1)[1]
            assert re.match(step["regex"], phrase), (step["template"], example)
