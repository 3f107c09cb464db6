"""The engine worker pool on its own: real worker processes running the real engine; a worker
killed from outside, aborting, or hanging costs at most one request, and the next one works."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from dmt_advisor.profile import load_profile
from dmt_advisor.service.pool import EnginePool, EngineUnavailable

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "rrms-new-referral.yaml"


def _gone(pid: int) -> bool:
    """The process has exited (reaped, or a zombie awaiting its parent) within 10 s."""
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        status = Path(f"/proc/{pid}/status")
        if status.exists() and "zombie" in status.read_text():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def pool():
    p = EnginePool(workers=1, timeout_s=20)
    p.warm()
    yield p
    p.close()


def test_killed_worker_is_replaced_and_the_request_still_answers(pool: EnginePool) -> None:
    profile = load_profile(EXAMPLE)
    expected = pool.assess(profile).for_drug("ocrelizumab").verdict
    (pid,) = pool.warm()
    os.kill(pid, signal.SIGKILL)
    before = pool.replacements
    assert pool.assess(profile).for_drug("ocrelizumab").verdict == expected
    assert pool.replacements == before + 1
    assert pid not in pool.warm()


def test_abort_fails_that_request_only(pool: EnginePool) -> None:
    profile = load_profile(EXAMPLE)
    with pytest.raises(EngineUnavailable, match="restarted"):
        pool.assess(profile, fault="abort")
    assert pool.assess(profile).for_drug("ocrelizumab").verdict


def test_a_hanging_worker_times_out_and_is_killed() -> None:
    pool = EnginePool(workers=1, timeout_s=2)
    try:
        (pid,) = pool.warm()
        profile = load_profile(EXAMPLE)
        with pytest.raises(EngineUnavailable, match="did not answer within 2 s"):
            pool.assess(profile, fault="hang")
        pool.timeout_s = 60
        assert pool.assess(profile).for_drug("ocrelizumab").verdict
        assert _gone(pid)  # the hung worker was killed, not left running
    finally:
        pool.close()
