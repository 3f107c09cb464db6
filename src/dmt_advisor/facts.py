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
    OCRELIZUMAB_FORMULATIONS,
    Cyp2c9Genotype,
    Dmt,
    EyeExam,
    Formulation,
    ImmunoglobulinResult,
    Impairment,
    Jurisdiction,
    LiverTestResult,
    MedicationClass,
    NormalAbnormal,
    Phenotype,
    PriorTreatment,
    Profile,
    Serology,
    Sex,
    SkinExam,
    StopReason,
    TuberculosisResult,
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
             ("treatment.ocrelizumab.formulation",),
             tuple(f.value for f in OCRELIZUMAB_FORMULATIONS)),
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



def _yes_no(name: str, label: str) -> FactSpec:
    return FactSpec(name, FactType.boolean, label, (name,))


def _enum_spec(name: str, label: str, enum: type[StrEnum]) -> FactSpec:
    return FactSpec(name, FactType.enum, label, (name,), _values(enum))


def _number_spec(name: str, label: str, unit: str) -> FactSpec:
    return FactSpec(name, FactType.number, label, (name,), unit=unit)


# ---- issue 9: facts every drug's rules may read (spec section 2) -----------------------------
_ISSUE_9_SPECS: tuple[FactSpec, ...] = (
    _enum_spec("screening.vzv_igg", "varicella zoster virus IgG", Serology),
    _yes_no("history.varicella_or_vzv_vaccine",
            "chickenpox confirmed by a clinician or full VZV vaccination"),
    _enum_spec("screening.tuberculosis", "tuberculosis screening", TuberculosisResult),
    _enum_spec("screening.hiv", "HIV serology", Serology),
    _enum_spec("screening.hcv", "hepatitis C serology", Serology),
    _enum_spec("screening.ecg", "ECG", NormalAbnormal),
    _enum_spec("screening.eye_exam", "eye examination (macula)", EyeExam),
    _enum_spec("screening.skin_exam", "skin examination", SkinExam),
    _enum_spec("screening.thyroid_function", "thyroid function tests", NormalAbnormal),
    _enum_spec("screening.urinalysis", "urinalysis", NormalAbnormal),
    FactSpec("screening.cbc_date", FactType.date, "most recent complete blood count",
             ("screening.cbc_date",)),
    _number_spec("labs.jcv_index", "anti-JCV antibody index", ""),
    _number_spec("labs.platelets_10e9_per_l", "platelet count", "x10^9/L"),
    _number_spec("labs.neutrophils_10e9_per_l", "neutrophil count", "x10^9/L"),
    _number_spec("labs.creatinine_clearance_ml_min", "creatinine clearance", "mL/min"),
    _number_spec("labs.serum_creatinine_umol_per_l", "serum creatinine", "umol/L"),
    _enum_spec("genetics.cyp2c9_genotype", "CYP2C9 genotype", Cyp2c9Genotype),
    FactSpec("genetics.cyp2c9_poor_metaboliser", FactType.boolean,
             "CYP2C9 poor metaboliser (*3/*3)", ("genetics.cyp2c9_genotype",)),
    _yes_no("cardiac.major_event_past_6_months",
            "MI, unstable angina, stroke, TIA, decompensated heart failure needing "
            "hospitalisation or NYHA class III/IV heart failure in the past 6 months"),
    _yes_no("cardiac.conduction_block",
            "Mobitz type II or third-degree AV block, sick sinus syndrome or sino-atrial block"),
    _yes_no("cardiac.pacemaker", "functioning pacemaker"),
    _number_spec("cardiac.qtc_ms", "QTc interval", "ms"),
    _number_spec("cardiac.resting_heart_rate", "resting heart rate", "beats/min"),
    _yes_no("cardiac.severe_untreated_sleep_apnoea", "severe untreated sleep apnoea"),
    _yes_no("cardiac.uncontrolled_hypertension", "uncontrolled hypertension"),
    _yes_no("history.diabetes", "diabetes mellitus"),
    _yes_no("history.uveitis", "history of uveitis"),
    _enum_spec("history.hepatic_impairment", "hepatic impairment", Impairment),
    _enum_spec("history.renal_impairment", "renal impairment", Impairment),
    _yes_no("history.depression_or_suicidal_ideation", "depression or suicidal ideation"),
    _yes_no("history.seizures", "seizures"),
    _yes_no("history.autoimmune_disease", "autoimmune disease other than MS"),
    _yes_no("history.thyroid_disease", "thyroid disease"),
    _yes_no("history.bleeding_disorder_or_anticoagulant",
            "bleeding disorder or anticoagulant treatment"),
    _yes_no("history.stroke_or_cervicocephalic_dissection",
            "stroke or cervicocephalic arterial dissection"),
    _yes_no("history.pulmonary_disease_severe", "severe pulmonary disease"),
    _yes_no("reproductive.contraception", "effective contraception in use"),
    *(FactSpec(f"medications.{m.value}", FactType.boolean,
               f"current medication: {m.value.replace('_', ' ')}", ("medications.current",))
      for m in MedicationClass),
)

