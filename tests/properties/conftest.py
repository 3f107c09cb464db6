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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SEEN:
        terminalreporter.write_sep("-", "safety invariants: generated profiles checked")
        for inv_id, count in sorted(SEEN.items()):
            terminalreporter.write_line(f"{inv_id}: {count}")
