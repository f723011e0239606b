"""The corpus stage's output: documents with their sources, article tree and tables.

These dataclasses are the interface between parsing and storage: parsers fill
them, ``store`` writes them, nothing downstream sees raw lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Line:
    """One raw line with its 1-based number in its source file."""

    number: int
    text: str


@dataclass(frozen=True)
class Source:
    """Where a document was printed: file name and inclusive line range."""

    file: str
    start_line: int
    end_line: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph rejoined from wrapped lines, with the lines it came from."""

    text: str
    start_line: int
    end_line: int


@dataclass
class Flag:
    """A suspected source error or parsing doubt, kept on the document, never corrected."""

    code: str
    reason: str
    node_id: str | None = None


@dataclass
class Node:
    """A node of the article tree: 章, 条, 款, 项 or a numbered item.

    ``path`` is unique inside its document ("第三条", "二/（一）", "附件/第五条");
    the node id that other features cite is ``f"{doc_id}/{path}"``.
    """

    path: str
    label: str
    kind: str
    text: str
    start_line: int
    end_line: int
    parent: str | None = None


@dataclass
class Table:
    """A table as rows under one header; a table split over pages is one table."""

    name: str
    columns: list[str]
    rows: list[list[str]]
    start_line: int
    end_line: int
    node_path: str | None = None
    stated_total: int | None = None


@dataclass
class Document:
    """One published document, possibly printed in several compilations."""

    title: str
    doc_number: str | None
    issuers: list[str]
    date: date | None
    region: str
    section: str | None
    doc_type: str
    paragraphs: list[Paragraph]
    sources: list[Source]
    nodes: list[Node] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    omitted: bool = False
    omission_context: str = ""
    forwards: list[str] = field(default_factory=list)
    id: str = ""
    previous_version: str | None = None  # an added document's earlier text, kept under its own id

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    def rename(self, new_id: str) -> None:
        """Change the id, and with it the node ids that flags point to."""
        old_prefix = f"{self.id}/"
        for flag in self.flags:
            if flag.node_id and flag.node_id.startswith(old_prefix):
                flag.node_id = f"{new_id}/{flag.node_id[len(old_prefix):]}"
        self.id = new_id
