# The front door: `make book` builds the guide, `make test` runs every test.
# Both create .venv and install what is needed on first use.
.PHONY: book html test unit bench serve clean distclean

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000
HOST   ?= 127.0.0.1

book: $(STAMP)
	@$(MAKE) --no-print-directory html
	@echo
	@echo "The guide is built. Open $(CURDIR)/_build/html/index.html in a browser,"
	@echo "or run 'make serve' and visit http://$(HOST):$(PORT)/"

# Strict build: any warning, broken reference or failing cell stops it;
# --keep-going reports every problem in one run. Notebooks run through the cache.
# PYTHONDONTWRITEBYTECODE is emptied (unset) here and for the tests: each module is compiled to bytecode the first
# time a process imports it, and kept; else every kernel compiles every module it imports from source, every time.
html: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/jupyter-book build . --builder html --warningiserror --nitpick --keep-going

# Three workers on two cores: the build runs in the background of the first while all run the tests that need no
# site. Many browser tests wait part of their time (a service worker storing the guide, a kernel starting), and a
# third worker uses the cores meanwhile: back to back from fresh clones, 274 s against 297 s with two.
# PYTHONDONTWRITEBYTECODE is emptied (as for `html`): else each worker and kernel compiles every test module
# (pytest's assertion rewriting) and every module it imports from source, on every run.
test: $(STAMP)
	@tools/ensure-chromium chromium-headless-shell
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 3 --durations=15 --hypothesis-profile=full

# The tests that need neither the built book nor a browser, on two workers: the quick check while you work.
unit: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -m unit -n 2 -q

# Benchmarks (not tests): measured numbers against their budgets, written to bench/results.md.
bench: $(STAMP) bench/node_modules/.bin/lighthouse
	@tools/ensure-chromium chromium
	$(BIN)/python bench/run.py

# Lighthouse for `make bench`, pinned in bench/package.json, installed beside it (needs Node 20).
bench/node_modules/.bin/lighthouse: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	@touch $@

# The built guide over http, text gzip-compressed as a real host sends it (tools/serve.py, stdlib only).
serve: $(STAMP)
	@test -f _build/html/index.html || $(MAKE) --no-print-directory html
	$(BIN)/python tools/serve.py --bind $(HOST) --port $(PORT) --directory _build/html

# The environment is made without pip: `venv` putting pip in it took half of a fresh install (5.6 of 11 s). uv, a
# pinned package from PyPI, goes in by the pip of the Python that makes it (pip's --python); where that Python has no
# pip, or one too old for --python, by a pip the environment gets first (ensurepip). uv installs the pinned packages
# in a third of pip's time. It does not compile them to bytecode (--compile-bytecode): that took 17 CPU-seconds,
# mostly on modules no process of the build or the tests imports; `html` and `test` let each process compile and
# keep what it imports.
UV := uv==0.13.8
$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	@$(PYTHON) -m pip --python $(BIN)/python install --quiet --disable-pip-version-check $(UV) 2>/dev/null \
	  || { $(BIN)/python -m ensurepip --default-pip >/dev/null \
	       && $(BIN)/python -m pip install --quiet --disable-pip-version-check $(UV); }
	$(BIN)/python -m uv pip install --quiet --python $(BIN)/python -r requirements.txt -e .
	@touch $@

clean:
	rm -rf _build

distclean: clean
	rm -rf $(VENV)
