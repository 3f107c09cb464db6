"""The consultation summary as a one-page PDF (fpdf2): what the app's "Download PDF" gives.

A view helper like `report.py`: it lays out an `Assessment` and the profile it was made from;
it never evaluates a rule. It uses fpdf2's built-in Helvetica so it needs no font file on the
machine; text is folded to Latin-1 (the core fonts' character set) with readable stand-ins.
"""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dmt_advisor.assessment import (
    CATEGORY_ORDER,
    Assessment,
    CitationOut,
    DrugAssessment,
    Finding,
)
from dmt_advisor.profile import Profile
from dmt_advisor.report import (
    CATEGORY_TITLE,
    PATIENT_CATEGORY_TITLE,
    PATIENT_NOTE,
    PATIENT_VERDICT_LABEL,
    VERDICT_FOR_PATIENTS,
    VERDICT_LABEL,
    Audience,
    cited_sources,
    profile_facts,
)

# Verdict colours (RGB): calm, and the same meaning as the app's badges.
VERDICT_RGB: dict[str, tuple[int, int, int]] = {
    "contraindicated": (178, 34, 34),
    "not_indicated": (96, 96, 96),
    "deferred": (196, 98, 16),
    "workup_required": (37, 99, 180),
    "eligible_with_precautions": (160, 120, 0),
    "eligible": (30, 125, 60),
    "info": (110, 110, 110),
}

_FOLD = {
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"',
    "\u201d": '"', "\u2026": "...", "\u2265": ">=", "\u2264": "<=", "\u2192": "->",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2022": "-", "\u2248": "~", "\u03bc": "u",
}

INK = (33, 37, 41)
MUTED = (100, 105, 112)


def latin1(text: str) -> str:
    """Text the PDF core fonts can draw: common typography folded, anything else as `?`."""
    for char, stand_in in _FOLD.items():
        text = text.replace(char, stand_in)
    return text.encode("latin-1", "replace").decode("latin-1")


