"""Deeper rulebook lint, on real rule folders (copies of rules/ with one defect each)."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from dmt_advisor.cli import app
from dmt_advisor.rulebook.lint import (
    fields_missing_from_profile,
    lint_rulebook,
    older_source_revisions,
    same_condition_different_verdict,
)
from dmt_advisor.rulebook.load import load_rulebook
from dmt_advisor.rulebook.model import Rule

WORKUP = Path("ocrelizumab") / "workup.yaml"


def _edit_rule(rules: Path, rule_id: str, **changes: object) -> dict:
    path = rules / WORKUP
    data = yaml.safe_load(path.read_text())
    rule = next(r for r in data["rules"] if r["id"] == rule_id)
    rule.update(changes)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return rule


def test_the_repository_rulebook_lints_clean_and_warns_about_the_older_us_label() -> None:
    result = CliRunner().invoke(app, ["lint"])
    assert result.exit_code == 0, result.output
    report = lint_rulebook()
    older = [w for w in report.warnings if w.startswith("source ocrevus-uspi-2024-01 ")]
    assert older, report.warnings
    assert "older than ocrevus-uspi-2026-05 (revision 2026-05)" in older[0]


def test_same_condition_with_a_different_verdict_is_an_error(rules_copy: Path) -> None:
    path = rules_copy / WORKUP
    data = yaml.safe_load(path.read_text())
    twin = dict(next(r for r in data["rules"] if r["id"] == "ocrelizumab.workup.liver-tests"))
    twin["id"] = "ocrelizumab.workup.liver-tests-twin"
    twin["verdict"] = "deferred"
    if isinstance(twin["when"], dict) and "all" in twin["when"]:
        twin["when"] = {"all": list(reversed(twin["when"]["all"]))}  # order is no difference
    data["rules"].append(twin)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    result = CliRunner().invoke(app, ["lint", str(rules_copy)])
    assert result.exit_code == 2
    assert ("rule ocrelizumab.workup.liver-tests-twin: same condition as "
            "ocrelizumab.workup.liver-tests") in result.output
    assert "verdict deferred instead of workup_required" in result.output


def test_a_citation_of_an_unlisted_section_fails_lint(rules_copy: Path) -> None:
    _edit_rule(rules_copy, "ocrelizumab.workup.hbv-screening",
               cites=[{"source": "ocrevus-uspi-2025-08", "section": "9.9"}])
    result = CliRunner().invoke(app, ["lint", str(rules_copy)])
    assert result.exit_code == 2
    assert "rule ocrelizumab.workup.hbv-screening" in result.output
    assert "cites section '9.9' of ocrevus-uspi-2025-08" in result.output


def test_a_rule_reading_a_field_the_profile_lacks_fails_lint(rules_copy: Path) -> None:
    _edit_rule(rules_copy, "ocrelizumab.workup.hbv-screening",
               when={"field": "patient.height_cm", "gt": 150})
    result = CliRunner().invoke(app, ["lint", str(rules_copy)])
    assert result.exit_code == 2
    assert "patient.height_cm" in result.output
    rule = Rule.model_validate({**yaml.safe_load((rules_copy / WORKUP).read_text())["rules"][0]})
    problems = fields_missing_from_profile([rule], {rule.id: str(WORKUP)})
    assert problems == [f"file {WORKUP}, rule {rule.id}: reads 'patient.height_cm', which is "
                        "neither a fact nor a field of the profile format (docs/facts.md, "
                        "docs/profile.md)"]


def test_checks_are_quiet_on_the_real_rules() -> None:
    book = load_rulebook()
    assert same_condition_different_verdict(book.rules, book.rule_files) == []
    assert fields_missing_from_profile(book.rules, book.rule_files) == []
    # only the "a newer revision of this label exists" warnings, each naming its drug
    assert all(any(f" for {d} " in w for d in book.drugs)
               for w in older_source_revisions(book.sources, book.rules))
