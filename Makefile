# Raqib — run `make help` for the targets.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench

.DEFAULT_GOAL := help
.PHONY: help run test test-unit lint eval bench venv clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# setup.py builds the engine's compiled parts (services/enrich/native/, needs a C compiler): rebuilt when they change
$(STAMP): pyproject.toml setup.py $(wildcard services/enrich/native/*.c services/enrich/native/*.h)
	@test -n "$(PYTHON)" || { echo "Python >= 3.11 is required (none found on PATH)"; exit 1; }
	@command -v $${CC:-cc} >/dev/null || { echo "a C compiler (cc, or \$$CC) is required to build services/enrich/native"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

venv: $(STAMP) ## Create or refresh the project's virtualenv (.venv)

run: $(STAMP) ## Run the whole pipeline on embedded defaults and print alerts live (Ctrl-C stops)
	$(BIN)/python -m devstack run

test: $(STAMP) ## Run every test: unit, database and pipeline (real broker, Postgres, receivers)
	@$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing on purpose"; exit 1; fi; exit $$rc

test-unit: $(STAMP) ## Run only the pure unit tests (milliseconds)
	$(BIN)/python -m pytest -q tests/unit

lint: $(STAMP) ## ruff and mypy on the project's code
	$(BIN)/ruff check .
	$(BIN)/mypy

eval: $(STAMP) ## Score the enrichment engine: the labelled dev set, then the held-out set (P/R/F1 per language)
	@echo "dev set (tests/data/devset.jsonl):"
	@$(BIN)/python -m tests.eval.scorer tests/data/devset.jsonl
	@echo "held-out set (tests/data/heldout.jsonl; written blind; engine errors it revealed were then fixed):"
	@$(BIN)/python -m tests.eval.scorer tests/data/heldout.jsonl

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	@touch $@

bench: $(BENCH_STAMP) ## Benchmarks: enrichment (throughput, start-up, memory, spaCy baseline) and the pipeline
	$(BIN)/python bench/enrich_bench.py
	$(BIN)/python bench/pipeline_bench.py

clean: ## Remove the virtualenv and embedded data (.data)
	rm -rf $(VENV) .data
