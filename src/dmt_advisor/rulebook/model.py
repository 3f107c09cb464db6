"""The rule-file language, as pydantic models (docs/rules.md is the author's guide).

A rule says *when* (a condition over named facts), *what it contributes* (a verdict or `info`),
*what to do when it cannot be decided* (`if_unknown`), the words for clinicians and patients,
and *where it comes from* (`cites`). Conditions are data: `all` / `any` / `not` over predicates,
evaluated in Kleene three-valued logic (a predicate on an unknown fact is unknown).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictFloat,
    StrictInt,
    Tag,
    field_validator,
    model_validator,
)

from dmt_advisor.facts import DMT_CLASS, DmtClass
from dmt_advisor.profile import Dmt, Formulation, Jurisdiction


class Verdict(StrEnum):
    """The verdict ladder of the assessment contract, most severe first."""

    contraindicated = "contraindicated"
    not_indicated = "not_indicated"
    deferred = "deferred"
    workup_required = "workup_required"
    eligible_with_precautions = "eligible_with_precautions"
    eligible = "eligible"

    @property
    def severity(self) -> int:
        """Higher is more severe; the assessment's verdict is the maximum."""
        return len(VERDICT_LADDER) - VERDICT_LADDER.index(self)


VERDICT_LADDER: tuple[Verdict, ...] = tuple(Verdict)
INFO: Literal["info"] = "info"
RuleVerdict = Verdict | Literal["info"]


class Category(StrEnum):
    """Finding categories of the assessment contract."""

    eligibility = "eligibility"
    contraindication = "contraindication"
    workup = "workup"
    administration = "administration"
    monitoring = "monitoring"
    pregnancy = "pregnancy"
    switching = "switching"
    discontinuation = "discontinuation"
    schedule = "schedule"


class HazardClass(StrEnum):
    """Safety hazard classes the parity lint checks in every jurisdiction (issue 8).

    A rule that controls one of these hazards names it in `hazard:`; for each drug, every
    jurisdiction must have a rule of each class or a cited `not_in_label:` entry saying the label
    is silent on it (docs/rules.md). Safety holds wherever the labels agree.
    """

    hbv = "hbv"
    active_infection = "active-infection"
    pml = "pml"
    administration_reaction = "administration-reaction"  # infusion or injection reactions
    live_vaccine = "live-vaccine"
    pregnancy_lactation = "pregnancy-lactation"
    malignancy = "malignancy"
    immunocompromise = "immunocompromise"
    immunoglobulins = "immunoglobulins"
    liver_injury = "liver-injury"
    workup_first_dose = "workup-first-dose"
    observation_after_dose = "observation-after-dose"


class UnknownPolicy(StrEnum):
    """What an undecidable rule does. Every rule must choose (no silent default).

    - `workup_required`: the missing facts are something the label requires; the rule yields a
      `workup_required` finding naming them. Use it whenever an unknown could hide a
      contraindication, a deferral or a precaution.
    - `report_missing`: the missing facts are listed in `missing`; the verdict is unaffected.
    """

    workup_required = "workup_required"
    report_missing = "report_missing"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---- conditions --------------------------------------------------------------------------

_DURATION = re.compile(r"^\s*(\d{1,4})\s+(day|week|month|year)s?\s*$")
Scalar = bool | int | float | str


class Duration(_Strict):
    """`4 weeks`, `12 months`: a span before `assessed_on`."""

    amount: int
    unit: Literal["day", "week", "month", "year"]

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = _DURATION.match(value)
            if not match:
                raise ValueError(f"{value!r} is not a duration like '4 weeks' or '12 months'")
            return {"amount": int(match[1]), "unit": match[2]}
        return value

    def in_fact_units(self) -> tuple[str, int]:
        """The date-age fact suffix and amount that express this span exactly."""
        if self.unit == "week":
            return "days", self.amount * 7
        return f"{self.unit}s", self.amount

    def __str__(self) -> str:
        return f"{self.amount} {self.unit}{'' if self.amount == 1 else 's'}"


