"""The compiler emits only the durable-rules subset shown to be correct."""

from __future__ import annotations

import math

import pytest

from dmt_advisor.engine.compile import (
    ALLOWED_OPERATORS,
    FACT_TYPE_TAG,
    SENTINEL_RULE,
    SHARD_TERM_BUDGET,
    check_emitted,
    compile_rules,
)
from dmt_advisor.errors import RulebookError
from dmt_advisor.rulebook.load import Rulebook
from dmt_advisor.rulebook.model import Rule


def _operators(node: object) -> set[str]:
    if isinstance(node, dict):
        return {k for k in node if k.startswith("$")} | {
            op for v in node.values() for op in _operators(v)}
    if isinstance(node, list):
        return {op for item in node for op in _operators(item)}
    return set()


def test_the_real_rulebook_compiles_into_the_safe_subset(rulebook: Rulebook) -> None:
    for drug in rulebook.drugs:
        compiled = compile_rules(drug, rulebook.rules_for(drug))
        for shard in compiled.shards:
            assert _operators(shard) <= ALLOWED_OPERATORS
            assert SENTINEL_RULE in shard
            for name, rule in shard.items():
                assert len(rule["all"]) == 1, f"{name}: one pattern per rule, no joins"
                if name != SENTINEL_RULE:
                    assert {"t": FACT_TYPE_TAG} in rule["all"][0]["m"]["$and"]
                    assert 0 <= rule["pri"] <= 65535


def test_every_shard_fits_the_engine_stack(rulebook: Rulebook) -> None:
    """At most SHARD_TERM_BUDGET DNF conjunctions per shard (the C stack holds 64)."""
    for drug in rulebook.drugs:
        compiled = compile_rules(drug, rulebook.rules_for(drug))
        for shard in compiled.shards:
            terms = sum(_conjunctions(rule["all"][0]["m"]) for rule in shard.values())
            assert terms <= SHARD_TERM_BUDGET + 1


def _conjunctions(node: dict) -> int:
    if "$and" in node:
        return math.prod(_conjunctions(p) for p in node["$and"])
    if "$or" in node:
        return sum(_conjunctions(p) for p in node["$or"])
    return 1


def test_a_rule_too_complex_for_the_engine_is_refused_by_name() -> None:
    parts = [{"any": [{"field": "patient.age", "gt": n}, {"field": "activity.edss", "gt": n}]}
             for n in range(7)]
    rule = Rule.model_validate({
        "id": "ocrelizumab.workup.huge", "drug": "ocrelizumab", "category": "workup",
        "verdict": "info", "jurisdictions": ["US"], "if_unknown": "report_missing",
        "when": {"all": parts}, "summary": "s", "patient_summary": "p",
        "cites": [{"source": "ocrevus-uspi-2024-01", "section": "1"}]})
    with pytest.raises(RulebookError, match=r"ocrelizumab\.workup\.huge.*alternatives"):
        compile_rules("ocrelizumab", [rule])


@pytest.mark.parametrize(("pattern", "message"), [
    ({"$and": [{"t": "patient"}, {"$in": {"x": "a"}}]}, "unsupported operator $in"),
    ({"$and": [{"t": "patient"}, {"x": ["a", "b"]}]}, "non-scalar operand"),
    ({"$and": [{"t": "patient"}, {"$lt": {"age": {"patient": "lo"}}}]}, "non-scalar operand"),
    ({"$nex": {"x": 1}}, "type discriminator"),
    ({"$and": [{"t": "patient"}, {"sid": "s1"}]}, "forbidden field name"),
    ({"$and": [{"t": "patient"}, {"a.b": 1}]}, "forbidden field name"),
])
def test_unsafe_patterns_are_refused(pattern: dict, message: str) -> None:
    with pytest.raises(RulebookError, match=message.replace("$", r"\$")):
        check_emitted({"all": [{"m": pattern}]}, "x.y.z")


def test_a_rule_that_cannot_be_undecided_gets_no_false_pattern() -> None:
    """known/unknown tests are two-valued: not true means false, no false pattern needed."""
    rule = Rule.model_validate({
        "id": "ocrelizumab.workup.never", "drug": "ocrelizumab", "category": "workup",
        "verdict": "info", "jurisdictions": ["US"], "if_unknown": "report_missing",
        "when": {"all": [{"known": "patient.age"}, {"not": {"known": "patient.age"}}]},
        "summary": "s", "patient_summary": "p",
        "cites": [{"source": "ocrevus-uspi-2024-01", "section": "1"}]})
    compiled = compile_rules("ocrelizumab", [rule])
    assert [r.outcome for r in compiled.engine_rules.values()] == ["true"]
    assert not compiled.undecided_when_silent
