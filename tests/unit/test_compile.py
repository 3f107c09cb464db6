"""The compiler emits only the durable-rules subset shown to be correct."""

from __future__ import annotations

import pytest

from dmt_advisor.engine.compile import (
    ALLOWED_OPERATORS,
    FACT_TYPE_TAG,
    SENTINEL_RULE,
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
        assert _operators(compiled.definition) <= ALLOWED_OPERATORS
        assert SENTINEL_RULE in compiled.definition
        for name, rule in compiled.definition.items():
            assert len(rule["all"]) == 1, f"{name}: one pattern per rule, no joins"
            if name != SENTINEL_RULE:
                assert {"t": FACT_TYPE_TAG} in rule["all"][0]["m"]["$and"]
                assert 0 <= rule["pri"] <= 65535


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


def test_known_and_unknown_tests_are_never_undecided() -> None:
    """`known`/`unknown` are two-valued: no undecided engine rule is compiled for them."""
    rule = Rule.model_validate({
        "id": "ocrelizumab.workup.never", "drug": "ocrelizumab", "category": "workup",
        "verdict": "info", "jurisdictions": ["US"], "if_unknown": "report_missing",
        "when": {"all": [{"known": "patient.age"}, {"not": {"known": "patient.age"}}]},
        "summary": "s", "patient_summary": "p",
        "cites": [{"source": "ocrevus-uspi-2024-01", "section": "1"}]})
    compiled = compile_rules("ocrelizumab", [rule])
    assert any(r.outcome == "true" for r in compiled.engine_rules.values())
    assert not any(r.outcome == "undecided" for r in compiled.engine_rules.values())
