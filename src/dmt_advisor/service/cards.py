"""Cards: a view of an assessment for a CDS Hooks client. Never evaluates a rule.

indicator: critical for contraindicated; warning for deferred, work-up required, not indicated or
a dose on hold; info otherwise. The source is the label of the most severe finding (its URL);
the detail is Markdown with the patient facts behind each finding; missing tests become
suggestions that create a draft ServiceRequest.
"""

from __future__ import annotations

import uuid

from dmt_advisor.assessment import DrugAssessment, Finding, ScheduleItem
from dmt_advisor.fhir.importer import ImportResult, orderable_tests
from dmt_advisor.rulebook.model import Verdict
from dmt_advisor.service.models import Action, Card, Coding, Source, Suggestion

SERVICE_LABEL = "dmt-advisor"
OVERRIDE_SYSTEM = "https://dmt-advisor.invalid/cds-hooks/override-reason"
OVERRIDE_REASONS = [
    Coding(code="data-not-current", system=OVERRIDE_SYSTEM,
           display="EHR data not current; results known elsewhere"),
    Coding(code="clinical-judgement", system=OVERRIDE_SYSTEM,
           display="Clinical judgement after review of the cited label"),
    Coding(code="patient-informed-choice", system=OVERRIDE_SYSTEM,
           display="Patient informed; shared decision documented"),
]
CRITICAL = {Verdict.contraindicated}
WARNING = {Verdict.deferred, Verdict.workup_required, Verdict.not_indicated}
PATIENT_VIEW_CATEGORIES = ("monitoring", "schedule", "switching", "discontinuation",
                           "pregnancy", "workup")


