"""JWT verification as CDS Hooks 2.0 asks ("Trusting CDS Clients").

Order matters: the algorithm is checked (asymmetric only: never `none`, never HMAC), then the
issuer is looked up in the allow-list and the `jku` header checked against that issuer's allowed
URLs, and only then is any key read or fetched. The signature is verified with the key named by
`kid`; `aud` must be this endpoint's URL; `exp`, `iat` and `jti` are required; a `jti` seen
before (from the same issuer, while its token could still be valid) is a replay and is refused.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import jwt

from dmt_advisor.service.settings import Issuer, Settings

ASYMMETRIC = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
              "EdDSA")
JWKS_CACHE_S = 300.0


class AuthError(Exception):
    """The call is not authenticated; the message says why without echoing the token."""


def _fetch_jwks(url: str, timeout: float) -> dict[str, Any]:
    response = httpx.get(url, timeout=timeout, follow_redirects=False)
    response.raise_for_status()
    return response.json()


class Verifier:
    """Verifies bearer JWTs against the configured issuers; remembers jti values to stop replay."""

    def __init__(self, settings: Settings,
                 fetch: Callable[[str, float], dict[str, Any]] = _fetch_jwks) -> None:
        self.settings = settings
        self._fetch = fetch
        self._seen: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, dict[str, Any]]] = {}

    def verify(self, token: str, audience: str, now: float | None = None,
               remember_jti: bool = True) -> dict[str, Any]:
        """The verified claims of `token`, or AuthError naming the first check that failed."""
        now = time.time() if now is None else now
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise AuthError("malformed JWT") from None
        alg = header.get("alg")
        if alg not in ASYMMETRIC:
            raise AuthError(f"alg {alg!r} refused: only asymmetric signatures are accepted")
        if header.get("typ") != "JWT":
            raise AuthError("typ must be JWT")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise AuthError("kid is required in the JWT header")
        iss = unverified.get("iss")
        issuer = self.settings.issuers.get(iss) if isinstance(iss, str) else None
        if issuer is None:
            raise AuthError("issuer is not trusted")
        jku = header.get("jku")
        if jku is not None and jku not in issuer.jku:
            raise AuthError("jku is not allowed for this issuer")
        key = self._key(issuer, jku, kid)
        try:
            claims = jwt.decode(
                token, key=key.key, algorithms=[alg], audience=audience, issuer=iss,
                options={"require": ["iss", "aud", "exp", "iat", "jti"],
                         "verify_exp": False, "verify_iat": False, "verify_nbf": False})
        except jwt.InvalidAudienceError:
            raise AuthError("aud is not this endpoint") from None
        except jwt.MissingRequiredClaimError as exc:
            raise AuthError(f"claim {exc.claim} is required") from None
        except jwt.PyJWTError:
            raise AuthError("signature or claims invalid") from None
        self._check_times(claims, now)
        if remember_jti:
            self._remember(str(iss), str(claims["jti"]), float(claims["exp"]), now)
        return claims

    def _check_times(self, claims: dict[str, Any], now: float) -> None:
        skew = self.settings.max_clock_skew_s
        try:
            exp, iat = float(claims["exp"]), float(claims["iat"])
        except (TypeError, ValueError):
            raise AuthError("exp and iat must be numbers") from None
        if now > exp + skew:
            raise AuthError("token expired")
        if iat > now + skew:
            raise AuthError("token issued in the future")
        if exp - iat > self.settings.max_token_lifetime_s:
            raise AuthError("token lifetime too long")

    def _remember(self, iss: str, jti: str, exp: float, now: float) -> None:
        with self._lock:
            for key in [k for k, until in self._seen.items() if until < now]:
                del self._seen[key]
            if (iss, jti) in self._seen:
                raise AuthError("jti already used (replay)")
            self._seen[(iss, jti)] = exp + self.settings.max_clock_skew_s

    def _key(self, issuer: Issuer, jku: str | None, kid: str) -> jwt.PyJWK:
        for jwks in self._key_sets(issuer, jku):
            for jwk in jwks.get("keys") or []:
                if isinstance(jwk, dict) and jwk.get("kid") == kid:
                    if jwk.get("kty") not in ("RSA", "EC", "OKP"):
                        raise AuthError("key type refused: only asymmetric keys")
                    try:
                        return jwt.PyJWK(jwk)
                    except jwt.PyJWTError:
                        raise AuthError("issuer key unusable") from None
        raise AuthError("no key with this kid for this issuer")

    def _key_sets(self, issuer: Issuer, jku: str | None) -> list[dict[str, Any]]:
        sets: list[dict[str, Any]] = []
        if jku is None:
            if issuer.jwks is not None:
                sets.append(issuer.jwks)
            if issuer.jwks_file is not None:
                sets.append(json.loads(issuer.jwks_file.read_text(encoding="utf-8")))
        urls = [jku] if jku is not None else ([] if sets else issuer.jku[:1])
        for url in urls:
            cached = self._cache.get(url)
            if cached is None or cached[0] < time.time():
                try:
                    cached = (time.time() + JWKS_CACHE_S, self._fetch(url, 5.0))
                except (httpx.HTTPError, ValueError):
                    raise AuthError("issuer keys could not be fetched") from None
                self._cache[url] = cached
            sets.append(cached[1])
        return sets
