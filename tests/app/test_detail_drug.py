"""Issue 9: with 19 drugs the detail pages show one, the sidebar's "Details for" choice.

The default is the patient's current DMT when the rulebook has it, else ocrelizumab; the
choice holds across pages and reruns; the header shows that drug's verdict only.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import goto, start, texts

SELECT = "details_for"


def header(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "assessed on" in m.value and " · " in m.value)


def test_the_default_follows_the_current_dmt_and_the_choice_drives_the_pages() -> None:
    at = start(example="natalizumab-jcv-positive-3-years")
    assert at.selectbox(key=SELECT).value == "natalizumab"  # treatment.current
    assert "ocrelizumab" in at.selectbox(key=SELECT).options
    assert "rituximab (off-label in MS)" in at.selectbox(key=SELECT).options  # from `about`
    assert "natalizumab" in header(at) and "ocrelizumab" not in header(at)
    page = texts(goto(at, "recommendation"))
    assert "natalizumab.eligibility." in page and "ocrelizumab.eligibility." not in page
    at.selectbox(key=SELECT).set_value("ocrelizumab").run()
    page = texts(at)
    assert "ocrelizumab.eligibility." in page and "natalizumab.eligibility." not in page
    assert "ocrelizumab" in header(at) and "natalizumab " not in header(at)
    goto(at, "schedule")  # the choice holds across pages
    assert [h.value for h in at.header] == ["ocrelizumab"]
    at.selectbox(key=SELECT).set_value("natalizumab").run()
    goto(at, "recommendation")
    page = texts(at)
    assert "natalizumab.eligibility." in page and "ocrelizumab.eligibility." not in page
    goto(at, "rules")  # the rules page opens on the same drug
    assert at.selectbox(key="rules_drug").value == "natalizumab"


def test_without_a_current_dmt_the_default_is_ocrelizumab() -> None:
    at = goto(start(example="rrms-ready-to-start"), "recommendation")
    assert at.selectbox(key=SELECT).value == "ocrelizumab"
    assert "ocrelizumab." in texts(at) and "natalizumab.eligibility." not in texts(at)


def test_options_show_details_sets_the_choice() -> None:
    at = goto(start(example="rrms-ready-to-start"), "options")
    at.selectbox(key="options_detail").set_value("natalizumab").run()
    at.button(key="options_show_details").click().run()
    assert not at.exception
    assert at.selectbox(key=SELECT).value == "natalizumab"
    assert "natalizumab.eligibility." in texts(at)  # now on the recommendation page
