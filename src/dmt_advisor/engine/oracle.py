"""The same conditions, evaluated in plain Python with Kleene logic.

Independent of the durable-rules translation on purpose: it reads the rule-file condition tree
directly, not the compiled JSON. The regression suite, `diff` and the benchmark compare the engine
against it; `explain` uses it to say which facts made a rule fire; and every assessment
cross-checks its complete set of firings against it (`PreparedOracle`, the same evaluation
prepared once per rulebook; a disagreement is an `EngineError`, never a silent answer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

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


# ---- the same evaluation, prepared once per rulebook (the advisor's run-time cross-check) ----

Compiled = Callable[[Mapping[str, Any]], Truth]


def _prepare(cond: Condition) -> Compiled:
    """`evaluate` turned into closures over the fact values: same Kleene logic, same reading of
    the rule-file tree, without re-dispatching on the condition types for every patient."""
    match cond:
        case AllOf(all=parts):
            alls = [_prepare(p) for p in parts]

            def all_of(v: Mapping[str, Any]) -> Truth:
                out: Truth = True
                for part in alls:
                    value = part(v)
                    if value is False:
                        return False
                    if value is None:
                        out = None
                return out
            return all_of
        case AnyOf(any=parts):
            anys = [_prepare(p) for p in parts]

            def any_of(v: Mapping[str, Any]) -> Truth:
                out: Truth = False
                for part in anys:
                    value = part(v)
                    if value is True:
                        return True
                    if value is None:
                        out = None
                return out
            return any_of
        case NotOf(not_=inner):
            negated = _prepare(inner)

            def not_of(v: Mapping[str, Any]) -> Truth:
                value = negated(v)
                return None if value is None else not value
            return not_of
        case Known(known=name):
            return lambda v: name in v
        case Unknown(unknown=name):
            return lambda v: name not in v
        case Compare():
            return _prepare_compare(cond)
    raise TypeError(cond)


def _prepare_compare(c: Compare) -> Compiled:
    op, operand, name = c.op, c.operand, c.field
    if op in ("within_last", "not_within_last"):
        suffix, amount = operand.in_fact_units()
        age_name, inside_wanted = f"{name}.{suffix}_ago", op == "within_last"

        def window(v: Mapping[str, Any]) -> Truth:
            if v.get(name) is None:
                return None
            age = v.get(age_name)
            assert isinstance(age, int)
            return (age < amount) is inside_wanted
        return window
    test: Callable[[Any], bool] = {
        "equals": lambda x: x == operand, "one_of": lambda x: x in operand,
        "lt": lambda x: x < operand, "lte": lambda x: x <= operand,
        "gt": lambda x: x > operand, "gte": lambda x: x >= operand}[op]

    def compare(v: Mapping[str, Any]) -> Truth:
        value = v.get(name)
        return None if value is None else test(value)
    return compare


class PreparedOracle:
    """`oracle_outcomes` for one fixed list of rules, prepared once (see `_prepare`)."""

    def __init__(self, rules: list) -> None:
        self._rules = [(rule.id, {j.value for j in rule.jurisdictions}, _prepare(rule.when))
                       for rule in rules]

    def outcomes(self, facts: Facts) -> set[tuple[str, str]]:
        """The (rule id, outcome) pairs the engine must fire for these facts."""
        values = facts.values
        jurisdiction = values.get("jurisdiction")
        out = set()
        for rule_id, jurisdictions, condition in self._rules:
            if jurisdiction in jurisdictions:
                value = condition(values)
                if value is not False:
                    out.add((rule_id, "true" if value else "undecided"))
        return out
