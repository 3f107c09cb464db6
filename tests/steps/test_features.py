"""Binds every feature file under the features folder to the step vocabulary.

File by file, so a feature that cannot be parsed fails as one test naming its file and line,
and every other feature still runs (one `scenarios(".")` call would abort the whole collection).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd import scenarios
from pytest_bdd.exceptions import GherkinParseError, NoScenariosFound
from pytest_bdd.scenario import get_features_base_dir


def _features_dir() -> Path:
    """The folder pytest-bdd reads (`bdd_features_base_dir`; `-o` may point it elsewhere)."""
    return Path(get_features_base_dir(__file__)).resolve()


def _parse_error(rel: str, exc: Exception) -> str:
    if isinstance(exc, GherkinParseError):
        return f"{rel}, line {exc.line}: {exc.message} ({exc.line_content.strip()!r})"
    return (f"{rel}: no scenario found (is every `Scenario:` / `Scenario Outline:` keyword "
            "spelt right, followed by a colon?)")


def _fail_as_test(rel: str, message: str) -> None:
    """A test of its own that fails with the parse error, so the rest of the run goes on."""
    def test_feature_file_parses() -> None:
        pytest.fail(f"cannot parse feature file {message}", pytrace=False)

    name = "test_parse_error_" + "".join(c if c.isalnum() else "_" for c in rel)
    test_feature_file_parses.__name__ = name
    globals()[name] = test_feature_file_parses


_BASE = _features_dir()
for _feature in sorted(_BASE.rglob("*.feature")):
    _rel = str(_feature.relative_to(_BASE))
    try:
        scenarios(_rel)  # at module level: pytest-bdd binds into the caller's module
    except (GherkinParseError, NoScenariosFound) as _exc:
        _fail_as_test(_rel, _parse_error(_rel, _exc))
