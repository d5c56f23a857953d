# Set-up and everyday tasks. Every target creates .venv and installs the pinned packages first.
# Needs only Python 3.10+, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SITE   := site
LIGHTHOUSE := tests/lighthouse/node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build pdf bundle check test linkcheck linkcheck-external bench lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/activate
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1,<27"
	$(PY) -m pip install --quiet --disable-pip-version-check --group test -c constraints.txt
	touch $@

serve: $(VENV)/.installed ## Build and serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 --watch macros --watch hooks --watch overrides

build: $(VENV)/.installed ## Production build into site/ (the last good site/ survives a failed build)
	$(PY) -m scripts.build --site-dir $(SITE)

pdf: $(VENV)/.installed ## Build only the PDF into .build/downloads/
	$(PY) -m scripts.build_pdf --out .build/downloads

bundle: $(VENV)/.installed ## Build only the offline HTML bundle (zip) into .build/downloads/
	$(PY) -m scripts.build_bundle --out .build/downloads

check: $(VENV)/.installed ## Fast checks of the registry and every page's front matter, without a build
	$(PY) -m scripts.check

linkcheck: $(VENV)/.installed ## Check every internal link and anchor of the built site/
	$(PY) -m scripts.check_links internal $(SITE)

linkcheck-external: $(VENV)/.installed ## Check every external address of the built site/ (report in reports/)
	$(PY) -m scripts.check_links external $(SITE) --report reports/external-links.md

# Lighthouse for the accessibility audit (tests/browser/test_lighthouse.py), when npm is there.
$(LIGHTHOUSE): tests/lighthouse/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/lighthouse --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the Lighthouse tests will be skipped (install Node.js to run them)"; fi

test: $(VENV)/.installed $(LIGHTHOUSE) ## Run the whole test suite, then build and link-check the site
	$(PY) -m scripts.check
	$(PY) -m pytest
	$(MAKE) build linkcheck

bench: $(VENV)/.installed ## Print build, scale, download and page-weight figures (several minutes)
	$(PY) -m scripts.bench

lock: ## Re-pin every transitive dependency into constraints.txt (after changing pyproject.toml)
	rm -rf .build/lock-venv && $(PYTHON) -m venv .build/lock-venv
	.build/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1,<27"
	.build/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --group test
	{ printf '# Every package, transitive ones included, at the version the test suite last passed with.\n# Regenerate after changing pyproject.toml: make lock\n'; \
	  .build/lock-venv/bin/python -m pip freeze --exclude pip; } > constraints.txt
	rm -rf .build/lock-venv

clean: ## Remove the build output and the virtual environment
	rm -rf $(SITE) $(SITE).new $(SITE).old $(SITE).work .build reports .pytest_cache $(VENV) tests/lighthouse/node_modules
