# The one entry point of the set-up contract: make serve, make test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB := var/zhengce.db
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
SOURCES := $(shell find src/zhengce -name '*.py') pyproject.toml

.PHONY: install build serve test browser postgres lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

build: $(DB)

$(DB): $(STAMP) $(SOURCES) $(wildcard data/raw/*.txt)
	$(BIN)/zhengce --db $(DB) build

serve: build
	$(BIN)/zhengce --db $(DB) serve --host $(HOST) --port $(PORT)

# The suite runs twice: on SQLite, then the tests that read a knowledge base on PostgreSQL
# (a throwaway cluster, unless ZHENGCE_TEST_PG_URL names a server; see tests/pg_cluster.py).
test: install browser postgres
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest
	ZHENGCE_TEST_BACKEND=postgresql $(BIN)/pytest

# Browser tests drive Debian's Chromium; Playwright cannot download its own here.
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi wqy || { \
		echo "Installing chromium and a Chinese font with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }

# Debian's PostgreSQL server binaries (initdb, pg_ctl), for the tests' throwaway cluster.
postgres:
	@test -n "$$ZHENGCE_TEST_PG_URL" || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		echo "Installing PostgreSQL with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: build
	$(BIN)/python bench/build_corpus.py
	$(BIN)/python bench/add_documents.py --db $(DB)
	$(BIN)/python bench/search.py --db $(DB)
	$(BIN)/python bench/validity.py --db $(DB)
	ZHENGCE_DB=$(DB) $(BIN)/python bench/web.py
	$(BIN)/python bench/startup.py --db $(DB)

clean:
	rm -rf $(VENV) var test-output
