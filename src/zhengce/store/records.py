"""What the store returns: frozen records, written once.

The API uses them as its response models (pydantic validates dataclasses), the web
templates and the CLI read their attributes, and ``plain`` turns one into the JSON the
CLI prints, so a document's shape is not written again in each face.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Any

from zhengce.corpus.model import Source  # where a document is printed: the parser's own record
from zhengce.relations.validity import Quote, Validity

__all__ = ["Article", "Choices", "DocumentGraph", "DocumentStatus", "DocumentSummary", "DocumentView", "Filters",
           "Flag", "ItemStatus", "KnowledgeBaseStats", "Link", "Quote", "Source", "StoredUnit", "Table", "TableSummary",
           "ThreadEntry", "UnitText", "Validity", "plain"]


@dataclass(frozen=True)
class Flag:
    """A problem found while reading a document (a missing part, a doubtful number)."""

    code: str
    reason: str
    node_id: str | None


@dataclass(frozen=True, kw_only=True)
class DocumentSummary:
    """A document without its text: what lists, filters and hits need.

    ``previous_version``/``next_version``: an added document whose text changed.
    """

    id: str
    title: str
    doc_number: str | None
    issuers: tuple[str, ...]
    date: str | None
    region: str
    section: str | None
    doc_type: str
    level: str
    omitted: bool
    sources: tuple[Source, ...]
    flags: tuple[Flag, ...]
    forwards: tuple[str, ...]
    forwarded_by: tuple[str, ...]
    previous_version: str | None = None
    next_version: str | None = None


@dataclass(frozen=True, kw_only=True)
class ItemStatus(Validity):
    """The status of an article that has its own period (``node_id``)."""

    node_id: str


@dataclass(frozen=True, kw_only=True)
class DocumentStatus(Validity):
    """A document's status on a date; ``doc_id`` is None for a document outside the corpus
    that a clean-up list or a repeal names. ``items``: its articles with their own period."""

    doc_id: str | None
    doc_number: str | None
    items: tuple[ItemStatus, ...]


@dataclass(frozen=True, kw_only=True)
class Article:
    """A node of a document's tree (part, article, item) with its source lines;
    ``validity`` is its own status when it has its own period."""

    id: str
    path: str
    label: str
    kind: str
    parent: str | None
    text: str
    start_line: int
    end_line: int
    validity: ItemStatus | None


@dataclass(frozen=True, kw_only=True)
class Table:
    """A table of a document, its rows as printed (``node_id``: the article that holds it)."""

    id: str
    name: str
    columns: tuple[str, ...]
    node_id: str | None
    start_line: int
    end_line: int
    stated_total: int | None
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, kw_only=True)
class TableSummary:
    """A table in the list of tables: its row count, its entries (numbered rows) and
    whether they match the total its document states."""

    id: str
    name: str
    doc_id: str
    doc_number: str | None
    columns: tuple[str, ...]
    rows: int
    entries: int
    stated_total: int | None
    total_matches: bool | None


@dataclass(frozen=True)
class ThreadEntry:
    """A document in the line of a measure (extended, extending)."""

    id: str
    title: str
    doc_number: str | None
    date: str | None


@dataclass(frozen=True)
class Link:
    """One edge of the citation graph, from the citing article (``node_id``); ``doc_id``
    is None for a document outside the corpus."""

    doc_id: str | None
    title: str | None
    doc_number: str | None
    node_id: str | None
    kind: str


@dataclass(frozen=True, kw_only=True)
class DocumentGraph:
    """A document's edges of the citation graph: what it cites and what cites it."""

    cites: tuple[Link, ...]
    cited_by: tuple[Link, ...]


@dataclass(frozen=True, kw_only=True)
class DocumentView(DocumentSummary):
    """A whole document: its status on a date, the line of its measure, text, articles, tables."""

    validity: Validity
    thread: tuple[ThreadEntry, ...]
    text: str
    articles: tuple[Article, ...]
    tables: tuple[Table, ...]

    def summary(self) -> DocumentSummary:
        """The document without its text, as lists show it."""
        return DocumentSummary(**{f.name: getattr(self, f.name) for f in fields(DocumentSummary)})


@dataclass(frozen=True, kw_only=True)
class Choices:
    """The values each filter can take, as the knowledge base holds them."""

    regions: tuple[str, ...]
    sections: tuple[str, ...]
    doc_types: tuple[str, ...]
    years: tuple[str, ...]
    levels: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class KnowledgeBaseStats:
    """What a knowledge base holds, counted. ``by_region``, ``by_section`` (— for none) and
    ``flags`` run from the largest count down; ``by_source`` is keyed by file, in file order."""

    documents: int
    by_region: dict[str, int]
    by_section: dict[str, int]
    by_source: dict[str, int]
    with_several_sources: int
    without_number: int
    nodes: int
    tables: int
    table_rows: int
    units: int
    embedded_units: int
    flags: dict[str, int]
    built_at: str | None


@dataclass(frozen=True)
class UnitText:
    """One searchable, citable piece of a document: where it is and what it says."""

    doc_id: str
    node_id: str
    kind: str
    label: str
    context: str
    text: str


@dataclass(frozen=True)
class StoredUnit(UnitText):
    """A retrieval unit as built, with the keyword tokens it was indexed by. Search and
    answers read these, in the order of the index's rows."""

    tokens: tuple[str, ...]


@dataclass(frozen=True)
class Filters:
    """Restrictions on what a search or a list of documents may return; None means any.
    The faces build them from what users wrote with ``service.search_filters``."""

    region: str | None = None
    section: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    valid_on: date | None = None
    level: str | None = None

    def admit(self, document: DocumentSummary) -> bool:
        """Whether ``document`` passes every filter (its articles' own periods are the index's part)."""
        if self.region and document.region != self.region:
            return False
        if self.section and document.section != self.section:
            return False
        if self.doc_type and document.doc_type != self.doc_type:
            return False
        if self.level and document.level != self.level:
            return False
        if self.issuer and not any(self.issuer in issuer for issuer in document.issuers):
            return False
        issued = date.fromisoformat(document.date) if document.date else None
        if self.date_from and (issued is None or issued < self.date_from):
            return False
        return not (self.date_to and (issued is None or issued > self.date_to))


def plain(value: Any) -> Any:
    """A record (or a list or dict of them) as JSON-ready lists and dicts, fields in order."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value
