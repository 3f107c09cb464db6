"""The engine runs in worker processes, so a crash of the durable-rules C core (an abort, a
segfault, a hang) costs one request, never the service.

A dead worker breaks its `ProcessPoolExecutor`; the pool is then replaced and the request is tried
once more on the fresh pool (requests that were merely in flight beside the crash succeed). A
request that breaks the pool twice, or outlives its timeout, fails with `EngineUnavailable` and a
clear message; the next request gets a fresh pool.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from dmt_advisor.assessment import Assessment
from dmt_advisor.errors import DmtAdvisorError
from dmt_advisor.profile import Profile

_advisor = None


class EngineUnavailable(DmtAdvisorError):
    """The engine worker died or timed out on this request; the service itself is fine."""


def _init_worker() -> None:
    """Build the advisor once per worker process (rules compiled into durable-rules)."""
    global _advisor
    from dmt_advisor.advisor import default_advisor

    _advisor = default_advisor()


def _assess(profile_json: str, drugs: list[str] | None, fault: str | None) -> str:
    # test-only faults, gated by DMT_ADVISOR_TEST_ABORT_HOOK in the service
    if fault == "abort":
        os.abort()
    if fault == "hang":
        time.sleep(3600)
    assert _advisor is not None
    profile = Profile.model_validate_json(profile_json)
    return _advisor.assess(profile, drugs).model_dump_json()


def _ping() -> int:
    return os.getpid()


class EnginePool:
    """A process pool of engine workers that is replaced when a worker dies."""

    def __init__(self, workers: int, timeout_s: float) -> None:
        self.workers = workers
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._pool = self._new()
        self.replacements = 0

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers,
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker)

    def warm(self) -> list[int]:
        """Start every worker now (so the first EHR call does not pay for it); their pids."""
        futures = [self._pool.submit(_ping) for _ in range(self.workers)]
        return [f.result(timeout=120) for f in futures]

    def assess(self, profile: Profile, drugs: Sequence[str] | None = None,
               fault: str | None = None) -> Assessment:
        """Assess in a worker; `fault` ("abort" / "hang") is for tests of crash recovery."""
        payload = profile.model_dump_json()
        for attempt in (1, 2):
            pool = self._pool
            try:
                future = pool.submit(_assess, payload, list(drugs) if drugs else None, fault)
                return Assessment.model_validate_json(future.result(timeout=self.timeout_s))
            except BrokenProcessPool:
                self._replace(pool)
                if attempt == 2:
                    raise EngineUnavailable("the rules engine worker stopped while assessing "
                                            "this request; it has been restarted, retry") from None
            except FutureTimeout:
                self._replace(pool, kill=True)
                raise EngineUnavailable(f"the rules engine did not answer within "
                                        f"{self.timeout_s:g} s; it has been restarted") from None
        raise AssertionError("unreachable")

    def _replace(self, broken: ProcessPoolExecutor, kill: bool = False) -> None:
        with self._lock:
            if self._pool is not broken:
                return  # another request already replaced it
            self._pool = self._new()
            self.replacements += 1
        if kill:
            for process in list(getattr(broken, "_processes", {}).values()):
                process.kill()
        broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
