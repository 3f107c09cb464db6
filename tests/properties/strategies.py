"""Hypothesis strategies: valid patient profiles across both jurisdictions, IV and SC, and the
four situations (starting, on treatment, switching, stopped).

Every optional field is left unknown part of the time (unknown is not negative); dates straddle
the windows the rules and the calendar use. `force` pins fields so that an invariant's
precondition holds in every generated profile (no examples thrown away).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from dmt_advisor.profile import Cyp2c9Genotype, Dmt, MedicationClass

ASSESSED_ON = dt.date(2026, 11, 22)
SITUATIONS = ("starting", "on_treatment", "switching", "stopped")
OTHER_DMTS = [d.value for d in Dmt if d not in (Dmt.ocrelizumab, Dmt.other)]


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    """The value, or None (not recorded) about a third of the time."""  # module default
    return st.one_of(st.none(), strategy, strategy)


def days_before(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda d: (ASSESSED_ON - dt.timedelta(days=d)).isoformat())


RARE = st.sampled_from([False] * 7 + [True])


@st.composite
def dose_history(draw: st.DrawFn, formulation: str | None) -> list[str]:
    """Recorded ocrelizumab doses, oldest first, none after ASSESSED_ON: on time, late, missed."""
    first = draw(st.integers(1, 1500))
    doses = [first]
    if formulation != "SC" and draw(st.integers(0, 5)):
        doses.append(first - draw(st.sampled_from([14, 14, 14, 20, 45, 90])))
    while True:
        nxt = doses[-1] - draw(st.sampled_from([182, 182, 150, 160, 200, 240]))
        if nxt < 0 or draw(st.integers(0, 6)) == 0:
            break
        doses.append(nxt)
    return [(ASSESSED_ON - dt.timedelta(days=d)).isoformat() for d in doses if d >= 0]


@st.composite
def profile_data(draw: st.DrawFn, force: dict[str, Any] | None = None,
                 situation: str | None = None, drug: str | None = None,
                 formulations: tuple[str, ...] = ("IV", "SC")) -> dict[str, Any]:
    """A profile mapping (None values dropped before validation). `force` maps dotted field
    paths to values set after drawing (e.g. {"infection.pml_suspected": True}).

    `drug` is the profile's name (Dmt value) of the drug assessed: the situations (on
    treatment, switching, stopped) are about it. None or ocrelizumab: `treatment.ocrelizumab`;
    another drug: its `treatment.courses` entry, with one of its `formulations`."""
    if drug not in (None, "ocrelizumab"):
        assert drug is not None
        return draw(_other_drug_profile(force, situation, drug, formulations))
    situation = situation or draw(st.sampled_from(SITUATIONS))
    # Half the profiles record everything (so that "eligible" is reachable and the decided
    # paths are exercised); the other half leave each field unknown a third of the time.
    complete = draw(st.booleans())

    def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
        return strategy if complete else st.one_of(st.none(), strategy, strategy)

    BOOL, RARE_ = maybe(st.booleans()), maybe(RARE)
    formulation = draw(maybe(st.sampled_from(["IV", "SC"])))
    data: dict[str, Any] = {
        "format": 1,
        "assessed_on": ASSESSED_ON.isoformat(),
        "jurisdiction": draw(st.sampled_from(["US", "EU"])),
        "patient": {"age": draw(st.sampled_from([12, 17, 18, 19, 35, 54, 55, 56, 70])),
                    "sex": draw(maybe(st.sampled_from(["female", "male", "other"]))),
                    "reproductive_potential": draw(BOOL)},
        "diagnosis": {"phenotype": draw(st.sampled_from(["CIS", "RRMS", "SPMS", "PPMS"])),
                      "active_disease": draw(BOOL), "early_ppms": draw(BOOL)},
        "activity": {
            "last_relapse": draw(maybe(days_before(0, 3000))),
            "relapses_past_12_months": draw(maybe(st.integers(0, 3))),
            "new_t2_lesions_past_12_months": draw(maybe(st.integers(0, 4))),
            "gad_enhancing_lesions": draw(maybe(st.integers(0, 2))),
            "edss": draw(maybe(st.sampled_from([0.0, 2.5, 4.0, 6.5, 7.0]))),
        },
        "screening": {
            "hbsag": draw(maybe(st.sampled_from(["positive", "negative", "negative"]))),
            "anti_hbc": draw(maybe(st.sampled_from(["positive", "negative", "negative"]))),
            "immunoglobulins": draw(maybe(st.sampled_from(["normal", "normal", "low"]))),
            "liver_tests": draw(maybe(st.sampled_from(["normal", "normal", "abnormal"]))),
        },
        "infection": {"active": draw(RARE_), "serious_recurrent": draw(RARE_),
                      "pml_suspected": draw(RARE_)},
        "history": {"life_threatening_infusion_reaction": draw(RARE_),
                    "malignancy_active": draw(RARE_), "breast_cancer": draw(RARE_),
                    "severely_immunocompromised": draw(RARE_)},
        "reproductive": {"pregnant": draw(RARE_), "planning_pregnancy": draw(RARE_),
                         "breastfeeding": draw(RARE_)},
        "vaccinations": draw(st.lists(st.fixed_dictionaries({
            "vaccine": st.just("v"), "kind": st.sampled_from(["live", "non_live"]),
            "date": days_before(0, 90)}), max_size=2)),
    }
    treatment: dict[str, Any] = {}
    if situation == "on_treatment":
        treatment["current"] = {"drug": "ocrelizumab"}
        treatment["ocrelizumab"] = {"formulation": formulation,
                                    "doses": draw(dose_history(formulation))}
    elif situation == "switching":
        treatment["current"] = {"drug": draw(st.sampled_from(OTHER_DMTS)),
                                "last_dose": draw(maybe(days_before(1, 400)))}
    elif situation == "stopped":
        doses = draw(dose_history(formulation))
        treatment["ocrelizumab"] = {"formulation": formulation, "doses": doses}
        treatment["prior"] = [{"drug": "ocrelizumab", "stopped": doses[-1],
                               "reason": draw(maybe(st.sampled_from(
                                   ["breakthrough", "intolerance", "safety", "other"])))}]
    elif draw(st.booleans()):  # starting, perhaps after an earlier DMT
        treatment["prior"] = [{"drug": draw(st.sampled_from(OTHER_DMTS)),
                               "stopped": draw(maybe(days_before(30, 3000)))}]
    if situation == "starting" and formulation is not None and draw(st.booleans()):
        treatment["ocrelizumab"] = {"formulation": formulation}
    for key, value in issue_9_fields(draw, maybe, BOOL, RARE_).items():
        data.setdefault(key.removesuffix("_extra"), {}).update(value)
    if draw(st.integers(0, 3)) == 0:  # doses of another DMT (treatment.courses), unknown form
        drug = (treatment.get("current") or {}).get("drug") or draw(st.sampled_from(OTHER_DMTS))
        if drug != "ocrelizumab":
            treatment["courses"] = [{"drug": drug, "formulation": draw(maybe(st.sampled_from(
                ["IV", "SC", "IM", "oral"]))), "doses": sorted(draw(st.lists(
                    days_before(0, 800), max_size=4, unique=True)))}]
    return _finish(draw, data, treatment, force)


def _finish(draw: st.DrawFn, data: dict[str, Any], treatment: dict[str, Any],
            force: dict[str, Any] | None) -> dict[str, Any]:
    """The treatment, the current-DMT status when none is named (issue 12: "none" said, or not
    recorded at all), then the invariant's pinned fields over everything."""
    if "current" not in treatment:
        status = draw(st.sampled_from([None, "none", "not_recorded"]))
        if status is not None:
            treatment["current_status"] = status
    data["treatment"] = treatment
    for path, value in (force or {}).items():
        *parents, leaf = path.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return drop_none(data)