CompareOp = Literal["equals", "one_of", "lt", "lte", "gt", "gte", "within_last",
                    "not_within_last"]
COMPARE_OPS: tuple[str, ...] = CompareOp.__args__  # type: ignore[attr-defined]


class Compare(_Strict):
    """A predicate on one fact: exactly one operator."""

    field: str
    equals: Scalar | None = None
    one_of: list[Scalar] | None = Field(default=None, min_length=1)
    # strict: a quoted "18" in a rule file is an author's mistake, not a number
    lt: StrictInt | StrictFloat | None = None
    lte: StrictInt | StrictFloat | None = None
    gt: StrictInt | StrictFloat | None = None
    gte: StrictInt | StrictFloat | None = None
    within_last: Duration | None = None
    not_within_last: Duration | None = None

    @model_validator(mode="after")
    def _exactly_one_operator(self) -> Compare:
        given = [op for op in COMPARE_OPS if getattr(self, op) is not None]
        if len(given) != 1:
            raise ValueError(
                f"a predicate on {self.field!r} needs exactly one of {', '.join(COMPARE_OPS)}"
                f" (got {', '.join(given) or 'none'})"
            )
        return self

    @cached_property
    def op(self) -> str:
        """The one operator given (looked up on every oracle evaluation, so cached)."""
        return next(op for op in COMPARE_OPS if getattr(self, op) is not None)

    @cached_property
    def operand(self) -> Any:
        return getattr(self, self.op)


class Known(_Strict):
    """True when the fact is recorded; never unknown."""

    known: str


class Unknown(_Strict):
    """True when the fact is not recorded; never unknown."""

    unknown: str


class AllOf(_Strict):
    all: list[Condition] = Field(min_length=1)


class AnyOf(_Strict):
    any: list[Condition] = Field(min_length=1)


class NotOf(_Strict):
    not_: Condition = Field(alias="not")


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return {AllOf: "all", AnyOf: "any", NotOf: "not", Known: "known", Unknown: "unknown",
                Compare: "field"}.get(type(value))
    if isinstance(value, dict):
        for key in ("all", "any", "not", "known", "unknown", "field"):
            if key in value:
                return key
    return None


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")]
    | Annotated[Known, Tag("known")]
    | Annotated[Unknown, Tag("unknown")]
    | Annotated[Compare, Tag("field")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message="a condition is one of: all, any, not, known, unknown, or a "
        "predicate with `field`",
    ),
]
AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()


def condition_fields(cond: Condition) -> list[str]:
    """Every fact name a condition reads, in order, without repeats."""
    seen: dict[str, None] = {}

    def walk(c: Condition) -> None:
        match c:
            case AllOf(all=parts) | AnyOf(any=parts):
                for part in parts:
                    walk(part)
            case NotOf(not_=inner):
                walk(inner)
            case Known(known=name) | Unknown(unknown=name):
                seen.setdefault(name)
            case Compare(field=name):
                seen.setdefault(name)

    walk(cond)
    return list(seen)


# ---- rules and sources -------------------------------------------------------------------

RULE_ID = r"^[a-z0-9-]+(\.[a-z0-9-]+){2,}$"


class Citation(_Strict):
    source: str
    section: str = Field(min_length=1)

    @field_validator("section", mode="before")
    @classmethod
    def _section_as_text(cls, value: Any) -> Any:
        # YAML reads `section: 2.1` as a float; sections are labels, not numbers.
        return str(value) if isinstance(value, int | float) else value


