"""Words for profile fields, shared by the app's form and the printed summaries.

A person reads "Hepatitis B surface antigen (HBsAg)", never `screening.hbsag`: the form's
labels and the PDF/Markdown summaries use this one table, so the words cannot drift apart.
Paths with list indices are written `vaccinations[].date`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    text: str
    help: str | None = None


LABELS: dict[str, Label] = {
    "assessed_on": Label("Assessment date", "Every 'time since' is counted back from this date."),
    "jurisdiction": Label("Label set", "US prescribing information or EU/UK product information."),
    "patient": Label("Patient"),
    "patient.age": Label("Age (years)", "Give the age or the birth date."),
    "patient.birth_date": Label("Birth date", "Instead of the age."),
    "patient.sex": Label("Sex"),
    "patient.reproductive_potential": Label(
        "Reproductive potential", "Leave unknown to use the default: female and 12-55 years."),
    "diagnosis": Label("Diagnosis"),
    "diagnosis.phenotype": Label("MS phenotype"),
    "diagnosis.active_disease": Label(
        "Active disease",
        "A clinical relapse or a new/enhancing MRI lesion in the last 12 months."),
    "diagnosis.diagnosed_on": Label("Diagnosed on"),
    "diagnosis.early_ppms": Label(
        "Early PPMS", "The clinician's judgement of early PPMS (disease duration, disability); "
        "the EU label limits PPMS to early disease with imaging activity."),
    "activity": Label("Disease activity"),
    "activity.last_relapse": Label("Last relapse"),
    "activity.relapses_past_12_months": Label("Relapses in the past 12 months"),
    "activity.last_new_mri_lesion": Label("Last new MRI lesion"),
    "activity.new_t2_lesions_past_12_months": Label("New T2 lesions in the past 12 months"),
    "activity.gad_enhancing_lesions": Label("Gadolinium-enhancing lesions"),
    "activity.edss": Label("EDSS", "0 to 10 in steps of 0.5."),
    "activity.disability_worsening_past_12_months": Label(
        "Disability worsening in the past 12 months"),
    "screening": Label("Screening before treatment"),
    "screening.hbsag": Label("HBsAg", "Hepatitis B surface antigen."),
    "screening.anti_hbc": Label("Anti-HBc", "Hepatitis B core antibody."),
    "screening.immunoglobulins": Label("Serum immunoglobulins", "Quantitative IgG, IgA, IgM."),
    "screening.igg_g_per_l": Label("IgG (g/L)"),
    "screening.liver_tests": Label("Liver tests", "ALT, AST, alkaline phosphatase, bilirubin."),
    "screening.hbv_active": Label(
        "Active hepatitis B (liver specialist)",
        "The liver specialist's answer after a positive HBsAg (HBV DNA, ALT): serology alone "
        "cannot tell active infection from carriage."),
    "labs": Label("Other laboratory results"),
    "labs.lymphocytes_10e9_per_l": Label("Lymphocytes (x10^9/L)"),
    "labs.jcv_antibody": Label("Anti-JCV antibody"),
    "labs.b_cells_repleted": Label(
        "B cells repleted", "After stopping an anti-CD20 therapy: B cells back (CD19)."),
    "infection": Label("Infections"),
    "infection.active": Label("Active infection now"),
    "infection.serious_recurrent": Label("Recurrent serious or opportunistic infections"),
    "infection.pml_suspected": Label("New signs suggestive of PML"),
    "infection.pml_confirmed": Label("PML confirmed"),
    "history": Label("Medical history"),
    "history.life_threatening_infusion_reaction": Label(
        "Life-threatening infusion reaction to ocrelizumab"),
    "history.malignancy_active": Label("Active malignancy"),
    "history.breast_cancer": Label("History of breast cancer"),
    "history.severely_immunocompromised": Label("Severely immunocompromised"),
    "history.ivig_for_hypogammaglobulinaemia": Label(
        "IV immunoglobulin replacement now", "For hypogammaglobulinaemia."),
    "history.hypersensitivity_ocrelizumab": Label(
        "Allergy to ocrelizumab", "Or to an excipient, or (subcutaneous) to hyaluronidase."),
    "vaccinations": Label("Recent vaccinations", "Record each vaccine given recently."),
    "vaccinations[].vaccine": Label("Vaccine"),
    "vaccinations[].kind": Label("Kind"),
    "vaccinations[].date": Label("Date given"),
    "reproductive": Label("Pregnancy and breastfeeding"),
    "reproductive.pregnant": Label("Pregnant"),
    "reproductive.planning_pregnancy": Label("Planning a pregnancy"),
    "reproductive.breastfeeding": Label("Breastfeeding"),
    "treatment": Label("Treatments"),
    "treatment.current_status": Label(
        "On a DMT now?", "When no current DMT is named below: 'Not recorded' means nobody knows "
        "yet (it is never taken as 'none'); 'None' means the patient takes no DMT now."),
    "treatment.current": Label("Current DMT", "The disease-modifying therapy taken now, if any."),
    "treatment.current.drug": Label("Drug"),
    "treatment.current.last_dose": Label("Last dose"),
    "treatment.current.started": Label("Started"),
    "treatment.prior": Label("Earlier DMTs"),
    "treatment.prior[].drug": Label("Drug"),
    "treatment.prior[].stopped": Label("Stopped"),
    "treatment.prior[].reason": Label("Reason for stopping"),
    "treatment.ocrelizumab": Label(
        "Ocrelizumab", "The formulation given or planned, and the doses given so far."),
    "treatment.ocrelizumab.formulation": Label(
        "Formulation (given or planned)",
        "IV (Ocrevus) or subcutaneous (Ocrevus Zunovo). For a new start: the one planned."),
    "treatment.ocrelizumab.doses": Label("Doses given"),
    "treatment.ocrelizumab.serious_infusion_reaction": Label(
        "Serious infusion reaction with an earlier dose"),
}


# Derived facts (docs/facts.md) that a rule's time window can rest on, in words.
FACT_WORDS: dict[str, str] = {
    "vaccinations.last_live_date": "the last live vaccine",
    "vaccinations.last_non_live_date": "the last non-live vaccine",
    "switch.from_last_dose": "the last dose of the previous DMT",
    "treatment.ocrelizumab.last_dose": "the last ocrelizumab dose",
    "treatment.ocrelizumab.schedule_from": "the dose the schedule counts from",
}

_INDEX = re.compile(r"\[\d*\]")

# Sections whose answers are tests (a missing one is a test to do, not a question to ask).
TEST_SECTIONS = ("screening", "labs")


def field_words(path: str) -> str:
    """`screening.hbsag` -> "HBsAg (Hepatitis B surface antigen)"; falls back to the name."""
    pattern = _INDEX.sub("[]", path)
    if pattern in FACT_WORDS:
        return FACT_WORDS[pattern]
    label = LABELS.get(pattern)
    if label is None:
        return pattern.rsplit(".", 1)[-1].replace("_", " ").capitalize()
    parent = LABELS.get(pattern.rsplit(".", 1)[0]) if "." in pattern else None
    text = label.text
    if parent is not None and len(text) <= 12 and not text.isupper() and text[:5] != "HBsAg":
        text = f"{parent.text}: {text}"   # "Current DMT: Last dose", not a bare "Last dose"
    if label.help and len(label.help) <= 40 and label.help.endswith(".") and \
            pattern.startswith(TEST_SECTIONS):
        text = f"{text} ({label.help.rstrip('.')})"
    return text


def is_test(path: str) -> bool:
    """A laboratory or screening result (to be tested), rather than a question to ask."""
    return path.startswith(TEST_SECTIONS)
