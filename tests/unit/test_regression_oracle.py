"""The safety net: durable-rules must agree with the plain-Python oracle on every profile.

durable-rules 2.0.28 has known silent-wrong-answer bugs (shared/engineering notes §1). The
advisor cross-checks each firing at run time, but only the oracle can notice a rule the engine
*failed* to fire; this suite compares the complete sets, over thousands of generated profiles
and the example patients.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dmt_advisor.advisor import Advisor
from dmt_advisor.engine.compile import compile_rules
from dmt_advisor.engine.durable import DurableRuleset
from dmt_advisor.engine.oracle import oracle_outcomes
from dmt_advisor.facts import build_facts
from dmt_advisor.profile import Profile, load_profile, parse_profile
from dmt_advisor.rulebook.load import Rulebook
from tests.profile_factory import random_profiles

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


def _engine_outcomes(ruleset: DurableRuleset, profile: Profile) -> set[tuple[str, str]]:
    firings = ruleset.evaluate(build_facts(profile).engine_fact())
    return {(f.engine_rule.rule_id, f.engine_rule.outcome) for f in firings}


def _oracle(rulebook: Rulebook, drug: str, profile: Profile) -> set[tuple[str, str]]:
    outcomes = oracle_outcomes(list(rulebook.rules_for(drug)), build_facts(profile))
    return {(o.rule_id, o.outcome) for o in outcomes}


@pytest.fixture(scope="module")
def rulesets(rulebook: Rulebook):
    built = {drug: DurableRuleset(compile_rules(drug, rulebook.rules_for(drug)))
             for drug in rulebook.drugs}
    yield built
    for ruleset in built.values():
        ruleset.close()


def test_engine_matches_oracle_on_generated_profiles(rulebook: Rulebook, rulesets) -> None:
    profiles = random_profiles(1500)
    mismatches = []
    fired_any = set()
    for index, profile in enumerate(profiles):
        for drug, ruleset in rulesets.items():
            engine = _engine_outcomes(ruleset, profile)
            oracle = _oracle(rulebook, drug, profile)
            fired_any |= engine
            if engine != oracle:
                mismatches.append((index, sorted(engine ^ oracle)))
    assert not mismatches, f"{len(mismatches)} profiles disagree, e.g. {mismatches[:3]}"
    # the generator must reach both outcomes of most rules, or this test proves little
    rule_ids = {r.id for r in rulebook.rules}
    fired_true = {rid for rid, outcome in fired_any if outcome == "true"}
    assert len(fired_true) >= 0.8 * len(rule_ids), sorted(rule_ids - fired_true)
    assert any(outcome == "undecided" for _, outcome in fired_any)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_engine_matches_oracle_on_examples(rulebook: Rulebook, rulesets, example: Path) -> None:
    profile = load_profile(example)
    for drug, ruleset in rulesets.items():
        assert _engine_outcomes(ruleset, profile) == _oracle(rulebook, drug, profile)


def test_every_firing_is_cross_checked_by_the_advisor(advisor: Advisor) -> None:
    """The advisor's own run-time check passes on generated profiles (it raises on mismatch)."""
    for profile in random_profiles(300, seed=7):
        assessment = advisor.assess(profile)
        for item in assessment.assessments:
            assert {t.rule_id for t in item.trace} >= {f.rule_id for f in item.findings}


def test_cached_findings_equal_fresh_explanations(rulebook: Rulebook, advisor: Advisor) -> None:
    """The shared advisor's finding cache never changes an answer."""
    profiles = random_profiles(120, seed=5)
    warm = [advisor.assess(p) for p in profiles * 2][len(profiles):]
    with Advisor(rulebook) as fresh:  # one compile; its finding cache emptied before each
        for profile, cached in zip(profiles, warm, strict=True):
            fresh._findings.clear()
            assert fresh.assess(profile) == cached


def test_explanations_show_the_patients_own_dates(advisor: Advisor) -> None:
    """Same interval, different assessment dates: each finding shows its own vaccine date."""
    def vaccinated(on: str, given: str):
        return advisor.assess(parse_profile({
            "assessed_on": on, "patient": {"age": 30}, "diagnosis": {"phenotype": "RRMS"},
            "vaccinations": [{"vaccine": "MMR", "kind": "live", "date": given}]}))

    first = vaccinated("2026-11-22", "2026-11-01").for_drug("ocrelizumab")
    second = vaccinated("2026-12-22", "2026-12-01").for_drug("ocrelizumab")
    rule = "ocrelizumab.workup.live-vaccine-too-recent"
    because_1 = next(f for f in first.findings if f.rule_id == rule).because
    because_2 = next(f for f in second.findings if f.rule_id == rule).because
    assert any("2026-11-01" in line for line in because_1)
    assert any("2026-12-01" in line for line in because_2)

