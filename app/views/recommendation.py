"""Recommendation: the verdict per drug, findings by category with reason and citation."""

from __future__ import annotations

import streamlit as st
from dmt_ui import state
from dmt_ui.fields import STEPS, label_of, step_of
from dmt_ui.look import VERDICT_MEANING, badge_markdown, citation_markdown

from dmt_advisor.assessment import CATEGORY_ORDER, DrugAssessment, Finding
from dmt_advisor.next_steps import clinician_lines, patient_lines
from dmt_advisor.report import (
    CATEGORY_TITLE,
    PATIENT_CATEGORY_TITLE,
    PATIENT_NOTE,
    VERDICT_FOR_PATIENTS,
    Audience,
    drug_title,
    findings_shown,
    shown_in,
)

ss = st.session_state
cur = state.current()
audience = state.audience()


def _fill_in(path: str) -> None:
    state.sync_widgets()
    ss.form_step = step_of(path)
    ss.goto_profile = True


def not_ready() -> None:
    st.info("The profile is not complete enough to assess yet.", icon=":material/edit_note:")
    for p in cur.problems:
        st.markdown(f"- {label_of(p.path)}: {p.message}")
    st.page_link("views/profile.py", label="Go to the profile", icon=":material/arrow_back:")


def clinician_finding(f: Finding) -> None:
    with st.container(border=True):
        undecided = " :gray[(undecided: missing data)]" if f.status == "undecided" else ""
        summary = f.summary if f.verdict == "info" else f"**{f.summary}**"
        st.markdown(f"{badge_markdown(f.verdict)} {summary}{undecided}  \n"
                    f":gray[Because] {'; '.join(f.because)}.")
        sources = "  \n".join(f"Source: {citation_markdown(c)}" for c in f.citations)
        st.caption(f"{sources}  \nRule `{f.rule_id}`")
        if f.uncertain:
            st.caption(f":orange[Not confirmed:] {f.uncertain}")


def missing_data(item: DrugAssessment) -> None:
    if not item.missing:
        return
    st.subheader("Missing data", divider="gray", anchor=False)
    st.caption("Not recorded, and asked for by the rules below. Each button opens the form "
               "step that supplies it.")
    for m in item.missing:
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.markdown(f"**{label_of(m.field)}** `{m.field}`  \n:gray[asked by "
                      f"{', '.join(f'`{r}`' for r in m.asked_by)}]")
        right.button(f"Fill in (step {step_of(m.field) + 1}: {STEPS[step_of(m.field)].title})",
                     key=f"fill:{item.drug}:{m.field}", on_click=_fill_in, args=(m.field,),
                     icon=":material/edit:")


def next_steps_block(item: DrugAssessment, patient_words: bool) -> None:
    """What must happen, in order, with dates: first, before any finding."""
    lines = (patient_lines if patient_words else clinician_lines)(
        state.steps().get(item.drug, []))
    if lines:
        st.markdown(("**What happens next**" if patient_words else "**Next steps**") + "\n"
                    + "".join(f"\n{i}. {line}" for i, line in enumerate(lines, 1)))


def clinician(item: DrugAssessment) -> None:
    with st.container(border=True):
        st.markdown(f"## {drug_title(item)} &nbsp; {badge_markdown(item.verdict)}")
        st.markdown(VERDICT_MEANING[item.verdict])
        next_steps_block(item, patient_words=False)
        for note in item.notes:
            st.info(note, icon=":material/info:")
        attention = [f for f in findings_shown(item, Audience.clinician)
                     if f.verdict not in ("info", "eligible")]
        if attention:
            st.markdown("**Needs attention**\n" + "".join(
                f"\n- {badge_markdown(f.verdict)} {f.summary}" for f in attention))
        if item.missing:
            st.caption(f"{len(item.missing)} answer(s) not recorded; see *Missing data* below.")
    for category in CATEGORY_ORDER:
        findings = shown_in(item, Audience.clinician, category)
        if findings:
            st.subheader(CATEGORY_TITLE[category], divider="gray", anchor=False)
            for f in findings:
                clinician_finding(f)
    missing_data(item)


def patient(item: DrugAssessment) -> None:
    with st.container(border=True):
        st.markdown(f"## {drug_title(item)} &nbsp; "
                    f"{badge_markdown(item.verdict, Audience.patient)}")
        st.markdown(VERDICT_FOR_PATIENTS[item.verdict])
        next_steps_block(item, patient_words=True)
    for category in CATEGORY_ORDER:
        findings = shown_in(item, Audience.patient, category)
        if findings:
            st.subheader(PATIENT_CATEGORY_TITLE[category], divider="gray", anchor=False)
            st.markdown("\n".join(f"- {f.patient_summary}" for f in findings))
    if item.missing:
        st.caption("Some information is not recorded yet; your care team may ask about it.")


if ss.pop("goto_profile", False):
    st.switch_page("views/profile.py")

st.title("Recommendation" if audience is Audience.clinician else "What this means for you")
if cur.assessment is None:
    if cur.error:
        st.error(f"The engine could not assess this profile: {cur.error}")
    else:
        not_ready()
    st.stop()

a = cur.assessment
if audience is Audience.patient:
    st.info(PATIENT_NOTE, icon=":material/forum:")
else:
    st.caption(f"Assessed on {a.assessed_on.isoformat()} against the "
               f"{a.jurisdiction.value} labels, rulebook {a.rulebook.version} "
               f"(sha256 {a.rulebook.sha256[:12]}). Every finding shows the patient facts it "
               "rests on and its source.")
# One drug: the sidebar's "Details for" (the Options page lists every drug).
item = state.detail_drug(a, cur.profile)
if len(a.assessments) > 1:
    st.caption(f"Showing {drug_title(item)}, one of {len(a.assessments)} drugs assessed: "
               "choose another under \"Details for\" in the sidebar, or compare them all "
               "on the Options page.")
(patient if audience is Audience.patient else clinician)(item)
