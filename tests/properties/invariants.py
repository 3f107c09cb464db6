"""The safety invariants (docs/safety/invariants.md), as checks over one assessment.

Each invariant has an id, a one-line statement, the hazard it controls, a `force` (fields
pinned so that its precondition holds in every generated profile) and a check that raises
`AssertionError` with the reason. Drug-agnostic where possible: the checks read verdicts,
findings, rule metadata and the schedule, never a rule id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dmt_advisor.assessment import DrugAssessment
from dmt_advisor.profile import Profile
from dmt_advisor.rulebook.load import Rulebook
from dmt_advisor.rulebook.model import Verdict, condition_fields
from dmt_advisor.schedule import CHECK_FIRST, HOLD_VERDICTS, ON_HOLD, add_span

ELIGIBLE = {Verdict.eligible, Verdict.eligible_with_precautions}
DEFERRED = Verdict.deferred.severity


@dataclass(frozen=True)
class Ctx:
    """What a check sees: the generated mapping, the profile, one drug's result, the rules."""

    data: dict[str, Any]
    profile: Profile
    result: DrugAssessment
    book: Rulebook
    assess: Callable[[dict[str, Any]], DrugAssessment]
    drug: str = "ocrelizumab"  # the drug assessed (each example chooses one)


@dataclass(frozen=True)
class Invariant:
    id: str
    statement: str
    hazard: str  # the hazard-log entry it controls (docs/safety/hazard-log.md), with its class
    check: Callable[[Ctx], None]
    force: dict[str, Any] = field(default_factory=dict)
    situation: str | None = None
    xfail: str | None = None  # "review finding <id>: fixed on issue-8a"
    # which drugs of the rulebook it is checked for (issue 9): every drug, ocrelizumab only
    # (a fact of its labels), or the drugs with the rules it is about; docs/safety/invariants.md
    scope: Callable[[Rulebook, str], bool] = field(default=lambda book, drug: True)

    def drugs(self, book: Rulebook) -> list[str]:
        return [drug for drug in book.drugs if self.scope(book, drug)]


def ocrelizumab_only(book: Rulebook, drug: str) -> bool:
    """Invariants that state a fact of the ocrelizumab labels (another label may differ)."""
    return drug == "ocrelizumab"


def has_minimum(book: Rulebook, drug: str) -> bool:
    """Drugs whose calendar has a minimum interval (ocrelizumab's is in its own code)."""
    return drug == "ocrelizumab" or any(
        c.repeat is not None and c.repeat.minimum for c in book.calendars_for(drug))


def reads_with_hazard(hazard: str, fact: str) -> Callable[[Rulebook, str], bool]:
    """Drugs with a rule of `hazard` reading `fact` (what the invariant is about)."""
    def scope(book: Rulebook, drug: str) -> bool:
        return any(r.hazard is not None and r.hazard.value == hazard
                   and fact in condition_fields(r.when) for r in book.rules_for(drug))
    return scope


def plainly_due(result: DrugAssessment) -> list[str]:
    """Items showing a date as due with no hold and no check-first."""
    return [f"{i.event} ({i.status}, {i.due})" for i in result.schedule
            if i.due is not None and i.status not in (ON_HOLD, CHECK_FIRST)]


def dated(result: DrugAssessment) -> list[str]:
    return [f"{i.event} ({i.status}, {i.due})" for i in result.schedule if i.due is not None]


def _hbsag_never_eligible(c: Ctx) -> None:
    assert c.result.verdict not in ELIGIBLE, f"HBsAg positive, verdict {c.result.verdict}"


def _pml_deferred_no_dose(c: Ctx) -> None:
    assert c.result.verdict.severity >= DEFERRED, f"PML suspected, verdict {c.result.verdict}"
    assert not dated(c.result), f"PML suspected, dated: {dated(c.result)}"


def _hold_means_no_dose(c: Ctx) -> None:
    if c.result.verdict in HOLD_VERDICTS:
        assert not dated(c.result), f"verdict {c.result.verdict}, dated: {dated(c.result)}"
        assert all(i.status == ON_HOLD for i in c.result.schedule), c.result.schedule


def _unknown_required_never_eligible(c: Ctx) -> None:
    undecided = [f.rule_id for f in c.result.findings if f.status == "undecided"]
    if undecided:
        assert c.result.verdict not in ELIGIBLE, \
            f"verdict {c.result.verdict} with undecided work-up {undecided}"


