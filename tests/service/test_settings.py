"""Service settings: file, then environment; bad settings are one clear error (CLI exit 2)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dmt_advisor.errors import DmtAdvisorError
from dmt_advisor.service.settings import load_settings


def test_environment_overrides_the_file_and_defaults_are_loopback(tmp_path: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_text("port: 9001\nworkers: 3\ncors_origins: [https://a.example]\n")
    s = load_settings(f, env={})
    assert (s.host, s.port, s.workers, s.cors_origins) == ("127.0.0.1", 9001, 3,
                                                          ["https://a.example"])
    assert not s.issuers and not s.test_abort_hook
    issuers = {"https://ehr.example.org/": {"jku": ["https://ehr.example.org/jwks"]}}
    s = load_settings(f, env={"DMT_ADVISOR_PORT": "9002", "DMT_ADVISOR_CORS_ORIGINS": "",
                              "DMT_ADVISOR_ISSUERS": json.dumps(issuers),
                              "DMT_ADVISOR_TEST_ABORT_HOOK": "1"})
    assert s.port == 9002 and s.test_abort_hook
    assert s.issuers["https://ehr.example.org/"].jku == ["https://ehr.example.org/jwks"]
    assert s.audience("/cds-services") == "http://127.0.0.1:9002/cds-services"


@pytest.mark.parametrize(("text", "env", "words"), [
    ("port: 0\n", {}, "port"),
    ("issuers: {https://x/: {}}\n", {}, "issuers.https://x/"),
    ("nope: 1\n", {}, "nope"),
    ("", {"DMT_ADVISOR_ISSUERS": "{bad"}, "DMT_ADVISOR_ISSUERS"),
])
def test_bad_settings_name_the_setting(tmp_path: Path, text: str, env: dict, words: str) -> None:
    f = tmp_path / "s.yaml"
    f.write_text(text)
    with pytest.raises(DmtAdvisorError, match=re.escape(words)):
        load_settings(f, env=env)


def test_serve_with_bad_settings_exits_2_without_traceback(tmp_path: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_text("workers: 0\n")
    run = subprocess.run([sys.executable, "-m", "dmt_advisor.cli", "serve", "--settings",
                          str(f)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "workers" in run.stderr and "Traceback" not in run.stderr
