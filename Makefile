# Two commands do everything on a fresh machine: `make run` and `make test`.
# durable-rules 2.0.28 does not import on Python 3.13, so we pick a 3.12 or 3.11 interpreter.
PYTHON ?= $(shell for p in python3.12 python3.11 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not ((3,11) <= sys.version_info[:2] < (3,13)))' 2>/dev/null; \
	then echo $$p; break; fi; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE ?= examples/rrms-ready-to-start.yaml
# The venv's own installers, pinned past their known advisories (a fresh venv has pip 23.2.1,
# PYSEC-2023-228, and setuptools 65.5.0, PYSEC-2022-43012; setuptools < 78.1.1 also has
# CVE-2024-6345 and CVE-2025-47273; pip < 25.3 has CVE-2025-8869). `make audit` checks the rest.
BOOTSTRAP := pip==26.3 setuptools==80.9.0
PIP_AUDIT := pip-audit==2.10.1

.PHONY: run test bench lint assess clean browser screenshots audit fuzz

$(STAMP): pyproject.toml Makefile
	@test -n "$(PYTHON)" || { echo "error: need python3.11 or python3.12 (durable-rules 2.0.28 fails on 3.13)" >&2; exit 2; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(BOOTSTRAP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# HealthChain (a CDS client we did not write) pins an older fhir.resources: its own venv.
HC_VENV := .venv-healthchain
$(HC_VENV)/.installed: pyproject.toml
	@test -x $(HC_VENV)/bin/python || $(PYTHON) -m venv $(HC_VENV)
	$(HC_VENV)/bin/python -m pip install --quiet 'healthchain==0.16.1' 'PyJWT==2.15.1' 'cryptography==50.0.2'
	@touch $@

# The app at http://localhost:8501 with $(EXAMPLE) preloaded (the app reads DMT_ADVISOR_EXAMPLE).
run: $(STAMP)
	DMT_ADVISOR_EXAMPLE=$(EXAMPLE) $(BIN)/streamlit run app/streamlit_app.py \
		--server.port 8501 --server.address localhost --server.headless true

# Debian's Chromium for the end-to-end test and screenshots (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || \
		(apt-get update && apt-get install -y chromium poppler-utils)

screenshots: $(STAMP) browser
	$(BIN)/python -m tests.e2e.screenshots --out docs/screenshots
	$(BIN)/python -m tests.e2e.pdf_renders --out docs/screenshots

assess: $(STAMP)
	$(BIN)/dmt-advisor assess $(EXAMPLE)

test: $(STAMP) browser $(HC_VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/dmt-advisor lint rules
	DMT_ADVISOR_REQUIRE_HEALTHCHAIN=1 $(BIN)/python -m pytest -q -n auto
# `dmt-advisor coverage` (every rule checked by a passing scenario) runs inside pytest:
# tests/qa/test_coverage.py::test_every_rule_of_the_repository_is_checked_by_a_scenario runs the
# same command and fails below 100%; running it again here would repeat ~1,000 scenarios.

bench: $(STAMP)
	$(BIN)/python -m tests.bench.run_bench --out bench/results.md
	$(BIN)/python -m tests.bench.load_service --out bench/service-load.md

# Known advisories for every installed package, where an advisory service answers. pip-audit
# reports a package it could not look up as "skipped", not as vulnerable: scripts/audit.py fails
# and says so plainly instead of calling that clean.
audit: $(STAMP)
	$(BIN)/python -m pip install --quiet $(PIP_AUDIT)
	$(BIN)/python scripts/audit.py

# The long fuzz run (make test runs a short, seeded one): hostile profiles and rule folders,
# each in a watched worker; prints inputs, clear errors, tracebacks, hangs and peak memory.
FUZZ_N ?= 3000
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz.run_fuzz --profiles $(FUZZ_N) --rule-folders 60

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/dmt-advisor lint rules

clean:
	rm -rf $(VENV) $(HC_VENV) .pytest_cache .ruff_cache reports
