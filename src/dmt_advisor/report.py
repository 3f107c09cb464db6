"""An assessment as Markdown, for clinicians or patients: what the CLI prints and the app exports.

A view helper: it only formats an `Assessment`; it never evaluates a rule.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import StrEnum
from typing import Any

from dmt_advisor.assessment import (
    CATEGORY_ORDER,
    Assessment,
    CitationOut,
    DrugAssessment,
    Finding,
    ScheduleItem,
)
from dmt_advisor.field_words import field_words, is_test
from dmt_advisor.next_steps import NOT_ADVISED, NextStep, clinician_lines, patient_lines
from dmt_advisor.profile import Profile
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
    Category.workup: "Screening and work-up",
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


# ---- say only what applies (issue 12) ---------------------------------------------------

# How a drug is given and when: nothing to say about a drug that is not advised.
TREATMENT_CATEGORIES = frozenset({Category.administration, Category.schedule})
# What a patient reads about a drug that is not advised: why, and nothing about treatment.
PATIENT_NOT_ADVISED_CATEGORIES = frozenset({Category.eligibility, Category.contraindication})


def findings_shown(item: DrugAssessment, audience: Audience) -> list[Finding]:
    """The findings worth showing: for a drug not advised (contraindicated, not indicated), no
    administration or dosing; the patient text keeps only the reasons it is not advised."""
    if item.verdict not in NOT_ADVISED:
        return list(item.findings)
    if audience is Audience.patient:
        return [f for f in item.findings if f.category in PATIENT_NOT_ADVISED_CATEGORIES
                and f.verdict != "info"]
    return [f for f in item.findings if f.category not in TREATMENT_CATEGORIES]


def schedule_shown(item: DrugAssessment) -> list[ScheduleItem]:
    """Dosing items only for a drug that may be given (a deferred dose on hold is listed with
    what holds it); for a drug not advised, nothing: a held item would still say how it is
    given, and the verdict already says why it is not (issue 12 item 5)."""
    if item.verdict in NOT_ADVISED:
        return []
    return list(item.schedule)


def shown_in(item: DrugAssessment, audience: Audience, category: Category) -> list[Finding]:
    return [f for f in findings_shown(item, audience) if f.category == category]


OFF_LABEL = "off-label in MS"


def drug_title(item: DrugAssessment) -> str:
    """The drug as every view names it: marked "(off-label in MS)" when its description says
    so (`DrugAssessment.about.off_label`), so an off-label use is never shown unmarked."""
    about = getattr(item, "about", None)
    off = about.get("off_label") if isinstance(about, dict) else getattr(about, "off_label",
                                                                         False)
    return f"{item.drug} ({OFF_LABEL})" if off else item.drug


def label_for_filename(label: str) -> str:
    """A patient label safe in a file name: letters, digits and dashes only."""
    return re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-")[:40]


def missing_checklist(item: DrugAssessment) -> list[str]:
    """Missing data in words, as a checklist: tests to do, then questions to ask."""
    tests = [f"Test: {field_words(m.field)}" for m in item.missing if is_test(m.field)]
    asks = [f"Ask or record: {field_words(m.field)}" for m in item.missing
            if not is_test(m.field)]
    return tests + asks


def cite_text(finding: Finding) -> str:
    return "; ".join(f"{c.source} §{c.section} (rev. {c.revision})" for c in finding.citations)


def _clinician_drug(item: DrugAssessment, steps: list[NextStep] | None = None,
                    words: bool = False) -> list[str]:
    out = [f"## {drug_title(item)}: {VERDICT_LABEL[item.verdict]}", ""]
    if steps:
        out += ["### Next steps", ""]
        out += [f"{i}. {line}" for i, line in enumerate(clinician_lines(steps), 1)]
        out.append("")
    for note in item.notes:
        out += [f"> {note}", ""]
    for category in CATEGORY_ORDER:
        findings = shown_in(item, Audience.clinician, category)
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
    if schedule_shown(item):
        out += ["### Dates", ""]
        for s in schedule_shown(item):
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
    if item.missing and words:
        out += ["### Missing data (tests and questions)", ""]
        out += [f"- [ ] {line}" for line in missing_checklist(item)]
        out.append("")
    elif item.missing:
        out += ["### Missing data", ""]
        for m in item.missing:
            out.append(f"- `{m.field}`, asked by {', '.join(m.asked_by)}")
        out.append("")
    return out


def _patient_drug(item: DrugAssessment, titles: dict[Category, str] | None = None,
                  heading: str | None = None, steps: list[NextStep] | None = None) -> list[str]:
    out = [heading or f"## {drug_title(item)}", "", VERDICT_FOR_PATIENTS[item.verdict], ""]
    lines = patient_lines(steps or [])
    if lines:
        out += ["### What happens next", ""]
        out += [f"{i}. {line}" for i, line in enumerate(lines, 1)]
        out.append("")
    for category in CATEGORY_ORDER:  # each thing said once: not again after the next steps
        findings = [f for f in shown_in(item, Audience.patient, category)
                    if f.patient_summary not in lines]
        if findings:
            out += [f"### {(titles or CATEGORY_TITLE)[category]}", ""]
            out += [f"- {f.patient_summary}" for f in findings]
            out.append("")
    if item.missing and not any(s.kind == "missing" for s in steps or []):
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


# ---- consultation summary (additive: the app's printable page, Markdown and PDF) ------------

PATIENT_VERDICT_LABEL: dict[str, str] = {
    "contraindicated": "Not advised by the drug label",
    "not_indicated": "Not approved for this situation",
    "deferred": "Not for right now",
    "workup_required": "More tests needed first",
    "eligible_with_precautions": "Possible, with extra checks",
    "eligible": "Possible option",
    "info": "Good to know",
}

# Plain category titles for patients ("contraindications" and "work-up" are jargon).
PATIENT_CATEGORY_TITLE: dict[Category, str] = {
    Category.eligibility: "Who this medicine is for",
    Category.contraindication: "Reasons it may not be suitable",
    Category.workup: "Tests and checks before a first dose",
    Category.administration: "How it is given",
    Category.monitoring: "Check-ups during treatment",
    Category.pregnancy: "Pregnancy and breastfeeding",
    Category.switching: "Changing from another medicine",
    Category.discontinuation: "If treatment ends",
    Category.schedule: "Dates",
}


def citation_text(citation: CitationOut) -> str:
    """One citation as a person reads it: title, section (and its title), revision."""
    section = f"§{citation.section}" + (f" {citation.section_title}"
                                        if citation.section_title else "")
    title = citation.title or citation.source
    return f"{title}, {section}, rev. {citation.revision}"


def cited_sources(assessment: Assessment) -> list[CitationOut]:
    """Each source cited anywhere in the assessment, once (first citation of it)."""
    seen: dict[tuple[str, str], CitationOut] = {}
    for item in assessment.assessments:
        for finding in item.findings:
            for c in finding.citations:
                seen.setdefault((c.source, c.revision), c)
    return list(seen.values())


def profile_facts(profile: Profile) -> list[tuple[str, str]]:
    """Every recorded field of the profile as (path, value) rows; unknown fields are absent."""
    data = json.loads(profile.model_dump_json(exclude_none=True))
    rows: list[tuple[str, str]] = []

    def text(value: Any) -> str:
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, dict):
            return ", ".join(text(v) for v in value.values())
        if isinstance(value, list):
            return "; ".join(text(v) for v in value)
        return str(value)

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(sub, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            if value:
                rows.append((path, text(value)))
        else:
            rows.append((path, text(value)))

    walk({k: v for k, v in data.items() if k != "format"}, "")
    return rows


def render_summary_markdown(profile: Profile, assessment: Assessment,
                            audience: Audience = Audience.clinician,
                            prepared_on: dt.date | None = None,
                            steps: dict[str, list[NextStep]] | None = None,
                            patient_label: str = "", clinic: str = "",
                            hazards: dict[str, object] | None = None) -> str:
    """The consultation summary: who and when, verdict and next steps first (with several
    drugs, the options table after the verdicts), then findings in words, missing data as a
    checklist, facts recorded, sources, and room for the plan."""
    from dmt_advisor.options import build_options, render_options_markdown

    options = (render_options_markdown(build_options(assessment, audience, hazards))
               if len(assessment.assessments) > 1 else "")
    rb = assessment.rulebook
    steps = steps or {}
    prepared = (prepared_on or dt.date.today()).isoformat()
    footer = (f"_Rulebook {rb.name} {rb.version} (sha256 {rb.sha256[:12]}); assessed on "
              f"{assessment.assessed_on.isoformat()} ({assessment.jurisdiction.value} labels); "
              f"prepared {prepared}._")
    who = " · ".join(x for x in (f"Patient: **{patient_label}**" if patient_label else "",
                                 f"Clinic: {clinic}" if clinic else "",
                                 f"Assessed on {assessment.assessed_on.isoformat()}") if x)
    if audience is Audience.patient:
        lines = ["# Your treatment information", "", who, "", PATIENT_NOTE, ""]
        if options:
            lines += [options]
        for item in assessment.assessments:
            lines += _patient_drug(item, PATIENT_CATEGORY_TITLE,
                                   f"## {drug_title(item)}: {PATIENT_VERDICT_LABEL[item.verdict]}",
                                   steps.get(item.drug))
        lines += ["## Questions and notes", "", "_" * 40, "", "_" * 40, ""]
        return "\n".join([*lines, footer]) + "\n"
    lines = [
        "# Consultation summary",
        "",
        who,
        "",
        f"{assessment.jurisdiction.value} labels; rulebook {rb.version} "
        f"(sha256 {rb.sha256[:12]}); prepared {prepared}.",
        "Decision support: every finding shows the patient facts it rests on and its source; "
        "the decision rests with the treating clinician and the patient.",
        "",
        "## Verdict",
        "",
    ]
    lines += [f"- **{drug_title(item)}: {VERDICT_LABEL[item.verdict]}**"
              for item in assessment.assessments]
    lines.append("")
    if options:
        lines += [options]
    for item in assessment.assessments:
        lines += _clinician_drug(item, steps.get(item.drug), words=True)
    lines += ["## Profile facts recorded", "", "| fact | value |", "|---|---|"]
    lines += [f"| {field_words(path)} | {value} |" for path, value in profile_facts(profile)]
    lines.append("")
    lines += ["## Sources", ""]
    lines += [f"- `{c.source}`: {c.title or c.source}, rev. {c.revision}"
              + (f" <{c.url}>" if c.url else "") for c in cited_sources(assessment)]
    lines += ["", "## Plan agreed", "", "_" * 60, "", "_" * 60, "",
              "Clinician: ____________________  Signature: ____________________  "
              "Date: ____________", "", footer]
    return "\n".join(lines) + "\n"
