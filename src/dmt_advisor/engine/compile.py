"""Rule conditions -> durable-rules JSON, using only the subset shown to be correct.

Three-valued logic without negation in the engine: for every condition C we build three
positive two-valued formulas over the *present* facts,

    T(C): C is true     F(C): C is false     U(C): C is undecided (neither),

with the Kleene rules  T(all)=AND T(c), F(all)=OR F(c), T(any)=OR T(c), F(any)=AND F(c),
T(not c)=F(c), F(not c)=T(c), U(all)=AND(T(c)|U(c)) & OR U(c), U(any)=AND(F(c)|U(c)) & OR U(c),
U(not c)=U(c); and for a predicate p on fact f: T(p)=p (durable-rules never matches a missing
field), F(p) = the complementary operator, U(p) = `$nex f`.

Each rule becomes `r<n>t` (fires when T) plus at most one second pattern, the cheaper of
`r<n>u` (fires when U; silence means false) and `r<n>f` (fires when F or in another
jurisdiction; silence means undecided); see `_second_pattern`. durable-rules expands every pattern
into disjunctive normal form, and U grows as a product (400 conjunctions for one five-part rule)
while T and F stay small; rules are packed into shards whose conjunction count bounds the C core's
fixed 64-entry stack (`compile_rules`).

Emitted JSON uses only: equality, `$neq $lt $lte $gt $gte $ex $nex`, `$and`, `$or` over constants
(no `$in`, no lists as values, no cross-fact tests, no `any` at rule level); every pattern is
ANDed with the type discriminator `{"t": "patient"}` (so no pattern is made only of negations) and,
unless the rule covers every jurisdiction, with its jurisdictions. `check_emitted` re-verifies
that whitelist on the final JSON.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Union

from dmt_advisor.errors import RulebookError
from dmt_advisor.facts import ALWAYS_KNOWN, FACT_SPECS, FactType
from dmt_advisor.profile import Jurisdiction
from dmt_advisor.rulebook.model import (
    AllOf,
    AnyOf,
    Compare,
    Condition,
    Known,
    NotOf,
    Rule,
    Unknown,
)

FACT_TYPE_TAG = "patient"
# A rule that matches every patient fact. Without it, a fact that matches no rule makes
# assert_fact answer "not handled" (code 1), after which delete_state double-frees and the
# process aborts (measured on 2.0.28 with our 24-rule ruleset: "free(): invalid pointer").
SENTINEL_RULE = "sentinel"
# At most this many DNF conjunctions per durable-rules ruleset (the C stack holds 64 entries;
# one is the sentinel's, the rest is margin).
SHARD_TERM_BUDGET = 60
# Compile U(c) directly when it expands to at most this many conjunctions (else F(c)).
UNDECIDED_TERM_LIMIT = 8
_OPS = {"lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}
_COMPLEMENT = {"lt": "gte", "lte": "gt", "gt": "lte", "gte": "lt"}
ALLOWED_OPERATORS = frozenset({"$and", "$or", "$neq", "$lt", "$lte", "$gt", "$gte", "$ex", "$nex"})


# ---- a tiny boolean IR so constants fold before anything reaches the engine -----------------

@dataclass(frozen=True)
class Const:
    value: bool


@dataclass(frozen=True)
class Leaf:
    json: tuple[tuple[str, Any], ...]  # one-key dict, frozen for hashing

    @classmethod
    def of(cls, d: dict[str, Any]) -> Leaf:
        ((key, value),) = d.items()
        return cls(((key, _freeze(value)),))

    def to_json(self) -> dict[str, Any]:
        ((key, value),) = self.json
        return {key: _thaw(value)}


@dataclass(frozen=True)
class Op:
    kind: str  # "and" | "or"
    parts: tuple[Expr, ...]


Expr = Union[Const, Leaf, Op]  # noqa: UP007 (recursive alias)
TRUE, FALSE = Const(True), Const(False)


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple):
        return {k: _thaw(v) for k, v in value}
    return value


def and_(parts: Iterable[Expr]) -> Expr:
    flat: list[Expr] = []
    for part in parts:
        if part == FALSE:
            return FALSE
        if part == TRUE:
            continue
        flat.extend(part.parts if isinstance(part, Op) and part.kind == "and" else [part])
    flat = list(dict.fromkeys(flat))
    if not flat:
        return TRUE
    return flat[0] if len(flat) == 1 else Op("and", tuple(flat))


def or_(parts: Iterable[Expr]) -> Expr:
    flat: list[Expr] = []
    for part in parts:
        if part == TRUE:
            return TRUE
        if part == FALSE:
            continue
        flat.extend(part.parts if isinstance(part, Op) and part.kind == "or" else [part])
    flat = list(dict.fromkeys(flat))
    if not flat:
        return FALSE
    return flat[0] if len(flat) == 1 else Op("or", tuple(flat))


# ---- Kleene translation ---------------------------------------------------------------------

def _key_and_operand(c: Compare) -> tuple[str, str, Any]:
    """(engine key, op, operand) with date windows rewritten onto the date-age facts."""
    spec = FACT_SPECS[c.field]
    if c.op in ("within_last", "not_within_last"):
        suffix, amount = c.operand.in_fact_units()
        key = FACT_SPECS[f"{c.field}.{suffix}_ago"].engine_key
        return key, ("lt" if c.op == "within_last" else "gte"), amount
    return spec.engine_key, c.op, c.operand


def _present_key(name: str) -> str:
    """The engine key whose presence means `name` is known (dates live as their day-age)."""
    spec = FACT_SPECS[name]
    return FACT_SPECS[f"{name}.days_ago"].engine_key if spec.type is FactType.date \
        else spec.engine_key


def _predicate(c: Compare, truth: bool) -> Expr:
    key, op, operand = _key_and_operand(c)
    if op == "equals":
        return Leaf.of({key: operand}) if truth else Leaf.of({"$neq": {key: operand}})
    if op == "one_of":
        if truth:
            return or_(Leaf.of({key: v}) for v in operand)
        return and_(Leaf.of({"$neq": {key: v}}) for v in operand)
    if not truth:
        op = _COMPLEMENT[op]
    return Leaf.of({_OPS[op]: {key: operand}})


def truth(c: Condition) -> Expr:
    """T(c): the condition is true."""
    match c:
        case AllOf(all=parts):
            return and_(truth(p) for p in parts)
        case AnyOf(any=parts):
            return or_(truth(p) for p in parts)
        case NotOf(not_=inner):
            return falsity(inner)
        case Known(known=name):
            return Leaf.of({"$ex": {_present_key(name): 1}})
        case Unknown(unknown=name):
            return Leaf.of({"$nex": {_present_key(name): 1}})
        case Compare():
            return _predicate(c, True)
    raise TypeError(c)


def falsity(c: Condition) -> Expr:
    """F(c): the condition is false."""
    match c:
        case AllOf(all=parts):
            return or_(falsity(p) for p in parts)
        case AnyOf(any=parts):
            return and_(falsity(p) for p in parts)
        case NotOf(not_=inner):
            return truth(inner)
        case Known(known=name):
            return Leaf.of({"$nex": {_present_key(name): 1}})
        case Unknown(unknown=name):
            return Leaf.of({"$ex": {_present_key(name): 1}})
        case Compare():
            return _predicate(c, False)
    raise TypeError(c)


def undecided(c: Condition) -> Expr:
    """U(c): neither true nor false because facts are missing."""
    match c:
        case AllOf(all=parts):
            return and_([and_(or_([truth(p), undecided(p)]) for p in parts),
                         or_(undecided(p) for p in parts)])
        case AnyOf(any=parts):
            return and_([and_(or_([falsity(p), undecided(p)]) for p in parts),
                         or_(undecided(p) for p in parts)])
        case NotOf(not_=inner):
            return undecided(inner)
        case Known() | Unknown():
            return FALSE
        case Compare():
            return Leaf.of({"$nex": {_present_key(c.field): 1}})
    raise TypeError(c)


def to_json(expr: Expr) -> dict[str, Any]:
    if isinstance(expr, Leaf):
        return expr.to_json()
    if isinstance(expr, Op):
        return {f"${expr.kind}": [to_json(p) for p in expr.parts]}
    raise ValueError("constants are folded away before emitting")


# ---- whole rulesets ---------------------------------------------------------------------

def can_be_undecided(c: Condition) -> bool:
    """False when every predicate reads a fact every profile has (known/unknown are 2-valued)."""
    match c:
        case AllOf(all=parts) | AnyOf(any=parts):
            return any(can_be_undecided(p) for p in parts)
        case NotOf(not_=inner):
            return can_be_undecided(inner)
        case Known() | Unknown():
            return False
        case Compare(field=name):
            return name not in ALWAYS_KNOWN
    raise TypeError(c)


def engine_keys(node: Any) -> set[str]:
    """The fact keys a compiled pattern reads (each shard is sent only these)."""
    if isinstance(node, list):
        return {key for item in node for key in engine_keys(item)}
    if not isinstance(node, dict):
        return set()
    keys: set[str] = set()
    for key, value in node.items():
        if key in ("$and", "$or", "all", "m"):
            keys |= engine_keys(value)
        elif key.startswith("$"):
            keys |= set(value)
        elif key != "pri":
            keys.add(key)
    return keys


def dnf_terms(expr: Expr) -> int:
    """How many conjunctions durable-rules expands `expr` into (it compiles patterns to DNF)."""
    if isinstance(expr, Leaf):
        return 1
    if isinstance(expr, Op):
        counts = [dnf_terms(p) for p in expr.parts]
        return math.prod(counts) if expr.kind == "and" else sum(counts)
    return 0


@dataclass(frozen=True)
class EngineRule:
    """One durable-rules rule: which of our rules it decides, and for which outcome."""

    name: str          # durable-rules rule name, e.g. "r12t"
    rule_id: str
    outcome: str       # "true" | "false" (the engine's own rules) | "undecided" (derived)
    index: int         # the rule's position in the rulebook (its priority)


@dataclass(frozen=True)
class CompiledRuleset:
    """One drug's rules as durable-rules definitions (shards) and the map back to rule ids."""

    drug: str
    shards: tuple[dict[str, Any], ...]
    shard_keys: tuple[frozenset[str], ...]  # the fact keys each shard's patterns read
    engine_rules: dict[str, EngineRule]
    rule_ids: tuple[str, ...]        # in rulebook order
    never_true: tuple[str, ...]      # rule ids whose condition folds to false (lint reports them)
    undecided_when_silent: frozenset[str]  # rules compiled true+false: neither fired = undecided


