"""Dosing calendar: pure date arithmetic over the profile (no engine, no rule evaluation).

What the calendar knows comes from the rule files, never from this module: every interval is a
named, cited `parameters:` entry (rules/ocrelizumab/schedule.yaml), and every item links to the
rule whose finding explains it (its `rule_id`), carrying that rule's citations. So a date on the
page always has a source, and a number the sources disagree on (the minimum interval between
IV doses: 5 months or 20 weeks) says so in the item's `uncertain`.

Month arithmetic: "6 months after 2026-01-31" is the first day on which 6 whole calendar months
have passed, 2026-07-31; when the target month is shorter (2025-08-31 + 6 months) it is the 1st
of the following month (2026-03-01). This is exactly the rule engine's `months_ago` count
(`facts.months_between`), so a rule saying "not within the last 6 months" and the calendar's
due date always agree.

The calendar obeys the verdict (issue 8, docs/schedule.md "Holds"): the findings beside it are
read, never re-evaluated. While an applying finding says contraindicated, not_indicated or
deferred, every item is `on_hold` (no `due` date), names the rules holding it (`held_by`) and
what would release it (`release`). While such a stop signal is only undecided (a field it needs
is not recorded), dated items are `check_first`: the planned date stays, the missing fields are
named. Missed doses follow the label's reset, and no dose is dated closer to the previous one
than the minimum interval.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dmt_advisor.assessment import CitationOut, Finding, ScheduleItem
from dmt_advisor.facts import Facts, doses_of
from dmt_advisor.profile import Formulation, Profile
from dmt_advisor.rulebook.load import Rulebook
from dmt_advisor.rulebook.model import (
    AllOf,
    AnyOf,
    CalendarCheck,
    CalendarSpec,
    Citation,
    Compare,
    Duration,
    NotOf,
    Parameter,
    Rule,
    Verdict,
)

DRUG = "ocrelizumab"

# Named parameters (rules/ocrelizumab/schedule.yaml) and the rules the items link to.
P_START_SECOND = "ocrelizumab.schedule.iv-start-second-infusion-after"
P_IV_INTERVAL = "ocrelizumab.schedule.iv-dose-interval"
P_SC_INTERVAL = "ocrelizumab.schedule.sc-dose-interval"
P_IV_MINIMUM = "ocrelizumab.schedule.iv-minimum-dose-interval"
P_IV_MINIMUM_NEWER = "ocrelizumab.schedule.iv-minimum-dose-interval-newer-wording"
PARAMETERS = (P_START_SECOND, P_IV_INTERVAL, P_SC_INTERVAL, P_IV_MINIMUM, P_IV_MINIMUM_NEWER)

R_IV_START = "ocrelizumab.schedule.iv-start-regimen"
R_IV_SECOND = "ocrelizumab.schedule.iv-second-start-infusion"
R_IV_MAINTENANCE = "ocrelizumab.schedule.iv-maintenance"
R_SC_DOSING = "ocrelizumab.schedule.sc-dosing"
R_OVERDUE = "ocrelizumab.schedule.dose-overdue"
R_FORMULATION = ("ocrelizumab.administration.iv-sc-not-interchangeable",
                 "ocrelizumab.administration.iv-to-sc-transition-eu")
# Before every dose: the first rule that applies to the patient's jurisdiction is linked.
R_INFECTION_CHECK = ("ocrelizumab.administration.active-infection",
                     "ocrelizumab.contraindication.eu-active-infection")
R_PREMEDICATION = {Formulation.IV: ("ocrelizumab.administration.premedication-iv",),
                   Formulation.SC: ("ocrelizumab.administration.premedication-sc",)}
R_OBSERVATION = {Formulation.IV: ("ocrelizumab.administration.post-infusion-observation-iv",),
                 Formulation.SC: ("ocrelizumab.administration.observation-sc",)}


def add_span(start: dt.date, value: int, unit: str) -> dt.date:
    """`start` + `value` days, weeks or months (months as described in the module docstring)."""
    if unit == "day":
        return start + dt.timedelta(days=value)
    if unit == "week":
        return start + dt.timedelta(weeks=value)
    if unit != "month":
        raise ValueError(f"unknown unit {unit!r}")
    year, month0 = divmod(start.month - 1 + value, 12)
    year += start.year
    try:
        return dt.date(year, month0 + 1, start.day)
    except ValueError:  # that day does not exist in the target month: the 1st of the next
        return dt.date(year + (month0 + 1) // 12, (month0 + 1) % 12 + 1, 1)


def after(start: dt.date, param: Parameter) -> dt.date:
    """`start` plus a named parameter's span."""
    return add_span(start, param.value, param.unit)


