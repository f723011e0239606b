"""Shared fixtures: the real corpus parsed once, and a knowledge base built from it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from tests.readers import render
from zhengce.answer.ask import Answerer
from zhengce.api.app import create_app
from zhengce.build import write_documents
from zhengce.corpus.build import DEFAULT_RAW_DIR, CorpusReport, load_corpus
from zhengce.corpus.model import Document
from zhengce.index.build import DEFAULT_CACHE
from zhengce.index.hybrid import SearchIndex
from zhengce.store.db import Store

RAW_DIR = DEFAULT_RAW_DIR


@pytest.fixture(scope="session")
def parsed_corpus() -> tuple[list[Document], CorpusReport]:
    return load_corpus(RAW_DIR)


@pytest.fixture(scope="session")
def corpus(parsed_corpus: tuple[list[Document], CorpusReport]) -> list[Document]:
    return parsed_corpus[0]


@pytest.fixture(scope="session")
def corpus_report(parsed_corpus: tuple[list[Document], CorpusReport]) -> CorpusReport:
    return parsed_corpus[1]


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory: pytest.TempPathFactory, parsed_corpus: tuple[list[Document], CorpusReport]) -> Path:
    """The whole corpus, indexed, with vectors from a copy of the shipped embedding
    cache (the copy, because a build prunes its cache and tests must not touch data/)."""
    folder = tmp_path_factory.mktemp("kb")
    cache = folder / "embeddings.sqlite"
    shutil.copy(DEFAULT_CACHE, cache)
    path = folder / "zhengce.db"
    write_documents(path, *parsed_corpus, cache=cache, meta={"raw_dir": str(RAW_DIR)})
    return path


@pytest.fixture(scope="session")
def search_index(store: Store) -> SearchIndex:
    return SearchIndex.load(store)


@pytest.fixture(scope="session")
def answerer(store: Store, search_index: SearchIndex) -> Answerer:
    return Answerer(store, search_index)


@pytest.fixture(scope="session")
def store(kb_path: Path) -> Store:
    return Store(kb_path)


@pytest.fixture(scope="session")
def live_url(kb_path: Path) -> Iterator[str]:
    """A real server on a free loopback port (for the browser, schemathesis and curl), stopped after the session."""
    yield from serve(create_app(kb_path))


def serve(app) -> Iterator[str]:
    """Serve ``app`` on a free loopback port until the generator is closed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def serve_process(kb_path: Path, folder: Path, *options: str) -> Iterator[tuple[Path, str]]:
    """``zhengce serve`` as its own process over a copy of the knowledge base at ``kb_path``
    (with its index folder) in ``folder``, on a free loopback port; stopped when closed."""
    from zhengce.index.persist import folder_of

    kb = Path(shutil.copy(kb_path, folder / "zhengce.db"))
    shutil.copytree(folder_of(kb_path), folder_of(kb))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([str(Path(sys.executable).parent / "zhengce"), "--db", str(kb), "serve",
                                "--port", str(port), *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield kb, base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def by_number(documents: list[Document], number: str) -> Document:
    matches = [d for d in documents if d.doc_number == number]
    assert len(matches) == 1, f"{number}: {len(matches)} documents"
    return matches[0]


# A 规定 and a 办法 with 第X条, a table and a signature; a Hunan notice of 一、 and 1. items with a 15-column table.
ARTICLES = "人社部规〔2020〕1号"
ITEMS = "湘人社发〔2020〕33号"


@pytest.fixture(scope="session")
def articles_doc(corpus: list[Document]) -> Document:
    return by_number(corpus, ARTICLES)


@pytest.fixture(scope="session")
def items_doc(corpus: list[Document]) -> Document:
    return by_number(corpus, ITEMS)


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory, articles_doc: Document, items_doc: Document) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("printed")
    return {
        "pdf": render.text_pdf(articles_doc, folder / "articles.pdf"),
        "items.pdf": render.text_pdf(items_doc, folder / "items.pdf"),
        "docx": render.docx_file(articles_doc, folder / "articles.docx"),
        "items.docx": render.docx_file(items_doc, folder / "items.docx"),
        "html": render.gov_html(articles_doc, folder / "articles.html", "2020-01-08"),
    }
