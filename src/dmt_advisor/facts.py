"""Profile -> typed, named facts, computed once per assessment.

Rules never read the profile: they read *facts* named here (`screening.hbsag`,
`vaccinations.last_live_date`, `treatment.ocrelizumab.last_dose.months_ago`...). Each fact has one
type, a label for the "because" text, and the profile fields that supply it (what `missing`
names when it is unknown). An unknown fact is simply absent from `Facts.values`: there is no
"null" fact, so durable-rules (which treats a missing field as matching nothing but `$nex`) and the
plain-Python oracle see the same three-valued world.

Every date fact D also yields `D.days_ago`, `D.months_ago` and `D.years_ago` (whole units
before `assessed_on`), so date windows are plain numeric comparisons in the engine.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from dmt_advisor.profile import (
    Dmt,
    Formulation,
    ImmunoglobulinResult,
    Jurisdiction,
    LiverTestResult,
    Phenotype,
    PriorTreatment,
    Profile,
    Serology,
    Sex,
    StopReason,
)

FactValue = bool | int | float | str | dt.date


class FactType(StrEnum):
    boolean = "boolean"
    integer = "integer"
    number = "number"
    enum = "enum"
    date = "date"


@dataclass(frozen=True)
class FactSpec:
    """What one named fact is: its type, words for people, and where it comes from."""

    name: str
    type: FactType
    label: str
    supplied_by: tuple[str, ...]
    values: tuple[str, ...] = ()
    unit: str = ""
    derived_from: str | None = None  # for date-age facts: the date fact they measure

    @property
    def engine_key(self) -> str:
        """The key durable-rules sees: no `.` or `$` (the engine reads those as syntax)."""
        return self.name.replace(".", "__")

    @property
    def is_numeric(self) -> bool:
        return self.type in (FactType.integer, FactType.number)


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


class DmtClass(StrEnum):
    """Groups of DMTs that share a switching consideration (derived, never entered)."""

    anti_cd20 = "anti_cd20"
    natalizumab = "natalizumab"
    s1p_modulator = "s1p_modulator"
    fumarate = "fumarate"
    teriflunomide = "teriflunomide"
    alemtuzumab = "alemtuzumab"
    cladribine = "cladribine"
    interferon_or_glatiramer = "interferon_or_glatiramer"
    mitoxantrone = "mitoxantrone"
    other = "other"


DMT_CLASS: Mapping[Dmt, DmtClass] = MappingProxyType({
    Dmt.ocrelizumab: DmtClass.anti_cd20, Dmt.ofatumumab: DmtClass.anti_cd20,
    Dmt.ublituximab: DmtClass.anti_cd20, Dmt.rituximab: DmtClass.anti_cd20,
    Dmt.natalizumab: DmtClass.natalizumab,
    Dmt.fingolimod: DmtClass.s1p_modulator, Dmt.siponimod: DmtClass.s1p_modulator,
    Dmt.ozanimod: DmtClass.s1p_modulator, Dmt.ponesimod: DmtClass.s1p_modulator,
    Dmt.dimethyl_fumarate: DmtClass.fumarate, Dmt.diroximel_fumarate: DmtClass.fumarate,
    Dmt.monomethyl_fumarate: DmtClass.fumarate,
    Dmt.teriflunomide: DmtClass.teriflunomide,
    Dmt.alemtuzumab: DmtClass.alemtuzumab,
    Dmt.cladribine: DmtClass.cladribine,
    Dmt.interferon_beta_1a: DmtClass.interferon_or_glatiramer,
    Dmt.interferon_beta_1b: DmtClass.interferon_or_glatiramer,
    Dmt.peginterferon_beta_1a: DmtClass.interferon_or_glatiramer,
    Dmt.glatiramer_acetate: DmtClass.interferon_or_glatiramer,
    Dmt.mitoxantrone: DmtClass.mitoxantrone,
    Dmt.other: DmtClass.other,
})
assert set(DMT_CLASS) == set(Dmt), "every DMT needs a class"


def _values_of_classes() -> tuple[str, ...]:
    return _values(DmtClass)


_BASE_SPECS: tuple[FactSpec, ...] = (
    FactSpec("jurisdiction", FactType.enum, "jurisdiction", ("jurisdiction",),
             _values(Jurisdiction)),
    FactSpec("patient.age", FactType.integer, "age", ("patient.age", "patient.birth_date"),
             unit="years"),
    FactSpec("patient.sex", FactType.enum, "sex", ("patient.sex",), _values(Sex)),
    FactSpec("patient.reproductive_potential", FactType.boolean, "reproductive potential",
             ("patient.reproductive_potential", "patient.sex")),
    FactSpec("diagnosis.phenotype", FactType.enum, "MS phenotype", ("diagnosis.phenotype",),
             _values(Phenotype)),
    FactSpec("diagnosis.active_disease", FactType.boolean,
             "active disease (relapse or new/enhancing MRI lesion in 12 months)",
             ("diagnosis.active_disease",)),
    FactSpec("diagnosis.diagnosed_on", FactType.date, "date of diagnosis",
             ("diagnosis.diagnosed_on",)),
    FactSpec("activity.last_relapse", FactType.date, "last relapse", ("activity.last_relapse",)),
    FactSpec("activity.relapses_past_12_months", FactType.integer,
             "relapses in the past 12 months", ("activity.relapses_past_12_months",)),
    FactSpec("activity.last_new_mri_lesion", FactType.date, "last new MRI lesion",
             ("activity.last_new_mri_lesion",)),
    FactSpec("activity.new_t2_lesions_past_12_months", FactType.integer,
             "new T2 lesions in the past 12 months", ("activity.new_t2_lesions_past_12_months",)),
    FactSpec("activity.gad_enhancing_lesions", FactType.integer,
             "gadolinium-enhancing lesions", ("activity.gad_enhancing_lesions",)),
    FactSpec("activity.edss", FactType.number, "EDSS", ("activity.edss",)),
    FactSpec("activity.disability_worsening_past_12_months", FactType.boolean,
             "disability worsening in the past 12 months",
             ("activity.disability_worsening_past_12_months",)),
    FactSpec("screening.hbsag", FactType.enum, "HBsAg", ("screening.hbsag",), _values(Serology)),
    FactSpec("screening.anti_hbc", FactType.enum, "anti-HBc", ("screening.anti_hbc",),
             _values(Serology)),
    FactSpec("screening.immunoglobulins", FactType.enum, "serum immunoglobulins",
             ("screening.immunoglobulins",), _values(ImmunoglobulinResult)),
    FactSpec("screening.igg_g_per_l", FactType.number, "IgG", ("screening.igg_g_per_l",),
             unit="g/L"),
    FactSpec("screening.liver_tests", FactType.enum,
             "liver tests (ALT, AST, alkaline phosphatase, bilirubin)",
             ("screening.liver_tests",), _values(LiverTestResult)),
    FactSpec("screening.hbv_active", FactType.boolean,
             "active hepatitis B confirmed by a liver specialist (HBV DNA, ALT)",
             ("screening.hbv_active",)),
    FactSpec("infection.active", FactType.boolean, "active infection", ("infection.active",)),
    FactSpec("infection.serious_recurrent", FactType.boolean,
             "recurrent serious or opportunistic infections", ("infection.serious_recurrent",)),
    FactSpec("infection.pml_suspected", FactType.boolean, "signs suggestive of PML",
             ("infection.pml_suspected",)),
    FactSpec("infection.pml_confirmed", FactType.boolean, "PML confirmed",
             ("infection.pml_confirmed",)),
    FactSpec("history.hypersensitivity_ocrelizumab", FactType.boolean,
             "hypersensitivity to ocrelizumab, an excipient or hyaluronidase",
             ("history.hypersensitivity_ocrelizumab",)),
    FactSpec("history.life_threatening_infusion_reaction", FactType.boolean,
             "previous life-threatening infusion reaction to ocrelizumab",
             ("history.life_threatening_infusion_reaction",)),
    FactSpec("history.malignancy_active", FactType.boolean, "active malignancy",
             ("history.malignancy_active",)),
    FactSpec("history.breast_cancer", FactType.boolean, "history of breast cancer",
             ("history.breast_cancer",)),
    FactSpec("history.severely_immunocompromised", FactType.boolean,
             "severely immunocompromised", ("history.severely_immunocompromised",)),
    FactSpec("vaccinations.last_live_date", FactType.date,
             "most recent live or live-attenuated vaccine", ("vaccinations",)),
    FactSpec("vaccinations.last_non_live_date", FactType.date, "most recent non-live vaccine",
             ("vaccinations",)),
    FactSpec("reproductive.pregnant", FactType.boolean, "pregnant", ("reproductive.pregnant",)),
    FactSpec("reproductive.planning_pregnancy", FactType.boolean, "planning a pregnancy",
             ("reproductive.planning_pregnancy",)),
    FactSpec("reproductive.breastfeeding", FactType.boolean, "breastfeeding",
             ("reproductive.breastfeeding",)),
    FactSpec("treatment.current.drug", FactType.enum, "current DMT", ("treatment.current.drug",),
             _values(Dmt)),
    FactSpec("treatment.current.last_dose", FactType.date, "last dose of the current DMT",
             ("treatment.current.last_dose",)),
    FactSpec("treatment.current.started", FactType.date, "start of the current DMT",
             ("treatment.current.started",)),
    FactSpec("treatment.on_dmt", FactType.boolean, "on a DMT now", ("treatment.current",)),
    FactSpec("treatment.prior.count", FactType.integer, "number of earlier DMTs",
             ("treatment.prior",)),
    FactSpec("treatment.ocrelizumab.formulation", FactType.enum, "ocrelizumab formulation",
             ("treatment.ocrelizumab.formulation",), _values(Formulation)),
    FactSpec("treatment.ocrelizumab.dose_count", FactType.integer,
             "number of ocrelizumab doses recorded", ("treatment.ocrelizumab.doses",)),
    FactSpec("treatment.ocrelizumab.first_dose", FactType.date, "first ocrelizumab dose",
             ("treatment.ocrelizumab.doses",)),
    FactSpec("treatment.ocrelizumab.last_dose", FactType.date, "last ocrelizumab dose",
             ("treatment.ocrelizumab.doses",)),
    FactSpec("treatment.ocrelizumab.serious_infusion_reaction", FactType.boolean,
             "serious infusion reaction with an earlier ocrelizumab dose",
             ("treatment.ocrelizumab.serious_infusion_reaction",)),
    FactSpec("labs.lymphocytes_10e9_per_l", FactType.number, "lymphocyte count",
             ("labs.lymphocytes_10e9_per_l",), unit="x10^9/L"),
    FactSpec("labs.jcv_antibody", FactType.enum, "anti-JCV antibody", ("labs.jcv_antibody",),
             _values(Serology)),
    # ---- treatment course (issue 3): switching, schedule, discontinuation, EU -----------------
    FactSpec("diagnosis.early_ppms", FactType.boolean,
             "early PPMS by disease duration and disability (clinician's judgement)",
             ("diagnosis.early_ppms",)),
    FactSpec("history.ivig_for_hypogammaglobulinaemia", FactType.boolean,
             "IV immunoglobulin for hypogammaglobulinaemia",
             ("history.ivig_for_hypogammaglobulinaemia",)),
    FactSpec("labs.b_cells_repleted", FactType.boolean, "B cells repleted after anti-CD20",
             ("labs.b_cells_repleted",)),
    FactSpec("treatment.on_ocrelizumab", FactType.boolean, "on ocrelizumab now",
             ("treatment.current.drug", "treatment.ocrelizumab.doses", "treatment.prior")),
    FactSpec("treatment.current.drug_class", FactType.enum, "class of the current DMT",
             ("treatment.current.drug",), _values_of_classes()),
    FactSpec("treatment.prior.last.drug", FactType.enum, "most recent earlier DMT",
             ("treatment.prior",), _values(Dmt)),
    FactSpec("treatment.prior.last.drug_class", FactType.enum,
             "class of the most recent earlier DMT", ("treatment.prior",), _values_of_classes()),
    FactSpec("treatment.prior.last.stopped", FactType.date, "most recent earlier DMT stopped",
             ("treatment.prior",)),
    FactSpec("treatment.prior.last.reason", FactType.enum,
             "reason the most recent earlier DMT was stopped", ("treatment.prior",),
             _values(StopReason)),
    FactSpec("switch.from_class", FactType.enum,
             "class of the DMT ocrelizumab would replace",
             ("treatment.current.drug", "treatment.prior"), (*_values_of_classes(), "none")),
    FactSpec("switch.from_last_dose", FactType.date,
             "last dose of the DMT ocrelizumab would replace",
             ("treatment.current.last_dose", "treatment.prior")),
    # Derived summaries that keep rule conditions short and readable (docs/facts.md).
    # only diagnosis.active_disease can leave it unknown (see recent_activity below)
    FactSpec("activity.recent_activity", FactType.boolean,
             "MS activity in 12 months (active disease, relapse, new or enhancing lesion)",
             ("diagnosis.active_disease",)),
    FactSpec("treatment.on_other_dmt", FactType.boolean, "on a DMT other than ocrelizumab",
             ("treatment.current.drug",)),
    FactSpec("treatment.ocrelizumab.starting_or_on", FactType.boolean,
             "starting ocrelizumab (no dose yet) or on it",
             ("treatment.ocrelizumab.doses", "treatment.current.drug", "treatment.prior")),
    FactSpec("treatment.ocrelizumab.schedule_from", FactType.date,
             "ocrelizumab dose the next one is counted from", ("treatment.ocrelizumab.doses",
                                                               "treatment.ocrelizumab.formulation")),
)

DATE_AGE_UNITS: tuple[str, ...] = ("days", "months", "years")


def _with_date_ages(specs: tuple[FactSpec, ...]) -> dict[str, FactSpec]:
    table: dict[str, FactSpec] = {}
    for spec in specs:
        table[spec.name] = spec
        if spec.type is FactType.date:
            for unit in DATE_AGE_UNITS:
                name = f"{spec.name}.{unit}_ago"
                table[name] = FactSpec(
                    name, FactType.integer, f"{spec.label} ({unit} before the assessment)",
                    spec.supplied_by, unit=unit, derived_from=spec.name,
                )
    return table


FACT_SPECS: Mapping[str, FactSpec] = MappingProxyType(_with_date_ages(_BASE_SPECS))
ENGINE_KEYS: Mapping[str, str] = MappingProxyType(
    {name: spec.engine_key for name, spec in FACT_SPECS.items()})


@dataclass(frozen=True)
class Facts:
    """The known facts of one profile on one date. Absent name = unknown."""

    assessed_on: dt.date
    values: Mapping[str, FactValue]

    def __contains__(self, name: str) -> bool:
        return name in self.values

    def get(self, name: str) -> FactValue | None:
        return self.values.get(name)

    def engine_fact(self) -> dict[str, bool | int | float | str]:
        """The flat JSON-ready dict durable-rules matches on (dates are given as their ages)."""
        keys = ENGINE_KEYS
        return {keys[name]: value for name, value in self.values.items()
                if not isinstance(value, dt.date)}

    def describe(self, name: str) -> str:
        """A fact's value in words: `HBsAg is positive`, `age is 34 years`."""
        spec = FACT_SPECS[name]
        if name not in self.values:
            return f"{spec.label} is unknown (not recorded)"
        value = self.values[name]
        if isinstance(value, bool):
            return f"{spec.label}: {'yes' if value else 'no'}"
        if isinstance(value, dt.date):
            return f"{spec.label} was on {value.isoformat()}"
        unit = f" {spec.unit}" if spec.unit and spec.derived_from is None else ""
        if spec.derived_from is not None:
            source = self.values[spec.derived_from]
            assert isinstance(source, dt.date)
            return f"{FACT_SPECS[spec.derived_from].label} was on {source.isoformat()}, " \
                   f"{value} {spec.unit} before the assessment"
        return f"{spec.label} is {value}{unit}"


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from `earlier` to `later` (2026-01-31 -> 2026-02-28 is 0)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return months


