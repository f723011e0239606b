"""Reading relations from a knowledge base: the citation graph, the line of a measure,
and validity. Every face asks these validity methods, and they all ask
``relations.validity.status_on`` (a document) or ``node_status`` (an article), so the
CLI, the API, the web pages, search and answers give one status for one date.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from functools import cached_property
from typing import Any

from zhengce.corpus.numerals import canonical_doc_number, nfkc
from zhengce.relations.validity import NO_EVIDENCE, Fact, Validity, item_status, node_status, status_on
from zhengce.store.backend import Connection, Row
from zhengce.store.records import DocumentGraph, DocumentStatus, ItemStatus, Link, ThreadEntry


def _fact(row: Row) -> Fact:
    until = date.fromisoformat(row["until_date"]) if row["until_date"] else None
    return Fact(row["doc_id"], row["number"], row["kind"], date.fromisoformat(row["on_date"]), row["reason"],
                row["evidence"], row["quote"], until, row["item_id"])


class RelationQueries:
    """The relation and validity methods of ``Store`` (which provides ``connection`` and
    ``find_document_id``)."""

    connection: Connection

    def find_document_id(self, key: str) -> str | None:  # pragma: no cover - provided by Store
        raise NotImplementedError

    @cached_property
    def _facts_by_document(self) -> dict[str, list[Fact]]:
        """Every corpus document's facts, read once (the knowledge base is read-only)."""
        grouped: dict[str, list[Fact]] = {row["id"]: [] for row in self.connection.execute("SELECT id FROM documents")}
        for row in self.connection.execute("SELECT * FROM validity_facts WHERE doc_id IS NOT NULL ORDER BY rowid"):
            grouped.setdefault(row["doc_id"], []).append(_fact(row))
        return grouped

    def facts(self, doc_id: str | None = None, number: str | None = None) -> list[Fact]:
        """Validity evidence about one document (by id, or by number when outside the corpus)."""
        if doc_id:
            return list(self._facts_by_document.get(doc_id, []))
        rows = self.connection.execute("SELECT * FROM validity_facts WHERE doc_id IS NULL AND number = ? "
                                       "ORDER BY rowid", (number,))
        return [_fact(row) for row in rows]

    @cached_property
    def _names(self) -> dict[str, str]:
        return {row["id"]: row["doc_number"] or row["title"]
                for row in self.connection.execute("SELECT id, doc_number, title FROM documents")}

    def _cite(self, validity: Validity) -> Validity:
        """Name each quoted clause's document (文号, else title) and article path."""
        def named(node_id: str) -> dict[str, str]:
            doc_id, _, path = node_id.partition("/")
            return {"document": self._names.get(doc_id, doc_id), "article": path}

        return replace(validity, quotes=tuple(replace(q, **named(q.node_id)) for q in validity.quotes))

    def status_of(self, doc_or_node_id: str, on: date) -> Validity:
        """The status on ``on`` of a corpus document (its id) or of one of its articles
        (a node id such as ``af0d01339a/附件/三/26``), with the clauses behind it: what
        answers cite with a date."""
        doc_id = doc_or_node_id.split("/", 1)[0]
        facts = self.facts(doc_id)
        status = node_status(facts, doc_or_node_id, on) if "/" in doc_or_node_id else status_on(facts, on)
        return self._cite(status)

    def validity(self, key: str, on: date) -> DocumentStatus | None:
        """Status on ``on`` of a corpus document (id, number, title) or of a document
        outside the corpus that a clean-up list or a repeal names; None if unknown."""
        doc_id = self.find_document_id(key)
        if doc_id:
            row = self.connection.execute("SELECT doc_number FROM documents WHERE id = ?", (doc_id,)).fetchone()
            return DocumentStatus(**_fields(self.status_of(doc_id, on)), doc_id=doc_id,
                                  doc_number=row["doc_number"], items=self.item_statuses(doc_id, on))
        number = canonical_doc_number(nfkc(key)) or key.strip()  # a number, or the title a repeal names
        facts = self.facts(None, number)
        if not facts:
            return None
        status = self._cite(status_on(facts, on))
        if status.reason == NO_EVIDENCE:
            status = replace(status, reason="资料库外的文件：资料中未见在此日前废止它的依据")
        return DocumentStatus(**_fields(status), doc_id=None, doc_number=number, items=())

    def all_validity(self, on: date) -> dict[str, Validity]:
        """Every corpus document's status on ``on``."""
        return {doc_id: status_on(facts, on) for doc_id, facts in self._facts_by_document.items()}

    def item_statuses(self, doc_id: str, on: date) -> tuple[ItemStatus, ...]:
        """The articles of a document that have their own period, each with its status on ``on``."""
        facts = self.facts(doc_id)
        items = dict.fromkeys(f.evidence for f in facts if f.kind == "item_expires" and f.evidence)
        return tuple(ItemStatus(**_fields(self._cite(node_status(facts, node_id, on))), node_id=node_id)
                     for node_id in items)

    def expired_nodes(self, on: date) -> set[str]:
        """Articles whose own period has ended by ``on`` in documents otherwise in force:
        search leaves them (and the articles under them) out when it filters on a date."""
        expired = set()
        for facts in self._facts_by_document.values():
            items = {f.evidence for f in facts if f.kind == "item_expires" and f.evidence}
            document = status_on(facts, on) if items else None
            if document is None or not document.in_force:
                continue  # no items, or the whole document is out (the document filter drops it)
            expired |= {node for node in items if not item_status(facts, node, on, document).in_force}
        return expired

    def graph(self, doc_id: str) -> DocumentGraph:
        """What a document cites and what cites it, each with the citing article."""
        def item(row: Row, other: str | None) -> Link:
            target = self.connection.execute("SELECT title, doc_number FROM documents WHERE id = ?",
                                             (other,)).fetchone() if other else None
            return Link(other, target["title"] if target else row["title"],
                        target["doc_number"] if target else row["number"], row["node_id"], row["kind"])

        cites = tuple(item(r, r["target_id"]) for r in self.connection.execute(
            "SELECT * FROM refs WHERE doc_id = ? ORDER BY rowid", (doc_id,)))
        cited_by = tuple(item(r, r["doc_id"]) for r in self.connection.execute(
            "SELECT * FROM refs WHERE target_id = ? ORDER BY rowid", (doc_id,)))
        return DocumentGraph(cites=cites, cited_by=cited_by)

    @cached_property
    def _extensions(self) -> dict[str, set[str]]:
        """Extension edges both ways, from the validity evidence: what the text says
        (延长…) and what readers found (a later notice extending an earlier one's measure)."""
        edges: dict[str, set[str]] = {}
        for fact in (f for facts in self._facts_by_document.values() for f in facts):
            if fact.kind == "extended" and fact.doc_id and fact.evidence:
                extender = fact.evidence.split("/", 1)[0]
                edges.setdefault(fact.doc_id, set()).add(extender)
                edges.setdefault(extender, set()).add(fact.doc_id)
        return edges

    def thread(self, doc_id: str) -> tuple[ThreadEntry, ...]:
        """The line of a measure: the documents this one extends and that extend it, in date order."""
        seen, frontier = {doc_id}, [doc_id]
        while frontier:
            for other in self._extensions.get(frontier.pop(), set()) - seen:
                seen.add(other)
                frontier.append(other)
        if len(seen) == 1:
            return ()
        marks = ",".join("?" * len(seen))
        rows = self.connection.execute(
            f"SELECT id, title, doc_number, date FROM documents WHERE id IN ({marks}) ORDER BY date, ord", list(seen))
        return tuple(ThreadEntry(row["id"], row["title"], row["doc_number"], row["date"]) for row in rows)


def _fields(validity: Validity) -> dict[str, Any]:
    """A status's own fields, to extend it into an item's or a document's record."""
    return {f.name: getattr(validity, f.name) for f in fields(Validity)}