def _hbv_unknown_never_eligible(c: Ctx) -> None:
    assert c.result.verdict not in ELIGIBLE, f"HBsAg not recorded, verdict {c.result.verdict}"
    assert any(m.field.startswith("screening.hbsag") for m in c.result.missing), \
        f"screening.hbsag not named missing: {[m.field for m in c.result.missing]}"


RISKS: dict[str, tuple[Any, Any]] = {  # field: (benign value, risk value)
    "infection.active": (False, True),
    "infection.serious_recurrent": (False, True),
    "infection.pml_suspected": (False, True),
    "history.life_threatening_infusion_reaction": (False, True),
    "history.malignancy_active": (False, True),
    "history.severely_immunocompromised": (False, True),
    "screening.hbsag": ("negative", "positive"),
    "screening.anti_hbc": ("negative", "positive"),
    "screening.immunoglobulins": ("normal", "low"),
    "screening.liver_tests": ("normal", "abnormal"),
}


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    import copy
    out = copy.deepcopy(data)
    *parents, leaf = path.split(".")
    node = out
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value
    return out


def _monotone(c: Ctx) -> None:
    for path, (benign, risk) in RISKS.items():
        before = c.assess(_set(c.data, path, benign)).verdict
        after = c.assess(_set(c.data, path, risk)).verdict
        assert after.severity >= before.severity, \
            f"{path}: {benign} -> {risk} lowers the verdict {before} -> {after}"


def _stable_on_treatment_indicated(c: Ctx) -> None:
    assert c.result.verdict is not Verdict.not_indicated, \
        "stable on treatment, verdict not_indicated: " + "; ".join(
            [f.rule_id for f in c.result.findings if f.verdict is Verdict.not_indicated]
            + list(c.result.notes))


def _minimum_interval(c: Ctx) -> None:
    if c.drug != "ocrelizumab":
        _calendar_minimum(c)
        return
    history = c.profile.treatment.ocrelizumab
    doses = sorted(history.doses) if history else []
    minimum = c.book.parameters.get("ocrelizumab.schedule.iv-minimum-dose-interval")
    if minimum is None or not doses:
        return
    for item in c.result.schedule:
        if "600 mg" in item.event or "920 mg" in item.event:
            given_on = re.search(r"given on (\d{4}-\d{2}-\d{2})", item.event)
            previous = dt.date.fromisoformat(given_on[1]) if given_on else doses[-1]
            floor = add_span(previous, minimum.value, minimum.unit)
            for when in (item.due, item.earliest):
                assert when is None or when >= floor, \
                    f"{item.event}: {when} is less than {minimum} after {previous}"
        if item.event.startswith("following dose"):
            floor = add_span(c.profile.assessed_on, minimum.value, minimum.unit)
            assert item.due is None or item.due >= floor, item


def _calendar_minimum(c: Ctx) -> None:
    """Calendar as data: a repeat dose is never before the last dose + `minimum`."""
    info = c.book.drug_infos[c.drug]
    course = c.profile.treatment.course(info.dmt) if info.dmt is not None else None
    doses = sorted(course.doses) if course is not None else []
    for spec in c.book.calendars_for(c.drug):
        if spec.repeat is None or not spec.repeat.minimum or not doses:
            continue
        minimum = c.book.parameter(spec.repeat.minimum)
        floor = add_span(doses[-1], minimum.value, minimum.unit)
        for item in c.result.schedule:
            if item.event == f"next dose: {spec.repeat.event}":
                for when in (item.due, item.earliest):
                    assert when is None or when >= floor, \
                        f"{item.event}: {when} is less than {minimum} after {doses[-1]}"


def _every_finding_cited(c: Ctx) -> None:
    for f in c.result.findings:
        assert f.citations, f"{f.rule_id} has no citation"
        for cite in f.citations:
            source = c.book.sources.get(cite.source)
            assert source is not None, f"{f.rule_id} cites unknown {cite.source}"
            assert cite.revision == source.revision, (f.rule_id, cite)
            assert not source.sections or cite.section in source.sections, (f.rule_id, cite)
    for item in c.result.schedule:
        assert item.rule_id is None or item.citations, f"schedule {item.event} uncited"


def _male_no_pregnancy(c: Ctx) -> None:
    asked = [m.field for m in c.result.missing if m.field.startswith("reproductive.")]
    advised = [f.rule_id for f in c.result.findings if f.category == "pregnancy"
               or any(m.startswith("reproductive.") for m in f.missing_fields)]
    assert not asked and not advised, f"male patient: asked {asked}, advised {advised}"


