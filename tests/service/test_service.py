"""The CDS Hooks service, end to end: a real `dmt-advisor serve` process on loopback, real JWTs,
real engine workers, real FHIR data (prefetch, or fetched from a loopback FHIR server)."""

from __future__ import annotations

import copy
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt

from dmt_advisor.service.app import ABORT_INSTANCE
from dmt_advisor.service.models import CdsResponse, Discovery
from tests.service.conftest import (
    ISS,
    KID,
    FhirServer,
    Service,
    bundle,
    draft_order,
    prefetch,
    resources,
)

OCR = ("1876366", "ocrelizumab")
SIGN = "/cds-services/dmt-advisor-order-sign"


def _patient_id(b: dict[str, Any]) -> str:
    return next(r["id"] for r in resources(b) if r["resourceType"] == "Patient")


def _sign(service: Service, b: dict[str, Any], **kw: Any):
    return service.hook("dmt-advisor-order-sign", "order-sign",
                        {"userId": "Practitioner/1", "patientId": _patient_id(b),
                         "draftOrders": draft_order(*OCR)}, prefetch(b), **kw)


def _hbv_positive() -> dict[str, Any]:
    b = bundle("ms-active-hbv.json")
    for r in resources(b):
        if r["id"] == "o10":  # anti-HBc: recent and positive
            r["effectiveDateTime"] = "2026-11-01"
            r["interpretation"][0]["coding"][0]["code"] = "POS"
    return b


def test_discovery_lists_three_hooks_with_prefetch(service: Service) -> None:
    r = service.get("/cds-services")
    assert r.status_code == 200
    found = Discovery.model_validate(r.json())
    assert {s.hook for s in found.services} == {"patient-view", "order-select", "order-sign"}
    assert all("patient" in (s.prefetch or {}) for s in found.services)
    assert "5196-1" in found.services[0].prefetch["observations"]


def test_order_sign_hbsag_positive_is_deferred_until_hepatology_with_source_and_facts(
        service: Service) -> None:
    """Serology alone cannot tell active hepatitis B from carriage (review F6): HBsAg positive
    holds the order until a liver specialist's answer is recorded, which FHIR does not carry."""
    r = _sign(service, _hbv_positive())
    assert r.status_code == 200, r.text
    cards = CdsResponse.model_validate(r.json()).cards
    assert len(cards) == 1
    card = cards[0]
    assert card.indicator == "warning" and len(card.summary) <= 140
    assert card.summary.startswith("ocrelizumab: Deferred")
    assert "until a liver specialist has assessed it" in card.detail
    assert card.source.url and card.source.url.startswith("https://")
    assert "HBsAg is positive" in card.detail  # the patient fact behind the finding
    assert card.overrideReasons and all(c.display for c in card.overrideReasons)


def test_order_sign_missing_work_up_is_a_warning_with_service_request_suggestions(
        service: Service) -> None:
    r = _sign(service, bundle("ms-rrms-new-referral.json"))
    card = CdsResponse.model_validate(r.json()).cards[0]
    assert card.indicator == "warning"
    actions = [a for s in card.suggestions or [] for a in s.actions or []]
    ordered = {c["code"] for a in actions for c in a.resource["code"]["coding"]}
    assert "16933-4" in ordered  # anti-HBc never done: suggest ordering it
    assert all(a.type == "create" and a.resource["resourceType"] == "ServiceRequest"
               and a.resource["status"] == "draft" for a in actions)
    assert "screening.anti_hbc" in card.detail


def test_order_for_a_drug_without_rules_gives_no_cards(service: Service) -> None:
    b = bundle("ms-rrms-new-referral.json")
    r = service.hook("dmt-advisor-order-sign", "order-sign",
                     {"userId": "Practitioner/1", "patientId": "p1",
                      "draftOrders": draft_order("161", "acetaminophen")}, prefetch(b))
    assert r.status_code == 200 and r.json() == {"cards": []}