# ---- issue 9: per-drug facts, relative to the drug being assessed ("this") -------------------
# Computed by `drug_overlay` for each assessed drug and merged over the profile's facts.
_DMT_VALUES_AND_NONE = (*_values(Dmt), "none")
DRUG_SPECS: tuple[FactSpec, ...] = (
    FactSpec("this.on", FactType.boolean, "on this drug now",
             ("treatment.current.drug", "treatment.courses", "treatment.prior")),
    FactSpec("this.dose_count", FactType.integer, "number of doses of this drug recorded",
             ("treatment.courses",)),
    FactSpec("this.first_dose", FactType.date, "first dose of this drug",
             ("treatment.courses", "treatment.current.started")),
    FactSpec("this.last_dose", FactType.date, "last dose of this drug",
             ("treatment.courses", "treatment.current.last_dose")),
    FactSpec("this.formulation", FactType.enum, "formulation of this drug",
             ("treatment.courses", "treatment.current.formulation"), _values(Formulation)),
    FactSpec("this.starting_or_on", FactType.boolean, "starting this drug (no dose yet) or on it",
             ("treatment.courses", "treatment.current.drug", "treatment.prior")),
    FactSpec("this.hypersensitivity", FactType.boolean, "hypersensitivity to this drug",
             ("history.hypersensitivity_to",)),
    FactSpec("this.previously_stopped_for", FactType.enum,
             "reason this drug was stopped before", ("treatment.prior",), _values(StopReason)),
    FactSpec("switch.from_drug", FactType.enum, "the DMT this drug would replace",
             ("treatment.current.drug", "treatment.prior"), _DMT_VALUES_AND_NONE),
    FactSpec("switch.from_class", FactType.enum,
             "class of the DMT this drug would replace",
             ("treatment.current.drug", "treatment.prior"), (*_values_of_classes(), "none")),
    FactSpec("switch.from_last_dose", FactType.date,
             "last dose of the DMT this drug would replace",
             ("treatment.current.last_dose", "treatment.prior")),
    FactSpec("switch.same_class", FactType.boolean,
             "the DMT this drug would replace is of the same class",
             ("treatment.current.drug", "treatment.prior")),
)
DRUG_FACTS: frozenset[str] = frozenset(s.name for s in DRUG_SPECS)

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


FACT_SPECS: Mapping[str, FactSpec] = MappingProxyType(
    _with_date_ages(_BASE_SPECS + _ISSUE_9_SPECS + DRUG_SPECS))
# every name a drug overlay may set or clear (the date facts with their ages)
OVERLAY_NAMES: frozenset[str] = frozenset(
    name for name, spec in FACT_SPECS.items()
    if name in DRUG_FACTS or spec.derived_from in DRUG_FACTS)
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
    "treatment.ocrelizumab.schedule_from": schedule_from,
    "activity.recent_activity": recent_activity,
    "treatment.on_other_dmt":
        lambda p: p.treatment.current is not None and not on_ocrelizumab(p),
    "treatment.ocrelizumab.starting_or_on": lambda p: not _ocr_doses(p) or on_ocrelizumab(p),
}



def _medication(m: MedicationClass) -> _Extractor:
    def extract(p: Profile) -> bool | None:
        listed = p.medications.current
        return None if listed is None else m in listed
    return extract


