"""dmt-advisor, the app: from a patient profile to an explained, cited recommendation.

Run with `make run` (or `streamlit run app/streamlit_app.py`). `?example=<name>` in the URL or
`DMT_ADVISOR_EXAMPLE=<name or path>` in the environment preloads an example patient.
This entry script sets up the session, the sidebar (the drug shown in detail, its verdict) and
the pages; the pages are in app/views/ (not pages/: that name turns on
Streamlit's older folder-based navigation, which AppTest then runs instead of st.navigation).
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

APP_DIR = Path(__file__).resolve().parent
if str(APP_DIR) not in sys.path:  # `streamlit run` adds it; AppTest and imports may not
    sys.path.insert(0, str(APP_DIR))

from dmt_ui import look, state  # noqa: E402
from dmt_ui.look import badge_markdown  # noqa: E402

from dmt_advisor.report import drug_title  # noqa: E402

# No Material page icons: the page icon becomes the favicon, and a Material favicon is fetched
# from a font CDN (a failed request offline). An emoji favicon is drawn by the browser itself.
st.set_page_config(page_title="dmt-advisor", page_icon="🧠", layout="wide")
look.style()
state.init_session()
state.sync_widgets()
state.persist()

PAGES = {
    "profile": st.Page("views/profile.py", title="Profile",
                       default=True),
    "recommendation": st.Page("views/recommendation.py", title="Recommendation"),
    "options": st.Page("views/options.py", title="Options"),
    "schedule": st.Page("views/schedule.py", title="Schedule and monitoring"),
    "summary": st.Page("views/summary.py", title="Consultation summary"),
    "rules": st.Page("views/rules.py", title="Rules"),
}

page = st.navigation(list(PAGES.values()))

with st.sidebar:
    st.text_input("Patient label", key="patient_label", max_chars=40,
                  placeholder="Initials or clinic number",
                  help="Optional, your choice: shown on every page, in the summary, the PDF "
                       "and the file names so two patients cannot be mixed up. Kept only in "
                       "this browser tab's session; never written to a log.")
    cur = state.current()
    chosen = None
    if cur.assessment is not None and cur.profile is not None:
        audience = state.audience()
        # One drug in detail (the Options page lists every drug): its verdict, not 19 badges.
        chosen = state.detail_select(cur.assessment, cur.profile)
        st.markdown(f"**{drug_title(chosen)}** {badge_markdown(chosen.verdict, audience)}")
        st.caption(f"Assessed on {cur.assessment.assessed_on.isoformat()}, "
                   f"{cur.assessment.jurisdiction.value} labels.")
    elif cur.problems:
        st.caption(f"The profile needs {len(cur.problems)} more answer(s) before it can be "
                   "assessed.")
    st.caption("Decision support from cited label rules. Decisions are made by the patient "
               "with their clinician.")

look.patient_header(state.current(), state.patient_label(), state.audience(), state.today(),
                    chosen)
page.run()
