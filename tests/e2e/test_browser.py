"""End to end in a real headless Chromium: one session that visits every page at desktop and
phone widths, reloads, and checks accessibility with axe-core (axe-playwright-python).

Uses Debian's Chromium (/usr/bin/chromium; `make browser` installs it) through Playwright's
`executable_path`; no browser is downloaded. The server runs in its own process group and is
stopped at the end (tests/e2e/server.py). The axe counts per page are written to the test's
output (`-s`) and kept in `AXE_COUNTS` for the report.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

NAV = (("Profile", "Patient profile"), ("Recommendation", "Needs attention"),
       ("Options", "Grouped by verdict"),
       ("Schedule and monitoring", "Schedule"), ("Consultation summary", "Download PDF"),
       ("Rules", "Rules"))
SEVERE = ("serious", "critical")
AXE_COUNTS: dict[str, dict[str, int]] = {}

HEADINGS_JS = """() => Array.from(document.querySelectorAll(
  '[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3,'
  + '[data-testid="stMain"] h4, [data-testid="stMain"] h5, [data-testid="stMain"] h6'))
  .filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))"""


@pytest.fixture(scope="module")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    return CHROMIUM


def axe_check(page: object, name: str) -> list[str]:
    """Serious and critical axe-core violations on the page, as `rule-id (n nodes)`."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = results.response["violations"]
    counts = {impact: sum(1 for v in violations if v.get("impact") == impact)
              for impact in ("minor", "moderate", "serious", "critical")}
    AXE_COUNTS[name] = counts
    print(f"axe {name}: {counts}")
    for v in violations:
        print("   ", v.get("impact"), v["id"], v["help"], [n["html"][:80] for n in v["nodes"]])
    return [f"{v['id']} ({len(v['nodes'])} nodes): {v['help']}" for v in violations
            if v.get("impact") in SEVERE]


def heading_skips(page: object) -> list[int]:
    levels = page.evaluate(HEADINGS_JS)
    return [b for a, b in itertools.pairwise(levels) if b > a + 1]


def test_every_page_reload_phone_axe_and_no_console_errors(chromium: str,
                                                         tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    console_errors: list[str] = []
    severe: dict[str, list[str]] = {}
    skips: dict[str, list[int]] = {}

    def watch(page: object) -> None:
        page.on("console", lambda m: console_errors.append(f"{m.type}: {m.text}")
                if m.type == "error" or (m.type == "warning" and m.text.startswith("WARN"))
                else None)
        page.on("pageerror", lambda e: console_errors.append(str(e)))  # Vega logs "WARN ..."

    with streamlit_server() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1600})
            page.set_default_timeout(20_000)
            watch(page)
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
            label = page.get_by_label("Patient label", exact=True)
            label.fill("JS 52")
            label.press("Enter")
            wait_for_app(page, "Patient JS 52")

            # F5: the same patient comes back, with its label, never the demo patient.
            page.reload()
            wait_for_app(page, "Restored the patient you were working on (JS 52)")
            header = page.locator(".st-key-patient_header")
            expect(header).to_contain_text("Contraindicated")
            expect(header).to_contain_text("JS 52")

            for link, text in NAV:
                page.get_by_role("link", name=link, exact=True).click()
                wait_for_app(page, text)
                severe[link] = axe_check(page, f"{link} (desktop)")
                skips[link] = heading_skips(page)
            main = page.locator("[data-testid='stMain']")
            page.get_by_role("link", name="Recommendation", exact=True).click()
            wait_for_app(page, "Needs attention")
            assert main.get_by_text(re.compile(r"§4 Contraindications, rev\. 2024-01")
                                    ).first.is_visible()
            assert main.get_by_text(re.compile("HBsAg is positive")).first.is_visible()
            page.screenshot(path=str(tmp_path / "recommendation.png"))

            # Options: the table is a real table; comparing needs two drugs; never ranked.
            page.get_by_role("link", name="Options", exact=True).click()
            wait_for_app(page, "Grouped by verdict")
            expect(main.locator("table").first).to_be_visible()
            expect(main.get_by_text(re.compile("The order is not a ranking"))).to_be_visible()
            expect(main.get_by_text("Choose two or three drugs to see them")).to_be_visible()
            page.screenshot(path=str(tmp_path / "options.png"))

            # A phone: the verdict and the audience switch are on screen without the sidebar.
            phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True,
                                     has_touch=True)
            phone.set_default_timeout(20_000)
            watch(phone)
            phone.goto(base)  # a new tab: empty, never the patient of another tab
            wait_for_app(phone, "Patient profile")
            expect(phone.locator(".st-key-patient_header")).not_to_contain_text("JS 52")
            phone.goto(f"{base}/?example=rrms-anti-hbc-positive")
            wait_for_app(phone, "Loaded the example patient")
            head = phone.locator(".st-key-patient_header")
            expect(head).to_contain_text("Eligible with precautions")
            switch = head.get_by_text("Patient", exact=True)
            expect(switch).to_be_in_viewport()
            switch.tap()
            wait_for_app(phone, "Possible, with extra checks")
            for link, _ in NAV:
                if link != "Profile":  # the sidebar is collapsed on a phone: open it first
                    expand = phone.locator("[data-testid='stExpandSidebarButton']")
                    if expand.count() and expand.first.is_visible():
                        expand.first.tap()
                    phone.get_by_role("link", name=link, exact=True).tap()
                wait_for_app(phone, "Patient")
                expect(phone.locator(".st-key-patient_header")).to_contain_text(
                    "Possible, with extra checks")
                severe[f"{link} (phone, patient)"] = axe_check(phone, f"{link} (phone, patient)")
                skips[f"{link} (phone)"] = heading_skips(phone)
        finally:
            browser.close()
    assert {k: v for k, v in severe.items() if v} == {}
    assert {k: v for k, v in skips.items() if v} == {}
    assert console_errors == []
