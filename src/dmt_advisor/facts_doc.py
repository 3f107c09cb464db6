"""docs/facts.md, generated from `FACT_SPECS` so the list of facts can never drift from the code.

`python -m dmt_advisor.facts_doc > docs/facts.md` rewrites it; tests/unit/test_facts_doc.py
fails when the committed file is stale.
"""

from __future__ import annotations

from dmt_advisor.facts import FACT_SPECS, FactSpec
from dmt_advisor.profile import MedicationClass

# How a derived fact is computed, in words (facts that simply copy a profile field need none).
DERIVED: dict[str, str] = {
    "patient.age": "`patient.age`, else computed from `patient.birth_date` on `assessed_on`.",
    "patient.reproductive_potential": "explicit value, else female aged 12-55, else unknown.",
    "vaccinations.last_live_date": "latest `vaccinations[].date` of kind `live`.",
    "vaccinations.last_non_live_date": "latest `vaccinations[].date` of kind `non_live`.",
    "treatment.on_dmt": "`treatment.current` is recorded (always known).",
    "treatment.prior.count": "number of `treatment.prior` entries (always known).",
    "treatment.ocrelizumab.dose_count": "number of recorded doses (always known; 0 = none).",
    "treatment.ocrelizumab.first_dose": "earliest recorded dose.",
    "treatment.ocrelizumab.last_dose": "latest recorded dose.",
    "treatment.on_ocrelizumab": "current DMT is ocrelizumab; with no current DMT, true when "
    "doses are recorded and no `treatment.prior` entry says ocrelizumab was stopped.",
    "treatment.on_other_dmt": "a current DMT is recorded and it is not ocrelizumab.",
    "treatment.ocrelizumab.starting_or_on": "no dose yet, or on ocrelizumab now.",
    "treatment.current.drug_class": "class of `treatment.current.drug` (`facts.DMT_CLASS`).",
    "treatment.prior.last.drug": "most recent `treatment.prior` entry: the latest `stopped` "
    "when every entry is dated, else the last one listed.",
    "treatment.prior.last.drug_class": "class of that entry's drug.",
    "treatment.prior.last.stopped": "that entry's `stopped`.",
    "treatment.prior.last.reason": "that entry's `reason`.",
    "switch.from_drug": "per drug: the DMT the assessed drug would replace: the current DMT "
    "when it is not this drug; with no current DMT and no dose of this drug yet, the most recent "
    "earlier DMT; otherwise `none` (always present).",
    "switch.from_class": "per drug: class of `switch.from_drug` (`facts.DMT_CLASS`), or `none`. "
    "For ocrelizumab exactly as before issue 9.",
    "switch.from_last_dose": "per drug: `treatment.current.last_dose` of that current DMT, or "
    "the `stopped` date of that earlier DMT.",
    "switch.same_class": "per drug: the class of `switch.from_drug` equals the assessed drug's "
    "drug.yaml `class` (false when `switch.from_drug` is `none`).",
    "this.on": "per drug: the current DMT is this drug; with no current DMT, doses of it are "
    "recorded and no `treatment.prior` entry says it was stopped. False for a drug the profile "
    "cannot name (no `dmt:` in its drug.yaml).",
    "this.dose_count": "per drug: doses in its `treatment.courses` entry (ocrelizumab: "
    "`treatment.ocrelizumab.doses`); always known, 0 = none.",
    "this.first_dose": "per drug: earliest recorded dose; else `treatment.current.started` "
    "when it is the current DMT.",
    "this.last_dose": "per drug: latest recorded dose; else `treatment.current.last_dose` when "
    "it is the current DMT.",
    "this.formulation": "per drug: its course's `formulation` (ocrelizumab: "
    "`treatment.ocrelizumab.formulation`), else `treatment.current.formulation` when current.",
    "this.starting_or_on": "per drug: no dose recorded yet, or on it now.",
    "this.hypersensitivity": "per drug: `history.hypersensitivity_to` lists it; unknown when "
    "the list is not recorded (or the profile cannot name the drug).",
    "this.previously_stopped_for": "per drug: `reason` of its most recent `treatment.prior` "
    "entry.",
    "genetics.cyp2c9_poor_metaboliser": "`genetics.cyp2c9_genotype` is `*3/*3`.",
    **{f"medications.{m.value}": "`medications.current` lists it; unknown when the list is "
       "not recorded, false when it is recorded without it." for m in MedicationClass},
    "treatment.ocrelizumab.schedule_from": "the dose the next one is counted from: IV with one "
    "or two doses, the first (the start dose counts from infusion 1); otherwise the last; "
    "unknown when the formulation is not recorded and one or two doses are.",
    "activity.recent_activity": "true when active disease, or a relapse / new T2 / enhancing "
    "lesion in the last 12 months, is recorded; false when `diagnosis.active_disease` is false "
    "and nothing recorded shows activity; else unknown.",
}


def _row(spec: FactSpec) -> str:
    kind = spec.type.value + (f" ({', '.join(spec.values)})" if spec.values else "")
    unit = f" [{spec.unit}]" if spec.unit else ""
    how = DERIVED.get(spec.name, "the profile field, as recorded.")
    supplied = ", ".join(f"`{p}`" for p in spec.supplied_by)
    return f"| `{spec.name}` | {kind}{unit} | {spec.label} | {supplied} | {how} |"


def render() -> str:
    """The whole docs/facts.md text."""
    base = [s for s in FACT_SPECS.values() if s.derived_from is None]
    lines = [
        "# Facts the rules can read",
        "",
        "Generated from `FACT_SPECS` (`src/dmt_advisor/facts.py`) by "
        "`python -m dmt_advisor.facts_doc > docs/facts.md`; a test fails when this file is "
        "stale. An unknown fact is absent (Kleene logic: see docs/rules.md). \"Supplied by\" is "
        "what `missing` names when the fact is unknown.",
        "",
        "Every date fact `D` also yields `D.days_ago`, `D.months_ago` and `D.years_ago` (whole "
        "units before `assessed_on`; months are calendar months, as the dosing calendar counts "
        "them), used by `within_last` / `not_within_last`.",
        "",
        "Facts named `this.*`, and `switch.*`, are per drug (issue 9): computed for the drug being "
        "assessed from its `rules/<drug>/drug.yaml` and merged over the profile's facts for that "
        "drug's rules only (`facts.for_drug`). Every drug's rules use the same names.",
        "",
        "| fact | type | label (in \"because\" texts) | supplied by | how |",
        "|---|---|---|---|---|",
        *(_row(spec) for spec in base),
        "",
        f"{len(base)} facts, {len(FACT_SPECS) - len(base)} date-age facts.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
