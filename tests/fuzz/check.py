"""What the fuzz asserts for one input: a result or a clear error (`DmtAdvisorError`), and
afterwards a normal patient is still assessed exactly as before. Anything else propagates and
is counted as a traceback. Uses only the public API (also present before issue 13), so the same
check measures the code before and after the fixes."""

from __future__ import annotations

import contextlib
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from dmt_advisor.advisor import Advisor
from dmt_advisor.errors import DmtAdvisorError
from dmt_advisor.profile import load_profile
from dmt_advisor.report import Audience, render_markdown
from dmt_advisor.rulebook.lint import lint_rulebook
from dmt_advisor.rulebook.load import load_rulebook
from tests.fuzz.hostile import EXAMPLES, ROOT, HostileInput

NORMAL = ROOT / "examples" / "rrms-on-ocrelizumab-iv.yaml"


def assess_and_render(advisor: Advisor, path: Path) -> str:
    assessment = advisor.assess(load_profile(path))
    for audience in Audience:
        render_markdown(assessment, audience)
    return assessment.model_dump_json()


def check_profile(advisor: Advisor, item: HostileInput, folder: Path) -> str:
    """'ok' or 'clear'; any other exception is the caller's traceback."""
    path = folder / item.name
    path.write_bytes(item.data)
    try:
        assess_and_render(advisor, path)
    except DmtAdvisorError:
        return "clear"
    return "ok"


def normal_still_works(advisor: Advisor, baseline: str) -> bool:
    try:
        return assess_and_render(advisor, NORMAL) == baseline
    except Exception:  # counted, not raised: the engine was disabled by an earlier input
        return False


def check_rule_folder(folder: Path) -> str:
    """'ok' (lint clean and every example assessed), or 'clear' (lint or assess refused it)."""
    report = lint_rulebook(folder)
    if report.errors:
        return "clear"
    try:
        advisor = Advisor(load_rulebook(folder))
    except DmtAdvisorError:
        return "clear"
    try:
        for example in EXAMPLES:
            try:
                assess_and_render(advisor, example)
            except DmtAdvisorError:
                return "clear-at-assess"  # lint said ok but assessment refused: a disagreement
    finally:
        advisor.close()
    return "ok"


def scratch() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="dmt-fuzz-")


@contextlib.contextmanager
def no_hang(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"input still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