class Rule(_Strict):
    """One rule of the rulebook; see docs/rules.md."""

    id: str = Field(pattern=RULE_ID)
    drug: str = Field(pattern=r"^[a-z0-9-]+$")
    category: Category
    verdict: RuleVerdict
    # Jurisdiction by default, difference by exception: a rule applies in every jurisdiction
    # unless it names the ones whose label it encodes (US and EU versions of a differing fact).
    jurisdictions: list[Jurisdiction] = Field(default_factory=lambda: list(Jurisdiction),
                                              min_length=1)
    hazard: HazardClass | None = None
    when: Condition
    if_unknown: UnknownPolicy
    summary: str = Field(min_length=1)
    patient_summary: str = Field(min_length=1)
    unknown_summary: str | None = None
    unknown_patient_summary: str | None = None
    cites: list[Citation] = Field(min_length=1)
    uncertain: str | None = None
    tags: list[str] = Field(default_factory=list)
    # issue 9: what this drug's label says about stopping it; evaluated when any OTHER drug is
    # assessed (category switching, `when` tests switch.from_drug = this drug; rulebook lint)
    applies_when_switching_from: bool = False

    @model_validator(mode="after")
    def _unknown_texts_fit_policy(self) -> Rule:
        if self.if_unknown is UnknownPolicy.report_missing and (
            self.unknown_summary or self.unknown_patient_summary
        ):
            raise ValueError("unknown_summary texts are shown only with if_unknown: "
                             "workup_required")
        return self


class Parameter(_Strict):
    """A named, cited number the dosing calendar uses (e.g. the 6-month maintenance interval).

    Kept in the rule files, not in code, so that every number a schedule date rests on has a
    source, a revision and, where sources disagree, a stated uncertainty (docs/rules.md).
    """

    id: str = Field(pattern=RULE_ID)
    drug: str = Field(pattern=r"^[a-z0-9-]+$")
    value: int = Field(gt=0, le=1000)
    unit: Literal["day", "week", "month"]
    summary: str = Field(min_length=1)
    cites: list[Citation] = Field(min_length=1)
    uncertain: str | None = None

    def __str__(self) -> str:
        return f"{self.value} {self.unit}{'' if self.value == 1 else 's'}"


class LabelGap(_Strict):
    """A cited, explicit "this label says nothing on this hazard" for one jurisdiction.

    The parity lint accepts it in place of a rule of that hazard class; without either, the gap
    is an error (a safety rule silently missing in one jurisdiction).
    """

    drug: str = Field(pattern=r"^[a-z0-9-]+$")
    hazard: HazardClass
    jurisdiction: Jurisdiction
    statement: str = Field(min_length=1)
    cites: list[Citation] = Field(min_length=1)


class CalendarStep(_Strict):
    """One dose of a start sequence: dose 1 has no `after`; later ones count from dose 1."""

    event: str = Field(min_length=1, max_length=120)
    after: str | None = Field(default=None, pattern=RULE_ID)


class CalendarRepeat(_Strict):
    """Maintenance doses after the start sequence (parameters by id)."""

    event: str = Field(min_length=1, max_length=120)
    first_after: str | None = Field(default=None, pattern=RULE_ID)
    every: str = Field(pattern=RULE_ID)
    minimum: str | None = Field(default=None, pattern=RULE_ID)


class CalendarCheck(_Strict):
    """A dated check counted from dose 1 (or the start of treatment), linked to its rule."""

    event: str = Field(min_length=1, max_length=120)
    after: str = Field(pattern=RULE_ID)
    rule: str = Field(pattern=RULE_ID)


