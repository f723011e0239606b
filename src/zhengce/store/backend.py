"""One connection interface over the two backends, so the SQL in store/ is written once.

A knowledge base is a SQLite file (the embedded default) or a PostgreSQL database
named by a ``postgresql://`` URL. The queries are written in SQLite's dialect; for
PostgreSQL this module translates the few differences (``?`` placeholders, BLOB,
``json_extract``, ``rowid``) and gives rows that read by position and by name, as
``sqlite3.Row`` does. psycopg is imported only when a PostgreSQL base is opened.

In PostgreSQL every build writes its own schema in one transaction, and a registry
table (``public.zhengce_builds``) names the current one: a reader pins the schema it
opened, so it never sees a half-written base, and a failed build leaves nothing.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sqlite3
import sys
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

PREFIXES = ("postgresql://", "postgres://")
REGISTRY = "public.zhengce_builds"
KEPT = 2  # builds whose schemas stay: a worker may still read the previous one until it reloads
KEPT_RESULTS = 20_000  # query results a reader keeps (its schema does not change)
BUILDS_CHANNEL = "zhengce_builds"  # publish NOTIFYs the new build's number here; BuildWatch listens
LOCK_KEY = 0x7A68656E  # the advisory lock that lets one change run at a time per database

Location = Path | str  # a SQLite file, or a PostgreSQL URL


class Rows(Protocol):
    def fetchone(self) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What store/ asks of a connection: sqlite3's, or ``PgConnection``."""

    def execute(self, sql: str, params: Sequence[Any] = ...) -> Rows: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any: ...

    def commit(self) -> None: ...

    def close(self) -> None: ...


def is_postgres(location: Location | None) -> bool:
    return isinstance(location, str) and location.startswith(PREFIXES)


def database_errors() -> tuple[type[Exception], ...]:
    """The errors a database raises: sqlite3's, and psycopg's once it was imported
    (it is not imported before a PostgreSQL base is opened, so none can occur)."""
    psycopg = sys.modules.get("psycopg")
    return (sqlite3.Error, psycopg.Error) if psycopg else (sqlite3.Error,)


@functools.lru_cache(maxsize=512)
def pg_sql(sql: str) -> str:
    """A query in SQLite's dialect, as PostgreSQL reads it: ``rowid`` becomes ``ctid``, which
    is insertion order in tables written once by a build and never updated."""
    sql = re.sub(r"json_extract\((\w+), '\$\[(\d+)\]'\)", r"(\1::jsonb ->> \2)", sql)
    return sql.replace("%", "%%").replace("?", "%s").replace("ORDER BY rowid", "ORDER BY ctid")


def pg_schema(ddl: str) -> str:
    """The schema's DDL for PostgreSQL: bytes as BYTEA, and text compared byte by byte
    (collation "C"), as SQLite compares it, so both sort titles and numbers alike."""
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', ddl.replace("BLOB", "BYTEA"))


class Row(tuple):
    """A result row read by position or by column name, like ``sqlite3.Row``."""

    names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row.names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self.names[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self.names)


def _row_factory(cursor: Any) -> Any:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, names)


class Fetched(list):
    """A query's rows, kept: iterated, or read with ``fetchone`` as from a cursor."""

    def fetchone(self) -> Any:
        return self[0] if self else None


class PgConnection:
    """A psycopg connection that takes SQLite-dialect queries and gives ``Row``s.

    A reader's results are kept (``keep``): the schema it is pinned to is never written
    again, and the store's reads ask the same small queries many times over (six per
    document listed), each a round trip to the server where SQLite reads a page.
    """

    def __init__(self, url: str, autocommit: bool, keep: bool = False) -> None:
        import psycopg

        self.raw = psycopg.connect(url, autocommit=autocommit, row_factory=_row_factory)
        self.kept: dict[tuple[str, tuple[Any, ...]], Fetched] | None = {} if keep else None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.kept is None:
            return self.raw.execute(pg_sql(sql), params)  # type: ignore[arg-type]
        key = (sql, tuple(params))
        if (rows := self.kept.get(key)) is None:
            rows = Fetched(self.raw.execute(pg_sql(sql), params))  # type: ignore[arg-type]
            if len(self.kept) >= KEPT_RESULTS:
                self.kept.clear()
            self.kept[key] = rows
        return rows

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(pg_sql(sql), rows)  # type: ignore[arg-type]

    def use_schema(self, schema: str) -> None:
        self.raw.execute(f'SET search_path TO "{schema}"')  # type: ignore[arg-type]

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def close(self) -> None:
        self.raw.close()


def current_build(connection: PgConnection) -> tuple[int, str] | None:
    """The sequence number and schema of the current build, or None before the first (asked
    of the server each time: the one query whose answer changes)."""
    if connection.raw.execute("SELECT to_regclass(%s)", (REGISTRY,)).fetchone()[0] is None:
        return None
    row = connection.raw.execute(f"SELECT seq, schema FROM {REGISTRY} ORDER BY seq DESC LIMIT 1").fetchone()  # type: ignore[arg-type]
    return (row[0], row[1]) if row else None