def _summary(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 140 else text[:139].rstrip() + "…"


def _label(verdict: Verdict | str) -> str:
    return str(verdict).replace("_", " ").capitalize()


def _indicator(verdict: Verdict, on_hold: bool = False) -> str:
    if verdict in CRITICAL:
        return "critical"
    if verdict in WARNING or on_hold:
        return "warning"
    return "info"


def _source(findings: list[Finding]) -> Source:
    for finding in findings:
        for cite in finding.citations:
            if cite.url:
                title = cite.title or cite.source
                return Source(label=_summary(f"{title} §{cite.section} ({cite.revision})"),
                              url=cite.url)
    return Source(label=SERVICE_LABEL)


def _finding_md(f: Finding) -> str:
    cites = "; ".join(f"[{c.source} §{c.section} ({c.revision})]({c.url})" if c.url else
                      f"{c.source} §{c.section} ({c.revision})" for c in f.citations)
    lines = [f"- **{_label(f.verdict)}**: {f.summary}",
             f"  - patient facts: {'; '.join(f.because)}", f"  - source: {cites}"]
    if f.uncertain:
        lines.append(f"  - uncertain: {f.uncertain}")
    return "\n".join(lines)


def _schedule_md(item: ScheduleItem) -> str:
    when = f" due {item.due}" if item.due and item.status != "on_hold" else ""
    hold = f" **on hold** ({', '.join(item.held_by)})" if item.status == "on_hold" else ""
    release = f"; released when {item.release}" if item.release else ""
    detail = f": {item.detail}" if item.detail else ""
    return f"- {item.event}{when}{hold}{detail}{release}"


def _not_mapped_md(imported: ImportResult, unavailable: list[str]) -> str:
    lines = []
    if unavailable:
        lines.append(f"- not available from the EHR: {', '.join(unavailable)}")
    for n in imported.not_mapped:
        if n.field != "(none)":
            lines.append(f"- {n.field}: {n.reason}")
    return ("\n\n**EHR data not used**\n\n" + "\n".join(lines)) if lines else ""


def _suggestions(drug: DrugAssessment, patient_id: str) -> list[Suggestion]:
    out: list[Suggestion] = []
    for missing in drug.missing:
        for system, code, display in orderable_tests(missing.field):
            resource = {"resourceType": "ServiceRequest", "status": "draft",
                        "intent": "proposal",
                        "code": {"coding": [{"system": system, "code": code,
                                             "display": display}], "text": display}}
            if patient_id:
                resource["subject"] = {"reference": f"Patient/{patient_id}"}
            out.append(Suggestion(
                label=_summary(f"Order {display}"), uuid=str(uuid.uuid4()),
                actions=[Action(type="create", description=_summary(
                    f"Order {display} (missing {missing.field})"), resource=resource)]))
    return out


def order_card(drug: DrugAssessment, imported: ImportResult, unavailable: list[str],
               patient_id: str) -> Card:
    """The card for a DMT being ordered: verdict, the findings behind it, tests to order."""
    top = [f for f in drug.findings if f.verdict == drug.verdict] or drug.findings
    lead = top[0].summary if top else (drug.notes[0] if drug.notes else "")
    detail = [f"**{drug.drug}: {_label(drug.verdict)}**", ""]
    detail += [_finding_md(f) for f in drug.findings if f.verdict != "info"] or ["- no findings"]
    if drug.missing:
        detail += ["", "**Missing**: " + ", ".join(m.field for m in drug.missing)]
    detail += [f"\n_{n}_" for n in drug.notes]
    suggestions = _suggestions(drug, patient_id)
    return Card(
        uuid=str(uuid.uuid4()),
        summary=_summary(f"{drug.drug}: {_label(drug.verdict)}. {lead}"),
        indicator=_indicator(drug.verdict),  # type: ignore[arg-type]
        detail="\n".join(detail) + _not_mapped_md(imported, unavailable),
        source=_source(top),
        suggestions=suggestions or None,
        selectionBehavior="any" if suggestions else None,
        overrideReasons=OVERRIDE_REASONS if drug.verdict in CRITICAL | WARNING else None,
    )


def patient_view_card(drug: DrugAssessment, imported: ImportResult,
                      unavailable: list[str], patient_id: str) -> Card | None:
    """Monitoring due, doses due or on hold, switching and stopping considerations."""
    findings = [f for f in drug.findings if f.category in PATIENT_VIEW_CATEGORIES]
    schedule = list(drug.schedule)
    if not findings and not schedule:
        return None
    on_hold = any(s.status == "on_hold" for s in drug.schedule)
    worst = max((f.verdict for f in findings if isinstance(f.verdict, Verdict)),
                key=lambda v: v.severity, default=Verdict.eligible)
    if on_hold:
        lead = "next dose on hold"
    elif schedule and schedule[0].due:
        lead = f"{schedule[0].event} {schedule[0].due}"
    else:
        lead = findings[0].summary if findings else ""
    detail = [f"**{drug.drug}** (overall: {_label(drug.verdict)})", ""]
    if schedule:
        detail += ["**Schedule**", ""] + [_schedule_md(s) for s in schedule] + [""]
    if findings:
        detail += ["**Findings**", ""] + [_finding_md(f) for f in findings]
    suggestions = _suggestions(drug, patient_id)
    return Card(
        uuid=str(uuid.uuid4()),
        summary=_summary(f"{drug.drug}: {lead}; {len(findings)} item(s) to review"),
        indicator=_indicator(worst, on_hold),  # type: ignore[arg-type]
        detail="\n".join(detail) + _not_mapped_md(imported, unavailable),
        source=_source(findings),
        suggestions=suggestions or None,
        selectionBehavior="any" if suggestions else None,
    )


def incomplete_card(what: str, imported: ImportResult, unavailable: list[str]) -> Card:
    """The EHR data do not make an assessable profile: say what is missing, never guess."""
    problems = "\n".join(f"- {p}" for p in imported.problems)
    return Card(
        uuid=str(uuid.uuid4()),
        summary=_summary(f"{what}: not assessed; the EHR record lacks required data"),
        indicator="warning",
        detail=f"**Not assessed**: the profile built from the EHR is incomplete.\n\n{problems}"
        + _not_mapped_md(imported, unavailable),
        source=Source(label=SERVICE_LABEL),
    )
