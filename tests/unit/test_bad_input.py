"""Bad profiles and bad rule files: one clear message naming the field or file and rule id,
exit code 2 from the CLI, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dmt_advisor.cli import app
from dmt_advisor.errors import ProfileError, RulebookError
from dmt_advisor.profile import parse_profile
from dmt_advisor.rulebook.load import load_rulebook

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
BASE = {"format": 1, "assessed_on": "2026-11-22", "patient": {"age": 34},
        "diagnosis": {"phenotype": "RRMS"}}


def _with(path: str, value: object) -> dict:
    data = yaml.safe_load(yaml.safe_dump(BASE))
    node = data
    *parents, last = path.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value
    return data


@pytest.mark.parametrize(("path", "value", "expected"), [
    ("patient.age", "thirty", "patient.age"),
    ("patient.age", 230, "patient.age"),
    ("diagnosis.phenotype", "RMS", "'CIS', 'RRMS', 'SPMS' or 'PPMS'"),
    ("screening.hbsag", "pos", "'positive' or 'negative'"),
    ("screening.hbsgg", "negative", "screening.hbsgg: unknown field"),
    ("infection.active", "yes", "infection.active: must be true or false"),
    ("assessed_on", "22/11/2026", "assessed_on: '22/11/2026' is not a date"),
    ("jurisdiction", "UK", "'US' or 'EU'"),
    ("treatment.current", {"drug": "natalizumb"}, "treatment.current.drug"),
])
def test_profile_errors_name_the_field_and_the_allowed_values(
        path: str, value: object, expected: str) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(_with(path, value))
    assert expected in str(info.value)


def test_cross_field_errors_keep_their_path() -> None:
    data = _with("vaccinations", [{"vaccine": "MMR", "kind": "live", "date": "2027-01-01"}])
    with pytest.raises(ProfileError) as info:
        parse_profile(data)
    assert info.value.problems[0].path == "vaccinations[0].date"
    no_age = {"patient": {"sex": "female"}, "diagnosis": {"phenotype": "CIS"}}
    with pytest.raises(ProfileError, match=r"patient\.age: required"):
        parse_profile(no_age)


def test_unknown_screening_value_means_not_recorded() -> None:
    profile = parse_profile(_with("screening.hbsag", "unknown"))
    assert profile.screening.hbsag is None


def test_cli_bad_profile_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(_with("screening.anti_hbc", "maybe")))
    result = subprocess.run([sys.executable, "-m", "dmt_advisor.cli", "assess", str(bad)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "screening.anti_hbc" in result.stderr
    assert "'positive' or 'negative'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("content", ["patient: [unclosed", "- just a list", ""])
def test_cli_unreadable_profile_exits_2(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    result = CliRunner().invoke(app, ["assess", str(bad)])
    assert result.exit_code == 2, result.output
    assert "invalid patient profile" in result.output


def test_cli_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["assess", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2


# ---- rule files ----------------------------------------------------------------------------

def _broken_rules(tmp_path: Path, edit) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    target = rules / "ocrelizumab" / "workup.yaml"
    data = yaml.safe_load(target.read_text())
    edit(data["rules"])
    target.write_text(yaml.safe_dump(data, sort_keys=False))
    return rules


def _first(rules: list[dict]) -> dict:
    return next(r for r in rules if r["id"] == "ocrelizumab.workup.immunoglobulins")


@pytest.mark.parametrize(("edit", "message"), [
    (lambda rs: _first(rs).update(verdikt="info"), "verdikt: unknown key"),
    (lambda rs: _first(rs).update(when={"field": "screening.igm", "equals": "low"}),
     "reads unknown fact 'screening.igm'"),
    (lambda rs: _first(rs).update(cites=[{"source": "nowhere", "section": "1"}]),
     "cites unknown source 'nowhere'"),
    (lambda rs: _first(rs).update(cites=[]), "cites"),
    (lambda rs: _first(rs).update(cites=[{"source": "ocrevus-uspi-2025-08", "section": "9.9"}]),
     "cites section '9.9' of ocrevus-uspi-2025-08"),
    (lambda rs: _first(rs).update(when={"field": "patient.age", "gte": "18"}),
     "when.field.gte: must be a number (not quoted)"),
    (lambda rs: _first(rs).update(when={"field": "screening.hbsag", "equals": "pos"}),
     "'pos' is not one of positive, negative"),
    (lambda rs: _first(rs).update(when={"field": "patient.age", "gte": 1, "lt": 9}),
     "exactly one of"),
    (lambda rs: _first(rs).update(if_unknown="assume_normal"), "if_unknown"),
    (lambda rs: rs.append(dict(_first(rs))), "duplicate rule id"),
])
def test_rule_file_errors_name_file_and_rule(tmp_path: Path, edit, message: str) -> None:
    rules = _broken_rules(tmp_path, edit)
    with pytest.raises(RulebookError) as info:
        load_rulebook(rules)
    text = str(info.value)
    assert "ocrelizumab/workup.yaml" in text
    assert "ocrelizumab.workup.immunoglobulins" in text
    assert message in text


def test_cli_lint_bad_rules_exits_2_naming_the_rule(tmp_path: Path) -> None:
    rules = _broken_rules(tmp_path, lambda rs: _first(rs).update(cites=[]))
    result = subprocess.run([sys.executable, "-m", "dmt_advisor.cli", "lint", str(rules)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "ocrelizumab.workup.immunoglobulins" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_lint_accepts_the_repository_rules() -> None:
    result = CliRunner().invoke(app, ["lint", str(RULES)])
    assert result.exit_code == 0, result.output


def test_cli_rules_lists_ids_and_citations() -> None:
    result = CliRunner().invoke(app, ["rules", "--category", "contraindication"])
    assert result.exit_code == 0
    assert "ocrelizumab.contraindication.active-hbv" in result.output
    assert "ocrevus-uspi-2024-01 §4 (2024-01)" in result.output
    rows = [line.split("\t") for line in result.output.splitlines()[1:] if line.strip()]
    assert rows and {row[1] for row in rows} == {"contraindication"}  # only that category


def test_cli_cold_start_does_not_import_the_app() -> None:
    code = ("import sys, dmt_advisor.cli; "
            "sys.exit(any(m.split('.')[0] in ('streamlit', 'altair', 'pandas') "
            "for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
