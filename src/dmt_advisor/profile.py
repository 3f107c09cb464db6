"""Patient profile, format 1 (`shared/contract/profile-format.md`, extended in docs/profile.md).

Missing means unknown, never negative: every clinical field is optional and `None` is
"not recorded". Screening results accept the literal `unknown`, which is normalised to `None`
so the rest of the house has a single spelling for "we do not know". Unknown keys are errors
(a typo must never silently drop a fact), and every error names its field path.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from dmt_advisor.errors import FieldProblem, ProfileError


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
    """Ocrevus IV or Ocrevus Zunovo (subcutaneous); not interchangeable dose for dose."""

    IV = "IV"
    SC = "SC"


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


Unknowable = BeforeValidator(_unknown_is_none)
StrictBool = Annotated[bool | None, BeforeValidator(_strict_bool)]
SerologyField = Annotated[Serology | None, Unknowable]


class _Section(BaseModel):
    """Profile sections are input from a person: frozen, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Patient(_Section):
    age: Annotated[int | None, Field(ge=0, le=120)] = None
    birth_date: dt.date | None = None
    sex: Sex | None = None
    reproductive_potential: StrictBool = None


class Diagnosis(_Section):
    phenotype: Phenotype
    active_disease: StrictBool = None
    diagnosed_on: dt.date | None = None
    # EU SmPC 4.1 limits PPMS to "early" PPMS (disease duration, disability) with imaging
    # activity and gives no numeric cut-off there: the clinician's judgement, recorded.
    early_ppms: StrictBool = None


class Activity(_Section):
    last_relapse: dt.date | None = None
    relapses_past_12_months: Annotated[int | None, Field(ge=0, le=50)] = None
    last_new_mri_lesion: dt.date | None = None
    new_t2_lesions_past_12_months: Annotated[int | None, Field(ge=0, le=500)] = None
    gad_enhancing_lesions: Annotated[int | None, Field(ge=0, le=500)] = None
    edss: Annotated[float | None, Field(ge=0, le=10, multiple_of=0.5)] = None
    disability_worsening_past_12_months: StrictBool = None


class Screening(_Section):
    hbsag: SerologyField = None
    anti_hbc: SerologyField = None
    immunoglobulins: Annotated[ImmunoglobulinResult | None, Unknowable] = None
    igg_g_per_l: Annotated[float | None, Field(ge=0, le=100)] = None
    liver_tests: Annotated[LiverTestResult | None, Unknowable] = None
    # Serology cannot tell active HBV from carriage: a liver specialist's answer (HBV DNA, ALT).
    hbv_active: StrictBool = None


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


class Vaccination(_Section):
    vaccine: str = Field(min_length=1, max_length=80)
    kind: VaccineKind
    date: dt.date


class Reproductive(_Section):
    pregnant: StrictBool = None
    planning_pregnancy: StrictBool = None
    breastfeeding: StrictBool = None


class CurrentTreatment(_Section):
    drug: Dmt
    last_dose: dt.date | None = None
    started: dt.date | None = None


class PriorTreatment(_Section):
    drug: Dmt
    stopped: dt.date | None = None
    reason: StopReason | None = None


class OcrelizumabHistory(_Section):
    formulation: Formulation | None = None
    doses: list[dt.date] = Field(default_factory=list, max_length=200)
    serious_infusion_reaction: StrictBool = None


class Treatment(_Section):
    current: CurrentTreatment | None = None
    prior: list[PriorTreatment] = Field(default_factory=list, max_length=50)
    ocrelizumab: OcrelizumabHistory | None = None


class Labs(_Section):
    lymphocytes_10e9_per_l: Annotated[float | None, Field(ge=0, le=100)] = None
    jcv_antibody: SerologyField = None
    b_cells_repleted: StrictBool = None  # after stopping an anti-CD20: B cells back (CD19)


class Profile(_Section):
    """A patient profile, format 1. Minimal valid: format, patient.age, diagnosis.phenotype."""

    format: Literal[1] = 1
    assessed_on: dt.date = Field(default_factory=dt.date.today)
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

    @model_validator(mode="after")
    def _cross_field_rules(self) -> Profile:
        """Checks that need two fields: an age, and no event dated after the assessment."""
        p = self.patient
        if p.age is None and p.birth_date is None:
            raise _field_error("patient.age", "required (or give patient.birth_date)")
        if p.birth_date is not None and p.birth_date > self.assessed_on:
            raise _field_error("patient.birth_date", "is after assessed_on")
        if p.age is not None and p.birth_date is not None and _age_on(
            p.birth_date, self.assessed_on
        ) != p.age:
            raise _field_error(
                "patient.age", "disagrees with patient.birth_date on assessed_on; give one"
            )
        for path, when in self._event_dates():
            if when > self.assessed_on:
                raise _field_error(
                    path,
                    f"{when.isoformat()} is after assessed_on ({self.assessed_on.isoformat()});"
                    " record only what has happened",
                )
        return self

    def _event_dates(self) -> list[tuple[str, dt.date]]:
        """Every date of something that happened, with its field path."""
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


def _field_error(path: str, message: str) -> PydanticCustomError:
    """A cross-field error that keeps the field path it is about (pydantic would say `()`)."""
    return PydanticCustomError("profile_field", "{message}", {"path": path, "message": message})


def _age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _location(loc: tuple[int | str, ...]) -> str:
    """pydantic's loc tuple as a profile path: `vaccinations[0].date`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith(("function-", "literal[", "lax-or-strict", "json-or-python")):
            continue  # pydantic-internal validator names, not profile fields
        else:
            out += f".{part}" if out else str(part)
    return out or "(profile)"


def _problem(err: dict[str, Any]) -> FieldProblem:
    path = _location(tuple(err["loc"]))
    kind = err["type"]
    msg = str(err["msg"])
    if kind == "extra_forbidden":
        msg = "unknown field (check the spelling against docs/profile.md)"
    elif kind == "enum":
        msg = f"{err['input']!r} is not allowed; expected one of {err['ctx']['expected']}"
    elif kind == "missing":
        msg = "required field is missing"
    elif kind.startswith("date"):
        msg = f"{err.get('input')!r} is not a date; write YYYY-MM-DD"
    elif msg.startswith("Value error, "):
        msg = msg.removeprefix("Value error, ")
    elif kind == "profile_field":
        path, msg = err["ctx"]["path"], err["ctx"]["message"]
    return FieldProblem(path, msg)


def parse_profile(data: Any, source: str | None = None) -> Profile:
    """Validate a profile mapping; raise `ProfileError` naming every bad field path."""
    if not isinstance(data, dict):
        raise ProfileError([FieldProblem("(profile)", "must be a mapping of fields")], source)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError([_problem(e) for e in exc.errors()], source) from None


def load_profile(path: str | Path) -> Profile:
    """Read a YAML or JSON profile file; errors name the file and the field path."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        problem = FieldProblem("(file)", f"cannot read: {exc.strerror}")
        raise ProfileError([problem], str(path)) from None
    return profile_from_text(text, source=str(path))


def profile_from_text(text: str, source: str | None = None) -> Profile:
    """Parse YAML (a superset of JSON) profile text."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        raise ProfileError([FieldProblem(where, "not valid YAML or JSON")], source) from None
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
