"""jieba's dictionary as a SQLite file that a process opens in milliseconds.

jieba keeps every word and every prefix of a word (half a million keys) in a dict,
built at start-up from a marshal cache in 0.6-2 s. Cutting a question touches a few
dozen of those keys, so a lookup table on disk (the page cache shares it between
worker processes) with a small memo in front does the same work without the wait.
The file is written once per set of policy terms and jieba version, atomically, so
workers starting together do not read a half-written file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

MEMO = 200_000  # lookups remembered per table before the memo starts again
SCHEMA = """
CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL, tag TEXT) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def cache_dir() -> Path:
    """$ZHENGCE_CACHE, else the system's temporary folder: a private folder, not jieba's /tmp file."""
    folder = Path(os.environ.get("ZHENGCE_CACHE", tempfile.gettempdir())) / "zhengce-jieba"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def dictionary_file(terms: tuple[str, ...]) -> Path:
    """The dictionary with ``terms`` added, written on first use (about 3 s, once per machine)."""
    import jieba

    digest = hashlib.sha256("\n".join([jieba.__version__, *terms]).encode()).hexdigest()[:16]
    path = cache_dir() / f"dictionary-{digest}.sqlite"
    if not path.is_file():
        _write(path, terms)
    empty = path.with_name("empty.txt")
    if not empty.is_file():
        empty.touch()
    return path


def _write(path: Path, terms: tuple[str, ...]) -> None:
    """jieba's own dictionary load (frequencies and prefixes), the terms added, dict.txt's tags."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    full = jieba.Tokenizer()
    full.tmp_dir = str(path.parent)
    full.initialize()
    for term in terms:
        full.add_word(term, freq=200_000)
    tags = {}
    with full.get_dict_file() as lines:
        for line in lines:
            word, _, tag = line.decode("utf-8").strip().split(" ")
            tags[word] = tag
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    connection = sqlite3.connect(temporary)
    connection.executescript(SCHEMA)
    connection.executemany("INSERT INTO words VALUES (?,?,?)",
                           ((word, freq, tags.get(word)) for word, freq in full.FREQ.items()))
    connection.execute("INSERT INTO meta VALUES ('total', ?)", (str(full.total),))
    connection.commit()
    connection.close()
    os.replace(temporary, path)


class Words(MutableMapping[str, Any]):
    """One column of the dictionary file (``freq`` or ``tag``) as the dict jieba expects.

    Each thread reads through its own connection; what was looked up (found or not) is
    remembered; ``jieba.add_word`` writes only to the memo.
    """

    def __init__(self, path: Path, column: str) -> None:
        if column not in ("freq", "tag"):
            raise ValueError(column)
        self.path, self.column = path, column
        self._sql = f"SELECT {column} FROM words WHERE word = ?"
        self._local = threading.local()
        self._memo: dict[str, Any] = {}
        self._whole = False
        self.total = int(self._connection().execute("SELECT value FROM meta WHERE key = 'total'").fetchone()[0])

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.connection = connection
        return connection

    def _lookup(self, word: str) -> Any:
        memo = self._memo
        if word in memo or self._whole:
            return memo.get(word)
        row = self._connection().execute(self._sql, (word,)).fetchone()
        if len(memo) >= MEMO:
            memo.clear()
        memo[word] = value = row[0] if row else None
        return value

    def load_all(self) -> None:
        """Read the whole column into memory (0.5-2 s): for a build that cuts every unit."""
        if not self._whole:
            rows = self._connection().execute(f"SELECT word, {self.column} FROM words")
            self._memo = {word: value for word, value in rows if value is not None}
            self._whole = True

    def __getitem__(self, word: str) -> Any:
        value = self._lookup(word)
        if value is None:
            raise KeyError(word)
        return value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lookup(word) is not None

    def get(self, word: str, default: Any = None) -> Any:
        value = self._lookup(word)
        return default if value is None else value

    def __setitem__(self, word: str, value: Any) -> None:
        self._memo[word] = value

    def __delitem__(self, word: str) -> None:
        self._memo[word] = None

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._connection().execute("SELECT word FROM words"))

    def __len__(self) -> int:
        return self._connection().execute("SELECT count(*) FROM words").fetchone()[0]
