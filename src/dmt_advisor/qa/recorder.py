"""A pytest plugin that records, per Gherkin scenario, its steps, results and assessments.

Loaded by `dmt-advisor coverage` / `diff` / `scenarios` with `-p dmt_advisor.qa.recorder
--qa-record=FILE [--qa-cucumber=FILE]`. It writes one JSON document (the scenarios, each with its
outcome, every step with its status, the rules its Then steps checked, and every assessment's
profile and rule trace) and, from the same records, the Cucumber JSON.

Why not pytest-bdd's own `--cucumberjson`: it drops a step no definition matches, so a scenario
with a misspelt step is reported as passed while the run failed (pytest-bdd issue #430); it marks
the steps after a failure as failed; its `language` key makes strict validators reject the file;
its error messages are Python source. Here the pytest outcome of each scenario is authoritative:
a report never says passed when the terminal says failed.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest

# Tags QA may use: words, rule ids with dots, tracker keys with a colon (@JIRA:MS-123).
TAG = re.compile(r"(?<![\w@])@([^\s@]+)")
MARKER_SAFE = re.compile(r"^[\w.-]+$")


def feature_tags(folder: Path) -> set[str]:
    """Every tag written in the feature files under `folder`."""
    tags: set[str] = set()
    if folder.is_dir():
        for feature in folder.rglob("*.feature"):
            for line in feature.read_text("utf-8").splitlines():
                if line.strip().startswith("@"):
                    tags.update(TAG.findall(line))
    return tags


def register_tags(config: pytest.Config, folder: Path) -> None:
    """Register the marker-safe tags of `folder` (the run uses --strict-markers) and `tag`."""
    config.addinivalue_line("markers", "tag(name): any Gherkin tag, e.g. -m \"tag(name='JIRA:1')\"")
    for tag in sorted(feature_tags(folder)):
        if MARKER_SAFE.match(tag):
            config.addinivalue_line("markers", f"{tag}: Gherkin tag")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("dmt-advisor qa")
    group.addoption("--qa-record", dest="qa_record", metavar="FILE", default=None,
                    help="write each scenario's steps, profiles and rule traces to FILE (JSON)")
    group.addoption("--qa-cucumber", dest="qa_cucumber", metavar="FILE", default=None,
                    help="write a Cucumber JSON report (cucumber-ruby schema) to FILE")


def pytest_configure(config: pytest.Config) -> None:
    """Register the tags of the features folder in use (it may not be features/)."""
    base = config.getini("bdd_features_base_dir") or "features"
    register_tags(config, Path(config.rootpath, base))
    if config.getoption("qa_record") or config.getoption("qa_cucumber"):
        record = config.getoption("qa_record")
        cucumber = config.getoption("qa_cucumber")
        config.pluginmanager.register(
            Recorder(Path(record) if record else None, Path(cucumber) if cucumber else None),
            "dmt-qa-recorder")


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def error_text(exc: BaseException) -> str:
    """What a QA person needs from a failure: the assertion message, not Python source."""
    text = str(exc).strip()
    if not text:
        return type(exc).__name__
    # pytest's assertion rewriting appends "assert ..." introspection after the message
    head, sep, _ = text.partition("\nassert ")
    return head.strip() if sep and head.strip() else text


class Recorder:
    """Collects one record per scenario run; writes them when the session ends."""

    def __init__(self, out: Path | None, cucumber: Path | None = None) -> None:
        self.out = out
        self.cucumber = cucumber
        self.records: dict[str, dict[str, Any]] = {}
        self._started: dict[str, float] = {}

    # ---- scenario and steps ----------------------------------------------------------------

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_before_scenario(self, request: pytest.FixtureRequest, feature: Any,
                                   scenario: Any) -> None:
        callspec = getattr(request.node, "callspec", None)
        example = callspec.params.get("_pytest_bdd_example") if callspec else None
        self.records[request.node.nodeid] = {
            "nodeid": request.node.nodeid,
            "feature": feature.rel_filename,
            "feature_name": feature.name,
            "feature_keyword": feature.keyword,
            "feature_line": feature.line_number,
            "feature_description": feature.description or "",
            "feature_tags": sorted(feature.tags),
            "scenario": scenario.name,
            "keyword": scenario.keyword,
            "line": scenario.line_number,
            "example": dict(example) if example else None,
            "example_line": _example_line(request, scenario, example),
            "tags": sorted(feature.tags | scenario.tags),
            "outcome": "unknown",
            "error": None,
            "steps": [_step_record(step) for step in scenario.steps],
            "checked_rules": [],
            "checked_verdicts": [],
            "assessments": [],
        }

    def _step(self, request: pytest.FixtureRequest, scenario: Any,
              step: Any) -> dict[str, Any] | None:
        record = self.records.get(request.node.nodeid)
        if record is None:
            return None
        for i, s in enumerate(scenario.steps):
            if s is step:
                return record["steps"][i]
        return None

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_before_step(self, request: pytest.FixtureRequest, feature: Any,
                               scenario: Any, step: Any, step_func: Any) -> None:
        self._started[request.node.nodeid] = time.perf_counter_ns()

    def _duration(self, request: pytest.FixtureRequest) -> int:
        start = self._started.pop(request.node.nodeid, None)
        return time.perf_counter_ns() - start if start is not None else 0

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_after_step(self, request: pytest.FixtureRequest, feature: Any, scenario: Any,
                              step: Any, step_func: Any, step_func_args: Any) -> None:
        rec = self._step(request, scenario, step)
        if rec is not None:
            rec.update(status="passed", duration=self._duration(request))

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_step_error(self, request: pytest.FixtureRequest, feature: Any, scenario: Any,
                              step: Any, step_func: Any, step_func_args: Any,
                              exception: Exception) -> None:
        rec = self._step(request, scenario, step)
        if rec is not None:
            rec.update(status="failed", duration=self._duration(request),
                       error=error_text(exception))

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_step_func_lookup_error(self, request: pytest.FixtureRequest, feature: Any,
                                          scenario: Any, step: Any,
                                          exception: Exception) -> None:
        rec = self._step(request, scenario, step)
        if rec is not None:
            rec.update(status="undefined", error=f"Unknown step: {step.keyword} {step.name} "
                       f"(line {step.line_number} of {feature.rel_filename})")

    def pytest_bdd_after_scenario(self, request: pytest.FixtureRequest, feature: Any,
                                  scenario: Any) -> None:
        record = self.records.get(request.node.nodeid)
        if record is None:
            return
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
                "drugs": [{"drug": d["drug"], "verdict": d["verdict"], "trace": d["trace"],
                           "findings": [{"rule_id": f["rule_id"], "verdict": f["verdict"],
                                         "status": f["status"]} for f in d["findings"]]}
                          for d in result.get("assessments", [])],
            })
        record["assessments"] = assessments
        record["checked_rules"] = sorted(getattr(state, "checked_rules", ()))
        record["checked_verdicts"] = sorted(getattr(state, "checked_verdicts", ()))

    # ---- outcome: pytest's word is final ---------------------------------------------------

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        outcome = yield
        report = outcome.get_result()
        record = self.records.get(item.nodeid)
        if record is None and report.skipped and report.when == "setup":
            self._skipped(item)  # @skip: never started, still in every report
            return
        if record is None or not report.failed or call.excinfo is None:
            return
        message = error_text(call.excinfo.value)
        record["error"] = record["error"] or message
        steps = record["steps"]
        if any(s["status"] in ("failed", "undefined") for s in steps):
            for s in steps:
                if s["status"] in ("failed", "undefined"):
                    s["error"] = message  # the full message (nearest steps for a typo)
            return
        # a failure outside any step (a fixture, a hook): pin it on the first step not run
        pending = next((s for s in steps if s["status"] == "skipped"), None)
        if pending is not None:
            pending.update(status="failed", error=message)

    def _skipped(self, item: pytest.Item) -> None:
        from pytest_bdd.scenario import scenario_wrapper_template_registry

        template = scenario_wrapper_template_registry.get(getattr(item, "function", None))
        if template is None:
            return
        callspec = getattr(item, "callspec", None)
        example = callspec.params.get("_pytest_bdd_example") if callspec else None
        scenario = template.render(dict(example) if example else {})
        feature = template.feature
        self.records[item.nodeid] = {
            "nodeid": item.nodeid, "feature": feature.rel_filename,
            "feature_name": feature.name, "feature_keyword": feature.keyword,
            "feature_line": feature.line_number,
            "feature_description": feature.description or "",
            "feature_tags": sorted(feature.tags), "scenario": scenario.name,
            "keyword": scenario.keyword, "line": scenario.line_number,
            "example": dict(example) if example else None, "example_line": None,
            "tags": sorted(feature.tags | scenario.tags), "outcome": "skipped",
            "error": None, "steps": [_step_record(step) for step in scenario.steps],
            "checked_rules": [], "checked_verdicts": [], "assessments": []}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        record = self.records.get(report.nodeid)
        if record is None:
            return
        if report.failed:
            record["outcome"] = "failed"
        elif report.when == "call" and record["outcome"] == "unknown":
            record["outcome"] = "skipped" if report.skipped else "passed"

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        records = list(self.records.values())
        for r in records:
            if r["outcome"] == "unknown":
                r["outcome"] = "failed"
                r["error"] = r["error"] or "the scenario did not finish"
        if self.out is not None:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self.out.write_text(json.dumps({"scenarios": records}, indent=1), encoding="utf-8")
        if self.cucumber is not None:
            self.cucumber.parent.mkdir(parents=True, exist_ok=True)
            self.cucumber.write_text(json.dumps(cucumber_json(records), indent=1),
                                     encoding="utf-8")


def _example_line(request: pytest.FixtureRequest, scenario: Any,
                  example: dict[str, str] | None) -> int | None:
    """The line of the Examples row an outline scenario was rendered from."""
    if not example:
        return None
    template = getattr(scenario, "feature", None)
    path = Path(getattr(template, "filename", "")) if template else None
    if path is None or not path.is_file():
        return None
    cells = [str(v).strip() for v in example.values()]
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if number > scenario.line_number and line.strip().startswith("|"):
            row = [c.strip() for c in line.strip().strip("|").split("|")]
            if row == cells:
                return number
    return None


def _step_record(step: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {"keyword": step.keyword, "name": step.name,
                           "line": step.line_number, "type": step.type,
                           "status": "skipped", "duration": 0, "error": None}
    if step.datatable is not None:
        rec["rows"] = [[str(c) for c in row] for row in step.datatable.raw()]
    if step.docstring is not None:
        rec["doc_string"] = step.docstring
    return rec


# ---- Cucumber JSON ---------------------------------------------------------------------------

def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def scenario_title(record: dict[str, Any]) -> str:
    """The scenario's name; an outline row carries its Examples values (rows are told apart)."""
    example = record.get("example")
    if not example:
        return str(record["scenario"])
    return f"{record['scenario']} [{', '.join(f'{k}={v}' for k, v in example.items())}]"


