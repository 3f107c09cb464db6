"""The step vocabulary is documented, unambiguous, and works in Scenario Outlines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_bdd.parser import FeatureParser

from tests.qa.conftest import FIXTURES
from tests.steps.stepdoc import README, render, step_docs, updated_readme

REPO = Path(__file__).resolve().parents[2]


def _matching(text: str, kind: str | None = None) -> list[str]:
    return [d.function for d in step_docs()
            if (kind is None or d.kind == kind) and d.parser.is_matching(text)]


def test_readme_vocabulary_is_generated_from_the_docstrings() -> None:
    text = README.read_text(encoding="utf-8")
    assert updated_readme(text) == text, \
        "features/README.md is out of date: run .venv/bin/python -m tests.steps.stepdoc"
    for doc in step_docs():
        assert f"`{doc.template}`" in render()


def test_stepdoc_check_fails_on_a_stale_readme(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.steps import stepdoc

    stale = tmp_path / "README.md"
    stale.write_text(f"intro\n{stepdoc.BEGIN}\nold\n{stepdoc.END}\n", encoding="utf-8")
    monkeypatch.setattr(stepdoc, "README", stale)
    assert stepdoc.main(["--check"]) == 1
    assert stepdoc.main([]) == 0 and stepdoc.main(["--check"]) == 0


def test_the_check_runs_as_a_command() -> None:
    proc = subprocess.run([sys.executable, "-m", "tests.steps.stepdoc", "--check"], cwd=REPO,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_every_step_documents_an_example_that_matches_it_and_no_other_step() -> None:
    assert len(step_docs()) >= 35
    for doc in step_docs():
        assert doc.examples, f"{doc.function}: add an 'Example:' line to its docstring"
        assert doc.template.split()[0].lower() == doc.kind, doc.template
        for example in doc.examples:
            keyword, _, text = example.partition(" ")
            assert keyword.lower() == doc.kind, example
            assert _matching(text, doc.kind) == [doc.function], \
                f"{example!r} matches {_matching(text, doc.kind)}, expected {doc.function}"


def _outline_steps(path: Path) -> list[tuple[str, str, bool]]:
    """(kind, rendered text, had a placeholder) for every step of every Examples row."""
    feature = FeatureParser(str(path.parent), path.name).parse()
    out = []
    for template in feature.scenarios.values():
        rows = [row for examples in template.examples for row in examples.as_contexts()] \
            if template.examples else [{}]
        for context in rows:
            rendered = template.render(context)
            for raw, step in zip(template.steps, rendered.steps, strict=True):
                placeholder = bool(re.search(r"<\w+>", raw.name)) or (
                    raw.datatable is not None and any(
                        "<" in cell.value for row in raw.datatable.rows for cell in row.cells)
                ) or bool(raw.docstring and "<" in raw.docstring)
                out.append((step.type, step.name, placeholder))
    return out


def test_every_step_takes_its_values_from_an_examples_table() -> None:
    used: dict[str, bool] = {}
    for path in (FIXTURES / "outlines.feature", FIXTURES / "outlines_parse_only.feature"):
        for kind, text, placeholder in _outline_steps(path):
            matches = _matching(text, kind)
            assert len(matches) == 1, f"{kind} {text!r} matches {matches}"
            used[matches[0]] = used.get(matches[0], False) or placeholder
    for doc in step_docs():
        takes_values = bool(re.search(r"<|\[", doc.template))
        assert doc.function in used, f"{doc.template} is not used in an outline fixture"
        if takes_values:
            assert used[doc.function], f"{doc.template} is never given a <placeholder>"


def test_nearest_steps_for_a_typo() -> None:
    from tests.steps.vocabulary import nearest_steps

    near = nearest_steps("screening.hbsag iz positive", "given")
    assert near and "<field path> is <value>" in near[0]
