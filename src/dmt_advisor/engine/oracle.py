"""The same conditions, evaluated in plain Python with Kleene logic.

Independent of the durable-rules translation on purpose: it reads the rule-file condition tree
directly, not the compiled JSON. The regression suite, `diff` and the benchmark compare the engine
against it; `explain` uses it to say which facts made a rule fire; and every assessment
cross-checks each firing against it (a disagreement is an `EngineError`, never a silent answer).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dmt_advisor.facts import Facts, FactValue
from dmt_advisor.rulebook.model import AllOf, AnyOf, Compare, Condition, Known, NotOf, Unknown

Truth = bool | None  # None = undecided


def kleene_all(values: list[Truth]) -> Truth:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def kleene_any(values: list[Truth]) -> Truth:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def _compare(c: Compare, facts: Facts) -> Truth:
    op, operand = c.op, c.operand
    if op in ("within_last", "not_within_last"):
        when = facts.get(c.field)
        if when is None:
            return None
        assert isinstance(when, dt.date)
        suffix, amount = operand.in_fact_units()
        age = facts.get(f"{c.field}.{suffix}_ago")
        assert isinstance(age, int)
        inside = age < amount
        return inside if op == "within_last" else not inside
    value: FactValue | None = facts.get(c.field)
    if value is None:
        return None
    # The loader has checked that operands have the fact's type, so == is exact here.
    if op == "equals":
        return value == operand
    if op == "one_of":
        return value in operand
    assert isinstance(value, int | float)
    return {"lt": value < operand, "lte": value <= operand, "gt": value > operand,
            "gte": value >= operand}[op]


def evaluate(cond: Condition, facts: Facts) -> Truth:
    """Kleene truth value of a condition over a profile's facts."""
    match cond:
        case AllOf(all=parts):
            return kleene_all([evaluate(p, facts) for p in parts])
        case AnyOf(any=parts):
            return kleene_any([evaluate(p, facts) for p in parts])
        case NotOf(not_=inner):
            value = evaluate(inner, facts)
            return None if value is None else not value
        case Known(known=name):
            return name in facts
        case Unknown(unknown=name):
            return name not in facts
        case Compare():
            return _compare(cond, facts)
    raise TypeError(cond)


@dataclass(frozen=True)
class OracleOutcome:
    rule_id: str
    outcome: str  # "true" | "undecided"


def oracle_outcomes(rules: list, facts: Facts) -> list[OracleOutcome]:
    """Which rules the engine should fire for these facts, and with which outcome."""
    out = []
    for rule in rules:
        if facts.get("jurisdiction") not in {j.value for j in rule.jurisdictions}:
            continue
        value = evaluate(rule.when, facts)
        if value is True:
            out.append(OracleOutcome(rule.id, "true"))
        elif value is None:
            out.append(OracleOutcome(rule.id, "undecided"))
    return out
