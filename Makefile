# Two commands do all the set-up: `make run` (the dashboard) and `make test` (lint + the whole test suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test test-fast lint format browser outlines refresh-ssb bench screenshots clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py

# The dashboard with fictional example reports in its own database (var/demo.sqlite); every view says so.
demo: $(STAMP)
	DASHBOARD_DEMO=1 $(BIN)/streamlit run app.py

# Browser tests need Debian's Chromium; as root it is installed here, otherwise they are skipped with a reason
# (CI sets REQUIRE_BROWSER=1 so that a missing browser fails instead).
AXE_VERSION := 4.14.1
AXE := tests/e2e/.axe/node_modules/axe-core/axe.min.js

browser: $(AXE)
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# axe-core (accessibility checks injected into the browser tests) from the npm registry; not in git.
$(AXE):
	@if command -v npm >/dev/null; then \
		npm install --silent --no-audit --no-fund --prefix tests/e2e/.axe axe-core@$(AXE_VERSION) >/dev/null 2>&1 \
			|| echo "npm could not install axe-core: the accessibility tests will be skipped"; \
	else echo "npm is missing: the accessibility tests will be skipped (apt-get install npm)"; fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Parallel workers (pytest-xdist), one per core; a module's tests stay on one worker, so the browser tests of a
# module share one server. `make test WORKERS=0` runs everything in this process, one test after the other.
WORKERS ?= auto
PARALLEL = $(if $(filter 0,$(WORKERS)),,-n $(WORKERS) --dist loadscope)

test: $(STAMP) browser lint
	$(BIN)/python -m pytest $(PARALLEL)

# The inner loop: lint and every test except the browser tests (marked e2e). Run `make test` before you hand in.
test-fast: $(STAMP) lint
	$(BIN)/python -m pytest $(PARALLEL) -m "not e2e"

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Rebuild the shipped country outlines from the npm package world-atlas (needs npm; not needed to run).
outlines:
	cd /tmp && npm pack world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz
	$(BIN)/python scripts/build_outlines.py /tmp/package/countries-110m.json

# Screenshots of every view and slide (Trondheim in both languages, Trøndelag) at 1400x900 and 1920x1080, for looking
# at by hand; written to screenshots/ (not in git). Not a test: it asserts nothing.
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

# Benchmarks print one table of figures (not pass/fail); see bench/README.md. BENCH_QUICK=1 for a smoke check.
# Installs pyjstat to compare the SSB reader with; the browser figures need Debian's chromium (make browser).
bench: $(STAMP) browser
	$(BIN)/python -m pip install --quiet -r bench/requirements.txt
	$(BIN)/python bench/run.py

# Fetch SSB's table 09817 for one organisation into var/ssb/ORG/ (needs internet; the app works without it).
ORG ?= trondheim
refresh-ssb: $(STAMP)
	$(BIN)/python -m analytics.ssb $(ORG)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
