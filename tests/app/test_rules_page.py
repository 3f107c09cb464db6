"""Rules page: browse by drug and category, with sources."""

from __future__ import annotations

from dmt_advisor.advisor import default_advisor
from dmt_advisor.rulebook.model import Category
from tests.app.conftest import goto, start, texts


def test_every_rule_of_the_drug_is_listed_with_its_sources() -> None:
    book = default_advisor().rulebook
    at = goto(start(), "rules")
    rules = book.rules_for("ocrelizumab")
    assert len(at.expander) == len(rules)
    page = texts(at)
    for rule in rules:
        assert f"`{rule.id}`" in page
    assert f"{len(book.sources)} sources" in page
    (sources,) = at.dataframe
    assert set(sources.value["Source"]) == set(book.sources)


def test_filter_by_category_and_search() -> None:
    book = default_advisor().rulebook
    at = goto(start(), "rules")
    at.button_group(key="rules_categories").set_value([Category.contraindication]).run()
    expected = [r for r in book.rules_for("ocrelizumab") if r.category == "contraindication"]
    assert len(at.expander) == len(expected) > 0
    at.text_input(key="rules_search").set_value("hepatitis").run()
    matching = [r for r in expected if "hepatitis" in
                f"{r.id} {r.summary} {r.patient_summary}".lower()]
    assert len(at.expander) == len(matching) > 0
    assert {e.label.split("  ·  ")[0] for e in at.expander} == {r.summary for r in matching}