# A finding with one of these verdicts stops or holds dosing (generic: no drug is named here).
HOLD_VERDICTS = frozenset({Verdict.contraindicated, Verdict.not_indicated, Verdict.deferred})
ON_HOLD = "on_hold"
CHECK_FIRST = "check_first"


@dataclass(frozen=True)
class Hold:
    """Why the dose items are held (`on_hold`) or must be checked first (`check_first`)."""

    status: str
    held_by: tuple[str, ...]
    release: str
    earliest: dt.date | None = None  # when every holding deferral has run out (if derivable)


def span_end(since: dt.date, span: Duration) -> dt.date:
    """The first day a `within_last <span>` predicate on `since` is false, counted exactly as the
    oracle counts (weeks as days, years as 12 months)."""
    value, unit = (span.amount * 12, "month") if span.unit == "year" else (span.amount, span.unit)
    return add_span(since, value, unit)


def release_date(rule: Rule, facts: Facts) -> dt.date | None:
    """The first day on which `rule` stops applying by time alone, if its condition says so.

    Generic: a top-level `within_last` predicate on a date fact (a conjunct of a top-level
    `all`, or the whole condition) is false from `date + span` on, and then so is the rule (a
    live vaccine on 2026-11-01 with `within_last: 4 weeks` -> 2026-11-29). The span is counted
    exactly as the oracle counts it (weeks as days, years as 12 months). None when the rule has
    no such predicate: only the clinician can say when it ends.
    """
    parts = rule.when.all if isinstance(rule.when, AllOf) else [rule.when]
    ends = []
    for part in parts:
        if isinstance(part, Compare) and part.op == "within_last":
            when = facts.get(part.field)
            if isinstance(when, dt.date):
                ends.append(span_end(when, part.operand))
    return min(ends) if ends else None


def hold_for(findings: Sequence[Finding], verdict: Verdict | None, notes: Sequence[str],
             book: Rulebook, facts: Facts) -> Hold | None:
    """The hold the findings put on dosing, or None when a dose may be shown as due."""
    holding = [f for f in findings if f.status == "applies" and f.verdict in HOLD_VERDICTS]
    if holding or verdict is Verdict.not_indicated:
        held_by = tuple(dict.fromkeys(f.rule_id for f in holding))
        reasons = [f"{f.rule_id}: {f.summary}" for f in holding]
        if verdict is Verdict.not_indicated and not any(
                f.verdict is Verdict.not_indicated for f in holding):
            reasons += list(notes) or ["no indication rule matched this profile"]
        ends = [release_date(book.rule(f.rule_id), facts) for f in holding]
        earliest = (max(e for e in ends if e is not None)
                    if ends and all(e is not None for e in ends)
                    and all(f.verdict is Verdict.deferred for f in holding)
                    and verdict is not Verdict.not_indicated else None)
        release = "Released only when none of these applies any more: " + " | ".join(reasons)
        if earliest is not None:
            release += f" (by time alone from {earliest.isoformat()}; check again then)"
        return Hold(ON_HOLD, held_by, release, earliest)
    undecided = [f for f in findings if f.status == "undecided"
                 and book.rule(f.rule_id).verdict in HOLD_VERDICTS]
    # A safety precaution (a hazard-tagged rule asking for care) stands: decide before dosing.
    precautions = [f for f in findings if f.status == "applies"
                   and f.verdict is Verdict.eligible_with_precautions
                   and book.rule(f.rule_id).hazard is not None]
    if not (undecided or precautions):
        return None
    words = []
    if undecided:
        fields = list(dict.fromkeys(m for f in undecided for m in f.missing_fields))
        words.append(f"Record {', '.join(fields)} before the dose: a stop or hold signal "
                     f"cannot be ruled out ({'; '.join(f.rule_id for f in undecided)}).")
    if precautions:
        words.append("Decide on these precautions before the dose: "
                     + " | ".join(f"{f.rule_id}: {f.summary}" for f in precautions))
    return Hold(CHECK_FIRST, tuple(dict.fromkeys(f.rule_id for f in undecided + precautions)),
                " ".join(words))


