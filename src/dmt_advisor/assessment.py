"""What an assessment returns: `shared/contract/assessment-format.md`, format 1.

Additive fields (documented in docs/assessment.md): `Finding.status` (applies | undecided),
`Finding.uncertain`, `Finding.missing_fields`, `DrugAssessment.notes`, `DrugAssessment.trace`
and `DrugAssessment.about` (the drug's drug.yaml, citations resolved: views read it, never rules/).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from dmt_advisor.profile import Jurisdiction
from dmt_advisor.rulebook.model import Category, RuleVerdict, Verdict


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CitationOut(_Out):
    source: str
    section: str
    revision: str
    title: str | None = None
    section_title: str | None = None
    url: str | None = None


class Finding(_Out):
    rule_id: str
    category: Category
    verdict: RuleVerdict
    status: Literal["applies", "undecided"] = "applies"
    summary: str
    patient_summary: str
    because: list[str] = Field(min_length=1)
    citations: list[CitationOut] = Field(min_length=1)
    uncertain: str | None = None
    missing_fields: list[str] = Field(default_factory=list)


class MissingField(_Out):
    field: str
    asked_by: list[str]


class ScheduleItem(_Out):
    event: str
    due: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    status: str | None = None
    detail: str | None = None
    rule_id: str | None = None
    # additive (docs/schedule.md): where the dates come from, and what is not confirmed
    citations: list[CitationOut] = Field(default_factory=list)
    uncertain: str | None = None
    # additive (issue 8): a dose on hold (status "on_hold") names the rules holding it and what
    # would release it; no dose is shown as due while a stop or hold signal stands.
    held_by: list[str] = Field(default_factory=list)
    release: str | None = None


class DrugAbout(_Out):
    """What the drug is (rules/<drug>/drug.yaml), with citations resolved like findings'."""

    id: str
    name: str
    brands: list[str] = Field(default_factory=list)
    dmt: str | None = None  # the profile's Dmt value, None when a profile cannot name it
    dmt_class: str          # DmtClass value (drug.yaml `class:`)
    off_label: bool = False  # true: every view marks it "off-label in MS"
    formulations: list[str]
    route: str
    frequency: str
    patient_route: str
    patient_frequency: str
    programme: str | None = None
    efficacy_group: str | None = None
    citations: list[CitationOut] = Field(min_length=1)
    efficacy_citations: list[CitationOut] = Field(default_factory=list)


class TraceEntry(_Out):
    order: int
    rule_id: str
    outcome: Literal["true", "undecided"]


class DrugAssessment(_Out):
    drug: str
    verdict: Verdict
    findings: list[Finding]
    missing: list[MissingField]
    schedule: list[ScheduleItem] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    trace: list[TraceEntry] = Field(default_factory=list)
    about: DrugAbout | None = None  # None only for an assessment made before issue 9

    def findings_in(self, category: Category | str) -> list[Finding]:
        return [f for f in self.findings if f.category == category]


class RulebookRef(_Out):
    name: str
    version: str
    sha256: str


class Assessment(_Out):
    format: Literal[1] = 1
    assessed_on: dt.date
    jurisdiction: Jurisdiction
    rulebook: RulebookRef
    assessments: list[DrugAssessment]

    def for_drug(self, drug: str) -> DrugAssessment:
        for item in self.assessments:
            if item.drug == drug:
                return item
        raise KeyError(drug)


def overall_verdict(findings: list[Finding]) -> Verdict | None:
    """The most severe verdict among findings (`info` does not count); None if none."""
    verdicts = [f.verdict for f in findings if isinstance(f.verdict, Verdict)]
    return max(verdicts, key=lambda v: v.severity) if verdicts else None


CATEGORY_ORDER: tuple[Category, ...] = tuple(Category)
