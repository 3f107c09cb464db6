"""Run the Gherkin scenarios in a child pytest and read back what each one assessed.

A child process (not `pytest.main` in this process) so that a run is isolated: the CLI can run
it, and so can a test that is itself running under pytest. The rules folder the scenarios use is
passed through `DMT_ADVISOR_RULES`, which the CLI's default rulebook honours.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dmt_advisor.errors import DmtAdvisorError

REPO = Path(__file__).resolve().parents[3]
STEPS = REPO / "tests" / "steps"


@dataclass
class ScenarioRun:
    """The records of one run of the scenarios, and where its reports went."""

    scenarios: list[dict[str, Any]]
    exit_code: int
    output: str = ""
    cucumber_json: Path | None = None
    record_file: Path | None = None
    features_dir: Path = field(default_factory=lambda: REPO / "features")

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [s for s in self.scenarios if s["outcome"] == "failed"]

    def profiles(self) -> list[tuple[str, dict[str, Any]]]:
        """Every profile a scenario assessed, labelled `feature: scenario`, without repeats."""
        seen: set[str] = set()
        out = []
        for s in self.scenarios:
            for a in s["assessments"]:
                key = json.dumps(a["profile"], sort_keys=True)
                if key not in seen:
                    seen.add(key)
                    out.append((scenario_label(s), a["profile"]))
        return out


def scenario_label(record: dict[str, Any]) -> str:
    """`feature file: scenario name`, with the Examples row of an outline."""
    example = record.get("example")
    row = f" [{', '.join(f'{k}={v}' for k, v in example.items())}]" if example else ""
    return f"{record['feature']}: {record['scenario']}{row}"


def check_features(features_dir: Path) -> int:
    """Parse every feature file; raise naming the file and line of the first one that cannot
    be parsed. Returns the number of scenarios (outline rows counted) the folder holds.

    A run over a broken folder must never look like a run of zero scenarios."""
    from pytest_bdd.exceptions import GherkinParseError
    from pytest_bdd.parser import FeatureParser

    problems, count = [], 0
    files = sorted(features_dir.rglob("*.feature"))
    for path in files:
        rel = path.relative_to(features_dir)
        try:
            feature = FeatureParser(str(features_dir), str(rel)).parse()
        except GherkinParseError as exc:
            problems.append(f"{rel}, line {exc.line}: {exc.message} "
                            f"({exc.line_content.strip()!r})")
            continue
        if not feature.scenarios:
            problems.append(f"{rel}: no scenario found (is every `Scenario:` keyword spelt "
                            "right, followed by a colon?)")
        for template in feature.scenarios.values():
            rows = sum(len(e.examples) for e in template.examples)
            count += rows if template.templated else 1
    if problems:
        raise DmtAdvisorError("feature files that cannot be parsed (nothing was run):\n"
                              + "\n".join(f"  {p}" for p in problems))
    if not files:
        raise DmtAdvisorError(f"no .feature file under {features_dir}")
    return count


def run_scenarios(reports_dir: Path, features_dir: Path | None = None,
                  rules_dir: Path | None = None, pytest_args: list[str] | None = None,
                  cucumber: bool = True) -> ScenarioRun:
    """Run every scenario under `features_dir` (default features/) with `rules_dir`'s rules."""
    if not STEPS.is_dir():
        raise DmtAdvisorError(f"scenario runs need the repository checkout ({STEPS} not found)")
    try:
        import pytest_bdd  # noqa: F401
    except ImportError:
        raise DmtAdvisorError("scenario runs need the test extra: pip install -e '.[test]'") \
            from None
    features_dir = (features_dir or REPO / "features").resolve()
    if not features_dir.is_dir():
        raise DmtAdvisorError(f"features folder not found: {features_dir}")
    expected = check_features(features_dir)
    reports_dir.mkdir(parents=True, exist_ok=True)
    record = reports_dir / "scenarios.json"
    record.unlink(missing_ok=True)
    cucumber_json = reports_dir / "cucumber.json" if cucumber else None
    args = [sys.executable, "-m", "pytest", str(STEPS), "-q", "-p", "no:cacheprovider",
            "--rootdir", str(REPO), "-c", str(REPO / "pyproject.toml"),
            "-o", f"bdd_features_base_dir={features_dir}",
            "-p", "dmt_advisor.qa.recorder", f"--qa-record={record}"]
    if cucumber_json is not None:
        args.append(f"--qa-cucumber={cucumber_json}")
    args += pytest_args or []
    env = dict(os.environ)
    if rules_dir is not None:
        env["DMT_ADVISOR_RULES"] = str(Path(rules_dir).resolve())
    proc = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    if not record.is_file():
        text = proc.stdout + proc.stderr
        excerpt = text if len(text) < 4000 else f"{text[:2000]}\n...\n{text[-1500:]}"
        raise DmtAdvisorError("the scenario run recorded nothing (pytest exit code "
                              f"{proc.returncode}):\n{excerpt}")
    data = json.loads(record.read_text(encoding="utf-8"))
    if proc.returncode not in (0, 1, 5) or (not data["scenarios"] and not pytest_args
                                            and expected):
        text = proc.stdout + proc.stderr
        excerpt = text if len(text) < 4000 else f"{text[:2000]}\n...\n{text[-1500:]}"
        raise DmtAdvisorError(
            f"the scenario run stopped (pytest exit code {proc.returncode}) after "
            f"{len(data['scenarios'])} of {expected} scenarios:\n{excerpt}")
    return ScenarioRun(data["scenarios"], proc.returncode, proc.stdout + proc.stderr,
                       cucumber_json, record, features_dir)


def load_run(record_file: Path) -> ScenarioRun:
    """A run recorded earlier (`reports/scenarios.json`)."""
    data = json.loads(Path(record_file).read_text(encoding="utf-8"))
    return ScenarioRun(data["scenarios"], 0, record_file=Path(record_file))
