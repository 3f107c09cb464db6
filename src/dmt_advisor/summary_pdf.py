"""The consultation summary as a PDF for paper (fpdf2): what the app and `dmt-advisor summary`
give.

Page 1 is the consultation: a header (patient label, clinic, date), the verdict, the next steps
with dates, what needs attention with its reasons, the missing data as a checklist of tests and
questions in words, and room for the plan agreed and a signature. Page 2, when there is more,
is deliberate: "Details" (information findings, dates, the facts recorded in words, sources).
Body text is 10 pt or more (12 pt for the patient version); only citations and the footer are
smaller. A view helper like `report.py`: it lays out an `Assessment`; it never evaluates a rule.
fpdf2's built-in Helvetica needs no font file; text is folded to Latin-1 with stand-ins.
"""

from __future__ import annotations

import datetime as dt
import re

from fpdf import FPDF
from fpdf.enums import VAlign, XPos, YPos
from fpdf.fonts import FontFace

from dmt_advisor.assessment import (
    CATEGORY_ORDER,
    Assessment,
    CitationOut,
    DrugAssessment,
    Finding,
)
from dmt_advisor.field_words import field_words
from dmt_advisor.next_steps import NextStep, clinician_lines, clip, patient_lines
from dmt_advisor.options import Options, build_options, columns, refs
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
    drug_title,
    findings_shown,
    missing_checklist,
    profile_facts,
    shown_in,
)

BODY = 10.0          # clinician body text (pt): never smaller
PATIENT_BODY = 12.0  # patient body text (pt)
SMALL = 8.0          # citations and the footer only

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
        self.details_start = 2
        self.set_margins(14, 12, 14)
        self.set_auto_page_break(True, margin=15)
        self.set_title("dmt-advisor consultation summary")
        self.set_creator("dmt-advisor")

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("Helvetica", "", SMALL)
        self.set_text_color(*MUTED)
        self.multi_cell(0, 3.4, latin1(f"{self._footer_text} Page {self.page_no()}/{{nb}}."),
                        align="C")

    def line_text(self, text: str, size: float = BODY, style: str = "",
                  color: tuple[int, ...] = INK, height: float | None = None,
                  indent: float = 0) -> None:
        height = height or (size * 0.43 if size < PATIENT_BODY else size * 0.395)
        self.set_font("Helvetica", style, size)
        self.set_text_color(*color)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, height, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

    def heading(self, text: str, size: float = 11.5) -> None:
        self.ln(1.5)
        self.line_text(text, size=size, style="B")
        self.set_draw_color(210, 214, 220)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(0.8)

    def verdict_bar(self, label: str, verdict: str) -> None:
        self.set_fill_color(*VERDICT_RGB.get(verdict, MUTED))
        self.set_text_color(255, 255, 255)
        self.set_font("Helvetica", "B", 13)
        self.cell(0, 8, latin1(" " + label), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)




def _short_cite(c: CitationOut) -> str:
    """`ocrevus-uspi-2024-01 §4 Contraindications (rev. 2024-01)`: titles are listed once."""
    title = f" {c.section_title}" if c.section_title else ""
    return f"{c.source} §{c.section}{title} (rev. {c.revision})"


def _header(pdf: _Summary, title: str, label: str, clinic: str, assessment: Assessment,
            prepared: str, size: float) -> None:
    """Title, then who (label or a line to write it), clinic, assessment date."""
    pdf.line_text(title, size=size + 6, style="B")
    who = label or "____________________"
    pdf.line_text(f"Patient: {who}    Clinic: {clinic or '____________________'}    "
                  f"Assessed on: {assessment.assessed_on.isoformat()}", size=size, style="B")
    if assessment.assessed_on.isoformat() != prepared:
        pdf.line_text(f"Note: the assessment date ({assessment.assessed_on.isoformat()}) is "
                      f"not the date this was prepared ({prepared}); every date below is "
                      f"counted from {assessment.assessed_on.isoformat()}.", size=size,
                      color=VERDICT_RGB["deferred"])
    pdf.ln(1.5)


