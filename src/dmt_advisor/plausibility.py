"""Plausibility warnings on a profile, before any rule acts on it: odd, not invalid.

The profile model rejects what cannot be (an event after the assessment date, an age of 130).
This module flags what is possible to type but unlikely to be true, so the person entering it
looks again: pregnancy answers for a patient recorded male, doses closer together than the
label allows, a last dose before the treatment started, events before the patient was born,
events after today, an assessment date that is not today. It evaluates no rule; the one
clinical number it uses (the shortest dose interval) is the rulebook's cited parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dmt_advisor.field_words import field_words
from dmt_advisor.profile import Formulation, Profile, Sex
from dmt_advisor.rulebook.load import Rulebook

# The cited parameters for "closer than the label allows" (rules/ocrelizumab/schedule.yaml).
P_IV_MINIMUM = ("ocrelizumab.schedule.iv-minimum-dose-interval",
                "ocrelizumab.schedule.iv-minimum-dose-interval-newer-wording")


@dataclass(frozen=True)
class Implausible:
    """One answer to look at again: its profile path and what is odd, in plain words."""

    path: str
    message: str


def _born_by(p: Profile) -> dt.date | None:
    """The latest possible birth date: the birth date, else the day the age was last passed."""
    if p.patient.birth_date is not None:
        return p.patient.birth_date
    if p.patient.age is None:
        return None
    on = p.assessed_on
    try:
        return on.replace(year=on.year - p.patient.age - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        return dt.date(on.year - p.patient.age - 1, 3, 1)


def check(profile: Profile, today: dt.date, rulebook: Rulebook | None = None
          ) -> list[Implausible]:
    """Every plausibility warning for `profile`, each tied to the field to look at."""
    p = profile
    out: list[Implausible] = []
    if p.patient.sex is Sex.male:
        for name in ("pregnant", "breastfeeding", "planning_pregnancy"):
            if getattr(p.reproductive, name) is True:
                out.append(Implausible(
                    f"reproductive.{name}", f"{field_words('reproductive.' + name)} is 'yes' "
                    "for a patient recorded male: check the sex or this answer."))
    if p.assessed_on > today:
        out.append(Implausible("assessed_on", f"The assessment date {p.assessed_on} is in the "
                               f"future (today is {today}); verdicts that depend on time since "
                               "an event would be wrong for today."))
    born = _born_by(p)
    for path, when in p.event_dates():
        if born is not None and when < born:
            out.append(Implausible(path, f"{when} is before the patient was born "
                                   f"({'born ' + str(born) if p.patient.birth_date else 'by age'}"
                                   f"): check the year."))
        elif when > today:
            out.append(Implausible(path, f"{when} is in the future (today is {today}): record "
                                   "only what has happened."))
    current = p.treatment.current
    if current is not None and current.started and current.last_dose and \
            current.last_dose < current.started:
        out.append(Implausible("treatment.current.last_dose",
                               f"The last dose ({current.last_dose}) is before the start of "
                               f"this treatment ({current.started}): check both dates."))
    out += _dose_gaps(p, rulebook)
    return out


def _dose_gaps(p: Profile, rulebook: Rulebook | None) -> list[Implausible]:
    """IV ocrelizumab doses closer than the label's shortest interval (cited parameters)."""
    history = p.treatment.ocrelizumab
    if rulebook is None or history is None or history.formulation is not Formulation.IV:
        return []
    from dmt_advisor.schedule import after

    if not all(pid in rulebook.parameters for pid in P_IV_MINIMUM):
        return []
    doses = sorted((d, i) for i, d in enumerate(history.doses))  # keep the form's index
    out = []
    for n in range(1, len(doses)):
        (before, _), (this, i) = doses[n - 1], doses[n]
        if n == 1:  # the start dose's two infusions: only the same day is flagged
            if this == before:
                out.append(Implausible(f"treatment.ocrelizumab.doses[{i}]",
                                       f"Two doses on the same day ({this}): check the dates."))
            continue
        # the newer, shorter wording of the minimum interval: warn only below both
        earliest = min(after(before, rulebook.parameter(pid)) for pid in P_IV_MINIMUM)
        if this < earliest:
            days = (this - before).days
            out.append(Implausible(
                f"treatment.ocrelizumab.doses[{i}]",
                f"This dose ({this}) is {days} days after the previous one ({before}); the "
                f"label's shortest interval between 600 mg doses is "
                f"{rulebook.parameter(P_IV_MINIMUM[1])} to "
                f"{rulebook.parameter(P_IV_MINIMUM[0])}: check the dates."))
    return out
