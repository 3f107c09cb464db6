"""The `dmt-advisor` command line: a view over the Python API.

Every error a person can cause (a bad profile, a bad rule file) exits with code 2 and one clear
message naming the field or the file and rule id; never a traceback. This module must stay light
to start: it does not import the app (streamlit).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from dmt_advisor.errors import DmtAdvisorError
from dmt_advisor.report import Audience

app = typer.Typer(
    name="dmt-advisor",
    help="Cited, explained decision support for MS disease-modifying therapies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_USER_ERROR = 2


P = ParamSpec("P")
R = TypeVar("R")


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Our errors become one message on stderr and exit code 2, however the CLI is invoked."""
    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except DmtAdvisorError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(EXIT_USER_ERROR) from None
    return wrapper


class TableFormat(StrEnum):
    table = "table"
    markdown = "markdown"


RulesDir = Annotated[Path | None, typer.Option(
    "--rules", help="Rules folder (default: the repository's rules/).")]


@app.command()
@user_errors
def assess(
    profile: Annotated[Path, typer.Argument(help="Patient profile, YAML or JSON.")],
    drug: Annotated[list[str] | None, typer.Option(
        "--drug", help="Drug to assess (repeatable; default: every drug).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract JSON.")] = False,
    audience: Annotated[Audience, typer.Option(help="Who reads the report.")] =
        Audience.clinician,
    fmt: Annotated[TableFormat, typer.Option(
        "--format", help="Without --drug: the options table for a terminal, or Markdown.")] =
        TableFormat.table,
    rules: RulesDir = None,
) -> None:
    """Assess a patient profile. Without --drug: the options table (every drug, grouped by
    verdict, never ranked); with --drug: that drug's verdict, findings with why and citation,
    and missing data."""
    from contextlib import nullcontext

    from dmt_advisor.advisor import shared_advisor
    from dmt_advisor.options import (
        build_options,
        hazards_of,
        render_options_markdown,
        render_options_rich,
    )
    from dmt_advisor.profile import load_profile
    from dmt_advisor.report import render_markdown

    loaded = load_profile(profile)
    with nullcontext(shared_advisor(rules)) as advisor:  # shared: never closed here
        result = advisor.assess(loaded, drug or None)
        hazards = hazards_of(advisor.rulebook)
    if as_json:
        typer.echo(result.model_dump_json(indent=2, exclude_none=True))
    elif drug:
        typer.echo(render_markdown(result, audience), nl=False)
    else:
        options = build_options(result, audience, hazards)
        hint = ("For one drug's findings, citations and dates: dmt-advisor assess PROFILE "
                "--drug DRUG")
        if fmt is TableFormat.markdown:
            typer.echo(render_options_markdown(options, heading="# Options") + f"\n_{hint}._",
                       nl=True)
        else:
            import shutil

            width = max(100, shutil.get_terminal_size((160, 40)).columns)
            typer.echo(render_options_rich(options, width) + hint + ".")


@app.command()
@user_errors
def lint(rules_dir: Annotated[Path | None, typer.Argument(
        help="Rules folder (default: the repository's rules/).")] = None) -> None:
    """Validate a rules folder; exit 2 naming each file and rule id that is wrong."""
    from dmt_advisor.rulebook.lint import lint_rulebook

    report = lint_rulebook(rules_dir)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    for error in report.errors:
        typer.echo(f"error: {error}", err=True)
    if report.errors:
        raise typer.Exit(EXIT_USER_ERROR)
    typer.echo(f"ok: {report.rule_count} rules, {report.source_count} sources, "
               f"{len(report.warnings)} warnings")


@app.command("rules")
@user_errors
def list_rules(
    drug: Annotated[str | None, typer.Option(help="Only this drug.")] = None,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    rules: RulesDir = None,
) -> None:
    """List rules with id, category, verdict, jurisdictions and citations."""
    from dmt_advisor.rulebook.load import load_rulebook

    book = load_rulebook(rules)
    typer.echo(f"# {book.name} {book.version} (sha256 {book.sha256[:12]})")
    for rule in book.rules:
        if (drug and rule.drug != drug) or (category and rule.category.value != category):
            continue
        cites = "; ".join(
            f"{c.source} §{c.section} ({book.sources[c.source].revision})" for c in rule.cites)
        flag = " [uncertain]" if rule.uncertain else ""
        typer.echo(f"{rule.id}\t{rule.category.value}\t{rule.verdict}\t"
                   f"{','.join(j.value for j in rule.jurisdictions)}\t{cites}{flag}")