def apply_hold(items: list[ScheduleItem], hold: Hold | None) -> list[ScheduleItem]:
    """Every item held (no due date) or marked check-first; the catch-up advice is dropped."""
    if hold is None:
        return items
    out = []
    for item in items:
        if hold.status == ON_HOLD:
            if item.rule_id is not None and item.event.startswith("following dose if"):
                continue  # "give the overdue dose now" contradicts the hold
            planned = f" The planned date was {item.due.isoformat()}." if item.due else ""
            out.append(item.model_copy(update={
                "status": ON_HOLD, "due": None, "latest": None,
                "earliest": max(filter(None, [item.earliest, hold.earliest]), default=None),
                "held_by": list(hold.held_by), "release": hold.release,
                "detail": f"On hold ({', '.join(hold.held_by) or 'not indicated'}).{planned} "
                          f"{item.detail or ''}".strip()}))
        elif item.due is not None:
            out.append(item.model_copy(update={
                "status": CHECK_FIRST, "held_by": list(hold.held_by), "release": hold.release,
                "detail": f"Check first (by date: {item.status}): {hold.release} "
                          f"{item.detail or ''}".strip()}))
        else:
            out.append(item)
    return out


def status_on(due: dt.date, on: dt.date) -> str:
    """upcoming (before the due date), due (on it) or overdue (after it)."""
    return "upcoming" if on < due else "due" if on == due else "overdue"


@dataclass(frozen=True)
class _Context:
    """What every item of one calendar needs: the rulebook, the patient's date and label set."""

    book: Rulebook
    on: dt.date
    jurisdiction: str

    def param(self, pid: str) -> Parameter:
        return self.book.parameter(pid)

    def cite(self, cites: Iterable[Citation]) -> list[CitationOut]:
        out: dict[tuple[str, str], CitationOut] = {}
        for c in cites:
            source = self.book.sources[c.source]
            out.setdefault((c.source, c.section), CitationOut(
                source=source.id, section=c.section, revision=source.revision,
                title=source.title, section_title=source.sections.get(c.section),
                url=source.url))
        return list(out.values())

    def rule_applies(self, rule_id: str) -> bool:
        try:
            rule = self.book.rule(rule_id)
        except KeyError:
            return False
        return self.jurisdiction in {j.value for j in rule.jurisdictions}

    def first_applicable(self, rule_ids: Iterable[str]) -> str | None:
        return next((rid for rid in rule_ids if self.rule_applies(rid)), None)

    def item(self, event: str, rule_id: str, *, params: Iterable[str] = (),
             detail: str | None = None, due: dt.date | None = None,
             earliest: dt.date | None = None, status: str | None = None,
             uncertain: str | None = None) -> ScheduleItem:
        """One schedule item citing its rule and the parameters its dates rest on."""
        rule = self.book.rule(rule_id)
        cites = list(rule.cites) + [c for pid in params for c in self.param(pid).cites]
        return ScheduleItem(event=event, due=due, earliest=earliest, status=status,
                            detail=detail if detail is not None else rule.summary,
                            rule_id=rule_id, citations=self.cite(cites),
                            uncertain=uncertain)


