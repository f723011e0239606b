"""What every reader returns: the document's blocks in reading order, plus fields the file states.

A PDF page, an OCR'd scan, a Word file and a web page all end here, so that the
one user-document layout (``corpus.layouts.user``) and the shared normaliser,
metadata rules and article-tree parser see the same thing whatever the format.
A block's "line" is its place in the extract (1-based), which citations point at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

from zhengce.corpus.model import Paragraph, Table
from zhengce.corpus.normalize import TERMINAL, clean_text

Block = Paragraph | Table


class ReadError(Exception):
    """A file that cannot be read as a document; the message (Chinese) names the file and why."""


@dataclass
class Extract:
    """A file's text as blocks, the fields it states (文号, 日期, 标题) and how it was read."""

    blocks: list[Block]
    fields: dict[str, str] = field(default_factory=dict)
    method: str = "text"          # text | ocr | mixed

    def as_json(self) -> dict[str, object]:
        return {"fields": self.fields, "method": self.method, "blocks": [
            {"text": b.text} if isinstance(b, Paragraph) else {"columns": b.columns, "rows": b.rows, "name": b.name}
            for b in self.blocks]}

    @classmethod
    def from_json(cls, data: dict) -> Extract:
        return cls(blocks_from_items(data["blocks"]), dict(data["fields"]), str(data["method"]))


def blocks_from_items(items: list[dict]) -> list[Block]:
    """Numbered blocks from plain paragraphs ({"text"}) and tables ({"columns", "rows"})."""
    blocks: list[Block] = []
    for number, item in enumerate(items, 1):
        if "rows" in item:
            name = item.get("name") or _caption(blocks[-1] if blocks else None)
            blocks.append(Table(name, list(item["columns"]), [list(r) for r in item["rows"]], number, number))
        elif text := clean_text(item["text"]):
            blocks.append(Paragraph(text, number, number))
    return blocks


def _caption(block: Block | None) -> str:
    """The line printed just above a table when it reads as its caption (short, no sentence end)."""
    if isinstance(block, Paragraph) and len(block.text) <= 60 and block.text[-1] not in TERMINAL + "，,":
        return block.text
    return ""


def table_item(rows: list[list[str]]) -> dict | None:
    """A table block from its rows of cells: the first row is the header; None when empty."""
    rows = [[clean_text(cell or "").replace("\n", "") for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if len(rows) < 2:
        return None
    return {"columns": rows[0], "rows": rows[1:]}


@dataclass(frozen=True)
class PageLine:
    """One printed line with its place on the page (points, top-down), as PDF and OCR see it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    red: bool = False


_PAGE_NUMBER = re.compile(
    r"^[-—－–\s]*(?:第\s*)?\d{1,3}\s*(?:页)?(?:\s*[/／]\s*\d{1,3}|\s*共\s*\d{1,3}\s*页)?[-—－–\s]*$")
_DIGITS = re.compile(r"\d+")
EDGE_LINES = 2  # a running header or footer is among the first or last two lines of a page


def drop_furniture(lines: list[PageLine], pages: int) -> list[PageLine]:
    """Without page numbers, and without running headers and footers: a text that opens or
    closes most pages at the same height (digits ignored, so that 第3页 repeats as 第N页)."""
    lines = [line for line in lines if not _PAGE_NUMBER.match(line.text)]
    if pages < 2:
        return lines
    by_page: dict[int, list[PageLine]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    edges = {id(line) for on_page in by_page.values() for line in (*on_page[:EDGE_LINES], *on_page[-EDGE_LINES:])}
    counts: dict[tuple[str, int], set[int]] = {}
    for line in lines:
        if id(line) in edges:
            counts.setdefault(_running_key(line), set()).add(line.page)
    repeated = {key for key, on in counts.items() if len(on) >= max(2, pages // 2)}
    return [line for line in lines if not (id(line) in edges and _running_key(line) in repeated)]


def _running_key(line: PageLine) -> tuple[str, int]:
    return _DIGITS.sub("#", line.text.replace(" ", "")), round(line.top / 6)


def paragraphs_from_lines(lines: list[PageLine]) -> list[str]:
    """Rejoin printed lines into paragraphs: a paragraph starts at an indented line, after a
    line that stops short of the right margin, or after a gap wider than the line spacing;
    a centred line stands alone."""
    if not lines:
        return []
    left = median(sorted(line.x0 for line in lines)[: max(1, len(lines) // 2)])
    right = max(median(line.x1 for line in lines), max(line.x1 for line in lines) * 0.9)
    height = median(line.bottom - line.top for line in lines) or 10
    steps = [b.top - a.top for a, b in pairwise(lines) if a.page == b.page and b.top > a.top]
    spacing = median(steps) if steps else height * 2
    paragraphs: list[str] = []
    previous: PageLine | None = None
    for line in lines:
        indented = line.x0 > left + height * 0.8
        short_before = previous is not None and previous.x1 < right - height * 1.5
        gap = previous is not None and previous.page == line.page and line.top - previous.top > spacing * 1.6
        if previous is None or indented or short_before or gap or line.red != previous.red:
            paragraphs.append(line.text.strip())
        else:
            paragraphs[-1] += line.text.strip()
        previous = line
    return paragraphs
