"""The code table (codes.yaml) as typed data: the import knows no code of its own."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

CODES_FILE = Path(__file__).with_name("codes.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Code(_Strict):
    system: str
    code: str
    display: str
    source: str
    value: str | None = None
    dmt: str | None = None
    cross_checked: bool = False
    # a code whose meaning rests on one non-standard source (e.g. the Synthea MS module): the
    # import still maps it, and says so in its report
    uncertain: str | None = None
    # only in `not_mapped`: the profile field it would feed, and why it does not
    field: str | None = None
    reason: str | None = None


class ObservationMap(_Strict):
    field: str
    kind: Literal["serology", "quantity", "interpretation", "score"]
    max_age_days: int = Field(gt=0)
    codes: list[Code]
    units: dict[str, float] = Field(default_factory=dict)
    interpretations: dict[str, str] = Field(default_factory=dict)
    all_of: bool = False
    positive_only: bool = False
    # kind score: the scale's bounds and step; a value off the scale is reported, not mapped
    scale: tuple[float, float] | None = None
    step: float | None = None


class Interpretation(_Strict):
    serology_positive: list[str]
    serology_negative: list[str]


class Conditions(_Strict):
    phenotype: list[Code]
    ms_unspecified: list[Code]
    pregnancy: list[Code]


class Answers(_Strict):
    positive: list[Code]
    negative: list[Code]


class Vaccines(_Strict):
    live: list[Code]
    non_live: list[Code]


class CodeTable(_Strict):
    format: Literal[1]
    systems: dict[str, str]
    conditions: Conditions
    observations: list[ObservationMap]
    interpretation: Interpretation
    answers: Answers
    routes: list[Code]
    medications: list[Code]
    vaccines: Vaccines
    # codes known on purpose and not mapped: reported under `field` with `reason`
    not_mapped: list[Code] = Field(default_factory=list)

    def uri(self, code: Code) -> str:
        """The FHIR system URI of a code (codes.yaml names systems by a short key)."""
        return self.systems[code.system]

    def key(self, code: Code) -> tuple[str, str]:
        return (self.uri(code), code.code)


@functools.cache
def load_codes(path: Path = CODES_FILE) -> CodeTable:
    """Read and validate codes.yaml once; a bad table fails loudly at start-up."""
    table = CodeTable.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    for group in (table.conditions.phenotype, table.conditions.ms_unspecified,
                  table.conditions.pregnancy, table.routes, table.medications,
                  table.vaccines.live, table.vaccines.non_live, table.not_mapped,
                  *(o.codes for o in table.observations)):
        for code in group:
            if code.system not in table.systems:
                raise ValueError(f"{path}: code {code.code} names unknown system {code.system}")
    for code in table.not_mapped:
        if not (code.field and code.reason):
            raise ValueError(f"{path}: not_mapped code {code.code} needs a field and a reason")
    for omap in table.observations:
        if omap.kind == "score" and (omap.scale is None or not omap.step):
            raise ValueError(f"{path}: score {omap.field} needs a scale and a step")
    return table