def _numbered(pdf: _Summary, lines: list[str], size: float) -> None:
    for i, line in enumerate(lines, 1):
        pdf.line_text(f"{i}. {line}", size=size, indent=2)
        pdf.ln(0.4)


def _finding(pdf: _Summary, finding: Finding, with_reason: bool) -> None:
    undecided = " (undecided: missing data)" if finding.status == "undecided" else ""
    pdf.line_text(f"[{VERDICT_LABEL[finding.verdict]}] {finding.summary}{undecided}",
                  style="" if finding.verdict == "info" else "B")
    if with_reason:
        pdf.line_text("Because " + "; ".join(finding.because) + ".", indent=3)
    pdf.line_text("Source: " + "; ".join(_short_cite(c) for c in finding.citations)
                  + (f". Not confirmed: {finding.uncertain}" if finding.uncertain else "."),
                  size=SMALL, color=MUTED, indent=3)
    pdf.ln(0.8)


def _checklist(pdf: _Summary, lines: list[str]) -> None:
    """Tick boxes; a long list in two columns (tests on the left, then questions)."""
    if len(lines) <= 5:
        for line in lines:
            pdf.line_text(f"[  ]  {line}", indent=2)
        return
    half = -(-len(lines) // 2)
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    top = pdf.get_y()
    bottoms = []
    for col, chunk in enumerate((lines[:half], lines[half:])):
        pdf.set_y(top)
        for line in chunk:
            pdf.set_x(pdf.l_margin + 2 + col * width)
            pdf.set_font("Helvetica", "", BODY)
            pdf.set_text_color(*INK)
            pdf.multi_cell(width - 4, BODY * 0.43, latin1(f"[  ]  {line}"),
                           new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
        bottoms.append(pdf.get_y())
    pdf.set_y(max(bottoms))


def _plan_box(pdf: _Summary, size: float, title: str = "Plan agreed",
              signature: bool = True) -> None:
    """Ruled lines for the plan (and a signature line), kept together on one page: four,
    or three when only three keep it on the page it follows."""
    room = pdf.h - pdf.b_margin - pdf.get_y()
    ruled = 4 if room >= 6 * 7 + 14 else 3
    if room < (ruled + 2) * 7 + 14:
        pdf.add_page()
        ruled = 4
    pdf.heading(title, size=size + 1.5)
    pdf.set_draw_color(150, 150, 150)
    for _ in range(ruled):
        pdf.ln(7)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(9)
    if signature:
        pdf.line_text("Clinician: ______________________   Signature: ____________________"
                      "   Date: ____________", size=size)


def _reason(pdf: _Summary, finding: Finding) -> None:
    """Why (the patient facts) and where from (the citations) of one finding, indented."""
    pdf.line_text("Because " + "; ".join(finding.because) + ".", indent=5)
    cite = _short_cite if not getattr(pdf, "compact", False) else _bare_cite
    pdf.line_text("Source: " + "; ".join(cite(c) for c in finding.citations)
                  + (f". Not confirmed: {finding.uncertain}" if finding.uncertain else "."),
                  size=SMALL, color=MUTED, indent=5)


def _bare_cite(c: CitationOut) -> str:
    """`ocrevus-uspi-2024-01 §4 (rev. 2024-01)`: the compact form, used only when the full
    section titles would push the plan off page 1 (a switch brings several long reasons)."""
    return f"{c.source} §{c.section} (rev. {c.revision})"


def _clinician_drug(pdf: _Summary, item: DrugAssessment, steps: list[NextStep]) -> None:
    """The verdict, the numbered next steps (each with the reason and source of the finding
    it comes from, said once), the findings no step covers, and the missing-data checklist."""
    pdf.verdict_bar(f"{drug_title(item)}: {VERDICT_LABEL[item.verdict]}", item.verdict)
    attention = [f for f in findings_shown(item, Audience.clinician)
                 if f.verdict not in ("info", "eligible")]
    by_rule = {f.rule_id: f for f in attention}
    # each finding's reason goes under the first step that says it (a held dose only names it)
    reasons: dict[int, list[Finding]] = {}
    explained: set[str] = set()
    for i, step in sorted(enumerate(steps), key=lambda pair: pair[1].kind == "held"):
        for rule_id in step.rule_ids:
            if rule_id in by_rule and rule_id not in explained:
                explained.add(rule_id)
                reasons.setdefault(i, []).append(by_rule[rule_id])
    if steps:
        pdf.heading("Next steps")
        for i, (step, line) in enumerate(zip(steps, clinician_lines(steps), strict=True)):
            if step.kind == "missing" and item.missing:  # the checklist below lists them
                line = (f"{step.when[0].upper()}{step.when[1:]}: record the "
                        f"{len(item.missing)} missing answer(s) in the checklist below.")
            for finding in reasons.get(i, []):  # a finding needing attention is said in full
                line = line.replace(clip(finding.summary), " ".join(finding.summary.split()))
            pdf.line_text(f"{i + 1}. {line}", indent=2)
            for finding in reasons.get(i, []):
                _reason(pdf, finding)
            pdf.ln(0.6)
    rest = [f for f in attention if f.rule_id not in explained]
    if rest:
        pdf.heading("Needs attention")
        for finding in rest:
            _finding(pdf, finding, with_reason=True)
    if item.missing:
        pdf.heading("Missing data: tests and questions")
        _checklist(pdf, missing_checklist(item))


_SENTENCE_END = re.compile(r"[a-z0-9)]\. (?=[A-Z])")


def _one_line(text: str, limit: int) -> str:
    """A finding summary for the details page: its first sentence, cut at a word if long."""
    text = " ".join(text.split())
    end = _SENTENCE_END.search(text, 40)
    if end and end.start() < limit:
        return text[:end.start() + 2]
    if len(text) <= limit:
        return text
    head = text[:limit - 3]
    for stop in ("; ", ": ", ", "):  # end at a clause rather than mid-phrase
        cut = head.rfind(stop)
        if cut >= 40:
            return head[:cut] + " ..."
    return head.rsplit(" ", 1)[0] + " ..."


def _details(pdf: _Summary, profile: Profile, assessment: Assessment,
             sources_placed: bool, limit: int) -> None:
    """Page 2, on purpose, so page 1 stays the consultation: what was also checked (one line
    per finding with its citations; the full text is in the app and the Markdown summary), the
    facts recorded in words, and the sources when page 1 had no room for them."""
    pdf.add_page()
    pdf.line_text(f"Details (page {pdf.page_no()} of the consultation summary)", size=13,
                  style="B")
    for item in assessment.assessments:
        info = [f for f in findings_shown(item, Audience.clinician)
                if f.verdict in ("info", "eligible")]
        if not info:
            continue
        pdf.heading(f"{item.drug}: also checked ({len(info)} information finding(s), first "
                    "sentence each; full text in the app)")
        for category in CATEGORY_ORDER:
            rows = [f for f in info if f.category == category]
            if not rows:
                continue
            pdf.line_text(CATEGORY_TITLE[category], style="B", height=4.6)
            for f in rows:
                cites = "; ".join(dict.fromkeys(f"{c.source} §{c.section}" for c in f.citations))
                pdf.line_text(f"- {_one_line(f.summary, limit)} [{cites}]", indent=2,
                              height=4.2)
    pdf.heading("Facts recorded")
    facts = "; ".join(f"{field_words(path)}: {value}" for path, value in profile_facts(profile))
    pdf.line_text(facts + ".", size=SMALL, height=3.5)
    if not sources_placed:
        _sources(pdf, assessment)


def _sources(pdf: _Summary, assessment: Assessment, only_if_fits: bool = False) -> bool:
    """The cited sources as one small paragraph; on page 1 only when it fits there whole."""
    text = latin1("; ".join(f"{c.source} ({c.title or c.source}, rev. {c.revision})"
                            for c in cited_sources(assessment)) + ".")
    if only_if_fits:
        pdf.set_font("Helvetica", "", SMALL)
        height = pdf.multi_cell(0, SMALL * 0.43, text, dry_run=True, output="HEIGHT")
        if pdf.get_y() + height + 10 > pdf.page_break_trigger:
            return False
    pdf.heading("Sources")
    pdf.line_text(text, size=SMALL, color=MUTED)
    return True


def _patient_drug(pdf: _Summary, item: DrugAssessment, steps: list[NextStep]) -> None:
    size = PATIENT_BODY
    pdf.verdict_bar(f"{drug_title(item)}: {PATIENT_VERDICT_LABEL[item.verdict]}",
                    item.verdict)
    pdf.line_text(VERDICT_FOR_PATIENTS[item.verdict], size=size)
    lines = patient_lines(steps)
    if lines:
        pdf.heading("What happens next", size=size + 1.5)
        _numbered(pdf, lines, size)
    for category in CATEGORY_ORDER:
        findings = [f for f in shown_in(item, Audience.patient, category)
                    if f.patient_summary not in lines]  # said once, in the next steps
        if findings:
            pdf.heading(PATIENT_CATEGORY_TITLE[category], size=size + 1.5)
            for finding in findings:
                pdf.line_text("- " + finding.patient_summary, size=size, indent=2)
    if item.missing and not any(s.kind == "missing" for s in steps):
        pdf.ln(1)
        pdf.line_text("Some information is not recorded yet; your care team may ask about it.",
                      size=size, style="I")


CELL_LINES, CELL_CHARS = 4, 180  # a table row must fit one landscape page (fpdf2 raises)


def _cell_text(lines: list[str]) -> str:
    """One options cell, bounded: with 19 drugs a hazard cell can hold more findings than a
    landscape page is high, and fpdf2 refuses such a row. The cut is said, never silent; the
    full text is in the app and `dmt-advisor assess --drug`."""
    shown = [_one_line(line, CELL_CHARS) for line in lines[:CELL_LINES]]
    if len(lines) > CELL_LINES:
        shown.append(f"(+{len(lines) - CELL_LINES} more: see the app or assess --drug)")
    return "\n".join(shown) or "-"


def _options_pages(pdf: _Summary, options: Options, size: float) -> None:
    """The options table on landscape page(s) of its own, on purpose: one table per verdict
    group (drugs alphabetical, never ranked), each cell's rules and sources in small type
    under its group. Only when several drugs are assessed."""
    patient = options.audience is Audience.patient
    pdf.add_page(orientation="L")
    pdf.line_text("Options" if not patient else "Your options", size=size + 3, style="B")
    pdf.line_text(options.order_note, size=size, style="I")
    if options.efficacy_note:
        pdf.line_text(options.efficacy_note, size=size, style="I")
    titles = options.titles()
    keys = columns(options)
    usable = pdf.w - pdf.l_margin - pdf.r_margin
    widths = [usable * 0.12] + [usable * 0.88 / len(keys)] * len(keys)
    for group in options.groups:
        if pdf.get_y() + 45 > pdf.page_break_trigger:  # a group's title with its first row
            pdf.add_page(orientation="L")
        pdf.heading(f"{group.label} ({len(group.rows)})", size=size + 1)
        if patient and not any(r.advised for r in group.rows):
            for row in group.rows:
                pdf.line_text(f"- {row.title}: {row.because.text()}", size=size, indent=2)
            continue
        pdf.set_font("Helvetica", "", size)
        pdf.set_text_color(*INK)
        pdf.set_fill_color(255, 255, 255)  # not the last verdict bar's colour
        pdf.set_draw_color(150, 150, 150)
        with pdf.table(col_widths=widths, text_align="LEFT", v_align=VAlign.T,
                       line_height=size * 0.45, padding=1.2, align="LEFT",
                       headings_style=FontFace(emphasis="BOLD", fill_color=(236, 239, 243))
                       ) as table:
            head = table.row()
            for title in ["Drug", *(titles[k] for k in keys)]:
                head.cell(latin1(title))
            for row in group.rows:
                line = table.row()
                line.cell(latin1(row.title + ("" if row.described else " (not described)")))
                for k in keys:
                    cell = row.efficacy if k == "efficacy" else row.cells[k]
                    line.cell(latin1(_cell_text(cell.lines)))
        if not patient:
            notes = []
            for row in group.rows:
                cited = dict.fromkeys(r for k in keys for r in refs(
                    row.efficacy if k == "efficacy" else row.cells[k]))
                if cited:
                    notes.append(f"{row.title}: {', '.join(cited)}")
            if notes:
                pdf.ln(0.8)
                pdf.line_text("Rules and sources: " + "; ".join(notes) + ".", size=SMALL,
                              color=MUTED)


def render_summary_pdf(profile: Profile, assessment: Assessment,
                       audience: Audience = Audience.clinician,
                       prepared_on: dt.date | None = None,
                       steps: dict[str, list[NextStep]] | None = None,
                       patient_label: str = "", clinic: str = "",
                       hazards: dict[str, object] | None = None) -> bytes:
    """The consultation summary as PDF bytes: page 1 the consultation, page 2 the details;
    with several drugs assessed, the options table on landscape page(s) between them."""
    steps = steps or {}
    options = (build_options(assessment, audience, hazards)
               if len(assessment.assessments) > 1 else None)
    rb = assessment.rulebook
    prepared = (prepared_on or dt.date.today()).isoformat()
    who = f"Patient {patient_label}; " if patient_label else ""
    footer = (f"{who}rulebook {rb.name} {rb.version} (sha256 {rb.sha256[:12]}); assessed on "
              f"{assessment.assessed_on.isoformat()} ({assessment.jurisdiction.value} labels); "
              f"prepared {prepared}. Decision support from cited label rules; the decision is "
              "made by the patient with their clinician.")
    if audience is Audience.patient:
        return _patient_pdf(footer, profile, assessment, steps, prepared, patient_label, clinic,
                            options)
    for compact in (False, True):  # section titles in full unless the plan leaves page 1
        for limit in DETAIL_LIMITS:  # the longest first-sentence cut keeping details one page
            pdf = _clinician_pdf(footer, profile, assessment, steps, prepared, patient_label,
                                 clinic, limit, options, compact)
            if pdf.page_no() <= pdf.details_start:
                break
        if pdf.plan_page == 1:
            break
    return bytes(pdf.output())


DETAIL_LIMITS = (150, 110, 80, 60)  # characters of each information finding on page 2


def _patient_pdf(footer: str, profile: Profile, assessment: Assessment,
                 steps: dict[str, list[NextStep]], prepared: str, patient_label: str,
                 clinic: str, options: Options | None = None) -> bytes:
    pdf = _Summary(footer)
    pdf.alias_nb_pages()
    pdf.add_page()
    _header(pdf, "Your treatment information", patient_label, clinic, assessment, prepared,
            PATIENT_BODY)
    pdf.line_text(PATIENT_NOTE, size=PATIENT_BODY, style="I")
    pdf.ln(2)
    for item in assessment.assessments:
        _patient_drug(pdf, item, steps.get(item.drug, []))
    if options is not None:  # the table, then a fresh page for the questions
        _options_pages(pdf, options, PATIENT_BODY)
        pdf.add_page(orientation="P")
    _plan_box(pdf, PATIENT_BODY, "My questions and notes", signature=False)
    return bytes(pdf.output())


def _clinician_pdf(footer: str, profile: Profile, assessment: Assessment,
                   steps: dict[str, list[NextStep]], prepared: str, patient_label: str,
                   clinic: str, limit: int, options: Options | None = None,
                   compact: bool = False) -> _Summary:
    pdf = _Summary(footer)
    pdf.compact = compact
    pdf.alias_nb_pages()
    pdf.add_page()
    _header(pdf, "Consultation summary", patient_label, clinic, assessment, prepared, BODY)
    for item in assessment.assessments:
        _clinician_drug(pdf, item, steps.get(item.drug, []))
    _plan_box(pdf, BODY)
    pdf.plan_page = pdf.page_no()
    placed = _sources(pdf, assessment, only_if_fits=True)
    if options is not None:
        _options_pages(pdf, options, BODY)
    pdf.details_start = pdf.page_no() + 1  # the details must stay one page from here
    _details(pdf, profile, assessment, placed, limit)
    return pdf
