"""The short, seeded fuzz run in `make test` (the long one is `make fuzz`).

Hypothesis draws a seeded `Random`; tests/fuzz/hostile.py turns it into a hostile profile or
rule folder. For every input: a result or a clear error (DmtAdvisorError), never another
exception, never a hang (SIGALRM guard), bounded memory, and afterwards a normal patient is
still assessed exactly as before, in the same process."""

from __future__ import annotations

import random
import resource
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dmt_advisor.advisor import Advisor
from dmt_advisor.rulebook.load import Rulebook
from tests.fuzz import check, hostile
from tests.fuzz.check import no_hang

HANG_SECONDS = 20  # a hang guard, not a speed assertion (speed is `make bench`)
MEMORY_GROWTH_MB = 400


class Baseline(str):
    """The normal patient's JSON; short in a failure report."""

    def __repr__(self) -> str:
        return f"<normal patient assessment, {len(self)} characters>"


def _rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


@pytest.fixture(scope="module")
def fuzz_advisor(rulebook: Rulebook) -> Iterator[tuple[Advisor, str]]:
    advisor = Advisor(rulebook)
    yield advisor, Baseline(check.assess_and_render(advisor, check.NORMAL))
    advisor.close()


@settings(max_examples=200, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rng=st.randoms(use_true_random=False))
def test_hostile_profiles_give_a_result_or_a_clear_error(
        fuzz_advisor: tuple[Advisor, str], rng: random.Random) -> None:
    advisor, baseline = fuzz_advisor
    item = hostile.hostile_profile(rng)
    before = _rss_mb()
    with tempfile.TemporaryDirectory(prefix="dmt-fuzz-") as tmp, no_hang(HANG_SECONDS):
        outcome = check.check_profile(advisor, item, Path(tmp))
    assert outcome in ("ok", "clear"), item.kind
    assert _rss_mb() - before < MEMORY_GROWTH_MB, item.kind
    assert check.normal_still_works(advisor, baseline), f"{item.kind} disabled the engine"


@settings(max_examples=4, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rng=st.randoms(use_true_random=False))
def test_hostile_rule_folders_give_a_result_or_a_clear_error(
        fuzz_advisor: tuple[Advisor, str], rng: random.Random) -> None:
    advisor, baseline = fuzz_advisor
    label, edit = hostile.rule_folder_edit(rng)
    with tempfile.TemporaryDirectory(prefix="dmt-fuzz-") as tmp, no_hang(HANG_SECONDS * 3):
        outcome = check.check_rule_folder(hostile.make_rule_folder(Path(tmp) / "rules", edit))
    assert outcome in ("ok", "clear"), label  # never lint ok and then refused at assessment
    assert check.normal_still_works(advisor, baseline)


def test_every_rule_folder_kind_is_refused(tmp_path: Path) -> None:
    """The kinds the random draw may miss, once each (deterministic)."""
    kinds = {"rename-yml", "move-to-root", "folder-named-yaml", "symlink-loop", "fifo",
             "binary-file", "nested-20", "alias-dag-24", "duplicate-key",
             "missing-schedule-rule"}
    seen: set[str] = set()
    seed = 0
    while kinds - seen and seed < 2_000:
        label, edit = hostile.rule_folder_edit(random.Random(seed))
        seed += 1
        if label in kinds and label not in seen:
            seen.add(label)
            with no_hang(HANG_SECONDS * 3):
                folder = hostile.make_rule_folder(tmp_path / label, edit)
                assert check.check_rule_folder(folder) == "clear", label
    assert seen == kinds