def _pattern(expr: Expr, priority: int) -> dict[str, Any]:
    full = and_([Leaf.of({"t": FACT_TYPE_TAG}), expr])
    return {"all": [{"m": to_json(full)}], "pri": priority}


def compile_rules(drug: str, rules: Iterable[Rule],
                  shard_terms: int = SHARD_TERM_BUDGET) -> CompiledRuleset:
    """Compile one drug's rules into shards that durable-rules can evaluate safely.

    Per rule: `r<n>t` fires when the condition is true in one of the rule's jurisdictions; then
    either `r<n>u` fires when it is undecided, or `r<n>f` when it is false (or the jurisdiction is
    not the rule's), whichever is smaller (`_second_pattern`). Rules are packed, in order,
    into shards of at most `shard_terms` DNF conjunctions (plus the sentinel): the C core's
    alpha traversal keeps at most one pending node per conjunction on a 64-entry stack, and
    overflowing it (error 303) corrupts the process.
    """
    rules = list(rules)
    shards: list[dict[str, Any]] = []
    current: dict[str, Any] = {}
    used = 0
    engine_rules: dict[str, EngineRule] = {}
    never_true: list[str] = []
    silent_undecided: list[str] = []
    for index, rule in enumerate(rules):
        if set(rule.jurisdictions) == set(Jurisdiction):  # every profile has one of them
            mine, other = TRUE, FALSE
        else:
            mine = or_(Leaf.of({"jurisdiction": j.value}) for j in rule.jurisdictions)
            other = and_(Leaf.of({"$neq": {"jurisdiction": j.value}})
                         for j in rule.jurisdictions)
        true_expr = and_([mine, truth(rule.when)])
        if true_expr == FALSE:
            never_true.append(rule.id)
        second = _second_pattern(rule, mine, other)
        if second[0] == "false":
            silent_undecided.append(rule.id)
        pair = {f"r{index}{outcome[0]}": (outcome, expr) for outcome, expr
                in (("true", true_expr), second) if expr != FALSE}
        cost = sum(dnf_terms(expr) for _, expr in pair.values())
        if cost > shard_terms:
            raise RulebookError(
                f"condition expands to {cost} alternatives in durable-rules (at most "
                f"{shard_terms}); split it into simpler rules", rule_id=rule.id)
        if used + cost > shard_terms:
            shards.append(current)
            current, used = {}, 0
        for name, (outcome, expr) in pair.items():
            pattern = _pattern(expr, min(index + 1, 65535))
            check_emitted(pattern, rule.id)
            current[name] = pattern
            engine_rules[name] = EngineRule(name, rule.id, outcome, index)
        used += cost
    if current:
        shards.append(current)
    if not shards:
        raise RulebookError("no rules to compile", rule_id=f"{drug}.*")
    for shard in shards:
        shard[SENTINEL_RULE] = {"all": [{"m": {"t": FACT_TYPE_TAG}}], "pri": 0}
    keys = tuple(frozenset(engine_keys(list(shard.values())) - {"t"}) for shard in shards)
    return CompiledRuleset(drug, tuple(shards), keys, engine_rules,
                           tuple(r.id for r in rules), tuple(never_true),
                           frozenset(silent_undecided))


