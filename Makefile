# Quick start:  make demo   (set-up + repair the bundled garbled article)
#               make test   (set-up + lint + type-check + full test suite)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint typecheck bench lexicon pairs channel channel-permissive clean

$(STAMP): pyproject.toml
	bash scripts/setup-system.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/az-ocrfix fix examples/milli_meclis_garbled.txt

lint: setup
	$(BIN)/ruff check src tests benchmarks lexicons
	$(BIN)/ruff format --check src tests benchmarks lexicons

typecheck: setup
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/hyphenation.py
	$(BIN)/python benchmarks/search.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/adversarial.py

lexicon: setup
	$(BIN)/python lexicons/build.py
	$(BIN)/python lexicons/build_suffixes.py
	$(BIN)/python lexicons/build_charlm.py

pairs: setup
	$(BIN)/python benchmarks/make_pairs.py

# The shipped channel and case tables: counted from every train page (see lexicons/CHANNEL.md).
channel: pairs
	$(BIN)/python lexicons/build_channel.py
	$(BIN)/python lexicons/build_case.py

# The same tables from permissively licensed text only (the synth split of pseudo-text drawn
# from the shipped lexicon, and the news-seed pages); see lexicons/README.md for the trade-off.
channel-permissive: pairs
	$(BIN)/python lexicons/build_channel.py --from synth,train:seed
	$(BIN)/python lexicons/build_case.py --from synth,train:seed --context-from train

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
