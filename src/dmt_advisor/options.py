"""The options view: every assessed drug side by side, grouped by verdict, never ranked.

A view helper like `report.py`: it is computed from an `Assessment` only (the verdicts, the
findings with their rule ids and citations, the missing fields and each drug's `about`, the
drug.yaml content the assessment carries); it evaluates no rule and reads no rule file. The
rule ids that carry a safety hazard can be passed in (`hazards`, from the loaded rulebook's
metadata) so a hazard-bearing precaution is counted among the key risks.

Order: groups follow the verdict (options that may be possible first, then those needing work,
then those not advised); inside a group drugs are alphabetical. The order is never a ranking
and every view says so. Efficacy is shown only where a drug's `about.efficacy_group` is set
and cited, always with the note that cross-trial comparisons are not like for like.
For a drug not advised (contraindicated, not indicated) the patient wording says only
"not an option for you now, because ..." and nothing about how it is given.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dmt_advisor.assessment import Assessment, CitationOut, DrugAssessment, Finding
from dmt_advisor.field_words import field_words, is_test
from dmt_advisor.next_steps import NOT_ADVISED
from dmt_advisor.report import OFF_LABEL, PATIENT_VERDICT_LABEL, VERDICT_LABEL, Audience
from dmt_advisor.rulebook.model import Category, Verdict

NOT_DESCRIBED = "not described"
ORDER_NOTE = ("Grouped by verdict; alphabetical within a group. The order is not a ranking: "
              "the choice is made by the patient with their clinician.")
PATIENT_ORDER_NOTE = ("Grouped by what the check found; in alphabetical order inside each "
                      "group. The order does not say which medicine is better.")
EFFICACY_NOTE = ("Efficacy groups are the cited source's own grouping; cross-trial comparisons "
                 "are not like for like (different populations, eras and end points).")
PATIENT_EFFICACY_NOTE = ("How well a medicine works comes from different studies in different "
                         "people, so these groups cannot be compared like for like.")

# Groups in this order: possible options first, then those needing work, then not advised.
GROUP_ORDER: tuple[Verdict, ...] = tuple(reversed(tuple(Verdict)))

COLUMNS: tuple[str, ...] = ("given", "before", "monitoring", "pregnancy", "risks")
COLUMN_TITLE: dict[str, str] = {
    "given": "Route and frequency",
    "before": "Before starting",
    "monitoring": "Monitoring",
    "pregnancy": "Pregnancy and family planning",
    "risks": "Key risks",
    "efficacy": "Efficacy group",
}
PATIENT_COLUMN_TITLE: dict[str, str] = {
    "given": "How it is given",
    "before": "Before a first dose",
    "monitoring": "Check-ups during treatment",
    "pregnancy": "Pregnancy and family planning",
    "risks": "Main risks",
    "efficacy": "How well it works (group)",
}

_SENTENCE_END = re.compile(r"[a-z0-9)]\. (?=[A-Z])")


def short(text: str, limit: int = 140) -> str:
    """A finding's first sentence, cut at a word when long: a table cell stays readable (the
    full text is in the one-drug report)."""
    text = " ".join(text.split())
    end = _SENTENCE_END.search(text, 30)
    if end and end.start() < limit and limit <= 140:
        return text[:end.start() + 1]
    if len(text) <= limit:
        return text
    return text[:limit - 3].rsplit(" ", 1)[0] + "..."


@dataclass(frozen=True)
class Cell:
    """One cell of the table: lines of words, the rules they come from and their sources."""

    lines: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()
    citations: tuple[CitationOut, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.lines

    def text(self, sep: str = "; ") -> str:
        return sep.join(self.lines)


@dataclass(frozen=True)
class OptionRow:
    """One drug: its verdict and the cells of the table, in the audience's words."""

    drug: str
    name: str
    verdict: Verdict
    verdict_label: str
    advised: bool                  # False: contraindicated or not indicated
    off_label: bool
    described: bool                # False: the assessment carries no `about` for it
    formulations: tuple[str, ...]
    route: str | None
    frequency: str | None
    cells: dict[str, Cell]
    because: Cell                  # why not advised (empty for a drug that may be given)
    efficacy: Cell = field(default_factory=Cell)
    pregnancy_constraint: bool = False   # the label says something on pregnancy for this patient

    @property
    def title(self) -> str:
        """The drug's name as every view shows it, marked when off-label in MS."""
        return f"{self.name} ({OFF_LABEL})" if self.off_label else self.name


@dataclass(frozen=True)
class OptionGroup:
    verdict: Verdict
    label: str
    rows: tuple[OptionRow, ...]


