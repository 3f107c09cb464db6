"""The profile form, derived from the pydantic profile model (no Streamlit here).

The form is not hand-written field by field: it walks `dmt_advisor.profile.Profile` and turns
each field into a `FieldSpec` (what widget, which options, which label). Labels and help come
from `LABELS`, with a generic fallback, so a field added to the profile model appears in the
form without a code change here. The values a person enters live in a flat *draft*
(`{"screening.hbsag": "negative", "vaccinations[0].date": date(...), "#vaccinations": 1}`),
which `draft_to_data` turns back into the nested mapping the profile model validates.

Unknown is a first-class answer: every optional field offers it ("Not tested yet" for tests,
"Unknown" otherwise) and it is the starting value; nothing defaults to negative or normal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from dmt_advisor.field_words import LABELS, Label
from dmt_advisor.profile import Profile

UNKNOWN = "unknown"
YES = "yes"
NO = "no"
NOT_TESTED = "Not tested yet"
NOT_RECORDED = "Unknown"

# Sections whose answers are test results: their unknown reads "Not tested yet".
TEST_SECTIONS = ("screening", "labs")

# Top-level fields never shown: the format number is fixed by the app.
HIDDEN = frozenset({"format"})

Kind = Literal["tri_bool", "choice", "int", "float", "date", "text", "date_list", "model_list",
               "section"]


# Words for option values where the raw value is not what a person reads.
OPTION_WORDS: dict[str, str] = {
    YES: "Yes", NO: "No", "non_live": "Non-live", "live": "Live", "patient_choice":
    "Patient choice", "IV": "IV", "SC": "SC (Zunovo)", "US": "US", "EU": "EU",
}


@dataclass(frozen=True)
class FieldSpec:
    """One form field: where it lives in the profile, and how a person answers it."""

    pattern: str          # path with list indices written `[]`: `vaccinations[].date`
    name: str
    kind: Kind
    label: str
    help: str | None
    required: bool        # no "unknown" answer (the model has no None for it)
    optional_parent: bool  # inside an optional sub-model or a list item
    options: tuple[str, ...] = ()  # for choice / tri_bool: widget option values
    unknown_label: str = NOT_RECORDED
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    many: bool = False  # a list of `options` typed as text ("a, b"; "none" = empty list)
    children: tuple[FieldSpec, ...] = field(default=())

    def to_widget(self, value: Any) -> Any:
        """A draft value as the widget holds it (radio options are strings)."""
        if self.kind == "tri_bool":
            return UNKNOWN if value is None else (YES if value else NO)
        if self.kind == "choice":
            if value is None:
                return None if self.required else UNKNOWN
            return str(value.value if isinstance(value, Enum) else value)
        if self.kind == "date" and isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return None
        if self.kind == "float" and value is not None:
            return float(value)
        if self.kind == "int" and isinstance(value, float) and value.is_integer():
            return int(value)
        if self.kind == "text" and self.many:
            return "" if value is None else ", ".join(str(v) for v in value) or "none"
        if self.kind == "text":
            return "" if value is None else str(value)
        return value

    def from_widget(self, value: Any) -> Any:
        """A widget value as the draft keeps it: None is unknown."""
        if self.kind == "tri_bool":
            return {YES: True, NO: False}.get(value)
        if self.kind == "choice":
            return None if value in (None, UNKNOWN) else value
        if self.kind == "text" and self.many and isinstance(value, str):
            words = [w.strip() for w in value.split(",") if w.strip()]
            return None if not words else [] if words == ["none"] else words
        if self.kind == "text":
            return value.strip() or None if isinstance(value, str) else value
        return value

    def word(self, option: str | None) -> str:
        """What a person reads for an option value."""
        if option is None or option == UNKNOWN:
            return self.unknown_label
        return OPTION_WORDS.get(option, option.replace("_", " ").replace("-", " ").capitalize()
                                if option.islower() else option)


def _humanize(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    """`X | None` -> (X, True)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        has_none = len(args) < len(typing.get_args(annotation))
        if len(args) == 1:
            return args[0], has_none
    return annotation, False


def _bounds(info: FieldInfo) -> tuple[float | None, float | None, float | None]:
    low = high = step = None
    for meta in info.metadata:
        if isinstance(meta, annotated_types.Ge | annotated_types.Gt):
            low = float(getattr(meta, "ge", getattr(meta, "gt", 0)))
        elif isinstance(meta, annotated_types.Le | annotated_types.Lt):
            high = float(getattr(meta, "le", getattr(meta, "lt", 0)))
        elif isinstance(meta, annotated_types.MultipleOf):
            step = float(meta.multiple_of)
    return low, high, step


def _label(pattern: str, name: str, info: FieldInfo) -> Label:
    return LABELS.get(pattern) or Label(info.title or _humanize(name), info.description)