def schedule_for(drug: str, profile: Profile, facts: Facts, rulebook: Rulebook,
                 findings: Sequence[Finding] = (), verdict: Verdict | None = None,
                 notes: Sequence[str] = ()) -> list[ScheduleItem]:
    """The dosing calendar for `drug` on `profile.assessed_on` (empty for other drugs).

    `rulebook` (the advisor's own, never reloaded here) supplies the named parameters and the
    linked rules, so a calendar always uses the same rules as the findings beside it.
    `findings`, `verdict` and `notes` are the assessment's own: they put the calendar on hold.
    """
    items = _calendar(drug, profile, facts, rulebook)
    if not items:
        return items
    return apply_hold(items, hold_for(findings, verdict, notes, rulebook, facts))


def _calendar(drug: str, profile: Profile, facts: Facts,
              rulebook: Rulebook) -> list[ScheduleItem]:
    """The calendar as the dose history alone dates it (before any hold)."""
    if drug != DRUG:  # ocrelizumab keeps its own code; every other drug's calendar is data
        return generic_calendar(drug, profile, facts, rulebook)
    book = rulebook
    if any(pid not in book.parameters for pid in PARAMETERS):
        return []  # a rulebook without the calendar's parameters gets no invented dates
    ctx = _Context(book, profile.assessed_on, profile.jurisdiction.value)
    history = profile.treatment.ocrelizumab
    doses = sorted(history.doses) if history else []
    formulation = history.formulation if history else None
    if not doses:
        return _start_items(ctx, formulation)
    if facts.get("treatment.on_ocrelizumab") is not True:
        return []  # stopped: no next dose (monitoring after stopping is in the findings)
    if formulation is None:
        rule_id = ctx.first_applicable(R_FORMULATION)
        return [] if rule_id is None else [ctx.item("next dose", rule_id, detail=(
            "Record treatment.ocrelizumab.formulation (IV or SC): the IV and subcutaneous "
            "schedules differ, so no date is given."))]
    if formulation is Formulation.IV:
        items, dose_date, interval = _iv_items(ctx, doses, facts)
    else:
        items, dose_date, interval = _sc_items(ctx, doses)
    if dose_date is not None:
        items += _before_and_after_dose(ctx, formulation, max(dose_date, ctx.on))
    if interval is not None and items and items[0].status == "overdue":
        catch_up = ctx.on
        items.append(ctx.item(
            f"following dose if the overdue dose is given on {catch_up.isoformat()}",
            R_OVERDUE, params=(interval,), due=after(catch_up, ctx.param(interval)),
            detail=f"Give the overdue dose as soon as possible; the next one is then due "
                   f"{ctx.param(interval)} after that dose (the schedule restarts from it)."))
    return items


def _start_items(ctx: _Context, formulation: Formulation | None) -> list[ScheduleItem]:
    """No dose yet: the starting regimen(s), without dates."""
    items = []
    if formulation in (None, Formulation.IV) and ctx.rule_applies(R_IV_START):
        items.append(ctx.item("start dose (IV): 300 mg, then 300 mg two weeks later",
                              R_IV_START, params=(P_START_SECOND, P_IV_INTERVAL)))
    if formulation in (None, Formulation.SC) and ctx.rule_applies(R_SC_DOSING):
        items.append(ctx.item("first dose (SC, Ocrevus Zunovo): 920 mg, no split start",
                              R_SC_DOSING, params=(P_SC_INTERVAL,)))
    return items


