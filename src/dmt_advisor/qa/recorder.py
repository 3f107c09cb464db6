"""A pytest plugin that records, per Gherkin scenario, every assessment it made.

Loaded by `dmt-advisor coverage` / `diff` with `-p dmt_advisor.qa.recorder --qa-record=FILE`.
It reads the `scenario_state` fixture of tests/steps/vocabulary.py after each scenario (its
`history`: the profile and contract JSON of each assessment, with the rule `trace`) and writes one
JSON document: the scenarios, their outcome, their profiles and their traces.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("dmt-advisor qa").addoption(
        "--qa-record", dest="qa_record", metavar="FILE", default=None,
        help="write each scenario's profiles and rule traces to FILE (JSON)")


def pytest_configure(config: pytest.Config) -> None:
    """Register the tags of the features folder in use (it may not be features/)."""
    base = config.getini("bdd_features_base_dir") or "features"
    folder = Path(config.rootpath, base)
    tags: set[str] = set()
    if folder.is_dir():
        for feature in folder.rglob("*.feature"):
            tags.update(re.findall(r"(?<![\w@])@([A-Za-z0-9_-]+)", feature.read_text("utf-8")))
    for tag in sorted(tags):
        config.addinivalue_line("markers", f"{tag}: Gherkin tag")
    if config.getoption("qa_record"):
        config.pluginmanager.register(Recorder(Path(config.getoption("qa_record"))),
                                      "dmt-qa-recorder")


class Recorder:
    """Collects one record per scenario run; writes them when the session ends."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.records: dict[str, dict[str, Any]] = {}

    def pytest_bdd_after_scenario(self, request: pytest.FixtureRequest, feature: Any,
                                  scenario: Any) -> None:
        try:
            state = request.getfixturevalue("scenario_state")
        except pytest.FixtureLookupError:
            return
        assessments = []
        for item in getattr(state, "history", []):
            result = item.get("result") or {}
            assessments.append({
                "profile": item["profile"],
                "exit_code": item.get("exit_code"),
                "drugs": [{"drug": d["drug"], "verdict": d["verdict"], "trace": d["trace"]}
                          for d in result.get("assessments", [])],
            })
        callspec = getattr(request.node, "callspec", None)
        example = callspec.params.get("_pytest_bdd_example") if callspec else None
        self.records[request.node.nodeid] = {
            "nodeid": request.node.nodeid,
            "feature": feature.rel_filename,
            "feature_name": feature.name,
            "scenario": scenario.name,
            "example": dict(example) if example else None,
            "tags": sorted(feature.tags | scenario.tags),
            "outcome": "unknown",
            "assessments": assessments,
        }

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        record = self.records.get(report.nodeid)
        if record is None:
            return
        if report.failed:
            record["outcome"] = "failed"
            record["error"] = str(report.longrepr)[-2000:]
        elif report.when == "call" and record["outcome"] == "unknown":
            record["outcome"] = "passed"

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.out.write_text(json.dumps({"scenarios": list(self.records.values())}, indent=1),
                            encoding="utf-8")
