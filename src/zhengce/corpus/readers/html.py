"""Web pages from government sites: the article body without the site around it, and
the fields the page states (发文字号, 发布日期/成文日期, 标题), which win over guesses.

The body is the element holding the most paragraph text once navigation, breadcrumbs,
share buttons, headers and footers are removed (lxml, which python-docx brings).
"""

from __future__ import annotations

import re
from pathlib import Path

from zhengce.corpus.normalize import clean_text
from zhengce.corpus.readers.extract import Extract, ReadError, blocks_from_items, table_item
from zhengce.corpus.readers.text import decode

_CHROME = re.compile(r"nav|menu|breadcrumb|crumb|share|footer|header|banner|sidebar|toolbar|search|"
                     r"location|position|weizhi|dqwz|bdshare|print|related|xgwz|copyright|login", re.I)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button")
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "section", "article", "blockquote"}
_FIELDS = {
    "doc_number": re.compile(r"(?:发文字号|文\s*号)\s*[：:]\s*(\S+?号)"),
    "date": re.compile(r"(?:成文日期|发文日期|印发日期|发布日期|发布时间)\s*[：:]\s*"
                       r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)"),
    "title": re.compile(r"(?:^|\n)\s*(?:标\s*题|名\s*称)\s*[：:]\s*(\S[^\n]{4,120})"),
}
_META_TITLE = ("ArticleTitle", "title", "dc.title")
_META_DATE = ("PubDate", "firstpublishedtime", "publishdate")  # the day it was posted: a fallback for the date


def read(path: Path) -> Extract:
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(decode(path))
    except (etree.ParserError, ValueError) as error:
        raise ReadError(f"{path.name}：不是可读的网页（{error}）") from error
    fields = _fields(root)
    for element in root.iter(*_DROP_TAGS):
        element.drop_tree()
    for element in list(root.iter()):
        if isinstance(element.tag, str) and _CHROME.search(f"{element.get('class', '')} {element.get('id', '')}") \
                and element.getparent() is not None and element.tag not in ("body", "html"):
            element.drop_tree()
    body = _body(root)
    items = _items(body) if body is not None else []
    if not any("text" in item for item in items):
        raise ReadError(f"{path.name}：网页中没有找到正文")
    return Extract(blocks_from_items(items), fields)


def _fields(root) -> dict[str, str]:
    """发文字号, 日期 and 标题 as the page's information table or meta tags state them."""
    text = "\n".join(clean_text(t) for t in root.itertext() if t.strip())
    fields = {name: clean_text(m[1]) for name, pattern in _FIELDS.items() if (m := pattern.search(text))}
    for field, names in (("title", _META_TITLE), ("date", _META_DATE)):
        for name in names:
            meta = root.find(f".//meta[@name='{name}']")
            if meta is not None and meta.get("content", "").strip() and field not in fields:
                fields[field] = clean_text(meta.get("content"))
    return fields


def _body(root):
    """The element whose own paragraphs hold the most text: the article, not the page."""
    best, best_score = None, 0
    for element in root.iter("div", "article", "section", "td", "body"):
        score = sum(len("".join(p.itertext()).strip()) for p in element if isinstance(p.tag, str)
                    and p.tag in ("p", "div", "table", "h1", "h2", "h3", "span", "font", "br"))
        score += len((element.text or "").strip())
        if score > best_score:
            best, best_score = element, score
    return best


def _is_field_table(rows: list[list[str]]) -> bool:
    """The page's information box (索引号, 发文字号 …), read into fields, not a table of the text."""
    cells = "".join(cell for row in rows for cell in row)
    return "发文字号" in cells or "索引号" in cells


def _items(body) -> list[dict]:
    """Paragraphs (one per block element or <br>) and tables, in document order."""
    items: list[dict] = []
    current: list[str] = []

    def flush() -> None:
        if "".join(current).strip():
            items.append({"text": "".join(current)})
        current.clear()

    def walk(element) -> None:
        if not isinstance(element.tag, str):
            return
        if element.tag == "table":
            flush()
            rows = [[clean_text("".join(c.itertext())) for c in row.iter("td", "th")] for row in element.iter("tr")]
            if (item := table_item(rows)) and not _is_field_table(rows):
                items.append(item)
            return
        block = element.tag in _BLOCK_TAGS
        if block:
            flush()
        current.append(element.text or "")
        for child in element:
            walk(child)
            current.append(child.tail or "")
        if block:
            flush()

    walk(body)
    flush()
    return items
