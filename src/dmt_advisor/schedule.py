"""Dosing calendar: pure date arithmetic over the profile (no engine, no rules evaluation).

The start-of-treatment issue only needs the hook; the dosing schedule itself (next dose, earliest
date, overdue doses) is built here by the treatment-course work.
"""

from __future__ import annotations

from dmt_advisor.assessment import ScheduleItem
from dmt_advisor.facts import Facts
from dmt_advisor.profile import Profile


def schedule_for(drug: str, profile: Profile, facts: Facts) -> list[ScheduleItem]:
    """Schedule items for `drug`; none until a drug's calendar is encoded."""
    return []
