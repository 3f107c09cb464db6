"""Why a rule fired: the patient's own facts that decided it, in words, and its citations.

The engine decides *whether* a rule fires; this module explains a firing. Each rule's condition
is turned once into a `Plan` (plain slotted nodes with their fact names and words precomputed),
then for each firing the plan is evaluated in Kleene logic and walked to keep the predicates that
carry the outcome: for a true `all`, every part; for a true `any`, the true parts; under `not`,
what made the inner condition false; for an undecided rule, the unknown facts and the known parts
that left it open. The plan's value is also the runtime cross-check of the engine's answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from dmt_advisor.assessment import CitationOut
from dmt_advisor.engine.oracle import Truth, kleene_all, kleene_any
from dmt_advisor.facts import FACT_SPECS, Facts, FactValue
from dmt_advisor.rulebook.model import (
    AllOf,
    AnyOf,
    Citation,
    Compare,
    Condition,
    Known,
    NotOf,
    Rule,
    Source,
    Unknown,
)

_OP_WORDS = {"lt": "below", "lte": "at most", "gt": "above", "gte": "at least"}


def _fmt(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _expected(c: Compare) -> str:
    op, operand = c.op, c.operand
    if op == "equals":
        return f"is {_fmt(operand)}"
    if op == "one_of":
        return "one of " + ", ".join(_fmt(v) for v in operand)
    if op == "within_last":
        return f"within the last {operand}"
    if op == "not_within_last":
        return f"more than {operand} ago"
    return f"{_OP_WORDS[op]} {_fmt(operand)}"


Values = Mapping[str, FactValue]


def _leaf_test(c: Compare | Known | Unknown) -> tuple[str, str, Callable[[Values], Truth]]:
    """(fact that is read, fact whose value is shown, Kleene test) for one predicate."""
    if isinstance(c, Known):
        return c.known, c.known, lambda v, n=c.known: n in v
    if isinstance(c, Unknown):
        return c.unknown, c.unknown, lambda v, n=c.unknown: n not in v
    op, operand, name = c.op, c.operand, c.field
    shown = name
    if op in ("within_last", "not_within_last"):
        suffix, amount = operand.in_fact_units()
        shown = name = f"{name}.{suffix}_ago"
        op, operand = ("lt" if op == "within_last" else "gte"), amount
    check: Callable[[FactValue], bool] = {
        "equals": lambda x: x == operand,
        "one_of": lambda x: x in operand,
        "lt": lambda x: x < operand,
        "lte": lambda x: x <= operand,
        "gt": lambda x: x > operand,
        "gte": lambda x: x >= operand,
    }[op]

    def test(values: Values) -> Truth:
        value = values.get(name)
        return None if value is None else check(value)

    return c.field, shown, test


@dataclass(frozen=True, slots=True)
class Plan:
    """A condition node ready to evaluate and explain quickly."""

    kind: str                       # "all" | "any" | "not" | "leaf"
    parts: tuple[Plan, ...] = ()
    fact: str = ""                  # leaf: the fact the predicate is about
    shown: str = ""                 # leaf: the fact whose value the words show
    rule_words: str = ""            # leaf: "(rule: at least 18)" or "" for known/unknown
    test: Callable[[Values], Truth] | None = None


def plan(c: Condition) -> Plan:
    match c:
        case AllOf(all=parts):
            return Plan("all", tuple(plan(p) for p in parts))
        case AnyOf(any=parts):
            return Plan("any", tuple(plan(p) for p in parts))
        case NotOf(not_=inner):
            return Plan("not", (plan(inner),))
        case Known() | Unknown():
            fact, shown, test = _leaf_test(c)
            return Plan("leaf", fact=fact, shown=shown, test=test)
        case Compare():
            fact, shown, test = _leaf_test(c)
            return Plan("leaf", fact=fact, shown=shown, rule_words=_expected(c), test=test)
    raise TypeError(c)


def plan_facts(node: Plan) -> list[str]:
    """Every fact a plan reads or shows: the complete input of its explanation (a date-window
    leaf reads the date itself, so the date its words print is included)."""
    if node.kind == "leaf":
        return list(dict.fromkeys((node.fact, node.shown)))
    return list(dict.fromkeys(name for part in node.parts for name in plan_facts(part)))


def _value(node: Plan, values: Values, into: dict[int, Truth]) -> Truth:
    if node.kind == "leaf":
        assert node.test is not None
        result = node.test(values)
    elif node.kind == "not":
        inner = _value(node.parts[0], values, into)
        result = None if inner is None else not inner
    else:
        parts = [_value(p, values, into) for p in node.parts]
        result = kleene_all(parts) if node.kind == "all" else kleene_any(parts)
    into[id(node)] = result
    return result


def _reasons(node: Plan, facts: Facts, values: dict[int, Truth], want: Truth,
             out: dict[str, None], missing: dict[str, None]) -> None:
    if node.kind == "not":
        _reasons(node.parts[0], facts, values, None if want is None else not want, out, missing)
        return
    if node.kind in ("all", "any"):
        is_all = node.kind == "all"
        for part in node.parts:
            part_value = values[id(part)]
            if want is None:
                # undecided: the unknown parts, plus the known parts that did not settle it
                keep = part_value is None or part_value is is_all
            elif want is is_all:
                keep = True          # true all / false any: every part counts
            else:
                keep = part_value is want  # true any / false all: the deciding parts
            if keep:
                _reasons(part, facts, values, part_value, out, missing)
        return
    value = values[id(node)]
    if node.fact not in facts:
        out.setdefault(facts.describe(node.fact))
        missing.setdefault(node.fact)
    elif node.rule_words:
        out.setdefault(f"{facts.describe(node.shown)} (rule: {node.rule_words}"
                       f"{'' if value else '; not met'})")
    else:
        out.setdefault(facts.describe(node.fact))


def explain(rule: Rule, rule_plan: Plan, facts: Facts) -> tuple[Truth, list[str], list[str]]:
    """(the rule's Kleene value, the facts that decide it, the missing profile fields).

    Missing fields are those of unknown facts the outcome rests on: for an undecided rule, the
    facts that left it open; for a rule that is true, the facts it is true *because* they are
    unknown (an `unknown:` test in a workup rule), unless the rule is information only.
    """
    values: dict[int, Truth] = {}
    value = _value(rule_plan, facts.values, values)
    lines: dict[str, None] = {}
    missing_facts: dict[str, None] = {}
    if value is not False:
        _reasons(rule_plan, facts, values, value, lines, missing_facts)
    if value is True and rule.verdict == "info":
        missing_facts.clear()
    fields: dict[str, None] = {}
    for name in missing_facts:
        for path in FACT_SPECS[name].supplied_by:
            fields.setdefault(path)
    return value, list(lines), list(fields)


def citations(rule: Rule, sources: Mapping[str, Source]) -> list[CitationOut]:
    return resolve_citations(rule.cites, sources)


def resolve_citations(cites: Iterable[Citation],
                      sources: Mapping[str, Source]) -> list[CitationOut]:
    """Citations with their source's title, revision, section title and address."""
    out = []
    for cite in cites:
        source = sources[cite.source]
        out.append(CitationOut(
            source=source.id, section=cite.section, revision=source.revision,
            title=source.title, section_title=source.sections.get(cite.section),
            url=source.url,
        ))
    return out