class CalendarSpec(_Strict):
    """One regimen of a drug's dosing calendar, as data (docs/rules.md "Calendar").

    Every date comes from a named parameter; `explained_by` is the schedule rule whose
    citations every item carries.
    """

    id: str = Field(pattern=RULE_ID)
    drug: str = Field(pattern=r"^[a-z0-9-]+$")
    formulation: Formulation | None = None
    explained_by: str = Field(pattern=RULE_ID)
    start: list[CalendarStep] = Field(min_length=1, max_length=50)
    repeat: CalendarRepeat | None = None
    continuous: str | None = Field(default=None, min_length=1, max_length=120)
    checks: list[CalendarCheck] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _shape(self) -> CalendarSpec:
        if self.start[0].after is not None:
            raise ValueError("start[0] is dose 1: it has no `after`")
        missing = [i for i, step in enumerate(self.start) if i and step.after is None]
        if missing:
            raise ValueError(f"start[{missing[0]}] needs `after` (a parameter id counted "
                             "from dose 1)")
        if self.continuous is not None and self.repeat is not None:
            raise ValueError("a calendar is either `continuous` or has a `repeat`, not both")
        return self

    def parameter_ids(self) -> list[str]:
        ids = [s.after for s in self.start if s.after] + [c.after for c in self.checks]
        if self.repeat is not None:
            ids += [p for p in (self.repeat.first_after, self.repeat.every,
                                self.repeat.minimum) if p]
        return ids


class RuleFile(_Strict):
    """A YAML file under rules/<drug>/: rules, named parameters, label-gap entries, calendar."""

    rules: list[Rule] = Field(default_factory=list)
    parameters: list[Parameter] = Field(default_factory=list)
    not_in_label: list[LabelGap] = Field(default_factory=list)
    calendar: list[CalendarSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_empty(self) -> RuleFile:
        if not (self.rules or self.parameters or self.not_in_label or self.calendar):
            raise ValueError("a rule file has at least one of rules, parameters, not_in_label, "
                             "calendar")
        return self


def _dmt_by_value_or_name(value: Any) -> Any:
    """`dimethyl-fumarate` (the profile's spelling) or `dimethyl_fumarate` both name it."""
    if isinstance(value, str) and value not in Dmt.__members__.values():
        member = Dmt.__members__.get(value)
        if member is not None:
            return member
    return value


class DrugInfo(_Strict):
    """rules/<drug>/drug.yaml: what a drug is, for every view (issue 9 spec 1a)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str = Field(min_length=1, max_length=80)
    brands: list[str] = Field(default_factory=list)
    dmt: Dmt | None = None
    dmt_class: DmtClass = Field(alias="class")
    off_label: bool = False
    formulations: list[Formulation] = Field(min_length=1)
    route: str = Field(min_length=1, max_length=40)
    frequency: str = Field(min_length=1, max_length=40)
    patient_route: str = Field(min_length=1, max_length=80)
    patient_frequency: str = Field(min_length=1, max_length=80)
    programme: str | None = None
    cites: list[Citation] = Field(min_length=1)
    efficacy_group: str | None = None
    efficacy_cites: list[Citation] = Field(default_factory=list)

    @field_validator("dmt", mode="before")
    @classmethod
    def _dmt(cls, value: Any) -> Any:
        return _dmt_by_value_or_name(value)

    @model_validator(mode="after")
    def _consistent(self) -> DrugInfo:
        if self.efficacy_group is not None and not self.efficacy_cites:
            raise ValueError("efficacy_group needs efficacy_cites (a label's or guideline's own "
                             "grouping, cited)")
        if self.dmt is not None and DMT_CLASS[self.dmt] is not self.dmt_class:
            raise ValueError(f"class {self.dmt_class.value!r} disagrees with the class of "
                             f"{self.dmt.value} ({DMT_CLASS[self.dmt].value})")
        return self


class DrugFile(_Strict):
    drug: DrugInfo


class Source(_Strict):
    """A citable source: a label (with its revision) or a guideline / study."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    publisher: str
    jurisdiction: Jurisdiction | Literal["international"]
    drug: str | None = None
    kind: Literal["label", "guideline", "study", "consensus", "secondary"] = "label"
    revision: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    url: str = Field(pattern=r"^https?://")
    sections: dict[str, str] = Field(default_factory=dict)
    note: str | None = None

    @field_validator("sections", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items()}
        return value


class SourcesFile(_Strict):
    sources: list[Source] = Field(min_length=1)


class RulebookManifest(_Strict):
    """rules/rulebook.yaml: the name and version people cite in a consultation summary."""

    name: str
    version: str