def test_order_select_only_looks_at_the_selected_orders(service: Service) -> None:
    b = bundle("ms-rrms-new-referral.json")
    ctx = {"userId": "Practitioner/1", "patientId": "p1", "draftOrders": draft_order(*OCR),
           "selections": ["MedicationRequest/other"]}
    r = service.hook("dmt-advisor-order-select", "order-select", ctx, prefetch(b))
    assert r.json() == {"cards": []}
    ctx["selections"] = ["MedicationRequest/draft-1"]
    r = service.hook("dmt-advisor-order-select", "order-select", ctx, prefetch(b))
    assert len(r.json()["cards"]) == 1


def test_patient_view_shows_doses_and_monitoring_for_a_treated_patient(
        service: Service) -> None:
    b = bundle("ms-rrms-on-ocrelizumab.json")
    r = service.hook("dmt-advisor-patient-view", "patient-view",
                     {"userId": "Practitioner/1", "patientId": "p2"}, prefetch(b))
    assert r.status_code == 200, r.text
    cards = CdsResponse.model_validate(r.json()).cards
    assert len(cards) == 1 and cards[0].summary.startswith("ocrelizumab")
    assert "**Schedule**" in cards[0].detail and "dose" in cards[0].detail.lower()


def test_incomplete_ehr_data_says_not_assessed(service: Service) -> None:
    b = bundle("ms-unspecified.json")
    r = _sign(service, b)
    card = CdsResponse.model_validate(r.json()).cards[0]
    assert card.indicator == "warning" and "not assessed" in card.summary
    assert "diagnosis.phenotype" in card.detail


def test_without_prefetch_the_data_are_fetched_with_the_given_token(service: Service) -> None:
    b = _hbv_positive()
    fhir = FhirServer(resources(b))
    try:
        r = service.hook("dmt-advisor-order-sign", "order-sign",
                         {"userId": "Practitioner/1", "patientId": "p3",
                          "draftOrders": draft_order(*OCR)},
                         fhirServer=fhir.url,
                         fhirAuthorization={"access_token": "fhir-token-abc",
                                            "token_type": "Bearer", "expires_in": 300,
                                            "scope": "user/*.read", "subject": "dmt-advisor"})
    finally:
        fhir.close()
    assert r.status_code == 200, r.text
    assert r.json()["cards"][0]["summary"].startswith("ocrelizumab: Deferred")
    assert fhir.auth_seen and set(fhir.auth_seen) == {"Bearer fhir-token-abc"}


def test_without_prefetch_or_fhir_server_the_missing_data_are_named(service: Service) -> None:
    r = service.hook("dmt-advisor-order-sign", "order-sign",
                     {"userId": "Practitioner/1", "patientId": "p3",
                      "draftOrders": draft_order(*OCR)})
    card = r.json()["cards"][0]
    assert "not available from the EHR" in card["detail"] and "not assessed" in card["summary"]


def test_malformed_request_is_400_naming_the_field(service: Service) -> None:
    r = service.post(SIGN, {"hook": "order-sign", "hookInstance": "x"})
    assert r.status_code == 400 and "context" in r.json()["fields"]
    r = service.hook("dmt-advisor-order-sign", "patient-view", {"patientId": "p"})
    assert r.status_code == 400 and r.json()["fields"] == ["hook"]


def test_feedback_endpoint_accepts_outcomes(service: Service) -> None:
    path = "/cds-services/dmt-advisor-order-sign/feedback"
    body = {"feedback": [{"card": str(uuid.uuid4()), "outcome": "overridden",
                          "overrideReason": {"userComment": "free text never logged"},
                          "outcomeTimestamp": "2026-11-22T10:00:00Z"}]}
    assert service.post(path, body).status_code == 200
    assert service.post(path, {"feedback": []}).status_code == 400


# -- security --------------------------------------------------------------------------------

def _refused(service: Service, token: str) -> str:
    r = service.get("/cds-services", token=token)
    assert r.status_code == 401, r.text
    return r.json()["error"]


def test_no_token_is_refused(service: Service) -> None:
    r = httpx_get(service.base + "/cds-services")
    assert r.status_code == 401


def httpx_get(url: str, **kw: Any):
    import httpx

    return httpx.get(url, timeout=30, **kw)


