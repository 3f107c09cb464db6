"""What must happen next, in order, with dates: the block that opens every view of a verdict.

Derived only from an `Assessment` (its findings and schedule items, including doses on hold
with what holds and releases them) plus the dates of the rules' own time windows
(`schedule.rule_spans`: the earliest start after a deferral, the target of a switch). No rule
is evaluated here and no clinical number is written here: every span is the cited rule's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dmt_advisor.assessment import Assessment, DrugAssessment, Finding, ScheduleItem
from dmt_advisor.facts import build_facts, for_drug
from dmt_advisor.field_words import field_words
from dmt_advisor.profile import Profile
from dmt_advisor.rulebook.load import Rulebook
from dmt_advisor.schedule import RuleSpan, rule_spans

NOT_ADVISED = frozenset({"contraindicated", "not_indicated"})


@dataclass(frozen=True)
class NextStep:
    """One thing to do: when (a date, or words such as "now"), for clinicians and patients."""

    when: str                      # "now", "before the first dose", "2026-11-29", "on hold"
    text: str                      # clinician wording
    patient: str | None            # plain wording; None: not for the patient text
    date: dt.date | None = None
    rule_ids: tuple[str, ...] = field(default_factory=tuple)
    kind: str = ""                 # "held", "missing" (layout hints for the views), or ""


def next_steps(assessment: Assessment, profile: Profile,
               rulebook: Rulebook) -> dict[str, list[NextStep]]:
    """The ordered next steps for every drug of `assessment` (the one call into schedule)."""
    facts = build_facts(profile)
    out = {}
    for item in assessment.assessments:
        ids = [f.rule_id for f in item.findings]
        mine = (for_drug(facts, profile, rulebook.drug_ref(item.drug))
                if item.drug in rulebook.drug_infos else facts)  # this drug's switch.* dates
        spans = rule_spans(ids, mine, rulebook)
        out[item.drug] = steps_for(item, assessment.assessed_on, spans)
    return out


def _applies(item: DrugAssessment, verdicts: set[str], categories: set[str] | None = None
             ) -> list[Finding]:
    return [f for f in item.findings if f.verdict in verdicts and f.status == "applies"
            and (categories is None or f.category in categories)]


def clip(text: str, limit: int = 160) -> str:
    """A long finding summary cut at a word, so a step stays one or two lines."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + "..."


def steps_for(item: DrugAssessment, on: dt.date, spans: list[RuleSpan]) -> list[NextStep]:
    """Ordered: what stops or blocks first, then what to do now, then dated steps by date."""
    drug = item.drug
    first: list[NextStep] = []
    dated: list[NextStep] = []
    by_rule: dict[str, list[RuleSpan]] = {}
    for s in spans:
        by_rule.setdefault(s.rule_id, []).append(s)

    if item.verdict in NOT_ADVISED:
        for f in _applies(item, set(NOT_ADVISED)):
            first.append(NextStep("now", f"Do not start {drug}: {clip(f.summary)}",
                                  f.patient_summary, rule_ids=(f.rule_id,)))
        first.append(NextStep("now", f"Discuss other treatment options; {drug} is not advised "
                              "for this patient as recorded.",
                              "Talk with your clinician about other options."))
        return first  # no doses, held or not, of a drug that is not advised (item 5)

    for f in _applies(item, {"deferred"}):
        windows = [s for s in by_rule.get(f.rule_id, []) if s.op == "within_last"]
        if windows:
            s = max(windows, key=lambda w: w.ends)
            dated.append(NextStep(
                s.ends.isoformat(),
                f"Earliest first dose {s.ends.isoformat()}: {s.span} after "
                f"{field_words(s.field)} ({s.since.isoformat()}). {clip(f.summary)}",
                f"The earliest date treatment could start is {s.ends.isoformat()}.",
                s.ends, (f.rule_id,)))
        else:
            first.append(NextStep("now", f"Deferred: {clip(f.summary)} No earliest date can "
                                  "be given from the rules.", f.patient_summary,
                                  rule_ids=(f.rule_id,)))

    workup = _applies(item, {"workup_required"})
    for f in workup:
        first.append(NextStep("before a decision", clip(f.summary), f.patient_summary,
                              rule_ids=(f.rule_id,)))
    missing: list[NextStep] = []
    if item.missing:
        names = "; ".join(field_words(m.field) for m in item.missing)
        missing.append(NextStep("before a decision" if item.verdict == "workup_required"
                                else "when possible",
                                f"Record the {len(item.missing)} missing answer(s): {names}.",
                                "Some tests or answers are still needed; your care team will "
                                "arrange them.", kind="missing"))
    if item.verdict == "workup_required":  # what blocks the decision comes first
        first += missing
        missing = []

    for f in _applies(item, {"eligible_with_precautions"}):
        gaps = [s for s in by_rule.get(f.rule_id, []) if s.op == "not_within_last"]
        for s in gaps:
            what = field_words(s.field)
            if s.ends > on:
                dated.append(NextStep(
                    s.ends.isoformat(), f"First dose before {s.ends.isoformat()}, when {what} "
                    f"({s.since.isoformat()}) is {s.span} ago. {clip(f.summary)}",
                    f"Your team aims to give the first dose before {s.ends.isoformat()}.",
                    s.ends, (f.rule_id,)))
            else:
                first.append(NextStep(
                    "now", f"No further delay: {what} was on {s.since.isoformat()} "
                    f"({s.span} passed on {s.ends.isoformat()}). {clip(f.summary)}",
                    f.patient_summary, rule_ids=(f.rule_id,)))
        if not gaps:
            first.append(NextStep("before the first dose" if f.category in (
                "workup", "switching") else "now", clip(f.summary), f.patient_summary,
                rule_ids=(f.rule_id,)))

    for s in item.schedule:
        if s.status == "on_hold":
            continue
        when = s.due or s.earliest or s.latest
        if when is None:
            if item.verdict == "eligible" or item.verdict == "eligible_with_precautions":
                first.append(NextStep("when started", f"{s.event[0].upper()}{s.event[1:]}.",
                                      None, rule_ids=(s.rule_id,) if s.rule_id else ()))
            continue
        window = ", ".join(f"{k} {v.isoformat()}" for k, v in
                           (("earliest", s.earliest), ("due", s.due), ("latest", s.latest)) if v)
        status = (f" ({s.status})" if s.status in ("overdue", "due") else
                  " (check first: a stop or hold signal is not ruled out, or a precaution "
                  "needs a decision)" if s.status == "check_first" else "")
        dated.append(NextStep(when.isoformat(), f"{s.event[0].upper()}{s.event[1:]}: "
                              f"{window}{status}.", _patient_dose(s), when,
                              (s.rule_id,) if s.rule_id else ()))
    dated.sort(key=lambda n: n.date or on)
    return first + _held(item) + dated + missing


