"""Options: every assessed drug side by side, grouped by verdict (never ranked), with filters
by route and frequency, a pregnancy-planning view, and a two-or-three-drug comparison.

A view over `dmt_advisor.options` (built from the assessment only). Filters hide rows but
never silently: the number hidden is shown per verdict, so a contraindication cannot vanish
from sight without a trace. "Plans for pregnancy" hides nothing: it moves the pregnancy column
first and marks the drugs whose label sets a pregnancy or family-planning constraint.
"""

from __future__ import annotations

import streamlit as st
from dmt_ui import state
from dmt_ui.look import badge_markdown

from dmt_advisor.options import (
    NOT_DESCRIBED,
    PREGNANCY_MARK,
    OptionRow,
    Options,
    build_options,
    cell_markdown,
    columns,
    group_markdown,
    hazards_of,
)
from dmt_advisor.report import PATIENT_NOTE, VERDICT_LABEL, Audience

ss = st.session_state
profile, assessment, audience = state.page_start("Options", "Your options", "The options table")
patient = audience is Audience.patient
options: Options = build_options(assessment, audience, hazards_of(state.advisor().rulebook))
rows = options.rows

# Tables fit the page: fixed layout, long source ids wrap, rules and sources in small type.
st.html("""<style>
  .st-key-options_tables table, .st-key-options_compare_table table {
    table-layout: fixed; width: 100%; font-size: 0.9rem;}
  .st-key-options_tables td, .st-key-options_compare_table td {
    overflow-wrap: anywhere; vertical-align: top;}
  .st-key-options_tables small, .st-key-options_compare_table small {
    font-size: 0.78rem; color: #50555d;}
</style>""")
if patient:
    st.info(PATIENT_NOTE, icon=":material/forum:")
st.caption(options.order_note)
if options.efficacy_note:
    st.caption(options.efficacy_note)

# ---- filters -----------------------------------------------------------------------------
routes = sorted({f for r in rows for f in r.formulations})
frequencies = sorted({r.frequency for r in rows if r.frequency})
planning = bool(profile.reproductive.planning_pregnancy) if profile.reproductive else False
if ss.get("options_pregnancy_for") != ss.get("assessed_key"):  # a new patient: their default
    ss.options_pregnancy = planning
    ss.options_pregnancy_for = ss.get("assessed_key")
with st.container(horizontal=True, key="options_filters"):
    chosen_routes = st.multiselect(
        "Route" if not patient else "How it is given", routes, key="options_routes",
        placeholder="Any route", help="Show only drugs with one of these formulations "
        "(IV, SC, IM, oral). Hidden drugs are counted below the filters.")
    chosen_freq = st.multiselect(
        "Frequency" if not patient else "How often", frequencies, key="options_frequency",
        placeholder="Any frequency", help="Show only drugs given this often.")
    pregnancy_first = st.toggle(
        "Plans for pregnancy", key="options_pregnancy",
        help="Hides nothing: shows the pregnancy and family-planning column first and marks "
             "every drug whose label sets a constraint. On by default when the profile "
             "records plans for a pregnancy.")


def shown(row: OptionRow) -> bool:
    """A row passes when it matches every filter set; a drug whose route or frequency is not
    described cannot match a route or frequency filter (it is counted as hidden)."""
    if chosen_routes and not set(row.formulations) & set(chosen_routes):
        return False
    return not chosen_freq or row.frequency in chosen_freq


hidden = [r for r in rows if not shown(r)]
if hidden:
    by_verdict = ", ".join(
        f"{sum(1 for r in hidden if r.verdict == g.verdict)} {g.label.lower()}"
        for g in options.groups if any(r.verdict == g.verdict for r in hidden))
    not_advised = sum(1 for r in hidden if not r.advised)
    text = (f"**{len(hidden)} of {len(rows)} drugs hidden by the filters** ({by_verdict}): "
            + ", ".join(r.title for r in hidden) + ".")
    if not_advised:
        text += (f" {not_advised} of them {'is' if not_advised == 1 else 'are'} not advised "
                 "for this patient; clear the filters to see why.")
    st.warning(text, icon=":material/filter_alt:")
else:
    st.caption(f"Showing all {len(rows)} drug(s) assessed.")

# ---- the table, grouped by verdict -------------------------------------------------------
tables = st.container(key="options_tables")
for group in options.groups:
    members = [r for r in group.rows if shown(r)]
    tables.header(f"{group.label} ({len(members)} of {len(group.rows)})", anchor=False,
                 divider="gray")
    tables.markdown(badge_markdown(group.verdict, audience))
    if not members:
        tables.caption("Every drug of this group is hidden by the filters (counted above).")
        continue
    tables.markdown("\n".join(group_markdown(options, members, pregnancy_first, escape=True,
                                         mark=f":orange-badge[{PREGNANCY_MARK}]")),
                unsafe_allow_html=True)

# ---- compare two or three drugs, column by column ----------------------------------------
st.header("Compare" if not patient else "Compare side by side", anchor=False,
             divider="gray")
names = {r.drug: r.title for r in rows}
picked = st.multiselect("Drugs to compare (two or three)", list(names),
                        format_func=names.__getitem__, max_selections=3,
                        key="options_compare", placeholder="Choose two or three drugs")
if len(picked) < 2:
    st.caption("Choose two or three drugs to see them column by column.")
else:
    chosen = [options.row(d) for d in picked]
    titles = options.titles()
    lines = ["| | " + " | ".join(f"**{r.title}**" for r in chosen) + " |",
             "|---" * (len(chosen) + 1) + "|",
             "| Verdict | " + " | ".join(
                 (VERDICT_LABEL[r.verdict] if not patient else r.verdict_label)
                 + ("" if r.described else f"<br>_{NOT_DESCRIBED}_") for r in chosen) + " |"]
    for key in columns(options, pregnancy_first):
        cells = []
        for r in chosen:
            if patient and not r.advised:
                cells.append(cell_markdown(r.because, audience, escape=True)
                             if key == columns(options, pregnancy_first)[0] else "-")
            else:
                cells.append(cell_markdown(r.efficacy if key == "efficacy" else r.cells[key],
                                           audience, escape=True))
        lines.append(f"| {titles[key]} | " + " | ".join(cells) + " |")
    st.container(key="options_compare_table").markdown("\n".join(lines),
                                                        unsafe_allow_html=True)
if not patient:
    st.caption("Each cell names the rules it comes from and their sources; the recommendation "
               "page has every finding in full with its reasons.")

# ---- one drug in detail --------------------------------------------------------------------
with st.container(horizontal=True, key="options_details", vertical_alignment="bottom"):
    detail = st.selectbox("Show one drug in detail", list(names),
                          index=list(names).index(state.detail_drug(assessment, profile).drug),
                          format_func=names.__getitem__, key="options_detail")
    if st.button("Show details", icon=":material/arrow_forward:", key="options_show_details"):
        state.choose_drug(detail)  # the sidebar's "Details for" follows on the next page
        st.switch_page("views/recommendation.py")
