"""Issue 8, item 4: the safety invariants of docs/safety/invariants.md, checked by hypothesis
over generated profiles (both jurisdictions, IV/SC, starting / on treatment / switching /
stopped) with the real engine and the real rules.

A failing invariant prints the shrunk profile as YAML that `dmt-advisor assess` accepts.
Invariants that fail on the current rule content because of a known review finding are
`xfail(strict=True)`: after issue-8a is merged they XPASS, which fails, and the mark goes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dmt_advisor.advisor import Advisor, default_advisor
from dmt_advisor.assessment import DrugAssessment
from dmt_advisor.profile import parse_profile, profile_from_text
from dmt_advisor.rulebook.load import Rulebook
from tests.properties.conftest import SEEN
from tests.properties.invariants import INVARIANTS, Ctx, Invariant
from tests.properties.strategies import profile_data

ROOT = Path(__file__).resolve().parents[2]
DRUG = "ocrelizumab"


def as_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False)


def check(inv: Invariant, data: dict[str, Any], advisor: Advisor, book: Rulebook,
          drug: str = DRUG) -> None:
    """Assess one generated profile for `drug` and check one invariant; a violation names the
    invariant and the drug and carries the profile as YAML (hypothesis reports the shrunk one)."""
    def assess(d: dict[str, Any]) -> DrugAssessment:
        return advisor.assess(parse_profile(d), [drug]).for_drug(drug)

    profile = parse_profile(data)
    if inv in INVARIANTS:
        SEEN[inv.id] += 1
    try:
        inv.check(Ctx(data, profile, assess(data), book, assess, drug))
    except AssertionError as exc:
        raise AssertionError(
            f"{inv.id} violated for {drug}: {inv.statement}\n{exc}\n"
            "Profile (YAML; save it and run `dmt-advisor assess FILE`):\n"
            f"---\n{as_yaml(data)}...") from None


@pytest.mark.parametrize("inv", [
    pytest.param(inv, id=inv.id, marks=[pytest.mark.xfail(strict=True, reason=inv.xfail)]
                 if inv.xfail else [])
    for inv in INVARIANTS])
@given(st.data())
def test_invariant(inv: Invariant, data: st.DataObject) -> None:
    """Each example chooses one drug of the rulebook the invariant is about (so the budget
    stays 60 examples per invariant however many drugs there are)."""
    advisor = default_advisor()  # not a fixture: hypothesis would print it with every failure
    book = advisor.rulebook
    drug = data.draw(st.sampled_from(inv.drugs(book)), label="drug")
    info = book.drug_info(drug)
    if info.dmt is None:  # the profile cannot name it: only "starting" is expressible
        situation = "starting" if inv.situation is None else inv.situation
        if situation != "starting":
            return
    drawn = data.draw(profile_data(inv.force, inv.situation,
                                   info.dmt.value if info.dmt else None,
                                   tuple(f.value for f in info.formulations)), label="profile")
    check(inv, drawn, advisor, book, drug)


def test_a_violation_prints_a_shrunk_profile_the_cli_accepts(
        advisor: Advisor, rulebook: Rulebook, tmp_path: Path) -> None:
    """A deliberately false invariant: the report carries YAML that the CLI assesses."""
    def never_over_18(c: Ctx) -> None:
        assert c.profile.age <= 18, f"age {c.profile.age}"

    false = Invariant("INV-XX", "Nobody is older than 18.", "none", never_over_18)

    @settings(max_examples=30)
    @given(profile_data())
    def run(data: dict[str, Any]) -> None:
        check(false, data, advisor, rulebook)

    with pytest.raises(AssertionError) as caught:
        run()
    message = str(caught.value)
    assert message.startswith("INV-XX violated for ocrelizumab: Nobody is older than 18.")
    found = re.search(r"\n---\n(.*)\.\.\.$", message, re.DOTALL)
    assert found, message
    text = found[1]
    assert profile_from_text(text).age == 19  # shrunk to the smallest failing age
    path = tmp_path / "shrunk.yaml"
    path.write_text(text)
    done = subprocess.run([sys.executable, "-m", "dmt_advisor.cli", "assess", str(path)],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_catalogue_lists_every_invariant_with_its_statement_and_hazard() -> None:
    doc = (ROOT / "docs" / "safety" / "invariants.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (INV-\d+) \| (.+?) \| (.+?) \|", doc, re.MULTILINE)
    assert [r[0] for r in rows] == [inv.id for inv in INVARIANTS]
    for (inv_id, statement, hazard), inv in zip(rows, INVARIANTS, strict=True):
        assert (statement, hazard) == (inv.statement, inv.hazard), inv_id
    assert len(INVARIANTS) >= 15


def test_every_drug_invariant_holds_for_a_drug_that_is_only_data(tmp_path: Path) -> None:
    """The per-drug path (courses, generic calendar, scopes) on a rulebook with a second drug:
    the fixture drug renamed to one the profile can name, so every situation is expressible."""
    from tests.unit.test_fixture_drug import _rules_with_fixture

    with Advisor.from_folder(_rules_with_fixture(tmp_path, "mitoxantrone")) as advisor:
        book = advisor.rulebook
        info = book.drug_info("mitoxantrone")
        chosen = [inv for inv in INVARIANTS if "mitoxantrone" in inv.drugs(book)]
        assert {i.id for i in chosen} >= {"INV-03", "INV-08", "INV-12", "INV-19", "INV-20"}
        forms = tuple(f.value for f in info.formulations)

        @settings(max_examples=8 * len(chosen))
        @given(st.data())
        def run(data: st.DataObject) -> None:
            inv = data.draw(st.sampled_from(chosen), label="invariant")
            drawn = data.draw(profile_data(inv.force, inv.situation, "mitoxantrone", forms))
            check(inv, drawn, advisor, book, "mitoxantrone")

        run()
