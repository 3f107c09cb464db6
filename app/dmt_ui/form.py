"""Streamlit widgets for the profile form, one per `FieldSpec` (see fields.py).

Each widget's key is `w:<profile path>`; its starting value comes from the draft, and the draft
is updated from the widgets at the start of every run (`state.sync_widgets`). A problem the
profile model reports for a path is shown right under that path's widget.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

import streamlit as st

from . import state
from .fields import (
    CURRENT_DRUG,
    CURRENT_STATUS,
    SPEC_BY_PATTERN,
    STEPS,
    UNKNOWN,
    FieldSpec,
    Step,
    add_item,
    count_key,
    remove_item,
)

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
COLUMNS = 3

ADD_WORDS: dict[str, str] = {
    "vaccinations": "Add a vaccination",
    "treatment.prior": "Add an earlier DMT",
    "treatment.ocrelizumab.doses": "Add a dose",
}

# What "no answer" reads for a choice that must be given once its part exists.
EMPTY_WORDS: dict[str, str] = {
    "treatment.current.drug": "No drug named",
}
# Words for the values of one field (where the generic words would mislead).
FIELD_OPTION_WORDS: dict[str, dict[str, str]] = {
    CURRENT_STATUS: {"not_recorded": "Not recorded (unknown)",
                     "none": "None (no current DMT)"},
}

MISSING_MESSAGES = ("required field is missing", "required (or give")


def key_of(path: str) -> str:
    return state.WIDGET + path


def _start(spec: FieldSpec, path: str) -> str:
    """The widget key, seeded from the draft the first time the widget is drawn."""
    key = key_of(path)
    if key not in st.session_state:
        st.session_state[key] = spec.to_widget(st.session_state.draft.get(path, spec.default))
    return key


def show_implausible(cur: state.Current, path: str) -> None:
    """Possible but unlikely answers: a plain-words warning under the field, never a block."""
    for message in cur.implausible_at(path):
        st.warning(f"Check this answer: {message}", icon=":material/report:")


# The model's words, as a clinician would say them.
CLINICAL_WORDS: tuple[tuple[str, str], ...] = (
    (r"^Input should be less than or equal to (\S+)$", r"Must be \1 or less."),
    (r"^Input should be greater than or equal to (\S+)$", r"Must be \1 or more."),
    (r"^Input should be a multiple of (\S+)$", r"Must be in steps of \1."),
    (r"^Input should be a valid integer.*$", "Must be a whole number."),
    (r"is after assessed_on \(([\d-]+)\); record only what has happened",
     r"is after the assessment date (\1): record only what has happened."),
    (r"^is after assessed_on$", "Is after the assessment date."),
    (r"^disagrees with patient.birth_date on assessed_on; give one$",
     "Does not match the birth date on the assessment date: give the age or the birth date."),
    (r"^required \(or give patient.birth_date\)$", "Required (or give the birth date)."),
)


def clinical(message: str) -> str:
    """A model message in plain clinical words (field paths and model words removed)."""
    for pattern, words in CLINICAL_WORDS:
        message = re.sub(pattern, words, message)
    return message


def show_problems(messages: Iterable[str]) -> None:
    """A missing required answer is a calm warning; anything wrong is an error."""
    for message in messages:
        if message.startswith(MISSING_MESSAGES):
            st.warning(clinical(message).capitalize(), icon=":material/edit_note:")
        else:
            st.error(clinical(message), icon=":material/error:")


def _word(spec: FieldSpec, path: str) -> Callable[[str | None], str]:
    empty = EMPTY_WORDS.get(spec.pattern)
    own = FIELD_OPTION_WORDS.get(spec.pattern, {})

    def word(option: str | None) -> str:
        if empty is not None and option in (None, UNKNOWN):
            return empty
        if option in own:
            return own[option]
        return spec.word(option)

    return word


def scalar(spec: FieldSpec, path: str, cur: state.Current) -> None:
    """One answer: radio, select box, number, date or text, with its problems under it."""
    if path == CURRENT_STATUS and st.session_state.draft.get(CURRENT_DRUG) not in (None,
                                                                                 UNKNOWN):
        st.markdown(f"**{spec.label}** Yes: the current DMT is named below.")
        return
    key = _start(spec, path)
    label, help_text = spec.label, spec.help
    if spec.kind in ("tri_bool", "choice"):
        options = list(spec.options)
        if path == CURRENT_STATUS:  # no third "unknown": "not recorded" is the unknown answer
            options = [o for o in options if o != UNKNOWN]
            if st.session_state[key] in (None, UNKNOWN):
                st.session_state[key] = "not_recorded"
        if spec.required and spec.optional_parent and spec.pattern in EMPTY_WORDS:
            options = [UNKNOWN, *options]
            if st.session_state[key] is None:
                st.session_state[key] = UNKNOWN
        if len(options) <= 4:
            st.radio(label, options, format_func=_word(spec, path), horizontal=True, key=key,
                     help=help_text)
        else:
            st.selectbox(label, options, format_func=_word(spec, path), key=key, help=help_text,
                         placeholder="Choose...")
    elif spec.kind == "int":
        st.number_input(label, step=1, format="%d", key=key, help=help_text,
                        placeholder=spec.unknown_label)
    elif spec.kind == "float":
        step = spec.step or 0.1
        st.number_input(label, step=step, format="%.1f" if step >= 0.1 else "%.2f", key=key,
                        help=help_text, placeholder=spec.unknown_label)
    elif spec.kind in ("date", "date_list"):
        st.date_input(label, min_value=MIN_DATE, max_value=MAX_DATE, format="YYYY-MM-DD",
                      key=key, help=help_text)
    else:
        st.text_input(label, key=key, help=help_text, placeholder=spec.unknown_label)
    show_problems(cur.problems_at(path))
    show_implausible(cur, path)


def _add(path: str) -> None:
    state.sync_widgets()
    st.session_state.draft = add_item(st.session_state.draft, path)


def _remove(path: str, index: int) -> None:
    state.sync_widgets()
    st.session_state.draft = remove_item(st.session_state.draft, path, index)
    state.forget_widgets(path + "[")


def _none_of_these(paths: tuple[str, ...]) -> None:
    """One click for a worked-up patient: every still-unknown yes/no of a group becomes No.

    Answers already given are kept; nothing that was never shown is answered.
    """
    for path in paths:
        key = key_of(path)
        if st.session_state.get(key, UNKNOWN) in (UNKNOWN, None):
            st.session_state[key] = "no"
    state.sync_widgets()


def _count(path: str) -> int:
    return int(st.session_state.draft.get(count_key(path), 0))


def date_list(spec: FieldSpec, path: str, cur: state.Current) -> None:
    """A list of dates (ocrelizumab doses): a grid of date inputs, add and remove."""
    n = _count(path)
    st.markdown(f"**{spec.label}**", help=spec.help)
    if n == 0:
        st.caption("None recorded.")
    cols = st.columns(4)
    for i in range(n):
        with cols[i % 4]:
            item = f"{path}[{i}]"
            key = _start(spec, item)
            st.date_input(f"Dose {i + 1}", min_value=MIN_DATE, max_value=MAX_DATE,
                          format="YYYY-MM-DD", key=key)
            show_problems(cur.problems_at(item))
            show_implausible(cur, item)
    show_problems(cur.problems_at(path))
    left, right, _ = st.columns([1, 1, 3])
    left.button(ADD_WORDS.get(spec.pattern, "Add a date"), key=f"add:{path}", on_click=_add,
                args=(path,), icon=":material/add:")
    if n:
        right.button("Remove the last", key=f"rm:{path}", on_click=_remove, args=(path, n - 1),
                     icon=":material/remove:")


def model_list(spec: FieldSpec, path: str, cur: state.Current, show_label: bool = True) -> None:
    """A list of records (vaccinations, earlier DMTs): one bordered row each."""
    n = _count(path)
    if show_label:
        st.markdown(f"**{spec.label}**", help=spec.help)
    elif spec.help:
        st.caption(spec.help)
    if n == 0:
        st.caption("None recorded.")
    for i in range(n):
        item = f"{path}[{i}]"
        with st.container(border=True):
            cols = st.columns([3] * len(spec.children) + [1], vertical_alignment="bottom")
            for col, child in zip(cols, spec.children, strict=False):
                with col:
                    field(child, f"{item}.{child.name}", cur)
            cols[-1].button("Remove", key=f"rm:{item}", on_click=_remove, args=(path, i),
                            icon=":material/delete:")
            show_problems(cur.problems_at(item))
            for child in spec.children:
                show_implausible(cur, f"{item}.{child.name}")
    show_problems(cur.problems_at(path))
    st.button(ADD_WORDS.get(spec.pattern, "Add an item"), key=f"add:{path}", on_click=_add,
              args=(path,), icon=":material/add:")


def section(spec: FieldSpec, path: str, cur: state.Current, top: bool) -> None:
    """A group of answers: simple ones in a grid, lists and sub-groups below."""
    if top:
        st.header(spec.label, divider="gray", anchor=False)
    else:
        st.subheader(spec.label, anchor=False)
    if path == "reproductive" and not_asked_for_male(path):
        st.caption("Not asked: the patient is recorded male.")
        return
    if spec.help:
        st.caption(spec.help)
    show_problems(cur.problems_at(path))
    simple = [c for c in spec.children if c.kind not in ("section", "model_list", "date_list")]
    yes_no = [f"{path}.{c.name}" for c in simple if c.kind == "tri_bool"]
    if len(yes_no) >= 2:
        st.button("None of these (answer No to every question still unknown)",
                  key=f"none:{path}", on_click=_none_of_these, args=(tuple(yes_no),),
                  icon=":material/done_all:")
    for start in range(0, len(simple), COLUMNS):
        cols = st.columns(COLUMNS)
        for col, child in zip(cols, simple[start:start + COLUMNS], strict=False):
            with col:
                scalar(child, f"{path}.{child.name}", cur)
    for child in spec.children:
        if child.kind in ("section", "model_list", "date_list"):
            field(child, f"{path}.{child.name}", cur, top=False)


def not_asked_for_male(path: str) -> bool:
    """Pregnancy questions are not asked for a patient recorded male (unless answered)."""
    draft = st.session_state.draft
    answered = any(draft.get(k) not in (None, UNKNOWN) for k in draft
                   if k.startswith(path + "."))
    return draft.get("patient.sex") == "male" and not answered


def field(spec: FieldSpec, path: str, cur: state.Current, top: bool = False) -> None:
    if spec.kind == "section":
        section(spec, path, cur, top)
    elif spec.kind == "model_list":
        if top:
            st.header(spec.label, divider="gray", anchor=False)
        model_list(spec, path, cur, show_label=not top)
    elif spec.kind == "date_list":
        date_list(spec, path, cur)
    else:
        scalar(spec, path, cur)


def step(step: Step, cur: state.Current) -> None:
    """Every field of one step; top-level simple answers share one grid."""
    if step.intro:
        st.caption(step.intro)
    specs = [SPEC_BY_PATTERN[name] for name in step.fields]
    simple = [s for s in specs if s.kind not in ("section", "model_list", "date_list")]
    for start in range(0, len(simple), COLUMNS):
        cols = st.columns(COLUMNS)
        for col, spec in zip(cols, simple[start:start + COLUMNS], strict=False):
            with col:
                scalar(spec, spec.pattern, cur)
    for spec in specs:
        if spec.kind in ("section", "model_list", "date_list"):
            field(spec, spec.pattern, cur, top=True)


def step_titles() -> list[str]:
    return [f"{i + 1}. {s.title}" for i, s in enumerate(STEPS)]
