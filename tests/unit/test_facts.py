"""Facts computed from profiles."""

from __future__ import annotations

from dmt_advisor.facts import ALWAYS_KNOWN, FACT_SPECS, build_facts, months_between
from dmt_advisor.profile import parse_profile
from tests.profile_factory import random_profiles


def test_always_known_facts_are_present_in_every_profile() -> None:
    """The compiler relies on this set: rules over it get no 'false' pattern."""
    minimal = parse_profile({"patient": {"age": 30}, "diagnosis": {"phenotype": "PPMS"}})
    assert ALWAYS_KNOWN <= set(FACT_SPECS)
    for profile in [minimal, *random_profiles(2000, seed=13)]:
        missing = ALWAYS_KNOWN - set(build_facts(profile).values)
        assert not missing, missing


def test_calendar_months_are_whole_months() -> None:
    import datetime as dt
    assert months_between(dt.date(2026, 1, 31), dt.date(2026, 2, 28)) == 0
    assert months_between(dt.date(2025, 11, 22), dt.date(2026, 11, 22)) == 12
    assert months_between(dt.date(2025, 11, 23), dt.date(2026, 11, 22)) == 11


def test_unknown_is_absent_not_false() -> None:
    facts = build_facts(parse_profile({"patient": {"age": 30},
                                       "diagnosis": {"phenotype": "RRMS"}}))
    assert "screening.hbsag" not in facts
    assert "infection.active" not in facts
    assert facts.get("treatment.ocrelizumab.dose_count") == 0
