"""The article tree: 章, 节, 条, 款, 项 and the numbered items 一、 （一） 1. (1).

Government documents number their parts in a fixed order of rank, so a node's
parent is the nearest open node of higher rank. Paths are built from the
numbers as printed, which keeps a node id stable across rebuilds as long as the
published text does not change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhengce.corpus.model import Node, Paragraph
from zhengce.corpus.numerals import CHINESE_NUMERAL, int_to_chinese

_CN = f"[{CHINESE_NUMERAL}]{{1,4}}"


@dataclass(frozen=True)
class Marker:
    """How one kind of heading is printed, and where it ranks."""

    kind: str
    rank: int
    pattern: re.Pattern[str]


MARKERS = (
    Marker("attachment", 0, re.compile(r"^附件\s*(?P<n>\d{0,2})\s*[:：]?\s*(?=\S|$)")),
    Marker("chapter", 1, re.compile(rf"^第(?P<n>{_CN})章(?:\s+|$)")),
    Marker("section", 2, re.compile(rf"^第(?P<n>{_CN})节(?:\s+|$)")),
    Marker("article", 3, re.compile(rf"^第(?P<n>{_CN})条(?:\s*|$)")),
    Marker("item1", 5, re.compile(rf"^(?P<n>{_CN})\s*[、.．]")),
    Marker("item2", 6, re.compile(rf"^[（(]\s*(?P<n>{_CN})\s*[）)]")),
    Marker("item3", 7, re.compile(r"^(?P<n>\d{1,2})\s*(?:[、．﹒]|\.(?!\d))")),
    Marker("item4", 8, re.compile(r"^[（(]\s*(?P<n>\d{1,2})\s*[）)]")),
    Marker("item5", 9, re.compile(r"^(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")),
)
CLAUSE_RANK = 4  # 款: a plain paragraph inside an article
_LABEL_FORMAT = {
    "attachment": "附件{n}", "chapter": "第{n}章", "section": "第{n}节", "article": "第{n}条",
    "item1": "{n}、", "item2": "（{n}）", "item3": "{n}.", "item4": "({n})", "item5": "{n}",
}
_SEGMENT_FORMAT = {
    "attachment": "附件{n}", "chapter": "第{n}章", "section": "第{n}节", "article": "第{n}条",
    "item1": "{n}", "item2": "（{n}）", "item3": "{n}", "item4": "({n})", "item5": "{n}",
}
# 章, 节 and 条 are numbered through the whole text (or attachment), so their
# path does not repeat the chapter: "第三条", not "第一章/第三条".
_GLOBAL_KINDS = {"chapter", "section", "article"}


def match_marker(text: str) -> tuple[Marker, str] | None:
    """The heading marker that starts ``text`` and its number as printed, if any.

    >>> texts = ["第三条 用人单位", "二、全力", "（一）做好", "1.加强", "1.5倍"]
    >>> [m.kind for m, _ in filter(None, map(match_marker, texts))]
    ['article', 'item1', 'item2', 'item3']
    """
    for marker in MARKERS:
        match = marker.pattern.match(text)
        if match:
            return marker, match["n"]
    return None


@dataclass
class _Open:
    node: Node
    rank: int
    clauses: int = 0


class TreeBuilder:
    """Turns a document's body paragraphs into nodes, one paragraph at a time."""

    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self._stack: list[_Open] = []
        self._paths: set[str] = set()
        self._attachments = 0
        self._loose = 0

    def add(self, paragraph: Paragraph, attachments: bool = True) -> str:
        """Place ``paragraph``; return the path of the node that now holds it.

        With ``attachments`` false a 附件 line is plain text (a list of attachments).
        """
        found = match_marker(paragraph.text)
        if found and (attachments or found[0].kind != "attachment"):
            marker, number = found
            return self._open(marker.kind, marker.rank, number, paragraph)
        return self._append(paragraph)

    def start_attachment(self, paragraph: Paragraph) -> str:
        """Open an attachment node at a heading that the marker table cannot see,
        such as an attached 办法 printed after the notice's signature."""
        return self._open("attachment", 0, "", paragraph)

    def _open(self, kind: str, rank: int, number: str, paragraph: Paragraph) -> str:
        if kind == "attachment":
            self._attachments += 1
            number = number or (str(self._attachments) if self._attachments > 1 else "")
        while self._stack and (self._stack[-1].rank >= rank or self._stack[-1].rank == CLAUSE_RANK):
            self._stack.pop()
        parent = self._stack[-1].node if self._stack else None
        segment = _SEGMENT_FORMAT[kind].format(n=number)
        base = self._base_path(kind, parent)
        return self._push(kind, rank, _LABEL_FORMAT[kind].format(n=number),
                          f"{base}/{segment}" if base else segment, paragraph, parent)

    def _push(self, kind: str, rank: int, label: str, path: str, paragraph: Paragraph,
              parent: Node | None) -> str:
        node = Node(path=self._unique(path), label=label, kind=kind, text=paragraph.text,
                    start_line=paragraph.start_line, end_line=paragraph.end_line,
                    parent=parent.path if parent else None)
        self.nodes.append(node)
        self._stack.append(_Open(node, rank))
        return node.path

    def _base_path(self, kind: str, parent: Node | None) -> str:
        if parent is None:
            return ""
        if kind in _GLOBAL_KINDS:
            for opened in reversed(self._stack):
                if opened.node.kind == "attachment":
                    return opened.node.path
            return ""
        return parent.path

    def _append(self, paragraph: Paragraph) -> str | None:
        """A plain paragraph continues the open node, except inside an article,
        where it starts the article's next 款 (the article's own text is 第一款)."""
        if not self._stack:
            return self._loose_paragraph(paragraph)
        articles = [opened for opened in self._stack if opened.node.kind == "article"]
        if not articles:
            _extend(self._stack[-1].node, paragraph)
            return self._stack[-1].node.path
        article_open = articles[-1]
        while self._stack[-1] is not article_open:
            self._stack.pop()
        article_open.clauses = max(article_open.clauses, 1) + 1
        label = f"第{int_to_chinese(article_open.clauses)}款"
        return self._push("clause", CLAUSE_RANK, label, f"{article_open.node.path}/{label}",
                          paragraph, article_open.node)

    def _loose_paragraph(self, paragraph: Paragraph) -> str:
        """A paragraph before any numbered part (the opening, a Q&A) is a node of its
        own, 段1, 段2 ..., so that every sentence of a document can be cited."""
        self._loose += 1
        node = Node(path=self._unique(f"段{self._loose}"), label=f"第{self._loose}段", kind="paragraph",
                    text=paragraph.text, start_line=paragraph.start_line, end_line=paragraph.end_line)
        self.nodes.append(node)
        return node.path

    def _unique(self, path: str) -> str:
        candidate, count = path, 1
        while candidate in self._paths:
            count += 1
            candidate = f"{path}~{count}"
        self._paths.add(candidate)
        return candidate


def _extend(node: Node, paragraph: Paragraph) -> None:
    node.text = f"{node.text}\n{paragraph.text}"
    node.end_line = paragraph.end_line
