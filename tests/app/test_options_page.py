"""The Options page: the table grouped by verdict, filters that never hide silently, the
pregnancy-planning view, the comparison and the patient wording (real app, real engine)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dmt_advisor.options import ORDER_NOTE, PATIENT_ORDER_NOTE, PREGNANCY_MARK
from tests.app.conftest import goto, start, texts
from tests.several_drugs import OFF_LABEL_DRUG, several_drugs_rules


def tables(at: object) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("| Drug |")]


def test_options_page_groups_every_drug_and_says_the_order_is_no_ranking() -> None:
    at = goto(start(example="new-diagnosis-rrms"), "options")
    page = texts(at)
    assessment = at.session_state.assessment
    assert ORDER_NOTE in page
    shown = "\n".join(tables(at))
    for item in assessment.assessments:
        assert f"**{item.drug}" in shown or item.drug in shown
    groups = [s.value for s in at.header if " of " in s.value]
    assert sum(int(g.split("(")[1].split(" of ")[0]) for g in groups) == \
        len(assessment.assessments)
    assert f"Showing all {len(assessment.assessments)} drug(s) assessed." in page


def test_plans_for_pregnancy_moves_the_column_first_and_marks_constraints() -> None:
    at = goto(start(example="new-diagnosis-rrms"), "options")
    toggle = at.toggle(key="options_pregnancy")
    assert toggle.value is True  # the profile records plans for a pregnancy
    first = tables(at)[0].splitlines()[0]
    assert first.startswith("| Drug | Pregnancy and family planning |")
    assert PREGNANCY_MARK in "\n".join(tables(at))
    toggle.set_value(False).run()
    assert tables(at)[0].splitlines()[0].startswith("| Drug | Route and frequency |")
    assert PREGNANCY_MARK not in "\n".join(tables(at))
    # the rows are the same either way: the toggle hides nothing
    after = "\n".join(tables(at)).count("\n| **")
    toggle.set_value(True).run()
    assert "\n".join(tables(at)).count("\n| **") == after == \
        len(at.session_state.assessment.assessments)


def test_patient_sees_only_why_a_drug_is_not_advised() -> None:
    at = goto(start(example="active-hepatitis-b", audience="patient"), "options")
    page = texts(at)
    assert PATIENT_ORDER_NOTE in page and "Your options" in page
    assert "Not an option for you now, because" in page
    assert "§" not in page and "ocrelizumab.contraindication" not in page
    assert "How it is given" not in "\n".join(m.value for m in at.markdown
                                                if "Not an option" in m.value)


# ---- several drugs: rules/ plus the fixture drugs, served to the real app --------------------

@pytest.fixture
def several_drugs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app's advisor over rules/ + the fixture drugs (DMT_ADVISOR_RULES), then back."""
    from dmt_ui import state

    # shared_advisor keys its advisors by rules folder, so the repository's one is untouched
    monkeypatch.setenv("DMT_ADVISOR_RULES", str(several_drugs_rules(tmp_path)))
    state.advisor.clear()
    try:
        yield
    finally:
        state.advisor.clear()


def test_filters_count_what_they_hide_by_verdict(several_drugs: None) -> None:
    at = goto(start(example="new-diagnosis-rrms"), "options")
    assessment = at.session_state.assessment
    total = len(assessment.assessments)
    assert total >= 3
    routes = at.multiselect(key="options_routes").options
    for route in routes:  # a route some drug lacks: those drugs are hidden, and said so
        lacking = [a for a in assessment.assessments
                   if a.about is None or route not in a.about.formulations]
        if lacking:
            break
    else:
        pytest.fail(f"every drug has every route {routes}: the fixture should differ")
    at.multiselect(key="options_routes").set_value([route]).run()
    warning = next(w.value for w in at.warning if "hidden by the filters" in w.value)
    assert f"**{len(lacking)} of {total} drugs hidden by the filters**" in warning
    for item in lacking:  # by the name every view shows (about.name, e.g. "dimethyl fumarate")
        assert (item.about.name if item.about else item.drug) in warning
    rows = "\n".join(tables(at)).count("\n| **")
    assert rows == total - len(lacking)
    assert sum(int(h.value.split("(")[1].split(" of ")[0]) for h in at.header
               if " of " in h.value) == rows
    at.multiselect(key="options_routes").set_value([]).run()
    assert not [w for w in at.warning if "hidden by the filters" in w.value]


def test_compare_two_or_three_drugs_column_by_column(several_drugs: None) -> None:
    at = goto(start(example="new-diagnosis-rrms"), "options")
    assessments = at.session_state.assessment.assessments
    drugs = [a.drug for a in assessments]
    names = [a.about.name if a.about else a.drug for a in assessments]
    compare = at.multiselect(key="options_compare")
    compare.set_value(drugs[:1]).run()
    assert "Choose two or three drugs to see them column by column." in texts(at)
    at.multiselect(key="options_compare").set_value(drugs[:3]).run()
    table = next(m.value for m in at.markdown if m.value.startswith("| |"))
    header = table.splitlines()[0]
    assert all(name in header for name in names[:3])
    for row in ("Verdict", "Route and frequency", "Before starting", "Monitoring",
                "Pregnancy and family planning", "Key risks"):
        assert f"\n| {row} |" in table
    assert f"{OFF_LABEL_DRUG} (off-label in MS)" in texts(at)


def test_app_summary_is_the_chosen_drug_and_options_stay_on_their_page(
        several_drugs: None) -> None:
    """Issue 9 (19 drugs): the app's summary (page and files) is the drug of "Details for";
    every drug side by side is the Options page (and `dmt-advisor summary` without --drug)."""
    at = goto(start(example="new-diagnosis-rrms"), "summary")
    files = at.session_state.summary_files
    assert "## Options" not in files["md"] and OFF_LABEL_DRUG not in files["md"]
    assert "## ocrelizumab" in files["md"] and "## natalizumab" not in files["md"]
    at.selectbox(key="details_for").set_value(OFF_LABEL_DRUG).run()
    files = at.session_state.summary_files
    assert f"{OFF_LABEL_DRUG} (off-label in MS)" in files["md"] and "## ocrelizumab" not in \
        files["md"]
    goto(at, "options")
    assert ORDER_NOTE in texts(at)
