"""A generated grid of profiles covering what two rulebooks' conditions read.

Derived, not hand-written: every fact a condition reads becomes a parameter, and its candidate
values are both sides of every threshold the rules compare it with (for dates: just inside and
on the boundary of every `within_last` window and every `.days_ago`/`.months_ago` comparison),
every enum value, true/false, and unknown. Two bounded sets are built from them:

- a pairwise covering array over all parameters (every pair of values of two facts appears in
  some profile; greedy, deterministic), starting from a minimal profile;
- one-factor-at-a-time sweeps: each corpus profile (scenarios, examples) with one fact moved to
  each of its candidate values, which finds boundary effects on otherwise realistic patients.

Profiles the format refuses (e.g. an EDSS that is not a multiple of 0.5) are dropped; duplicates
are removed by their facts, so the grid never assesses the same patient twice.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dmt_advisor.errors import ProfileError
from dmt_advisor.facts import FACT_SPECS, FactType, build_facts
from dmt_advisor.profile import Profile, parse_profile
from dmt_advisor.rulebook.model import AllOf, AnyOf, Compare, Condition, Known, NotOf, Rule, Unknown

ASSESSED_ON = dt.date(2026, 11, 22)
BASE_PROFILE: dict[str, Any] = {"format": 1, "assessed_on": ASSESSED_ON.isoformat(),
                                "patient": {"age": 40}, "diagnosis": {"phenotype": "RRMS"}}
DOSE_SPACING = dt.timedelta(weeks=26)
UNKNOWN = None


@dataclass(frozen=True, order=True)
class Ago:
    """A date given as a span before the profile's assessment date."""

    amount: int
    unit: str  # days | months | years

    def resolve(self, on: dt.date) -> dt.date:
        if self.unit == "days":
            return on - dt.timedelta(days=self.amount)
        months = self.amount * (12 if self.unit == "years" else 1)
        year, month = divmod(on.month - 1 - months, 12)
        year, month = on.year + year, month + 1
        for day in range(on.day, 0, -1):
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
        raise AssertionError("unreachable")

    def __str__(self) -> str:
        return f"{self.amount} {self.unit} before"


def show(value: Any) -> str:
    return "unknown" if value is None else str(value).lower() if isinstance(value, bool) \
        else str(value)


# ---- parameters from conditions ------------------------------------------------------------

def _predicates(cond: Condition) -> Iterable[Compare | Known | Unknown]:
    match cond:
        case AllOf(all=parts) | AnyOf(any=parts):
            for part in parts:
                yield from _predicates(part)
        case NotOf(not_=inner):
            yield from _predicates(inner)
        case _:
            yield cond  # type: ignore[misc]


def _numeric_candidates(spec_type: FactType, ops: list[tuple[str, Any]]) -> list[Any]:
    step = 1 if spec_type is FactType.integer else 0.5
    values: set[Any] = set()
    for op, operand in ops:
        points = operand if op == "one_of" else [operand]
        for t in points:
            values.update({t - step, t, t + step})
    if not values:
        values = {1}
    cast = int if spec_type is FactType.integer else float
    return sorted(cast(v) for v in values if v >= 0)


