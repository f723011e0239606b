"""Retrieval units: what search returns and answers cite.

A unit is one node of the article tree (an article, a clause, a numbered item, a
loose paragraph), with the document's title and the headings above it as
context, or one row of a table under its header. Units follow the documents'
own structure, so a hit is always a citable place, never a window of text.

A question and its answer (答记者问, 问答) are one unit: the answer is its text,
what an answer quotes, and the question joins the context, where it helps
matching; a question paragraph alone would outrank the answer it introduces.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from zhengce.corpus.model import Document, Node
from zhengce.corpus.structure import match_marker
from zhengce.store.records import UnitText

_HEADING_CHARS = 40


@dataclass(frozen=True)
class Unit(UnitText):
    """One searchable, citable piece of a document, as the index stage makes it."""

    @property
    def search_text(self) -> str:
        """What keyword and semantic search see: the context, then the unit's own text."""
        return f"{self.context}\n{self.text}"

    @property
    def keyword_text(self) -> str:
        """What keyword search sees (see ``keyword_text``)."""
        return keyword_text(self.kind, self.context, self.text)

    @property
    def key(self) -> str:
        """A hash of the searched text: the embedding cache key."""
        return hashlib.sha1(self.search_text.encode()).hexdigest()


def keyword_text(kind: str, context: str, text: str) -> str:
    """What keyword search sees of a unit: its context, then its text. A table row
    leaves out its table's caption: shared by hundreds of rows, it would let every
    row outrank the article about the table."""
    if kind == "row":
        context = context.split("\n", 1)[0]
    return f"{context}\n{text}"


def without_marker(text: str) -> str:
    """The span without the item or article number it may open with (三、 （一） 1.
    第二条), which a quotation of the words does not need: the citation carries it."""
    found = match_marker(text)
    if found and found[0].kind.startswith("item"):
        stripped = re.sub(r"^\S{1,6}?[、.．）)]\s*", "", text, count=1)
        return stripped or text
    return re.sub(r"^第[一二三四五六七八九十百零〇]+条\s+", "", text, count=1) or text


BARE_HEADING_CHARS = 30


def bare_heading(kind: str, text: str, title: str) -> bool:
    """A unit that is only a heading, a title (七、工作要求; 2020年北京地区毕业生春季网络
    招聘月活动) or a lead-in line (各省、自治区……人力资源社会保障厅（局）：): it names a
    subject or an addressee and answers nothing."""
    text = without_marker(text.strip())
    body = text.partition("\n")[2].strip()
    if kind == "row" or (kind.startswith("item") and body and body not in title):
        return False  # a row, or an item's heading line with a body under it (三、活动时间\n2020年3月1日至4月30日)
    lead_in = text.endswith(("：", ":")) and not re.search(r"[，,。；;]", text)
    return lead_in or (len(text) <= BARE_HEADING_CHARS and not re.search(r"[，。；：,;:]", text))


CELL_SEPARATOR, COLUMN_SEPARATOR = "；", "："


def row_cells(text: str) -> list[tuple[str, str]]:
    """The (column, value) pairs of a table row unit's text, as ``document_units`` writes it.

    >>> row_cells("序号：199；事项名称：失业保险金申领")
    [('序号', '199'), ('事项名称', '失业保险金申领')]
    """
    return [(column, value) for column, _, value in
            (cell.partition(COLUMN_SEPARATOR) for cell in text.split(CELL_SEPARATOR) if COLUMN_SEPARATOR in cell)]


def document_units(document: Document) -> list[Unit]:
    """The units of one document: every node (a question with its answer as one), then every table row."""
    by_path = {node.path: node for node in document.nodes}
    units = [_node_unit(document, [group[0], node] if len(group) > 1 else [node], by_path)
             for group in _question_groups(document.nodes) for node in group[1:] or group]
    for number, table in enumerate(document.tables, 1):
        caption = table.name or f"表{number}"
        for row_number, row in enumerate(table.rows, 1):
            cells = CELL_SEPARATOR.join(f"{column or '列'}{COLUMN_SEPARATOR}{cell}"
                                        for column, cell in zip(table.columns, row, strict=False) if cell)
            units.append(Unit(
                doc_id=document.id, node_id=f"{document.id}/t{number}/r{row_number}", kind="row",
                label=f"表“{caption}”第{row_number}行", context=f"{document.title}\n{caption}", text=cells,
            ))
    return units


_QUESTION = re.compile(r"\s*问\s*[：:]")
# A numbered item that holds both: 二、可否介绍一下……的执行期限？ 答：为切实减轻企业负担……
_ASKED_AND_ANSWERED = re.compile(r"(?s)(.{4,200}?[？?])\s*(答\s*[：:].+)")


def _question_groups(nodes: list[Node]) -> list[list[Node]]:
    """The nodes in order, one per group, except that a paragraph 问：… and the paragraphs
    that answer it (答：… and those that follow, up to the next question) form one group."""
    groups: list[list[Node]] = []
    for node in nodes:
        asked = node.kind == "paragraph" and _QUESTION.match(node.text)
        if node.kind == "paragraph" and not asked and groups and _QUESTION.match(groups[-1][0].text) \
                and groups[-1][-1].kind == "paragraph":
            groups[-1].append(node)
        else:
            groups.append([node])
    return groups


def _node_unit(document: Document, group: list[Node], by_path: dict[str, Node]) -> Unit:
    """The unit of one node, or of a question paragraph with its answer: the answer's
    paragraphs are the text, the question ends the context."""
    question, answer = ([group[0].text], group[1:]) if len(group) > 1 else ([], group)
    node = answer[0]
    text = "\n".join(n.text for n in answer)
    if not question and (asked := _ASKED_AND_ANSWERED.fullmatch(text.strip())):
        question, text = [asked[1]], asked[2]
    ancestors = _ancestors(node, by_path)
    label = article_label([*ancestors, node])
    if len(answer) > 1:
        label = f"{label}至{answer[-1].label}"
    return Unit(
        doc_id=document.id, node_id=f"{document.id}/{node.path}", kind=node.kind, label=label,
        context="\n".join([document.title, *(_heading(a.text) for a in ancestors), *question]), text=text,
    )


def _ancestors(node: Node, by_path: dict[str, Node]) -> list[Node]:
    chain: list[Node] = []
    parent = node.parent
    while parent and parent in by_path:
        chain.insert(0, by_path[parent])
        parent = by_path[parent].parent
    return chain


def _heading(text: str) -> str:
    """The first sentence of an ancestor, enough to say what the part is about."""
    first = text.split("\n", 1)[0]
    for stop in "。；：":
        if stop in first:
            first = first[: first.index(stop) + 1]
            break
    return first[:_HEADING_CHARS]


def article_label(chain: list[Node]) -> str:
    """How a person cites a node: 二、（一）3. / 第三条第二款 / 附件 一、 / 第2段.

    >>> from zhengce.corpus.model import Node
    >>> article_label([Node("二", "二、", "item1", "", 0, 0), Node("二/（一）", "（一）", "item2", "", 0, 0)])
    '二、（一）'
    """
    parts = []
    for node in chain:
        if node.kind == "chapter" and any(n.kind == "article" for n in chain):
            continue  # 第三条 is cited without its chapter
        parts.append(f"{node.label} " if node.kind == "attachment" else node.label)
    return "".join(parts).strip()