def _iv_items(ctx: _Context, doses: list[dt.date],
              facts: Facts) -> tuple[list[ScheduleItem], dt.date | None, str | None]:
    """IV: the second start infusion, or the next 600 mg dose with its earliest date.

    Missed doses follow the label's reset ("administer as soon as possible; reset the dose
    schedule to administer the next sequential dose 6 months after the missed dose is
    administered"; doses at least the minimum interval apart): a second start infusion given
    late, or still to be given late, restarts the count from it.
    """
    interval, minimum = ctx.param(P_IV_INTERVAL), ctx.param(P_IV_MINIMUM)
    if len(doses) == 1:
        second = after(doses[0], ctx.param(P_START_SECOND))
        second_status = status_on(second, ctx.on)
        items = [ctx.item("second 300 mg start infusion (IV)", R_IV_SECOND,
                          params=(P_START_SECOND,), due=second, status=second_status,
                          detail=f"{ctx.param(P_START_SECOND)} after infusion 1 on "
                                 f"{doses[0].isoformat()}.")]
        if second_status == "overdue":
            catch_up = ctx.on
            first_full = after(catch_up, interval)
            items.append(ctx.item(
                f"first 600 mg dose (IV) if the second start infusion is given on "
                f"{catch_up.isoformat()}", R_OVERDUE, params=(P_IV_INTERVAL, P_IV_MINIMUM),
                due=first_full, earliest=after(catch_up, minimum),
                status=status_on(first_full, ctx.on),
                detail=f"The second start infusion was due {second.isoformat()} and is late: "
                       f"the schedule resets, so the first 600 mg dose is due {interval} after "
                       f"the day it is given, and never less than {minimum} after it.",
                uncertain=minimum.uncertain))
            return items, catch_up, None
        first_full = max(after(doses[0], interval), after(second, minimum))
        items.append(ctx.item(
            "first 600 mg dose (IV)", R_IV_MAINTENANCE, params=(P_IV_INTERVAL, P_IV_MINIMUM),
            due=first_full, earliest=after(second, minimum), status=status_on(first_full, ctx.on),
            detail=f"{interval} after infusion 1 of the start dose ({doses[0].isoformat()}), "
                   f"if the second start infusion is given on {second.isoformat()}."))
        return items, second, None
    # IV with doses: always known; a late second start infusion resets the count to it (the
    # same date the dose-overdue rule reads, so finding and calendar agree)
    anchor = facts.get("treatment.ocrelizumab.schedule_from")
    assert isinstance(anchor, dt.date)
    reset = ""
    if len(doses) == 2 and anchor == doses[1]:
        reset = (" The second start infusion was given later than "
                 f"{ctx.param(P_START_SECOND)} after the first, so the schedule restarts from it.")
    newer = ctx.param(P_IV_MINIMUM_NEWER)
    earliest, earliest_newer = after(doses[-1], minimum), after(doses[-1], newer)
    due = max(after(anchor, interval), earliest)
    counted = ("infusion 1 of the start dose" if anchor != doses[-1] else "the last dose")
    detail = (f"600 mg IV every {interval}, counted from {counted} ({anchor.isoformat()})."
              f"{reset} Earliest {earliest.isoformat()}: at least {minimum} after the last dose "
              f"({doses[-1].isoformat()}); a newer manufacturer page says {newer} "
              f"({earliest_newer.isoformat()}).")
    if len(doses) == 2 and earliest <= doses[1]:
        detail += (" The first two recorded doses are not two weeks apart as the IV start "
                   "dose is: check that the dose history is complete.")
    item = ctx.item("next dose: 600 mg IV", R_IV_MAINTENANCE,
                    params=(P_IV_INTERVAL, P_IV_MINIMUM, P_IV_MINIMUM_NEWER), due=due,
                    earliest=earliest, status=status_on(due, ctx.on), detail=detail,
                    uncertain=minimum.uncertain)
    return [item], due, P_IV_INTERVAL


def _sc_items(ctx: _Context,
              doses: list[dt.date]) -> tuple[list[ScheduleItem], dt.date, str]:
    """SC (Zunovo): 920 mg every 6 months from the last dose; no earliest date is known."""
    interval = ctx.param(P_SC_INTERVAL)
    due = after(doses[-1], interval)
    item = ctx.item(
        "next dose: 920 mg SC (Ocrevus Zunovo)", R_SC_DOSING, params=(P_SC_INTERVAL,),
        due=due, status=status_on(due, ctx.on),
        detail=f"920 mg SC every {interval}, counted from the last dose "
               f"({doses[-1].isoformat()}). No earliest date is given: a minimum interval "
               "for Ocrevus Zunovo was not found in the sources read.",
        uncertain=interval.uncertain)
    return [item], due, P_SC_INTERVAL