@app.command()
@user_errors
def summary(
    profile: Annotated[Path, typer.Argument(help="Patient profile, YAML or JSON.")],
    output: Annotated[Path, typer.Option(
        "-o", "--output", help="FILE.pdf or FILE.md (the suffix picks the format).")],
    audience: Annotated[Audience, typer.Option(help="Who reads the summary.")] =
        Audience.clinician,
    patient_label: Annotated[str, typer.Option(
        help="Initials or clinic number shown in the header (never logged).")] = "",
    clinic: Annotated[str, typer.Option(help="Clinic name for the header.")] = "",
    drug: Annotated[list[str] | None, typer.Option(
        "--drug", help="Drug to include (repeatable; default: every drug, with the options "
        "table when there are several).")] = None,
    rules: RulesDir = None,
) -> None:
    """Write the consultation summary (PDF or Markdown) for one profile."""
    from dmt_advisor.summary_cli import write_summary

    written = write_summary(profile, output, audience, patient_label, clinic, rules,
                            drugs=drug or None)
    typer.echo(f"wrote {written}")


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
@user_errors
def coverage(
    features: Annotated[Path | None, typer.Option(
        help="Features folder (default: the repository's features/).")] = None,
    rules: RulesDir = None,
    reports: Annotated[Path | None, typer.Option(
        help="Where to write cucumber.json, scenarios.json, last-run.md/.html "
             "(default: reports/).")]
        = None,
) -> None:
    """Run every scenario; per rule: scenarios that check it, where it fires or is undecided.
    Exit 1 when a rule no passing scenario checks, or a scenario fails."""
    from dmt_advisor.qa.coverage import compute_coverage, render_text
    from dmt_advisor.qa.report import write_run_report
    from dmt_advisor.qa.scenarios import REPO, run_scenarios
    from dmt_advisor.rulebook.load import load_rulebook

    book = load_rulebook(rules)
    reports = reports or REPO / "reports"
    run = run_scenarios(reports, features, book.root)
    result = compute_coverage(book, run.scenarios)
    typer.echo(render_text(result), nl=False)
    typer.echo(f"reports: {write_run_report(reports, result, book)}, "
               f"{run.cucumber_json}, {run.record_file}")
    if not result.ok:
        raise typer.Exit(1)


@app.command()
@user_errors
def diff(
    base: Annotated[str, typer.Argument(help="Base rules: a git revision or a rules folder.")],
    head: Annotated[str | None, typer.Argument(
        help="Head rules: a git revision or a rules folder (default: the working tree).")]
        = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", help="Output format.")] =
        DiffFormat.text,
    scenarios: Annotated[bool, typer.Option(
        help="Run the scenarios and add every profile they assess to the corpus.")] = True,
    scenario_record: Annotated[Path | None, typer.Option(
        help="Use the profiles of a recorded run (reports/scenarios.json) instead.")] = None,
    examples: Annotated[Path | None, typer.Option(
        help="Folder of example profiles (default: examples/).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many corpus profiles.")] = 20000,
    details: Annotated[Path | None, typer.Option(
        help="Also write the full JSON report here (default with --format markdown: "
             "reports/diff.json, linked from the Markdown).")] = None,
) -> None:
    """Re-assess a corpus (scenario profiles, examples, a generated grid) with two rulebooks;
    report the profiles whose verdict, findings or schedule change and the rules responsible."""
    from dmt_advisor.qa.diff import build_corpus, changed_rule_coverage, diff_rulebooks, render
    from dmt_advisor.qa.scenarios import REPO

    records: list[dict] = []
    corpus = build_corpus(scenarios, scenario_record, examples, records)
    report = diff_rulebooks(base, head, corpus, limit)
    if records:
        changed_rule_coverage(report, records)
    if details is None and fmt is DiffFormat.markdown:
        details = REPO / "reports" / "diff.json"
    if details is not None:
        details.parent.mkdir(parents=True, exist_ok=True)
        details.write_text(render(report, "json"), encoding="utf-8")
        report.details_file = str(details)
    typer.echo(render(report, fmt.value), nl=False)


scenarios_app = typer.Typer(
    help="Run, select and check Gherkin scenarios (by file, line, name, rule id or tag).",
    no_args_is_help=True)
app.add_typer(scenarios_app, name="scenarios")


