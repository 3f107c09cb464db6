"""The patient being worked on survives a reload: a server-side store keyed by a random token.

A browser reload (F5) starts a new Streamlit session and forgets everything. The URL keeps its
query string, so the app puts a random token (`?p=...`, never patient data) there and keeps the
draft and the patient label in this process-wide store under that token. A reload finds them
again; a new tab has no token and starts empty. When the token is unknown (the server was
restarted, or the entry expired) the app says so plainly instead of showing another patient.
Nothing here is written to disk or to a log.
"""

from __future__ import annotations

import copy
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

TOKEN_PARAM = "p"
MAX_ENTRIES = 500            # least recently used entries beyond this are dropped
MAX_AGE_SECONDS = 12 * 3600  # a working day; an older entry is not restored


@dataclass
class Saved:
    draft: dict[str, Any]
    patient_label: str
    saved_at: float


_store: OrderedDict[str, Saved] = OrderedDict()
_lock = threading.Lock()


def new_token() -> str:
    return secrets.token_urlsafe(12)


def save(token: str, draft: dict[str, Any], patient_label: str) -> None:
    with _lock:
        _store[token] = Saved(copy.deepcopy(draft), patient_label, time.monotonic())
        _store.move_to_end(token)
        while len(_store) > MAX_ENTRIES:
            _store.popitem(last=False)


def restore(token: str) -> Saved | None:
    with _lock:
        saved = _store.get(token)
        if saved is None or time.monotonic() - saved.saved_at > MAX_AGE_SECONDS:
            _store.pop(token, None)
            return None
        return Saved(copy.deepcopy(saved.draft), saved.patient_label, saved.saved_at)


def forget(token: str) -> None:
    with _lock:
        _store.pop(token, None)
