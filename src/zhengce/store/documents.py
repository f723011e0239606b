"""Reading documents from a knowledge base: lists with filters, one whole document,
and the values the filters can take, all as records (``store.records``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from functools import cached_property
from typing import Any

from zhengce.corpus.assemble import document_key
from zhengce.corpus.numerals import canonical_doc_number, nfkc
from zhengce.relations.level import LEVELS, level_of
from zhengce.relations.validity import IN_FORCE_STATUSES
from zhengce.store.backend import Row
from zhengce.store.records import Article, Choices, DocumentSummary, DocumentView, Filters, Flag, Source
from zhengce.store.relations import RelationQueries
from zhengce.store.tables import TableQueries

SORTABLE = ("ord", "date", "title", "doc_number", "region", "section", "doc_type")


class DocumentQueries(RelationQueries, TableQueries):
    """The document methods of ``Store`` (which provides ``connection``)."""

    def list_documents(self, filters: Filters | None = None, sort: str = "ord",
                       descending: bool = False) -> list[DocumentSummary]:
        """Document summaries that pass ``filters`` (the same ones search takes; ``valid_on``:
        in force on that date, i.e. 现行有效, 已被修改 or 部分失效), in corpus order or sorted
        by ``sort`` (one of SORTABLE)."""
        if sort not in SORTABLE:
            raise ValueError(f"Cannot sort by {sort!r}; choose one of {', '.join(SORTABLE)}.")
        filters = filters or Filters()
        chosen = [(column, value) for column, value in (("region", filters.region), ("section", filters.section),
                                                         ("doc_type", filters.doc_type)) if value]
        where = f"WHERE {' AND '.join(f'{column} = ?' for column, _ in chosen)}" if chosen else ""
        direction = "DESC" if descending else "ASC"
        rows = self.connection.execute(
            f"SELECT * FROM documents {where} ORDER BY {sort} IS NULL, {sort} {direction}, ord",
            [value for _, value in chosen])
        documents = [summary for summary in map(self._summary, rows) if filters.admit(summary)]
        if filters.valid_on:
            statuses = self.all_validity(filters.valid_on)
            documents = [d for d in documents if statuses[d.id].status in IN_FORCE_STATUSES]
        return documents

    def find_document_id(self, key: str) -> str | None:
        """The id of the document named by id, document number (any printed form) or title."""
        key = key.strip()
        number = canonical_doc_number(nfkc(key))
        # Of an added document's versions, which share number and title, the latest.
        row = self.connection.execute(
            "SELECT id FROM documents WHERE id = ? OR doc_number = ? OR title = ? "
            "ORDER BY id = ? DESC, id IN (SELECT doc_id FROM links WHERE kind = 'new_version'), ord LIMIT 1",
            (key, number or key, key, key),
        ).fetchone()
        if row:
            return row["id"]
        wanted = document_key(nfkc(key))
        for candidate in self.connection.execute("SELECT id, title FROM documents ORDER BY ord"):
            if document_key(nfkc(candidate["title"])) == wanted:
                return candidate["id"]
        return None

    def get_document(self, key: str, on: date | None = None) -> DocumentView | None:
        """A whole document (summary, validity on ``on`` (default today), text, articles,
        tables, the line of the measure it belongs to), or None when unknown."""
        doc_id = self.find_document_id(key)
        if doc_id is None:
            return None
        row = self.connection.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        on = on or date.today()
        items = {item.node_id: item for item in self.item_statuses(doc_id, on)}
        articles = tuple(
            Article(id=n["id"], path=n["path"], label=n["label"], kind=n["kind"], parent=n["parent_id"],
                    text=n["text"], start_line=n["start_line"], end_line=n["end_line"], validity=items.get(n["id"]))
            for n in self.connection.execute("SELECT * FROM nodes WHERE doc_id = ? ORDER BY ord", (doc_id,)))
        tables = tuple(self._table(t) for t in self.connection.execute(
            "SELECT * FROM tables WHERE doc_id = ? ORDER BY ord", (doc_id,)))
        return DocumentView(**self._summary_fields(row), validity=self.status_of(doc_id, on),
                            thread=self.thread(doc_id), text=row["text"], articles=articles, tables=tables)

    def _summary(self, row: Row) -> DocumentSummary:
        return DocumentSummary(**self._summary_fields(row))

    def _summary_fields(self, row: Row) -> dict[str, Any]:
        doc_id, issuers = row["id"], json.loads(row["issuers"])
        column = lambda sql: tuple(r[0] for r in self.connection.execute(sql, (doc_id,)))  # noqa: E731
        return {
            "id": doc_id, "title": row["title"], "doc_number": row["doc_number"], "issuers": tuple(issuers),
            "date": row["date"], "region": row["region"], "section": row["section"], "doc_type": row["doc_type"],
            "level": _level(row),
            "omitted": bool(row["omitted"]),
            "sources": tuple(Source(s["file"], s["start_line"], s["end_line"]) for s in self.connection.execute(
                "SELECT * FROM sources WHERE doc_id = ? ORDER BY is_primary DESC, file, start_line", (doc_id,))),
            "flags": tuple(Flag(f["code"], f["reason"], f["node_id"]) for f in self.connection.execute(
                "SELECT * FROM flags WHERE doc_id = ?", (doc_id,))),
            "forwards": column("SELECT target_id FROM links WHERE doc_id = ? AND kind = 'forwards'"),
            "forwarded_by": column("SELECT doc_id FROM links WHERE target_id = ? AND kind = 'forwards'"),
            **self._versions(doc_id),
        }

    def _versions(self, doc_id: str) -> dict[str, str | None]:
        """The previous and the next version of an added document whose text changed."""
        def linked(sql: str) -> str | None:
            row = self.connection.execute(sql, (doc_id,)).fetchone()
            return row[0] if row else None

        return {"previous_version": linked("SELECT doc_id FROM links WHERE target_id = ? AND kind = 'new_version'"),
                "next_version": linked("SELECT target_id FROM links WHERE doc_id = ? AND kind = 'new_version'")}

    @cached_property
    def choices(self) -> Choices:
        """The values the filters can take, read from the documents (the knowledge base is
        read-only): regions, sections and types with the most documents first, years newest
        first, levels from the highest."""
        def values(column: str) -> tuple[str, ...]:
            return tuple(row[0] for row in self.connection.execute(
                f"SELECT {column} FROM documents WHERE {column} IS NOT NULL GROUP BY {column} "
                "ORDER BY count(*) DESC, min(ord)"))

        years = sorted({row[0][:4] for row in self.connection.execute(
            "SELECT date FROM documents WHERE date IS NOT NULL")}, reverse=True)
        held = {_level(row) for row in self.connection.execute("SELECT * FROM documents")}
        return Choices(regions=values("region"), sections=values("section"), doc_types=values("doc_type"),
                       years=tuple(years), levels=tuple(level for level in LEVELS if level in held))


def _level(row: Row) -> str:
    """A stored document's 效力级别, from its title, number, issuers and region."""
    return level_of({"title": row["title"], "doc_number": row["doc_number"], "issuers": json.loads(row["issuers"]),
                     "region": row["region"]})


def iter_all_documents(store: DocumentQueries) -> Iterable[DocumentView]:
    """Every document in full, for exports and the privacy test of the whole corpus."""
    for summary in store.list_documents():
        document = store.get_document(summary.id)
        if document:
            yield document