def cucumber_json(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records as Cucumber JSON (cucumber-ruby 7 shape: every key its schema allows, no
    other): feature tags copied onto scenarios, data tables as `rows`, doc strings, outline
    rows with the Examples row's line, steps never run as `skipped`, unknown steps `undefined`."""
    features: dict[str, dict[str, Any]] = {}
    seen_ids: set[str] = set()
    for r in records:
        feature = features.get(r["feature"])
        if feature is None:
            feature = features[r["feature"]] = {
                "uri": r["feature"], "id": _slug(r["feature_name"]),
                "line": r.get("feature_line") or 1,
                "keyword": r.get("feature_keyword") or "Feature",
                "name": r["feature_name"], "description": r.get("feature_description") or "",
                "tags": [{"name": f"@{t}", "line": max(1, (r.get("feature_line") or 2) - 1)}
                         for t in r.get("feature_tags", [])],
                "elements": []}
        element_id = f"{feature['id']};{_slug(r['scenario'])}"
        n, base = 1, element_id
        while element_id in seen_ids:
            n += 1
            element_id = f"{base};{n}"
        seen_ids.add(element_id)
        steps = []
        for s in r["steps"]:
            result: dict[str, Any] = {"status": s["status"], "duration": s.get("duration", 0)}
            if s.get("error") and s["status"] in ("failed", "undefined"):
                result["error_message"] = s["error"]
            step: dict[str, Any] = {"keyword": f"{s['keyword']} ", "line": s["line"],
                                    "name": s["name"],
                                    "match": {"location": f"{r['feature']}:{s['line']}"},
                                    "result": result}
            if s.get("rows"):
                step["rows"] = [{"cells": row} for row in s["rows"]]
            if s.get("doc_string") is not None:
                step["doc_string"] = {"value": s["doc_string"], "line": s["line"] + 1}
            steps.append(step)
        feature["elements"].append({
            "id": element_id, "line": r.get("example_line") or r["line"], "type": "scenario",
            "keyword": r.get("keyword") or "Scenario", "name": scenario_title(r),
            "description": "", "tags": [{"name": f"@{t}", "line": r["line"] - 1}
                                        for t in r.get("tags", [])],
            "steps": steps})
    return list(features.values())
