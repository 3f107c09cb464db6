"""Screenshots of every page at desktop width, for docs/screenshots/ (`make screenshots`).

Runs the real app with `streamlit run` and Debian's Chromium, with an example patient loaded
through the `?example=` URL parameter.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server, wait_for_app

# (file name, URL path, example, text to wait for, viewport height, audience)
SHOTS: tuple[tuple[str, str, str, str, int, str], ...] = (
    ("profile.png", "", "rrms-ready-to-start", "Patient profile", 1100, "clinician"),
    ("recommendation.png", "recommendation", "rrms-anti-hbc-positive", "Because", 1900,
     "clinician"),
    ("recommendation-patient.png", "recommendation", "rrms-anti-hbc-positive",
     "What this means for you", 1100, "patient"),
    ("schedule.png", "schedule", "rrms-on-ocrelizumab-iv", "Doses given", 1200, "clinician"),
    ("summary.png", "summary", "active-hepatitis-b", "Download PDF", 1700, "clinician"),
    ("rules.png", "rules", "rrms-ready-to-start", "Eligibility", 1300, "clinician"),
    ("options-clinician.png", "options", "new-diagnosis-rrms", "Grouped by verdict", 1500,
     "clinician"),
    ("options-patient.png", "options", "new-diagnosis-rrms", "Grouped by what the check found",
     1300, "patient"),
)


def take(out_dir: Path, width: int = 1440, only: str = "") -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with streamlit_server() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, path, example, text, height, audience in SHOTS:
                if only and not name.startswith(only):
                    continue
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"{base}/{path}?example={example}")
                if audience == "patient":
                    wait_for_app(page, "Clinician")
                    page.locator(".st-key-patient_header").get_by_text(
                        "Patient", exact=True).click()
                wait_for_app(page, text)
                if path == "options":  # the filters are drawn after the first text
                    page.get_by_text("Plans for pregnancy").first.wait_for()
                target = out_dir / name
                page.screenshot(path=str(target))
                written.append(target)
                page.close()
        finally:
            browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", default="", help="Only the shots whose file name starts "
                        "with this (e.g. options).")
    args = parser.parse_args()
    for path in take(args.out, only=args.only):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
