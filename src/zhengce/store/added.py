"""The files users added, as the knowledge base keeps them: their extracts and fields,
so that adding another file, removing one or rebuilding replays them without reading
(or OCR'ing) any file again."""

from __future__ import annotations

import json

from zhengce.corpus.added import AddedSource
from zhengce.corpus.readers.extract import Extract
from zhengce.store.backend import Connection, Location, database_errors, open_existing


def write_added(connection: Connection, sources: list[AddedSource]) -> None:
    connection.executemany(
        "INSERT INTO added_sources VALUES (?,?,?,?,?,?,?,?)",
        [(seq, s.file, s.sha256, s.extract.method, s.added_at, json.dumps(s.overrides, ensure_ascii=False),
          json.dumps(s.extract.as_json(), ensure_ascii=False), s.doc_id) for seq, s in enumerate(sources, 1)])


def read_added(connection: Connection) -> list[AddedSource]:
    rows = connection.execute("SELECT file, sha256, added_at, overrides, extract, doc_id FROM added_sources "
                              "ORDER BY seq")
    return [AddedSource(file, sha256, Extract.from_json(json.loads(extract)), json.loads(overrides), added_at, doc_id)
            for file, sha256, added_at, overrides, extract, doc_id in rows]


def read_added_file(path: Location) -> list[AddedSource]:
    """The added files of the knowledge base at ``path``, whatever its schema version, so that
    a rebuild after an upgrade keeps them; none when there is no such base or table."""
    try:
        connection = open_existing(path)
        if connection is None:
            return []
        try:
            return read_added(connection)
        finally:
            connection.close()
    except (*database_errors(), KeyError, ValueError):
        return []
