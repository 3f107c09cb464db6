"""PNG renders of the consultation summary PDF for docs/screenshots/ (`make screenshots`).

Two examples, clinician and patient version, every page. Rendered with pdftoppm (poppler-utils,
`make browser`) when it is installed, else with pypdfium2 (the `test` extra), so the pictures
can be made on a machine without poppler.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from dmt_advisor.advisor import default_advisor
from dmt_advisor.next_steps import next_steps
from dmt_advisor.profile import load_profile
from dmt_advisor.report import Audience
from dmt_advisor.summary_pdf import render_summary_pdf

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = (("switch-from-natalizumab", "AB-1042"), ("cis-recent-live-vaccine", "CD-2231"))
DPI = 80


def render_png(pdf: Path, stem: Path) -> list[Path]:
    """Every page of `pdf` as `<stem>-<n>.png`."""
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(stem)], check=True)
        return sorted(stem.parent.glob(f"{stem.name}-*.png"))
    import pypdfium2 as pdfium

    out = []
    document = pdfium.PdfDocument(str(pdf))
    for n, page in enumerate(document, start=1):
        target = stem.parent / f"{stem.name}-{n}.png"
        page.render(scale=DPI / 72).to_pil().save(target)
        out.append(target)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    advisor = default_advisor()
    for name, label in EXAMPLES:
        profile = load_profile(ROOT / "examples" / f"{name}.yaml")
        assessment = advisor.assess(profile, ["ocrelizumab"])  # one drug's consultation
        steps = next_steps(assessment, profile, advisor.rulebook)
        for audience in Audience:
            data = render_summary_pdf(profile, assessment, audience, profile.assessed_on,
                                      steps=steps, patient_label=label,
                                      clinic="MS clinic (example)")
            with tempfile.TemporaryDirectory() as tmp:
                pdf = Path(tmp) / "summary.pdf"
                pdf.write_bytes(data)
                for png in render_png(pdf, args.out / f"summary-pdf-{name}-{audience.value}"):
                    print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)


if __name__ == "__main__":
    main()
