"""Rules: browse the rulebook by drug and category, with each rule's sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st
import yaml
from dmt_ui import state
from dmt_ui.look import badge_markdown

from dmt_advisor.report import CATEGORY_TITLE, Audience
from dmt_advisor.rulebook.model import Category, Rule

book = state.advisor().rulebook
audience = state.audience()

st.title("Rules")
st.caption(f"{book.name} {book.version} (sha256 {book.sha256[:12]}): {len(book.rules)} rules, "
           f"{len(book.sources)} sources. Each rule says when it applies, what it means, and "
           "where it comes from.")
if audience is Audience.patient:
    st.info("This page shows the rules in the words clinicians use, with the plain-language "
            "text under each.", icon=":material/info:")

rules_tab, sources_tab = st.tabs(["Rules", "Sources"])

with rules_tab:
    c1, c2 = st.columns([1, 2])
    drugs = list(book.drugs)
    # first shown: the drug of "Details for" (else ocrelizumab), not the alphabet's first
    first = st.session_state.get(state.DETAIL_CHOICE) or "ocrelizumab"
    drug = c1.selectbox("Drug", drugs, index=drugs.index(first) if first in drugs else 0,
                        key="rules_drug")
    query = c2.text_input("Search", key="rules_search", placeholder="a word or a rule id")
    present = [c for c in Category if any(r.category == c for r in book.rules_for(drug))]
    chosen = st.pills("Category", present, selection_mode="multi", key="rules_categories",
                      format_func=lambda c: CATEGORY_TITLE[c])

    def keep(rule: Rule) -> bool:
        if chosen and rule.category not in chosen:
            return False
        text = " ".join([rule.id, rule.summary, rule.patient_summary]).lower()
        return not query or query.lower() in text

    shown = [r for r in book.rules_for(drug) if keep(r)]
    st.caption(f"{len(shown)} of {len(book.rules_for(drug))} rules for {drug}.")
    for category in Category:
        in_category = [r for r in shown if r.category == category]
        if not in_category:
            continue
        st.header(CATEGORY_TITLE[category], divider="gray", anchor=False)
        for rule in in_category:
            jurisdictions = "/".join(j.value for j in rule.jurisdictions)
            with st.expander(f"{rule.summary}  ·  {jurisdictions}"):
                st.markdown(f"{badge_markdown(rule.verdict)} `{rule.id}` · {jurisdictions} "
                            f"label · if unknown: *{rule.if_unknown.value.replace('_', ' ')}*")
                st.markdown(f"**For patients:** {rule.patient_summary}")
                when = rule.model_dump(mode="json", by_alias=True, exclude_none=True)["when"]
                st.code(yaml.safe_dump({"when": when}, sort_keys=False), language="yaml")
                for cite in rule.cites:
                    source = book.sources[cite.source]
                    title = source.sections.get(cite.section, "")
                    st.caption(f"Source: [{source.title}]({source.url}), "
                               f"§{cite.section} {title}, rev. {source.revision} "
                               f"(`{source.id}`)")
                if rule.uncertain:
                    st.caption(f":orange[Not confirmed:] {rule.uncertain}")
                st.caption(f"File `rules/{book.rule_files.get(rule.id, '?')}`")

with sources_tab:
    st.dataframe(
        pd.DataFrame([{"Source": s.id, "Title": s.title, "Publisher": s.publisher,
                       "Jurisdiction": str(s.jurisdiction), "Kind": s.kind,
                       "Revision": s.revision, "Link": s.url,
                       "Sections": ", ".join(s.sections)} for s in book.sources.values()]),
        hide_index=True, width="stretch",
        column_config={"Link": st.column_config.LinkColumn("Link", display_text="open")})
