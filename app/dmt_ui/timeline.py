"""The schedule page's timeline: profile doses and assessment dates as rows for an Altair chart.

Arranging dates the profile and the assessment already hold is all this does: which dose is
due when is decided by the engine (`DrugAssessment.schedule`), never here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import altair as alt
import pandas as pd

from dmt_advisor.assessment import DrugAssessment
from dmt_advisor.profile import Profile
from dmt_advisor.report import schedule_shown

LANE_DOSES = "Doses given"
LANE_SCHEDULE = "Scheduled"
LANE_WORKUP = "Work-up"
LANE_MONITORING = "Monitoring"
LANES = (LANE_DOSES, LANE_SCHEDULE, LANE_WORKUP, LANE_MONITORING)
PATIENT_LANES = {LANE_DOSES: "Doses given", LANE_SCHEDULE: "Next dates",
                 LANE_WORKUP: "Tests before a dose", LANE_MONITORING: "Check-ups"}
LANE_COLOR = {LANE_DOSES: "#2f5d8a", LANE_SCHEDULE: "#2e7d4f", LANE_WORKUP: "#b26a00",
              LANE_MONITORING: "#6b5ca5"}
CHECK_CATEGORIES = ("workup", "monitoring")
COLUMNS = ("lane", "kind", "date", "start", "end", "label", "detail")
MONTHS = alt.Axis(format="%b %Y", labelFontSize=12, grid=True, gridOpacity=0.35)


@dataclass(frozen=True)
class Row:
    lane: str
    kind: str            # dose | due | window | check
    date: dt.date | None
    label: str
    detail: str = ""
    start: dt.date | None = None
    end: dt.date | None = None

    def as_record(self) -> dict[str, object]:
        return asdict(self)


def doses(profile: Profile, drug: str) -> list[dt.date]:
    """Recorded doses of `drug` (the profile keeps an ocrelizumab dose history)."""
    history = getattr(profile.treatment, drug, None)
    return sorted(getattr(history, "doses", []) or [])


def relevant(profile: Profile, item: DrugAssessment) -> bool:
    """On or starting this drug: doses recorded, dates planned, or it is the current DMT."""
    current = profile.treatment.current
    return bool(doses(profile, item.drug) or schedule_shown(item)
                or (current is not None and current.drug.value == item.drug))


def rows(profile: Profile, item: DrugAssessment, patient: bool = False) -> list[Row]:
    out: list[Row] = []
    history = getattr(profile.treatment, item.drug, None)
    form = getattr(getattr(history, "formulation", None), "value", None)
    for n, when in enumerate(doses(profile, item.drug), start=1):
        out.append(Row(LANE_DOSES, "dose", when, f"Dose {n}" + (f" ({form})" if form else "")))
    current = profile.treatment.current
    if current is not None and current.last_dose and current.drug.value != item.drug:
        out.append(Row(LANE_DOSES, "dose", current.last_dose,
                       f"Last {current.drug.value} dose"))
    for s in schedule_shown(item):
        detail = " ".join(filter(None, [s.status and f"[{s.status}]", s.detail]))
        if s.earliest or s.latest:
            out.append(Row(LANE_SCHEDULE, "window", None, f"{s.event}: window", detail,
                           start=s.earliest or s.due, end=s.latest or s.due))
        if s.due or s.earliest:
            out.append(Row(LANE_SCHEDULE, "due", s.due or s.earliest, s.event, detail))
    for f in item.findings:
        if f.category in CHECK_CATEGORIES:
            lane = LANE_WORKUP if f.category == "workup" else LANE_MONITORING
            out.append(Row(lane, "check", profile.assessed_on,
                           f.patient_summary if patient else f.summary,
                           "" if patient else f.rule_id))
    if patient:
        out = [Row(PATIENT_LANES[r.lane], r.kind, r.date, r.label, r.detail, r.start, r.end)
               for r in out]
    return out


def describe(rows: list[Row], assessed_on: dt.date) -> str:
    """The chart in words (its text alternative): every dot and window with its date."""
    parts = []
    for r in rows:
        if r.kind == "window":
            parts.append(f"{r.label} from {r.start} to {r.end}")
        elif r.kind != "check":
            parts.append(f"{r.label} on {r.date}")
    checks = sum(1 for r in rows if r.kind == "check")
    if checks:
        parts.append(f"{checks} check(s) on the assessment date")
    return (f"Timeline around the assessment date {assessed_on}: " + "; ".join(parts) + "."
            if parts else f"Timeline around the assessment date {assessed_on}: nothing dated.")


def chart(frame: pd.DataFrame, assessed_on: dt.date,
          description: str = "Timeline of doses and dates") -> alt.LayerChart:
    """Lanes of dots (doses, due dates, checks) and bars (date windows), and a dashed 'today'."""
    frame = frame.reindex(columns=list(COLUMNS))
    for col in ("date", "start", "end"):
        frame[col] = pd.to_datetime(frame[col])
    lanes = [lane for lane in (*LANES, *PATIENT_LANES.values()) if lane in set(frame["lane"])]
    lanes = list(dict.fromkeys(lanes)) or [LANE_DOSES]
    colors = [LANE_COLOR.get(lane) or LANE_COLOR[_canonical(lane)] for lane in lanes]
    dates = [assessed_on, *frame["date"].dropna().dt.date, *frame["start"].dropna().dt.date,
             *frame["end"].dropna().dt.date]
    low = min(dates) - dt.timedelta(days=45)
    high = max(max(dates), assessed_on + dt.timedelta(days=90)) + dt.timedelta(days=45)
    x_scale = alt.Scale(domain=[low.isoformat(), high.isoformat()])
    y = alt.Y("lane:N", sort=lanes, scale=alt.Scale(domain=lanes), title=None,
              axis=alt.Axis(labelFontSize=13, labelLimit=220))
    color = alt.Color("lane:N", scale=alt.Scale(domain=lanes, range=colors), legend=None)
    base = alt.Chart(frame)
    tooltip = [alt.Tooltip("label:N", title="What"), alt.Tooltip("date:T", title="Date"),
               alt.Tooltip("detail:N", title="Detail")]
    windows = base.transform_filter(alt.datum.kind == "window").mark_bar(
        height=14, opacity=0.25, cornerRadius=4).encode(
        x=alt.X("start:T", title=None, axis=MONTHS), x2="end:T", y=y, color=color,
        tooltip=[alt.Tooltip("label:N", title="What"), alt.Tooltip("start:T", title="From"),
                 alt.Tooltip("end:T", title="To")])
    points = base.transform_filter(alt.datum.kind != "window").mark_point(
        filled=True, size=140, opacity=0.9).encode(
        x=alt.X("date:T", title=None, axis=MONTHS), y=y, color=color,
        tooltip=tooltip,
        shape=alt.Shape("kind:N", scale=alt.Scale(domain=["dose", "due", "check"],
                                                  range=["circle", "diamond", "square"]),
                        legend=None))
    today = alt.Chart(pd.DataFrame({"date": [pd.Timestamp(assessed_on)], "label": [
        f"Assessment {assessed_on.isoformat()}"]})).mark_rule(
        strokeDash=[5, 4], color="#888").encode(
            x=alt.X("date:T", scale=x_scale, title=None, axis=MONTHS),  # the one x scale
            tooltip=[alt.Tooltip("label:N", title="")])
    # Only layers with rows: an empty layer makes Vega warn about an infinite extent.
    layers = [layer for layer, kinds in ((windows, {"window"}), (points, {"dose", "due", "check"}))
              if set(frame["kind"].dropna()) & kinds]
    return alt.layer(today, *layers).properties(height=70 * len(lanes) + 40,
                                                description=description)


def _canonical(lane: str) -> str:
    for key, word in PATIENT_LANES.items():
        if word == lane:
            return key
    return LANE_DOSES


def schedule_table(item: DrugAssessment, patient: bool) -> pd.DataFrame:
    records = []
    for s in schedule_shown(item):
        held = s.status == "on_hold"
        record: dict[str, object] = {"Event": s.event, "Earliest": s.earliest, "Due": s.due,
                                     "Latest": s.latest,
                                     "Status": "on hold" if held else s.status,
                                     "Detail": s.detail}
        if patient and held:
            record["Detail"] = "On hold for now; your care team will say what has to happen first."
        if not patient:
            record["Rule"] = s.rule_id
            if any(i.held_by for i in item.schedule):  # what holds a dose and what releases it
                record["Held by"] = ", ".join(s.held_by)
                record["Released when"] = s.release
        records.append({k: ("" if v is None else v) for k, v in record.items()})
    return pd.DataFrame(records)
