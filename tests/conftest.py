"""Shared fixtures: the real corpus parsed once, and a knowledge base built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhengce.corpus.build import DEFAULT_RAW_DIR, load_corpus
from zhengce.corpus.model import Document
from zhengce.store.db import Store, write_knowledge_base

RAW_DIR = DEFAULT_RAW_DIR


@pytest.fixture(scope="session")
def corpus() -> list[Document]:
    documents, _ = load_corpus(RAW_DIR)
    return documents


@pytest.fixture(scope="session")
def corpus_report():
    return load_corpus(RAW_DIR)[1]


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory: pytest.TempPathFactory, corpus: list[Document]) -> Path:
    path = tmp_path_factory.mktemp("kb") / "zhengce.db"
    write_knowledge_base(path, corpus, {"raw_dir": str(RAW_DIR)})
    return path


@pytest.fixture(scope="session")
def store(kb_path: Path) -> Store:
    return Store(kb_path)


def by_number(documents: list[Document], number: str) -> Document:
    matches = [d for d in documents if d.doc_number == number]
    assert len(matches) == 1, f"{number}: {len(matches)} documents"
    return matches[0]
