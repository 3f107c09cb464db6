"""Shared fixtures. The Gherkin step vocabulary is a plugin so every test folder can use it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dmt_advisor.advisor import Advisor
from dmt_advisor.rulebook.load import Rulebook, load_rulebook

pytest_plugins = ["tests.steps.vocabulary"]

FEATURES = Path(__file__).resolve().parents[1] / "features"


def pytest_configure(config: pytest.Config) -> None:
    """Register every Gherkin tag used under features/ (QA adds tags without touching Python;
    --strict-markers still catches a mistyped marker in a Python test)."""
    tags = set()
    for feature in FEATURES.rglob("*.feature"):
        tags.update(re.findall(r"(?<![\w@])@([A-Za-z0-9_-]+)", feature.read_text("utf-8")))
    for tag in sorted(tags):
        config.addinivalue_line("markers", f"{tag}: Gherkin tag used in features/")


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    """The repository's real rulebook, loaded once."""
    return load_rulebook()


@pytest.fixture(scope="session")
def advisor(rulebook: Rulebook):
    """The real engine over the real rulebook, shared by the tests of a run."""
    with Advisor(rulebook) as shared:
        yield shared
