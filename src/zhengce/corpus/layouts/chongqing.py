"""Layout of 000, the Chongqing compilation of national and Chongqing policies.

Every line is hard-wrapped at about 30 characters and blank lines mean nothing.
A page starts with a line that begins with one space, and every document starts
on a new page with its title block, followed by its number or its addressee.
Running footers repeat the section name twice (综合类综合类) above a page number;
section headings (一、综合类) can land inside the text that surrounds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhengce.corpus.assemble import ParsedSource, RawDocument
from zhengce.corpus.metadata import DOC_TYPES, looks_like_issuer
from zhengce.corpus.model import Line, Paragraph
from zhengce.corpus.normalize import (
    TERMINAL,
    clean_text,
    display_width,
    drop_justification_spaces,
    join_paragraphs,
    typical_width,
)
from zhengce.corpus.numerals import DOC_NUMBER_RE, is_date_line, to_halfwidth
from zhengce.corpus.structure import match_marker

SECTIONS = {"综合类": "综合", "就业": "就业", "社会保险": "社会保险", "人才人事": "人才人事",
            "劳动关系": "劳动关系", "中国重庆人力资源服务产业园": "产业园"}
_SECTION_RE = re.compile(rf"^\s?[一二三四五六七八九]、({'|'.join(SECTIONS)})$")
_FOOTER_SECTIONS = "|".join(s for s in SECTIONS if s != "中国重庆人力资源服务产业园")
_RUNNING_FOOTER = re.compile(rf"^({_FOOTER_SECTIONS})\1\s*/?\s*\d{{0,3}}$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_CLOSING = re.compile(r"^[（(]\s*(?:略|此件.*)\s*[）)]$|^略$")
_TITLE_END = re.compile(rf"(?:{'|'.join(sorted(DOC_TYPES, key=len, reverse=True))}|措施|纪要|说明)$")


@dataclass
class _TextLine:
    line: Line
    page_start: bool


def parse(lines: list[Line], file: str) -> ParsedSource:
    """Raw documents of 000: split at title blocks found on page starts."""
    text_lines, sections, furniture = _strip_furniture(lines)
    starts = _document_starts(text_lines)
    documents = []
    for index, (start, title_end, number) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text_lines)
        span = text_lines[start:end]
        body = text_lines[(number if number is not None else title_end) + 1:end]
        last = span[-1].line.number
        documents.append(RawDocument(
            file=file,
            title="".join(t.line.text.strip() for t in text_lines[start:title_end + 1]),
            start_line=span[0].line.number, end_line=last,
            blocks=[_prose(p) for p in join_paragraphs([t.line for t in body], _breaks_before(body))],
            section=_section_for(sections, last),
            number_text=text_lines[number].line.text if number is not None else None,
        ))
    return ParsedSource(documents, furniture)


def _prose(paragraph: Paragraph) -> Paragraph:
    """Body paragraphs lose the print's justification spaces; short lines (signatures,
    lists of issuers) keep theirs."""
    if len(paragraph.text) < 30:
        return paragraph
    return Paragraph(drop_justification_spaces(paragraph.text), paragraph.start_line, paragraph.end_line)


def _strip_furniture(lines: list[Line]) -> tuple[list[_TextLine], list[tuple[int, str]], set[int]]:
    """Text lines with page starts marked; running footers, page numbers and section
    headings removed (the headings are returned with their line numbers)."""
    kept: list[_TextLine] = []
    sections: list[tuple[int, str]] = []
    furniture: set[int] = set()
    previous_blank = True
    after_furniture = True
    for line in lines:
        text = line.text
        if not text.strip():
            previous_blank = True
            continue
        section = _SECTION_RE.match(text.rstrip())
        if section:
            sections.append((line.number, SECTIONS[section[1]]))
            furniture.add(line.number)
            after_furniture = True
        elif _RUNNING_FOOTER.match(text.strip()) or _PAGE_NUMBER.match(text) \
                or (sections and sections[-1][0] == line.number - 1 and text.strip() == "管理委员会文件"):
            furniture.add(line.number)
            after_furniture = True
        else:
            page_start = after_furniture or (text.startswith(" ") and not previous_blank)
            kept.append(_TextLine(Line(line.number, to_halfwidth(text.strip())), page_start))
            after_furniture = False
        previous_blank = False
    return kept, sections, furniture


def _section_for(sections: list[tuple[int, str]], last_line: int) -> str | None:
    """The last section heading printed before the document ends: a heading can fall
    inside the first document of its section, never after its last one."""
    found = None
    for number, name in sections:
        if number <= last_line:
            found = name
    return found


def _is_number_line(text: str) -> bool:
    match = DOC_NUMBER_RE.search(text)
    return bool(match) and len(text) - (match.end() - match.start()) <= 2


def _is_addressee(lines: list[_TextLine], start: int) -> bool:
    """The addressee (主送), possibly wrapped over three lines, ends with a colon."""
    text = ""
    for item in lines[start:start + 3]:
        text += item.line.text
        if text.endswith(("：", ":")):
            return "。" not in text and len(text) < 120
        if text.endswith(tuple(TERMINAL)):
            return False
    return False


def _document_starts(lines: list[_TextLine]) -> list[tuple[int, int, int | None]]:
    """(first title line, last title line, number line or None) of every document."""
    starts: list[tuple[int, int, int | None]] = []
    for index, item in enumerate(lines):
        if not item.page_start or match_marker(item.line.text) or item.line.text.startswith("附件"):
            continue
        found = _title_block(lines, index)
        if found:
            starts.append(found)
    return starts


def _title_block(lines: list[_TextLine], start: int) -> tuple[int, int, int | None] | None:
    title = ""
    for end in range(start, min(start + 6, len(lines) - 1)):
        text = lines[end].line.text
        if end > start and (lines[end].page_start or _is_number_line(text)):
            return None
        title += text
        if len(title) < 8 or not _TITLE_END.search(clean_text(title)):
            continue
        following = end + 1
        if _is_number_line(lines[following].line.text):
            return start, end, following
        if _is_addressee(lines, following) or _follows_closing(lines, start):
            return start, end, None
        return None
    return None


def _follows_closing(lines: list[_TextLine], start: int) -> bool:
    """A title after a date or （略） line starts a document even without addressee."""
    if start == 0:
        return True
    previous = lines[start - 1].line.text
    return is_date_line(previous) or bool(_CLOSING.match(previous))


def _breaks_before(body: list[_TextLine]):
    """The paragraph rule of 000: a marker or a date starts a paragraph; a sentence
    ending short of the margin ends one; a line far short of it (a heading, a
    signature) ends one too. First lines are indented two characters, so a line a
    little short without a full stop is a paragraph's first line, not its last."""
    width = typical_width([t.line for t in body])

    def breaks(previous: Line, line: Line) -> bool:
        text, before = line.text, previous.text
        if match_marker(text) or text.startswith(("一是", "二是")) or is_date_line(text) \
                or is_date_line(before) or _CLOSING.match(text) or _CLOSING.match(before) \
                or looks_like_issuer(clean_text(text)):
            return True
        before_width = display_width(before)
        if text.startswith("附件") and not before.endswith("（"):
            return True
        if before.endswith(tuple(TERMINAL)):
            return before_width <= width - 4
        return before_width <= width * 0.8
    return breaks
