"""Built indexes on disk beside the knowledge base, loaded by memory mapping.

Building the two BM25 indexes from tokens takes 1.5-2 s and converting the stored
vectors more; a server worker or a one-off `zhengce ask` would pay it at every start.
A build writes them once into ``<knowledge base>.index/<build id>/`` before the
knowledge base naming that id is swapped in; readers map the files (the page cache
shares them between workers). A knowledge base whose folder is missing (written by
an older zhengce, or by the tests' own writer) is indexed in memory as before.

A PostgreSQL base may be read from several machines and has no folder beside it: its
indexes go to a local cache (``paths.index_cache()``), one folder per database (by its
URL without password) and one per build id inside. A machine that lacks the build's
folder (another machine built it, or the cache was cleared) writes it from the stored
rows at its first load, so a cache is never stale: a new build has a new id.
"""

from __future__ import annotations

import os
import shutil
import uuid
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path

import bm25s
import numpy as np

from zhengce.index.tokenize import char_bigrams
from zhengce.index.units import keyword_text
from zhengce.paths import index_cache
from zhengce.store.backend import Location, cache_key, is_postgres
from zhengce.store.db import Store, UnitRow, process_running

KEPT = 2  # builds whose folders stay: a worker may still be mapping the previous one


@dataclass(frozen=True)
class Persisted:
    """The indexes a query needs, as mapped from disk."""

    bm25: bm25s.BM25
    bigrams: bm25s.BM25
    vectors: np.ndarray | None


def folder_of(db_path: Location) -> Path:
    if is_postgres(db_path):
        return index_cache() / cache_key(str(db_path))
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.name}.index")


def keyword_index(documents: list[list[str]]) -> bm25s.BM25:
    """A BM25 index over token lists (an empty unit still takes its row)."""
    index = bm25s.BM25()
    index.index([tokens or [""] for tokens in documents], show_progress=False)
    return index


def bigram_lists(units: list[tuple[str, str, str]]) -> list[list[str]]:
    """The character bigrams of each (kind, context, text) unit."""
    return [char_bigrams(keyword_text(kind, context, text)) for kind, context, text in units]


def write_index(db_path: Location, rows: list[UnitRow], build_id: str | None = None) -> str:
    """Write the indexes of ``rows`` (in matrix order) for the knowledge base at ``db_path``;
    returns the build id (a new one unless given) to record in its metadata."""
    build_id = build_id or uuid.uuid4().hex
    target = folder_of(db_path) / build_id
    temporary = target.with_name(f".{build_id}.{os.getpid()}.tmp")
    temporary.mkdir(parents=True)
    try:
        keyword_index([" ".join(r.tokens).split() for r in rows]).save(str(temporary / "bm25"))
        keyword_index(bigram_lists([(r.kind, r.context, r.text) for r in rows])).save(str(temporary / "bigrams"))
        if rows and all(r.vector is not None for r in rows):
            np.save(temporary / "vectors.npy", np.stack([r.vector for r in rows]).astype(np.float32))
        os.replace(temporary, target)
    except BaseException:  # an error or an interrupt (Ctrl+C, SIGTERM): nothing half-written stays
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return build_id


def load_index(db_path: Location, build_id: str | None) -> Persisted | None:
    """The mapped indexes of build ``build_id``, or None when they are not on disk."""
    if not build_id:
        return None
    folder = folder_of(db_path) / build_id
    try:
        vectors_file = folder / "vectors.npy"
        return Persisted(bm25s.BM25.load(str(folder / "bm25"), mmap=True),
                         bm25s.BM25.load(str(folder / "bigrams"), mmap=True),
                         np.load(vectors_file, mmap_mode="r") if vectors_file.is_file() else None)
    except (OSError, ValueError):
        return None


def stored_index(store: Store) -> Persisted | None:
    """The mapped indexes of the store's build; for a PostgreSQL base whose build this
    machine has not cached yet, written from the stored rows first."""
    build_id = store.meta().get("index")
    persisted = load_index(store.path, build_id)
    if persisted is not None or not build_id or not is_postgres(store.path):
        return persisted
    vectors = store.unit_vectors()
    rows = [UnitRow(**asdict(u), vector=None if vectors is None else vectors[i]) for i, u in enumerate(store.units())]
    with suppress(OSError):  # another worker wrote it first, or the cache is not writable: map theirs, or in memory
        write_index(store.path, rows, build_id)
    return load_index(store.path, build_id)


def prune(db_path: Location, keep: str) -> None:
    """Remove the folders of old builds, keeping ``keep`` and the newest before it."""
    parent = folder_of(db_path)
    for partial in parent.glob(".*.tmp"):  # a killed build's; one still running keeps its own
        pid = partial.name.split(".")[-2]
        if not pid.isdigit() or not process_running(int(pid)):
            shutil.rmtree(partial, ignore_errors=True)
    builds = sorted((p for p in parent.iterdir() if p.is_dir() and not p.name.startswith(".")),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    kept = {keep, *(p.name for p in builds[:KEPT])}
    for path in builds:
        if path.name not in kept:
            shutil.rmtree(path, ignore_errors=True)
