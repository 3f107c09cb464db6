"""Issue 8, item 3: the calendar obeys the verdict, resets after a missed dose, and respects
the minimum interval. Item 5: the complete set of firings is checked on every assessment.

Real rule files, real engine (the `advisor` fixture), real durable-rules rulesets: no mocks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dmt_advisor.advisor import Advisor
from dmt_advisor.engine.compile import compile_rules
from dmt_advisor.engine.durable import DurableRuleset
from dmt_advisor.engine.oracle import PreparedOracle, oracle_outcomes
from dmt_advisor.errors import EngineError
from dmt_advisor.facts import build_facts, months_between
from dmt_advisor.profile import load_profile, parse_profile
from dmt_advisor.rulebook.load import Rulebook
from dmt_advisor.schedule import add_span, release_date
from tests.profile_factory import random_profiles
from tests.unit.test_treatment_course import EXAMPLES

DOSE_EVENTS = ("dose", "infusion")


def _assess(advisor: Advisor, **sections: Any):
    data: dict[str, Any] = {"format": 1, "assessed_on": "2026-11-22", "jurisdiction": "US",
                            "patient": {"age": 40, "sex": "female"},
                            "diagnosis": {"phenotype": "RRMS", "active_disease": True}}
    data |= sections
    return advisor.assess(parse_profile(data)).for_drug("ocrelizumab")


SC_ON_TREATMENT = {"current": {"drug": "ocrelizumab"},
                   "ocrelizumab": {"formulation": "SC", "doses": ["2026-06-10"]}}
NO_STOP_SIGNAL = {"infection": {"active": False, "pml_suspected": False},
                  "history": {"life_threatening_infusion_reaction": False},
                  "screening": {"hbsag": "negative", "anti_hbc": "negative",
                                "immunoglobulins": "normal", "liver_tests": "normal"}}


def _assert_all_held(result, rule_id: str) -> None:
    assert result.schedule, "the held calendar still lists the doses"
    for item in result.schedule:
        assert item.status == "on_hold", item
        assert item.due is None, item
        assert rule_id in item.held_by, item
        assert item.release and rule_id in item.release
    assert not any(i.event.startswith("following dose") for i in result.schedule)


def test_contraindicated_patient_on_sc_gets_no_dated_dose(advisor: Advisor) -> None:
    """Review F4 (p/us-sc-lt-reaction): Contraindicated, yet the next SC dose was dated."""
    result = _assess(advisor, treatment=SC_ON_TREATMENT,
                     history={"life_threatening_infusion_reaction": True})
    assert result.verdict == "contraindicated"
    _assert_all_held(result,
                     "ocrelizumab.contraindication.prior-life-threatening-infusion-reaction")


def test_suspected_pml_holds_every_dose_item(advisor: Advisor) -> None:
    """Review F4 (p/pml.yaml): Deferred, yet the 920 mg dose and premedication were dated."""
    result = _assess(advisor, treatment=SC_ON_TREATMENT, infection={"pml_suspected": True})
    assert result.verdict == "deferred"
    _assert_all_held(result, "ocrelizumab.administration.pml-suspected")


def test_overdue_dose_under_an_active_infection_is_held_without_catch_up_advice(
        advisor: Advisor) -> None:
    iv = {"current": {"drug": "ocrelizumab"},
          "ocrelizumab": {"formulation": "IV",
                          "doses": ["2025-05-01", "2025-05-15", "2025-11-03"]}}
    result = _assess(advisor, treatment=iv, infection={"active": True})
    _assert_all_held(result, "ocrelizumab.administration.active-infection")
    assert "2026-05-03" in (result.schedule[0].detail or "")  # the planned date, not due


def test_not_indicated_without_a_rule_holds_with_the_note(advisor: Advisor) -> None:
    result = _assess(advisor, jurisdiction="EU", diagnosis={"phenotype": "CIS"})
    assert result.verdict == "not_indicated"
    assert result.schedule and all(i.status == "on_hold" and i.release for i in result.schedule)


def test_undecided_stop_signal_on_treatment_is_check_first_naming_the_fields(
        advisor: Advisor) -> None:
    result = _assess(advisor, treatment=SC_ON_TREATMENT)
    nxt = result.schedule[0]
    assert nxt.status == "check_first" and nxt.due == dt.date(2026, 12, 10)
    assert "ocrelizumab.administration.active-infection" in nxt.held_by
    assert "infection.active" in (nxt.release or "")
    assert all(i.status == "check_first" for i in result.schedule if i.due)


def test_with_every_stop_signal_ruled_out_the_dose_keeps_its_date_status(
        advisor: Advisor) -> None:
    result = _assess(advisor, treatment=SC_ON_TREATMENT, **NO_STOP_SIGNAL)
    assert result.verdict in ("eligible", "eligible_with_precautions")
    assert (result.schedule[0].status, result.schedule[0].held_by) == ("upcoming", [])


def test_delayed_second_start_infusion_resets_the_first_full_dose(advisor: Advisor) -> None:
    """Review F7 (p/one-iv-dose): infusion 1 on 2026-09-01, infusion 2 never given. The first
    600 mg dose was 2027-03-01, about 3 months after a catch-up infusion given today."""
    one = {"current": {"drug": "ocrelizumab"},
           "ocrelizumab": {"formulation": "IV", "doses": ["2026-09-01"]}}
    result = _assess(advisor, treatment=one, **NO_STOP_SIGNAL)
    items = {i.event: i for i in result.schedule}
    assert items["second 300 mg start infusion (IV)"].status == "overdue"
    first = items["first 600 mg dose (IV) if the second start infusion is given on 2026-11-22"]
    assert (first.due, first.earliest) == (dt.date(2027, 5, 22), dt.date(2027, 4, 22))
    assert months_between(dt.date(2026, 11, 22), first.earliest) >= 5


def test_second_start_infusion_given_late_restarts_the_count(advisor: Advisor) -> None:
    late = {"current": {"drug": "ocrelizumab"},
            "ocrelizumab": {"formulation": "IV", "doses": ["2026-03-01", "2026-05-01"]}}
    result = _assess(advisor, treatment=late, **NO_STOP_SIGNAL)
    nxt = result.schedule[0]
    assert (nxt.due, nxt.earliest) == (dt.date(2026, 11, 1), dt.date(2026, 10, 1))
    assert "restarts" in (nxt.detail or "")


def test_on_time_start_keeps_the_count_from_infusion_one(advisor: Advisor) -> None:
    ok = {"current": {"drug": "ocrelizumab"},
          "ocrelizumab": {"formulation": "IV", "doses": ["2026-06-01", "2026-06-15"]}}
    nxt = _assess(advisor, treatment=ok, **NO_STOP_SIGNAL).schedule[0]
    assert (nxt.due, nxt.earliest) == (dt.date(2026, 12, 1), dt.date(2026, 11, 15))


def test_live_vaccine_deferral_gives_the_earliest_start(advisor: Advisor) -> None:
    """Review F44: MMR on 2026-11-01 with the 4-week rule -> earliest start 2026-11-29."""
    result = advisor.assess(load_profile(EXAMPLES / "cis-recent-live-vaccine.yaml"))
    schedule = result.for_drug("ocrelizumab").schedule
    assert schedule and all(i.status == "on_hold" for i in schedule)
    assert {i.earliest for i in schedule} == {dt.date(2026, 11, 29)}


@pytest.mark.parametrize("vaccinated", ["2026-01-31", "2026-02-28", "2024-02-29"])
def test_release_date_is_the_first_day_the_rule_stops_applying(
        advisor: Advisor, rulebook: Rulebook, vaccinated: str) -> None:
    """The generic window arithmetic agrees with the engine on the day before and the day of."""
    rule = rulebook.rule("ocrelizumab.workup.live-vaccine-too-recent")
    when = dt.date.fromisoformat(vaccinated)
    data = {"format": 1, "assessed_on": vaccinated, "patient": {"age": 30},
            "diagnosis": {"phenotype": "RRMS"},
            "vaccinations": [{"vaccine": "MMR", "kind": "live", "date": vaccinated}]}
    release = release_date(rule, build_facts(parse_profile(data)))
    assert release == add_span(when, 28, "day")
    for day, applies in ((release - dt.timedelta(days=1), True), (release, False)):
        data["assessed_on"] = day.isoformat()
        fired = {f.rule_id for f in advisor.assess(parse_profile(data)).for_drug(
            "ocrelizumab").findings}
        assert (rule.id in fired) == applies, day


# ---- item 5: a rule the engine fails to fire is caught on every assessment ------------------

def test_a_rule_durable_rules_does_not_fire_is_refused(rulebook: Rulebook) -> None:
    """A real ruleset lacking one contraindication stands in for an engine that drops it."""
    dropped = "ocrelizumab.contraindication.prior-life-threatening-infusion-reaction"
    with Advisor(rulebook) as advisor:
        rules = [r for r in rulebook.rules_for("ocrelizumab") if r.id != dropped]
        real = advisor._rulesets["ocrelizumab"]
        advisor._rulesets["ocrelizumab"] = DurableRuleset(compile_rules("ocrelizumab", rules))
        real.close()
        profile = parse_profile({"format": 1, "assessed_on": "2026-11-22",
                                 "patient": {"age": 40}, "diagnosis": {"phenotype": "RRMS"},
                                 "history": {"life_threatening_infusion_reaction": True}})
        with pytest.raises(EngineError, match="not fired") as caught:
            advisor.assess(profile)
        assert caught.value.rule_id == dropped


def test_the_prepared_oracle_equals_the_plain_oracle(rulebook: Rulebook) -> None:
    """The run-time cross-check uses the oracle prepared once; it must be the same function."""
    rules = list(rulebook.rules_for("ocrelizumab"))
    prepared = PreparedOracle(rules)
    profiles = random_profiles(1500, seed=8) + [load_profile(p) for p in EXAMPLES.glob("*.yaml")]
    for profile in profiles:
        facts = build_facts(profile)
        assert prepared.outcomes(facts) == {(o.rule_id, o.outcome)
                                            for o in oracle_outcomes(rules, facts)}
