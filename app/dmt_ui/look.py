"""How verdicts and citations look: one colour per verdict, the same on every page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from dmt_advisor.assessment import CitationOut
from dmt_advisor.report import PATIENT_VERDICT_LABEL, VERDICT_LABEL, Audience, drug_title

BADGE_COLOR: dict[str, str] = {
    "contraindicated": "red",
    "not_indicated": "gray",
    "deferred": "orange",
    "workup_required": "blue",
    "eligible_with_precautions": "yellow",
    "eligible": "green",
    "info": "gray",
}

# One line per verdict for clinicians: what it asks of them.
VERDICT_MEANING: dict[str, str] = {
    "contraindicated": "An absolute contraindication in the label applies.",
    "not_indicated": "The patient is outside the labelled population.",
    "deferred": "A temporary barrier: not now, but possibly later.",
    "workup_required": "Something the label requires before a decision is not recorded.",
    "eligible_with_precautions": "Eligible, with something specific to arrange or watch first.",
    "eligible": "Indicated, and nothing recorded stands in the way.",
}


def verdict_label(verdict: str, audience: Audience) -> str:
    table = PATIENT_VERDICT_LABEL if audience is Audience.patient else VERDICT_LABEL
    return table[verdict]


def badge_markdown(verdict: str, audience: Audience = Audience.clinician) -> str:
    """A verdict badge in Markdown (`:blue-badge[...]`), usable inside any text."""
    color = BADGE_COLOR.get(verdict, "gray")
    # No Material icon inside text: its name ("warning", "check_circle") is read aloud.
    return f":{color}-badge[{verdict_label(verdict, audience)}]"


def citation_markdown(c: CitationOut) -> str:
    """Source title (linked), section with its title, and revision."""
    title = c.title or c.source
    linked = f"[{title}]({c.url})" if c.url else title
    section = f"§{c.section}" + (f" {c.section_title}" if c.section_title else "")
    return f"{linked}, {section}, rev. {c.revision} (`{c.source}`)"


CSS = """
<style>
  .block-container {padding-top: 2.2rem; max-width: 1180px;}
  h1 {font-size: 1.9rem !important;}
  h2 {font-size: 1.45rem !important;}
  h3 {font-size: 1.15rem !important; margin-top: 0.4rem !important;}
  div[data-testid="stCaptionContainer"] p {line-height: 1.45;}
  /* captions and muted text dark enough for 4.5:1 contrast (WCAG AA) */
  div[data-testid="stCaptionContainer"], div[data-testid="stCaptionContainer"] * {
    color: #50555d !important; opacity: 1 !important;}
  a:focus-visible, button:focus-visible, input:focus-visible, [role="radio"]:focus-visible,
  [role="option"]:focus-visible, summary:focus-visible {
    outline: 3px solid #1a56b8 !important; outline-offset: 2px !important;}
  @media print {
    section[data-testid="stSidebar"], header, div[data-testid="stToolbar"],
    .stDownloadButton, .no-print {display: none !important;}
    .block-container {padding: 0 !important; max-width: 100% !important;}
  }
</style>
"""


def style() -> None:
    """A calm page: a little more air at the top, and printing without the app's chrome."""
    st.html(CSS)


def patient_header(cur: Any, label: str, audience: Audience, today: dt.date,
                   chosen: Any = None) -> None:
    """Above every page: which patient, the chosen drug's verdict (`chosen`, the sidebar's
    "Details for"), and the assessment date if not today.

    In the main area (not only the sidebar), so it stays visible on a phone, where the
    sidebar is collapsed.
    """
    who = f"Patient **{label}**" if label else ":gray[No patient label]"
    parts = [who]
    if cur.assessment is not None:
        item = chosen or cur.assessment.assessments[0]
        parts.append(f"{drug_title(item)} {badge_markdown(item.verdict, audience)}")
        on = cur.assessment.assessed_on
        parts.append(f"assessed on {on.isoformat()}")
    with st.container(key="patient_header"):
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.markdown(" · ".join(parts))
        # Here, not in the sidebar: on a phone the sidebar is collapsed out of sight.
        right.segmented_control(
            "Who is reading?", [a.value for a in Audience], key="audience",
            format_func=lambda a: {"clinician": "Clinician", "patient": "Patient"}[a],
            help="Clinician: precise and cited. Patient: plain language to read with the "
                 "clinician.", label_visibility="collapsed")
        if cur.assessment is not None and cur.assessment.assessed_on != today:
            on = cur.assessment.assessed_on
            st.warning(f"**The assessment date is {on.isoformat()}, not today "
                       f"({today.isoformat()}).** Every verdict, interval and date here is "
                       f"counted from {on.isoformat()}. Change it in step 1 of the profile if "
                       "the patient is being seen today.", icon=":material/event_busy:")
        odd = [p for p in getattr(cur, "implausible", []) if p.path != "assessed_on"]
        if odd and audience is Audience.clinician:
            from dmt_advisor.field_words import field_words

            st.warning("**Check these answers before relying on the verdict:**" + "".join(
                f"\n- {field_words(p.path)}: {p.message}" for p in odd),
                icon=":material/report:")
