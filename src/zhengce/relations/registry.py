"""Registries: the totals a document states for its tables, to check against the rows.

Documents say how many entries their lists hold (等245件规范性文件继续有效（见附件1）,
10个“打包一件事”, 水平评价类76项); a table whose rows do not add up to the stated
total is reported, not hidden.
"""

from __future__ import annotations

import re

from zhengce.corpus.model import Document, Table

_COUNT = r"(?P<count>\d{1,4})\s*(?:件|项|个|条|类)"
_IN_CAPTION = re.compile(_COUNT)
_SEE_ATTACHMENT = re.compile(rf"等{_COUNT}[^。；]{{0,40}}?见附件\s*(?P<attachment>\d)")
_QUOTED = re.compile(r"“([^”]{2,12})”")


def stated_total(document: Document, number: int, table: Table) -> int | None:
    """The total the document states for its ``number``-th table, or None.

    >>> from zhengce.corpus.model import Table
    >>> stated_total(None, 1, Table("(水平评价类76项)", [], [], 0, 0))
    76
    """
    caption = _IN_CAPTION.search(table.name or "")
    if caption:
        return int(caption["count"])
    if document is None:
        return None
    for match in _SEE_ATTACHMENT.finditer(document.text):
        if int(match["attachment"]) == number:
            return int(match["count"])
    for quoted in _QUOTED.findall(table.name or ""):
        found = re.search(rf"{_COUNT}\s*“{re.escape(quoted)}”", document.text)
        if found:
            return int(found["count"])
    return None


def check_totals(documents: list[Document]) -> None:
    """Record each table's stated total (the store reports it beside the row count)."""
    for document in documents:
        for number, table in enumerate(document.tables, 1):
            table.stated_total = stated_total(document, number, table) or table.stated_total