_RELEASE_ALL = "Released only when none of these applies any more: "
_BY_TIME = re.compile(r"\((by time alone from \d{4}-\d{2}-\d{2}; check again then)\)$")


def _release_words(release: str | None, held_by: tuple[str, ...]) -> str:
    """What releases a hold, short: the holding rules are named (their findings are listed with
    the verdict), plus the date from which time alone may release it."""
    if not release:
        return "The rules give nothing that releases it; the clinician decides."
    if not release.startswith(_RELEASE_ALL) or not held_by:
        return release
    by_time = _BY_TIME.search(release)
    tail = f"; {by_time.group(1)}" if by_time else ""
    return f"Released when {', '.join(held_by)} no longer applies{tail}."


def _held(item: DrugAssessment) -> list[NextStep]:
    """Doses on hold, one step per reason: what is held, by which rules, what releases it."""
    groups: dict[tuple[tuple[str, ...], str | None], list[ScheduleItem]] = {}
    for s in item.schedule:
        if s.status == "on_hold":
            groups.setdefault((tuple(s.held_by), s.release), []).append(s)
    out = []
    for (held_by, release), items in groups.items():
        events = "; ".join(s.event for s in items)
        starting = all(s.event.lower().startswith(("start dose", "first dose")) for s in items)
        out.append(NextStep(
            "on hold", f"{events[0].upper()}{events[1:]}. {_release_words(release, held_by)}",
            ("Starting treatment" if starting else "Your next dose") + " is on hold for now; "
            "your care team will tell you what has to happen first.",
            rule_ids=held_by, kind="held"))
    return out


def _patient_dose(s: ScheduleItem) -> str | None:
    """The next dose in plain words with its date; checks on the day are said once."""
    event = s.event.lower()
    if event.startswith(("before the dose", "after the dose")):
        return None
    if s.due is None:
        return None
    if event.startswith("following dose"):
        return f"If the late dose is given now, the one after it is due on {s.due.isoformat()}."
    earliest = (f" (not before {s.earliest.isoformat()})" if s.earliest else "")
    return f"Your next dose is due on {s.due.isoformat()}{earliest}."


def patient_lines(steps: list[NextStep]) -> list[str]:
    """The patient wording of the steps, each once, in order."""
    seen: list[str] = []
    for s in steps:
        if s.patient and s.patient not in seen:
            seen.append(s.patient)
    return seen


def clinician_lines(steps: list[NextStep]) -> list[str]:
    return [f"{s.when[0].upper()}{s.when[1:]}: {s.text}" for s in steps]
