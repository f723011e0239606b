"""Layout of a document a user adds: one document per file, as a reader extracted it.

A published notice opens the same way in every format: the masthead
(某某厅文件), the number, the title, the addressee. This parser finds those in
the first blocks and hands the rest, as body, to ``assemble`` like any other
layout; the fields a web page states (发文字号, 标题) win over what is guessed.
"""

from __future__ import annotations

import re
from datetime import date

from zhengce.corpus.assemble import RawDocument, assemble, document_id, document_key
from zhengce.corpus.metadata import DOC_TYPES
from zhengce.corpus.model import Document, Paragraph
from zhengce.corpus.numerals import canonical_doc_number, find_doc_numbers, parse_date
from zhengce.corpus.readers.extract import Extract, ReadError
from zhengce.corpus.structure import match_marker

HEAD_BLOCKS = 10
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff\s]{2,40}(?:文件|简报|公报|通报|明传电报)$")
_TITLE_END = re.compile(rf"(?:{'|'.join(DOC_TYPES)})(?:[（(][^（）()]*[）)])?$")
_STAMP = re.compile(r"签发人[：:]?\s*\S*|[★☆]\S*|(?:特急|加急|平急|特提)|(?:机密|秘密|绝密)\S*")
# Fields the user may set on the command line or upload form, over what was read.
OVERRIDABLE = ("title", "doc_number", "date", "region", "section", "doc_type", "issuers")


def parse(extract: Extract, file: str) -> RawDocument:
    """The file's one raw document: masthead and stamps dropped, number and title found."""
    blocks = list(extract.blocks)
    title, number = extract.fields.get("title"), extract.fields.get("doc_number")
    title_parts: list[Paragraph] = []
    index = 0
    while index < min(len(blocks), HEAD_BLOCKS):
        block = blocks[index]
        if not isinstance(block, Paragraph):
            break
        text = block.text
        if _MASTHEAD.match(text) or not _STAMP.sub("", text).strip():
            index += 1
            continue
        found = find_doc_numbers(text) or ([(0, len(text), canonical_doc_number(text))]
                                            if canonical_doc_number(text) else [])
        if found and len(_STAMP.sub("", text)) <= len(found[0][2]) + 6:
            number = number or found[0][2]
            index += 1
            continue
        if title and document_key(title).startswith(document_key(text)):
            index += 1
            continue
        if title or (title_parts and _ends_title("".join(p.text for p in title_parts))) or not _may_be_title(text):
            break
        title_parts.append(block)
        index += 1
    title = title or "".join(p.text for p in title_parts)
    if not title:
        raise ReadError(f"{file}：找不到文件标题（没有可读的正文）")
    body = blocks[index:]
    if not any(isinstance(b, Paragraph) for b in body):
        raise ReadError(f"{file}：只有标题，没有正文")
    return RawDocument(file=file, title=title, start_line=blocks[0].start_line, end_line=blocks[-1].end_line,
                       blocks=body, number_text=number)


def _ends_title(text: str) -> bool:
    return bool(_TITLE_END.search(text))


def _may_be_title(text: str) -> bool:
    """A title line: no sentence punctuation at its end, not an addressee, not a numbered part."""
    return len(text) <= 80 and not text.endswith(("：", ":", "。", "；")) and match_marker(text) is None


def document(extract: Extract, file: str, overrides: dict[str, str] | None = None) -> Document:
    """The ``Document`` of one extracted file, with the user's ``overrides`` applied last."""
    doc = assemble(parse(extract, file))
    doc.date = doc.date or _field_date(extract.fields.get("date", ""))
    for key, value in (overrides or {}).items():
        if key not in OVERRIDABLE or not value:
            continue
        if key == "date":
            doc.date = date.fromisoformat(value)
        elif key == "issuers":
            doc.issuers = value.split()
        elif key == "doc_number":
            doc.doc_number = canonical_doc_number(value) or value
        else:
            setattr(doc, key, value)
    doc.rename(document_id(doc.doc_number, doc.title))
    return doc


def _field_date(text: str) -> date | None:
    """A date as a web page states it: 2021-02-10, 2021/2/10 or 2021年2月10日."""
    match = re.search(r"(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return parse_date(text)
