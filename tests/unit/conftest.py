"""Fixtures shared by the unit tests of the engine adapter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dmt_advisor.engine.compile import compile_rules
from dmt_advisor.engine.durable import DurableRuleset
from dmt_advisor.rulebook.load import Rulebook


@pytest.fixture
def ruleset(rulebook: Rulebook) -> Iterator[DurableRuleset]:
    """A fresh durable-rules ruleset of the ocrelizumab rules, closed after the test."""
    built = DurableRuleset(compile_rules("ocrelizumab", rulebook.rules_for("ocrelizumab")))
    yield built
    built.close()
