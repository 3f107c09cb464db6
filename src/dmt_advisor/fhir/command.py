"""Body of `dmt-advisor import-fhir` (cli.py only registers it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import yaml

from dmt_advisor.fhir.importer import import_bundle_file, problems_error, render_report
from dmt_advisor.profile import Jurisdiction, profile_to_yaml


def run_import(bundle: Path, output: Path | None, assessed_on: dt.date | None,
               jurisdiction: Jurisdiction, report_to: Callable[[str], None]) -> str:
    """Map a bundle; give the report to `report_to`, write the profile YAML to `output`, and
    return the profile text.

    Raises ProfileError (exit 2) when the mapped data do not make a valid profile, after the
    report and after writing what was mapped, so the clinician can complete it by hand.
    """
    result = import_bundle_file(bundle, assessed_on, jurisdiction)
    report_to(render_report(result))
    if result.profile is not None:
        text = profile_to_yaml(result.profile)
    else:
        text = ("# Incomplete: complete the fields listed by `import-fhir` before assessing.\n"
                + yaml.safe_dump(result.data, sort_keys=False, allow_unicode=True))
    if output is not None:
        output.write_text(text, encoding="utf-8")
    if result.profile is None:
        raise problems_error(result, f"{bundle} (mapped from FHIR)")
    return text
