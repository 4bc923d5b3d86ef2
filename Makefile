# zhaocai: every target sets up .venv itself and is quick when nothing changed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
RUNTIME_STAMP := $(VENV)/.runtime-stamp

.PHONY: demo test bench lint clean sunshine diagrams mutate docs

# What using the library needs (the demo, the command line): no test, lint or PostgreSQL packages.
$(RUNTIME_STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "zhaocai needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $(RUNTIME_STAMP)

# Everything for developing it: tests (PostgreSQL driver included), lint, the portal.
$(STAMP): $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,lint,sunshine,postgresql]'
	@touch $(STAMP)

demo: $(RUNTIME_STAMP)
	$(BIN)/python -m zhaocai.demo $(DEMO_ARGS)

# The sunshine portal on the demo's store: builds the store if missing, refreshes the public
# database in place, serves it on http://127.0.0.1:$(SUNSHINE_PORT)/ (Ctrl-C stops it).
SUNSHINE_STORE ?= zhaocai-demo.db
SUNSHINE_PUBLIC ?= zhaocai-sunshine.db
SUNSHINE_PORT ?= 8001
sunshine: $(STAMP)
	test -f $(SUNSHINE_STORE) || $(BIN)/python -m zhaocai.demo --path $(SUNSHINE_STORE)
	$(BIN)/zhaocai sunshine serve --db sqlite:///$(abspath $(SUNSHINE_STORE)) --public $(SUNSHINE_PUBLIC) \
		--host 127.0.0.1 --port $(SUNSHINE_PORT)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m benchmarks $(if $(ONLY),--only $(ONLY))

# The documentation site, built offline into site/ (open site/index.html); the reference pages
# docs/inputs.md and docs/events.md are generated from the code first.
docs: $(STAMP)
	$(BIN)/python tools/input_reference.py > docs/inputs.md
	$(BIN)/python -m zhaocai.event_catalog > docs/events.md
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# Rewrite the state diagrams of docs/architecture.md from the machines, adding new machines.
diagrams: $(STAMP)
	$(BIN)/python -m zhaocai.diagrams --add-missing

# Mutation testing of the pure rule modules ([tool.mutmut] in pyproject.toml) against their fast
# pure tests only: no store, no PostgreSQL. Not part of `make test` nor CI; see docs/testing.md.
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet 'mutmut>=3.8,<4'
	rm -rf mutants && mkdir mutants
	env -u ZHAOCAI_TEST_DATABASE_URL $(BIN)/mutmut run --max-children 2 > mutants/run.log 2>&1 \
		|| (tail -c 3000 mutants/run.log; exit 1)
	@tail -n 4 mutants/run.log | tr '\r' '\n' | tail -n 4
	$(BIN)/python tests/mutation_score.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/mypy

clean:
	rm -rf $(VENV) mutants build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
