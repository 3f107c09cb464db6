"""Hypothesis settings for the invariant suite, and the count of profiles each invariant saw.

`make test` runs the seeded, derandomized "default" profile (fits the suite's time budget);
`HYPOTHESIS_PROFILE=long` runs many more examples (still reproducible).
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, settings

COMMON = {"derandomize": True, "database": None, "deadline": None,
          "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
          "print_blob": False}
settings.register_profile("default", max_examples=60, **COMMON)
settings.register_profile("long", max_examples=3000, **COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SEEN: Counter[str] = Counter()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    """Carry each invariant's count on its report, so it reaches the terminal summary from
    pytest-xdist workers too (`make test` runs on every core)."""
    outcome = yield
    report = outcome.get_result()
    inv_id = getattr(getattr(item, "callspec", None), "id", None)
    if report.when == "call" and inv_id in SEEN:
        report.user_properties.append(("profiles_checked", (inv_id, SEEN[inv_id])))
    return None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    seen = {value[0]: value[1] for reports in terminalreporter.stats.values() for report in reports
            for name, value in getattr(report, "user_properties", ())
            if name == "profiles_checked"}
    if seen:
        terminalreporter.write_sep("-", "safety invariants: generated profiles checked")
        for inv_id, count in sorted(seen.items()):
            terminalreporter.write_line(f"{inv_id}: {count}")
