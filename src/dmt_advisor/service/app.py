"""The CDS Hooks 2.0 service: discovery, patient-view, order-select, order-sign and feedback.

A view over the house: FHIR data -> fhir.importer -> profile -> engine workers (pool.py) ->
assessment -> cards. Every call needs a signed JWT (auth.py). Logs carry no PHI: no patient
id, no FHIR data, no token, no free text; only service ids, status codes, hook instance ids,
counts and error kinds.
"""


import datetime as dt
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from dmt_advisor.errors import DmtAdvisorError
from dmt_advisor.fhir.importer import ImportResult, map_resources, medication_dmt
from dmt_advisor.profile import Jurisdiction, Profile
from dmt_advisor.rulebook.load import load_rulebook
from dmt_advisor.service import cards as card_views
from dmt_advisor.service.auth import AuthError, Verifier
from dmt_advisor.service.fhir_data import gather, prefetch_templates
from dmt_advisor.service.models import (
    CdsResponse,
    Discovery,
    ErrorBody,
    Feedback,
    HookRequest,
    ServiceDefinition,
)
from dmt_advisor.service.pool import EnginePool, EngineUnavailable
from dmt_advisor.service.settings import Settings

log = logging.getLogger("dmt_advisor.service")
ABORT_INSTANCE = "test-abort-engine-worker"

SERVICES = {
    "dmt-advisor-patient-view": ServiceDefinition(
        hook="patient-view", id="dmt-advisor-patient-view", title="MS DMT monitoring and doses",
        description="Monitoring due, ocrelizumab doses due or on hold, switching and stopping "
        "considerations, each with the patient facts and the label section behind it.",
        prefetch=prefetch_templates()),
    "dmt-advisor-order-select": ServiceDefinition(
        hook="order-select", id="dmt-advisor-order-select", title="MS DMT order check",
        description="When an MS DMT order is selected: eligibility, contraindications and the "
        "work-up still missing, with draft orders for missing tests.",
        prefetch=prefetch_templates()),
    "dmt-advisor-order-sign": ServiceDefinition(
        hook="order-sign", id="dmt-advisor-order-sign", title="MS DMT order check at signing",
        description="Before an MS DMT order is signed: eligibility, contraindications and the "
        "work-up still missing, with draft orders for missing tests.",
        prefetch=prefetch_templates()),
}
ServiceId = Literal["dmt-advisor-patient-view", "dmt-advisor-order-select",
                    "dmt-advisor-order-sign"]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Malformed request (fields named)"},
    401: {"model": ErrorBody, "description": "Missing or refused JWT"},
    404: {"model": ErrorBody, "description": "Unknown service"},
    503: {"model": ErrorBody, "description": "Engine worker failed; retry"},
}


