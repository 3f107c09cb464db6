"""Service configuration: a YAML settings file, overridden by DMT_ADVISOR_* environment variables.

Nothing is trusted by default: with no issuer configured every call is refused (401). See
docs/service.md for every setting.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dmt_advisor.errors import DmtAdvisorError

ENV_PREFIX = "DMT_ADVISOR_"


class Issuer(BaseModel):
    """One trusted CDS client: its public keys inline or in a file, and the jku URLs allowed."""

    model_config = ConfigDict(extra="forbid")
    jwks: dict[str, Any] | None = None
    jwks_file: Path | None = None
    jku: list[str] = Field(default_factory=list)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    host: str = "127.0.0.1"
    port: int = Field(default=8090, ge=1, le=65535)
    # Public base URL of this service as the EHR calls it; the JWT `aud` must be
    # base_url + the path of the endpoint called.
    base_url: str | None = None
    issuers: dict[str, Issuer] = Field(default_factory=dict)
    cors_origins: list[str] = Field(default_factory=list)
    workers: int = Field(default=2, ge=1, le=32)
    request_timeout_s: float = Field(default=10.0, gt=0)
    fhir_timeout_s: float = Field(default=5.0, gt=0)
    max_clock_skew_s: int = Field(default=60, ge=0, le=600)
    max_token_lifetime_s: int = Field(default=3600, ge=1)
    jurisdiction: str = "US"
    log_file: Path | None = None
    # Test-only: lets a request ask its engine worker to abort (proves the pool survives).
    # Read from the environment only (DMT_ADVISOR_TEST_ABORT_HOOK=1), never from a file.
    test_abort_hook: bool = False

    def audience(self, path: str) -> str:
        base = (self.base_url or f"http://{self.host}:{self.port}").rstrip("/")
        return base + path


_ENV_FIELDS = {"host": str, "port": int, "base_url": str, "workers": int,
               "request_timeout_s": float, "fhir_timeout_s": float, "jurisdiction": str,
               "log_file": str, "max_clock_skew_s": int, "max_token_lifetime_s": int}


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Settings from `path` (or DMT_ADVISOR_SETTINGS), then the environment on top."""
    env = dict(os.environ if env is None else env)
    path = path or (Path(env[f"{ENV_PREFIX}SETTINGS"]) if env.get(f"{ENV_PREFIX}SETTINGS")
                    else None)
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise DmtAdvisorError(f"settings file {path}: cannot read ({exc})") from None
        if not isinstance(data, dict):
            raise DmtAdvisorError(f"settings file {path}: must be a mapping")
    for name in _ENV_FIELDS:
        value = env.get(ENV_PREFIX + name.upper())
        if value:
            data[name] = value
    if env.get(f"{ENV_PREFIX}CORS_ORIGINS"):
        data["cors_origins"] = [o.strip() for o in env[f"{ENV_PREFIX}CORS_ORIGINS"].split(",")
                                if o.strip()]
    if env.get(f"{ENV_PREFIX}ISSUERS"):
        try:
            data["issuers"] = json.loads(env[f"{ENV_PREFIX}ISSUERS"])
        except json.JSONDecodeError as exc:
            raise DmtAdvisorError(f"{ENV_PREFIX}ISSUERS: not valid JSON ({exc})") from None
    data["test_abort_hook"] = env.get(f"{ENV_PREFIX}TEST_ABORT_HOOK") == "1"
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise DmtAdvisorError(f"settings: {where}: {err['msg']}") from None
    for iss, issuer in settings.issuers.items():
        if issuer.jwks is None and issuer.jwks_file is None and not issuer.jku:
            raise DmtAdvisorError(f"settings: issuers.{iss}: give jwks, jwks_file or jku")
    return settings
