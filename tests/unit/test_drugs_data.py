"""Issue 9, pieces 1-2: every drug as data. New profile fields and per-drug facts (`this.*`,
relative `switch.*`); drug.yaml (DrugInfo), per-drug sources and `DrugAssessment.about`.

Real files: rulebooks are copies of rules/ in tmp_path with one thing changed.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from dmt_advisor.advisor import Advisor
from dmt_advisor.errors import ProfileError, RulebookError, RulebookErrors
from dmt_advisor.facts import (
    ALWAYS_KNOWN,
    DRUG_FACTS,
    OCRELIZUMAB,
    DmtClass,
    DrugRef,
    build_facts,
    for_drug,
)
from dmt_advisor.profile import Dmt, parse_profile
from dmt_advisor.rulebook.load import Rulebook, default_rules_dir, load_rulebook

ON = "2026-06-01"
FINGOLIMOD = DrugRef("fingolimod", Dmt.fingolimod, DmtClass.s1p_modulator)
SIPONIMOD = DrugRef("siponimod", Dmt.siponimod, DmtClass.s1p_modulator)


def _profile(**sections: Any) -> Any:
    return parse_profile({"assessed_on": ON, "patient": {"age": 40},
                          "diagnosis": {"phenotype": "RRMS"}, **sections})


# ---- piece 1: profile fields -------------------------------------------------------------

def test_new_fields_are_unknown_when_absent_and_lists_tell_none_from_not_recorded() -> None:
    facts = build_facts(_profile())
    for name in ("screening.vzv_igg", "cardiac.qtc_ms", "medications.beta_blocker",
                 "this.hypersensitivity", "genetics.cyp2c9_poor_metaboliser",
                 "history.hepatic_impairment", "labs.jcv_index"):
        assert name not in facts, name
    none = build_facts(_profile(history={"hypersensitivity_to": []},
                                medications={"current": []}))
    assert none.get("this.hypersensitivity") is False
    assert none.get("medications.beta_blocker") is False
    listed = build_facts(_profile(history={"hypersensitivity_to": ["ocrelizumab"]},
                                  medications={"current": ["beta_blocker"]},
                                  genetics={"cyp2c9_genotype": "*3/*3"},
                                  screening={"cbc_date": "2026-05-01", "eye_exam": "normal"}))
    assert listed.get("this.hypersensitivity") is True
    assert listed.get("medications.beta_blocker") is True
    assert listed.get("medications.maoi") is False
    assert listed.get("genetics.cyp2c9_poor_metaboliser") is True
    assert listed.get("screening.cbc_date.days_ago") == 31
    assert listed.get("screening.eye_exam") == "normal"


@pytest.mark.parametrize(("treatment", "path", "words"), [
    ({"courses": [{"drug": "ocrelizumab", "doses": ["2026-01-01"]}]},
     "treatment.courses[0].drug", "use treatment.ocrelizumab"),
    ({"courses": [{"drug": "fingolimod"}, {"drug": "fingolimod"}]},
     "treatment.courses[1].drug", "listed twice"),
    ({"ocrelizumab": {"formulation": "oral"}}, "treatment.ocrelizumab.formulation",
     "not allowed for ocrelizumab"),
    ({"courses": [{"drug": "ofatumumab", "doses": ["2027-01-01"]}]},
     "treatment.courses[0].doses[0]", "after assessed_on"),
])
def test_bad_courses_are_errors_naming_the_field(treatment: dict, path: str, words: str) -> None:
    with pytest.raises(ProfileError) as err:
        _profile(treatment=treatment)
    assert path in str(err.value) and words in str(err.value)


# ---- piece 1: per-drug facts -------------------------------------------------------------

def test_this_facts_come_from_the_drugs_own_course() -> None:
    p = _profile(treatment={"courses": [{"drug": "fingolimod", "formulation": "oral",
                                         "doses": ["2026-03-01", "2026-02-01"]}]},
                 history={"hypersensitivity_to": ["fingolimod"]})
    base = build_facts(p)
    mine = for_drug(base, p, FINGOLIMOD)
    assert mine.get("this.dose_count") == 2
    assert mine.get("this.first_dose") == dt.date(2026, 2, 1)
    assert mine.get("this.last_dose.days_ago") == 92
    assert mine.get("this.formulation") == "oral"
    assert mine.get("this.on") is True and mine.get("this.hypersensitivity") is True
    assert mine.get("switch.from_drug") == "none"
    # the same profile seen from ocrelizumab: no doses of it, a switch from fingolimod pending
    ocr = for_drug(mine, p, OCRELIZUMAB)
    assert ocr.get("this.dose_count") == 0 and "this.first_dose" not in ocr
    assert "this.last_dose.days_ago" not in ocr
    assert ocr.get("this.on") is False and ocr.get("this.hypersensitivity") is False
    assert ocr.get("this.starting_or_on") is True
    # fingolimod has no current entry and no stop: it is the patient's "on" drug, so no
    # earlier DMT is pending a switch for ocrelizumab either (no prior entry)
    assert ocr.get("switch.from_drug") == "none"
    assert ocr.values == base.values  # build_facts is ocrelizumab's view


def test_switch_facts_are_relative_to_the_assessed_drug() -> None:
    p = _profile(treatment={"current": {"drug": "fingolimod", "last_dose": "2026-05-20",
                                        "formulation": "oral", "started": "2025-01-01"},
                            "prior": [{"drug": "siponimod", "stopped": "2024-12-01",
                                       "reason": "intolerance"}]})
    base = build_facts(p)
    assert base.get("switch.from_drug") == "fingolimod"
    assert base.get("switch.from_class") == "s1p_modulator"
    assert base.get("switch.same_class") is False
    fingo = for_drug(base, p, FINGOLIMOD)
    assert fingo.get("switch.from_drug") == "none" and fingo.get("switch.from_class") == "none"
    assert "switch.from_last_dose" not in fingo and "switch.from_last_dose.days_ago" not in fingo
    assert fingo.get("this.on") is True and fingo.get("this.formulation") == "oral"
    assert fingo.get("this.first_dose") == dt.date(2025, 1, 1)  # current.started, no course
    assert fingo.get("this.dose_count") == 0
    sipo = for_drug(base, p, SIPONIMOD)
    assert sipo.get("switch.from_drug") == "fingolimod" and sipo.get("switch.same_class") is True
    assert sipo.get("this.previously_stopped_for") == "intolerance"
    assert sipo.get("this.on") is False


def test_dose_count_is_always_known_and_every_drug_fact_is_declared() -> None:
    assert "this.dose_count" in ALWAYS_KNOWN
    assert "this.dose_count" in build_facts(_profile()).values
    assert {"this.on", "switch.from_drug", "switch.same_class"} <= DRUG_FACTS


# ---- piece 2: drug.yaml, per-drug sources, about -------------------------------------------

def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), root)
    return root


def test_a_drug_folder_without_drug_yaml_is_a_load_error_naming_the_folder(
        tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "ocrelizumab" / "drug.yaml").unlink()
    with pytest.raises((RulebookError, RulebookErrors), match="drug folder 'ocrelizumab' has no"):
        load_rulebook(root)


def test_drug_yaml_must_match_its_folder_and_its_class(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "ocrelizumab" / "drug.yaml"
    path.write_text(path.read_text("utf-8").replace("class: anti_cd20", "class: fumarate"))
    with pytest.raises((RulebookError, RulebookErrors), match="disagrees with the class"):
        load_rulebook(root)


def test_per_drug_sources_load_and_a_duplicate_id_names_both_files(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    extra = ("sources:\n  - id: extra-label\n    title: t\n    publisher: p\n"
             "    jurisdiction: US\n    revision: '2026'\n    url: https://example.org/x\n")
    (root / "ocrelizumab" / "sources.yaml").write_text(extra)
    book = load_rulebook(root)
    assert book.source_files["extra-label"] == "ocrelizumab/sources.yaml"
    dup = extra.replace("extra-label", "ocrevus-uspi-2024-01")
    (root / "ocrelizumab" / "sources.yaml").write_text(dup)
    with pytest.raises((RulebookError, RulebookErrors)) as err:
        load_rulebook(root)
    text = str(err.value)
    assert "duplicate source id ocrevus-uspi-2024-01" in text
    assert "sources.yaml" in text and "ocrelizumab/sources.yaml" in text


def test_about_carries_drug_yaml_with_resolved_citations(advisor: Advisor,
                                                         rulebook: Rulebook) -> None:
    about = advisor.assess(_profile(), ["ocrelizumab"]).for_drug("ocrelizumab").about
    assert about is not None
    assert about.route == "IV infusion or SC injection" and about.dmt_class == "anti_cd20"
    assert about.formulations == ["IV", "SC"] and about.off_label is False
    assert rulebook.drug_info("ocrelizumab").name == "ocrelizumab"
    first = about.citations[0]
    assert first.source == "ocrevus-uspi-2024-01" and first.revision == "2024-01"
    assert first.section_title == "Highlights of Prescribing Information"
