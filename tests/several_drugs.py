"""A rulebook with several drugs for the options view's tests, whatever rules/ holds today.

rules/ is copied to a temporary folder and the fixture drug (tests/fixtures/drugs/exampleumab,
fiction) is added beside it, plus a renamed copy of it, "offlabelumab", whose description says
it is off-label in MS and cites an efficacy group (fiction too). Nothing is committed: a copy
of rules/ would go stale.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "drugs" / "exampleumab"
OFF_LABEL_DRUG = "offlabelumab"
EFFICACY_GROUP = "fixture group A"


def several_drugs_rules(dest: Path) -> Path:
    """rules/ + exampleumab + offlabelumab (off-label, with a cited efficacy group)."""
    rules = dest / "rules"
    shutil.copytree(ROOT / "rules", rules)
    shutil.copytree(FIXTURE, rules / FIXTURE.name)
    other = rules / OFF_LABEL_DRUG
    other.mkdir()
    for path in FIXTURE.iterdir():
        if path.suffix == ".yaml":
            text = path.read_text(encoding="utf-8").replace(FIXTURE.name, OFF_LABEL_DRUG)
            (other / path.name).write_text(text, encoding="utf-8")
    drug_file = other / "drug.yaml"
    data = yaml.safe_load(drug_file.read_text(encoding="utf-8"))
    data["drug"].update(off_label=True, efficacy_group=EFFICACY_GROUP,
                        efficacy_cites=[data["drug"]["cites"][0]],
                        brands=[], name=OFF_LABEL_DRUG)
    drug_file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return rules
