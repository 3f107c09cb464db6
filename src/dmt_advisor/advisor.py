"""The one way through the house: profile -> facts -> engine -> findings -> assessment.

`Advisor` owns one loaded rulebook and its live durable-rules rulesets (one per drug). It is
thread-safe and meant to be built once and shared (the app caches one; the CLI makes one).
Two advisors over two rulebooks can evaluate side by side; `close()` frees an advisor's rulesets.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from dmt_advisor.assessment import (
    CATEGORY_ORDER,
    Assessment,
    DrugAbout,
    DrugAssessment,
    Finding,
    MissingField,
    RulebookRef,
    TraceEntry,
    overall_verdict,
)
from dmt_advisor.engine.compile import compile_rules
from dmt_advisor.engine.durable import Action, DurableRuleset, Firing
from dmt_advisor.engine.oracle import PreparedOracle
from dmt_advisor.errors import DmtAdvisorError, EngineError
from dmt_advisor.explain import citations, explain, plan, plan_facts, resolve_citations
from dmt_advisor.facts import Facts, build_facts, for_drug
from dmt_advisor.profile import Profile, load_profile
from dmt_advisor.rulebook.load import Rulebook, load_rulebook
from dmt_advisor.rulebook.model import Rule, UnknownPolicy, Verdict
from dmt_advisor.schedule import schedule_for

FINDING_CACHE_SIZE = 20_000


class Advisor:
    """A rulebook compiled into durable-rules, ready to assess profiles."""

    def __init__(self, rulebook: Rulebook, action: Action | None = None) -> None:
        self.rulebook = rulebook
        self._action = action
        self._rules = {rule.id: rule for rule in rulebook.rules}
        # each drug's ruleset: its own rules, then the other drugs' switch-out rules
        self._oracles = {drug: PreparedOracle(list(rulebook.ruleset_for(drug)))
                         for drug in rulebook.drugs}
        self._refs = {drug: rulebook.drug_ref(drug) for drug in rulebook.drugs}
        self._about = {drug: _about(rulebook, drug) for drug in rulebook.drugs}
        self._citations = {rule.id: citations(rule, rulebook.sources) for rule in rulebook.rules}
        self._plans = {rule.id: plan(rule.when) for rule in rulebook.rules}
        self._reads = {rule.id: tuple(plan_facts(self._plans[rule.id])) for rule in rulebook.rules}
        # A finding is a pure function of its rule, the engine's outcome and the values of the
        # facts the rule reads: identical inputs share one frozen Finding. Bounded; dict
        # operations are atomic under the GIL, so threads may share it.
        self._findings: dict[tuple, Finding] = {}
        self._rulesets: dict[str, DurableRuleset] = {}
        try:
            for drug in rulebook.drugs:
                compiled = compile_rules(drug, rulebook.ruleset_for(drug))
                self._rulesets[drug] = DurableRuleset(compiled)
        except BaseException:
            self.close()
            raise

    @classmethod
    def from_folder(cls, rules_dir: str | Path | None = None) -> Advisor:
        return cls(load_rulebook(rules_dir))

    @property
    def drugs(self) -> tuple[str, ...]:
        return tuple(self._rulesets)

    def close(self) -> None:
        for ruleset in self._rulesets.values():
            ruleset.close()

    def __enter__(self) -> Advisor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def assess(self, profile: Profile, drugs: Sequence[str] | None = None) -> Assessment:
        """Assess `profile` for each drug (default: every drug in the rulebook)."""
        chosen = list(drugs) if drugs else list(self._rulesets)
        unknown = [d for d in chosen if d not in self._rulesets]
        if unknown:
            raise DmtAdvisorError(
                f"no rules for drug(s) {', '.join(unknown)}; known: {', '.join(self._rulesets)}")
        facts = build_facts(profile)  # once per profile; each drug overlays its own few facts
        return Assessment(
            assessed_on=profile.assessed_on,
            jurisdiction=profile.jurisdiction,
            rulebook=RulebookRef(name=self.rulebook.name, version=self.rulebook.version,
                                 sha256=self.rulebook.sha256),
            assessments=[self._assess_drug(drug, profile, self.facts_for(drug, profile, facts))
                         for drug in chosen],
        )

    def facts_for(self, drug: str, profile: Profile, facts: Facts | None = None) -> Facts:
        """The facts `drug`'s rules see: the profile's, with this drug's `this.*`/`switch.*`."""
        return for_drug(facts or build_facts(profile), profile, self._refs[drug])

    def _assess_drug(self, drug: str, profile: Profile, facts: Facts) -> DrugAssessment:
        firings = self._rulesets[drug].evaluate(facts.engine_fact(), self._action)
        self._cross_check(drug, firings, facts)
        findings: list[Finding] = []
        missing: dict[str, list[str]] = {}
        for firing in firings:
            rule = self._rules[firing.engine_rule.rule_id]
            finding = self._finding(rule, firing, facts)
            for path in finding.missing_fields:
                missing.setdefault(path, []).append(rule.id)
            if finding.status == "applies" or rule.if_unknown is UnknownPolicy.workup_required:
                findings.append(finding)
        findings.sort(key=lambda f: CATEGORY_ORDER.index(f.category))
        notes: list[str] = []
        verdict = overall_verdict(findings)
        # Indicated only when an eligibility rule says so (or asks for work-up to decide it).
        if verdict is None or not any(f.category == "eligibility" and f.verdict != "info"
                                      for f in findings):
            notes.append("No indication rule of this rulebook matched this profile "
                         f"({profile.jurisdiction.value} label), so it is not shown as indicated.")
            verdict = max(filter(None, [verdict, Verdict.not_indicated]),
                          key=lambda v: v.severity)
        return DrugAssessment(
            drug=drug,
            verdict=verdict,
            findings=findings,
            missing=[MissingField(field=f, asked_by=ids) for f, ids in missing.items()],
            schedule=schedule_for(drug, profile, facts, self.rulebook, findings, verdict, notes),
            notes=notes,
            trace=[TraceEntry(order=f.order, rule_id=f.engine_rule.rule_id,
                              outcome=f.engine_rule.outcome) for f in firings],
            about=self._about[drug],
        )

    def _cross_check(self, drug: str, firings: list[Firing], facts: Facts) -> None:
        """The complete set of firings must equal the oracle's, or we refuse to answer.

        Checking each firing catches a wrong outcome; only the complete set catches a rule the
        engine failed to fire (or fired twice), which would silently drop a contraindication.
        """
        fired = [(f.engine_rule.rule_id, f.engine_rule.outcome) for f in firings]
        expected = self._oracles[drug].outcomes(facts)
        if len(fired) == len(expected) and set(fired) == expected:
            return
        got = set(fired)
        missed = sorted(expected - got)
        extra = sorted(got - expected)
        twice = sorted({f for f in fired if fired.count(f) > 1})
        rule_id = (missed or extra or twice)[0][0]
        parts = ([f"not fired: {', '.join(f'{r} ({o})' for r, o in missed)}"] if missed else [])
        parts += [f"fired but false: {', '.join(f'{r} ({o})' for r, o in extra)}"] if extra else []
        parts += [f"fired twice: {', '.join(r for r, _ in twice)}"] if twice else []
        raise EngineError("durable-rules and the plain-Python oracle disagree on which rules "
                          f"apply ({'; '.join(parts)}); refusing to answer", rule_id=rule_id)

    def _finding(self, rule: Rule, firing: Firing, facts: Facts) -> Finding:
        """The finding for one firing, from the cache when the same facts were seen."""
        values = facts.values
        key = (rule.id, firing.engine_rule.outcome,
               *(values.get(name) for name in self._reads[rule.id]))
        finding = self._findings.get(key)
        if finding is None:
            finding = self._explain(rule, firing, facts)
            if len(self._findings) >= FINDING_CACHE_SIZE:
                self._findings.clear()
            self._findings[key] = finding
        return finding

    def _explain(self, rule: Rule, firing: Firing, facts: Facts) -> Finding:
        """Explain one firing; it must agree with the plain-Python oracle or we refuse."""
        value, reasons, missing_fields = explain(rule, self._plans[rule.id], facts)
        outcome = firing.engine_rule.outcome
        expected = {True: "true", None: "undecided", False: "false"}[value]
        if expected != outcome:
            raise EngineError(
                f"durable-rules fired outcome {outcome!r} but the condition evaluates to "
                f"{expected!r}; refusing to answer", rule_id=rule.id)
        cites = self._citations[rule.id]
        if outcome == "true":
            return Finding(rule_id=rule.id, category=rule.category, verdict=rule.verdict,
                           summary=rule.summary, patient_summary=rule.patient_summary,
                           because=reasons, citations=cites, uncertain=rule.uncertain,
                           missing_fields=missing_fields)
        return Finding(
            rule_id=rule.id, category=rule.category, verdict=Verdict.workup_required,
            status="undecided",
            summary=rule.unknown_summary or f"Cannot be decided until "
            f"{', '.join(missing_fields)} {'is' if len(missing_fields) == 1 else 'are'} "
            f"known: {rule.summary}",
            patient_summary=rule.unknown_patient_summary or "More information is needed "
            "before this can be checked: " + rule.patient_summary,
            because=reasons, citations=cites, uncertain=rule.uncertain,
            missing_fields=missing_fields,
        )


def _about(book: Rulebook, drug: str) -> DrugAbout:
    info = book.drug_info(drug)
    return DrugAbout(
        id=info.id, name=info.name, brands=list(info.brands),
        dmt=info.dmt.value if info.dmt is not None else None, dmt_class=info.dmt_class.value,
        off_label=info.off_label, formulations=[f.value for f in info.formulations],
        route=info.route, frequency=info.frequency, patient_route=info.patient_route,
        patient_frequency=info.patient_frequency, programme=info.programme,
        efficacy_group=info.efficacy_group,
        citations=resolve_citations(info.cites, book.sources),
        efficacy_citations=resolve_citations(info.efficacy_cites, book.sources))


_default: Advisor | None = None
_default_lock = threading.Lock()


def default_advisor() -> Advisor:
    """The advisor over the repository's rules/, built once per process."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Advisor.from_folder()
        return _default


def assess(profile: Profile | str | Path, drugs: Iterable[str] | None = None) -> Assessment:
    """Assess a profile (a `Profile` or a path to a YAML/JSON file) with the default rulebook."""
    if not isinstance(profile, Profile):
        profile = load_profile(profile)
    return default_advisor().assess(profile, list(drugs) if drugs else None)
