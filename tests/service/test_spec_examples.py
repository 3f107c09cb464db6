"""The CDS Hooks specification's own JSON examples against our models, and its known-answer JWT.

The two known defects of the examples (a card without indicator, an action without description)
are the only expected failures.
"""

from __future__ import annotations

import json
from pathlib import Path

import jwt
import pytest
from pydantic import BaseModel, ValidationError

from dmt_advisor.service.auth import AuthError, Verifier
from dmt_advisor.service.models import Action, CdsResponse, Coding, Discovery, Feedback, HookRequest
from dmt_advisor.service.settings import Issuer, Settings

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "cds-hooks"
EXAMPLES: dict[str, type[BaseModel]] = {
    "discovery.json": Discovery, "request-patient-view.json": HookRequest,
    "response-empty.json": CdsResponse, "response-example.json": CdsResponse,
    "response-system-action.json": CdsResponse, "response-autolaunchable.json": CdsResponse,
    "action-create.json": Action, "action-update.json": Action, "action-delete.json": Action,
    "feedback-accepted.json": Feedback, "feedback-overridden.json": Feedback,
    "feedback-overridden-reason.json": Feedback,
}
KNOWN_DEFECTS = {"response-autolaunchable.json": "cards.0.indicator",
                 "response-system-action.json": "systemActions.0.description"}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_spec_example_validates_except_the_two_known_defects(name: str) -> None:
    data = json.loads((SPEC / name).read_text())
    if name in KNOWN_DEFECTS:
        with pytest.raises(ValidationError) as err:
            EXAMPLES[name].model_validate(data)
        locs = {".".join(str(p) for p in e["loc"]) for e in err.value.errors()}
        assert locs == {KNOWN_DEFECTS[name]}
    else:
        EXAMPLES[name].model_validate(data)


def test_every_spec_example_file_is_checked() -> None:
    files = {p.name for p in SPEC.glob("*.json")} - {"jwt-example.json", "override-reasons.json"}
    assert files == set(EXAMPLES)
    reasons = json.loads((SPEC / "override-reasons.json").read_text())["overrideReasons"]
    assert [Coding.model_validate(r).display for r in reasons]


def _kat() -> tuple[dict, Verifier]:
    ex = json.loads((SPEC / "jwt-example.json").read_text())
    settings = Settings(issuers={ex["payload"]["iss"]: Issuer(jku=[ex["header"]["jku"]])},
                        max_token_lifetime_s=200_000_000)
    fetched: list[str] = []

    def fetch(url: str, timeout: float) -> dict:
        fetched.append(url)
        assert url == ex["header"]["jku"]
        return ex["jwks"]
    return ex, Verifier(settings, fetch=fetch)


def test_the_spec_known_answer_jwt_verifies() -> None:
    ex, verifier = _kat()
    claims = verifier.verify(ex["token"], ex["payload"]["aud"], now=ex["payload"]["iat"] + 10)
    assert claims == ex["payload"]


def test_the_spec_jwt_tampered_or_out_of_its_lifetime_is_refused() -> None:
    ex, verifier = _kat()
    head, _body, sig = ex["token"].split(".")
    claims = dict(ex["payload"], tenant="someone-else")
    forged = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
    with pytest.raises(AuthError, match="signature"):
        verifier.verify(f"{head}.{forged}.{sig}", ex["payload"]["aud"],
                        now=ex["payload"]["iat"] + 10)
    with pytest.raises(AuthError, match="expired"):
        verifier.verify(ex["token"], ex["payload"]["aud"])  # today: long expired
    with pytest.raises(AuthError, match="aud"):
        verifier.verify(ex["token"], "https://cds.example.org/cds-services/other",
                        now=ex["payload"]["iat"] + 10)