def parameters(rulebooks: Iterable[Iterable[Rule]]) -> dict[str, list[Any]]:
    """Base fact -> candidate values (`None` = unknown), from every condition of the rulebooks."""
    reads: dict[str, list[tuple[str, Any]]] = {"jurisdiction": []}
    for rules in rulebooks:
        for rule in rules:
            for pred in _predicates(rule.when):
                if isinstance(pred, Known | Unknown):
                    name = pred.known if isinstance(pred, Known) else pred.unknown
                    reads.setdefault(name, [])
                    spec = FACT_SPECS.get(name)
                    if spec is not None and spec.derived_from:
                        reads.setdefault(spec.derived_from, [])
                    continue
                spec = FACT_SPECS.get(pred.field)
                if spec is None:
                    continue
                if spec.derived_from:  # X.days_ago >= 28 -> a date of X
                    reads.setdefault(spec.derived_from, []).append(
                        ("ago", (spec.unit, pred.op, pred.operand)))
                elif spec.type is FactType.date:
                    unit, amount = pred.operand.in_fact_units()
                    reads.setdefault(pred.field, []).append(("ago", (unit, "lt", amount)))
                else:
                    reads.setdefault(pred.field, []).append((pred.op, pred.operand))
    params: dict[str, list[Any]] = {}
    for name, ops in reads.items():
        spec = FACT_SPECS.get(name)
        if spec is None or spec.derived_from:
            continue
        if spec.type is FactType.enum:
            values: list[Any] = list(spec.values)
        elif spec.type is FactType.boolean:
            values = [True, False]
        elif spec.type is FactType.date:
            agos: set[Ago] = set()
            for _, (unit, _op, amount) in ops:
                for a in (amount - 1, amount, amount + 1):
                    if a >= 0:
                        agos.add(Ago(int(a), unit))
            values = sorted(agos) or [Ago(30, "days")]
        else:
            values = _numeric_candidates(spec.type, ops)
        if name not in ("jurisdiction", "patient.age", "diagnosis.phenotype"):
            values.append(UNKNOWN)
        params[name] = values
    return dict(sorted(params.items(), key=lambda kv: _APPLY_ORDER.get(kv[0], 50)))


_APPLY_ORDER = {"treatment.on_dmt": 10, "treatment.current.drug": 11,
                "treatment.ocrelizumab.dose_count": 20, "treatment.ocrelizumab.last_dose": 21,
                "treatment.ocrelizumab.first_dose": 22}


# ---- applying a fact value to a profile ------------------------------------------------------

def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    if value is None:
        node.pop(last, None)
    else:
        node[last] = value.isoformat() if isinstance(value, dt.date) else value


def _current(data: dict[str, Any]) -> dict[str, Any]:
    return data.setdefault("treatment", {}).setdefault("current", {"drug": "natalizumab"})


def _ocr(data: dict[str, Any]) -> dict[str, Any]:
    return data.setdefault("treatment", {}).setdefault("ocrelizumab", {})


def apply_fact(data: dict[str, Any], name: str, value: Any) -> bool:
    """Change profile mapping `data` so that fact `name` has `value`; False if we cannot."""
    on = dt.date.fromisoformat(str(data["assessed_on"]))
    if isinstance(value, Ago):
        value = value.resolve(on)
    if name in ("patient.age", "diagnosis.phenotype", "jurisdiction"):
        if value is None:
            return False
        if name == "patient.age":
            data.setdefault("patient", {}).pop("birth_date", None)
        _set(data, name, value)
    elif name in ("vaccinations.last_live_date", "vaccinations.last_non_live_date"):
        kind = "live" if name.endswith("last_live_date") else "non_live"
        kept = [v for v in data.get("vaccinations", []) if v.get("kind") != kind]
        if value is not None:
            kept.append({"vaccine": f"grid {kind} vaccine", "kind": kind,
                         "date": value.isoformat()})
        data["vaccinations"] = kept
    elif name == "treatment.on_dmt":
        if value is True:
            _current(data)
        elif value is False:
            data.setdefault("treatment", {}).pop("current", None)
    elif name == "treatment.current.drug":
        if value is None:
            data.setdefault("treatment", {}).pop("current", None)
        else:
            _current(data)["drug"] = value
    elif name.startswith("treatment.current."):
        if value is not None:
            _current(data)[name.rsplit(".", 1)[1]] = value.isoformat()
        elif "current" in data.get("treatment", {}):
            data["treatment"]["current"].pop(name.rsplit(".", 1)[1], None)
    elif name == "treatment.prior.count":
        if value is not None:
            data.setdefault("treatment", {})["prior"] = [{"drug": "interferon-beta-1a"}] * value
    elif name == "treatment.ocrelizumab.dose_count":
        if value is not None:
            doses = sorted(_ocr(data).get("doses", []))
            last = dt.date.fromisoformat(str(doses[-1])) if doses else \
                on - dt.timedelta(weeks=20)
            _ocr(data)["doses"] = sorted((last - DOSE_SPACING * i).isoformat()
                                         for i in range(value))
    elif name in ("treatment.ocrelizumab.last_dose", "treatment.ocrelizumab.first_dose"):
        doses = sorted(str(d) for d in _ocr(data).get("doses", []))
        if value is None:
            _ocr(data)["doses"] = []
        elif name.endswith("last_dose"):
            _ocr(data)["doses"] = sorted((value - DOSE_SPACING * i).isoformat()
                                         for i in range(max(len(doses), 1)))
        else:
            later = [d for d in doses if d > value.isoformat()]
            _ocr(data)["doses"] = [value.isoformat(), *later]
    elif FACT_SPECS[name].supplied_by == (name,):
        _set(data, name, value)
    else:
        return False
    return True


