"""Patient profile, format 1 (`shared/contract/profile-format.md`, extended in docs/profile.md).

Missing means unknown, never negative: every clinical field is optional and `None` is
"not recorded". Screening results accept the literal `unknown`, which is normalised to `None`
so the rest of the house has a single spelling for "we do not know". Unknown keys are errors
(a typo must never silently drop a fact), and every error names its field path.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from dmt_advisor.errors import FieldProblem, ProfileError
from dmt_advisor.safe_load import InputError, decode, excerpt, load_json, load_yaml, read_bytes


class Jurisdiction(StrEnum):
    """Which label set applies; US and EU labels differ and both are encoded."""

    US = "US"
    EU = "EU"


class Sex(StrEnum):
    female = "female"
    male = "male"
    other = "other"


class Phenotype(StrEnum):
    """MS phenotypes the labels distinguish."""

    CIS = "CIS"
    RRMS = "RRMS"
    SPMS = "SPMS"
    PPMS = "PPMS"


class Serology(StrEnum):
    positive = "positive"
    negative = "negative"


class ImmunoglobulinResult(StrEnum):
    normal = "normal"
    low = "low"


class LiverTestResult(StrEnum):
    normal = "normal"
    abnormal = "abnormal"


class VaccineKind(StrEnum):
    live = "live"
    non_live = "non_live"


class StopReason(StrEnum):
    breakthrough = "breakthrough"
    intolerance = "intolerance"
    safety = "safety"
    pregnancy = "pregnancy"
    patient_choice = "patient_choice"
    other = "other"


class Formulation(StrEnum):
    """How a DMT is given: IV infusion, SC or IM injection, or by mouth.

    Ocrelizumab has only IV (Ocrevus) and SC (Ocrevus Zunovo), not interchangeable dose for
    dose; `treatment.ocrelizumab.formulation` refuses IM and oral.
    """

    IV = "IV"
    SC = "SC"
    IM = "IM"
    oral = "oral"


OCRELIZUMAB_FORMULATIONS = (Formulation.IV, Formulation.SC)


class TuberculosisResult(StrEnum):
    negative = "negative"
    latent = "latent"
    active = "active"


class NormalAbnormal(StrEnum):
    normal = "normal"
    abnormal = "abnormal"


class EyeExam(StrEnum):
    normal = "normal"
    macular_oedema = "macular_oedema"
    other_abnormal = "other_abnormal"


class SkinExam(StrEnum):
    normal = "normal"
    suspicious = "suspicious"


class Impairment(StrEnum):
    none = "none"
    mild = "mild"
    moderate = "moderate"
    severe = "severe"


class Cyp2c9Genotype(StrEnum):
    g11 = "*1/*1"
    g12 = "*1/*2"
    g22 = "*2/*2"
    g13 = "*1/*3"
    g23 = "*2/*3"
    g33 = "*3/*3"


class MedicationClass(StrEnum):
    """Classes of current co-medication that labels name in interactions."""

    beta_blocker = "beta_blocker"
    heart_rate_lowering_ccb = "heart_rate_lowering_ccb"
    class_ia_or_iii_antiarrhythmic = "class_ia_or_iii_antiarrhythmic"
    qt_prolonging = "qt_prolonging"
    strong_cyp3a4_inducer = "strong_cyp3a4_inducer"
    moderate_cyp2c9_and_cyp3a4_inhibitor = "moderate_cyp2c9_and_cyp3a4_inhibitor"
    strong_cyp2c8_inhibitor = "strong_cyp2c8_inhibitor"
    bcrp_substrate = "bcrp_substrate"
    maoi = "maoi"
    leflunomide = "leflunomide"
    immunosuppressant_or_antineoplastic = "immunosuppressant_or_antineoplastic"
    warfarin = "warfarin"
    corticosteroid_high_dose = "corticosteroid_high_dose"


class Dmt(StrEnum):
    """Generic names (lower case) of MS disease-modifying therapies a profile may name.

    A closed vocabulary so that a misspelt drug is an error rather than a silently missed
    switching rule.
    """

    ocrelizumab = "ocrelizumab"
    ofatumumab = "ofatumumab"
    ublituximab = "ublituximab"
    rituximab = "rituximab"
    natalizumab = "natalizumab"
    fingolimod = "fingolimod"
    siponimod = "siponimod"
    ozanimod = "ozanimod"
    ponesimod = "ponesimod"
    dimethyl_fumarate = "dimethyl-fumarate"
    diroximel_fumarate = "diroximel-fumarate"
    monomethyl_fumarate = "monomethyl-fumarate"
    teriflunomide = "teriflunomide"
    alemtuzumab = "alemtuzumab"
    cladribine = "cladribine"
    interferon_beta_1a = "interferon-beta-1a"
    interferon_beta_1b = "interferon-beta-1b"
    peginterferon_beta_1a = "peginterferon-beta-1a"
    glatiramer_acetate = "glatiramer-acetate"
    mitoxantrone = "mitoxantrone"
    other = "other"


def _unknown_is_none(value: Any) -> Any:
    """`unknown` (any case) and empty strings mean "not recorded": store them as None."""
    if isinstance(value, str) and value.strip().lower() in {"unknown", ""}:
        return None
    return value


def _strict_bool(value: Any) -> Any:
    """Accept only real booleans (YAML true/false); "yes"/1 would hide a data-entry error."""
    if value is None or isinstance(value, bool):
        return value
    raise ValueError("must be true or false (or omitted when unknown)")


def _whole_number(value: Any) -> Any:
    """Only a written whole number: not yes/no (YAML 1.1 booleans), "40", or 40.5."""
    if value is None:
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{excerpt(value)} is not a whole number")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(f"{excerpt(value)} is not a whole number")
    return int(value)


def _number(value: Any) -> Any:
    """Only a written, finite number: not yes/no, not "6.5", not .nan or .inf."""
    if value is None:
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{excerpt(value)} is not a number")
    if not math.isfinite(value):
        raise ValueError(f"{excerpt(value)} is not a finite number")
    return value


def _half_step(value: float | None) -> float | None:
    """EDSS moves in steps of 0.5; pydantic's float `multiple_of` tolerates 1e-10."""
    if value is not None and (value * 2) != round(value * 2):
        raise ValueError(f"{excerpt(value)} is not a step of 0.5 (0, 0.5, 1.0 ... 10)")
    return value


EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)


def _date_input(value: Any) -> Any:
    """A date or YYYY-MM-DD text; never a number (pydantic reads 0 as 1970-01-01)."""
    if isinstance(value, dt.datetime) or not isinstance(value, str | dt.date):
        raise ValueError(f"{excerpt(value)} is not a date; write YYYY-MM-DD")
    return value


def _date_range(value: dt.date) -> dt.date:
    """Bounded so date arithmetic (the dosing calendar) never leaves Python's year 1..9999."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"{value.isoformat()} is outside {EARLIEST_DATE.isoformat()} to "
                         f"{LATEST_DATE.isoformat()}")
    return value


def _each_date_input(value: Any) -> Any:
    """`_date_input` for every item of a list of dates (the list itself checked by pydantic)."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            try:
                _date_input(item)
            except ValueError as exc:
                raise ValueError(f"item {index}: {exc}") from None
    return value


def _each_date_in_range(value: list[dt.date]) -> list[dt.date]:
    for index, item in enumerate(value):
        try:
            _date_range(item)
        except ValueError as exc:
            raise ValueError(f"item {index}: {exc}") from None
    return value


Unknowable = BeforeValidator(_unknown_is_none)
StrictBool = Annotated[bool | None, BeforeValidator(_strict_bool)]
Date = Annotated[dt.date, BeforeValidator(_date_input), AfterValidator(_date_range)]
WholeNumber = BeforeValidator(_whole_number)
Number = BeforeValidator(_number)
SerologyField = Annotated[Serology | None, Unknowable]
NormalAbnormalField = Annotated[NormalAbnormal | None, Unknowable]
DoseDates = Annotated[list[dt.date], BeforeValidator(_each_date_input),
                      AfterValidator(_each_date_in_range)]


