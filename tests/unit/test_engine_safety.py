"""The durable-rules adapter under the conditions that break the library when driven naively.

Each test targets one measured failure mode of durable-rules 2.0.28 (shared/engineering notes):
threads, swallowed action errors, the 1,024-live-session limit, sid hash collisions, and
rulesets that must be freed or run side by side.
"""

from __future__ import annotations

import dataclasses
import shutil
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import durable_rules_engine
import pytest

from dmt_advisor.advisor import Advisor
from dmt_advisor.engine import durable
from dmt_advisor.engine.compile import compile_rules
from dmt_advisor.engine.durable import DurableRuleset, Firing, fnv1a_32
from dmt_advisor.errors import EngineError
from dmt_advisor.facts import FACT_SPECS, build_facts
from dmt_advisor.profile import parse_profile
from dmt_advisor.rulebook.load import Rulebook, load_rulebook
from tests.profile_factory import random_profiles

RULES = Path(__file__).resolve().parents[2] / "rules"


def _fact(**profile: object) -> dict:
    data = {"format": 1, "assessed_on": "2026-11-22", "patient": {"age": 34},
            "diagnosis": {"phenotype": "RRMS"}, **profile}
    return build_facts(parse_profile(data)).engine_fact()


# Three drugs with switch-out rules between them are enough for the thread checks; all 19
# would make these tests ~20 times slower without testing anything more about threads.
THREE = ["ocrelizumab", "natalizumab", "fingolimod"]


def _three_drugs(rulebook: Rulebook) -> Rulebook:
    return dataclasses.replace(rulebook, rules=tuple(r for r in rulebook.rules
                                                     if r.drug in THREE))


def test_eight_threads_give_the_serial_results(advisor: Advisor) -> None:
    profiles = random_profiles(800, seed=11)
    serial = [advisor.assess(p, THREE).model_dump_json() for p in profiles]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda p: advisor.assess(p, THREE).model_dump_json(),
                                 profiles))
    assert parallel == serial


def test_threads_on_one_ruleset_see_no_cross_talk(ruleset: DurableRuleset) -> None:
    facts = [build_facts(p).engine_fact() for p in random_profiles(400, seed=3)]
    expected = [sorted(f.engine_rule.name for f in ruleset.evaluate(x)) for x in facts]
    results: list[list[list[str]]] = [[] for _ in range(8)]

    def worker(slot: int) -> None:
        for x in facts:
            results[slot].append(sorted(f.engine_rule.name for f in ruleset.evaluate(x)))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_an_action_error_reaches_the_caller_and_leaves_no_session(
        ruleset: DurableRuleset) -> None:
    class Boom(RuntimeError):
        pass

    def action(firing: Firing, fact: object) -> None:
        raise Boom(firing.engine_rule.rule_id)

    # more failing evaluations than the 1,024 live sessions a ruleset can hold
    for _ in range(1100):
        with pytest.raises(Boom):
            ruleset.evaluate(_fact(), action)
    assert not ruleset._live_hashes
    firings = ruleset.evaluate(_fact())
    assert any(f.engine_rule.rule_id == "ocrelizumab.eligibility.relapsing-adult"
               for f in firings)


def test_an_action_error_surfaces_through_the_advisor(rulebook: Rulebook) -> None:
    def action(firing: Firing, fact: object) -> None:
        if firing.engine_rule.rule_id.endswith("relapsing-adult"):
            raise ValueError("action failed")

    with Advisor(rulebook, action=action) as failing:
        with pytest.raises(ValueError, match="action failed"):
            failing.assess(parse_profile({"patient": {"age": 30},
                                          "diagnosis": {"phenotype": "RRMS"}}))


def test_sessions_are_always_deleted(ruleset: DurableRuleset) -> None:
    fact = _fact()
    for _ in range(3000):  # the C core refuses a 1,025th live session
        ruleset.evaluate(fact)
    assert not ruleset._live_hashes


def test_a_sid_whose_hash_is_live_is_refused(ruleset: DurableRuleset,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    fixed = uuid.UUID(int=42)
    monkeypatch.setattr(durable.uuid, "uuid4", lambda: fixed)
    upcoming = next(ruleset._sids)  # peek: the counter value the next sids will start after
    for n in range(upcoming + 1, upcoming + 40):
        ruleset._live_hashes.add(fnv1a_32(f"s{n}-{fixed.hex[:12]}"))
    with pytest.raises(EngineError, match="hash collisions"):
        ruleset.evaluate(_fact())


def test_fnv1a_matches_the_reference_vectors() -> None:
    assert fnv1a_32("") == 0x811C9DC5
    assert fnv1a_32("a") == 0xE40C292C
    assert fnv1a_32("foobar") == 0xBF9CF968


def test_fact_field_names_do_not_collide_in_the_engine_hash() -> None:
    keys = [spec.engine_key for spec in FACT_SPECS.values()] + ["sid", "id", "t"]
    hashes = [fnv1a_32(k) for k in keys]
    assert len(set(hashes)) == len(keys)


def test_a_closed_ruleset_refuses_work_and_is_freed(rulebook: Rulebook) -> None:
    ruleset = DurableRuleset(compile_rules("ocrelizumab", rulebook.rules_for("ocrelizumab")))
    handles = ruleset._handles
    assert handles
    ruleset.close()
    ruleset.close()  # idempotent
    with pytest.raises(EngineError, match="closed"):
        ruleset.evaluate(_fact())
    for handle in handles:
        with pytest.raises(durable_rules_engine.error):
            durable_rules_engine.get_state(handle, "any")


def test_facts_with_unsafe_values_never_reach_the_engine(ruleset: DurableRuleset) -> None:
    for bad in ({"patient__age": float("inf")}, {"a.b": 1}, {"sid": "x"},
                {"patient__age": [1]}, {f"k{i}": 1 for i in range(300)}):
        with pytest.raises(EngineError):
            ruleset.evaluate(bad)


def test_two_rulebooks_evaluate_side_by_side(tmp_path: Path) -> None:
    changed = tmp_path / "rules"
    shutil.copytree(RULES, changed)
    workup = changed / "ocrelizumab" / "workup.yaml"
    workup.write_text(workup.read_text().replace("within_last: 4 weeks", "within_last: 6 weeks"))
    profile = parse_profile({
        "assessed_on": "2026-11-22", "patient": {"age": 30, "sex": "male"},
        "diagnosis": {"phenotype": "RRMS"},
        "screening": {"hbsag": "negative", "anti_hbc": "negative",
                      "immunoglobulins": "normal", "liver_tests": "normal"},
        "infection": {"active": False},
        "vaccinations": [{"vaccine": "MMR", "kind": "live", "date": "2026-10-20"}],
    })
    with Advisor(load_rulebook(RULES)) as current, Advisor(load_rulebook(changed)) as edited:
        assert current.assess(profile, ["ocrelizumab"]).assessments[0].verdict == "eligible"
        assert edited.assess(profile, ["ocrelizumab"]).assessments[0].verdict == "deferred"
        assert current.rulebook.sha256 != edited.rulebook.sha256
        edited.close()
        assert current.assess(profile, ["ocrelizumab"]).assessments[0].verdict == "eligible"


def test_replacing_rulebooks_many_times_keeps_working(rulebook: Rulebook) -> None:
    profile = parse_profile({"patient": {"age": 30}, "diagnosis": {"phenotype": "PPMS"}})
    small = _three_drugs(rulebook)
    for _ in range(200):
        with Advisor(small) as fresh:
            assert fresh.assess(profile).assessments[0].findings