def fact_key(profile: Profile) -> str:
    """Identity of a profile for the rules: its facts (dates as ages)."""
    facts = build_facts(profile)
    return json.dumps(facts.engine_fact(), sort_keys=True)


def _valid(data: dict[str, Any]) -> Profile | None:
    try:
        return parse_profile(data)
    except ProfileError:
        return None


# ---- covering array ---------------------------------------------------------------------------

def pairwise(sizes: list[int], seed: int = 5) -> list[list[int]]:
    """Rows of value indexes such that every pair of values of two parameters appears."""
    n = len(sizes)
    uncovered = {(i, a, j, b) for i, j in itertools.combinations(range(n), 2)
                 for a in range(sizes[i]) for b in range(sizes[j])}
    rng = random.Random(seed)
    rows = []
    while uncovered:
        i, a, j, b = min(uncovered)
        row: list[int | None] = [None] * n
        row[i], row[j] = a, b
        order = [k for k in range(n) if k not in (i, j)]
        rng.shuffle(order)
        for k in order:
            assigned = [m for m in range(n) if row[m] is not None]

            def gain(v: int, k: int = k, assigned: list[int] = assigned,
                     row: list[int | None] = row) -> int:
                return sum(((min(k, m), v if k < m else row[m], max(k, m),
                             row[m] if k < m else v) in uncovered) for m in assigned)

            row[k] = max(range(sizes[k]), key=gain)
        full = [int(v) for v in row]  # type: ignore[arg-type]
        for p, q in itertools.combinations(range(n), 2):
            uncovered.discard((p, full[p], q, full[q]))
        rows.append(full)
    return rows


@dataclass(frozen=True)
class GridProfile:
    label: str
    source: str  # scenario | example | grid
    data: dict[str, Any]
    profile: Profile


def build_grid(params: dict[str, list[Any]], bases: list[tuple[str, str, dict[str, Any]]],
               limit: int = 20000) -> list[GridProfile]:
    """The corpus (`bases`, each labelled), the pairwise rows and the one-factor sweeps."""
    seen: set[str] = set()
    out: list[GridProfile] = []

    def add(label: str, source: str, data: dict[str, Any]) -> None:
        if len(out) >= limit:
            return
        profile = _valid(data)
        if profile is None:
            return
        key = fact_key(profile)
        if key not in seen:
            seen.add(key)
            out.append(GridProfile(label, source, data, profile))

    for label, source, data in bases:
        add(label, source, copy.deepcopy(data))
    names = list(params)
    for number, row in enumerate(pairwise([len(params[n]) for n in names]), 1):
        data = copy.deepcopy(BASE_PROFILE)
        for name, index in zip(names, row, strict=True):
            apply_fact(data, name, params[name][index])
        add(f"grid pairwise #{number}", "grid", data)
    for label, _source, base in bases:
        for name in names:
            for value in params[name]:
                data = copy.deepcopy(base)
                if apply_fact(data, name, value):
                    add(f"{label} | with {name} = {show(value)}", "grid", data)
    return out