class _Section(BaseModel):
    """Profile sections are input from a person: frozen, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Patient(_Section):
    age: Annotated[int | None, Field(ge=0, le=120), WholeNumber] = None
    birth_date: Date | None = None
    sex: Sex | None = None
    reproductive_potential: StrictBool = None


class Diagnosis(_Section):
    phenotype: Phenotype
    active_disease: StrictBool = None
    diagnosed_on: Date | None = None
    # EU SmPC 4.1 limits PPMS to "early" PPMS (disease duration, disability) with imaging
    # activity and gives no numeric cut-off there: the clinician's judgement, recorded.
    early_ppms: StrictBool = None


class Activity(_Section):
    last_relapse: Date | None = None
    relapses_past_12_months: Annotated[int | None, Field(ge=0, le=50), WholeNumber] = None
    last_new_mri_lesion: Date | None = None
    new_t2_lesions_past_12_months: Annotated[int | None, Field(ge=0, le=500), WholeNumber] = None
    gad_enhancing_lesions: Annotated[int | None, Field(ge=0, le=500), WholeNumber] = None
    edss: Annotated[float | None, Field(ge=0, le=10, multiple_of=0.5), Number,
                   AfterValidator(_half_step)] = None
    disability_worsening_past_12_months: StrictBool = None


class Screening(_Section):
    hbsag: SerologyField = None
    anti_hbc: SerologyField = None
    immunoglobulins: Annotated[ImmunoglobulinResult | None, Unknowable] = None
    igg_g_per_l: Annotated[float | None, Field(ge=0, le=100), Number] = None
    liver_tests: Annotated[LiverTestResult | None, Unknowable] = None
    # Serology cannot tell active HBV from carriage: a liver specialist's answer (HBV DNA, ALT).
    hbv_active: StrictBool = None
    vzv_igg: SerologyField = None
    tuberculosis: Annotated[TuberculosisResult | None, Unknowable] = None
    hiv: SerologyField = None
    hcv: SerologyField = None
    ecg: NormalAbnormalField = None
    eye_exam: Annotated[EyeExam | None, Unknowable] = None
    skin_exam: Annotated[SkinExam | None, Unknowable] = None
    thyroid_function: NormalAbnormalField = None
    urinalysis: NormalAbnormalField = None
    cbc_date: Date | None = None


class Infection(_Section):
    active: StrictBool = None
    serious_recurrent: StrictBool = None
    pml_suspected: StrictBool = None
    pml_confirmed: StrictBool = None


class History(_Section):
    life_threatening_infusion_reaction: StrictBool = None
    malignancy_active: StrictBool = None
    breast_cancer: StrictBool = None
    severely_immunocompromised: StrictBool = None
    ivig_for_hypogammaglobulinaemia: StrictBool = None  # IV immunoglobulin replacement now
    # allergy to ocrelizumab, an excipient or (SC) hyaluronidase: EU contraindication
    hypersensitivity_ocrelizumab: StrictBool = None
    # DMTs the patient is hypersensitive to: absent = not recorded (unknown), [] = none
    hypersensitivity_to: list[Dmt] | None = Field(default=None, max_length=50)
    # chickenpox confirmed by a clinician, or full VZV vaccination
    varicella_or_vzv_vaccine: StrictBool = None
    diabetes: StrictBool = None
    uveitis: StrictBool = None
    hepatic_impairment: Annotated[Impairment | None, Unknowable] = None
    renal_impairment: Annotated[Impairment | None, Unknowable] = None
    depression_or_suicidal_ideation: StrictBool = None
    seizures: StrictBool = None
    autoimmune_disease: StrictBool = None  # other than MS
    thyroid_disease: StrictBool = None
    bleeding_disorder_or_anticoagulant: StrictBool = None
    stroke_or_cervicocephalic_dissection: StrictBool = None
    pulmonary_disease_severe: StrictBool = None


class Vaccination(_Section):
    vaccine: str = Field(min_length=1, max_length=80)
    kind: VaccineKind
    date: Date


class Reproductive(_Section):
    pregnant: StrictBool = None
    planning_pregnancy: StrictBool = None
    breastfeeding: StrictBool = None
    contraception: StrictBool = None  # effective contraception in use


class CurrentTreatment(_Section):
    drug: Dmt
    last_dose: Date | None = None
    started: Date | None = None
    formulation: Formulation | None = None


class PriorTreatment(_Section):
    drug: Dmt
    stopped: Date | None = None
    reason: StopReason | None = None


def _ocrelizumab_formulation(value: Any) -> Any:
    """Ocrevus is IV or SC (Zunovo): IM or oral is a data-entry error, said in plain words."""
    if value is not None and value not in {f.value for f in OCRELIZUMAB_FORMULATIONS}:
        raise ValueError(f"{excerpt(value)} is not allowed for ocrelizumab; expected 'IV' or 'SC'")
    return value


class OcrelizumabHistory(_Section):
    formulation: Annotated[Literal[Formulation.IV, Formulation.SC] | None,
                           BeforeValidator(_ocrelizumab_formulation)] = None
    doses: DoseDates = Field(default_factory=list, max_length=200)
    serious_infusion_reaction: StrictBool = None


class Course(_Section):
    """Doses of one DMT other than ocrelizumab (which has `treatment.ocrelizumab`)."""

    drug: Dmt
    formulation: Formulation | None = None
    doses: DoseDates = Field(default_factory=list, max_length=400)


class Treatment(_Section):
    current: CurrentTreatment | None = None
    prior: list[PriorTreatment] = Field(default_factory=list, max_length=50)
    ocrelizumab: OcrelizumabHistory | None = None
    courses: list[Course] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _one_course_per_drug(self) -> Treatment:
        seen: set[Dmt] = set()
        problems: list[tuple[str, str]] = []
        for index, course in enumerate(self.courses):
            where = f"treatment.courses[{index}].drug"
            if course.drug is Dmt.ocrelizumab:
                problems.append((where, "ocrelizumab has its own section: use "
                                        "treatment.ocrelizumab (formulation, doses)"))
            elif course.drug in seen:
                problems.append((where, f"{course.drug.value} is listed twice; one entry per "
                                        "drug (all its doses in one list)"))
            seen.add(course.drug)
        if problems:
            raise _field_errors(problems)
        return self

    def course(self, drug: Dmt) -> Course | None:
        return next((c for c in self.courses if c.drug is drug), None)


class Labs(_Section):
    lymphocytes_10e9_per_l: Annotated[float | None, Field(ge=0, le=100), Number] = None
    jcv_antibody: SerologyField = None
    b_cells_repleted: StrictBool = None  # after stopping an anti-CD20: B cells back (CD19)
    jcv_index: Annotated[float | None, Field(ge=0, le=100), Number] = None
    platelets_10e9_per_l: Annotated[float | None, Field(ge=0, le=5000), Number] = None
    neutrophils_10e9_per_l: Annotated[float | None, Field(ge=0, le=500), Number] = None
    creatinine_clearance_ml_min: Annotated[float | None, Field(ge=0, le=1000), Number] = None
    serum_creatinine_umol_per_l: Annotated[float | None, Field(ge=0, le=5000), Number] = None


class Genetics(_Section):
    cyp2c9_genotype: Annotated[Cyp2c9Genotype | None, Unknowable] = None


class Cardiac(_Section):
    # MI, unstable angina, stroke, TIA, decompensated heart failure needing hospitalisation,
    # NYHA class III/IV heart failure in the past 6 months
    major_event_past_6_months: StrictBool = None
    # Mobitz II / third-degree AV block / sick sinus syndrome / sino-atrial block
    conduction_block: StrictBool = None
    pacemaker: StrictBool = None
    qtc_ms: Annotated[float | None, Field(ge=0, le=1000), Number] = None
    resting_heart_rate: Annotated[float | None, Field(ge=0, le=400), Number] = None
    severe_untreated_sleep_apnoea: StrictBool = None
    uncontrolled_hypertension: StrictBool = None


class Medications(_Section):
    # classes of current co-medication: absent = not recorded (unknown), [] = none
    current: list[MedicationClass] | None = Field(default=None, max_length=50)


class Profile(_Section):
    """A patient profile, format 1. Minimal valid: format, patient.age, diagnosis.phenotype."""

    format: Annotated[Literal[1], BeforeValidator(_whole_number)] = 1  # `true` is not 1
    assessed_on: Date = Field(default_factory=dt.date.today)
    jurisdiction: Jurisdiction = Jurisdiction.US
    patient: Patient
    diagnosis: Diagnosis
    activity: Activity = Field(default_factory=Activity)
    screening: Screening = Field(default_factory=Screening)
    infection: Infection = Field(default_factory=Infection)
    history: History = Field(default_factory=History)
    vaccinations: list[Vaccination] = Field(default_factory=list, max_length=200)
    reproductive: Reproductive = Field(default_factory=Reproductive)
    treatment: Treatment = Field(default_factory=Treatment)
    labs: Labs = Field(default_factory=Labs)
    genetics: Genetics = Field(default_factory=Genetics)
    cardiac: Cardiac = Field(default_factory=Cardiac)
    medications: Medications = Field(default_factory=Medications)

    @model_validator(mode="after")
    def _cross_field_rules(self) -> Profile:
        """Checks that need two fields: an age, and no event dated after the assessment.

        Every problem is reported at once (one error carrying them all), so a clinician fixing
        a profile sees the whole list rather than one problem per attempt.
        """
        problems: list[tuple[str, str]] = []
        p = self.patient
        if p.age is None and p.birth_date is None:
            problems.append(("patient.age", "required (or give patient.birth_date)"))
        if p.birth_date is not None and p.birth_date > self.assessed_on:
            problems.append(("patient.birth_date", "is after assessed_on"))
        elif p.birth_date is not None and _age_on(p.birth_date, self.assessed_on) > 120:
            problems.append(("patient.birth_date", "gives an age over 120 on assessed_on"))
        elif p.age is not None and p.birth_date is not None and _age_on(
            p.birth_date, self.assessed_on
        ) != p.age:
            problems.append(
                ("patient.age", "disagrees with patient.birth_date on assessed_on; give one"))
        problems += [
            (path, f"{when.isoformat()} is after assessed_on ({self.assessed_on.isoformat()});"
                   " record only what has happened")
            for path, when in self.event_dates() if when > self.assessed_on
        ]
        if problems:
            raise _field_errors(problems)
        return self

    def event_dates(self) -> list[tuple[str, dt.date]]:
        """Every date of something that happened, with its field path (validation and the
        plausibility checks read the same list)."""
        found: list[tuple[str, dt.date]] = []
        for name in ("last_relapse", "last_new_mri_lesion"):
            value = getattr(self.activity, name)
            if value is not None:
                found.append((f"activity.{name}", value))
        if self.diagnosis.diagnosed_on is not None:
            found.append(("diagnosis.diagnosed_on", self.diagnosis.diagnosed_on))
        found += [(f"vaccinations[{i}].date", v.date) for i, v in enumerate(self.vaccinations)]
        current = self.treatment.current
        if current is not None:
            for name in ("last_dose", "started"):
                value = getattr(current, name)
                if value is not None:
                    found.append((f"treatment.current.{name}", value))
        found += [
            (f"treatment.prior[{i}].stopped", prior.stopped)
            for i, prior in enumerate(self.treatment.prior)
            if prior.stopped is not None
        ]
        for c, course in enumerate(self.treatment.courses):
            found += [(f"treatment.courses[{c}].doses[{i}]", d)
                      for i, d in enumerate(course.doses)]
        if self.screening.cbc_date is not None:
            found.append(("screening.cbc_date", self.screening.cbc_date))
        if self.treatment.ocrelizumab is not None:
            found += [
                (f"treatment.ocrelizumab.doses[{i}]", d)
                for i, d in enumerate(self.treatment.ocrelizumab.doses)
            ]
        return found

    @property
    def age(self) -> int:
        """Age in whole years on `assessed_on`."""
        if self.patient.age is not None:
            return self.patient.age
        assert self.patient.birth_date is not None  # guaranteed by the validator
        return _age_on(self.patient.birth_date, self.assessed_on)


def _field_errors(problems: list[tuple[str, str]]) -> PydanticCustomError:
    """Cross-field errors that keep the field paths they are about (pydantic would say `()`);
    `_problems` turns the one pydantic error back into one problem per field."""
    return PydanticCustomError("profile_field", "{message}", {
        "problems": problems, "message": "; ".join(f"{p}: {m}" for p, m in problems)})


def _age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _location(loc: tuple[int | str, ...]) -> str:
    """pydantic's loc tuple as a profile path: `vaccinations[0].date`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        part = excerpt(part, 40) if not isinstance(part, str) else part[:80]
        if part.startswith(("function-", "literal[", "lax-or-strict", "json-or-python")):
            continue  # pydantic-internal validator names, not profile fields
        out += f".{part}" if out else part
    return out or "(profile)"