@st.composite
def _other_drug_profile(draw: st.DrawFn, force: dict[str, Any] | None, situation: str | None,
                        drug: str, formulations: tuple[str, ...]) -> dict[str, Any]:
    """profile_data for a drug other than ocrelizumab: the same clinical fields, and the
    situation written as that drug's `treatment.courses` / `treatment.current` / `prior`."""
    situation = situation or draw(st.sampled_from(SITUATIONS))
    data = draw(profile_data(None, "starting"))  # every field but the treatment
    others = [d for d in [*OTHER_DMTS, "ocrelizumab"] if d != drug]
    form = draw(st.one_of(st.none(), st.sampled_from(formulations)))
    doses = sorted(draw(st.lists(days_before(0, 1200), min_size=1, max_size=6, unique=True)))
    treatment: dict[str, Any] = {}
    if situation == "on_treatment":
        treatment["current"] = {"drug": drug, "formulation": form,
                                "started": draw(st.one_of(st.none(), st.just(doses[0])))}
        treatment["courses"] = [{"drug": drug, "formulation": form,
                                 "doses": draw(st.sampled_from([doses, []]))}]
    elif situation == "switching":
        current = draw(st.sampled_from(others))
        treatment["current"] = {"drug": current, "last_dose": draw(st.one_of(
            st.none(), days_before(1, 400)))}
        if current == "ocrelizumab":
            treatment["ocrelizumab"] = {"formulation": draw(st.one_of(
                st.none(), st.sampled_from(["IV", "SC"]))), "doses": doses}
    elif situation == "stopped":
        treatment["courses"] = [{"drug": drug, "formulation": form, "doses": doses}]
        treatment["prior"] = [{"drug": drug, "stopped": doses[-1], "reason": draw(st.one_of(
            st.none(), st.sampled_from(["breakthrough", "intolerance", "safety", "other"])))}]
    elif draw(st.booleans()):
        treatment["prior"] = [{"drug": draw(st.sampled_from(others)),
                               "stopped": draw(st.one_of(st.none(), days_before(30, 3000)))}]
    return _finish(draw, data, treatment, force)


def drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_none(v) for v in value]
    return value


def issue_9_fields(draw: st.DrawFn, maybe: Any, BOOL: Any, RARE_: Any) -> dict[str, Any]:
    """The issue 9 profile fields (every drug's rules read them), each unknown at times; lists
    that distinguish "none" ([]) from "not recorded" (absent) get all three."""
    def listed(values: list[str]) -> st.SearchStrategy:
        return maybe(st.lists(st.sampled_from(values), max_size=3, unique=True))

    serology = maybe(st.sampled_from(["positive", "negative", "negative"]))
    normal = maybe(st.sampled_from(["normal", "normal", "abnormal"]))
    small = maybe(st.sampled_from([0.1, 0.5, 0.9, 1.5, 3.0]))
    large = maybe(st.sampled_from([20.0, 60.0, 100.0, 150.0, 450.0]))
    return {
        "screening_extra": {
            "vzv_igg": draw(serology), "hiv": draw(serology), "hcv": draw(serology),
            "tuberculosis": draw(maybe(st.sampled_from(["negative", "negative", "latent",
                                                        "active"]))),
            "ecg": draw(normal), "thyroid_function": draw(normal), "urinalysis": draw(normal),
            "eye_exam": draw(maybe(st.sampled_from(["normal", "macular_oedema",
                                                    "other_abnormal"]))),
            "skin_exam": draw(maybe(st.sampled_from(["normal", "suspicious"]))),
            "cbc_date": draw(maybe(days_before(0, 400))),
        },
        "history_extra": {
            "hypersensitivity_to": draw(listed([d.value for d in Dmt if d is not Dmt.other])),
            "varicella_or_vzv_vaccine": draw(BOOL), "diabetes": draw(RARE_),
            "uveitis": draw(RARE_), "seizures": draw(RARE_), "thyroid_disease": draw(RARE_),
            "hepatic_impairment": draw(maybe(st.sampled_from(["none", "mild", "moderate",
                                                              "severe"]))),
            "renal_impairment": draw(maybe(st.sampled_from(["none", "mild", "severe"]))),
            "depression_or_suicidal_ideation": draw(RARE_), "autoimmune_disease": draw(RARE_),
            "bleeding_disorder_or_anticoagulant": draw(RARE_),
            "stroke_or_cervicocephalic_dissection": draw(RARE_),
            "pulmonary_disease_severe": draw(RARE_),
        },
        "labs": {"jcv_index": draw(small), "platelets_10e9_per_l": draw(large),
                 "neutrophils_10e9_per_l": draw(small),
                 "creatinine_clearance_ml_min": draw(large),
                 "serum_creatinine_umol_per_l": draw(large)},
        "genetics": {"cyp2c9_genotype": draw(maybe(st.sampled_from(
            [g.value for g in Cyp2c9Genotype])))},
        "cardiac": {"major_event_past_6_months": draw(RARE_), "conduction_block": draw(RARE_),
                    "pacemaker": draw(RARE_), "severe_untreated_sleep_apnoea": draw(RARE_),
                    "uncontrolled_hypertension": draw(RARE_),
                    "qtc_ms": draw(maybe(st.sampled_from([420, 450, 470, 500]))),
                    "resting_heart_rate": draw(maybe(st.sampled_from([45, 55, 70])))},
        "medications": {"current": draw(listed([m.value for m in MedicationClass]))},
        "reproductive_extra": {"contraception": draw(BOOL)},
    }
