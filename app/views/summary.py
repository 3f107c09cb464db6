"""Consultation summary: a printable page, and the same summary as Markdown and PDF downloads."""

from __future__ import annotations

import streamlit as st
from dmt_ui import state
from dmt_ui.look import badge_markdown

from dmt_advisor.assessment import CATEGORY_ORDER
from dmt_advisor.field_words import field_words
from dmt_advisor.next_steps import clinician_lines, patient_lines
from dmt_advisor.options import build_options, group_markdown, hazards_of
from dmt_advisor.report import (
    CATEGORY_TITLE,
    PATIENT_CATEGORY_TITLE,
    PATIENT_NOTE,
    VERDICT_FOR_PATIENTS,
    Audience,
    citation_text,
    drug_title,
    missing_checklist,
    profile_facts,
    render_summary_markdown,
    shown_in,
)
from dmt_advisor.summary_pdf import render_summary_pdf

ss = st.session_state
profile, assessment, audience = state.page_start(
    "Consultation summary", "Your summary", "The summary")
patient = audience is Audience.patient
# One drug, the sidebar's "Details for", on the page and in the files it hands out: a
# consultation is about the drug being discussed (the Options page compares every drug).
assessment = assessment.model_copy(
    update={"assessments": [state.detail_drug(assessment, profile)]})
prepared = state.today()
label = state.patient_label()
steps = state.steps()
key = (profile.model_dump_json(), audience.value, prepared.isoformat(),
       assessment.rulebook.sha256, label, assessment.assessments[0].drug)
if ss.get("summary_files", {}).get("key") != key:
    # Built once per profile and audience; these exact bytes are what the buttons hand out.
    args = dict(steps=steps, patient_label=label,
                hazards=hazards_of(state.advisor().rulebook))
    ss.summary_files = {
        "key": key,
        "md": render_summary_markdown(profile, assessment, audience, prepared, **args),
        "pdf": render_summary_pdf(profile, assessment, audience, prepared, **args),
    }
files = ss.summary_files
stem = state.file_stem("summary") + ("-patient" if patient else "")
files["stem"] = stem  # the file names the buttons give (label and date keep patients apart)
with st.container(horizontal=True, key="summary_downloads"):
    st.download_button("Download PDF", files["pdf"], file_name=f"{stem}.pdf",
                       mime="application/pdf", icon=":material/picture_as_pdf:", type="primary")
    st.download_button("Download Markdown", files["md"], file_name=f"{stem}.md",
                       mime="text/markdown", icon=":material/article:")
if not patient:
    st.caption("For paper, use the PDF: page 1 is the consultation (next steps, what needs "
               "attention, missing data, plan and signature), page 2 the details.",
               help=None)

rb = assessment.rulebook
with st.container(border=True):
    who = f"Patient **{label}** · " if label else ""
    st.markdown(f"**{'Consultation summary' if not patient else 'Your treatment information'}**"
                f" · {who}assessed on {assessment.assessed_on.isoformat()} · "
                f"{assessment.jurisdiction.value} labels")
    if patient:
        st.info(PATIENT_NOTE, icon=":material/forum:")
    if len(assessment.assessments) > 1:  # several drugs: the options table first, as on paper
        options = build_options(assessment, audience, hazards_of(state.advisor().rulebook))
        st.markdown("## " + ("Options" if not patient else "Your options"))
        st.caption(options.order_note)
        for group in options.groups:
            st.markdown(f"**{group.label} ({len(group.rows)})**")
            st.markdown("\n".join(group_markdown(options, group.rows, escape=True)),
                        unsafe_allow_html=True)
    for item in assessment.assessments:
        st.markdown(f"## {drug_title(item)} &nbsp; {badge_markdown(item.verdict, audience)}")
        if patient:
            st.markdown(VERDICT_FOR_PATIENTS[item.verdict])
        lines = (patient_lines if patient else clinician_lines)(steps.get(item.drug, []))
        if lines:
            st.markdown(f"### {'What happens next' if patient else 'Next steps'}")
            st.markdown("\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1)))
        for note in item.notes if not patient else []:
            st.caption(note)
        for category in CATEGORY_ORDER:  # patients read each thing once (not again after steps)
            findings = [f for f in shown_in(item, audience, category)
                        if not patient or f.patient_summary not in lines]
            if not findings:
                continue
            title = (PATIENT_CATEGORY_TITLE if patient else CATEGORY_TITLE)[category]
            st.markdown(f"**{title}**")
            for f in findings:
                if patient:
                    st.markdown(f"- {f.patient_summary}")
                    continue
                st.markdown(f"- {badge_markdown(f.verdict)} {f.summary}  \n"
                            f"  :gray[Because {'; '.join(f.because)}.]  \n"
                            f"  :gray[Source: {'; '.join(citation_text(c) for c in f.citations)}"
                            f".]")
        if item.missing:
            if patient and not any(s.kind == "missing" for s in steps.get(item.drug, [])):
                st.caption("Some information is not recorded yet; your care team may ask "
                           "about it.")
            else:
                st.markdown("**Missing data: tests and questions**\n" + "".join(
                    f"\n- \u2610 {line}" for line in missing_checklist(item)))
    if not patient:
        st.markdown("**Profile facts recorded**")
        facts = profile_facts(profile)
        cols = st.columns(3)
        per_col = -(-len(facts) // 3)
        for i, col in enumerate(cols):
            col.caption("  \n".join(f"{field_words(path)}: **{value}**"
                                     for path, value in facts[i * per_col:(i + 1) * per_col]))
    if patient:
        st.caption(f"Prepared {prepared.isoformat()}. Decision support: the decision is made "
                   "by you with your clinician.")
        st.stop()
    st.caption(f"Rulebook {rb.name} {rb.version} (sha256 {rb.sha256[:12]}); assessed on "
               f"{assessment.assessed_on.isoformat()} against the "
               f"{assessment.jurisdiction.value} labels; prepared {prepared.isoformat()}. "
               "Decision support: the decision is made by the patient with their clinician.")
