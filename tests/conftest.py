"""Shared fixtures: the real corpus parsed once, and a knowledge base built from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zhengce.answer.ask import Answerer
from zhengce.corpus.build import DEFAULT_RAW_DIR, load_corpus
from zhengce.corpus.model import Document
from zhengce.index.build import DEFAULT_CACHE, corpus_units, index_rows
from zhengce.index.hybrid import SearchIndex
from zhengce.relations import corpus_relations
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
    """The whole corpus, indexed, with vectors from a copy of the shipped embedding
    cache (the copy, because a build prunes its cache and tests must not touch data/)."""
    folder = tmp_path_factory.mktemp("kb")
    cache = folder / "embeddings.sqlite"
    shutil.copy(DEFAULT_CACHE, cache)
    relations = corpus_relations(corpus)
    rows, _ = index_rows(corpus_units(corpus), cache)
    path = folder / "zhengce.db"
    write_knowledge_base(path, corpus, {"raw_dir": str(RAW_DIR)}, rows, relations)
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


def by_number(documents: list[Document], number: str) -> Document:
    matches = [d for d in documents if d.doc_number == number]
    assert len(matches) == 1, f"{number}: {len(matches)} documents"
    return matches[0]
