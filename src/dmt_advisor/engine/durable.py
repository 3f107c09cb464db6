"""A thin, safe adapter over durable-rules' C module (`durable_rules_engine`).

Why not `durable.engine.Host` / `durable.lang`: they start dispatcher threads that crash when
sessions overlap, swallow action exceptions into session state, and cannot unregister a ruleset
(shared/engineering/durable-rules-2.0.28.md §4-§6). Here:

- one drug's rules live in several C rulesets (shards, see compile.py), evaluated in turn; each
  shard is sent only the fact keys its patterns read;
- one `threading.Lock` per drug (the C core has no locks and never releases the GIL);
- a fresh session id per evaluation, refused if its 32-bit FNV-1a hash (what the C core keys
  sessions by) collides with a live session;
- one fact per session, type-checked, asserted singly (the batch call drops bad facts silently);
- a sentinel rule matches every fact: a fact that matched nothing made `delete_state` abort;
- the agenda drained here, with an activation limit; an exception in our action propagates;
- one firing per engine rule: durable-rules expands `$or` into disjunctive normal form and
  activates a rule once per matching conjunction (measured: `(a|b) & (c|d|e)` with every field
  true gives 6 activations), so repeats of the same rule are merged here;
- numbers are written in a form the C core's JSON parser always reads: it refuses an exponent
  without a decimal point (`1e-10`, `1e+16`, error 204), which is how Python writes them, so
  every float is written with one (`1.0e-10`); non-finite numbers, integers past 64 bits and
  strings over `MAX_STRING` characters are refused before the C core sees them;
- `delete_state` in `finally` once a fact is asserted (a ruleset holds at most 1,024 live
  sessions); if the assert itself fails the session may be half-built and deleting it has
  corrupted the heap, so that shard set is abandoned (not deleted) and rebuilt from the compiled
  JSON: the failing assessment gets a clear error and the next one, from any user, works. Only
  after `MAX_REBUILDS` such failures is the ruleset closed (each abandoned set is leaked memory);
- an action that calls back into the same ruleset (evaluate or close) gets an error at once
  instead of waiting forever on the lock it is running under;
- `close()` deletes the C rulesets, so replacing a rulebook frees the old one.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
import uuid
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import durable_rules_engine as _c

from dmt_advisor.engine.compile import (
    FACT_TYPE_TAG,
    SENTINEL_RULE,
    CompiledRuleset,
    EngineRule,
)
from dmt_advisor.errors import EngineError
from dmt_advisor.facts import ENGINE_KEYS

_RULESET_NAMES = itertools.count()
_RESERVED = frozenset({"sid", "id", "t"})
_SAFE_KEYS = frozenset(ENGINE_KEYS.values()) - _RESERVED
_PLAIN_TYPES = frozenset({bool, int, float, str})
_INT64 = 2**63
# result codes of assert_fact: 0 matched and queued, 1 nothing matched, 2 already observed,
# 3 queued for later. Only 0 is expected: the sentinel rule matches every patient fact, because
# after a code 1 the C core's delete_state double-frees (see compile.SENTINEL_RULE).
_ASSERT_OK = 0


def fnv1a_32(text: str) -> int:
    """The hash durable-rules keys sessions, facts and field names by (rules.c `fnv1a`)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


@dataclass(frozen=True)
class Firing:
    """One rule firing, in the order the engine fired it."""

    order: int
    engine_rule: EngineRule


Action = Callable[[Firing, Mapping[str, Any]], None]


MAX_STRING = 4096  # fact strings are enum values; the C core fails (error 314) near 16 MB


def engine_float(value: float) -> str:
    """A float as JSON the C core parses: an exponent only after a decimal point."""
    if not math.isfinite(value):
        raise EngineError(f"{value!r} is not a finite number")
    text = repr(value)
    mantissa, e, exponent = text.partition("e")
    if e and "." not in mantissa:
        text = f"{mantissa}.0e{exponent}"
    return text