@dataclass(frozen=True)
class Options:
    audience: Audience
    groups: tuple[OptionGroup, ...]
    order_note: str
    efficacy_note: str | None      # only when some drug has a cited efficacy group

    @property
    def rows(self) -> tuple[OptionRow, ...]:
        return tuple(r for g in self.groups for r in g.rows)

    def row(self, drug: str) -> OptionRow:
        for r in self.rows:
            if r.drug == drug:
                return r
        raise KeyError(drug)

    def titles(self) -> dict[str, str]:
        table = PATIENT_COLUMN_TITLE if self.audience is Audience.patient else COLUMN_TITLE
        return {c: table[c] for c in (*COLUMNS, "efficacy")}

    @property
    def has_efficacy(self) -> bool:
        return self.efficacy_note is not None


# ---- reading `about` (DrugAssessment.about, issue 9 spec section 3) ---------------------------

def _about(item: DrugAssessment) -> Any | None:
    """The drug.yaml content the assessment carries, or None ("not described")."""
    return getattr(item, "about", None)


def _get(about: Any, name: str) -> Any:
    if about is None:
        return None
    if isinstance(about, Mapping):
        return about.get(name)
    return getattr(about, name, None)


def _citations(about: Any, *names: str) -> tuple[CitationOut, ...]:
    for name in names:
        value = _get(about, name)
        if value:
            return tuple(c if isinstance(c, CitationOut) else CitationOut.model_validate(c)
                         for c in value)
    return ()


# ---- building the table ------------------------------------------------------------------

_FIELD_PATH = re.compile(r"\s*\((?:[a-z_]+\.)+[a-z_0-9]+(?:, (?:[a-z_]+\.)+[a-z_0-9]+)*\)")


def _no_paths(text: str) -> str:
    """A rule's summary without the profile field paths some name in brackets: the table
    names missing data in words (the report and the app keep the paths)."""
    return _FIELD_PATH.sub("", text)


def _cell(findings: Iterable[Finding], audience: Audience, extra: Iterable[str] = ()) -> Cell:
    lines: list[str] = []
    ids: list[str] = []
    cites: dict[tuple[str, str, str], CitationOut] = {}
    for f in findings:
        patient = audience is Audience.patient  # plain sentences are kept whole
        line = short(f.patient_summary, 320) if patient else short(_no_paths(f.summary))
        if f.status == "undecided" and audience is Audience.clinician:
            line += " (undecided: missing data)"
        if line not in lines:
            lines.append(line)
        if f.rule_id not in ids:
            ids.append(f.rule_id)
        for c in f.citations:
            cites.setdefault((c.source, c.section, c.revision), c)
    lines += [e for e in extra if e not in lines]
    return Cell(tuple(lines), tuple(ids), tuple(cites.values()))


def _missing_words(item: DrugAssessment, audience: Audience) -> list[str]:
    if not item.missing:
        return []
    tests = [field_words(m.field) for m in item.missing if is_test(m.field)]
    asks = [field_words(m.field) for m in item.missing if not is_test(m.field)]
    if audience is Audience.patient:  # the checklist is the clinician's; no field names here
        return [f"Some tests or answers are still needed ({len(item.missing)}); your care "
                "team will arrange them."]
    out = []
    if tests:
        out.append(f"Not recorded (tests): {'; '.join(tests)}.")
    if asks:
        out.append(f"Not recorded (to ask): {'; '.join(asks)}.")
    return out


def _given(about: Any, audience: Audience) -> tuple[Cell, str | None, str | None]:
    if about is None:
        return Cell((NOT_DESCRIBED,)), None, None
    patient = audience is Audience.patient
    route = _get(about, "patient_route" if patient else "route") or _get(about, "route")
    frequency = (_get(about, "patient_frequency" if patient else "frequency")
                 or _get(about, "frequency"))
    lines = [", ".join(x for x in (route, frequency) if x) or NOT_DESCRIBED]
    programme = _get(about, "programme")
    if programme:
        lines.append(f"Only through {programme}." if patient else f"Programme: {programme}.")
    return Cell(tuple(lines), (), _citations(about, "citations", "cites")), route, frequency


def _efficacy(about: Any) -> Cell:
    group = _get(about, "efficacy_group")
    cites = _citations(about, "efficacy_citations", "efficacy_cites")
    if not group or not cites:  # never an uncited efficacy claim
        return Cell()
    return Cell((str(group),), (), cites)


