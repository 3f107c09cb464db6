"""End to end in a real headless Chromium: `streamlit run`, load an example, read the verdict.

Uses Debian's Chromium (/usr/bin/chromium; `make test` installs it) through Playwright's
`executable_path`; no browser is downloaded. The server runs in its own process group and is
stopped at the end (tests/e2e/server.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    return CHROMIUM


def test_load_an_example_and_see_the_cited_verdict(chromium: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    console_errors: list[str] = []
    with streamlit_server() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1600})
            page.set_default_timeout(20_000)
            page.on("console", lambda m: console_errors.append(m.text)
                    if m.type == "error" else None)
            page.on("pageerror", lambda e: console_errors.append(str(e)))
            page.on("requestfailed", lambda r: console_errors.append(f"request failed: {r.url}"))
            page.goto(base)
            wait_for_app(page, "Start from an example patient")

            # Choose the example in the select box and load it, as a person would.
            page.locator("[data-testid='stSelectbox']").filter(
                has_text="Start from an example patient").locator("input").click()
            page.get_by_role("option", name=re.compile("HBsAg and anti-HBc both positive")
                             ).click()
            load = page.get_by_role("button", name=re.compile("Load example"))
            expect(load).to_be_enabled()  # the choice has reached the server
            wait_for_app(page, "Start from an example patient")
            load.click()
            wait_for_app(page, "Loaded the example patient")

            page.get_by_role("link", name="Recommendation").click()
            wait_for_app(page, "Needs attention")
            main = page.locator("[data-testid='stMain']")
            assert main.get_by_text("Contraindicated").first.is_visible()
            citation = main.get_by_text(re.compile(r"§4 Contraindications, rev\. 2024-01"))
            assert citation.first.is_visible()
            assert main.get_by_text(re.compile("HBsAg is positive")).first.is_visible()

            shot = tmp_path / "recommendation.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
    assert console_errors == []