def engine_json(value: Any) -> str:
    """JSON for the C core (facts and compiled rules): ASCII, and numbers it always parses."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if not -_INT64 <= value < _INT64:
            raise EngineError(f"{value} is outside the 64-bit integer range")
        return str(value)
    if isinstance(value, float):
        return engine_float(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{json.dumps(str(k), ensure_ascii=True)}: {engine_json(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(engine_json(v) for v in value) + "]"
    raise EngineError(f"unsupported value type {type(value).__name__}")


def _check_json_value(key: str, value: Any) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise EngineError(f"fact field {key} is longer than {MAX_STRING} characters")
        return
    if isinstance(value, int):
        if not -_INT64 <= value < _INT64:
            raise EngineError(f"fact field {key} is outside the 64-bit integer range")
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise EngineError(f"fact field {key} is not a finite number")
        return
    raise EngineError(f"fact field {key} has unsupported type {type(value).__name__}")


class DurableRuleset:
    """One drug's compiled rules living in the C core (one handle per shard). Thread-safe."""

    MAX_PROPERTIES = 250  # the C core takes at most 254 per fact; sid, id and t are added
    MAX_REBUILDS = 16  # shard sets abandoned after a failed assert before closing for good

    def __init__(self, compiled: CompiledRuleset, max_activations: int | None = None) -> None:
        self.compiled = compiled
        self.name = f"dmt_{compiled.drug.replace('-', '_')}_{next(_RULESET_NAMES)}_" \
                    f"{uuid.uuid4().hex[:8]}"
        # a loop guard, not a budget: DNF expansion may legitimately activate a rule many times
        self.max_activations = max_activations or 64 * len(compiled.engine_rules) + 64
        self._lock = threading.Lock()
        self._owner: int | None = None  # thread evaluating now: an action re-entering is refused
        self.rebuilds = 0
        self._sids = itertools.count()
        self._live_hashes: set[int] = set()
        self._undecided = {
            rule_id: EngineRule(f"r{index}u", rule_id, "undecided", index)
            for index, rule_id in enumerate(compiled.rule_ids)}
        self._shard_json = tuple(_shard_json(shard, compiled) for shard in compiled.shards)
        self._live: list[int] = []  # what the finalizer deletes
        self._finalizer = weakref.finalize(self, _delete_rulesets, self._live)
        self._handles: tuple[int, ...] | None = self._create_handles()

    def _create_handles(self) -> tuple[int, ...]:
        """Create every shard in the C core (again, after a failed assert)."""
        created: list[int] = []
        generation = self.rebuilds
        for number, (shard, text) in enumerate(zip(self.compiled.shards, self._shard_json,
                                                   strict=True)):
            try:
                created.append(_c.create_ruleset(f"{self.name}_{generation}_{number}", text))
            except _c.error as exc:
                _delete_rulesets(created)
                culprit = _first_refused_rule(shard, self.compiled)
                raise EngineError(f"durable-rules refused the compiled rules: {exc}",
                                  rule_id=culprit) from None
        self._live[:] = created
        return tuple(created)

    def _rebuild(self) -> str:
        """Abandon the current shards (possibly corrupt: never deleted) and create new ones."""
        self._live.clear()  # leaked on purpose: deleting a half-built session corrupts the heap
        self._handles = None
        if self.rebuilds >= self.MAX_REBUILDS:
            return f"the ruleset is closed after {self.rebuilds} rebuilds"
        self.rebuilds += 1
        try:
            self._handles = self._create_handles()
        except EngineError as exc:
            return f"rebuilding the ruleset failed ({exc}); it is closed"
        return "the engine was rebuilt; other assessments are unaffected"

    @property
    def closed(self) -> bool:
        return self._handles is None

    def _refuse_reentry(self, what: str) -> None:
        if self._owner == threading.get_ident():
            raise EngineError(f"an engine action called {what} on the ruleset it runs under; "
                              "actions must not call back into the same advisor")

    def close(self) -> None:
        """Delete the C rulesets; waits for an evaluation in progress to finish."""
        self._refuse_reentry("close")
        with self._lock:
            if self._handles is not None:
                self._handles = None
                self._finalizer()

    def _new_sid(self) -> tuple[str, int]:
        """A session id unused by any live session, and its hash (how the C core keys it)."""
        for _ in range(16):
            sid = f"s{next(self._sids)}-{uuid.uuid4().hex[:12]}"
            digest = fnv1a_32(sid)
            if digest not in self._live_hashes:
                self._live_hashes.add(digest)
                return sid, digest
        raise EngineError("could not find a session id free of hash collisions")

    def evaluate(self, fact: Mapping[str, Any], action: Action | None = None) -> list[Firing]:
        """Decide every rule for one patient fact.

        Returns one `Firing` per rule that is true or undecided, in rulebook order (which is
        also the engine's priority order). `action`, if given, runs for every engine firing
        (true and false patterns), in the caller's thread; its exceptions propagate.
        """
        if len(fact) > self.MAX_PROPERTIES:
            raise EngineError(f"fact has {len(fact)} properties; durable-rules takes at most "
                              f"{self.MAX_PROPERTIES}")
        for key, value in fact.items():
            if key not in _SAFE_KEYS and ("." in key or "$" in key or key in _RESERVED):
                raise EngineError(f"fact field name {key!r} is reserved or not engine-safe")
            if type(value) not in _PLAIN_TYPES or type(value) is str:
                _check_json_value(key, value)
            elif type(value) is float and not math.isfinite(value):
                raise EngineError(f"fact field {key} is not a finite number")
            elif type(value) is int and not -_INT64 <= value < _INT64:
                raise EngineError(f"fact field {key} is outside the 64-bit integer range")
        self._refuse_reentry("evaluate")
        with self._lock:
            handles = self._handles
            if handles is None:
                raise EngineError(f"ruleset {self.name} is closed")
            sid, digest = self._new_sid()
            fired: dict[str, EngineRule] = {}
            self._owner = threading.get_ident()
            try:
                for handle, keys in zip(handles, self.compiled.shard_keys, strict=True):
                    # each shard gets only the facts its patterns read: smaller JSON to parse
                    # and smaller agenda messages (a third of the engine time, measured)
                    payload = {k: v for k, v in fact.items() if k in keys}
                    payload.update(sid=sid, id="patient", t=FACT_TYPE_TAG)
                    payload_json = _fact_json(payload)
                    self._run_shard(handle, sid, payload_json, payload, action, fired)
            finally:
                self._owner = None
                self._live_hashes.discard(digest)
        return self._outcomes(fired)

    def _outcomes(self, fired: dict[str, EngineRule]) -> list[Firing]:
        """One firing per rule that is true or undecided, in rulebook order.

        A rule compiled with a false pattern (`undecided_when_silent`) is undecided when neither
        of its patterns fired; any other rule is false when silent.
        """
        by_rule = {r.rule_id: r for r in fired.values()}
        if len(by_rule) != len(fired):
            ids = sorted(r.rule_id for r in fired.values())
            duplicate = next(a for a, b in itertools.pairwise(ids) if a == b)
            raise EngineError("durable-rules fired two exclusive patterns of one rule",
                              rule_id=duplicate)
        out: list[Firing] = []
        silent_undecided = self.compiled.undecided_when_silent
        for rule_id in self.compiled.rule_ids:
            engine_rule = by_rule.get(rule_id)
            if engine_rule is None:
                if rule_id in silent_undecided:
                    out.append(Firing(len(out), self._undecided[rule_id]))
            elif engine_rule.outcome != "false":
                out.append(Firing(len(out), engine_rule))
        return out

    def _run_shard(self, handle: int, sid: str, payload_json: str, payload: Mapping[str, Any],
                   action: Action | None, fired: dict[str, EngineRule]) -> None:
        """Assert the fact into one shard, drain its agenda, always delete the session."""
        try:
            code, state_handle = _c.assert_fact(handle, payload_json)
        except _c.error as exc:
            # The session may be half-built; deleting it has been seen to corrupt the heap.
            # Abandon these shards and build new ones, so this patient alone fails.
            outcome = self._rebuild()
            raise EngineError(f"durable-rules could not take this patient's facts ({exc}); "
                              f"this assessment failed and {outcome}") from None
        except MemoryError:
            outcome = self._rebuild()
            raise EngineError("durable-rules ran out of session slots; this assessment failed "
                              f"and {outcome}") from None
        try:
            if code != _ASSERT_OK:
                raise EngineError(f"durable-rules answered code {code} to a fresh fact")
            activations = 0
            result = _c.start_action_for_state(handle, state_handle)
            message = result[1] if result else None
            while message:
                activations += 1
                name = _rule_name(message)
                if activations > self.max_activations:
                    _c.abandon_action(handle, state_handle)
                    raise EngineError(f"more than {self.max_activations} activations for one "
                                      "patient; the ruleset is looping")
                if name != SENTINEL_RULE and name not in fired:
                    engine_rule = self.compiled.engine_rules.get(name)
                    if engine_rule is None:
                        _c.abandon_action(handle, state_handle)
                        raise EngineError(f"durable-rules fired an unknown rule {name!r}")
                    fired[name] = engine_rule
                    if action is not None:
                        try:
                            action(Firing(len(fired) - 1, engine_rule), payload)
                        except BaseException:
                            _c.abandon_action(handle, state_handle)
                            raise
                message = _c.complete_and_start_action(handle, state_handle)
        finally:
            _c.delete_state(handle, sid)