def option_row(item: DrugAssessment, audience: Audience,
               hazards: Mapping[str, object] | None = None) -> OptionRow:
    """One drug's row, from its assessment only."""
    about = _about(item)
    advised = item.verdict not in NOT_ADVISED
    patient = audience is Audience.patient
    given, route, frequency = _given(about, audience)

    def in_category(*categories: Category) -> list[Finding]:
        return [f for f in item.findings if f.category in categories]

    # before starting: the work-up, and whatever else holds or conditions a start (a deferral,
    # a switch to prepare) wherever the rule files it; said where a clinician looks for it
    elsewhere = (Category.workup, Category.monitoring, Category.pregnancy,
                 Category.contraindication)
    workup = in_category(Category.workup) + [
        f for f in item.findings if f.category not in elsewhere and f.verdict in (
            Verdict.deferred, Verdict.workup_required, Verdict.eligible_with_precautions)]
    monitoring = in_category(Category.monitoring)
    pregnancy = in_category(Category.pregnancy)
    stop = [f for f in item.findings if f.verdict in NOT_ADVISED and f.status == "applies"]
    risky = [f for f in item.findings if f.category == Category.contraindication
             and f.verdict != "info" and f not in stop]  # the reasons are said once
    if hazards is not None:
        risky += [f for f in item.findings if f.verdict == Verdict.eligible_with_precautions
                  and hazards.get(f.rule_id) and f not in risky]
    else:  # without the rulebook's hazard metadata: every precaution outside the other cells
        risky += [f for f in item.findings if f.verdict == Verdict.eligible_with_precautions
                  and f.category not in (Category.workup, Category.monitoring,
                                         Category.pregnancy) and f not in risky]
    because = _cell(stop, audience)
    if not advised and not because.lines:  # not indicated because no indication rule matched
        because = Cell(tuple(item.notes) or ("No indication rule of the label matched.",))
    if not advised and patient:
        words = "; ".join(because.lines) or "the label does not support it as recorded"
        because = Cell((f"Not an option for you now, because: {words}",), because.rule_ids,
                       because.citations)
        cells = {c: Cell() for c in COLUMNS}
        route = frequency = None
    else:
        cells = {
            "given": given if advised else Cell(),
            "before": _cell(workup, audience, _missing_words(item, audience)),
            "monitoring": _cell(monitoring, audience),
            "pregnancy": _cell(pregnancy, audience),
            "risks": _cell(risky, audience),
        }
        if not advised:  # the reasons lead the key risks; nothing on how it is given
            route = frequency = None
            risks = cells["risks"]
            cells["risks"] = Cell(
                tuple(f"Not advised: {line}" for line in because.lines) + risks.lines,
                because.rule_ids + tuple(r for r in risks.rule_ids if r not in because.rule_ids),
                because.citations + tuple(c for c in risks.citations
                                          if c not in because.citations))
    formulations = tuple(_get(about, "formulations") or ())
    name = _get(about, "name") or item.drug
    return OptionRow(
        drug=item.drug, name=str(name), verdict=Verdict(item.verdict),
        verdict_label=(PATIENT_VERDICT_LABEL if patient else VERDICT_LABEL)[item.verdict],
        advised=advised, off_label=bool(_get(about, "off_label")), described=about is not None,
        formulations=formulations,
        route=route, frequency=frequency, cells=cells, because=because,
        efficacy=_efficacy(about) if advised or not patient else Cell(),
        pregnancy_constraint=bool(pregnancy))


def build_options(assessment: Assessment, audience: Audience = Audience.clinician,
                  hazards: Mapping[str, object] | None = None) -> Options:
    """The options table of an assessment: groups by verdict, drugs alphabetical in each."""
    rows = [option_row(item, audience, hazards) for item in assessment.assessments]
    patient = audience is Audience.patient
    groups = []
    for verdict in GROUP_ORDER:
        members = sorted((r for r in rows if r.verdict == verdict),
                         key=lambda r: (r.name.casefold(), r.drug))
        if members:
            label = (PATIENT_VERDICT_LABEL if patient else VERDICT_LABEL)[verdict]
            groups.append(OptionGroup(verdict, label, tuple(members)))
    has_efficacy = any(not r.efficacy.empty for r in rows)
    return Options(
        audience=audience, groups=tuple(groups),
        order_note=PATIENT_ORDER_NOTE if patient else ORDER_NOTE,
        efficacy_note=(PATIENT_EFFICACY_NOTE if patient else EFFICACY_NOTE)
        if has_efficacy else None)


def hazards_of(rulebook: Any) -> dict[str, object]:
    """Rule id -> hazard class, from a loaded rulebook's metadata (no rule is evaluated)."""
    return {r.id: r.hazard for r in rulebook.rules if getattr(r, "hazard", None)}


# ---- rendering ---------------------------------------------------------------------------

def cite_short(c: CitationOut) -> str:
    return f"{c.source} §{c.section} (rev. {c.revision})"


def refs(cell: Cell) -> list[str]:
    """A cell's rule ids, then its sources: each source once with its sections
    (`ocrevus-uspi-2024-01 §HL §2.3`)."""
    sections: dict[str, list[str]] = {}
    for c in cell.citations:
        listed = sections.setdefault(c.source, [])
        if c.section not in listed:
            listed.append(c.section)
    cites = [f"{source} " + " ".join(f"§{s}" for s in secs) for source, secs in sections.items()]
    return [*cell.rule_ids, *cites]


