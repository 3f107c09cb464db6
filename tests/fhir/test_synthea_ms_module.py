"""Bundles built with the codes of the Synthea MS module (JrVerbiest/synthea-ms-data, MIT; see
docs/fhir.md) through the real mapper, profile model and engine: what maps is checked value by
value, and every module code that maps to nothing is reported under its field, never guessed."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from dmt_advisor.advisor import default_advisor
from dmt_advisor.fhir import import_bundle, import_bundle_file
from dmt_advisor.fhir.codes import load_codes
from dmt_advisor.fhir.importer import orderable_tests
from dmt_advisor.profile import Dmt, Phenotype

ROOT = Path(__file__).resolve().parents[2]
MS = ROOT / "tests" / "fixtures" / "fhir" / "ms"
ON = dt.date(2026, 11, 22)
SOURCES = {"snomed", "loinc", "rxnorm", "cvx", "v3", "synthea-ms-module"}


def _reported(result, field: str) -> dict[str, str]:
    """code (without system) -> reason, for what was not mapped under one profile field."""
    return {(n.code or "").split("|")[-1]: n.reason for n in result.not_mapped
            if n.field == field}


def _bundle(name: str) -> dict:
    return json.loads((MS / name).read_text(encoding="utf-8"))


def test_module_spms_course_maps_phenotype_edss_and_dmts() -> None:
    result = import_bundle_file(MS / "ms-module-spms.json", ON)
    assert result.problems == []
    p = result.profile
    assert p is not None
    # SPMS from the module's UK-extension code wins over the older CIS and RRMS conditions
    assert p.diagnosis.phenotype == "SPMS" and p.diagnosis.diagnosed_on == dt.date(2025, 6, 1)
    assert set(_reported(result, "diagnosis.phenotype")) >= {"445967004", "426373005"}
    # the latest EDSS (2026-06-01), not the last one listed in the bundle
    assert p.activity.edss == 7.0
    assert p.treatment.current is not None and p.treatment.current.drug == "fingolimod"
    assert p.treatment.current.started == dt.date(2025, 7, 1)
    assert [x.drug for x in p.treatment.prior] == ["interferon-beta-1b"]
    # a code only the module vouches for is named as such beside what it mapped
    sources = {m.field: m.source for m in result.mapped}
    for field in ("diagnosis.phenotype", "activity.edss", "treatment.current", "treatment.prior"):
        assert "per synthea-ms-module, not confirmed" in sources[field], field
    default_advisor().assess(p)  # the real engine takes the imported profile


def test_module_codes_that_map_to_nothing_are_reported_field_by_field() -> None:
    result = import_bundle_file(MS / "ms-module-spms.json", ON)
    p = result.profile
    assert p is not None
    assert "395099008" in _reported(result, "history.malignancy_active")
    assert p.history.malignancy_active is None and p.history.breast_cancer is None
    assert "4740000" in _reported(result, "infection.active")
    assert p.infection.active is None
    assert "LA24655-5" in _reported(result, "activity.last_new_mri_lesion")
    assert p.activity.last_new_mri_lesion is None and p.activity.gad_enhancing_lesions is None
    treatment = _reported(result, "treatment")
    assert "cyclophosphamide" in treatment["202590"] and "corticosteroid" in treatment["6902"]
    assert "other" not in {x.drug for x in p.treatment.prior}  # Endoxan is not guessed as 'other'
    assert "32358-4" in _reported(result, "(none)")  # oligoclonal bands: no field
    assert "not in codes.yaml" in _reported(result, "(none)")["59621000"]  # hypertension
    assert any(n.resource == "Procedure" for n in result.not_mapped)  # MRI procedure: type unused


def test_prms_is_not_mapped_and_the_older_ppms_is_not_used_in_its_place() -> None:
    result = import_bundle_file(MS / "ms-module-prms.json", ON)
    assert result.profile is None and result.problems[0].startswith("diagnosis")
    reported = _reported(result, "diagnosis.phenotype")
    assert "clinician" in reported["724778008"]
    assert "PPMS not used" in reported["428700003"]
    assert "diagnosis.phenotype" not in result.data.get("diagnosis", {})
    # the rest still maps: the Ocrevus order (module brand code) and the EDSS
    assert result.data["treatment"]["current"]["drug"] == "ocrelizumab"
    assert result.data["activity"]["edss"] == 6.0
    # without the PRMS condition the same bundle maps PPMS: it is the PRMS that blocks it
    bundle = _bundle("ms-module-prms.json")
    bundle["entry"] = [e for e in bundle["entry"] if e["resource"]["id"] != "c14"]
    assert import_bundle(bundle, ON).profile.diagnosis.phenotype == "PPMS"


def test_an_older_prms_does_not_block_a_newer_mapped_phenotype() -> None:
    bundle = _bundle("ms-module-prms.json")
    for e in bundle["entry"]:
        if e["resource"]["id"] == "c13":  # PPMS recorded after the PRMS
            e["resource"]["recordedDate"] = "2025-01-01"
    assert import_bundle(bundle, ON).profile.diagnosis.phenotype == "PPMS"


@pytest.mark.parametrize(("value", "unit", "why"), [
    (3.7, None, "not on the scale 0-10 in steps of 0.5"),
    (11, None, "not on the scale"),
    (-0.5, None, "not on the scale"),
    (4.0, "kg", "unit 'kg' not in codes.yaml"),
])
def test_an_edss_off_its_scale_or_with_a_foreign_unit_is_reported_not_rounded(
        value: float, unit: str | None, why: str) -> None:
    bundle = _bundle("ms-module-prms.json")
    for e in bundle["entry"]:
        if e["resource"]["id"] == "o16":
            e["resource"]["valueQuantity"]["value"] = value
            if unit:
                e["resource"]["valueQuantity"]["code"] = unit
    result = import_bundle(bundle, ON)
    assert "edss" not in result.data.get("activity", {})
    assert why in _reported(result, "activity.edss")["273554001"]


def test_an_edss_older_than_its_window_counts_as_not_done() -> None:
    bundle = copy.deepcopy(_bundle("ms-module-prms.json"))
    for e in bundle["entry"]:
        if e["resource"]["id"] == "o16":
            e["resource"]["effectiveDateTime"] = "2024-01-01"
    result = import_bundle(bundle, ON)
    assert "edss" not in result.data.get("activity", {})
    assert "older than 365 days" in _reported(result, "activity.edss")["273554001"]


def test_module_entries_in_the_code_table_are_sourced_and_map_to_profile_values() -> None:
    table = load_codes()
    groups = [table.conditions.phenotype, table.conditions.ms_unspecified, table.medications,
              table.not_mapped, *(o.codes for o in table.observations)]
    codes = [c for g in groups for c in g]
    for c in codes:
        tokens = {t.strip() for t in c.source.split(",")}
        assert tokens <= SOURCES, (c.code, c.source)
        if tokens == {"synthea-ms-module"} and c not in table.not_mapped:
            assert c.uncertain, f"{c.code}: only the module vouches for it, say so"
    for c in table.conditions.phenotype:
        Phenotype(c.value)
    for c in table.medications:
        Dmt(c.dmt)
    module = {c.code for c in codes if "synthea-ms-module" in c.source}
    # every module code of the table is in the docs' table of the module's codes
    doc = (ROOT / "docs" / "fhir.md").read_text(encoding="utf-8")
    section = doc.split("## Codes of the Synthea MS module", 1)[1]
    assert all(code in section for code in module), sorted(c for c in module if c not in section)
    assert {"445967004", "343601000000105", "273554001", "1876381", "724778008"} <= module


def test_edss_is_never_offered_as_a_test_to_order() -> None:
    """The service turns a missing field into a draft order of its codes: an EDSS is an
    examination, and its module code is unconfirmed, so nothing is offered for it."""
    assert orderable_tests("activity.edss") == []
    assert [c for _, c, _ in orderable_tests("screening.hbsag")] == ["5196-1"]
