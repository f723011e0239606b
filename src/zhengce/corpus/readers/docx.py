"""Word (.docx) with python-docx: paragraphs and tables in document order, and the
labels of automatic numbering, which are not in the text but in numbering.xml.

Without them a list numbered by Word (第一条, 一、, （一）) would lose the very
markers the article-tree parser builds on.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from zhengce.corpus.numerals import int_to_chinese
from zhengce.corpus.readers.extract import Extract, ReadError, blocks_from_items, table_item

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def read(path: Path) -> Extract:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise ReadError(f"{path.name}：不是有效的 DOCX 文件（不是 zip 压缩包；旧版 .doc 请另存为 .docx）")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ReadError(f"{path.name}：DOCX 文件已损坏（{type(error).__name__}）") from error
    numbering = Numbering(document)
    items: list[dict] = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{W}p":
            text = "".join(node.text or "" for node in element.iter(f"{W}t"))
            label = numbering.label(element, document)
            if text.strip() or label:
                items.append({"text": label + text})
        elif element.tag == f"{W}tbl" and (item := _table(element)):
            items.append(item)
    if not any("text" in item for item in items):
        raise ReadError(f"{path.name}：DOCX 中没有文字")
    return Extract(blocks_from_items(items))


def _table(element) -> dict | None:
    rows = [["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in row.iter(f"{W}tc")]
            for row in element.iter(f"{W}tr")]
    return table_item(rows)


class Numbering:
    """Counters of Word's automatic lists, rendered the way Word shows them."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.restart: dict[tuple[str, int], int] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.iter(f"{W}abstractNum"):
            abstract_id = abstract.get(f"{W}abstractNumId")
            for level in abstract.iter(f"{W}lvl"):
                fmt, text = _value(level, "numFmt") or "decimal", _value(level, "lvlText") or ""
                self.levels[(abstract_id, int(level.get(f"{W}ilvl")))] = (fmt, text, int(_value(level, "start") or 1))
        for num in root.iter(f"{W}num"):
            reference = num.find(f"{W}abstractNumId")
            if reference is not None:
                self.abstract_of[num.get(f"{W}numId")] = reference.get(f"{W}val")
            for override in num.iter(f"{W}lvlOverride"):
                if (start := _value(override, "startOverride")) is not None:
                    self.restart[(num.get(f"{W}numId"), int(override.get(f"{W}ilvl")))] = int(start)

    def label(self, paragraph, document) -> str:
        """The label Word prints before this paragraph, or "" when it is not in a list."""
        num_id, level = _num_pr(paragraph, document)
        abstract = self.abstract_of.get(num_id or "")
        if num_id is None or abstract is None or (abstract, level) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[level] += 1
        counters[level + 1:] = [0] * (8 - level)
        _, text, _ = self.levels[(abstract, level)]
        for shown in range(level + 1):
            fmt, _, start = self.levels.get((abstract, shown), ("decimal", "", 1))
            start = self.restart.get((num_id, shown), start)
            text = text.replace(f"%{shown + 1}", _format(max(counters[shown], 1) + start - 1, fmt))
        # Word puts a tab after 第一条; a list label ending in punctuation (一、) needs nothing.
        return f"{text} " if text and "\u4e00" <= text[-1] <= "\u9fff" else text


def _value(element, name: str) -> str | None:
    child = element.find(f"{W}{name}")
    return child.get(f"{W}val") if child is not None else None


def _num_pr(paragraph, document) -> tuple[str | None, int]:
    """The list a paragraph belongs to, set on the paragraph or inherited from its style."""
    props = paragraph.find(f"{W}pPr")
    num_pr = props.find(f"{W}numPr") if props is not None else None
    if num_pr is None and props is not None and (style := props.find(f"{W}pStyle")) is not None:
        style_element = document.styles.element.get_by_id(style.get(f"{W}val"))
        style_props = style_element.find(f"{W}pPr") if style_element is not None else None
        num_pr = style_props.find(f"{W}numPr") if style_props is not None else None
    if num_pr is None:
        return None, 0
    return _value(num_pr, "numId"), int(_value(num_pr, "ilvl") or 0)


def _format(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return int_to_chinese(value)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and value <= len(CIRCLED):
        return CIRCLED[value - 1]
    if fmt == "upperLetter":
        return chr(64 + value)
    if fmt == "lowerLetter":
        return chr(96 + value)
    if fmt == "bullet":
        return ""
    return str(value)