IMPERATIVE = re.compile(
    r"(^|[.!?]\s+)(please\s+)?(start|stop|begin|discontinue|quit|take|skip|do not take|"
    r"don't take|do not start|do not stop)\b"
    r"|\byou (should|must|need to|have to) (start|stop|begin|discontinue|quit|take|skip)\b",
    re.IGNORECASE)


def _patient_text_no_instruction(c: Ctx) -> None:
    for f in c.result.findings:
        match = IMPERATIVE.search(f.patient_summary)
        assert match is None, f"{f.rule_id}: patient text instructs: {f.patient_summary!r}"


def _active_infection_no_dose(c: Ctx) -> None:
    assert not plainly_due(c.result), f"active infection, due: {plainly_due(c.result)}"


def _holds_name_their_rules(c: Ctx) -> None:
    holding = {f.rule_id for f in c.result.findings
               if f.status == "applies" and f.verdict in HOLD_VERDICTS}
    for item in c.result.schedule:
        if item.status == ON_HOLD:
            assert item.release, item
            assert set(item.held_by) == holding, (item.held_by, holding)
            assert holding or c.result.verdict is Verdict.not_indicated, item


def _undecided_stop_not_plainly_due(c: Ctx) -> None:
    stops = [f.rule_id for f in c.result.findings if f.status == "undecided"
             and c.book.rule(f.rule_id).verdict in HOLD_VERDICTS]
    if stops:
        assert not plainly_due(c.result), f"undecided {stops}, due: {plainly_due(c.result)}"
        for item in c.result.schedule:
            if item.due is not None:
                assert set(stops) <= set(item.held_by), (item.event, item.held_by, stops)


def _verdict_is_most_severe(c: Ctx) -> None:
    for f in c.result.findings:
        if isinstance(f.verdict, Verdict):
            assert c.result.verdict.severity >= f.verdict.severity, (f.rule_id, f.verdict)


def _pregnant_no_dose(c: Ctx) -> None:
    assert not plainly_due(c.result), f"pregnant, due: {plainly_due(c.result)}"


def _missing_named(c: Ctx) -> None:
    named = {m.field for m in c.result.missing}
    for f in c.result.findings:
        if f.status == "undecided":
            assert f.missing_fields, f"{f.rule_id} undecided without a missing field"
            assert set(f.missing_fields) <= named, (f.rule_id, f.missing_fields)


def _lt_reaction_contraindicated(c: Ctx) -> None:
    assert c.result.verdict is Verdict.contraindicated, \
        f"prior life-threatening reaction, verdict {c.result.verdict}"


def _stopped_no_dose(c: Ctx) -> None:
    assert not dated(c.result), f"stopped, dated: {dated(c.result)}"


def _deterministic(c: Ctx) -> None:
    assert c.assess(c.data) == c.result, "the same profile gave another assessment"


def _severe_immunocompromise_not_eligible(c: Ctx) -> None:
    assert c.result.verdict is not Verdict.eligible, \
        f"severely immunocompromised, verdict {c.result.verdict}"


CURRENT_FIELDS = {"treatment.current", "treatment.current_status", "treatment.current.drug"}


def _current_unknown_not_eligible(c: Ctx) -> None:
    """Issue 12: a current DMT not recorded is never read as "none" before a first dose."""
    if c.result.verdict in HOLD_VERDICTS:
        return
    assert c.result.verdict is not Verdict.eligible, "current DMT not recorded, yet eligible"
    missing = {m.field for m in c.result.missing}
    assert missing & CURRENT_FIELDS, f"current DMT not recorded and not asked for ({missing})"


# Every stop signal ruled out: an invariant about one signal sees it alone.
BENIGN: dict[str, Any] = {path: benign for path, (benign, _) in RISKS.items()} | {
    "patient.age": 35, "diagnosis.phenotype": "RRMS", "reproductive.pregnant": False,
    "vaccinations": []}
STABLE = {"diagnosis.active_disease": False, "activity.relapses_past_12_months": 0,
          "activity.new_t2_lesions_past_12_months": 0, "activity.gad_enhancing_lesions": 0,
          "activity.last_relapse": None, "patient.age": 40}

