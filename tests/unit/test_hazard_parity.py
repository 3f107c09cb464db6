"""Issue 8, item 2: the parity lint. For each drug, every jurisdiction has, for every hazard
class, a rule tagged with it or a cited `not_in_label:` entry; a gap is an error.

Fixture rulebooks are real copies of rules/ in tmp_path with every `hazard:` tag stripped, then
tags and label-gap entries added or removed, so each test controls exactly what covers a hazard.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dmt_advisor.cli import app
from dmt_advisor.profile import Jurisdiction
from dmt_advisor.rulebook.lint import hazard_parity, lint_rulebook
from dmt_advisor.rulebook.load import default_rules_dir, load_rulebook
from dmt_advisor.rulebook.model import HazardClass

LABEL = {"US": {"source": "ocrevus-uspi-2024-01", "section": "HL"},
         "EU": {"source": "ocrevus-smpc-uk-iv-2024-07", "section": "4.4"}}
GAPS = Path("ocrelizumab") / "zz-label-gaps.yaml"


def _gap(hazard: str, jurisdiction: str, cite: dict | None = None) -> dict:
    return {"drug": "ocrelizumab", "hazard": hazard, "jurisdiction": jurisdiction,
            "statement": f"test fixture: the {jurisdiction} label is taken as silent on {hazard}",
            "cites": [cite or LABEL[jurisdiction]]}


@pytest.fixture
def covered(tmp_path: Path) -> Path:
    """A copy of rules/ with no hazard tags where every hazard of both jurisdictions has a
    label-gap entry (and nothing else covers it)."""
    root = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), root)
    for path in (root / "ocrelizumab").glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        for rule in data.get("rules", []):
            rule.pop("hazard", None)
        data.pop("not_in_label", None)
        path.write_text(yaml.safe_dump(data, sort_keys=False))
    gaps = [_gap(h.value, j.value) for j in Jurisdiction for h in HazardClass]
    (root / GAPS).write_text(yaml.safe_dump({"not_in_label": gaps}, sort_keys=False))
    return root


def _edit_gaps(root: Path, keep) -> None:
    data = yaml.safe_load((root / GAPS).read_text())
    data["not_in_label"] = [g for g in data["not_in_label"] if keep(g)]
    (root / GAPS).write_text(yaml.safe_dump(data, sort_keys=False))


def _tag(root: Path, rule_id: str, hazard: str) -> None:
    for path in (root / "ocrelizumab").glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        for rule in data.get("rules", []):
            if rule["id"] == rule_id:
                rule["hazard"] = hazard
                path.write_text(yaml.safe_dump(data, sort_keys=False))
                return
    raise AssertionError(rule_id)


def test_every_hazard_covered_in_both_jurisdictions_lints_clean(covered: Path) -> None:
    errors, _ = hazard_parity(load_rulebook(covered))
    assert errors == []
    result = CliRunner().invoke(app, ["lint", str(covered)])
    assert result.exit_code == 0, result.output


def test_a_hazard_missing_in_one_jurisdiction_is_an_error_naming_it(covered: Path) -> None:
    _edit_gaps(covered, lambda g: (g["hazard"], g["jurisdiction"]) != ("pml", "EU"))
    errors, _ = hazard_parity(load_rulebook(covered))
    assert len(errors) == 1
    assert "hazard: pml" in errors[0] and "in EU" in errors[0]
    result = CliRunner().invoke(app, ["lint", str(covered)])
    assert result.exit_code == 2 and "hazard: pml" in result.output


def test_a_us_only_rule_covers_us_but_not_eu(covered: Path) -> None:
    """The review's F1/F2 pattern: a safety rule written `jurisdictions: [US]` only."""
    _tag(covered, "ocrelizumab.monitoring.us-active-malignancy", "malignancy")
    _edit_gaps(covered, lambda g: g["hazard"] != "malignancy")
    errors = hazard_parity(load_rulebook(covered))[0]
    assert errors == ["ocrelizumab: hazard parity: no rule with `hazard: malignancy` applies in EU "
                      "and no `not_in_label:` entry cites the EU label as silent on it"]


def test_a_rule_for_every_jurisdiction_covers_both(covered: Path) -> None:
    _tag(covered, "ocrelizumab.administration.premedication-iv", "administration-reaction")
    _edit_gaps(covered, lambda g: g["hazard"] != "administration-reaction")
    assert hazard_parity(load_rulebook(covered)) == ([], [])


def test_a_label_gap_must_cite_its_own_jurisdictions_label(covered: Path) -> None:
    data = yaml.safe_load((covered / GAPS).read_text())
    for gap in data["not_in_label"]:
        if (gap["hazard"], gap["jurisdiction"]) == ("malignancy", "EU"):
            gap["cites"] = [LABEL["US"]]
    (covered / GAPS).write_text(yaml.safe_dump(data, sort_keys=False))
    errors = hazard_parity(load_rulebook(covered))[0]
    assert errors == ["ocrelizumab not_in_label malignancy (EU): cites no EU label; a label gap "
                      "must cite the label that is silent"]


def test_a_label_gap_beside_a_rule_of_that_hazard_is_a_warning(covered: Path) -> None:
    _tag(covered, "ocrelizumab.contraindication.active-hbv", "hbv")
    errors, warnings = hazard_parity(load_rulebook(covered))
    assert errors == []
    assert sorted(warnings) == [
        f"ocrelizumab not_in_label hbv ({j}) stands beside rule(s) of that hazard: "
        "ocrelizumab.contraindication.active-hbv" for j in ("EU", "US")]


def test_the_repository_rules_have_no_parity_gap() -> None:
    """Every hazard class is covered in every jurisdiction by the real rules (rule or cited
    label gap): the lint reports no parity error."""
    report = lint_rulebook()
    assert [e for e in report.errors if "hazard parity" in e] == []
    book = load_rulebook()
    covered = {(r.hazard, j) for r in book.rules if r.hazard for j in r.jurisdictions}
    covered |= {(g.hazard, g.jurisdiction) for g in book.label_gaps}
    assert {(h, j) for j in Jurisdiction for h in HazardClass} <= covered
