"""QA tooling for rule changes: scenario coverage per rule, the impact of a rulebook change on a
corpus of profiles (`diff`), the generated profile grid, and run reports.

Nothing here evaluates rules itself: every assessment goes through `Advisor`. The scenario runs
need the repository checkout (tests/steps) and the `[test]` extra (pytest, pytest-bdd).
"""