INVARIANTS: tuple[Invariant, ...] = (
    Invariant("INV-01", "HBsAg positive is never eligible (with or without precautions).",
              "H-01 (hbv)", _hbsag_never_eligible, {"screening.hbsag": "positive"},
              scope=ocrelizumab_only),
    Invariant("INV-02", "Suspected PML is at least deferred and no dose is dated.", "H-02 (pml)",
              _pml_deferred_no_dose, {"infection.pml_suspected": True},
              scope=ocrelizumab_only),
    Invariant("INV-03", "Contraindicated, not indicated or deferred means no dose is dated: "
              "every calendar item is on hold.", "H-02", _hold_means_no_dose),
    Invariant("INV-04", "An undecided work-up finding (a required test unknown) is never "
              "eligible.", "H-04", _unknown_required_never_eligible),
    Invariant("INV-05", "Before a first dose, HBsAg not recorded is never eligible and names "
              "screening.hbsag as missing.", "H-04 (hbv)", _hbv_unknown_never_eligible,
              {"screening.hbsag": None},
              situation="starting", scope=ocrelizumab_only),
    Invariant("INV-06", "Turning a benign result into a risk result never lowers the verdict's "
              "severity.", "H-01", _monotone, scope=ocrelizumab_only),
    Invariant("INV-07", "A stable adult with RRMS or SPMS on treatment is never 'not "
              "indicated'.", "H-09", _stable_on_treatment_indicated,
              {**STABLE, "diagnosis.phenotype": "RRMS"}, situation="on_treatment",
              scope=ocrelizumab_only),
    Invariant("INV-08", "No maintenance dose (due or earliest) is dated closer than the minimum "
              "interval to the dose before it, IV and SC.", "H-03",
              _minimum_interval, situation="on_treatment", scope=has_minimum),
    Invariant("INV-09", "Every finding and every calendar item cites a source of sources.yaml "
              "with its revision and a listed section.", "H-05",
              _every_finding_cited),
    Invariant("INV-10", "No pregnancy or breastfeeding question or advice for a patient "
              "recorded male.", "H-07 (pregnancy-lactation)", _male_no_pregnancy,
              {"patient.sex": "male"}),
    Invariant("INV-11", "Patient-facing text never tells the patient to start, stop or take a "
              "drug.", "H-07", _patient_text_no_instruction),
    Invariant("INV-12", "With an active infection no dose is shown as plainly due.",
              "H-02 (active-infection)", _active_infection_no_dose, {"infection.active": True},
              situation="on_treatment",
              scope=reads_with_hazard("active-infection", "infection.active")),
    Invariant("INV-13", "An on-hold item names exactly the applying hold rules and what "
              "releases it.", "H-02", _holds_name_their_rules),
    Invariant("INV-14", "An undecided stop signal leaves no dose plainly due; the dated items "
              "name it.", "H-04", _undecided_stop_not_plainly_due,
              situation="on_treatment"),
    Invariant("INV-15", "The verdict is at least as severe as every finding.",
              "H-01", _verdict_is_most_severe),
    Invariant("INV-16", "A pregnant patient on treatment has no dose plainly due.",
              "H-02 (pregnancy-lactation)", _pregnant_no_dose,
              BENIGN | {"reproductive.pregnant": True, "patient.sex": "female"},
              situation="on_treatment",
              scope=reads_with_hazard("pregnancy-lactation", "reproductive.pregnant")),
    Invariant("INV-17", "Every undecided finding names its missing fields, and each is in the "
              "assessment's missing list.", "H-04", _missing_named),
    Invariant("INV-18", "A prior life-threatening infusion or injection reaction is "
              "contraindicated in every jurisdiction.", "H-01 (administration-reaction)",
              _lt_reaction_contraindicated, {"history.life_threatening_infusion_reaction": True},
              scope=ocrelizumab_only),
    Invariant("INV-19", "After the drug is stopped no dose is dated.", "H-03",
              _stopped_no_dose, situation="stopped"),
    Invariant("INV-20", "The same profile always gives the same assessment.",
              "H-10", _deterministic),
    Invariant("INV-21", "A severely immunocompromised patient is never plainly eligible.",
              "H-01 (immunocompromise)", _severe_immunocompromise_not_eligible,
              BENIGN | {"history.severely_immunocompromised": True}, scope=ocrelizumab_only),
    Invariant("INV-22", "Before a first dose, a current DMT that is not recorded is never "
              "plainly eligible and is asked for (never read as none).", "H-14",
              _current_unknown_not_eligible, {"treatment.current_status": "not_recorded"},
              situation="starting"),
)