def _before_and_after_dose(ctx: _Context, formulation: Formulation,
                           dose_date: dt.date) -> list[ScheduleItem]:
    """What is due on the day of the next dose: infection check, premedication, observation."""
    items = []
    for event, candidates in (
            ("before the dose: check for an active infection", R_INFECTION_CHECK),
            ("before the dose: premedication", R_PREMEDICATION[formulation]),
            ("after the dose: observation", R_OBSERVATION[formulation])):
        rule_id = ctx.first_applicable(candidates)
        if rule_id is not None:
            rule = ctx.book.rule(rule_id)  # "check for X" reads better than "X: delay"
            items.append(ctx.item(event, rule_id, due=dose_date,
                                  detail=rule.unknown_summary or rule.summary))
    return items


# ---- dates for the next-steps block (issue 12) -------------------------------------------

@dataclass(frozen=True)
class RuleSpan:
    """A rule's own time window on a date fact: `vaccinations.last_live_date within_last 4
    weeks` with the fact's date gives the day the window ends (`ends`). The span is the rule's
    cited duration; nothing here is a clinical number of its own."""

    rule_id: str
    field: str
    op: str              # within_last | not_within_last
    span: str            # "4 weeks", as the rule says it
    since: dt.date       # the fact's date (the vaccine, the last dose)
    ends: dt.date        # since + span: the first day the rule's window no longer holds


def rule_spans(rule_ids: Iterable[str], facts: Facts, rulebook: Rulebook) -> list[RuleSpan]:
    """Every `within_last` / `not_within_last` predicate of these rules, dated for `profile`.

    Used for the earliest start after a deferral (the deferring rule's `within_last`) and the
    target window of a switch (a gap rule's `not_within_last`). The end day follows the
    engine's counting: `within_last 4 weeks` holds while fewer than 28 days have passed.
    """
    out: list[RuleSpan] = []

    def walk(cond: object, rule_id: str) -> None:
        if isinstance(cond, AllOf | AnyOf):
            for sub in cond.all if isinstance(cond, AllOf) else cond.any:
                walk(sub, rule_id)
        elif isinstance(cond, NotOf):
            walk(cond.not_, rule_id)
        elif isinstance(cond, Compare) and cond.op in ("within_last", "not_within_last"):
            since = facts.get(cond.field)
            if isinstance(since, dt.date):
                out.append(RuleSpan(rule_id, cond.field, cond.op, str(cond.operand), since,
                                    span_end(since, cond.operand)))

    for rule_id in rule_ids:
        try:
            rule = rulebook.rule(rule_id)
        except KeyError:
            continue
        walk(rule.when, rule_id)
    return out


# ---- every other drug: the calendar as data (`calendar:` entries, docs/schedule.md) --------

def generic_calendar(drug: str, profile: Profile, facts: Facts,
                     book: Rulebook) -> list[ScheduleItem]:
    """The calendar of a drug from its `calendar:` entries (before any hold); [] without any.

    No dose recorded: the start sequence, repeat and checks without dates. Doses recorded
    (`treatment.courses`): the next start step from dose 1 (shifted by however late the
    previous step was given: a missed dose restarts the count from when it is given), then
    repeats from the last dose (never closer than `minimum`). `continuous`: one undated
    "daily dosing" item and the checks dated from dose 1 / the start of treatment.
    """
    specs = book.calendars_for(drug)
    if not specs:
        return []
    ctx = _Context(book, profile.assessed_on, profile.jurisdiction.value)
    spec = _regimen(specs, facts, book, drug)
    if not isinstance(spec, CalendarSpec):
        return [ctx.item("next dose", specs[0].explained_by, detail=spec)]
    ref = book.drug_ref(drug) if drug in book.drug_infos else None
    doses = doses_of(profile, ref.dmt) if ref is not None else []
    on = facts.get("this.on") is True
    first = facts.get("this.first_dose")
    if doses and not on:
        return []  # stopped: no next dose (monitoring after stopping is in the findings)
    if spec.continuous is not None:
        return _continuous_items(ctx, spec, first if on and isinstance(first, dt.date) else None)
    if not doses:
        if on:
            return [ctx.item("next dose", spec.explained_by, detail=(
                "Record the doses given (treatment.courses): the next dose cannot be dated "
                "without them."))]
        return _undated_items(ctx, spec)
    return _dated_items(ctx, spec, doses)


