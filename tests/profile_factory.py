"""Random but valid patient profiles, for the regression suite and the benchmark.

Every optional field is independently left unknown some of the time, so the three-valued paths
of every rule get exercised; values straddle the thresholds the rules use (ages around 18 and
55, vaccines around 2 and 4 weeks, doses around 6 months).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from dmt_advisor.profile import Dmt, Profile, parse_profile

ASSESSED_ON = dt.date(2026, 11, 22)


def _maybe(rng: random.Random, value: Any, p_unknown: float = 0.3) -> Any:
    return None if rng.random() < p_unknown else value


def _days_before(rng: random.Random, low: int, high: int) -> str:
    return (ASSESSED_ON - dt.timedelta(days=rng.randint(low, high))).isoformat()


def random_profile_data(rng: random.Random) -> dict[str, Any]:
    """A profile mapping; `None` values are dropped before validation (unknown)."""
    sex = _maybe(rng, rng.choice(["female", "male", "other"]))
    data: dict[str, Any] = {
        "format": 1,
        "assessed_on": ASSESSED_ON.isoformat(),
        "jurisdiction": rng.choice(["US", "US", "EU"]),
        "patient": {"age": rng.choice([12, 16, 17, 18, 19, 34, 54, 55, 56, 70]), "sex": sex,
                    "reproductive_potential": _maybe(rng, rng.random() < 0.5, 0.8)},
        "diagnosis": {"phenotype": rng.choice(["CIS", "RRMS", "SPMS", "PPMS"]),
                      "active_disease": _maybe(rng, rng.random() < 0.5)},
        "activity": {
            "last_relapse": _maybe(rng, _days_before(rng, 0, 3000), 0.5),
            "relapses_past_12_months": _maybe(rng, rng.randint(0, 3), 0.5),
            "last_new_mri_lesion": _maybe(rng, _days_before(rng, 0, 2000), 0.5),
            "new_t2_lesions_past_12_months": _maybe(rng, rng.randint(0, 4), 0.5),
            "gad_enhancing_lesions": _maybe(rng, rng.randint(0, 2), 0.5),
            "edss": _maybe(rng, rng.choice([0.0, 2.5, 4.0, 6.5, 7.0]), 0.5),
            "disability_worsening_past_12_months": _maybe(rng, rng.random() < 0.3, 0.5),
        },
        "screening": {
            "hbsag": _maybe(rng, rng.choice(["positive", "negative", "negative", "unknown"])),
            "anti_hbc": _maybe(rng, rng.choice(["positive", "negative", "negative"])),
            "immunoglobulins": _maybe(rng, rng.choice(["normal", "normal", "low"])),
            "liver_tests": _maybe(rng, rng.choice(["normal", "normal", "abnormal"])),
        },
        "infection": {"active": _maybe(rng, rng.random() < 0.2),
                      "serious_recurrent": _maybe(rng, rng.random() < 0.2),
                      "pml_suspected": _maybe(rng, rng.random() < 0.1)},
        "history": {"life_threatening_infusion_reaction": _maybe(rng, rng.random() < 0.1),
                    "malignancy_active": _maybe(rng, rng.random() < 0.1),
                    "breast_cancer": _maybe(rng, rng.random() < 0.1),
                    "severely_immunocompromised": _maybe(rng, rng.random() < 0.1)},
        "reproductive": {"pregnant": _maybe(rng, rng.random() < 0.2),
                         "planning_pregnancy": _maybe(rng, rng.random() < 0.2),
                         "breastfeeding": _maybe(rng, rng.random() < 0.2)},
        "labs": {"lymphocytes_10e9_per_l": _maybe(rng, rng.choice([0.4, 0.8, 1.2, 2.0]), 0.6),
                 "jcv_antibody": _maybe(rng, rng.choice(["positive", "negative"]), 0.6)},
    }
    if rng.random() < 0.5:
        data["vaccinations"] = [
            {"vaccine": "v", "kind": rng.choice(["live", "non_live"]),
             "date": _days_before(rng, 0, 60)} for _ in range(rng.randint(1, 2))]
    treatment: dict[str, Any] = {}
    if rng.random() < 0.5:
        treatment["current"] = {"drug": rng.choice([d.value for d in Dmt]),
                                "last_dose": _maybe(rng, _days_before(rng, 1, 400), 0.3)}
    if rng.random() < 0.4:
        treatment["prior"] = [{"drug": rng.choice([d.value for d in Dmt]),
                               "stopped": _maybe(rng, _days_before(rng, 30, 3000), 0.3),
                               "reason": _maybe(rng, rng.choice(["breakthrough", "intolerance",
                                                                  "safety", "other"]), 0.3)}]
    if rng.random() < 0.4:
        first = rng.randint(20, 1200)
        doses = sorted({first, first - 14} | {first - 14 - 182 * k for k in range(1, 6)
                                             if first - 14 - 182 * k > 0 and rng.random() < 0.8})
        treatment["ocrelizumab"] = {
            "formulation": _maybe(rng, rng.choice(["IV", "SC"]), 0.2),
            "doses": [(ASSESSED_ON - dt.timedelta(days=d)).isoformat() for d in doses
                      if d >= 0],
            "serious_infusion_reaction": _maybe(rng, rng.random() < 0.1),
        }
    data["treatment"] = treatment
    return _drop_none(data)


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def random_profiles(count: int, seed: int = 20261122) -> list[Profile]:
    rng = random.Random(seed)
    return [parse_profile(random_profile_data(rng)) for _ in range(count)]
