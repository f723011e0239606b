"""Query vectors shared by a server's compute processes, and kept across restarts.

Each worker's compute process embeds a question it has not heard (about 33 ms of one
core). With this file beside the index, a question that any of them has embedded is
read back by the others, and by a server started again, instead of embedded anew.
Vectors are stored as float32, as the model gives them, so that a question ranks the
same whether its vector was read or made. Best effort: a file that cannot be read or
written leaves the model to do the work.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import numpy as np

KEEP = 200_000  # questions kept (1.5 KB each); the oldest go first


class QueryVectors:
    """Vectors by (model, question text), in a SQLite file that several processes share."""

    def __init__(self, path: Path, model: str, keep: int = KEEP) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.model, self.lock = model, threading.Lock()
        self.connection = sqlite3.connect(path, timeout=10, check_same_thread=False, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
        self.connection.execute("PRAGMA synchronous=NORMAL")  # a vector lost in a power cut is made again
        self.connection.execute("CREATE TABLE IF NOT EXISTS query_vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        self.connection.execute("DELETE FROM query_vectors WHERE rowid <= (SELECT max(rowid) FROM query_vectors) - ?",
                                (keep,))

    def get(self, text: str) -> np.ndarray | None:
        try:
            with self.lock:
                row = self.connection.execute("SELECT vector FROM query_vectors WHERE key = ?",
                                              (self._key(text),)).fetchone()
        except sqlite3.Error:
            return None
        return np.frombuffer(row[0], dtype=np.float32).copy() if row else None

    def put(self, text: str, vector: np.ndarray) -> None:
        try:
            with self.lock:
                self.connection.execute("INSERT OR IGNORE INTO query_vectors VALUES (?, ?)",
                                        (self._key(text), np.asarray(vector, dtype=np.float32).tobytes()))
        except sqlite3.Error:
            return

    def _key(self, text: str) -> str:
        return f"{self.model}\t{text}"