class _Summary(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self._footer_text = footer_text
        self.set_margins(12, 10, 12)
        self.set_auto_page_break(True, margin=14)
        self.set_title("dmt-advisor consultation summary")
        self.set_creator("dmt-advisor")

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("Helvetica", "", 6.5)
        self.set_text_color(*MUTED)
        self.multi_cell(0, 3, latin1(self._footer_text), align="C")

    def line_text(self, text: str, size: float = 8, style: str = "", color: tuple[int, ...] = INK,
                  height: float = 3.6, indent: float = 0) -> None:
        self.set_font("Helvetica", style, size)
        self.set_text_color(*color)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, height, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

    def heading(self, text: str, size: float = 9.5) -> None:
        self.ln(1.2)
        self.line_text(text, size=size, style="B", height=4.6)
        self.set_draw_color(210, 214, 220)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(0.8)

    def verdict_bar(self, label: str, verdict: str) -> None:
        self.set_fill_color(*VERDICT_RGB.get(verdict, MUTED))
        self.set_text_color(255, 255, 255)
        self.set_font("Helvetica", "B", 11)
        self.cell(0, 7, latin1(" " + label), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)


def _facts_grid(pdf: _Summary, profile: Profile) -> None:
    """Recorded profile facts in three narrow columns, so they take a few lines only."""
    rows = profile_facts(profile)
    columns = 4
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / columns
    pdf.set_font("Helvetica", "", 6.6)
    for start in range(0, len(rows), columns):
        y = pdf.get_y()
        bottoms = [y]
        for col, (path, value) in enumerate(rows[start:start + columns]):
            pdf.set_xy(pdf.l_margin + col * width, y)
            pdf.set_text_color(*MUTED)
            pdf.multi_cell(width - 2, 3.0, latin1(f"{path}: {value}"), align="L",
                           new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            bottoms.append(pdf.get_y())
        pdf.set_xy(pdf.l_margin, max(bottoms))


def _short_cite(c: CitationOut) -> str:
    """`ocrevus-uspi-2024-01 §4 Contraindications (rev. 2024-01)`: titles are listed once."""
    title = f" {c.section_title}" if c.section_title else ""
    return f"{c.source} §{c.section}{title} (rev. {c.revision})"


def _clinician_finding(pdf: _Summary, finding: Finding, compact: bool) -> None:
    """Summary in bold; then why, source and what is unconfirmed in one small paragraph.

    `compact` (used only when the full page would not fit on one sheet) keeps the reason and
    source of every finding that changes the verdict, and the source alone for information.
    """
    undecided = " (undecided: missing data)" if finding.status == "undecided" else ""
    info = finding.verdict == "info"
    pdf.line_text(f"[{VERDICT_LABEL[finding.verdict]}] {finding.summary}{undecided}",
                  size=7.1 if compact else 7.6, style="" if info else "B",
                  height=3.0 if compact else 3.3)
    parts = [] if compact and info else ["Because: " + "; ".join(finding.because) + "."]
    parts.append("Source: " + "; ".join(_short_cite(c) for c in finding.citations) + ".")
    if finding.uncertain and not (compact and info):
        parts.append("Not confirmed: " + finding.uncertain)
    pdf.line_text(" ".join(parts), size=6.0 if compact else 6.4, color=MUTED, indent=3,
                  height=2.6 if compact else 2.8)
    pdf.ln(0.3 if compact else 0.5)


def _clinician_drug(pdf: _Summary, item: DrugAssessment, compact: bool) -> None:
    pdf.verdict_bar(f"{item.drug}: {VERDICT_LABEL[item.verdict]}", item.verdict)
    for note in item.notes:
        pdf.line_text(note, size=7.5, style="I")
    for category in CATEGORY_ORDER:
        findings = item.findings_in(category)
        if findings:
            pdf.heading(CATEGORY_TITLE[category], size=8.8)
            for finding in findings:
                _clinician_finding(pdf, finding, compact)
    if item.schedule:
        pdf.heading("Dates", size=8.8)
        for s in item.schedule:
            dates = ", ".join(f"{k} {v.isoformat()}" for k, v in
                              (("earliest", s.earliest), ("due", s.due), ("latest", s.latest))
                              if v)
            detail = f" ({s.detail})" if s.detail and not compact else ""
            pdf.line_text(f"{s.event}: {dates}{detail}", size=7.0, height=3.0)
    if item.missing:
        pdf.heading("Missing data", size=8.8)
        pdf.line_text("; ".join(f"{m.field} (asked by {', '.join(m.asked_by)})"
                                for m in item.missing), size=6.4, height=2.8)


def _patient_drug(pdf: _Summary, item: DrugAssessment) -> None:
    pdf.verdict_bar(f"{item.drug}: {PATIENT_VERDICT_LABEL[item.verdict]}", item.verdict)
    pdf.line_text(VERDICT_FOR_PATIENTS[item.verdict], size=9.5, height=4.6)
    for category in CATEGORY_ORDER:
        findings = item.findings_in(category)
        if findings:
            pdf.heading(PATIENT_CATEGORY_TITLE[category], size=10)
            for finding in findings:
                pdf.line_text("- " + finding.patient_summary, size=9, height=4.4, indent=2)
    if item.missing:
        pdf.ln(1)
        pdf.line_text("Some information is not recorded yet; your care team may ask about it.",
                      size=9, style="I", height=4.4)


def render_summary_pdf(profile: Profile, assessment: Assessment,
                       audience: Audience = Audience.clinician,
                       prepared_on: dt.date | None = None) -> bytes:
    """The consultation summary as PDF bytes, laid out to fit one A4 page where it can.

    If the full clinician layout runs over one page, it is laid out again in compact form
    (information-only findings keep their source but not their reasoning); a summary that
    still does not fit continues on a second page rather than dropping content.
    """
    pdf = _render(profile, assessment, audience, prepared_on, compact=False)
    if pdf.page_no() > 1 and audience is Audience.clinician:
        pdf = _render(profile, assessment, audience, prepared_on, compact=True)
    return bytes(pdf.output())


def _render(profile: Profile, assessment: Assessment, audience: Audience,
            prepared_on: dt.date | None, compact: bool) -> _Summary:
    rb = assessment.rulebook
    prepared = (prepared_on or dt.date.today()).isoformat()
    footer = (f"Rulebook {rb.name} {rb.version} (sha256 {rb.sha256[:12]}); assessed on "
              f"{assessment.assessed_on.isoformat()} ({assessment.jurisdiction.value} labels); "
              f"prepared {prepared}. Decision support from cited label rules; the decision is "
              "made by the patient with their clinician.")
    pdf = _Summary(footer)
    pdf.add_page()
    if audience is Audience.patient:
        pdf.line_text("Your treatment information", size=15, style="B", height=7)
        pdf.line_text(PATIENT_NOTE, size=9.5, style="I", height=4.6)
        pdf.ln(2)
        for item in assessment.assessments:
            _patient_drug(pdf, item)
        return pdf
    pdf.line_text("Consultation summary", size=14, style="B", height=6.5)
    pdf.line_text(
        f"Assessed on {assessment.assessed_on.isoformat()} - {assessment.jurisdiction.value} "
        f"labels - rulebook {rb.version} (sha256 {rb.sha256[:12]}) - prepared {prepared}",
        size=7.5, color=MUTED)
    pdf.ln(1.5)
    pdf.heading("Profile facts recorded", size=8.8)
    _facts_grid(pdf, profile)
    pdf.ln(1.5)
    for item in assessment.assessments:
        _clinician_drug(pdf, item, compact)
    pdf.heading("Sources", size=8.8)
    for c in cited_sources(assessment):
        url = f" - {c.url}" if c.url and not compact else ""
        pdf.line_text(f"{c.source}: {c.title or c.source}, rev. {c.revision}{url}", size=6.2,
                      color=MUTED, height=2.7)
    return pdf