def open_reader(url: str) -> tuple[PgConnection, int]:
    """A connection pinned to the current build's schema, and that build's number.

    Autocommit: a reader holds no transaction between queries, so it never blocks the
    build that drops an old schema. Raises LookupError when no build was written yet.
    """
    connection = PgConnection(url, autocommit=True, keep=True)
    try:
        build = current_build(connection)
        if build is None:
            raise LookupError(url)
        connection.use_schema(build[1])
    except BaseException:
        connection.close()
        raise
    return connection, build[0]


def open_writer(url: str, ddl: str) -> PgConnection:
    """One transaction that writes a new build into a fresh schema (see ``publish``)."""
    connection = PgConnection(url, autocommit=False)
    schema = f"zhengce_{uuid.uuid4().hex[:16]}"
    connection.execute(f'CREATE SCHEMA "{schema}"')
    connection.use_schema(schema)
    connection.raw.execute(pg_schema(ddl))  # type: ignore[arg-type]
    return connection


def publish(connection: PgConnection) -> None:
    """Make the schema being written the current build and drop all but the newest
    ``KEPT``, all in the build's one transaction: readers see the old base or the new."""
    schema = connection.execute("SELECT current_schema()").fetchone()[0]
    connection.execute("SELECT pg_advisory_xact_lock(?)", (LOCK_KEY + 1,))
    connection.execute(f"CREATE TABLE IF NOT EXISTS {REGISTRY} (seq BIGSERIAL PRIMARY KEY, schema TEXT NOT NULL)")
    seq = connection.execute(f"INSERT INTO {REGISTRY} (schema) VALUES (?) RETURNING seq", (schema,)).fetchone()[0]
    connection.execute("SELECT pg_notify(?, ?)", (BUILDS_CHANNEL, str(seq)))  # delivered at commit
    old = [row[0] for row in connection.execute(f"SELECT schema FROM {REGISTRY} ORDER BY seq DESC OFFSET {KEPT}")]
    for name in old:
        connection.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    connection.execute(f"DELETE FROM {REGISTRY} WHERE schema = ANY(?)", (old,))
    connection.commit()


class BuildWatch:
    """Whether a newer build than a reader's was made current. ``publish`` says so with a
    NOTIFY in the build's transaction; the watch listens on a connection of its own, so a
    server that asks at every request reads what has arrived instead of waiting on a query
    (on the event loop, that wait grew with the database server's share of busy cores). On
    its first call it also asks the registry, for a build made before it listened. A lost
    connection counts as a change, since the reader's is lost too and reopening the store
    is how it comes back."""

    def __init__(self, url: str, seen: int) -> None:
        self.url, self.seen, self.newer = url, seen, False
        self.connection: Any = None

    def changed(self) -> bool:
        """Once true, true from then on: the caller asks again before it reloads."""
        import psycopg

        try:
            if self.connection is None:
                self.connection = psycopg.connect(self.url, autocommit=True)
                self.connection.execute(f"LISTEN {BUILDS_CHANNEL}")
                row = self.connection.execute(f"SELECT max(seq) FROM {REGISTRY}").fetchone()  # type: ignore[arg-type]
                self.newer = self.newer or row[0] != self.seen
            self.newer = self.newer or any(int(note.payload) != self.seen
                                           for note in self.connection.notifies(timeout=0))
        except psycopg.Error:
            self.connection, self.newer = None, True
        return self.newer


def open_existing(location: Location) -> Connection | None:
    """A read-only connection to the knowledge base at ``location``, or None when there is none."""
    if is_postgres(location):
        try:
            return open_reader(str(location))[0]
        except LookupError:
            return None
    if not Path(location).is_file():
        return None
    return sqlite3.connect(f"file:{location}?mode=ro", uri=True)


@contextmanager
def pg_lock(url: str) -> Iterator[None]:
    """One change at a time per database, across processes and machines."""
    connection = PgConnection(url, autocommit=True)
    try:
        connection.execute("SELECT pg_advisory_lock(?)", (LOCK_KEY,))
        yield
    finally:
        connection.close()  # which releases the lock


def display(location: Location) -> str:
    """The knowledge base as messages name it: a URL without its password."""
    if not is_postgres(location):
        return str(location)
    parts = urlsplit(str(location))
    if parts.password is None:
        return str(location)
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + parts.netloc.rpartition("@")[2]))


def cache_key(url: str) -> str:
    """A folder name for a database's local files (its indexes), the same for any spelling of
    its password."""
    parts = urlsplit(url)
    public = f"{parts.username or ''}@{parts.hostname or ''}:{parts.port or ''}{parts.path}?{parts.query}"
    return f"pg-{hashlib.sha256(public.encode()).hexdigest()[:16]}"