def _second_pattern(rule: Rule, mine: Expr, other: Expr) -> tuple[str, Expr]:
    """Besides "true", the pattern that tells false from undecided, in its cheaper form.

    - A rule that cannot be undecided needs none: not true means false.
    - If U(c) is small in DNF, compile it: the rule is silent when false (the common case, so
      few activations).
    - Otherwise compile F(c) (or another jurisdiction): silent means undecided.
    """
    if not can_be_undecided(rule.when):
        return "undecided", FALSE
    undecided_expr = and_([mine, undecided(rule.when)])
    if dnf_terms(undecided_expr) <= UNDECIDED_TERM_LIMIT:
        return "undecided", undecided_expr
    return "false", or_([other, and_([mine, falsity(rule.when)])])


def check_emitted(node: Any, rule_id: str) -> None:
    """Refuse anything outside the verified subset (a compiler bug must not reach the C core).

    Also requires the positive type discriminator as a top-level conjunct of every pattern: a
    pattern made only of negations matches the engine's own state fact and loops forever.
    """
    for element in node.get("all", []):
        pattern = element.get("m", {})
        conjuncts = pattern.get("$and", [pattern])
        if {"t": FACT_TYPE_TAG} not in conjuncts:
            raise RulebookError("compiled pattern lacks the type discriminator", rule_id=rule_id)

    def walk(n: Any) -> None:
        if isinstance(n, list):
            for item in n:
                walk(item)
            return
        if not isinstance(n, dict):
            return
        for key, value in n.items():
            if key in ("all", "m", "pri"):
                walk(value)
            elif key.startswith("$"):
                if key not in ALLOWED_OPERATORS:
                    raise RulebookError(f"compiler emitted unsupported operator {key}",
                                        rule_id=rule_id)
                if key in ("$and", "$or"):
                    walk(value)
                else:
                    ((_, operand),) = value.items()
                    _check_scalar(operand, rule_id)
            else:
                if "." in key or key in ("sid", "id", "_g"):
                    raise RulebookError(f"compiler emitted a forbidden field name {key!r}",
                                        rule_id=rule_id)
                _check_scalar(value, rule_id)

    walk(node)


def _check_scalar(value: Any, rule_id: str) -> None:
    if isinstance(value, dict | list) or value is None:
        raise RulebookError(f"compiler emitted a non-scalar operand {value!r}", rule_id=rule_id)
