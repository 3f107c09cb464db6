"""CORS only where configured: the real app in-process (Starlette's TestClient), real JWTs."""

from __future__ import annotations

import time
import uuid

import jwt
import pytest
from fastapi.testclient import TestClient

from dmt_advisor.service.app import create_app
from dmt_advisor.service.settings import Issuer, Settings
from tests.service.conftest import ISS, KID, make_key


def _client(origins: list[str]) -> tuple[TestClient, object]:
    key, jwk = make_key()
    settings = Settings(base_url="http://testserver", cors_origins=origins,
                        issuers={ISS: Issuer(jwks={"keys": [jwk]})})
    return TestClient(create_app(settings)), key


def _token(key: object, typ: str | None = "JWT") -> str:
    now = int(time.time())
    headers = {"kid": KID, "typ": typ}  # PyJWT drops a falsy typ
    return jwt.encode({"iss": ISS, "aud": "http://testserver/cds-services", "iat": now,
                       "exp": now + 60, "jti": str(uuid.uuid4())}, key, algorithm="ES384",
                      headers=headers)


def test_cors_header_for_a_configured_origin_only() -> None:
    client, key = _client(["https://ehr.example.org"])
    ok = client.get("/cds-services", headers={"Authorization": f"Bearer {_token(key)}",
                                              "Origin": "https://ehr.example.org"})
    assert ok.status_code == 200
    assert ok.headers["access-control-allow-origin"] == "https://ehr.example.org"
    other = client.get("/cds-services", headers={"Authorization": f"Bearer {_token(key)}",
                                                 "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    closed, key2 = _client([])
    r = closed.get("/cds-services", headers={"Authorization": f"Bearer {_token(key2)}",
                                             "Origin": "https://ehr.example.org"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_openapi_is_published_without_auth_and_a_jwt_without_typ_is_refused() -> None:
    client, key = _client([])
    assert "/cds-services/{service_id}" in client.get("/openapi.json").json()["paths"]
    bad = client.get("/cds-services", headers={"Authorization": f"Bearer {_token(key, None)}"})
    assert bad.status_code == 401 and "typ" in bad.json()["error"]


def test_an_allow_listed_jku_is_fetched_over_http_and_verifies() -> None:
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from dmt_advisor.service.auth import AuthError, Verifier

    key, jwk = make_key()
    hits: list[str] = []

    class Keys(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            data = json.dumps({"keys": [jwk]}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *a: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Keys)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_port}/jwks"
    try:
        verifier = Verifier(Settings(issuers={ISS: Issuer(jku=[url])}))
        now = int(time.time())
        claims = {"iss": ISS, "aud": "http://a/cds-services", "iat": now, "exp": now + 60}
        for use_jku in (True, False):  # named in the header, or the issuer's configured one
            headers = {"kid": KID, "typ": "JWT"} | ({"jku": url} if use_jku else {})
            token = jwt.encode(claims | {"jti": str(uuid.uuid4())}, key, algorithm="ES384",
                               headers=headers)
            assert verifier.verify(token, "http://a/cds-services")["iss"] == ISS
        assert hits == ["/jwks"]  # fetched once, then cached
        other, _ = make_key()
        forged = jwt.encode(claims | {"jti": "x"}, other, algorithm="ES384",
                            headers={"kid": KID, "typ": "JWT", "jku": url})
        with pytest.raises(AuthError, match="signature"):
            verifier.verify(forged, "http://a/cds-services")
    finally:
        httpd.shutdown()
