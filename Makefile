# Set-up and everyday tasks. Every target creates .venv and installs the pinned packages first.
# Needs only Python 3.10+, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SITE   := site
# The MkDocs 1.x engine: mkdocs (the default) or properdocs (maintainers/engines.md).
ENGINE ?= mkdocs
LIGHTHOUSE := tests/lighthouse/node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build zensical pdf bundle check lint test test-fast linkcheck linkcheck-external bench lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Every package at its locked version, each file checked against its hash in requirements.lock.
# The lock lists every package, transitive ones included, so pip installs it without resolving
# (--no-deps): nothing published after the lock was made can change what gets installed. Then
# `pip check` confirms the set is complete and consistent, and the repository itself is
# installed (editable, no dependencies, with the locked setuptools), so that `mkdocs`,
# `properdocs` and `zensical` import our code however they are started. The stamp is written
# only when all of it succeeded.
PIP := $(PY) -m pip --disable-pip-version-check
INSTALL_FAILED := echo "make: the install into $(VENV) failed (pip's message is above): run 'make clean' and try again; if it fails the same way, the lock needs 'make lock'" >&2; exit 1
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/activate
	@rm -f $@
	$(PIP) install --quiet --no-deps --require-hashes -r requirements.lock || { $(INSTALL_FAILED); }
	$(PIP) check || { $(INSTALL_FAILED); }
	$(PIP) install --quiet --no-deps --no-build-isolation --no-index --editable . || { $(INSTALL_FAILED); }
	touch $@

serve: $(VENV)/.installed ## Build and serve the site on http://127.0.0.1:8000 with live reload (ENGINE=properdocs to use ProperDocs)
	$(PY) -m us_nordic_kb.check --quiet
	$(PY) -m $(ENGINE) serve --strict --dev-addr 127.0.0.1:8000 --watch us_nordic_kb --watch overrides

build: $(VENV)/.installed ## Production build into site/ (the last good site/ survives a failed build; ENGINE=properdocs to use ProperDocs)
	$(PY) -m us_nordic_kb.build --site-dir $(SITE) --engine $(ENGINE)

zensical: $(VENV)/.installed ## Build the same site with Zensical into .build/zensical/site/ (maintainers/engines.md; Python 3.11+)
	$(PY) -m us_nordic_kb.build --engine zensical --site-dir .build/zensical/site

pdf: $(VENV)/.installed ## Build only the PDF into .build/downloads/
	$(PY) -m us_nordic_kb.build.pdf --out .build/downloads

bundle: $(VENV)/.installed ## Build only the offline HTML bundle (zip) into .build/downloads/
	$(PY) -m us_nordic_kb.build.bundle --out .build/downloads

check: $(VENV)/.installed ## Check the data, every page and its macro calls, without a build (a few seconds)
	$(PY) -m us_nordic_kb.check

lint: $(VENV)/.installed ## Lint, format and type-check the code; audit the GitHub workflows (offline)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/zizmor --offline --quiet .github/workflows

linkcheck: $(VENV)/.installed ## Check every internal link and anchor of the built site/
	$(PY) -m us_nordic_kb.check.linkcheck internal $(SITE)

linkcheck-external: $(VENV)/.installed ## Check every external address of the built site/ (report in reports/)
	$(PY) -m us_nordic_kb.check.linkcheck external $(SITE) --report reports/external-links.md

# Lighthouse for the accessibility audit (tests/browser/test_lighthouse.py), when npm is there.
$(LIGHTHOUSE): tests/lighthouse/package.json tests/lighthouse/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/lighthouse --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the Lighthouse tests will be skipped (install Node.js to run them)"; fi

# The tests mostly wait on builds, browsers and LinkChecker, so more processes than cores pay:
# each test file runs in one process, and a site that several need is built once (tests/builds.py).
TEST_PROCESSES ?= 4
test: $(VENV)/.installed $(LIGHTHOUSE) ## Lint, build the site (make check first), then every test on that build (link check included)
	$(MAKE) lint
	$(MAKE) build
	KB_TEST_SITE=$(SITE) $(PY) -m pytest -n $(TEST_PROCESSES) --dist loadfile

test-fast: $(VENV)/.installed ## The quick inner loop: check, lint, and the unit tests (tests/unit: no site built, no browser)
	$(PY) -m us_nordic_kb.check --quiet
	$(MAKE) lint
	$(PY) -m pytest tests/unit

bench: $(VENV)/.installed ## Print build, scale, download and page-weight figures (several minutes)
	$(PY) -m us_nordic_kb.bench

lock: ## Re-pin every package, transitive ones included, with file hashes, into requirements.lock
	rm -rf .build/lock-venv && $(PYTHON) -m venv .build/lock-venv
	.build/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
	.build/lock-venv/bin/uv pip compile pyproject.toml --group test --universal --python-version 3.10 \
	  --generate-hashes --quiet --custom-compile-command "make lock" -o requirements.lock
	rm -rf .build/lock-venv

clean: ## Remove the build output and the virtual environment
	rm -rf $(SITE) $(SITE).new $(SITE).old $(SITE).work .build .cache reports .pytest_cache $(VENV) tests/lighthouse/node_modules
