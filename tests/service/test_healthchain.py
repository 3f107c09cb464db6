"""HealthChain's SandboxClient (a CDS client we did not write, in its own virtualenv) drives
patient-view and order-sign against a real `dmt-advisor serve` with Synthea and MS bundles."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from dmt_advisor.service.models import CdsResponse
from tests.service.conftest import FIX, ISS, KID, Service

REPO = Path(__file__).resolve().parents[2]
HC_PYTHON = REPO / ".venv-healthchain" / "bin" / "python"


def test_healthchain_sandbox_client_drives_patient_view_and_order_sign(
        service: Service, tmp_path: Path) -> None:
    if not HC_PYTHON.exists():
        if os.environ.get("DMT_ADVISOR_REQUIRE_HEALTHCHAIN") == "1":
            pytest.fail("make test must create .venv-healthchain (make .venv-healthchain)")
        pytest.skip(".venv-healthchain not created (make .venv-healthchain)")
    pem = tmp_path / "key.pem"
    pem.write_bytes(service.key.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
    bundles = [FIX / "fhir" / "ms" / "ms-rrms-on-ocrelizumab.json",
               FIX / "fhir" / "ms" / "ms-rrms-new-referral.json",
               *sorted((FIX / "fhir" / "synthea").glob("*.json"))]
    run = subprocess.run([str(HC_PYTHON), str(Path(__file__).with_name("healthchain_driver.py")),
                          "--base", service.base, "--key", str(pem), "--iss", ISS, "--kid", KID,
                          *map(str, bundles)], capture_output=True, text=True, timeout=240,
                         cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert set(out) == {b.name for b in bundles}
    for name, hooks in out.items():
        for hook, responses in hooks.items():
            assert len(responses) == 1 and responses[0], (name, hook, run.stderr[-2000:])
            CdsResponse.model_validate(responses[0])
    treated = out["ms-rrms-on-ocrelizumab.json"]
    assert treated["patient-view"][0]["cards"][0]["summary"].startswith("ocrelizumab")
    referral = out["ms-rrms-new-referral.json"]["order-sign"][0]["cards"][0]
    assert referral["indicator"] == "warning" and referral.get("suggestions")
    synthea = out["Clemente_Kreiger_1484a42d.json"]["order-sign"][0]["cards"][0]
    assert "not assessed" in synthea["summary"]  # no MS phenotype in general-population data
