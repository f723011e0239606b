"""The module that writes a knowledge base and reads it back, in SQLite or PostgreSQL.

A build writes a new file beside the old one and renames it into place only
when it is complete (in PostgreSQL: a new schema, made current in the build's one
transaction, see store/backend.py), so an interrupted or failed build leaves the
previous knowledge base as it was.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from zhengce.corpus.added import AddedSource
from zhengce.corpus.model import Document
from zhengce.paths import resolve_path
from zhengce.relations.citations import Reference
from zhengce.relations.validity import Fact
from zhengce.store.added import read_added, write_added
from zhengce.store.backend import (
    BuildWatch,
    Connection,
    Location,
    display,
    is_postgres,
    open_reader,
    open_writer,
    publish,
)
from zhengce.store.documents import DocumentQueries
from zhengce.store.records import KnowledgeBaseStats, StoredUnit
from zhengce.store.schema import SCHEMA, SCHEMA_VERSION


class KnowledgeBaseError(Exception):
    """The knowledge base is missing, stale or unreadable; the message says what to do."""


def remove_abandoned(path: Path) -> list[Path]:
    """Delete the temporary files (and their journals) of builds of ``path`` that were
    killed: a build's file names its process, and a process no longer running will not
    come back for it. Returns what was removed."""
    removed = []
    for stale in path.parent.glob(f".{path.name}.*.tmp*"):
        pid = stale.name.removeprefix(f".{path.name}.").partition(".")[0]
        if pid.isdigit() and not process_running(int(pid)):
            stale.unlink(missing_ok=True)
            removed.append(stale)
    return removed


def process_running(pid: int) -> bool:
    """Whether process ``pid`` still runs: a temporary file named after a process that does not is abandoned."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class KnowledgeBaseWriter:
    """Writes a new knowledge base beside the old one; ``commit`` swaps it in.

    Use as a context manager: leaving the block without ``commit`` (an error, an
    interrupt) deletes the new file and leaves the previous knowledge base as it was.
    """

    def __init__(self, path: Location) -> None:
        self.path = path
        self.temporary: Path | None = None
        if is_postgres(path):
            self.connection: Connection = open_writer(str(path), SCHEMA)
            return
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned(path)
        self.temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.temporary.unlink(missing_ok=True)
        self.connection = sqlite3.connect(self.temporary)
        try:
            self.connection.executescript(SCHEMA)
        except BaseException:  # an interrupt before the with-block is entered, which would not clean up
            self.__exit__()
            raise

    def __enter__(self) -> KnowledgeBaseWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.connection.close()  # PostgreSQL rolls back a transaction that was not committed
        if self.temporary:
            self.temporary.unlink(missing_ok=True)

    def write_documents(self, documents: list[Document], progress: Callable[[int], None] | None = None) -> None:
        for ordinal, document in enumerate(documents):
            _insert_document(self.connection, document, ordinal)
            if progress:
                progress(1)

    def write_units(self, rows: Iterable[UnitRow]) -> None:
        """Retrieval units with their tokens and (float16) vector, in matrix order."""
        self.connection.executemany(
            "INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?)",
            [(i, r.doc_id, r.node_id, r.kind, r.label, r.context, r.text, " ".join(r.tokens),
              r.vector.astype(np.float16).tobytes() if r.vector is not None else None)
             for i, r in enumerate(rows)],
        )

    def write_relations(self, references: Iterable[Reference], facts: Iterable[Fact]) -> None:
        """The citation graph and the validity evidence."""
        self.connection.executemany(
            "INSERT INTO refs VALUES (?,?,?,?,?,?)",
            [(r.doc_id, r.node_id, r.kind, r.number, r.title, r.target_id) for r in references])
        self.connection.executemany(
            "INSERT INTO validity_facts VALUES (?,?,?,?,?,?,?,?,?)",
            [(f.doc_id, f.number, f.kind, f.on.isoformat(), f.reason, f.evidence, f.quote,
              f.until.isoformat() if f.until else None, f.item) for f in facts])

    def write_added(self, sources: list[AddedSource]) -> None:
        """The files users added, with their extracts, in the order they were added."""
        write_added(self.connection, sources)

    def commit(self, meta: dict[str, str]) -> None:
        """Record the metadata, then atomically replace the old knowledge base."""
        built = {"schema_version": str(SCHEMA_VERSION),
                 "built_at": datetime.now(UTC).isoformat(timespec="seconds"), **meta}
        self.connection.executemany("INSERT INTO meta VALUES (?, ?)", built.items())
        if self.temporary is None:
            publish(self.connection)  # type: ignore[arg-type]
            return
        self.connection.commit()
        self.connection.close()
        os.replace(self.temporary, self.path)


