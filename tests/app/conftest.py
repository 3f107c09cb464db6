"""AppTest helpers: the real app script, the real engine and rules, one page at a time."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP_DIR = ROOT / "app"
APP = APP_DIR / "streamlit_app.py"
if str(APP_DIR) not in sys.path:
    sys.path.insert(0, str(APP_DIR))

PAGES = {name: f"views/{name}.py" for name in
         ("profile", "recommendation", "options", "schedule", "summary", "rules")}


def start(example: str | None = None, audience: str | None = None) -> AppTest:
    """The app as a new browser session would open it (optionally `?example=`)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if example:
        at.query_params["example"] = example
    at.run()
    assert not at.exception, at.exception
    if audience:
        at.segmented_control(key="audience").set_value(audience).run()
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(PAGES[page]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def nodes(block: Any) -> Iterator[Any]:
    """Every element of a block in document order (depth first)."""
    for child in getattr(block, "children", {}).values():
        yield child
        yield from nodes(child)


def texts(at: AppTest) -> str:
    """All visible text of the main area, for wording checks."""
    parts = []
    for node in nodes(at.main):
        for attr in ("value", "label", "body"):
            value = getattr(node, attr, None)
            if isinstance(value, str):
                parts.append(value)
    return "\n".join(parts)


def problem_after(at: AppTest, key: str) -> str | None:
    """The error/warning shown right under the widget with `key` (before the next widget)."""
    seen = False
    for node in nodes(at.main):
        if getattr(node, "key", None) == key:
            seen = True
            continue
        if seen:
            kind = getattr(node, "type", "")
            if type(node).__name__ in ("Error", "Warning"):
                return str(node.value)
            if getattr(node, "key", None) or kind in ("button", "radio", "selectbox",
                                                      "number_input", "date_input"):
                return None
    return None


@pytest.fixture
def open_app() -> Callable[..., AppTest]:
    return start