def _problems(err: dict[str, Any]) -> list[FieldProblem]:
    """One pydantic error as field problems: one, or one per field of a cross-field error."""
    if err["type"] == "profile_field":
        return [FieldProblem(path, msg[:300]) for path, msg in err["ctx"]["problems"]]
    return [_problem(err)]


def _problem(err: dict[str, Any]) -> FieldProblem:
    """One pydantic error as a field path and a short message (inputs quoted as excerpts)."""
    path = _location(tuple(err["loc"]))
    kind = err["type"]
    msg = str(err["msg"])
    if kind == "extra_forbidden":
        msg = "unknown field (check the spelling against docs/profile.md)"
    elif kind == "enum":
        msg = f"{excerpt(err['input'])} is not allowed; expected one of {err['ctx']['expected']}"
    elif kind == "missing":
        msg = "required field is missing"
    elif kind.startswith("date"):
        msg = f"{excerpt(err.get('input'))} is not a date; write YYYY-MM-DD"
    elif msg.startswith("Value error, "):
        msg = msg.removeprefix("Value error, ")
    return FieldProblem(path, msg[:300])


def parse_profile(data: Any, source: str | None = None) -> Profile:
    """Validate a profile mapping; raise `ProfileError` naming every bad field path."""
    if not isinstance(data, dict):
        raise ProfileError([FieldProblem("(profile)", "must be a mapping of fields")], source)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        problems = [p for e in exc.errors(include_url=False) for p in _problems(e)]
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            problems = [*problems[:MAX_PROBLEMS], FieldProblem("(profile)", f"{more} more")]
        raise ProfileError(problems, source) from None


