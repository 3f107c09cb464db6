"""`dmt-advisor summary PROFILE -o FILE.pdf|FILE.md`: print tomorrow's clinic list from a shell.

The body of the CLI command, kept out of cli.py: one profile in, one consultation summary out
(PDF or Markdown by the output's suffix), with its next steps. Errors a person can cause (a bad
profile, an unknown suffix) are `DmtAdvisorError`s, so the CLI exits 2 with one message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dmt_advisor.errors import DmtAdvisorError
from dmt_advisor.report import Audience

SUFFIXES = (".pdf", ".md")


class OutputError(DmtAdvisorError):
    """The output file cannot be written as asked."""


def write_summary(profile_path: Path, out: Path, audience: Audience = Audience.clinician,
                  patient_label: str = "", clinic: str = "", rules: Path | None = None,
                  prepared_on: dt.date | None = None, drugs: list[str] | None = None) -> Path:
    """Assess `profile_path` (for `drugs`, default every drug) and write its summary to `out`
    (with several drugs, the options table too); return the path written."""
    from contextlib import nullcontext

    from dmt_advisor.advisor import shared_advisor
    from dmt_advisor.next_steps import next_steps
    from dmt_advisor.options import hazards_of
    from dmt_advisor.profile import load_profile
    from dmt_advisor.report import render_summary_markdown
    from dmt_advisor.summary_pdf import render_summary_pdf

    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise OutputError(f"-o {out}: the output must end in .pdf or .md")
    if not out.parent.exists():
        raise OutputError(f"-o {out}: the folder {out.parent} does not exist")
    profile = load_profile(profile_path)
    with nullcontext(shared_advisor(rules)) as advisor:  # shared: never closed here
        assessment = advisor.assess(profile, drugs or None)
        steps = next_steps(assessment, profile, advisor.rulebook)
        hazards = hazards_of(advisor.rulebook)
    args = dict(prepared_on=prepared_on, steps=steps, patient_label=patient_label.strip(),
                clinic=clinic.strip(), hazards=hazards)
    if suffix == ".pdf":
        out.write_bytes(render_summary_pdf(profile, assessment, audience, **args))
    else:
        out.write_text(render_summary_markdown(profile, assessment, audience, **args),
                       encoding="utf-8")
    return out