_EXTRACTORS.update({
    "screening.vzv_igg": lambda p: _enum(p.screening.vzv_igg),
    "history.varicella_or_vzv_vaccine": lambda p: p.history.varicella_or_vzv_vaccine,
    "screening.tuberculosis": lambda p: _enum(p.screening.tuberculosis),
    "screening.hiv": lambda p: _enum(p.screening.hiv),
    "screening.hcv": lambda p: _enum(p.screening.hcv),
    "screening.ecg": lambda p: _enum(p.screening.ecg),
    "screening.eye_exam": lambda p: _enum(p.screening.eye_exam),
    "screening.skin_exam": lambda p: _enum(p.screening.skin_exam),
    "screening.thyroid_function": lambda p: _enum(p.screening.thyroid_function),
    "screening.urinalysis": lambda p: _enum(p.screening.urinalysis),
    "screening.cbc_date": lambda p: p.screening.cbc_date,
    "labs.jcv_index": lambda p: p.labs.jcv_index,
    "labs.platelets_10e9_per_l": lambda p: p.labs.platelets_10e9_per_l,
    "labs.neutrophils_10e9_per_l": lambda p: p.labs.neutrophils_10e9_per_l,
    "labs.creatinine_clearance_ml_min": lambda p: p.labs.creatinine_clearance_ml_min,
    "labs.serum_creatinine_umol_per_l": lambda p: p.labs.serum_creatinine_umol_per_l,
    "genetics.cyp2c9_genotype": lambda p: _enum(p.genetics.cyp2c9_genotype),
    "genetics.cyp2c9_poor_metaboliser": lambda p: (
        None if p.genetics.cyp2c9_genotype is None
        else p.genetics.cyp2c9_genotype is Cyp2c9Genotype.g33),
    "cardiac.major_event_past_6_months": lambda p: p.cardiac.major_event_past_6_months,
    "cardiac.conduction_block": lambda p: p.cardiac.conduction_block,
    "cardiac.pacemaker": lambda p: p.cardiac.pacemaker,
    "cardiac.qtc_ms": lambda p: p.cardiac.qtc_ms,
    "cardiac.resting_heart_rate": lambda p: p.cardiac.resting_heart_rate,
    "cardiac.severe_untreated_sleep_apnoea": lambda p: p.cardiac.severe_untreated_sleep_apnoea,
    "cardiac.uncontrolled_hypertension": lambda p: p.cardiac.uncontrolled_hypertension,
    "history.diabetes": lambda p: p.history.diabetes,
    "history.uveitis": lambda p: p.history.uveitis,
    "history.hepatic_impairment": lambda p: _enum(p.history.hepatic_impairment),
    "history.renal_impairment": lambda p: _enum(p.history.renal_impairment),
    "history.depression_or_suicidal_ideation": lambda p: p.history.depression_or_suicidal_ideation,
    "history.seizures": lambda p: p.history.seizures,
    "history.autoimmune_disease": lambda p: p.history.autoimmune_disease,
    "history.thyroid_disease": lambda p: p.history.thyroid_disease,
    "history.bleeding_disorder_or_anticoagulant":
        lambda p: p.history.bleeding_disorder_or_anticoagulant,
    "history.stroke_or_cervicocephalic_dissection":
        lambda p: p.history.stroke_or_cervicocephalic_dissection,
    "history.pulmonary_disease_severe": lambda p: p.history.pulmonary_disease_severe,
    "reproductive.contraception": lambda p: p.reproductive.contraception,
    **{f"medications.{m.value}": _medication(m) for m in MedicationClass},
})

assert set(_EXTRACTORS) == {s.name for s in _BASE_SPECS + _ISSUE_9_SPECS}, \
    "every base fact needs an extractor"


# ---- per-drug facts ("this.*", relative "switch.*") ----------------------------------------

@dataclass(frozen=True)
class DrugRef:
    """What the per-drug facts need to know of the assessed drug (from its drug.yaml)."""

    id: str
    dmt: Dmt | None  # None: a drug the profile's vocabulary cannot name
    dmt_class: DmtClass


OCRELIZUMAB = DrugRef("ocrelizumab", Dmt.ocrelizumab, DmtClass.anti_cd20)


def doses_of(p: Profile, dmt: Dmt | None) -> list[dt.date]:
    if dmt is None:
        return []
    if dmt is Dmt.ocrelizumab:
        return _ocr_doses(p)
    course = p.treatment.course(dmt)
    return sorted(course.doses) if course is not None else []


def _formulation_of(p: Profile, dmt: Dmt | None) -> Formulation | None:
    if dmt is None:
        return None
    if dmt is Dmt.ocrelizumab:
        recorded = p.treatment.ocrelizumab.formulation if p.treatment.ocrelizumab else None
    else:
        course = p.treatment.course(dmt)
        recorded = course.formulation if course is not None else None
    current = p.treatment.current
    if recorded is None and current is not None and current.drug is dmt:
        recorded = current.formulation
    return recorded


