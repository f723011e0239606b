"""Embedding vectors by text hash, in a SQLite file kept across builds.

The project ships this file (data/embeddings.sqlite) so that a fresh clone
builds its knowledge base without minutes of embedding; a build adds what is
missing and drops what no unit uses any more.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np


class EmbeddingCache:
    """Vectors by text hash, in a SQLite file that survives rebuilds."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(path)
        self.connection.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start:start + 500])
            marks = ",".join("?" * len(chunk))
            for key, blob in self.connection.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                found[key] = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self.connection:
            self.connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                        [(k, v.astype(np.float16).tobytes()) for k, v in items.items()])

    def keep_only(self, keys: Iterable[str]) -> int:
        """Drop vectors no current unit uses; returns how many were dropped."""
        wanted = set(keys)
        stale = [(key,) for (key,) in self.connection.execute("SELECT key FROM vectors") if key not in wanted]
        with self.connection:
            self.connection.executemany("DELETE FROM vectors WHERE key = ?", stale)
        if stale:
            self.connection.execute("VACUUM")
        return len(stale)

    def close(self) -> None:
        self.connection.close()
