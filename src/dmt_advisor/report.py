"""An assessment as Markdown, for clinicians or patients: what the CLI prints and the app exports.

A view helper: it only formats an `Assessment`; it never evaluates a rule.
"""

from __future__ import annotations

from enum import StrEnum

from dmt_advisor.assessment import CATEGORY_ORDER, Assessment, DrugAssessment, Finding
from dmt_advisor.rulebook.model import Category, Verdict


class Audience(StrEnum):
    clinician = "clinician"
    patient = "patient"


VERDICT_LABEL: dict[str, str] = {
    "contraindicated": "Contraindicated",
    "not_indicated": "Not indicated",
    "deferred": "Deferred",
    "workup_required": "Work-up required",
    "eligible_with_precautions": "Eligible with precautions",
    "eligible": "Eligible",
    "info": "Information",
}

# Plain words for patients: what the result means, never an instruction to start or stop.
VERDICT_FOR_PATIENTS: dict[Verdict, str] = {
    Verdict.contraindicated: "The drug label says this medicine should not be used in a "
    "situation like yours. Your clinician will talk with you about other options.",
    Verdict.not_indicated: "This medicine is not approved for your situation as it is recorded "
    "here. Your clinician can explain what this means for you.",
    Verdict.deferred: "Something needs to settle first (for example an infection or a recent "
    "vaccine), so this would not be a step for right now.",
    Verdict.workup_required: "Some tests or information are still needed before this option can "
    "be looked at properly.",
    Verdict.eligible_with_precautions: "This could be an option, with some extra checks or "
    "specialist advice arranged first.",
    Verdict.eligible: "Nothing recorded here stands in the way of this option.",
}

CATEGORY_TITLE: dict[Category, str] = {
    Category.eligibility: "Eligibility",
    Category.contraindication: "Contraindications",
    Category.workup: "Work-up before the first dose",
    Category.administration: "Administration",
    Category.monitoring: "Monitoring",
    Category.pregnancy: "Pregnancy, contraception and lactation",
    Category.switching: "Switching",
    Category.discontinuation: "Discontinuation",
    Category.schedule: "Schedule",
}

PATIENT_NOTE = ("This summary is information to discuss with your clinician. It is not a "
                "prescription, and decisions about treatment are made together with your care "
                "team.")


def cite_text(finding: Finding) -> str:
    return "; ".join(f"{c.source} §{c.section} (rev. {c.revision})" for c in finding.citations)


def _clinician_drug(item: DrugAssessment) -> list[str]:
    out = [f"## {item.drug}: {VERDICT_LABEL[item.verdict]}", ""]
    for note in item.notes:
        out += [f"> {note}", ""]
    for category in CATEGORY_ORDER:
        findings = item.findings_in(category)
        if not findings:
            continue
        out += [f"### {CATEGORY_TITLE[category]}", ""]
        for f in findings:
            status = " (undecided: missing data)" if f.status == "undecided" else ""
            out.append(f"- **[{VERDICT_LABEL[f.verdict]}]** {f.summary}{status}")
            out.append(f"  - why: {'; '.join(f.because)}")
            out.append(f"  - cites: {cite_text(f)}")
            if f.uncertain:
                out.append(f"  - uncertain: {f.uncertain}")
            out.append(f"  - rule: `{f.rule_id}`")
        out.append("")
    if item.schedule:
        out += ["### Dates", ""]
        for s in item.schedule:
            dates = ", ".join(f"{k} {v.isoformat()}" for k, v in
                              (("due", s.due), ("earliest", s.earliest), ("latest", s.latest)) if v)
            status = f" [{s.status}]" if s.status else ""
            detail = f": {s.detail}" if s.detail else ""
            out.append(f"- {s.event}{status}: {dates or 'no date'}{detail}")
            if s.citations:  # additive: where the dates and the advice come from
                out.append("  - cites: " + "; ".join(
                    f"{c.source} §{c.section} (rev. {c.revision})" for c in s.citations))
            if s.uncertain:
                out.append(f"  - uncertain: {s.uncertain}")
            if s.rule_id:
                out.append(f"  - rule: `{s.rule_id}`")
        out.append("")
    if item.missing:
        out += ["### Missing data", ""]
        for m in item.missing:
            out.append(f"- `{m.field}`, asked by {', '.join(m.asked_by)}")
        out.append("")
    return out


def _patient_drug(item: DrugAssessment) -> list[str]:
    out = [f"## {item.drug}", "", VERDICT_FOR_PATIENTS[item.verdict], ""]
    for category in CATEGORY_ORDER:
        findings = item.findings_in(category)
        if findings:
            out += [f"### {CATEGORY_TITLE[category]}", ""]
            out += [f"- {f.patient_summary}" for f in findings]
            out.append("")
    if item.missing:
        out += ["Some information is not recorded yet; your care team may ask about it.", ""]
    return out


def render_markdown(assessment: Assessment, audience: Audience = Audience.clinician) -> str:
    """The whole assessment as Markdown for the chosen audience."""
    rb = assessment.rulebook
    if audience is Audience.patient:
        lines = ["# Your treatment information", "", PATIENT_NOTE, ""]
        for item in assessment.assessments:
            lines += _patient_drug(item)
        lines += [f"_Prepared {assessment.assessed_on.isoformat()}._"]
        return "\n".join(lines) + "\n"
    lines = [
        "# dmt-advisor assessment",
        "",
        f"Assessed on {assessment.assessed_on.isoformat()}, {assessment.jurisdiction.value} "
        f"labels; rulebook {rb.version} (sha256 {rb.sha256[:12]}).",
        "Decision support: every finding shows the patient facts it rests on and its source.",
        "",
    ]
    for item in assessment.assessments:
        lines += _clinician_drug(item)
    return "\n".join(lines) + "\n"
