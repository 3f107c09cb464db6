"""Profile: a guided, step-by-step form over the profile format, with load / upload / download."""

from __future__ import annotations

import streamlit as st
from dmt_ui import form, state
from dmt_ui.fields import REVIEW, STEPS, label_of, step_of
from views import fhir_upload

from dmt_advisor.field_words import field_words
from dmt_advisor.profile import profile_to_yaml
from dmt_advisor.report import profile_facts

ss = st.session_state
cur = state.current()
LAST = len(STEPS)  # the review step comes after the field steps


def _go(step: int) -> None:
    state.sync_widgets()
    ss.form_step = max(0, min(LAST, step))


def _nav_changed() -> None:
    if ss.get("step_nav") is not None:
        ss.form_step = ss.step_nav


def _load_example() -> None:
    chosen = ss.get("example_choice")
    if chosen:
        state.request("example", chosen)


def _uploaded(key: str) -> None:
    file = ss.get(key)
    if file is not None:
        # bytes as uploaded: size, UTF-8 and JSON-or-YAML are checked by the bounded loader
        state.request("upload", file.name, file.getvalue())


st.title("Patient profile")
st.caption("Answer what is known. Leave the rest as *Unknown* or *Not tested yet*: an unknown is "
           "reported as missing, never taken as normal.")

with st.container(border=True):
    left, middle, right = st.columns([5, 4, 3], vertical_alignment="bottom")
    with left:
        examples = state.examples()
        st.selectbox("Start from an example patient", list(examples), key="example_choice",
                     index=None, placeholder="Choose an example...",
                     format_func=lambda n: examples[n].description)
        st.button("Load example", key="load_example", on_click=_load_example,
                  icon=":material/upload_file:", disabled=ss.get("example_choice") is None)
    with middle:
        upload_key = f"profile_upload_{ss.get('upload_gen', 0)}"
        st.file_uploader("Or upload a profile (YAML or JSON)", type=["yaml", "yml", "json"],
                         key=upload_key, on_change=_uploaded, args=(upload_key,))
    with right:
        if cur.profile is not None:
            st.download_button("Download this profile", profile_to_yaml(cur.profile),
                               file_name=state.file_stem("profile") + ".yaml",
                               mime="application/x-yaml",
                               icon=":material/download:")
        else:
            st.button("Download this profile", disabled=True, icon=":material/download:",
                      help="Available once the profile is valid.")
        st.button("New empty profile", on_click=state.request, args=("new",),
                  icon=":material/restart_alt:")

pending = ss.get("pending")
if pending:
    what = {"example": f"the example patient '{pending[1]}'", "upload": pending[1],
            "fhir": pending[1], "new": "a new, empty profile"}[pending[0]]
    with st.container(border=True, key="confirm_replace"):
        st.warning(f"The profile on screen has unsaved changes. Replace it with {what}? "
                   "Download it first to keep it.", icon=":material/warning:")
        yes, no, _ = st.columns([2, 2, 3])
        yes.button("Replace the current patient", key="confirm_yes",
                   on_click=state.confirm_pending, type="primary")
        no.button("Keep the current patient", key="confirm_no", on_click=state.cancel_pending)

fhir_upload.render()

notice = ss.get("notice")
if notice:
    kind, text = notice
    (st.success if kind == "success" else st.error)(text)

titles = [*form.step_titles(), f"{LAST + 1}. {REVIEW}"]
if ss.get("step_nav") != ss.form_step:
    ss.step_nav = ss.form_step
st.segmented_control("Step", list(range(LAST + 1)), format_func=lambda i: titles[i],
                     key="step_nav", on_change=_nav_changed, label_visibility="collapsed")

if cur.problems:
    by_step: dict[int, list[str]] = {}
    for p in cur.problems:
        by_step.setdefault(step_of(p.path), []).append(label_of(p.path))
    where = "; ".join(f"step {i + 1} ({', '.join(names)})" for i, names in sorted(by_step.items()))
    st.info(f"{len(cur.problems)} answer(s) need attention before the profile can be assessed: "
            f"{where}.", icon=":material/edit_note:")

index = ss.form_step
if index < LAST:
    form.step(STEPS[index], cur)
else:
    if cur.profile is None:
        st.caption("Fix the answers listed above; each is also shown next to its field.")
        for p in cur.problems:
            st.error(f"{label_of(p.path)}: {form.clinical(p.message)}")
    else:
        st.success("The profile is valid and has been assessed.", icon=":material/check:")
        st.page_link("views/recommendation.py", label="See the recommendation",
                     icon=":material/arrow_forward:")
        # A readable check of what was recorded; anything not listed is unknown.
        rows = profile_facts(cur.profile)
        st.table({"Answer": [field_words(p) for p, _ in rows], "Recorded": [v for _, v in rows]})
        st.caption("Anything not listed is unknown and is reported as missing where a rule "
                   "needs it.")
        with st.expander("The profile file (YAML)"):
            st.code(profile_to_yaml(cur.profile), language="yaml")

back, forward, _ = st.columns([1, 1, 4])
back.button("Back", key="nav_back", on_click=_go, args=(index - 1,), disabled=index == 0,
            icon=":material/arrow_back:", width="stretch")
forward.button("Next", key="nav_next", on_click=_go, args=(index + 1,),
               disabled=index == LAST, type="primary", icon=":material/arrow_forward:",
               width="stretch")