def _regimen(specs: tuple[CalendarSpec, ...], facts: Facts, book: Rulebook,
             drug: str) -> CalendarSpec | str:
    """The regimen for the recorded formulation, or words saying what to record."""
    recorded = facts.get("this.formulation")
    if recorded is not None:
        match = [s for s in specs if s.formulation is not None and s.formulation.value == recorded]
        match = match or [s for s in specs if s.formulation is None]
        if match:
            return match[0]
        return (f"No regimen of {drug} for the recorded formulation {recorded} is in the "
                "rulebook, so no date is given.")
    if len(specs) == 1:
        return specs[0]
    info = book.drug_infos.get(drug)
    if info is not None and len(info.formulations) == 1:
        only = [s for s in specs if s.formulation in (None, info.formulations[0])]
        if len(only) == 1:
            return only[0]
    kinds = ", ".join(s.formulation.value for s in specs if s.formulation is not None)
    return ("Record the formulation (treatment.courses[].formulation or "
            f"treatment.current.formulation): the regimens differ ({kinds}), so no date is given.")


def _params_uncertain(ctx: _Context, pids: Iterable[str | None]) -> str | None:
    notes = [ctx.param(p).uncertain for p in pids if p and ctx.param(p).uncertain]
    return " ".join(dict.fromkeys(n for n in notes if n)) or None


def _undated_items(ctx: _Context, spec: CalendarSpec) -> list[ScheduleItem]:
    """No dose yet: the start sequence, the repeat and the checks, in words, without dates."""
    items = []
    for step in spec.start:
        words = (f"{ctx.param(step.after)} after dose 1" if step.after else "the first dose")
        items.append(ctx.item(step.event, spec.explained_by, params=[p for p in [step.after] if p],
                              detail=f"{step.event}: {words}.",
                              uncertain=_params_uncertain(ctx, [step.after])))
    if spec.continuous is not None:
        items.append(_continuous_item(ctx, spec))
    elif spec.repeat is not None:
        items.append(_repeat_undated(ctx, spec))
    else:
        items.append(_no_further(ctx, spec))
    items += [_check_item(ctx, check, None) for check in spec.checks]
    return items


def _continuous_item(ctx: _Context, spec: CalendarSpec) -> ScheduleItem:
    return ctx.item("daily dosing (continuous)", spec.explained_by, detail=spec.continuous)


def _repeat_undated(ctx: _Context, spec: CalendarSpec) -> ScheduleItem:
    rep = spec.repeat
    assert rep is not None
    pids = [rep.first_after, rep.every, rep.minimum]
    words = f"every {ctx.param(rep.every)} after the previous dose"
    if rep.first_after:
        words = f"first {ctx.param(rep.first_after)} after dose 1, then " + words
    if rep.minimum:
        words += f", never closer than {ctx.param(rep.minimum)}"
    return ctx.item(rep.event, spec.explained_by, params=[p for p in pids if p],
                    detail=f"{rep.event}: {words}.", uncertain=_params_uncertain(ctx, pids))


def _no_further(ctx: _Context, spec: CalendarSpec) -> ScheduleItem:
    return ctx.item("no further dose in the labelled regimen", spec.explained_by)


def _check_item(ctx: _Context, check: CalendarCheck, first: dt.date | None) -> ScheduleItem:
    param = ctx.param(check.after)
    if first is None:
        return ctx.item(check.event, check.rule, params=[check.after],
                        detail=f"{check.event}: {param} after the first dose.",
                        uncertain=param.uncertain)
    due = after(first, param)
    return ctx.item(check.event, check.rule, params=[check.after], due=due,
                    status=status_on(due, ctx.on),
                    detail=f"{check.event}: {param} after the first dose "
                           f"({first.isoformat()}).", uncertain=param.uncertain)


