"""Session state of the app: the profile being built, and its assessment.

The app evaluates nothing itself: it validates the draft with the profile model and asks the
engine's `Advisor` (loaded once per process with `st.cache_resource`). The assessment is
recomputed only when the validated profile changes (compared as JSON), so moving between pages
or switching the audience costs nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st

from dmt_advisor.advisor import Advisor, default_advisor
from dmt_advisor.assessment import Assessment
from dmt_advisor.errors import DmtAdvisorError, FieldProblem, ProfileError
from dmt_advisor.profile import (
    Profile,
    load_profile,
    parse_profile,
    profile_from_bytes,
    profile_from_text,
)
from dmt_advisor.report import Audience

from .fields import draft_to_data, empty_draft, profile_to_draft, spec_for

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_DIR = ROOT / "examples"
WIDGET = "w:"          # prefix of every form widget key; the rest is the profile path
EXAMPLE_ENV = "DMT_ADVISOR_EXAMPLE"
EXAMPLE_PARAM = "example"


@st.cache_resource(show_spinner="Loading the rulebook...")
def advisor() -> Advisor:
    """The engine over the repository's rules, built once per server process."""
    return default_advisor()


@dataclass(frozen=True)
class Example:
    name: str
    path: Path
    description: str


@st.cache_data
def examples() -> dict[str, Example]:
    """The example patients shipped in examples/, described by their first comment line."""
    out = {}
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        description = first.lstrip("# ").strip() if first.startswith("#") else path.stem
        out[path.stem] = Example(path.stem, path, description)
    return out


def today() -> dt.date:
    return dt.date.today()


def audience() -> Audience:
    return Audience(st.session_state.get("audience", Audience.clinician.value))


audience_now = audience  # for functions with a local named `audience`


# ---- the draft ----------------------------------------------------------------------------

def init_session() -> None:
    """First run of a session: empty profile, or the example asked for by URL or env var."""
    ss = st.session_state
    if "draft" in ss:
        return
    ss.draft = empty_draft(today())
    ss.form_step = 0
    ss.assess_count = 0
    ss.notice = None
    wanted = st.query_params.get(EXAMPLE_PARAM) or os.environ.get(EXAMPLE_ENV)
    if wanted:
        try:
            load_example(wanted)
        except ProfileError as exc:
            ss.notice = ("error", f"Could not load the example {wanted!r}: {exc}")


def sync_widgets() -> None:
    """Copy the form's widget values into the draft (widgets are forgotten off their page)."""
    ss = st.session_state
    for key in list(ss.keys()):
        if isinstance(key, str) and key.startswith(WIDGET):
            path = key[len(WIDGET):]
            spec = spec_for(path)
            if spec is not None and spec.kind not in ("section", "model_list", "date_list"):
                ss.draft[path] = spec.from_widget(ss[key])
            elif spec is not None and spec.kind == "date_list":
                ss.draft[path] = ss[key]


def forget_widgets(prefix: str = "") -> None:
    """Drop widget values so the widgets re-read the draft (after a load or a removal)."""
    ss = st.session_state
    for key in list(ss.keys()):
        if isinstance(key, str) and key.startswith(WIDGET + prefix):
            del ss[key]


def set_draft(draft: dict[str, Any], notice: str | None = None) -> None:
    forget_widgets()
    st.session_state.draft = draft
    st.session_state.form_step = 0
    st.session_state.notice = ("success", notice) if notice else None


def resolve_example(name_or_path: str) -> Path:
    """An example by name (`rrms-ready-to-start`) or by path (`examples/x.yaml`)."""
    known = examples()
    stem = Path(name_or_path).stem
    if stem in known:
        return known[stem].path
    path = Path(name_or_path)
    return path if path.is_absolute() else ROOT / path


def load_example(name_or_path: str) -> Profile:
    profile = load_profile(resolve_example(name_or_path))
    set_draft(profile_to_draft(profile), f"Loaded the example patient '{Path(name_or_path).stem}'.")
    return profile


def load_text(text: str, source: str) -> None:
    """Load an uploaded profile; a bad file leaves the current profile as it was."""
    try:
        profile = profile_from_text(text, source)
    except ProfileError as exc:
        st.session_state.notice = ("error", str(exc))
        return
    set_draft(profile_to_draft(profile), f"Loaded {source}.")


def load_bytes(data: bytes, source: str) -> None:
    """Load an uploaded file as it came: too big, not UTF-8 or malformed is one clear error."""
    try:
        profile = profile_from_bytes(data, source)
    except ProfileError as exc:
        st.session_state.notice = ("error", str(exc))
        return
    set_draft(profile_to_draft(profile), f"Loaded {source}.")


def new_profile() -> None:
    set_draft(empty_draft(today()), "Started a new, empty profile.")


# ---- profile and assessment ---------------------------------------------------------------

@dataclass
class Current:
    """What the pages show: the profile (if valid), its problems, and its assessment."""

    profile: Profile | None
    problems: list[FieldProblem] = field(default_factory=list)
    assessment: Assessment | None = None
    error: str | None = None

    def problems_at(self, path: str) -> list[str]:
        return [p.message for p in self.problems if p.path == path]


def page_start(clinician_title: str, patient_title: str,
               waiting: str) -> tuple[Profile, Assessment, Audience]:
    """Title a page that needs an assessment; without one, say why and stop the page."""
    cur, audience = current(), audience_now()
    st.title(patient_title if audience is Audience.patient else clinician_title)
    if cur.assessment is None or cur.profile is None:
        if cur.error:
            st.error(f"The engine could not assess this profile: {cur.error}")
        st.info(f"{waiting} appears once the profile can be assessed.",
                icon=":material/edit_note:")
        st.page_link("views/profile.py", label="Go to the profile", icon=":material/arrow_back:")
        st.stop()
    return cur.profile, cur.assessment, audience


def current() -> Current:
    """Validate the draft and assess it, re-running the engine only when the profile changed."""
    ss = st.session_state
    try:
        profile = parse_profile(draft_to_data(ss.draft))
    except ProfileError as exc:
        return Current(None, exc.problems)
    key = profile.model_dump_json()
    if ss.get("assessed_key") != key:
        try:
            ss.assessment = advisor().assess(profile)
            ss.assessment_error = None
        except DmtAdvisorError as exc:  # an engine refusal is shown, never a traceback
            ss.assessment, ss.assessment_error = None, str(exc)
        ss.assessed_key = key
        ss.assess_count = ss.get("assess_count", 0) + 1
    return Current(profile, [], ss.get("assessment"), ss.get("assessment_error"))
