"""One error hierarchy for the whole house.

Every error says *where*: a profile error carries field paths, a rulebook error the file and
rule id, an engine error the rule id. Views (CLI, app) catch `DmtAdvisorError` and show
`str(error)`; they never need a traceback to tell a person what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass


class DmtAdvisorError(Exception):
    """Base of every error dmt-advisor raises on purpose."""


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one field of a profile."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ProfileError(DmtAdvisorError):
    """The patient profile is malformed; `problems` name each field path."""

    def __init__(self, problems: list[FieldProblem], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        where = f" in {source}" if source else ""
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"invalid patient profile{where}:\n{lines}")


class RulebookError(DmtAdvisorError):
    """A rule file is malformed; names the file and, where known, the rule id."""

    def __init__(self, message: str, file: str | None = None, rule_id: str | None = None) -> None:
        self.file = file
        self.rule_id = rule_id
        self.detail = message
        where = ", ".join(
            part for part in (file and f"file {file}", rule_id and f"rule {rule_id}") if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class MissingRuleError(RulebookError, KeyError):
    """Code asked for a rule or parameter the rules folder lacks (a KeyError, for `in`-style
    callers); `dmt-advisor lint` reports the ids the code needs, so this is caught earlier."""

    def __init__(self, rule_id: str, folder: str | None = None) -> None:
        where = f" ({folder})" if folder else ""
        RulebookError.__init__(self, f"missing from the rules folder{where}; the code needs it",
                               None, rule_id)

    def __str__(self) -> str:
        return Exception.__str__(self)


class RulebookErrors(RulebookError):
    """Several rulebook problems at once, so an author sees them all in one run."""

    def __init__(self, errors: list[RulebookError]) -> None:
        self.errors = errors
        DmtAdvisorError.__init__(self, "\n".join(str(e) for e in errors))
        self.file = errors[0].file if errors else None
        self.rule_id = errors[0].rule_id if errors else None
        self.detail = str(self)


class EngineError(DmtAdvisorError):
    """durable-rules failed or disagreed with what we asked of it; names the rule when known."""

    def __init__(self, message: str, rule_id: str | None = None) -> None:
        self.rule_id = rule_id
        super().__init__(f"rule {rule_id}: {message}" if rule_id else message)
