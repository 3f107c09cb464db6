"""A real `dmt-advisor serve` on loopback, real ES384 keys, a real FHIR server on loopback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import jwt
import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric import ec

ISS = "https://ehr.test.invalid/"
KID = "test-es384"
FIX = Path(__file__).resolve().parents[1] / "fixtures"
SEARCH_KEYS = {"Condition": "conditions", "Observation": "observations",
               "MedicationRequest": "medicationRequests",
               "MedicationStatement": "medicationStatements",
               "MedicationAdministration": "medicationAdministrations",
               "Immunization": "immunizations", "AllergyIntolerance": "allergies"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_key() -> tuple[Any, dict[str, Any]]:
    key = ec.generate_private_key(ec.SECP384R1())
    jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(key.public_key()))
    jwk.update(kid=KID, alg="ES384", use="sig")
    return key, jwk


def bundle(name: str) -> dict[str, Any]:
    return json.loads((FIX / "fhir" / "ms" / name).read_text())


def resources(b: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["resource"] for e in b["entry"]]


def prefetch(b: dict[str, Any]) -> dict[str, Any]:
    """The prefetch a CDS client would send for our templates, from one patient's bundle."""
    out: dict[str, Any] = {k: {"resourceType": "Bundle", "type": "searchset", "entry": []}
                           for k in SEARCH_KEYS.values()}
    for res in resources(b):
        if res["resourceType"] == "Patient":
            out["patient"] = res
        elif res["resourceType"] in SEARCH_KEYS:
            out[SEARCH_KEYS[res["resourceType"]]]["entry"].append({"resource": res})
    return out


def draft_order(rxnorm: str, name: str, oid: str = "draft-1") -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
        "resourceType": "MedicationRequest", "id": oid, "status": "draft", "intent": "order",
        "subject": {"reference": "Patient/x"},
        "medicationCodeableConcept": {"coding": [{
            "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": rxnorm,
            "display": name}]}}}]}


@dataclass
class Service:
    base: str
    key: Any
    log_file: Path
    process: subprocess.Popen
    aud_base: str = ""
    issued: list[str] = field(default_factory=list)

    def token(self, path: str, **claims: Any) -> str:
        now = int(time.time())
        payload = {"iss": ISS, "aud": self.base + path, "iat": now, "exp": now + 300,
                   "jti": str(uuid.uuid4())} | claims
        headers = {"kid": KID, "typ": "JWT"}
        tok = jwt.encode(payload, self.key, algorithm="ES384", headers=headers)
        self.issued.append(tok)
        return tok

    def get(self, path: str, token: str | None = None, **kw: Any) -> httpx.Response:
        tok = token if token is not None else self.token(path)
        return httpx.get(self.base + path, headers={"Authorization": f"Bearer {tok}"} | kw.pop(
            "headers", {}), timeout=60, **kw)

    def post(self, path: str, body: Any, token: str | None = None, **kw: Any) -> httpx.Response:
        tok = token if token is not None else self.token(path)
        return httpx.post(self.base + path, json=body,
                          headers={"Authorization": f"Bearer {tok}"} | kw.pop("headers", {}),
                          timeout=60, **kw)

    def hook(self, service: str, hook: str, context: dict[str, Any],
             prefetch: dict[str, Any] | None = None, instance: str | None = None,
             **extra: Any) -> httpx.Response:
        body = {"hook": hook, "hookInstance": instance or str(uuid.uuid4()),
                "context": context} | extra
        if prefetch is not None:
            body["prefetch"] = prefetch
        return self.post(f"/cds-services/{service}", body)


def start_service(tmp: Path, workers: int = 2, extra_env: dict[str, str] | None = None
                  ) -> Service:
    key, jwk = make_key()
    port = free_port()
    log_file = tmp / "service.log"
    settings = tmp / "settings.yaml"
    settings.write_text(yaml.safe_dump({
        "port": port, "workers": workers, "log_file": str(log_file),
        "issuers": {ISS: {"jwks": {"keys": [jwk]}, "jku": ["http://127.0.0.1:9/jwks"]}}}))
    env = os.environ | {"DMT_ADVISOR_TEST_ABORT_HOOK": "1"} | (extra_env or {})
    proc = subprocess.Popen([sys.executable, "-m", "dmt_advisor.cli", "serve", "--settings",
                             str(settings)], env=env, stdout=subprocess.DEVNULL,
                            stderr=open(tmp / "stderr.log", "w"))
    svc = Service(base=f"http://127.0.0.1:{port}", key=key, log_file=log_file, process=proc)
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError((tmp / "stderr.log").read_text())
        try:
            if svc.get("/cds-services").status_code == 200:
                return svc
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError("service did not start in 90 s")


def stop_service(svc: Service) -> None:
    svc.process.terminate()
    try:
        svc.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        svc.process.kill()


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    svc = start_service(tmp_path_factory.mktemp("service"))
    yield svc
    stop_service(svc)


class FhirServer:
    """A minimal FHIR read/search server on loopback over one patient's resources."""

    def __init__(self, res: list[dict[str, Any]]) -> None:
        self.resources = res
        self.auth_seen: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.auth_seen.append(self.headers.get("Authorization", ""))
                url = urlparse(self.path)
                kind = url.path.strip("/").split("/")
                if len(kind) == 2:
                    hits = [r for r in outer.resources
                            if r["resourceType"] == kind[0] and r["id"] == kind[1]]
                    body: Any = hits[0] if hits else None
                else:
                    pid = parse_qs(url.query).get("patient", [""])[0]
                    body = {"resourceType": "Bundle", "type": "searchset", "entry": [
                        {"resource": r} for r in outer.resources
                        if r["resourceType"] == kind[0] and pid]}
                data = json.dumps(body).encode()
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "application/fhir+json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
