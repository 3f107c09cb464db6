"""tests/qa: the QA tooling (step vocabulary, coverage, diff, lint, reports) on real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dmt_advisor.qa.recorder import register_tags
from dmt_advisor.rulebook.load import default_rules_dir

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """Register the tags of the fixture features (the run uses --strict-markers)."""
    register_tags(config, FIXTURES)


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of the repository's rules folder, safe to edit."""
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target