@scenarios_app.command("run")
@user_errors
def scenarios_run(
    targets: Annotated[list[str] | None, typer.Argument(
        help="Feature files, optionally FILE:LINE (a scenario or an Examples row).")] = None,
    name: Annotated[list[str] | None, typer.Option(
        "--name", help="Scenarios whose name contains this text (any case).")] = None,
    rule: Annotated[list[str] | None, typer.Option(
        "--rule", help="Scenarios whose steps or tags name this rule id.")] = None,
    tag: Annotated[list[str] | None, typer.Option(
        "--tag", help="Scenarios with this tag (e.g. workup, JIRA:MS-123).")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check every step against the vocabulary; run nothing.")] = False,
    features: Annotated[Path | None, typer.Option(
        help="Features folder (default: the repository's features/).")] = None,
    rules: RulesDir = None,
    reports: Annotated[Path | None, typer.Option(
        help="Where to write the reports (default: reports/).")] = None,
) -> None:
    """Run the chosen scenarios (all by default) and write the reports; exit 1 on a failure.
    With --dry-run, list the steps no definition matches (exit 1 when there is one)."""
    import sys

    from dmt_advisor.qa.coverage import compute_coverage
    from dmt_advisor.qa.report import write_run_report
    from dmt_advisor.qa.scenarios import REPO, run_scenarios, scenario_label
    from dmt_advisor.qa.select import dry_run as check_steps
    from dmt_advisor.qa.select import index, select
    from dmt_advisor.rulebook.load import load_rulebook

    features = (features or REPO / "features").resolve()
    chosen = select(index(features), targets, name, rule, tag)
    if not chosen:
        raise DmtAdvisorError("no scenario matches the selection")
    if dry_run:
        if str(REPO) not in sys.path:
            sys.path.insert(0, str(REPO))
        problems = check_steps(chosen)
        for problem in problems:
            typer.echo(problem)
        steps = sum(len(e.steps) for e in chosen)
        typer.echo(f"{len(chosen)} scenarios, {steps} steps: "
                   + (f"{len(problems)} unknown" if problems else "every step is defined"))
        if problems:
            raise typer.Exit(1)
        return
    args: list[str] = []
    for t in targets or []:
        args += ["--feature-file", str(Path(t.rsplit(":", 1)[0]).resolve())
                 + (f":{t.rsplit(':', 1)[1]}" if t.rsplit(":", 1)[-1].isdigit() else "")]
    for n in name or []:
        args += ["--scenario-name", n]
    for r in rule or []:
        args += ["--rule-id", r]
    if tag:
        args += ["-m", " or ".join(f"tag(name='{t.lstrip('@')}')" for t in tag)]
    book = load_rulebook(rules)
    reports = reports or REPO / "reports"
    run = run_scenarios(reports, features, book.root, pytest_args=args)
    for record in run.scenarios:
        typer.echo(f"{record['outcome']:<7} {scenario_label(record)}")
        if record["outcome"] == "failed":
            typer.echo("        " + str(record.get("error") or "").replace("\n", "\n        "))
    cov = compute_coverage(book, run.scenarios)
    failed = len(run.failed)
    typer.echo(f"{len(run.scenarios)} scenarios, {failed} failed; reports: "
               f"{write_run_report(reports, cov, book, run.scenarios)}, "
               f"{reports / 'last-run.html'}, {run.cucumber_json}")
    if failed or not run.scenarios:
        raise typer.Exit(1)


@scenarios_app.command("steps")
@user_errors
def scenarios_steps(write: Annotated[bool, typer.Option(
        "--write", help="Write features/steps.json and features/steps.js.")] = False) -> None:
    """The step catalogue (JSON) for editors and tools; --write refreshes the files."""
    import sys

    from dmt_advisor.qa.scenarios import REPO

    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from dmt_advisor.qa.select import catalogue_files

    files = catalogue_files()
    if write:
        for filename, text in files.items():
            (REPO / "features" / filename).write_text(text, encoding="utf-8")
        typer.echo(f"wrote features/{', features/'.join(files)}")
    else:
        typer.echo(files["steps.json"], nl=False)


@app.command("import-fhir")
@user_errors
def import_fhir(
    bundle: Annotated[Path, typer.Argument(help="FHIR R4 Bundle (JSON) of one patient.")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Write the profile YAML here (default: print it).")] = None,
    assessed_on: Annotated[str | None, typer.Option(
        help="Assessment date YYYY-MM-DD (default: today); result windows count from it.")]
        = None,
    jurisdiction: Annotated[str, typer.Option(help="US or EU (FHIR does not say).")] = "US",
) -> None:
    """Map a FHIR R4 Bundle to a profile; report field by field what could not be mapped.
    Exit 2 when the mapped data do not make a complete profile (what was mapped is still
    written)."""
    import datetime as dt

    from dmt_advisor.errors import DmtAdvisorError
    from dmt_advisor.fhir.command import run_import
    from dmt_advisor.profile import Jurisdiction

    try:
        when = dt.date.fromisoformat(assessed_on) if assessed_on else None
        where = Jurisdiction(jurisdiction)
    except ValueError as exc:
        raise DmtAdvisorError(f"--assessed-on / --jurisdiction: {exc}") from None
    text = run_import(bundle, output, when, where,
                      lambda report: typer.echo(report, err=True, nl=False))
    if output is None:
        typer.echo(text, nl=False)


@app.command()
@user_errors
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8090).")] = None,
    settings: Annotated[Path | None, typer.Option(
        help="Settings file (YAML); environment DMT_ADVISOR_* overrides it.")] = None,
) -> None:
    """Run the CDS Hooks 2.0 service (see docs/service.md): discovery, patient-view,
    order-select, order-sign, feedback; signed JWT required on every call."""
    from dmt_advisor.service.command import run_server

    run_server(host, port, settings)


def main() -> None:
    """Console entry point (`dmt-advisor`)."""
    app()


if __name__ == "__main__":
    main()