def _spec(pattern: str, name: str, info: FieldInfo, in_optional: bool, section: str) -> FieldSpec:
    annotation, optional = _strip_optional(info.annotation)
    label = _label(pattern, name, info)
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    required = not optional
    unknown_label = NOT_TESTED if section in TEST_SECTIONS else NOT_RECORDED
    common: dict[str, Any] = dict(pattern=pattern, name=name, label=label.text, help=label.help,
                                  required=required, optional_parent=in_optional,
                                  unknown_label=unknown_label)
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FieldSpec(kind="section", children=model_specs(
            annotation, pattern, in_optional or optional, section), **common)
    if origin is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return FieldSpec(kind="model_list", children=model_specs(
                item, pattern + "[]", True, section), **common)
        if item is dt.date:
            return FieldSpec(kind="date_list", **common)
        if isinstance(item, type) and issubclass(item, Enum):
            # a list of a closed vocabulary (issue 9: history.hypersensitivity_to,
            # medications.current): comma-separated text, "none" for an empty list
            values = tuple(str(m.value) for m in item)
            return FieldSpec(kind="text", options=values, many=True, **{
                **common, "help": (label.help or "") + " Comma-separated, from: "
                + ", ".join(values) + "; 'none' for none; empty if not recorded."})
        return FieldSpec(kind="text", **common)
    if annotation is bool:
        return FieldSpec(kind="tri_bool", options=(UNKNOWN, YES, NO), **common)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        values = tuple(str(m.value) for m in annotation)
        options = values if required else (UNKNOWN, *values)
        return FieldSpec(kind="choice", options=options,
                         default=default.value if isinstance(default, Enum) else default,
                         **common)
    if origin is Literal:
        values = tuple(str(v) for v in typing.get_args(annotation))
        return FieldSpec(kind="choice", options=values if required else (UNKNOWN, *values),
                         default=default, **common)
    if annotation is int or annotation is float:
        low, high, step = _bounds(info)
        return FieldSpec(kind="int" if annotation is int else "float", minimum=low,
                         maximum=high, step=step, default=default, **common)
    if annotation is dt.date:
        return FieldSpec(kind="date", default=default, **common)
    return FieldSpec(kind="text", default=default, **common)


def model_specs(model: type[BaseModel], prefix: str = "", in_optional: bool = False,
                section: str | None = None) -> tuple[FieldSpec, ...]:
    """Every field of `model`, in model order, as form specs (recursively)."""
    out = []
    for name, info in model.model_fields.items():
        if not prefix and name in HIDDEN:
            continue
        pattern = f"{prefix}.{name}" if prefix else name
        out.append(_spec(pattern, name, info, in_optional, section or name))
    return tuple(out)


PROFILE_SPECS: tuple[FieldSpec, ...] = model_specs(Profile)


def _index(specs: tuple[FieldSpec, ...]) -> dict[str, FieldSpec]:
    table: dict[str, FieldSpec] = {}
    for spec in specs:
        table[spec.pattern] = spec
        table.update(_index(spec.children))
    return table


SPEC_BY_PATTERN: dict[str, FieldSpec] = _index(PROFILE_SPECS)
_INDEX = re.compile(r"\[\d+\]")


def pattern_of(path: str) -> str:
    """`vaccinations[2].date` -> `vaccinations[].date`; a dose `doses[1]` -> `doses`."""
    pattern = _INDEX.sub("[]", path)
    if pattern not in SPEC_BY_PATTERN and pattern.endswith("[]"):
        pattern = pattern[:-2]
    return pattern


def spec_for(path: str) -> FieldSpec | None:
    return SPEC_BY_PATTERN.get(pattern_of(path))


def count_key(path: str) -> str:
    """Draft key holding how many items the list at `path` has."""
    return "#" + path


# ---- steps of the guided form --------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    title: str
    fields: tuple[str, ...]  # top-level profile field names shown in this step
    intro: str = ""


_STEP_PLAN: tuple[Step, ...] = (
    Step("Patient", ("assessed_on", "jurisdiction", "patient"),
         "Who is assessed, on which date, and under which label set."),
    Step("Diagnosis and activity", ("diagnosis", "activity"),
         "Phenotype and recent disease activity. Leave a value empty when it is not known."),
    Step("Screening results", ("screening", "labs"),
         "Tests before treatment. A test not done yet is 'Not tested yet', never normal."),
    Step("Infections and history", ("infection", "history")),
    Step("Vaccinations", ("vaccinations",),
         "Recent vaccines, live or non-live. An empty list means none recorded."),
    Step("Pregnancy", ("reproductive",)),
    Step("Treatments", ("treatment",),
         "The current DMT, earlier DMTs, and ocrelizumab doses already given."),
)
REVIEW = "Review"