def _continuous_items(ctx: _Context, spec: CalendarSpec,
                      first: dt.date | None) -> list[ScheduleItem]:
    """Self-administered daily (or every-other-day) dosing: no dated doses."""
    if first is None:
        return _undated_items(ctx, spec)
    items = []
    for step in spec.start[1:]:  # titration steps still ahead
        assert step.after is not None
        due = after(first, ctx.param(step.after))
        if due >= ctx.on:
            items.append(ctx.item(step.event, spec.explained_by, params=[step.after],
                                  due=due, status=status_on(due, ctx.on),
                                  detail=f"{step.event}: {ctx.param(step.after)} after the "
                                         f"first dose ({first.isoformat()}).",
                                  uncertain=ctx.param(step.after).uncertain))
    items.append(_continuous_item(ctx, spec))
    return items + [_check_item(ctx, check, first) for check in spec.checks]


def _planned(ctx: _Context, spec: CalendarSpec, dose1: dt.date, index: int) -> dt.date:
    """The planned date of start step `index` counted from dose 1."""
    step = spec.start[index]
    return dose1 if step.after is None else after(dose1, ctx.param(step.after))


def _dated_items(ctx: _Context, spec: CalendarSpec,
                 doses: list[dt.date]) -> list[ScheduleItem]:
    """Doses recorded: the next start step or repeat, dated, and the checks."""
    dose1, last, n = doses[0], doses[-1], len(doses)
    items: list[ScheduleItem] = []
    if n < len(spec.start):
        step = spec.start[n]
        late = max((last - _planned(ctx, spec, dose1, n - 1)).days, 0)
        due = _planned(ctx, spec, dose1, n) + dt.timedelta(days=late)
        words = f"{ctx.param(step.after)} after dose 1 ({dose1.isoformat()})"  # type: ignore[arg-type]
        if late:
            words += (f", moved {late} days later because the previous dose was given late "
                      "(the count restarts from when it was given)")
        items.append(ctx.item(f"next dose: {step.event}", spec.explained_by,
                              params=[step.after] if step.after else [], due=due,
                              status=status_on(due, ctx.on), detail=f"{step.event}: {words}.",
                              uncertain=_params_uncertain(ctx, [step.after])))
    elif spec.repeat is None:
        items.append(_no_further(ctx, spec))
    else:
        rep = spec.repeat
        every = ctx.param(rep.every)
        if n == len(spec.start) and rep.first_after:
            planned_last = _planned(ctx, spec, dose1, n - 1)
            late = max((last - planned_last).days, 0)
            due = after(dose1, ctx.param(rep.first_after)) + dt.timedelta(days=late)
            words = f"{ctx.param(rep.first_after)} after dose 1 ({dose1.isoformat()})"
        else:
            due = after(last, every)
            words = f"{every} after the last dose ({last.isoformat()})"
        earliest = after(last, ctx.param(rep.minimum)) if rep.minimum else None
        if earliest is not None:
            due = max(due, earliest)
            words += f"; earliest {earliest.isoformat()} ({ctx.param(rep.minimum)} after it)"
        pids = [rep.first_after, rep.every, rep.minimum]
        status = status_on(due, ctx.on)
        items.append(ctx.item(f"next dose: {rep.event}", spec.explained_by,
                              params=[p for p in pids if p], due=due, earliest=earliest,
                              status=status, detail=f"{rep.event}: {words}.",
                              uncertain=_params_uncertain(ctx, pids)))
        if status == "overdue":
            items.append(ctx.item(
                f"following dose if the overdue dose is given on {ctx.on.isoformat()}",
                spec.explained_by, params=[rep.every], due=after(ctx.on, every),
                detail=f"Give the overdue dose as soon as possible; the next one is then due "
                       f"{every} after that dose (the schedule restarts from it)."))
    items += [_check_item(ctx, check, dose1) for check in spec.checks]
    return items
