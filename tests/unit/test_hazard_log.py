"""Issue 8, item 6: the hazard log stays true to the code and the rules."""

from __future__ import annotations

import re
from pathlib import Path

from dmt_advisor.rulebook.load import Rulebook
from dmt_advisor.rulebook.model import Category, Verdict
from tests.properties.invariants import INVARIANTS

LOG = Path(__file__).resolve().parents[2] / "docs" / "safety" / "hazard-log.md"


def test_every_invariant_and_contraindication_rule_is_in_the_hazard_log(
        rulebook: Rulebook) -> None:
    text = LOG.read_text(encoding="utf-8")
    missing = [inv.id for inv in INVARIANTS if not re.search(rf"\b{inv.id}\b", text)]
    missing += [r.id for r in rulebook.rules
                if (r.category is Category.contraindication or r.verdict == Verdict.contraindicated)
                and f"`{r.id}`" not in text]
    assert missing == [], f"not in docs/safety/hazard-log.md: {missing}"


def test_every_id_the_hazard_log_names_exists(rulebook: Rulebook) -> None:
    text = LOG.read_text(encoding="utf-8")
    rule_ids = {r.id for r in rulebook.rules}
    drugs = "|".join(re.escape(d) for d in sorted({r.drug for r in rulebook.rules}))
    named = set(re.findall(rf"`((?:{drugs})\.[a-z0-9.-]+)`", text))
    assert len(named) > 100  # the per-drug controls are read, not skipped by the pattern
    assert named - rule_ids == set()
    assert set(re.findall(r"\bINV-\d+\b", text)) <= {inv.id for inv in INVARIANTS}


def test_every_invariant_names_a_hazard_of_the_log() -> None:
    hazards = set(re.findall(r"^## (H-\d+):", LOG.read_text(encoding="utf-8"), re.MULTILINE))
    for inv in INVARIANTS:
        assert inv.hazard.split()[0] in hazards, inv.id
