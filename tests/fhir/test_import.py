"""FHIR R4 import: real bundles (hand-built MS patients, Synthea patients) through the real mapper,
the real profile model and the real engine. Unknown must stay unknown, field by field."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dmt_advisor.advisor import default_advisor
from dmt_advisor.fhir import FhirImportError, import_bundle, import_bundle_file
from dmt_advisor.fhir.codes import load_codes

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "fhir"
ON = dt.date(2026, 11, 22)


def _load(name: str) -> dict:
    return json.loads((FIX / "ms" / name).read_text())


def _not_mapped(result, field: str) -> list[str]:
    return [n.reason for n in result.not_mapped if n.field == field]


def test_on_ocrelizumab_bundle_maps_screening_doses_and_prior_dmt() -> None:
    result = import_bundle_file(FIX / "ms" / "ms-rrms-on-ocrelizumab.json", ON)
    assert result.problems == []
    p = result.profile
    assert p is not None
    assert p.diagnosis.phenotype == "RRMS"
    assert p.patient.birth_date == dt.date(1988, 5, 20) and p.patient.sex == "female"
    assert (p.screening.hbsag, p.screening.anti_hbc) == ("negative", "negative")
    assert p.screening.liver_tests == "normal" and p.screening.immunoglobulins == "normal"
    assert p.screening.igg_g_per_l == 9.1
    assert p.treatment.ocrelizumab.formulation == "IV"
    assert p.treatment.ocrelizumab.doses[-1] == dt.date(2026, 7, 14)
    assert len(p.treatment.ocrelizumab.doses) == 5
    assert [(x.drug, x.stopped) for x in p.treatment.prior] == [
        ("natalizumab", dt.date(2024, 12, 1))]
    # the stop reason is never guessed
    assert _not_mapped(result, "treatment.prior.reason")


def test_result_older_than_its_window_counts_as_not_done() -> None:
    result = import_bundle_file(FIX / "ms" / "ms-active-hbv.json", ON)
    assert result.profile is not None
    assert result.profile.screening.hbsag == "positive"
    assert result.profile.screening.anti_hbc is None
    assert any("older than 365 days" in r for r in _not_mapped(result, "screening.anti_hbc"))
    drug = default_advisor().assess(result.profile).for_drug("ocrelizumab")
    assert "screening.anti_hbc" in [m.field for m in drug.missing]


def test_the_same_result_inside_its_window_is_used() -> None:
    bundle = _load("ms-active-hbv.json")
    for entry in bundle["entry"]:
        if entry["resource"]["id"] == "o10":
            entry["resource"]["effectiveDateTime"] = "2026-10-01"
    result = import_bundle(bundle, ON)
    assert result.profile.screening.anti_hbc == "negative"


def test_new_referral_units_unknown_vaccine_and_incomplete_liver_tests() -> None:
    result = import_bundle_file(FIX / "ms" / "ms-rrms-new-referral.json", ON)
    p = result.profile
    assert p.screening.igg_g_per_l == 9.5  # 950 mg/dL
    assert p.labs.lymphocytes_10e9_per_l == 1.8  # 10*3/uL
    assert p.screening.anti_hbc is None  # never done: unknown, not negative
    assert p.screening.liver_tests is None  # ALT alone does not make "normal"
    assert _not_mapped(result, "screening.liver_tests")
    assert [(v.vaccine, v.kind) for v in p.vaccinations] == [("varicella", "live")]
    assert any("live or not is unknown" in r for r in _not_mapped(result, "vaccinations"))
    drug = default_advisor().assess(p).for_drug("ocrelizumab")
    fields = [m.field for m in drug.missing]
    assert "screening.anti_hbc" in fields and "screening.liver_tests" in fields
    # no DMT in the record is "not known", never "none" (issue 12 point 7)
    assert p.treatment.current is None and p.treatment.current_status == "not_recorded"
    assert any("never as none" in r for r in _not_mapped(result, "treatment.current"))
    assert "treatment.current_status" in fields


def test_on_ocrelizumab_bundle_keeps_the_contract_reading_of_recorded_doses() -> None:
    """Administrations without a stop read as on ocrelizumab: no "not recorded" status."""
    p = import_bundle_file(FIX / "ms" / "ms-rrms-on-ocrelizumab.json", ON).profile
    assert p is not None and p.treatment.current_status is None


def test_abnormal_interpretation_wins_and_a_value_without_one_is_not_judged() -> None:
    bundle = _load("ms-rrms-on-ocrelizumab.json")
    liver = [e["resource"] for e in bundle["entry"] if e["resource"]["id"].startswith("o8")]
    high = copy.deepcopy(bundle)
    for e in high["entry"]:
        if e["resource"]["id"] == liver[0]["id"]:
            e["resource"]["interpretation"][0]["coding"][0]["code"] = "H"
    assert import_bundle(high, ON).profile.screening.liver_tests == "abnormal"
    bare = copy.deepcopy(bundle)
    for e in bare["entry"]:
        if e["resource"]["id"] == liver[0]["id"]:
            del e["resource"]["interpretation"]
    result = import_bundle(bare, ON)
    assert result.profile.screening.liver_tests is None
    assert any("never judged" in r for r in _not_mapped(result, "screening.liver_tests"))


def test_ms_without_phenotype_is_reported_and_the_profile_is_incomplete() -> None:
    result = import_bundle_file(FIX / "ms" / "ms-unspecified.json", ON)
    assert result.profile is None
    assert result.problems and result.problems[0].startswith("diagnosis")
    assert _not_mapped(result, "diagnosis.phenotype")


def test_invalid_resource_is_reported_alone_and_the_rest_still_maps() -> None:
    bundle = _load("ms-rrms-on-ocrelizumab.json")
    bundle["entry"].append({"resource": {"resourceType": "Observation", "id": "bad",
                                         "status": "final", "code": {"text": "x"},
                                         "valueQuantity": "not a quantity"}})
    result = import_bundle(bundle, ON)
    assert result.profile is not None
    assert any(n.resource == "Observation/bad" and "not valid FHIR R4" in n.reason
               for n in result.not_mapped)


@pytest.mark.parametrize("bad", [[], {"resourceType": "Patient"}, {"resourceType": "Bundle",
                                                                     "entry": "x"}])
def test_not_a_bundle_is_a_clear_error(bad) -> None:
    with pytest.raises(FhirImportError):
        import_bundle(bad, ON)


@pytest.mark.parametrize("name", sorted(p.name for p in (FIX / "synthea").glob("*.json")))
def test_synthea_bundles_map_demographics_and_report_everything_else(name: str) -> None:
    result = import_bundle_file(FIX / "synthea" / name, dt.date(2020, 6, 1))
    assert result.data["patient"]["birth_date"]
    assert result.profile is None  # Synthea's general population has no MS phenotype
    reported = {n.code for n in result.not_mapped if n.code}
    assert "http://loinc.org|8302-2" in reported  # body height: not used, and said so
    assert all(n.reason for n in result.not_mapped)


def test_every_code_has_a_known_system_and_a_source() -> None:
    table = load_codes()
    codes = [c for o in table.observations for c in o.codes] + table.medications + \
        table.vaccines.live + table.vaccines.non_live + table.conditions.phenotype
    assert codes and all(c.source and c.system in table.systems for c in codes)
    live = {c.code for c in table.vaccines.live}
    assert not live & {c.code for c in table.vaccines.non_live}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dmt_advisor.cli", *args],
                          capture_output=True, text=True, timeout=60)


def test_cli_writes_profile_and_exits_2_without_traceback_when_incomplete(tmp_path) -> None:
    out = tmp_path / "p.yaml"
    ok = _cli("import-fhir", str(FIX / "ms" / "ms-rrms-on-ocrelizumab.json"), "-o", str(out),
              "--assessed-on", "2026-11-22")
    assert ok.returncode == 0, ok.stderr
    assert "phenotype: RRMS" in out.read_text() and "## Not mapped" in ok.stderr
    bad = _cli("import-fhir", str(FIX / "ms" / "ms-unspecified.json"), "-o", str(out))
    assert bad.returncode == 2 and "diagnosis" in bad.stderr and "Traceback" not in bad.stderr
    assert "multiple sclerosis without a phenotype" in bad.stderr  # the report is still shown
    assert "Incomplete" in out.read_text()
    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    res = _cli("import-fhir", str(junk))
    assert res.returncode == 2 and "not valid JSON" in res.stderr and "Traceback" not in res.stderr