def is_on(p: Profile, dmt: Dmt | None) -> bool:
    """On `dmt` now: the current DMT, or doses recorded with no current DMT and no record of
    having stopped it (a stop is recorded as a `treatment.prior` entry)."""
    if dmt is None:
        return False
    current = p.treatment.current
    if current is not None:
        return current.drug is dmt
    stopped = any(entry.drug is dmt for entry in p.treatment.prior)
    return bool(doses_of(p, dmt)) and not stopped


def switch_from(p: Profile, dmt: Dmt | None) -> tuple[Dmt | None, dt.date | None]:
    """The DMT `dmt` would replace, and its last dose (or stop date).

    The current DMT when it is not `dmt`; with no current DMT and no dose of `dmt` yet, the most
    recent earlier DMT; otherwise none (no switch into `dmt` is pending).
    """
    current = p.treatment.current
    if current is not None:
        if dmt is not None and current.drug is dmt:
            return None, None
        return current.drug, current.last_dose
    if doses_of(p, dmt):
        return None, None
    last = last_prior(p)
    return (last.drug, last.stopped) if last is not None else (None, None)


def _stopped_for(p: Profile, dmt: Dmt | None) -> str | None:
    entries = [e for e in p.treatment.prior if dmt is not None and e.drug is dmt]
    if not entries:
        return None
    if all(e.stopped is not None for e in entries):
        entries.sort(key=lambda e: e.stopped)  # type: ignore[arg-type,return-value]
    return _enum(entries[-1].reason)


def drug_overlay(p: Profile, drug: DrugRef) -> dict[str, FactValue | None]:
    """The per-drug facts of `drug` (None = unknown), before date ages are added."""
    dmt = drug.dmt
    doses = doses_of(p, dmt)
    on = is_on(p, dmt)
    current = p.treatment.current
    is_current = current is not None and dmt is not None and current.drug is dmt
    listed = p.history.hypersensitivity_to
    from_drug, from_last = switch_from(p, dmt)
    formulation = _formulation_of(p, dmt)
    return {
        "this.on": on,
        "this.dose_count": len(doses),
        "this.first_dose": doses[0] if doses else (current.started if is_current else None),
        "this.last_dose": doses[-1] if doses else (current.last_dose if is_current else None),
        "this.formulation": _enum(formulation),
        "this.starting_or_on": not doses or on,
        "this.hypersensitivity": None if listed is None or dmt is None else dmt in listed,
        "this.previously_stopped_for": _stopped_for(p, dmt),
        "switch.from_drug": "none" if from_drug is None else from_drug.value,
        "switch.from_class": "none" if from_drug is None else DMT_CLASS[from_drug].value,
        "switch.from_last_dose": from_last,
        "switch.same_class": from_drug is not None and DMT_CLASS[from_drug] is drug.dmt_class,
    }


def _put(values: dict[str, FactValue], name: str, value: FactValue | None,
         on: dt.date) -> None:
    if value is None:
        return
    check_fact_value(name, value)
    values[name] = value
    if isinstance(value, dt.date):
        for unit, amount in _date_ages(value, on):
            values[f"{name}.{unit}_ago"] = amount


def build_facts(profile: Profile, drug: DrugRef = OCRELIZUMAB) -> Facts:
    """Compute every known fact of `profile` on its `assessed_on` date, with the per-drug facts
    of `drug` (ocrelizumab unless named; `for_drug` swaps them for another drug)."""
    on = profile.assessed_on
    values: dict[str, FactValue] = {}
    for name, extract in _EXTRACTORS.items():
        _put(values, name, extract(profile), on)
    for name, value in drug_overlay(profile, drug).items():
        _put(values, name, value, on)
    return Facts(on, MappingProxyType(values))


def for_drug(facts: Facts, profile: Profile, drug: DrugRef) -> Facts:
    """`facts` (of `profile`) with the per-drug facts of `drug` instead: only the small
    overlay is recomputed, the profile's facts are shared."""
    values = {k: v for k, v in facts.values.items() if k not in OVERLAY_NAMES}
    for name, value in drug_overlay(profile, drug).items():
        _put(values, name, value, facts.assessed_on)
    return Facts(facts.assessed_on, MappingProxyType(values))


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
    "treatment.prior.count", "treatment.ocrelizumab.dose_count", "this.dose_count",
})
