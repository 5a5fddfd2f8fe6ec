# One-word commands; CI calls them exactly as a person would.
# Every target does its own set-up: a .venv with pinned versions (requirements-lock.txt).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8888
APP_PORT ?= 8866

.PHONY: help setup lab test lint data app bench bench-report figures doctor clean lock

help:
	@echo "make lab    - set up and start JupyterLab on the guide's first notebook"
	@echo "make lab-fr - the same for the French edition (JupyterLab in French too)"
	@echo "make test   - set up and run the whole suite (unit, property, notebooks, widgets, browser)"
	@echo "make app    - serve the inbox app with Voila on localhost:$(APP_PORT)"
	@echo "make app-fr - the same for the French inbox app (notebooks/fr/boite-de-reception.ipynb)"
	@echo "make data   - regenerate the synthetic data in data/ (deterministic)"
	@echo "make bench  - run the benchmarks, write benchmarks/results.json and its reports"
	@echo "make bench-report - rewrite benchmarks/results.md and README's table from results.json"
	@echo "make figures - redraw the README's chart docs/img/quality-vs-size.png"
	@echo "make lint   - ruff and the import contracts of the layers (lint-imports)"
	@echo "make doctor - check the installation and print the fix for anything wrong"

# --- set-up (learners: the `lab` extra only; developers and CI: `dev` on top) -------------
# The oldest Python the pinned versions install on (requirements-lock.txt: pandas 3 needs
# 3.11, soupsieve 3.11.5); pyproject.toml says >=3.11 and README says the same.
MIN_PYTHON := 3.11.5
LAB_STAMP := $(VENV)/.installed-lab
CHECK_PYTHON = $(1) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' 2>/dev/null || { \
	echo "invite-triage needs Python $(MIN_PYTHON) or newer but $(1) is $$($(1) -V 2>&1 || echo missing): install Python 3.12 (python.org, or your package manager) and run make again with PYTHON=python3.12 (after make clean if a .venv exists)."; \
	exit 1; }

$(BIN)/python:
	@$(call CHECK_PYTHON,$(PYTHON))
	$(PYTHON) -m venv $(VENV)

# What a learner needs (`make lab`): the guide and JupyterLab, no test tools.
# Reinstall only when the project metadata or the pins change.
$(LAB_STAMP): pyproject.toml requirements-lock.txt | $(BIN)/python
	@$(call CHECK_PYTHON,$(BIN)/python)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=23.2"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements-lock.txt -e ".[lab]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (invite-triage)" >/dev/null
	@touch $(LAB_STAMP)

# What developers and CI need on top (`make test`): the `dev` extra (pytest, ruff, playwright...).
$(STAMP): $(LAB_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements-lock.txt -e ".[dev]"
	@# Strip notebook outputs on `git add` (.gitattributes); only in this project's own checkout.
	@if [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$$(pwd -P)" ]; then \
		$(BIN)/nbstripout --install --attributes .gitattributes \
			|| echo "warning: the nbstripout git filter could not be installed"; \
	else echo "not a git checkout: the nbstripout filter is not installed"; fi
	@touch $(STAMP)

setup: $(STAMP)

lab: $(LAB_STAMP)
	$(BIN)/python -m invite_triage.app.launch_lab --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks notebooks
	$(BIN)/ruff format --check src tests benchmarks || true
	$(BIN)/lint-imports

data: $(STAMP)
	$(BIN)/invite-triage data --out data --force

app: $(LAB_STAMP)
	$(BIN)/voila --no-browser --port=$(APP_PORT) --Voila.ip=127.0.0.1 notebooks/inbox-app.ipynb

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# The figures of results.json into benchmarks/results.md and README.md, without re-measuring.
bench-report: $(STAMP)
	$(BIN)/python benchmarks/render.py

# The README's chart, drawn through the public API (seeded: the same PNG every time).
figures: $(STAMP)
	$(BIN)/python -m invite_triage.app.figures --out docs/img

doctor: $(LAB_STAMP)
	$(BIN)/invite-triage doctor

# Refresh the exact pins from the current environment (maintainers only).
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check | grep -v "^-e" > requirements-lock.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis artifacts

# --- workshop kit (workshop/README.md) ---------------------------------------------------
.PHONY: site handout wheelhouse answers
WORKSHOP_STAMP := $(VENV)/.installed-workshop

$(WORKSHOP_STAMP): $(LAB_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements-lock.txt -e ".[workshop]"
	@touch $(WORKSHOP_STAMP)

# The guide as a static site in site/: notebooks executed, widgets' state embedded, no CDN.
site: $(WORKSHOP_STAMP)
	$(BIN)/python tools/build_site.py --out site

# The learner handout as a one-page PDF (headless Chromium), English and French.
handout: $(WORKSHOP_STAMP)
	$(BIN)/python tools/build_handout.py

# Every wheel of the `lab` extra for Linux, macOS and Windows, for a USB stick.
wheelhouse:
	bash tools/wheelhouse.sh $(PYTHON) wheelhouse

# The trainers' answer keys (workshop/answers.md, workshop/fr/corriges.md), from the checkers.
answers: $(LAB_STAMP)
	$(BIN)/python tools/build_answers.py

# --- French edition (README.fr.md) -------------------------------------------------------
# The French guide (notebooks/fr/00-commencer-ici.ipynb) with JupyterLab's interface in French
# (the language pack of the `lab` extra); `make lab` stays English.
.PHONY: lab-fr
lab-fr: $(LAB_STAMP)
	$(BIN)/python -m invite_triage.app.launch_lab --port $(PORT) --lang fr

.PHONY: app-fr
app-fr: $(LAB_STAMP)
	$(BIN)/voila --no-browser --port=$(APP_PORT) --Voila.ip=127.0.0.1 notebooks/fr/boite-de-reception.ipynb