def form_steps() -> tuple[Step, ...]:
    """The steps, with any profile section no step names gathered in a final 'More' step."""
    top = [s.name for s in PROFILE_SPECS]
    planned = {name for step in _STEP_PLAN for name in step.fields}
    steps = [Step(s.title, tuple(f for f in s.fields if f in top), s.intro) for s in _STEP_PLAN]
    steps = [s for s in steps if s.fields]
    rest = tuple(name for name in top if name not in planned)
    if rest:
        steps.append(Step("More", rest, "Further profile fields."))
    return tuple(steps)


STEPS: tuple[Step, ...] = form_steps()


def step_of(path: str) -> int:
    """The index of the step whose fields supply `path` (0 when none does)."""
    top = re.split(r"[.\[]", path, maxsplit=1)[0]
    for i, step in enumerate(STEPS):
        if top in step.fields:
            return i
    return 0


def label_of(path: str) -> str:
    """A readable name for a profile path: `Screening before treatment > HBsAg`."""
    parts = re.split(r"\.(?![^\[]*\])", path)
    words = []
    for i in range(len(parts)):
        sub = ".".join(parts[: i + 1])
        spec = spec_for(sub)
        words.append(spec.label if spec else _humanize(_INDEX.sub("", parts[i])))
    return " > ".join(words)


# ---- draft <-> profile data --------------------------------------------------------------

def empty_draft(today: dt.date | None = None) -> dict[str, Any]:
    """A new profile: only the defaults the model itself has (date, label set)."""
    draft: dict[str, Any] = {}
    for spec in PROFILE_SPECS:
        if spec.kind not in ("section", "model_list", "date_list") and spec.default is not None:
            draft[spec.pattern] = spec.default
    if today is not None:
        draft["assessed_on"] = today
    return draft


def data_to_draft(data: dict[str, Any]) -> dict[str, Any]:
    """A nested profile mapping (from YAML/JSON or a model dump) as a flat draft."""
    draft: dict[str, Any] = {}

    def walk(value: Any, path: str) -> None:
        spec = spec_for(path) if path else None
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(sub, f"{path}.{key}" if path else key)
        elif isinstance(value, list) and spec is not None and spec.many:
            draft[path] = [v.value if isinstance(v, Enum) else v for v in value]
        elif isinstance(value, list):
            draft[count_key(path)] = len(value)
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")
        elif spec is not None and spec.kind in ("date", "date_list"):
            draft[path] = _date_or_text(value)
        else:
            draft[path] = value.value if isinstance(value, Enum) else value

    walk({k: v for k, v in data.items() if k not in HIDDEN}, "")
    return draft


def _date_or_text(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def profile_to_draft(profile: Profile) -> dict[str, Any]:
    return data_to_draft(json.loads(profile.model_dump_json(exclude_none=True)))


def draft_to_data(draft: dict[str, Any]) -> dict[str, Any]:
    """The nested mapping the profile model validates; unknown answers are left out."""
    data: dict[str, Any] = {"format": 1}
    data.update(_build(PROFILE_SPECS, "", draft))
    return data


def _build(specs: tuple[FieldSpec, ...], prefix: str, draft: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in specs:
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        if spec.kind == "section":
            sub = _build(spec.children, path, draft)
            if sub or (spec.required and not spec.optional_parent):
                # A required part is always sent, so the model names the missing answer
                # inside it (`diagnosis.phenotype`) rather than the whole part.
                out[spec.name] = sub
        elif spec.kind == "model_list":
            items = [_build(spec.children, f"{path}[{i}]", draft)
                     for i in range(int(draft.get(count_key(path), 0)))]
            while items and not items[-1]:
                items.pop()  # a row just added and not filled in yet: not an answer
            if items:
                out[spec.name] = items
        elif spec.kind == "date_list":
            dates = [draft.get(f"{path}[{i}]") for i in range(int(draft.get(count_key(path), 0)))]
            while dates and dates[-1] is None:
                dates.pop()
            if dates:
                out[spec.name] = dates
        else:
            value = draft.get(path)
            if value is not None and value != "":
                out[spec.name] = value
    return out


def remove_item(draft: dict[str, Any], list_path: str, index: int) -> dict[str, Any]:
    """The draft without item `index` of the list at `list_path` (later items move up)."""
    n = int(draft.get(count_key(list_path), 0))
    out = {k: v for k, v in draft.items() if not k.startswith(list_path + "[")}
    new_i = 0
    for i in range(n):
        if i == index:
            continue
        old_prefix, new_prefix = f"{list_path}[{i}]", f"{list_path}[{new_i}]"
        for key, value in draft.items():
            if key == old_prefix or key.startswith(old_prefix + ".") or key.startswith(
                    old_prefix + "["):
                out[new_prefix + key[len(old_prefix):]] = value
        new_i += 1
    out[count_key(list_path)] = new_i
    return out


def add_item(draft: dict[str, Any], list_path: str) -> dict[str, Any]:
    out = dict(draft)
    out[count_key(list_path)] = int(draft.get(count_key(list_path), 0)) + 1
    return out
