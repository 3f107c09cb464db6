"""docs/profile.md lists every profile field, generated from the model (issue 11, item 7)."""

from __future__ import annotations

from dmt_advisor.profile import Profile
from dmt_advisor.qa import profile_fields
from dmt_advisor.qa.profile_fields import DOC, did_you_mean, is_profile_path, render


def test_the_field_reference_in_docs_profile_md_is_up_to_date() -> None:
    text = DOC.read_text("utf-8")
    assert render() in text, "run .venv/bin/python -m dmt_advisor.qa.profile_fields"
    assert profile_fields.main(["--check"]) == 0


def test_every_section_and_list_field_of_the_model_is_listed() -> None:
    table = render()
    for section in Profile.model_fields:
        assert f"`{section}" in table, section
    for path in ("vaccinations[].kind", "treatment.prior[].reason", "screening.hbsag",
                 "treatment.ocrelizumab.doses[]", "labs.b_cells_repleted"):
        assert f"`{path}`" in table
        assert is_profile_path(path.replace("[]", "[0]"))
    assert "one of: positive, negative" in table


def test_did_you_mean_for_a_misspelt_field() -> None:
    assert did_you_mean("screening.hbs_ag", ["screening.hbsag", "labs.jcv_antibody"]) == [
        "screening.hbsag"]
    assert did_you_mean("screening.hbs_ag", ["screening.hbsag", "screening.anti_hbc"])[0] == \
        "screening.hbsag"