def test_tampered_expired_none_hmac_and_unlisted_issuer_are_refused(service: Service) -> None:
    good = service.token("/cds-services")
    head, body, sig = good.split(".")
    claims = json.loads(jwt.utils.base64url_decode(body))
    claims["aud"] = service.base + "/cds-services/other"
    forged = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
    assert "signature" in _refused(service, f"{head}.{forged}.{sig}")
    now = int(time.time())
    assert "expired" in _refused(service, service.token("/cds-services", iat=now - 900,
                                                        exp=now - 600))
    payload = {"iss": ISS, "aud": service.base + "/cds-services", "iat": now, "exp": now + 60,
               "jti": "n1"}
    none = jwt.encode(payload, None, algorithm="none", headers={"kid": KID})
    assert "asymmetric" in _refused(service, none)
    hmac = jwt.encode(payload, "s" * 32, algorithm="HS256", headers={"kid": KID})
    assert "asymmetric" in _refused(service, hmac)
    assert "issuer" in _refused(service, service.token("/cds-services",
                                                       iss="https://evil.invalid/"))
    assert "aud" in _refused(service, service.token("/cds-services",
                                                    aud="https://elsewhere.invalid/x"))


def test_replayed_jti_is_refused(service: Service) -> None:
    token = service.token("/cds-services")
    assert service.get("/cds-services", token=token).status_code == 200
    assert "replay" in _refused(service, token)


def test_jku_not_allow_listed_is_refused_before_any_key_is_fetched(service: Service) -> None:
    hits: list[str] = []

    class Keys(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"keys": []}')

        def log_message(self, *a: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Keys)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        now = int(time.time())
        token = jwt.encode({"iss": ISS, "aud": service.base + "/cds-services", "iat": now,
                            "exp": now + 60, "jti": str(uuid.uuid4())}, service.key,
                           algorithm="ES384", headers={
                               "kid": KID, "jku": f"http://127.0.0.1:{httpd.server_port}/k"})
        assert "jku" in _refused(service, token)
    finally:
        httpd.shutdown()
    assert hits == []


def test_cors_headers_only_when_configured(service: Service) -> None:
    r = service.get("/cds-services", headers={"Origin": "https://ehr.example.org"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


# -- faults ------------------------------------------------------------------------------------

def test_an_aborting_engine_worker_fails_one_request_and_the_next_one_works(
        service: Service) -> None:
    b = bundle("ms-rrms-new-referral.json")
    crashed = _sign(service, b, instance=ABORT_INSTANCE)
    assert crashed.status_code == 503
    assert "restarted" in crashed.json()["error"]
    assert service.process.poll() is None  # the service itself is alive
    after = _sign(service, b)
    assert after.status_code == 200 and after.json()["cards"][0]["indicator"] == "warning"


# -- no PHI in logs (keep last: reads what the run above logged) --------------------------------

def test_zz_logs_hold_no_phi(service: Service) -> None:
    b = copy.deepcopy(_hbv_positive())
    for r in resources(b):
        if r["resourceType"] == "Patient":
            r["id"], r["birthDate"] = "phi-patient-7f3a9c", "1979-11-12"
            r["name"] = [{"family": "Zzyzxphi", "given": ["Quintessa"]}]
        if "subject" in r:
            r["subject"] = {"reference": "Patient/phi-patient-7f3a9c"}
    fhir = FhirServer(resources(b))
    try:
        ctx = {"userId": "Practitioner/1", "patientId": "phi-patient-7f3a9c",
               "draftOrders": draft_order(*OCR)}
        assert service.hook("dmt-advisor-order-sign", "order-sign", ctx, prefetch(b)
                            ).status_code == 200
        service.hook("dmt-advisor-order-sign", "order-sign", ctx, fhirServer=fhir.url,
                     fhirAuthorization={"access_token": "secret-fhir-token-9q",
                                        "token_type": "Bearer", "expires_in": 300,
                                        "scope": "user/*.read", "subject": "x"})
    finally:
        fhir.close()
    time.sleep(0.5)
    log = service.log_file.read_text()
    assert "POST /cds-services/dmt-advisor-order-sign -> 200" in log  # the log is real
    for phi in ("phi-patient-7f3a9c", "Zzyzxphi", "Quintessa", "1979-11-12",
                "secret-fhir-token-9q", "free text never logged", "eyJ"):
        assert phi not in log, phi
