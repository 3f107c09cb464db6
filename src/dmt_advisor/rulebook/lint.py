"""Rulebook lint: the load-time validation plus checks that need the whole rulebook.

Errors fail `dmt-advisor lint` (exit 2); warnings are printed for a reviewer to judge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dmt_advisor.engine.compile import compile_rules
from dmt_advisor.errors import RulebookError, RulebookErrors
from dmt_advisor.rulebook.load import Rulebook, load_rulebook


@dataclass
class LintReport:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rule_count: int = 0
    source_count: int = 0


def lint_rulebook(root: str | Path | None = None) -> LintReport:
    """Load and check a rules folder; never raises for a rulebook problem."""
    report = LintReport()
    try:
        book = load_rulebook(root)
    except RulebookErrors as exc:
        report.errors += [str(e) for e in exc.errors]
        return report
    except RulebookError as exc:
        report.errors.append(str(exc))
        return report
    report.rule_count, report.source_count = len(book.rules), len(book.sources)
    report.errors += never_true_rules(book)
    return report


def never_true_rules(book: Rulebook) -> list[str]:
    """Rules whose condition folds to false at compile time can never fire."""
    out = []
    for drug in book.drugs:
        compiled = compile_rules(drug, book.rules_for(drug))
        out += [f"file {book.rule_files[rid]}, rule {rid}: condition can never be true"
                for rid in compiled.never_true]
    return out
