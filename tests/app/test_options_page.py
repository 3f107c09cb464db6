"""The Options page: the table grouped by verdict, filters that never hide silently, the
pregnancy-planning view, the comparison and the patient wording (real app, real engine)."""

from __future__ import annotations

from dmt_advisor.options import ORDER_NOTE, PATIENT_ORDER_NOTE, PREGNANCY_MARK
from tests.app.conftest import goto, start, texts


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