@dataclass(frozen=True)
class UnitRow(StoredUnit):
    """A retrieval unit as the index stage hands it to storage: with its vector."""

    vector: np.ndarray | None


def write_knowledge_base(path: Location, documents: list[Document], meta: dict[str, str],
                         units: Iterable[UnitRow] = (),
                         relations: tuple[Iterable[Reference], Iterable[Fact]] = ((), ())) -> None:
    """Write ``documents`` (index units, relations) to a new file and swap it in when complete."""
    with KnowledgeBaseWriter(path) as writer:
        writer.write_documents(documents)
        writer.write_units(units)
        writer.write_relations(*relations)
        writer.commit(meta)


def _insert_document(connection: Connection, doc: Document, ordinal: int) -> None:
    connection.execute(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (doc.id, doc.title, doc.doc_number, _json(doc.issuers),
         doc.date.isoformat() if doc.date else None, doc.region, doc.section, doc.doc_type,
         doc.text, int(doc.omitted), ordinal),
    )
    connection.executemany(
        "INSERT INTO sources VALUES (?,?,?,?,?)",
        [(doc.id, s.file, s.start_line, s.end_line, int(i == 0)) for i, s in enumerate(doc.sources)],
    )
    connection.executemany(
        "INSERT INTO nodes VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(f"{doc.id}/{n.path}", doc.id, n.path, f"{doc.id}/{n.parent}" if n.parent else None,
          n.label, n.kind, n.text, n.start_line, n.end_line, i) for i, n in enumerate(doc.nodes)],
    )
    for i, table in enumerate(doc.tables):
        table_id = f"{doc.id}/t{i + 1}"
        connection.execute(
            "INSERT INTO tables VALUES (?,?,?,?,?,?,?,?,?)",
            (table_id, doc.id, table.name, _json(table.columns),
             f"{doc.id}/{table.node_path}" if table.node_path else None,
             table.start_line, table.end_line, table.stated_total, i),
        )
        connection.executemany(
            "INSERT INTO table_rows VALUES (?,?,?)",
            [(table_id, r + 1, _json(row)) for r, row in enumerate(table.rows)],
        )
    connection.executemany(
        "INSERT INTO flags VALUES (?,?,?,?)",
        [(doc.id, f.code, f.reason, f.node_id) for f in doc.flags],
    )
    connection.executemany(
        "INSERT INTO links VALUES (?,?,?)", [(doc.id, "forwards", t) for t in doc.forwards]
    )
    if doc.previous_version:
        connection.execute("INSERT INTO links VALUES (?,?,?)", (doc.previous_version, "new_version", doc.id))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class Store(DocumentQueries):
    """Read access to a built knowledge base (validity: ``store.validity``)."""

    def __init__(self, path: Location | None = None) -> None:
        self.path = resolve_path(path)
        if is_postgres(self.path):
            self._open_postgres(str(self.path))
            return
        if not self.path.is_file():
            raise KnowledgeBaseError(f"{self.path} 处没有知识库：请先运行 `zhengce build`（或 `make build`）。")
        try:
            self.connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                              check_same_thread=False)
            self.connection.row_factory = sqlite3.Row
            # 35 ms on the whole corpus: a file damaged mid-way is refused here, with a
            # reason, rather than failing in whichever query first reads a bad page.
            if self.connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("database disk image is malformed")
            version = self.meta().get("schema_version")
        except sqlite3.DatabaseError as error:
            raise KnowledgeBaseError(f"{self.path} 不是可用的 zhengce 知识库（{error}）：请运行 `zhengce build` "
                                     "重新构建。") from error
        self.stamp: object = _file_stamp(self.path)
        self._check_version(version)

    def _open_postgres(self, url: str) -> None:
        import psycopg

        try:
            self.connection, self.stamp = open_reader(url)
            self.watch = BuildWatch(url, self.stamp)
            version = self.meta().get("schema_version")
        except LookupError:
            raise KnowledgeBaseError(f"{display(url)} 中没有知识库：请先运行 `zhengce --db URL build`。") from None
        except psycopg.Error as error:
            raise KnowledgeBaseError(f"无法读取 {display(url)} 中的知识库（{str(error).strip()}）：请检查地址、"
                                     "用户和密码，或运行 `zhengce build` 重新构建。") from error
        self._check_version(version)

    def _check_version(self, version: str | None) -> None:
        if version != str(SCHEMA_VERSION):
            raise KnowledgeBaseError(f"{display(self.path)} 的结构版本是 {version}，本程序需要 {SCHEMA_VERSION}："
                                     "请运行 `zhengce build` 重新构建。")

    def changed(self) -> bool:
        """Whether a build, an add or a remove replaced the knowledge base since it was opened
        (one stat, or one query in PostgreSQL): a server then reloads."""
        if is_postgres(self.path):
            return self.watch.changed()
        return _file_stamp(self.path) != self.stamp

    def added_sources(self) -> list[AddedSource]:
        """The files users added, in order, as they were read."""
        return read_added(self.connection)

    def meta(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.connection.execute("SELECT * FROM meta")}

    def node_lines(self) -> dict[str, tuple[int, int]]:
        """Source lines (in the document's primary print) of every node and table row."""
        lines = {row["id"]: (row["start_line"], row["end_line"])
                 for row in self.connection.execute("SELECT id, start_line, end_line FROM nodes")}
        rows = self.connection.execute(
            "SELECT t.id, t.start_line, t.end_line, r.row_no FROM tables t JOIN table_rows r ON r.table_id = t.id")
        for table_id, start, end, row_no in rows:
            lines[f"{table_id}/r{row_no}"] = (start, end)
        return lines

    def units(self) -> list[StoredUnit]:
        """Every retrieval unit in matrix order, without its vector."""
        rows = self.connection.execute(
            "SELECT doc_id, node_id, kind, label, context, text, tokens FROM units ORDER BY id")
        return [StoredUnit(doc_id=doc_id, node_id=node_id, kind=kind, label=label, context=context, text=text,
                           tokens=tuple(words.split())) for doc_id, node_id, kind, label, context, text, words in rows]

    def unit_vectors(self) -> np.ndarray | None:
        """The units' embedding matrix (float32, one row per unit), or None if not embedded."""
        blobs = [row[0] for row in self.connection.execute("SELECT vector FROM units ORDER BY id")]
        if not blobs or any(blob is None for blob in blobs):
            return None
        return np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), -1).astype(np.float32)

    def stats(self) -> KnowledgeBaseStats:
        """Counts that tell what the knowledge base holds."""
        def grouped(sql: str) -> dict[str, int]:
            return {str(k): v for k, v in self.connection.execute(sql)}

        scalar = lambda sql: self.connection.execute(sql).fetchone()[0]  # noqa: E731
        return KnowledgeBaseStats(
            documents=scalar("SELECT count(*) FROM documents"),
            by_region=grouped("SELECT region, count(*) FROM documents GROUP BY region ORDER BY 2 DESC, 1"),
            by_section=grouped(
                "SELECT coalesce(section, '—'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"),
            by_source=grouped("SELECT file, count(DISTINCT doc_id) FROM sources GROUP BY file ORDER BY file"),
            with_several_sources=scalar(
                "SELECT count(*) FROM (SELECT doc_id FROM sources GROUP BY doc_id HAVING count(*) > 1) AS several"),
            without_number=scalar("SELECT count(*) FROM documents WHERE doc_number IS NULL"),
            nodes=scalar("SELECT count(*) FROM nodes"),
            tables=scalar("SELECT count(*) FROM tables"),
            table_rows=scalar("SELECT count(*) FROM table_rows"),
            units=scalar("SELECT count(*) FROM units"),
            embedded_units=scalar("SELECT count(*) FROM units WHERE vector IS NOT NULL"),
            flags=grouped("SELECT code, count(*) FROM flags GROUP BY code ORDER BY 2 DESC, 1"),
            built_at=self.meta().get("built_at"),
        )


def _file_stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (0, 0)
    return status.st_ino, status.st_mtime_ns
