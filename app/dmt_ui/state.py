"""Session state of the app: the profile being built, and its assessment.

The app evaluates nothing itself: it validates the draft with the profile model and asks the
engine's `Advisor` (loaded once per process with `st.cache_resource`). The assessment is
recomputed only when the validated profile changes (compared as JSON), so moving between pages
or switching the audience costs nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st

from dmt_advisor.advisor import Advisor, default_advisor
from dmt_advisor.assessment import Assessment, DrugAssessment
from dmt_advisor.errors import DmtAdvisorError, FieldProblem, ProfileError
from dmt_advisor.profile import (
    Profile,
    load_profile,
    parse_profile,
    profile_from_bytes,
)
from dmt_advisor.report import Audience

from . import sessions
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
    return Audience(st.session_state.get("audience") or Audience.clinician.value)


audience_now = audience  # for functions with a local named `audience`


# ---- the draft ----------------------------------------------------------------------------

def init_session() -> None:
    """First run of a session: the patient of this tab after a reload, else an empty profile.

    An example is loaded only when asked for (`?example=` in the URL, or the Load button); the
    `DMT_ADVISOR_EXAMPLE` variable only pre-selects one in the chooser, so a reload or a new tab
    can never swap the patient on screen for the demo patient.
    """
    ss = st.session_state
    if "draft" in ss:
        if st.query_params.get(sessions.TOKEN_PARAM) != ss.token:
            st.query_params[sessions.TOKEN_PARAM] = ss.token  # page links drop the query
        return
    ss.draft = empty_draft(today())
    ss.baseline = copy.deepcopy(ss.draft)
    ss.form_step = 0
    ss.assess_count = 0
    ss.notice = None
    ss.pending = None
    ss.upload_gen = 0
    ss.patient_label = ""
    ss.audience = Audience.clinician.value
    token = st.query_params.get(sessions.TOKEN_PARAM)
    wanted = st.query_params.get(EXAMPLE_PARAM)
    preselect = os.environ.get(EXAMPLE_ENV)
    if preselect and Path(preselect).stem in examples():
        ss.example_choice = Path(preselect).stem
    if token:
        saved = sessions.restore(token)
        if saved is not None:
            ss.token = token
            ss.draft, ss.baseline = saved.draft, copy.deepcopy(saved.draft)
            ss.patient_label = saved.patient_label
            ss.notice = ("success", "Restored the patient you were working on"
                         + (f" ({saved.patient_label})" if saved.patient_label else "") + ".")
            return
        ss.notice = ("error", "The patient you were working on in this tab could not be restored "
                     "(the app was restarted or the entry is more than 12 hours old). Nothing "
                     "else was loaded: start a new profile, or upload the saved profile file.")
    ss.token = sessions.new_token()
    st.query_params[sessions.TOKEN_PARAM] = ss.token
    if wanted and not token:
        try:
            load_example(wanted)
        except ProfileError as exc:
            ss.notice = ("error", f"Could not load the example {wanted!r}: {exc}")
    if EXAMPLE_PARAM in st.query_params:
        del st.query_params[EXAMPLE_PARAM]  # a reload restores by token, never the example


def persist() -> None:
    """Keep this tab's patient (draft and label) for a reload; called on every run."""
    ss = st.session_state
    sessions.save(ss.token, ss.draft, patient_label())


def patient_label() -> str:
    """The clinician's label for this patient (initials or clinic number), or ""."""
    return str(st.session_state.get("patient_label") or "").strip()


def file_stem(kind: str) -> str:
    """`dmt-advisor-summary-AB12-2026-11-22`: the patient label keeps two patients' files apart."""
    from dmt_advisor.report import label_for_filename

    on = st.session_state.draft.get("assessed_on")
    parts = ["dmt-advisor", kind, label_for_filename(patient_label()),
             on.isoformat() if isinstance(on, dt.date) else ""]
    return "-".join(p for p in parts if p)


def unsaved_work() -> bool:
    """True when the draft differs from what was last loaded or started (work would be lost)."""
    ss = st.session_state
    return _answers(ss.draft) != _answers(ss.get("baseline") or {})


def _answers(draft: dict[str, Any]) -> dict[str, Any]:
    """The answers given: an unanswered widget (None, empty) is not work to lose."""
    return {k: v for k, v in draft.items() if v not in (None, "", [], 0) or
            (v == 0 and not k.startswith("#"))}


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


def set_draft(draft: dict[str, Any], notice: str | None = None, label: str = "") -> None:
    """Replace the patient on screen (a new patient: the label goes with the old one)."""
    forget_widgets()
    ss = st.session_state
    ss.draft = draft
    ss.baseline = copy.deepcopy(draft)
    ss.form_step = 0
    ss.patient_label = label
    ss.pending = None
    ss.notice = ("success", notice) if notice else None


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


def load_upload(data: bytes, source: str) -> bool:
    """Load an uploaded profile as it came (size, UTF-8, JSON or YAML checked by the bounded
    loader); a bad file leaves the current profile as it was and says so.

    The uploader is reset either way (a new widget key), so a failed file's name never sits
    beside the verdict of the patient still on screen.
    """
    ss = st.session_state
    ss.upload_gen = ss.get("upload_gen", 0) + 1
    try:
        profile = profile_from_bytes(data, source)
    except ProfileError as exc:
        kept = patient_label()
        ss.notice = ("error", f"{exc}\n\nNothing was loaded from {source}. The profile on "
                     f"screen is still the previous one{f' ({kept})' if kept else ''}.")
        return False
    set_draft(profile_to_draft(profile), f"Loaded {source}.")
    return True