def _date_ages(when: dt.date, on: dt.date) -> Iterator[tuple[str, int]]:
    yield "days", (on - when).days
    months = months_between(when, on)
    yield "months", months
    yield "years", months // 12


_Extractor = Callable[[Profile], FactValue | None]


def _reproductive_potential(p: Profile) -> bool | None:
    """As the contract says: explicit value, else female aged 12-55, else unknown."""
    if p.patient.reproductive_potential is not None:
        return p.patient.reproductive_potential
    if p.patient.sex is None:
        return None
    return p.patient.sex is Sex.female and 12 <= p.age <= 55


def _last_vaccine(p: Profile, kind: str) -> dt.date | None:
    dates = [v.date for v in p.vaccinations if v.kind.value == kind]
    return max(dates) if dates else None


def _ocr_doses(p: Profile) -> list[dt.date]:
    return sorted(p.treatment.ocrelizumab.doses) if p.treatment.ocrelizumab else []


def _enum(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


def last_prior(p: Profile) -> PriorTreatment | None:
    """The most recent earlier DMT: the latest `stopped` when every entry is dated, else the
    last one listed (an undated entry could be the latest, so the list order decides)."""
    prior = p.treatment.prior
    if not prior:
        return None
    if all(entry.stopped is not None for entry in prior):
        return max(prior, key=lambda entry: entry.stopped)  # type: ignore[arg-type,return-value]
    return prior[-1]


def on_ocrelizumab(p: Profile) -> bool:
    """On ocrelizumab now: the current DMT, or doses recorded with no current DMT and no
    record of having stopped it (a stop is recorded as a `treatment.prior` entry)."""
    current = p.treatment.current
    if current is not None:
        return current.drug is Dmt.ocrelizumab
    stopped = any(entry.drug is Dmt.ocrelizumab for entry in p.treatment.prior)
    return bool(_ocr_doses(p)) and not stopped


def _switch_from(p: Profile) -> tuple[Dmt | None, dt.date | None]:
    """The DMT ocrelizumab would replace, and its last dose (or stop date).

    The current DMT when it is not ocrelizumab; with no current DMT and no ocrelizumab dose
    yet, the most recent earlier DMT; otherwise none (no switch into ocrelizumab is pending).
    """
    current = p.treatment.current
    if current is not None:
        if current.drug is Dmt.ocrelizumab:
            return None, None
        return current.drug, current.last_dose
    if _ocr_doses(p):
        return None, None
    last = last_prior(p)
    return (last.drug, last.stopped) if last is not None else (None, None)


def _switch_from_class(p: Profile) -> str:
    drug, _ = _switch_from(p)
    return "none" if drug is None else DMT_CLASS[drug].value


def _any_of(*parts: bool | None) -> bool | None:
    """Kleene OR: true if any part is true, false if all are known false, else unknown."""
    if any(part is True for part in parts):
        return True
    return False if all(part is False for part in parts) else None


def _at_least(value: int | None, bound: int) -> bool | None:
    return None if value is None else value >= bound


def _within_12_months(when: dt.date | None, on: dt.date) -> bool | None:
    return None if when is None else months_between(when, on) < 12


def recent_activity(p: Profile) -> bool | None:
    """Any recorded MS activity in the 12 months before the assessment.

    True if active disease or any relapse / new or enhancing lesion in 12 months is recorded;
    false only when `diagnosis.active_disease` is recorded false and no recorded count or
    date shows activity (an unrecorded count does not make it unknown: active_disease already
    summarises the year); unknown when active_disease is not recorded and nothing shows activity.
    """
    a, on = p.activity, p.assessed_on
    shown = _any_of(_at_least(a.relapses_past_12_months, 1),
                    _at_least(a.new_t2_lesions_past_12_months, 1),
                    _at_least(a.gad_enhancing_lesions, 1),
                    _within_12_months(a.last_relapse, on),
                    _within_12_months(a.last_new_mri_lesion, on))
    if p.diagnosis.active_disease is True or shown is True:
        return True
    return False if p.diagnosis.active_disease is False else None


# The IV start dose's second infusion comes two weeks after the first: the named parameter
# `ocrelizumab.schedule.iv-start-second-infusion-after` (rules/ocrelizumab/schedule.yaml) says so,
# and a unit test keeps this number equal to it (facts are built before any rulebook is read).
IV_START_SECOND_INFUSION_DAYS = 14


def schedule_from(p: Profile) -> dt.date | None:
    """The ocrelizumab dose the next one is counted from (the calendar uses this same date).

    IV: the start dose is two 300 mg infusions two weeks apart and the first 600 mg dose is
    due 6 months after infusion 1, so with one or two recorded doses the count starts at the
    first; afterwards at the last dose. A second start infusion given later than two weeks
    after the first resets the schedule (missed dose: "reset the dose schedule to administer the
    next sequential dose 6 months after the missed dose is administered"): the count starts at
    it. SC (Zunovo) has no split start: always the last dose. Unknown when the formulation is
    not recorded and the start regimen would matter.
    """
    doses = _ocr_doses(p)
    if not doses:
        return None
    formulation = p.treatment.ocrelizumab.formulation if p.treatment.ocrelizumab else None
    if formulation is Formulation.SC or len(doses) >= 3:
        return doses[-1]
    if formulation is Formulation.IV:
        late = len(doses) == 2 and (doses[1] - doses[0]).days > IV_START_SECOND_INFUSION_DAYS
        return doses[1] if late else doses[0]
    return None


_EXTRACTORS: dict[str, _Extractor] = {
    "jurisdiction": lambda p: p.jurisdiction.value,
    "patient.age": lambda p: p.age,
    "patient.sex": lambda p: _enum(p.patient.sex),
    "patient.reproductive_potential": _reproductive_potential,
    "diagnosis.phenotype": lambda p: p.diagnosis.phenotype.value,
    "diagnosis.active_disease": lambda p: p.diagnosis.active_disease,
    "diagnosis.diagnosed_on": lambda p: p.diagnosis.diagnosed_on,
    "activity.last_relapse": lambda p: p.activity.last_relapse,
    "activity.relapses_past_12_months": lambda p: p.activity.relapses_past_12_months,
    "activity.last_new_mri_lesion": lambda p: p.activity.last_new_mri_lesion,
    "activity.new_t2_lesions_past_12_months": lambda p: p.activity.new_t2_lesions_past_12_months,
    "activity.gad_enhancing_lesions": lambda p: p.activity.gad_enhancing_lesions,
    "activity.edss": lambda p: p.activity.edss,
    "activity.disability_worsening_past_12_months":
        lambda p: p.activity.disability_worsening_past_12_months,
    "screening.hbsag": lambda p: _enum(p.screening.hbsag),
    "screening.anti_hbc": lambda p: _enum(p.screening.anti_hbc),
    "screening.immunoglobulins": lambda p: _enum(p.screening.immunoglobulins),
    "screening.igg_g_per_l": lambda p: p.screening.igg_g_per_l,
    "screening.liver_tests": lambda p: _enum(p.screening.liver_tests),
    "infection.active": lambda p: p.infection.active,
    "infection.serious_recurrent": lambda p: p.infection.serious_recurrent,
    "infection.pml_suspected": lambda p: p.infection.pml_suspected,
    "infection.pml_confirmed": lambda p: p.infection.pml_confirmed,
    "screening.hbv_active": lambda p: p.screening.hbv_active,
    "history.hypersensitivity_ocrelizumab": lambda p: p.history.hypersensitivity_ocrelizumab,
    "history.life_threatening_infusion_reaction":
        lambda p: p.history.life_threatening_infusion_reaction,
    "history.malignancy_active": lambda p: p.history.malignancy_active,
    "history.breast_cancer": lambda p: p.history.breast_cancer,
    "history.severely_immunocompromised": lambda p: p.history.severely_immunocompromised,
    "vaccinations.last_live_date": lambda p: _last_vaccine(p, "live"),
    "vaccinations.last_non_live_date": lambda p: _last_vaccine(p, "non_live"),
    "reproductive.pregnant": lambda p: p.reproductive.pregnant,
    "reproductive.planning_pregnancy": lambda p: p.reproductive.planning_pregnancy,
    "reproductive.breastfeeding": lambda p: p.reproductive.breastfeeding,
    "treatment.current.drug":
        lambda p: _enum(p.treatment.current.drug) if p.treatment.current else None,
    "treatment.current.last_dose":
        lambda p: p.treatment.current.last_dose if p.treatment.current else None,
    "treatment.current.started":
        lambda p: p.treatment.current.started if p.treatment.current else None,
    "treatment.on_dmt": lambda p: p.treatment.current is not None,
    "treatment.prior.count": lambda p: len(p.treatment.prior),
    "treatment.ocrelizumab.formulation": lambda p: _enum(
        p.treatment.ocrelizumab.formulation if p.treatment.ocrelizumab else None
    ),
    "treatment.ocrelizumab.dose_count": lambda p: len(_ocr_doses(p)),
    "treatment.ocrelizumab.first_dose": lambda p: (_ocr_doses(p) or [None])[0],
    "treatment.ocrelizumab.last_dose": lambda p: (_ocr_doses(p) or [None])[-1],
    "treatment.ocrelizumab.serious_infusion_reaction": lambda p: (
        p.treatment.ocrelizumab.serious_infusion_reaction if p.treatment.ocrelizumab else None
    ),
    "labs.lymphocytes_10e9_per_l": lambda p: p.labs.lymphocytes_10e9_per_l,
    "labs.jcv_antibody": lambda p: _enum(p.labs.jcv_antibody),
    "diagnosis.early_ppms": lambda p: p.diagnosis.early_ppms,
    "history.ivig_for_hypogammaglobulinaemia":
        lambda p: p.history.ivig_for_hypogammaglobulinaemia,
    "labs.b_cells_repleted": lambda p: p.labs.b_cells_repleted,
    "treatment.on_ocrelizumab": on_ocrelizumab,
    "treatment.current.drug_class":
        lambda p: DMT_CLASS[p.treatment.current.drug].value if p.treatment.current else None,
    "treatment.prior.last.drug": lambda p: _enum(getattr(last_prior(p), "drug", None)),
    "treatment.prior.last.drug_class": lambda p: (
        DMT_CLASS[last.drug].value if (last := last_prior(p)) is not None else None),
    "treatment.prior.last.stopped": lambda p: getattr(last_prior(p), "stopped", None),
    "treatment.prior.last.reason": lambda p: _enum(getattr(last_prior(p), "reason", None)),
    "switch.from_class": _switch_from_class,
    "switch.from_last_dose": lambda p: _switch_from(p)[1],
    "treatment.ocrelizumab.schedule_from": schedule_from,
    "activity.recent_activity": recent_activity,
    "treatment.on_other_dmt":
        lambda p: p.treatment.current is not None and not on_ocrelizumab(p),
    "treatment.ocrelizumab.starting_or_on": lambda p: not _ocr_doses(p) or on_ocrelizumab(p),
}

assert set(_EXTRACTORS) == {s.name for s in _BASE_SPECS}, "every base fact needs an extractor"


def build_facts(profile: Profile) -> Facts:
    """Compute every known fact of `profile` on its `assessed_on` date."""
    on = profile.assessed_on
    values: dict[str, FactValue] = {}
    for name, extract in _EXTRACTORS.items():
        value = extract(profile)
        if value is None:
            continue
        check_fact_value(name, value)
        values[name] = value
        if isinstance(value, dt.date):
            for unit, amount in _date_ages(value, on):
                values[f"{name}.{unit}_ago"] = amount
    return Facts(on, MappingProxyType(values))


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and -(2**63) <= v < 2**63


def _is_number(v: Any) -> bool:
    return (isinstance(v, int | float) and not isinstance(v, bool)
            and math.isfinite(v) and (not isinstance(v, int) or _is_int(v)))


_TYPE_CHECKS: dict[FactType, Callable[[Any], bool]] = {
    FactType.boolean: lambda v: isinstance(v, bool),
    FactType.integer: _is_int,
    FactType.number: _is_number,
    FactType.enum: lambda v: isinstance(v, str),
    FactType.date: lambda v: isinstance(v, dt.date),
}


def _checker(spec: FactSpec) -> Callable[[Any], bool]:
    type_ok = _TYPE_CHECKS[spec.type]
    if spec.type is FactType.enum:
        allowed = frozenset(spec.values)
        return lambda v: type_ok(v) and v in allowed
    return type_ok


_CHECKERS: dict[str, Callable[[Any], bool]] = {n: _checker(s) for n, s in FACT_SPECS.items()}


def check_fact_value(name: str, value: Any) -> None:
    """Refuse a value whose type the engine would silently coerce ("9" >= 18 as text)."""
    spec = FACT_SPECS[name]
    if not _CHECKERS[name](value):
        raise TypeError(f"fact {name} must be {spec.type.value}"
                        f"{' (' + ', '.join(spec.values) + ')' if spec.values else ''}, "
                        f"got {value!r}")


# Facts every profile has (from required fields, or counts/flags of lists that default to empty).
# A rule that reads only these (plus known/unknown tests) can never be undecided, so the
# compiler gives it no "false" pattern; tests/unit/test_facts.py checks the set empirically.
ALWAYS_KNOWN: frozenset[str] = frozenset({
    "jurisdiction", "patient.age", "diagnosis.phenotype", "treatment.on_dmt",
    "treatment.prior.count", "treatment.ocrelizumab.dose_count",
})
