"""tests/qa: the QA tooling (step vocabulary, coverage, diff, lint, reports) on real files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dmt_advisor.rulebook.load import default_rules_dir

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """Register the one tag of each fixture feature (the run uses --strict-markers)."""
    for feature in FIXTURES.rglob("*.feature"):
        for tag in re.findall(r"(?<![\w@])@([A-Za-z0-9_-]+)", feature.read_text("utf-8")):
            config.addinivalue_line("markers", f"{tag}: Gherkin tag of a tests/qa fixture")


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of the repository's rules folder, safe to edit."""
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target
