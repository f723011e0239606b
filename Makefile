# The one entry point of the set-up contract: make serve, make test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB := var/zhengce.db
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
SOURCES := $(shell find src/zhengce -name '*.py') pyproject.toml

.PHONY: install build serve test browser lint bench clean

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

test: install browser
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

# Browser tests drive Debian's Chromium; Playwright cannot download its own here.
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi wqy || { \
		echo "Installing chromium and a Chinese font with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }

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