MAX_PROFILE_BYTES = 256 * 1024  # a full profile is a few KB; 200 vaccinations about 12 KB
MAX_PROFILE_DEPTH = 12  # the deepest field (treatment.courses[0].doses[0]) is 5 levels down
MAX_PROBLEMS = 20  # listed per error; the rest are counted


def load_profile(path: str | Path) -> Profile:
    """Read a YAML or JSON (by suffix) profile file; errors name the file and the field path."""
    path = Path(path)
    try:
        data = read_bytes(path, MAX_PROFILE_BYTES)
    except InputError as exc:
        raise ProfileError([FieldProblem("(file)", exc.reason)], str(path)) from None
    return profile_from_bytes(data, source=str(path))


def profile_from_bytes(data: bytes, source: str | None = None) -> Profile:
    """A profile from uploaded or read bytes: size-limited, UTF-8, JSON if `source` is .json."""
    if len(data) > MAX_PROFILE_BYTES:
        reason = f"file is {len(data):,} bytes; the limit is {MAX_PROFILE_BYTES:,}"
        raise ProfileError([FieldProblem("(file)", reason)], source)
    try:
        text = decode(data)
    except InputError as exc:
        raise ProfileError([FieldProblem(exc.where or "(file)", exc.reason)], source) from None
    return profile_from_text(text, source)


def profile_from_text(text: str, source: str | None = None) -> Profile:
    """Parse profile text: JSON when `source` ends in .json, else strict YAML (no aliases)."""
    if len(text) > MAX_PROFILE_BYTES:
        reason = f"text is {len(text):,} characters; the limit is {MAX_PROFILE_BYTES:,}"
        raise ProfileError([FieldProblem("(file)", reason)], source)
    is_json = source is not None and source.lower().endswith(".json")
    try:
        if is_json:
            data = load_json(text, max_depth=MAX_PROFILE_DEPTH)
        else:
            data = load_yaml(text, max_depth=MAX_PROFILE_DEPTH)
    except InputError as exc:
        raise ProfileError([FieldProblem(exc.where or "(file)", exc.reason)], source) from None
    return parse_profile(data, source)


def profile_to_yaml(profile: Profile) -> str:
    """The profile as YAML with only recorded fields, for download and round trips."""
    data = json.loads(profile.model_dump_json(exclude_none=True, exclude_defaults=False))
    return yaml.safe_dump(_drop_empty(data), sort_keys=False, allow_unicode=True)


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        cleaned = {k: _drop_empty(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in ({}, [], None)}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value
