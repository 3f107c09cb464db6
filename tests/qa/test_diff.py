"""`dmt-advisor diff`: the effect of a real rule edit (the live-vaccine interval, 4 -> 6 weeks)
on the corpus of scenario profiles, examples and the generated grid."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from dmt_advisor.cli import app
from dmt_advisor.qa.diff import build_corpus, diff_rulebooks, render
from dmt_advisor.qa.grid import Ago, pairwise, parameters
from dmt_advisor.rulebook.load import load_rulebook

RULE = "ocrelizumab.workup.live-vaccine-too-recent"


def _set_interval(rules: Path, weeks: int) -> None:
    path = rules / "ocrelizumab" / "workup.yaml"
    data = yaml.safe_load(path.read_text())
    rule = next(r for r in data["rules"] if r["id"] == RULE)
    found = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("field") == "vaccinations.last_live_date" and "within_last" in node:
                found.append(node["within_last"])
                node["within_last"] = f"{weeks} weeks"
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(rule["when"])
    assert found == ["4 weeks"], f"the rule's interval is {found}, not 4 weeks"
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def _live_vaccine_days(profile: dict[str, Any]) -> int | None:
    on = dt.date.fromisoformat(str(profile["assessed_on"]))
    dates = [dt.date.fromisoformat(str(v["date"])) for v in profile.get("vaccinations", [])
             if v["kind"] == "live"]
    return (on - max(dates)).days if dates else None


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str, dict[str, Any]]]:
    # the edited rule is ocrelizumab's: its scenarios (not all 19 drugs') make the corpus
    return build_corpus(features_dir=Path(__file__).resolve().parents[2] / "features"
                        / "ocrelizumab")


@pytest.fixture
def six_weeks(tmp_path: Path, rules_copy: Path) -> tuple[Path, Path]:
    base = rules_copy
    head = tmp_path / "head-rules"
    import shutil

    shutil.copytree(base, head)
    _set_interval(head, 6)
    return base, head


def test_six_week_live_vaccine_interval_defers_patients_vaccinated_4_to_6_weeks_ago(
        six_weeks: tuple[Path, Path], corpus: list) -> None:
    base, head = six_weeks
    report = diff_rulebooks(base, head, corpus)
    assert report.rules_changed == {RULE: ["when"]}
    assert report.corpus["scenario"] > 10 and report.corpus["example"] >= 5
    assert report.corpus["grid"] > 100
    assert report.changes
    for change in report.changes:
        assert change.responsible == [RULE], change.as_dict()
        days = _live_vaccine_days(change.profile)
        assert days is not None and days < 42, (change.label, days)
        if days < 28:  # deferred before and after: only the earliest start date moves
            assert not change.verdict_changed and change.base.findings == change.head.findings
            assert change.schedule_changes(), change.as_dict()
            continue
        assert RULE not in change.base.findings
        assert change.head.findings[RULE] == ("deferred", "applies")
    newly_deferred = [c for c in report.changes if c.transition == "eligible -> deferred"]
    four_to_five = [c for c in newly_deferred if 28 <= _live_vaccine_days(c.profile) <= 35]
    assert four_to_five, "no eligible patient with a live vaccine 4-5 weeks ago was deferred"
    assert any(c.source == "scenario" and "28 days" in c.label for c in newly_deferred)
    assert any(c.label.startswith("examples/") for c in newly_deferred)
    assert any(c.source == "grid" for c in newly_deferred)
    # no patient vaccinated at least 6 weeks ago changes; 27 days ago only the release date moves
    assert not [c for c in report.changes if _live_vaccine_days(c.profile) == 42]
    assert all(not c.verdict_changed for c in report.changes if _live_vaccine_days(c.profile) == 27)

    as_json = json.loads(render(report, "json"))
    assert as_json["by_rule"][RULE]["eligible -> deferred"] == len(newly_deferred)
    assert as_json["changes"][0]["rules_responsible"] == [RULE]
    markdown = render(report, "markdown")
    assert f"| eligible → deferred | {len(newly_deferred)} |" in markdown
    # the rule's condition before and after, down to the part that changed
    assert f"- changed: `{RULE}`" in markdown
    assert "  - `when.all[2].within_last.amount`: `4` → `6`" in markdown
    # every scenario change is listed, before any example or grid row
    scenario_rows = [c for c in report.changes if c.source == "scenario"]
    assert f"## Scenario changes: {len(scenario_rows)}" in markdown
    assert all(c.label.replace("|", "\\|") in markdown for c in scenario_rows)
    assert "bump it in rules/rulebook.yaml" in markdown
    assert f"{RULE}: eligible -> deferred x{len(newly_deferred)}" in render(report, "text")


def test_diff_command_with_folders_and_formats(six_weeks: tuple[Path, Path]) -> None:
    base, head = six_weeks
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(base), str(head), "--format", "json",
                                 "--no-scenarios"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["corpus"].get("scenario") is None and data["changed_profiles"] > 0
    assert set(data["by_rule"]) == {RULE}
    result = runner.invoke(app, ["diff", str(base), str(base), "--no-scenarios"])
    assert result.exit_code == 0 and "0 profile assessments change" in result.output


def test_diff_against_a_git_revision_and_a_bad_revision() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["diff", "HEAD", "--no-scenarios", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["base"]["label"].startswith("HEAD (") and data["head"]["label"] == "working tree"
    result = runner.invoke(app, ["diff", "no-such-revision-xyz", "--no-scenarios"])
    assert result.exit_code == 2
    assert "neither a rules folder nor a git revision" in result.output


def test_grid_takes_both_sides_of_every_threshold_of_both_rulebooks(
        six_weeks: tuple[Path, Path]) -> None:
    base, head = six_weeks
    params = parameters([load_rulebook(base).rules, load_rulebook(head).rules])
    live = params["vaccinations.last_live_date"]
    for days in (27, 28, 41, 42):
        assert Ago(days, "days") in live
    assert None in live  # unknown is a value of its own
    assert set(params["jurisdiction"]) == {"US", "EU"}
    assert {"positive", "negative", None} <= set(params["screening.hbsag"])


def test_pairwise_covers_every_pair() -> None:
    sizes = [3, 2, 4, 3, 2, 3]
    rows = pairwise(sizes)
    import itertools

    for i, j in itertools.combinations(range(len(sizes)), 2):
        seen = {(r[i], r[j]) for r in rows}
        assert len(seen) == sizes[i] * sizes[j]
    assert len(rows) < 3 * 4 * 3  # far fewer than the full product (432)


def _set_minimum_interval(rules: Path, value: int, unit: str) -> None:
    path = rules / "ocrelizumab" / "schedule.yaml"
    data = yaml.safe_load(path.read_text())
    [param] = [p for p in data["parameters"]
               if p["id"] == "ocrelizumab.schedule.iv-minimum-dose-interval"]
    assert (param["value"], param["unit"]) == (5, "month"), param
    param.update(value=value, unit=unit)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_a_parameter_change_is_a_rule_change_and_moves_the_schedule(
        tmp_path: Path, rules_copy: Path) -> None:
    """The minimum IV dose interval from 5 months to 20 weeks (the audit's blocker)."""
    import shutil

    head = tmp_path / "head-rules"
    shutil.copytree(rules_copy, head)
    _set_minimum_interval(head, 20, "week")
    result = CliRunner().invoke(app, ["diff", str(rules_copy), str(head), "--no-scenarios",
                                      "--format", "markdown", "--details",
                                      str(tmp_path / "diff.json")])
    assert result.exit_code == 0, result.output
    markdown = result.output
    assert "**0 profile assessments change**" not in markdown
    assert ("- parameter `ocrelizumab.schedule.iv-minimum-dose-interval`: "
            "**5 months → 20 weeks**") in markdown
    assert "bump it in rules/rulebook.yaml" in markdown
    assert "| `ocrelizumab.schedule.iv-maintenance` |" in markdown  # schedule-only changes
    data = json.loads((tmp_path / "diff.json").read_text())
    example = next(c for c in data["changes"]
                   if c["label"] == "examples/rrms-on-ocrelizumab-iv.yaml")
    [change] = example["schedule_changes"].values()
    assert change == "earliest 2026-12-14 -> 2026-12-01"
    assert example["base_verdict"] == example["head_verdict"]
    assert "ocrelizumab.schedule.iv-maintenance" in example["rules_responsible"]
