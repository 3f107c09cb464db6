"""`dmt-advisor coverage` runs every scenario and reports, per rule, the scenarios that check it
(and where it fires or is undecided); it fails on a rule no scenario checks. Reports land under
the reports folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import Result
from typer.testing import CliRunner

from dmt_advisor.cli import app
from dmt_advisor.qa.coverage import compute_coverage
from dmt_advisor.rulebook.load import load_rulebook

FEATURES = Path(__file__).resolve().parents[2] / "features"

EXTRA_RULE = {
    "id": "ocrelizumab.monitoring.qa-never-exercised",
    "drug": "ocrelizumab", "category": "monitoring", "verdict": "info",
    "jurisdictions": ["US"],
    "when": {"field": "activity.gad_enhancing_lesions", "gte": 40},
    "if_unknown": "report_missing",
    "summary": "Test rule that no scenario exercises.",
    "patient_summary": "Test rule.",
    "cites": [{"source": "ocrevus-uspi-2024-01", "section": "1"}],
}


# fires for every adult patient, so it fires in nearly every scenario; no Then step names it
FIRES_UNCHECKED = {**EXTRA_RULE, "id": "ocrelizumab.monitoring.qa-fires-by-accident",
                   "when": {"field": "patient.age", "gte": 18},
                   "summary": "Test rule that fires everywhere and that no scenario checks."}


@pytest.fixture(scope="module")
def repo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    """One `dmt-advisor coverage` run over the repository's features and rules."""
    reports = tmp_path_factory.mktemp("reports")
    return CliRunner().invoke(app, ["coverage", "--reports", str(reports)]), reports


def test_every_rule_of_the_repository_is_checked_by_a_scenario(
        repo_run: tuple[Result, Path]) -> None:
    result, reports = repo_run
    assert result.exit_code == 0, result.output
    assert "(100.0%)" in result.output
    book = load_rulebook()
    for rule in book.rules:
        assert rule.id in result.output
    data = json.loads((reports / "coverage.json").read_text())
    assert data["uncovered"] == [] and data["failed_scenarios"] == []
    assert all(r["checked"] for r in data["per_rule"])


def test_coverage_lists_firing_and_undecided_scenarios_per_rule(
        repo_run: tuple[Result, Path]) -> None:
    _, reports = repo_run
    data = json.loads((reports / "coverage.json").read_text())
    per_rule = {r["rule_id"]: r for r in data["per_rule"]}
    assert set(per_rule) == {r.id for r in load_rulebook().rules}
    assert any("live vaccine" in s for s in
               per_rule["ocrelizumab.workup.live-vaccine-too-recent"]["fires"])
    assert any("unrecorded infection" in s for s in
               per_rule["ocrelizumab.administration.active-infection"]["undecided"])


def test_a_rule_no_scenario_checks_fails_coverage(rules_copy: Path, tmp_path: Path) -> None:
    (rules_copy / "ocrelizumab" / "qa-extra.yaml").write_text(
        yaml.safe_dump({"rules": [EXTRA_RULE, FIRES_UNCHECKED]}, sort_keys=False))
    reports = tmp_path / "reports"
    features = tmp_path / "features"  # one feature file keeps the run short
    features.mkdir()
    shutil.copy(FEATURES / "ocrelizumab" / "workup.feature", features)
    result = CliRunner().invoke(app, ["coverage", "--rules", str(rules_copy), "--features",
                                      str(features), "--reports", str(reports)])
    assert result.exit_code == 1, result.output
    assert "no scenario checks: ocrelizumab.monitoring.qa-never-exercised" in result.output
    # firing by accident in every scenario is not coverage
    assert "no scenario checks: ocrelizumab.monitoring.qa-fires-by-accident" in result.output
    report = (reports / "last-run.md").read_text()
    assert "Rules no scenario checks" in report
    assert "ocrelizumab.monitoring.qa-never-exercised" in report
    # undecided (the fact unrecorded in every scenario) is reported, but is not coverage
    data = json.loads((reports / "coverage.json").read_text())
    extra = next(r for r in data["per_rule"] if r["rule_id"] == EXTRA_RULE["id"])
    assert extra["status"] == "undecided only" and extra["fires"] == []
    assert extra["undecided"] and EXTRA_RULE["id"] in data["uncovered"]
    accident = next(r for r in data["per_rule"] if r["rule_id"] == FIRES_UNCHECKED["id"])
    assert len(accident["fires"]) >= 10 and accident["checked"] == []
    assert accident["status"] == "fires, never checked"
    assert FIRES_UNCHECKED["id"] in data["uncovered"]


def test_cucumber_json_and_readable_report(repo_run: tuple[Result, Path]) -> None:
    _, reports = repo_run
    cucumber = json.loads((reports / "cucumber.json").read_text())
    uris = {f["uri"] for f in cucumber}
    assert any(u.endswith("workup.feature") for u in uris), uris
    steps = [s for f in cucumber for e in f["elements"] for s in e["steps"]]
    assert steps and all(s["result"]["status"] in ("passed", "failed", "skipped") for s in steps)
    report = (reports / "last-run.md").read_text()
    assert report.startswith("# Scenario run")
    assert "## Rule coverage" in report and "| feature | scenarios | passed |" in report
    scenarios = json.loads((reports / "scenarios.json").read_text())["scenarios"]
    # short enough for a review: about a line per feature file and rule file, whatever the
    # number of drugs (scenario details are in the HTML and JSON reports)
    assert "failed: 0," in report and len(report) < 150 * (len(scenarios) + 100)
    assert len(scenarios) == sum(len(f["elements"]) for f in cucumber)


def test_compute_coverage_separates_firing_from_undecided() -> None:
    book = load_rulebook()
    rid = book.rules[0].id
    records = [{"feature": "f.feature", "scenario": "a", "outcome": "passed", "assessments": [
        {"drugs": [{"drug": "ocrelizumab", "trace": [
            {"order": 0, "rule_id": rid, "outcome": "undecided"},
            {"order": 1, "rule_id": "x.y.not-in-book", "outcome": "true"}]}]}]}]
    cov = compute_coverage(book, records)
    first = next(r for r in cov.rules if r.rule_id == rid)
    assert first.fires == [] and first.undecided == ["f.feature: a"] and first.checked == []
    assert first.status == "undecided only"
    assert cov.unknown_rule_ids == ["x.y.not-in-book"]
    assert not cov.ok and len(cov.uncovered) == len(book.rules)


def test_a_rule_is_covered_when_a_passing_scenario_checks_it() -> None:
    book = load_rulebook()
    rid = book.rules[0].id
    fired = {"drugs": [{"drug": "ocrelizumab", "trace": [
        {"order": 0, "rule_id": rid, "outcome": "true"}]}]}
    records = [
        {"feature": "f.feature", "scenario": "fires only", "outcome": "passed",
         "assessments": [fired], "checked_rules": []},
        {"feature": "f.feature", "scenario": "checks but fails", "outcome": "failed",
         "assessments": [fired], "checked_rules": [rid]},
    ]
    first = next(r for r in compute_coverage(book, records).rules if r.rule_id == rid)
    assert first.fires and first.checked == [] and first.status == "fires, never checked"
    records[0]["checked_rules"] = [rid]
    first = next(r for r in compute_coverage(book, records).rules if r.rule_id == rid)
    assert first.checked == ["f.feature: fires only"] and first.status == "checked"
