"""The app takes FHIR: upload a Bundle on the Profile page (real Streamlit AppTest, real app)."""

from __future__ import annotations

from tests.app.conftest import ROOT, start, texts

MS = ROOT / "tests" / "fixtures" / "fhir" / "ms"


def test_upload_a_fhir_bundle_shows_mapped_and_not_mapped_and_loads_the_profile() -> None:
    at = start()
    data = (MS / "ms-rrms-new-referral.json").read_bytes()
    at.file_uploader(key=fhir_key(at)).set_value(("referral.json", data, "application/json"))
    at.run()
    assert not at.exception, at.exception
    assert "Imported referral.json (FHIR)" in at.success[0].value
    assert at.session_state.draft["screening.hbsag"] == "negative"
    assert at.session_state.draft["diagnosis.phenotype"] == "RRMS"
    mapped, missing = (d.value for d in at.dataframe[:2])
    assert "screening.hbsag" in list(mapped["field"])
    assert "screening.liver_tests" in list(missing["field"])
    assert "Not mapped" in texts(at)


def test_an_incomplete_or_broken_bundle_loads_nothing_and_says_why() -> None:
    at = start(example="active-hepatitis-b")
    before = {k: at.session_state.draft.get(k) for k in ("screening.hbsag",
                                                          "diagnosis.phenotype", "patient.sex")}
    data = (MS / "ms-unspecified.json").read_bytes()
    at.file_uploader(key=fhir_key(at)).set_value(("ms.json", data, "application/json"))
    at.run()
    assert not at.exception
    assert "does not make a complete profile" in at.error[0].value
    assert {k: at.session_state.draft.get(k) for k in before} == before  # nothing loaded
    assert before["screening.hbsag"] == "positive"
    at.file_uploader(key=fhir_key(at)).set_value(("x.json", b"{oops", "application/json"))
    at.run()
    assert not at.exception and "not a FHIR R4 Bundle" in at.error[0].value
    # the failed file's name is not left in the uploader beside the previous patient's verdict
    # (issue 12 point 1; the profile uploader already reset, the FHIR one kept "x.json")
    assert [u.value for u in at.get("file_uploader")] == [None, None]


def fhir_key(at) -> str:
    """The FHIR uploader of this run (its key changes after every upload, like the profile's)."""
    return f"fhir_upload_{at.session_state['fhir_upload_gen']}"
