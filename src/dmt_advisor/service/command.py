"""Body of `dmt-advisor serve` (cli.py only registers it)."""

from __future__ import annotations

import logging
from pathlib import Path

from dmt_advisor.service.settings import load_settings


def configure_logging(log_file: Path | None) -> None:
    """Our log lines to a file or stderr; httpx's request lines (URLs name patients) muted."""
    handler: logging.Handler = (logging.FileHandler(log_file, encoding="utf-8") if log_file
                                else logging.StreamHandler())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger("dmt_advisor")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def run_server(host: str | None, port: int | None, settings_file: Path | None) -> None:
    """Load settings (file, then environment, then these options) and serve with uvicorn."""
    import uvicorn

    from dmt_advisor.service.app import create_app

    settings = load_settings(settings_file)
    updates = {k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    settings = settings.model_copy(update=updates)
    configure_logging(settings.log_file)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                log_level="warning", access_log=False)