class ServiceError(Exception):
    def __init__(self, status: int, message: str, fields: list[str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.fields = status, message, fields or []


def create_app(settings: Settings, pool: EnginePool | None = None) -> FastAPI:
    """The FastAPI app; builds (and warms) its engine pool at start-up unless one is given."""
    verifier = Verifier(settings)
    drugs = set(load_rulebook().drugs)
    state: dict[str, Any] = {"pool": pool}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if state["pool"] is None:
            state["pool"] = EnginePool(settings.workers, settings.request_timeout_s)
            state["pool"].warm()
        log.info("service ready: %d engine workers", settings.workers)
        yield
        state["pool"].close()

    app = FastAPI(title="dmt-advisor CDS Hooks service", version="1.0.0", lifespan=lifespan,
                  description="CDS Hooks 2.0 service for MS disease-modifying therapies. Every "
                  "call needs `Authorization: Bearer <JWT>` signed with an asymmetric key of "
                  "an allow-listed issuer; see docs/service.md.")
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    @app.exception_handler(ServiceError)
    async def _service_error(_: Request, exc: ServiceError) -> JSONResponse:
        return JSONResponse(status_code=exc.status,
                            content={"error": exc.message, "fields": exc.fields})

    @app.exception_handler(RequestValidationError)
    async def _bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [".".join(str(p) for p in e["loc"] if p != "body") or "(body)"
                  for e in exc.errors()]
        log.info("bad request: %d field error(s)", len(fields))
        return JSONResponse(status_code=400, content={
            "error": "malformed request: " + "; ".join(
                f"{f}: {e['msg']}" for f, e in zip(fields, exc.errors(), strict=True))[:2000],
            "fields": fields})

    @app.middleware("http")
    async def _log_requests(request: Request, call_next: Any) -> Any:
        start = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception as exc:  # never a traceback to the client, never PHI in the log
            log.error("unhandled %s on %s", type(exc).__name__, request.url.path)
            response = JSONResponse(status_code=500, content={"error": "internal error"})
        log.info("%s %s -> %d in %.0f ms", request.method, request.url.path,
                 response.status_code, (time.perf_counter() - start) * 1000)
        return response

    def authenticated(request: Request,
                      authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        if not authorization or not authorization.startswith("Bearer "):
            raise ServiceError(401, "Authorization: Bearer <JWT> is required")
        try:
            return verifier.verify(authorization.removeprefix("Bearer ").strip(),
                                   settings.audience(request.url.path))
        except AuthError as exc:
            log.warning("JWT refused on %s: %s", request.url.path, exc)
            raise ServiceError(401, f"JWT refused: {exc}") from None

    Auth = Annotated[dict[str, Any], Depends(authenticated)]

    @app.get("/cds-services", response_model=Discovery, response_model_exclude_none=True,
             responses=ERRORS)
    def discovery(_: Auth) -> Discovery:
        """CDS Hooks discovery: our services and their prefetch templates."""
        return Discovery(services=list(SERVICES.values()))

    @app.post("/cds-services/{service_id}", response_model=CdsResponse,
              response_model_exclude_none=True, responses=ERRORS)
    def call_service(service_id: ServiceId, body: HookRequest, _: Auth) -> CdsResponse:
        """Run one hook: patient-view, order-select or order-sign."""
        service = SERVICES.get(service_id)
        if service is None:
            raise ServiceError(404, f"no service {service_id!r}")
        if body.hook != service.hook:
            raise ServiceError(400, f"hook {body.hook!r} does not match service "
                               f"{service_id} ({service.hook})", ["hook"])
        patient_id = body.context.get("patientId")
        if not isinstance(patient_id, str) or not patient_id:
            raise ServiceError(400, "context.patientId is required", ["context.patientId"])
        wanted: list[str] | None = None
        if service.hook in ("order-select", "order-sign"):
            wanted = _ordered_dmts(body, drugs)
            if not wanted:
                return CdsResponse(cards=[])
        resources, unavailable = gather(body, settings.fhir_timeout_s)
        imported = map_resources(resources, dt.date.today(), Jurisdiction(
            settings.jurisdiction))
        if imported.profile is None:
            return CdsResponse(cards=[card_views.incomplete_card(
                ", ".join(wanted or ["MS DMT"]), imported, unavailable)])
        if service.hook == "patient-view":
            wanted = _treated_with(imported.profile, drugs)
            if not wanted:  # no DMT given or recorded: the options belong to the consultation
                return CdsResponse(cards=[])
        fault = "abort" if (settings.test_abort_hook
                            and body.hookInstance == ABORT_INSTANCE) else None
        try:
            assessment = state["pool"].assess(imported.profile, wanted, fault=fault)
        except EngineUnavailable as exc:
            log.error("engine unavailable on %s: %s", service_id, exc)
            raise ServiceError(503, str(exc)) from None
        except DmtAdvisorError as exc:
            log.error("assessment refused on %s: %s", service_id, type(exc).__name__)
            raise ServiceError(400, str(exc)) from None
        log.info("hook %s instance %s: %d drug(s) assessed", service.hook,
                 body.hookInstance[:64], len(assessment.assessments))
        return CdsResponse(cards=_cards(service.hook, assessment.assessments, imported,
                                        unavailable, patient_id))

    @app.post("/cds-services/{service_id}/feedback", responses=ERRORS)
    def feedback(service_id: ServiceId, body: Feedback, _: Auth) -> dict[str, str]:
        """Accepted / overridden outcomes; counted in the log (no free text, no PHI)."""
        if service_id not in SERVICES:
            raise ServiceError(404, f"no service {service_id!r}")
        outcomes = [f.outcome for f in body.feedback]
        log.info("feedback %s: %d accepted, %d overridden", service_id,
                 outcomes.count("accepted"), outcomes.count("overridden"))
        return {"status": "received"}

    return app


def _treated_with(profile: Profile, drugs: set[str]) -> list[str]:
    """patient-view: the drugs the patient takes now or has doses of (monitoring and doses
    due belong to them), in rulebook order; not all 19 drugs of the options view."""
    treatment = profile.treatment
    found = [treatment.current.drug.value] if treatment.current is not None else []
    if treatment.ocrelizumab is not None and treatment.ocrelizumab.doses:
        found.append("ocrelizumab")
    found += [course.drug.value for course in treatment.courses if course.doses]
    return [d for d in dict.fromkeys(found) if d in drugs]


def _ordered_dmts(body: HookRequest, drugs: set[str]) -> list[str]:
    """DMTs of the draft MedicationRequests (order-select: only the selected ones) that the
    rulebook covers."""
    draft = body.context.get("draftOrders")
    if not isinstance(draft, dict):
        raise ServiceError(400, "context.draftOrders must be a Bundle", ["context.draftOrders"])
    selections = body.context.get("selections") if body.hook == "order-select" else None
    entries = [e.get("resource") for e in draft.get("entry") or [] if isinstance(e, dict)]
    resources = [r for r in entries if isinstance(r, dict)]
    found: list[str] = []
    for res in resources:
        if res.get("resourceType") != "MedicationRequest":
            continue
        if selections is not None and f"MedicationRequest/{res.get('id')}" not in selections:
            continue
        dmt = medication_dmt(res, [*resources, *(res.get("contained") or [])])
        if dmt in drugs and dmt not in found:
            found.append(dmt)
    return found


def _cards(hook: str, assessments: list, imported: ImportResult, unavailable: list[str],
           patient_id: str) -> list:
    if hook == "patient-view":
        made = [card_views.patient_view_card(d, imported, unavailable, patient_id)
                for d in assessments]
        return [c for c in made if c is not None]
    return [card_views.order_card(d, imported, unavailable, patient_id) for d in assessments]
