"""The index stage of a build: units from documents, their tokens and vectors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from zhengce.corpus.model import Document
from zhengce.index.embed import embed_passages
from zhengce.index.tokenize import tokenizer, tokens
from zhengce.index.units import Unit, document_units
from zhengce.paths import DEFAULT_CACHE as DEFAULT_CACHE
from zhengce.store.db import Store, UnitRow
from zhengce.store.embedding_cache import EmbeddingCache

BULK = 200  # above this many units to cut, the whole dictionary is read into memory first


def corpus_units(documents: list[Document]) -> list[Unit]:
    return [unit for document in documents for unit in document_units(document)]


def stored_tokens(store: Store) -> dict[tuple[str, str], list[str]]:
    """The keyword tokens of a knowledge base's units, by (text hash, kind): an incremental
    change re-tokenises only the units whose text is new."""
    return {(Unit("", "", u.kind, "", u.context, u.text).key, u.kind): list(u.tokens)
            for u in store.units()}


def index_rows(units: list[Unit], cache_path: Path | None,
               progress: Callable[[int], None] | None = None,
               known: dict[tuple[str, str], list[str]] | None = None) -> tuple[list[UnitRow], int]:
    """Units ready to store: tokens always (``known`` ones reused), vectors unless ``cache_path`` is None.

    Returns the rows and the number of units embedded now (not found in the cache).
    """
    known = known or {}
    if sum((u.key, u.kind) not in known for u in units) > BULK:
        tokenizer().FREQ.load_all()
    vectors, embedded = None, 0
    if cache_path is not None:
        cache = EmbeddingCache(cache_path)
        try:
            keys = [unit.key for unit in units]
            vectors, embedded = embed_passages(keys, [u.search_text for u in units], cache, progress)
            cache.keep_only(keys)
        finally:
            cache.close()
    rows = [
        UnitRow(doc_id=u.doc_id, node_id=u.node_id, kind=u.kind, label=u.label, context=u.context, text=u.text,
                tokens=tuple(known.get((u.key, u.kind)) or tokens(u.keyword_text)),
                vector=vectors[i] if vectors is not None else None)
        for i, u in enumerate(units)
    ]
    return rows, embedded