def _fact_json(payload: Mapping[str, Any]) -> str:
    """The flat patient fact as JSON; floats with a decimal point (see `engine_float`)."""
    if not any(type(value) is float for value in payload.values()):
        return json.dumps(payload, ensure_ascii=True, allow_nan=False)  # the common, fast path
    parts = []
    for key, value in payload.items():
        if type(value) is float:
            text = engine_float(value)
        else:
            text = json.dumps(value, ensure_ascii=True)
        parts.append(f"{json.dumps(key, ensure_ascii=True)}: {text}")
    return "{" + ", ".join(parts) + "}"


def _shard_json(shard: Mapping[str, Any], compiled: CompiledRuleset) -> str:
    """A compiled shard as JSON for the C core; an operand it cannot take names its rule."""
    parts = []
    for name, pattern in shard.items():
        try:
            parts.append(f"{json.dumps(name)}: {engine_json(pattern)}")
        except EngineError as exc:
            engine_rule = compiled.engine_rules.get(name)
            raise EngineError(f"operand the engine cannot take: {exc}",
                              rule_id=engine_rule.rule_id if engine_rule else name) from None
    return "{" + ", ".join(parts) + "}"


def _rule_name(message: str) -> str:
    """The rule name of an agenda message `{"r3t": {"m": {...}}}` without parsing the fact."""
    if not message.startswith('{"'):
        return str(next(iter(json.loads(message))))
    return message[2:message.index('"', 2)]


def _delete_rulesets(handles: list[int]) -> None:
    for handle in handles:
        try:
            _c.delete_ruleset(handle)
        except _c.error:  # pragma: no cover - already gone
            pass
    handles.clear()


def _first_refused_rule(shard: dict[str, Any], compiled: CompiledRuleset) -> str | None:
    """Which rule of a refused shard durable-rules cannot take, by creating each alone."""
    for name, pattern in shard.items():
        if name == SENTINEL_RULE:
            continue
        try:
            handle = _c.create_ruleset(f"probe_{uuid.uuid4().hex}",
                                       engine_json({name: pattern}))
        except _c.error:
            return compiled.engine_rules[name].rule_id
        _c.delete_ruleset(handle)
    return None