# ---- replacing the patient on screen asks first when there is unsaved work ----------------

def request(action: str, arg: str = "", data: bytes = b"") -> None:
    """Run `action` (example | upload | fhir | new) now, or ask first when work would be lost."""
    if unsaved_work():
        st.session_state.pending = (action, arg, data)
        if action == "upload":
            st.session_state.upload_gen = st.session_state.get("upload_gen", 0) + 1
        return
    _run(action, arg, data)


def request_draft(action: str, source: str, draft: dict[str, Any], notice: str) -> None:
    """Replace the patient with a draft made elsewhere (a FHIR import), asking first when
    work would be lost, like `request`."""
    st.session_state.draft_pending = (draft, notice)
    request(action, source)


def confirm_pending() -> None:
    pending = st.session_state.get("pending")
    st.session_state.pending = None
    if pending:
        _run(*pending)


def cancel_pending() -> None:
    pending = st.session_state.get("pending")
    st.session_state.pending = None
    if pending and pending[0] == "fhir":  # its mapped/not-mapped report is not the patient's
        st.session_state.draft_pending = None
        st.session_state.fhir_import = None


def _run(action: str, arg: str, data: bytes) -> None:
    if action == "example":
        try:
            load_example(arg)
        except ProfileError as exc:
            st.session_state.notice = ("error", f"Could not load the example {arg!r}: {exc}")
    elif action == "upload":
        load_upload(data, arg)
    elif action == "fhir":
        made = st.session_state.get("draft_pending")
        st.session_state.draft_pending = None
        if made is not None:
            set_draft(*made)
    else:
        new_profile()


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
    implausible: list[Any] = field(default_factory=list)

    def problems_at(self, path: str) -> list[str]:
        return [p.message for p in self.problems if p.path == path]

    def implausible_at(self, path: str) -> list[str]:
        return [p.message for p in self.implausible if p.path == path]


def steps() -> dict[str, Any]:
    """The next steps of the current assessment (derived, cached with the assessment)."""
    from dmt_advisor.next_steps import next_steps

    ss = st.session_state
    cur = current()
    if cur.assessment is None or cur.profile is None:
        return {}
    key = ss.get("assessed_key")
    if ss.get("steps_key") != key:
        ss.next_steps = next_steps(cur.assessment, cur.profile, advisor().rulebook)
        ss.steps_key = key
    return ss.next_steps


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
    from dmt_advisor.plausibility import check

    return Current(profile, [], ss.get("assessment"), ss.get("assessment_error"),
                   check(profile, today(), advisor().rulebook))


# ---- the drug the detail pages show ------------------------------------------------------

DETAIL_WIDGET = "details_for"   # the sidebar select (Streamlit drops a widget's key when unseen)
DETAIL_CHOICE = "detail_drug"   # the choice itself, kept across reruns and page switches
DETAIL_BASIS = "detail_basis"   # the current DMT the default was taken from


def default_drug(assessment: Assessment, profile: Profile) -> str:
    """The patient's current DMT when the rulebook has it, else ocrelizumab, else the first:
    the drug a clinician most likely opened the patient for."""
    ids = [item.drug for item in assessment.assessments]
    current = profile.treatment.current
    if current is not None:
        for item in assessment.assessments:
            if current.drug.value in (item.drug, getattr(item.about, "dmt", None)):
                return item.drug
    return "ocrelizumab" if "ocrelizumab" in ids else ids[0]


def detail_drug(assessment: Assessment, profile: Profile) -> DrugAssessment:
    """The one drug the Recommendation, Schedule and Summary pages show (19 drugs on one page
    would bury the one being discussed). The user's choice holds until the patient's current
    DMT changes (another patient, another example); then the default follows it again."""
    ss = st.session_state
    ids = [item.drug for item in assessment.assessments]
    current = profile.treatment.current
    basis = current.drug.value if current is not None else None
    if ss.get(DETAIL_CHOICE) not in ids or ss.get(DETAIL_BASIS) != basis:
        ss[DETAIL_CHOICE] = default_drug(assessment, profile)
        ss[DETAIL_BASIS] = basis
    return assessment.for_drug(ss[DETAIL_CHOICE])


def choose_drug(drug: str) -> None:
    """Make `drug` the one the detail pages show (the Options page's "show details")."""
    st.session_state[DETAIL_CHOICE] = drug


def detail_select(assessment: Assessment, profile: Profile) -> DrugAssessment:
    """The sidebar's "Details for" select; returns the chosen drug's assessment."""
    from dmt_advisor.report import drug_title

    ss = st.session_state
    chosen = detail_drug(assessment, profile)
    titles = {item.drug: drug_title(item) for item in assessment.assessments}
    ss[DETAIL_WIDGET] = chosen.drug

    def keep() -> None:
        ss[DETAIL_CHOICE] = ss[DETAIL_WIDGET]

    st.selectbox("Details for", list(titles), key=DETAIL_WIDGET, format_func=titles.get,
                 on_change=keep,
                 help="The drug the Recommendation, Schedule and Summary pages show. The "
                      "Options page lists every drug.")
    return assessment.for_drug(ss[DETAIL_CHOICE])
