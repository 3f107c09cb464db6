"""The patient's FHIR data for one hook call: from prefetch, else fetched from the EHR's FHIR
server with the access token it gave. Data that neither supplies is named, never assumed empty.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from dmt_advisor.fhir.codes import load_codes
from dmt_advisor.service.models import HookRequest

log = logging.getLogger("dmt_advisor.service")


def prefetch_templates() -> dict[str, str]:
    """Prefetch templates for our hooks; the Observation query names only codes we map."""
    table = load_codes()
    codes = ",".join(sorted({f"{table.uri(c)}|{c.code}" for o in table.observations
                             for c in o.codes}))
    pid = "{{context.patientId}}"
    return {
        "patient": f"Patient/{pid}",
        "conditions": f"Condition?patient={pid}",
        "observations": f"Observation?patient={pid}&code={codes}",
        "medicationRequests": f"MedicationRequest?patient={pid}",
        "medicationStatements": f"MedicationStatement?patient={pid}",
        "medicationAdministrations": f"MedicationAdministration?patient={pid}",
        "immunizations": f"Immunization?patient={pid}",
        "allergies": f"AllergyIntolerance?patient={pid}",
    }


def _resources(value: Any) -> list[dict[str, Any]]:
    """A prefetched or fetched value: a resource, or a Bundle of them."""
    if not isinstance(value, dict):
        return []
    if value.get("resourceType") == "Bundle":
        return [e["resource"] for e in value.get("entry") or []
                if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
    return [value] if value.get("resourceType") else []


class FhirUnavailable(Exception):
    """The FHIR server could not be read (named key and reason; never the token or data)."""


def gather(request: HookRequest, timeout: float) -> tuple[list[dict[str, Any]], list[str]]:
    """All resources for the patient, and the names of prefetch keys that could not be had."""
    patient_id = str(request.context.get("patientId") or "")
    prefetch = request.prefetch or {}
    out: list[dict[str, Any]] = []
    unavailable: list[str] = []
    client: httpx.Client | None = None
    try:
        for key, template in prefetch_templates().items():
            if prefetch.get(key) is not None:
                out += _resources(prefetch[key])
                continue
            if not (request.fhirServer and request.fhirAuthorization and patient_id):
                unavailable.append(key)
                continue
            if client is None:
                client = httpx.Client(
                    base_url=request.fhirServer.rstrip("/") + "/", timeout=timeout,
                    headers={"Authorization": f"Bearer {request.fhirAuthorization.access_token}",
                             "Accept": "application/fhir+json"})
            query = template.replace("{{context.patientId}}", patient_id)
            try:
                response = client.get(query)
                response.raise_for_status()
                out += _resources(response.json())
            except (httpx.HTTPError, ValueError) as exc:
                log.warning("FHIR fetch failed for %s: %s", key, type(exc).__name__)
                unavailable.append(key)
    finally:
        if client is not None:
            client.close()
    return out, unavailable
