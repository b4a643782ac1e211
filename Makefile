# The two set-up commands of the README: `make run` (the app on its built-in demo) and
# `make test` (the whole suite: ruff, the import-linter contracts, mypy, pytest). Each does its own
# set-up: Debian packages when run as root, a virtual environment in .venv, translations.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
TS     := $(wildcard reviewer/resources/translations/*.ts)
QM     := $(TS:.ts=.qm)
DEMO   ?= demo-data

.PHONY: run test test-fast sysdeps venv translations lint bench dist guides clean

sysdeps:
	@bash scripts/install-system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

venv: $(STAMP)

reviewer/resources/translations/%.qm: reviewer/resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

lint: $(STAMP)
	$(BIN)/ruff check reviewer tests scripts packaging benchmarks
	$(BIN)/ruff format --check reviewer tests scripts packaging benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy

test: sysdeps venv translations lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# While working: the suite without the tests marked slow (end-to-end journeys, kills and crashes,
# packaging, fuzzing). `make test` still runs everything.
test-fast: venv translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow"

run: sysdeps venv translations
	$(BIN)/reviewer --data-dir $(DEMO) demo

# Benchmarks (not a set-up command, never part of `make test`): prints the table of
# docs/performance.md. BENCH_ARGS passes options, e.g. `make bench BENCH_ARGS="--full --runs 5"`.
bench: sysdeps venv translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# The Linux one-folder app (dist/reviewer/) and its .tar.gz, smoke-tested from a read-only copy as an
# unprivileged user (scripts/build-dist.sh; docs/install.md). `.ci/run` runs it after the tests.
dist: sysdeps venv translations
	bash scripts/build-dist.sh

# The user guides as PDFs to print, both languages, named by their titles (`reviewer docs --pdf`):
# build/guides/专家使用指南.pdf, ... The version and the guide's date are on every page.
guides: venv
	$(BIN)/reviewer docs --pdf build/guides --lang all

clean:
	rm -rf $(VENV) $(QM) .pytest_cache .ruff_cache .mypy_cache build dist
