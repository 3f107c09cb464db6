"""Card indicators from real assessments (issue 10): critical for contraindicated, warning for
deferred or work-up, as the CDS Hooks card spec's indicator vocabulary is used here."""

from __future__ import annotations

from pathlib import Path

from dmt_advisor import assess, load_profile
from dmt_advisor.fhir.importer import ImportResult
from dmt_advisor.service.cards import order_card

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _card(example: str):
    profile = load_profile(EXAMPLES / example)
    drug = assess(profile, drugs=["ocrelizumab"]).for_drug("ocrelizumab")
    imported = ImportResult(data={}, mapped=[], not_mapped=[], profile=profile)
    return drug, order_card(drug, imported, [], "p1")


def test_a_contraindication_is_a_critical_card_naming_the_rule_and_its_label() -> None:
    drug, card = _card("active-hepatitis-b.yaml")  # active HBV confirmed by the liver specialist
    assert drug.verdict == "contraindicated"
    assert card.indicator == "critical" and len(card.summary) <= 140
    assert card.summary.startswith("ocrelizumab: Contraindicated")
    assert "Active hepatitis B" in card.detail
    assert card.source.url and card.source.url.startswith("https://")
    assert card.overrideReasons and all(c.display for c in card.overrideReasons)


def test_missing_work_up_is_a_warning_card() -> None:
    drug, card = _card("rrms-new-referral.yaml")
    assert drug.verdict == "workup_required"
    assert card.indicator == "warning"
