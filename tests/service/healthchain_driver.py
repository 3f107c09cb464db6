"""Drives a running `dmt-advisor serve` with HealthChain's SandboxClient (a CDS client we did not
write). Runs in its own virtualenv (.venv-healthchain: healthchain pins an older fhir.resources),
so it imports nothing of dmt_advisor. Prints one JSON object: the responses per request.

Two gaps of healthchain 0.16.1 are bridged here, documented in docs/service.md:
- SandboxClient sends no Authorization header (no CDS Hooks JWT support): an httpx request hook
  adds a fresh ES384 JWT (new jti, aud = the URL called) to every request it sends.
- Its CDSRequest declares `context: BaseHookContext`, so pydantic drops `draftOrders` of an
  order-sign context when the client serialises it: the order-sign requests are dumped with
  `serialize_as_any=True`.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import types
import uuid
from pathlib import Path
from typing import Any

import httpx
import jwt
from healthchain.models.requests.cdsrequest import CDSRequest
from healthchain.sandbox import SandboxClient
from healthchain.sandbox import sandboxclient as sc
from healthchain.sandbox.requestconstructors import CdsRequestConstructor
from healthchain.sandbox.workflows import Workflow

SEARCH = {"Condition": "conditions", "Observation": "observations",
          "MedicationRequest": "medicationRequests", "MedicationStatement": "medicationStatements",
          "MedicationAdministration": "medicationAdministrations",
          "Immunization": "immunizations", "AllergyIntolerance": "allergies"}


class _Request(CDSRequest):
    def model_dump(self, **kw: Any) -> dict[str, Any]:
        return super().model_dump(serialize_as_any=True, **kw)


def prefetch(bundle: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: {"resourceType": "Bundle", "type": "searchset", "entry": []}
                           for k in SEARCH.values()}
    for entry in bundle["entry"]:
        res = entry["resource"]
        if res["resourceType"] == "Patient":
            out["patient"] = res
        elif res["resourceType"] in SEARCH:
            out[SEARCH[res["resourceType"]]]["entry"].append({"resource": res})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--key", required=True, help="PEM private key (ES384)")
    ap.add_argument("--iss", required=True)
    ap.add_argument("--kid", required=True)
    ap.add_argument("bundles", nargs="+")
    args = ap.parse_args()
    key = Path(args.key).read_text()

    def sign(request: httpx.Request) -> None:
        now = int(time.time())
        aud = str(request.url.copy_with(query=None))
        token = jwt.encode({"iss": args.iss, "aud": aud, "iat": now, "exp": now + 120,
                            "jti": str(uuid.uuid4())}, key, algorithm="ES384",
                           headers={"kid": args.kid, "typ": "JWT"})
        request.headers["Authorization"] = f"Bearer {token}"

    class SignedClient(httpx.Client):
        def __init__(self, *a: Any, **kw: Any) -> None:
            super().__init__(*a, event_hooks={"request": [sign]}, **kw)

    public = {n: getattr(httpx, n) for n in dir(httpx) if not n.startswith("__")}
    sc.httpx = types.SimpleNamespace(**(public | {"Client": SignedClient}))

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.bundles:
            bundle = json.loads(Path(path).read_text())
            data = prefetch(bundle)
            pid = data["patient"]["id"]
            pf = Path(tmp) / f"{Path(path).stem}.json"
            pf.write_text(json.dumps(data))
            view = SandboxClient(url=f"{args.base}/cds-services/dmt-advisor-patient-view",
                                 workflow="patient-view", timeout=60)
            view.load_from_path(pf)
            sign_client = SandboxClient(url=f"{args.base}/cds-services/dmt-advisor-order-sign",
                                        workflow="order-sign", timeout=60)
            order = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
                "resourceType": "MedicationRequest", "id": "draft-1", "status": "draft",
                "intent": "order", "subject": {"reference": f"Patient/{pid}"},
                "medicationCodeableConcept": {"coding": [{
                    "system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                    "code": "1876366", "display": "ocrelizumab"}]}}}]}
            built = CdsRequestConstructor().construct_request(
                data, workflow=Workflow.order_sign,
                context={"userId": "Practitioner/1", "patientId": pid, "draftOrders": order})
            sign_client.requests.append(_Request(**dict(built)))
            out[Path(path).name] = {"patient-view": view.send_requests(),
                                    "order-sign": sign_client.send_requests()}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
