"""Fixture features run with the real vocabulary and engine: an outline using every step, and a
scenario written from features/README.md alone. A typo fails naming the nearest known steps."""

from __future__ import annotations

from pathlib import Path

from pytest_bdd import scenarios

from dmt_advisor.qa.scenarios import run_scenarios
from tests.qa.conftest import FIXTURES

scenarios(str(FIXTURES / "new_scenario.feature"), str(FIXTURES / "outlines.feature"))


def test_an_undefined_step_fails_with_the_nearest_known_steps(tmp_path: Path) -> None:
    run = run_scenarios(tmp_path, features_dir=FIXTURES / "typo", cucumber=False)
    assert run.exit_code != 0
    [record] = run.scenarios
    assert record["outcome"] == "failed"
    error = record["error"]
    assert "Unknown step: And screening.hbsag iz positive" in error
    assert "typo.feature" in error
    assert "Nearest known steps" in error
    nearest = error.split("Nearest known steps", 1)[1][:400]
    assert "Given <field path> is <value>   (e.g. Given screening.hbsag is positive)" in nearest