def cell_markdown(cell: Cell, audience: Audience, sep: str = "<br>",
                  escape: bool = False) -> str:
    """A cell as Markdown table text (pipes escaped); clinicians get rule ids and sources."""
    if cell.empty:
        return "-"

    def clean(text: str) -> str:
        text = html.escape(text, quote=False) if escape else text
        return text.replace("|", "\\|")

    bullet = "• " if len(cell.lines) > 1 else ""
    text = sep.join(bullet + clean(line) for line in cell.lines)
    if audience is Audience.clinician and (cell.rule_ids or cell.citations):
        cited = ", ".join(f"`{r}`" if r in cell.rule_ids else clean(r) for r in refs(cell))
        text += sep + (f"<small>{cited}</small>" if escape else f"_{cited}_")
    return text


def _column_order(pregnancy_first: bool) -> tuple[str, ...]:
    if not pregnancy_first:
        return COLUMNS
    return ("pregnancy", *(c for c in COLUMNS if c != "pregnancy"))


def columns(options: Options, pregnancy_first: bool = False) -> list[str]:
    """Column keys in order (after the drug)."""
    order = list(_column_order(pregnancy_first))
    if options.has_efficacy:
        order.append("efficacy")
    return order


PREGNANCY_MARK = "pregnancy constraint"


def group_markdown(options: Options, rows: Iterable[OptionRow], pregnancy_first: bool = False,
                   escape: bool = False, mark: str = "") -> list[str]:
    """One verdict group as Markdown lines: a table, or for patients and a group of drugs not
    advised, one line each ("not an option for you now, because ...")."""
    rows = list(rows)
    titles = options.titles()
    keys = columns(options, pregnancy_first)
    if options.audience is Audience.patient and not any(r.advised for r in rows):
        return [f"- **{r.title}**: {cell_markdown(r.because, options.audience, '; ', escape)}"
                for r in rows]
    lines = ["| Drug | " + " | ".join(titles[k] for k in keys) + " |",
             "|---" * (len(keys) + 1) + "|"]
    for row in rows:
        cells = [row.efficacy if k == "efficacy" else row.cells[k] for k in keys]
        name = f"**{row.title}**"
        if mark and pregnancy_first and row.pregnancy_constraint:
            name += f"<br>{mark}"
        if not row.described:
            name += f"<br>_{NOT_DESCRIBED}_"
        lines.append(f"| {name} | " + " | ".join(
            cell_markdown(c, options.audience, escape=escape) for c in cells) + " |")
    return lines


def render_options_markdown(options: Options, pregnancy_first: bool = False,
                            heading: str = "## Options") -> str:
    """The options table as Markdown: one table per verdict group, with the order note."""
    lines = [heading, "", f"_{options.order_note}_", ""]
    if options.efficacy_note:
        lines += [f"_{options.efficacy_note}_", ""]
    for group in options.groups:
        lines += [f"### {group.label} ({len(group.rows)})", ""]
        lines += group_markdown(options, group.rows, pregnancy_first)
        lines.append("")
    return "\n".join(lines) + "\n"


def render_options_rich(options: Options, width: int = 160) -> str:
    """The options table for a terminal (rich), as text: one table per verdict group."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None,
                      highlight=False, soft_wrap=False)
    titles = options.titles()
    keys = columns(options)
    patient = options.audience is Audience.patient
    console.print(Text("Options", style="bold"))
    console.print(options.order_note)
    if options.efficacy_note:
        console.print(options.efficacy_note)
    for group in options.groups:
        table = Table(title=f"{group.label} ({len(group.rows)})", title_justify="left",
                      show_lines=True, expand=True)
        table.add_column("Drug", ratio=1, overflow="fold")
        if not any(r.advised for r in group.rows) and patient:
            table.add_column("Why", ratio=4, overflow="fold")
            for row in group.rows:
                table.add_row(Text(row.title), Text(row.because.text("\n")))
            console.print(table)
            continue
        for k in keys:
            table.add_column(titles[k], ratio=2, overflow="fold")
        for row in group.rows:
            name = row.title
            cells = [row.efficacy if k == "efficacy" else row.cells[k] for k in keys]
            table.add_row(Text(name), *(Text(_cell_text(c, patient)) for c in cells))
        console.print(table)
    return buffer.getvalue()


def _cell_text(cell: Cell, patient: bool) -> str:
    if cell.empty:
        return "-"
    text = "\n".join(f"- {line}" if len(cell.lines) > 1 else line for line in cell.lines)
    if not patient and (cell.rule_ids or cell.citations):
        text += "\n[" + ", ".join(refs(cell)) + "]"
    return text
