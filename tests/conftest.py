"""Shared fixtures: the real corpus parsed once, and a knowledge base built from it.

With ``ZHENGCE_TEST_BACKEND=postgresql`` (see tests/pg_cluster.py) the knowledge base is
written into PostgreSQL instead, and only the tests that read it run (the others do not
depend on the backend); tests about the SQLite file itself are marked ``sqlite_only``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from tests import pg_cluster
from tests.readers import render
from zhengce.answer.ask import Answerer
from zhengce.api.app import create_app
from zhengce.build import write_documents
from zhengce.corpus.build import DEFAULT_RAW_DIR, CorpusReport, load_corpus
from zhengce.corpus.model import Document
from zhengce.index.build import DEFAULT_CACHE
from zhengce.index.hybrid import SearchIndex
from zhengce.index.persist import folder_of
from zhengce.paths import INDEX_CACHE_ENV
from zhengce.store.backend import Location, is_postgres
from zhengce.store.db import Store

RAW_DIR = DEFAULT_RAW_DIR
TEMPLATE = "zhengce_template"  # the PostgreSQL database the test knowledge base is written to, and copied from


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only(reason): a test about the SQLite file itself")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In the PostgreSQL run, keep the tests that read a knowledge base, less the SQLite-only ones."""
    if not pg_cluster.postgres_tests():
        return
    kept = [item for item in items if "kb_path" in getattr(item, "fixturenames", ())]
    for item in kept:
        if marker := item.get_closest_marker("sqlite_only"):
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {marker.args[0]}"))
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The PostgreSQL server of the PostgreSQL run, with an index cache of the session's own."""
    with pytest.MonkeyPatch.context() as patch, pg_cluster.server() as url:
        patch.setenv(INDEX_CACHE_ENV, str(tmp_path_factory.mktemp("index-cache")))
        yield url


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
def kb_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
            parsed_corpus: tuple[list[Document], CorpusReport]) -> Location:
    """The whole corpus, indexed, with vectors from a copy of the shipped embedding
    cache (the copy, because a build prunes its cache and tests must not touch data/):
    a file, or in the PostgreSQL run a database copied from the one it was written to."""
    folder = tmp_path_factory.mktemp("kb")
    cache = folder / "embeddings.sqlite"
    shutil.copy(DEFAULT_CACHE, cache)
    path: Location = folder / "zhengce.db"
    if pg_cluster.postgres_tests():
        path = pg_cluster.create_database(request.getfixturevalue("pg_server"), TEMPLATE)
    write_documents(path, *parsed_corpus, cache=cache, meta={"raw_dir": str(RAW_DIR)})
    return copy_kb(path, folder) if is_postgres(path) else path


def copy_kb(kb_path: Location, folder: Path, name: str = "zhengce.db") -> Location:
    """A copy of the test knowledge base that a test may change, with its index folder: a file
    in ``folder``, or a new database copied from the template (PostgreSQL copies it whole)."""
    if is_postgres(kb_path):
        copy: Location = pg_cluster.create_database(str(kb_path), f"zhengce_{uuid.uuid4().hex[:12]}", TEMPLATE)
        template = pg_cluster.database_url(str(kb_path), TEMPLATE)
    else:
        copy, template = Path(shutil.copy(kb_path, folder / name)), kb_path
    if folder_of(template).is_dir():
        shutil.copytree(folder_of(template), folder_of(copy))
    return copy


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


def serve_process(kb_path: Location, folder: Path, *options: str) -> Iterator[tuple[Location, str]]:
    """``zhengce serve`` as its own process over a copy of the knowledge base at ``kb_path``
    (with its index folder) in ``folder``, on a free loopback port; stopped when closed."""
    kb = copy_kb(kb_path, folder)
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
