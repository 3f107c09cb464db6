"""CDS Hooks 2.0 payloads as pydantic models (the specification's REQUIRED fields are required).

Requests from an EHR accept unknown extra fields (the specification allows extensions and
hook-specific context); what we send is closed (`extra="forbid"`), so a typo in our own card
never leaves the house.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _In(BaseModel):
    model_config = ConfigDict(extra="allow")


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Coding(_Out):
    code: str = Field(min_length=1)
    system: str | None = None
    display: str | None = None


class Source(_Out):
    label: str = Field(min_length=1)
    url: str | None = None
    icon: str | None = None
    topic: Coding | None = None


class Action(_Out):
    type: Literal["create", "update", "delete"]
    description: str = Field(min_length=1)
    resource: dict[str, Any] | None = None
    resourceId: str | None = None


class Suggestion(_Out):
    label: str = Field(min_length=1)
    uuid: str | None = None
    isRecommended: bool | None = None
    actions: list[Action] | None = None


class Link(_Out):
    label: str = Field(min_length=1)
    url: str = Field(min_length=1)
    type: Literal["absolute", "smart"]
    appContext: str | None = None
    autolaunchable: bool | None = None


class Card(_Out):
    uuid: str | None = None
    summary: str = Field(min_length=1, max_length=140)
    detail: str | None = None
    indicator: Literal["info", "warning", "critical"]
    source: Source
    suggestions: list[Suggestion] | None = None
    selectionBehavior: Literal["at-most-one", "any"] | None = None
    overrideReasons: list[Coding] | None = None
    links: list[Link] | None = None


class CdsResponse(_Out):
    cards: list[Card]
    systemActions: list[Action] | None = None


class ServiceDefinition(_Out):
    hook: str
    title: str | None = None
    description: str
    id: str
    prefetch: dict[str, str] | None = None
    usageRequirements: str | None = None


class Discovery(_Out):
    services: list[ServiceDefinition]


class FhirAuthorization(_In):
    access_token: str
    token_type: Literal["Bearer"]
    expires_in: int
    scope: str
    subject: str
    patient: str | None = None


class HookRequest(_In):
    hook: str = Field(min_length=1)
    hookInstance: str = Field(min_length=1, max_length=200)
    fhirServer: str | None = None
    fhirAuthorization: FhirAuthorization | None = None
    context: dict[str, Any]
    prefetch: dict[str, Any] | None = None


class AcceptedSuggestion(_In):
    id: str


class OverrideReason(_In):
    reason: Coding | None = None
    userComment: str | None = None


class FeedbackItem(_In):
    card: str
    outcome: Literal["accepted", "overridden"]
    acceptedSuggestions: list[AcceptedSuggestion] | None = None
    overrideReason: OverrideReason | None = None
    outcomeTimestamp: str


class Feedback(_In):
    feedback: list[FeedbackItem] = Field(min_length=1)


class ErrorBody(_Out):
    error: str
    fields: list[str] = Field(default_factory=list)
