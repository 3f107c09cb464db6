"""Schedule and monitoring: past doses, the next dates, and what to check, on one timeline."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from dmt_ui import state, timeline
from dmt_ui.look import badge_markdown

from dmt_advisor.next_steps import NOT_ADVISED
from dmt_advisor.report import PATIENT_NOTE, Audience, drug_title, schedule_shown

profile, assessment, audience = state.page_start(
    "Schedule and monitoring", "Your dates and check-ups", "The timeline")
patient = audience is Audience.patient
if patient:
    st.info(PATIENT_NOTE, icon=":material/forum:")

# One drug: the sidebar's "Details for" (the Options page lists every drug).
for item in [state.detail_drug(assessment, profile)]:
    rows = timeline.rows(profile, item, patient=patient)
    doses = [r for r in rows if r.lane == timeline.LANE_DOSES]
    st.header(drug_title(item), anchor=False, divider="gray")
    st.markdown(badge_markdown(item.verdict, audience))
    if item.verdict in NOT_ADVISED:  # item 5: no dosing dates, no how-it-is-given
        st.caption(f"No dosing dates: {item.drug} is not advised for this patient as recorded "
                   "(see the recommendation for why)." if not patient else
                   f"No dates are planned: {item.drug} is not advised for you as things are "
                   "recorded. Your clinician will talk with you about other options.")
    elif not timeline.relevant(profile, item):
        st.caption(f"No {item.drug} dose is recorded and none is planned by this assessment.")
    frame = pd.DataFrame([r.as_record() for r in rows])
    words = timeline.describe(rows, assessment.assessed_on)
    chart = timeline.chart(frame, assessment.assessed_on, words)
    st.altair_chart(chart, width="stretch")
    st.caption(
        f"{len(doses)} dose(s) recorded; {len(item.schedule)} scheduled item(s) from the "
        f"assessment; the dashed line is the assessment date ({assessment.assessed_on})."
        if not patient else
        "Dots are doses already given; bars show the window for the next dates; the dashed "
        f"line is the assessment date ({assessment.assessed_on}).")
    with st.expander("The timeline in words"):  # the chart's text alternative
        st.markdown(words)

    if schedule_shown(item):
        st.markdown("**Scheduled**" if not patient else "**Next dates**")
        if any(s.status == "on_hold" for s in item.schedule):
            st.warning("Doses on hold: no date is shown as due while a stop signal stands. "
                       + ("The table names the rules holding them and what releases them."
                          if not patient else "Your care team will tell you what has to "
                          "happen first."), icon=":material/pause_circle:")
        st.dataframe(timeline.schedule_table(item, patient), hide_index=True, width="stretch")
    elif item.verdict not in NOT_ADVISED:
        st.caption("No scheduled dates from the rules for this profile yet.")

    checks = [f for f in item.findings if f.category in timeline.CHECK_CATEGORIES]
    if checks:
        st.markdown("**Work-up and monitoring**" if not patient else "**Tests and check-ups**")
        for f in checks:
            if patient:
                st.markdown(f"- {f.patient_summary}")
            else:
                st.markdown(f"- {badge_markdown(f.verdict)} {f.summary}  \n"
                            f":gray[Rule `{f.rule_id}`]")
