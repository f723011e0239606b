"""Layout of 003, Hunan's 《人力资源社会保障法规政策汇编》2020.

A table of contents lists every document by section with its number; the body
is markdown-like, with heading levels that mean nothing, paragraphs separated by
blank lines (a page break can split one), and tables as tab-separated lines
whose header repeats on every page. The contents drive the split: each entry is
found in order among the body's headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhengce.corpus.assemble import Block, ParsedSource, RawDocument, document_key
from zhengce.corpus.merge import same_title
from zhengce.corpus.metadata import looks_like_issuer
from zhengce.corpus.model import Flag, Line, Paragraph, Table
from zhengce.corpus.normalize import TERMINAL, clean_text, join_fragments, tidy_title
from zhengce.corpus.numerals import canonical_doc_number, is_date_line
from zhengce.corpus.structure import match_marker

SECTIONS = {"综合": "综合", "就业": "就业", "社会保险": "社会保险", "社会保険": "社会保险",
            "人才人事": "人才人事", "劳动关系": "劳动关系"}
_HEADING = re.compile(r"^#+\s*")
_ENTRY = re.compile(r"^(\d{1,3})\.\s*(.*)$")
_PAGE_REF = re.compile(r"\s*(?:[.．…。]{2,}|…+)\s*[（(]\s*\d+\s*[）)]?\s*$")
_NUMBER_IN_PARENS = re.compile(r"[（(]([^()（）]*(?:号|令[^()（）]*))[）)]\s*$")
_STATED_TOTAL = re.compile(r"共(?:计)?\s*(\d+)\s*(?:项|个|件|份|条)")


@dataclass
class ContentsEntry:
    section: str
    title: str
    number_text: str | None


def parse(lines: list[Line], file: str) -> ParsedSource:
    """Raw documents of 003, one per contents entry plus any second print."""
    contents_start = next(i for i, line in enumerate(lines) if _bare(line.text) == "目录")
    body_start = next(i for i in range(contents_start + 1, len(lines))
                      if lines[i].text.startswith("# ") and _section_of(lines[i].text))
    entries = parse_contents(lines[contents_start + 1:body_start])
    titles = _locate(entries, lines, body_start)
    documents: list[RawDocument] = []
    for index, (entry, (start, title_end)) in enumerate(zip(entries, titles, strict=True)):
        end = titles[index + 1][0] if index + 1 < len(titles) else len(lines)
        end = _before_section_heading(lines, start, end)
        for span_start, span_end, is_copy in _split_second_prints(lines, start, end):
            skip = title_end - start + 1 if span_start == start else 1
            documents.append(_raw_document(entry, lines[span_start:span_end], skip, file, is_copy))
    front_matter = {line.number for line in lines[:body_start]}
    headings = {line.number for line in lines[body_start:] if _is_heading(line) and _section_of(line.text)}
    return ParsedSource(documents, front_matter | headings)


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", _HEADING.sub("", text))


def _section_of(text: str) -> str | None:
    return SECTIONS.get(_bare(text))


def parse_contents(lines: list[Line]) -> list[ContentsEntry]:
    """Entries of the table of contents, titles rejoined and page numbers dropped."""
    entries: list[ContentsEntry] = []
    section = ""
    pieces: list[str] = []

    def close() -> None:
        if pieces:
            text = _PAGE_REF.sub("", "".join(pieces)).strip()
            number = _NUMBER_IN_PARENS.search(text)
            title = text[:number.start()] if number else text
            entries.append(ContentsEntry(section, clean_text(title),
                                         number[1] if number else None))
            pieces.clear()

    for line in lines:
        text = line.text.strip()
        if text.startswith("#"):
            close()
            section = _section_of(text) or section
            continue
        text = re.sub(r"^-\s+", "", text)
        if not text or _PAGE_REF.fullmatch(text) or re.fullmatch(r"[.．…。\s]*[（(]\s*\d+\s*[）)]", text):
            continue
        entry = _ENTRY.match(text)
        if entry:
            close()
            text = entry[2]
        pieces.append(_PAGE_REF.sub("", text).strip())
    close()
    return entries


def _locate(entries: list[ContentsEntry], lines: list[Line], body_start: int) -> list[tuple[int, int]]:
    """Where each entry's title is printed in the body (first and last line), in contents order.

    A title is a heading, or a block of short lines after a blank line (the
    co-issued notices print their issuers one per line above the title).
    """
    found: list[tuple[int, int]] = []
    cursor = body_start
    for entry in entries:
        span = next(filter(None, (_title_at(lines, i, entry.title) for i in range(cursor, len(lines)))), None)
        if span is None:
            raise ValueError(f"003: contents entry not found in the body: {entry.title}")
        found.append(span)
        cursor = span[1] + 1
    return found


def _title_at(lines: list[Line], index: int, title: str) -> tuple[int, int] | None:
    """The longest span of ``title`` printed from ``index``: one heading, headings
    split over several heading lines, or a block of plain lines after a blank line."""
    first = lines[index]
    if not first.text.strip() or (not _is_heading(first) and index and lines[index - 1].text.strip()):
        return None
    text, found = "", None
    for end in range(index, min(index + 8, len(lines))):
        line = lines[end]
        if not line.text.strip():
            # Headings and a title printed under its own issuer block run over blanks.
            if _is_heading(first) or (text and document_key(title).startswith(document_key(text))):
                continue
            break
        if _is_heading(first) != _is_heading(line) or _section_of(line.text) or _is_number_line(line):
            break
        text += _strip_markup(line.text)
        if _heading_matches(text, title):
            found = (index, end)
        elif found:
            break
    return found


def _is_number_line(line: Line) -> bool:
    text = line.text.strip()
    return len(text) < 30 and canonical_doc_number(text) is not None


def _is_heading(line: Line) -> bool:
    return line.text.startswith("#")


def _heading_matches(heading: str, title: str) -> bool:
    text = clean_text(_HEADING.sub("", heading).replace("**", ""))
    key, wanted = document_key(text), document_key(title)
    if len(key) < 6:
        return False
    # Headings are often cut short by the conversion: a long enough prefix will do.
    return same_title(text, title) or (len(key) * 2 >= len(wanted) and wanted.startswith(key))


def _before_section_heading(lines: list[Line], start: int, end: int) -> int:
    for i in range(start + 1, end):
        if _is_heading(lines[i]) and _section_of(lines[i].text):
            return i
    return end


def _split_second_prints(lines: list[Line], start: int, end: int) -> list[tuple[int, int, bool]]:
    """Spans of a document and of a second print of it inside its range.

    A heading repeating the title is a second print when the text under it opens
    like the first print (a law's title repeated after its promulgation order
    does not: the order and the law open differently).
    """
    title = clean_text(_HEADING.sub("", lines[start].text))
    opening = _opening(lines, start)
    for i in range(start + 1, end):
        if _is_heading(lines[i]) and _heading_matches(lines[i].text, title) \
                and opening and _opening(lines, i) == opening:
            return [(start, i, False), (i, end, True)]
    return [(start, end, False)]


def _opening(lines: list[Line], heading: int) -> str | None:
    """The first paragraph under a heading that is not a number or heading line."""
    for line in lines[heading + 1:heading + 12]:
        text = line.text.strip()
        if text and not text.startswith("#") and not canonical_doc_number(text):
            return text
    return None


def _raw_document(entry: ContentsEntry, span: list[Line], title_lines: int, file: str,
                  is_copy: bool) -> RawDocument:
    """The document in ``span``, titled as its body prints it; a contents entry that
    reads differently is flagged, not trusted (both have typos of their own)."""
    title = tidy_title("".join(_strip_markup(line.text) for line in span[:title_lines]))
    body = span[title_lines:]
    number_text = entry.number_text
    for line in body[:4]:
        if _is_number_line(line):
            body = body[body.index(line) + 1:]
            number_text = number_text or line.text
            break
    flags = []
    if document_key(title) != document_key(entry.title):
        flags.append(Flag("contents_title_differs", f"目录所列标题“{entry.title}”与正文标题不一致"))
    if is_copy:
        flags.append(Flag("printed_twice", f"汇编第{span[0].number}行起再次刊印本文件，已合并为一份"))
    return RawDocument(file=file, title=title, start_line=span[0].number,
                       end_line=_last_text_line(span), blocks=blocks(body), section=entry.section,
                       number_text=number_text, flags=flags)


def _last_text_line(span: list[Line]) -> int:
    return next(line.number for line in reversed(span) if line.text.strip())


def blocks(lines: list[Line]) -> list[Block]:
    """Paragraphs and tables of a document body."""
    result: list[Block] = []
    index = 0
    while index < len(lines):
        if "\t" in lines[index].text:
            end = _table_end(lines, index)
            result.extend(_table_or_contents(lines[index:end], result))
            index = end
            continue
        paragraph = _paragraph_at(lines, index, result)
        index = paragraph
    return result


def _paragraph_at(lines: list[Line], index: int, result: list[Block]) -> int:
    """Add the paragraph starting at ``index`` (rejoined over a page break); return the next index."""
    line = lines[index]
    text = _strip_markup(line.text)
    if not text:
        return index + 1
    if _is_heading(line) or line.text.endswith("  "):
        result.append(Paragraph(clean_text(text), line.number, line.number))
        return index + 1
    end_line, cursor = line.number, index + 1
    while not _ends_paragraph(text):
        following = _next_text_line(lines, cursor)
        if following is None:
            break
        nxt = lines[following]
        if _is_heading(nxt) or "\t" in nxt.text or not _continues(nxt.text):
            break
        text = join_fragments(text, _strip_markup(nxt.text))
        end_line, cursor = nxt.number, following + 1
    result.append(Paragraph(clean_text(text), line.number, end_line))
    return cursor


def _ends_paragraph(text: str) -> bool:
    return text[-1] in TERMINAL + "”）)" or is_date_line(text) or len(text) < 25


def _continues(text: str) -> bool:
    stripped = _strip_markup(text)
    return bool(stripped) and not match_marker(stripped) and not is_date_line(stripped) \
        and not looks_like_issuer(clean_text(stripped))


def _next_text_line(lines: list[Line], start: int) -> int | None:
    for i in range(start, min(start + 4, len(lines))):
        if lines[i].text.strip():
            return i
    return None


_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_HTML_TAG = re.compile(r"</?(?:a|p|ol|ul|li|input|br|span|div)\b[^>]*>", re.IGNORECASE)


def _strip_markup(text: str) -> str:
    """Drop the converter's markdown and HTML, keep the words: headings, bold,
    escapes, links (their text), tags, a list bullet left by a page break."""
    text = re.sub(r"^-\s+", "", _HEADING.sub("", text.strip()))
    text = _MARKDOWN_LINK.sub(r"\1", _AUTOLINK.sub(r"\1", text))
    text = _HTML_TAG.sub("", text)
    return re.sub(r"\\([_*#\[\]()<>-])", r"\1", text.replace("**", "")).strip()


def _table_end(lines: list[Line], start: int) -> int:
    """The first line after a table: tables run over blank lines and page breaks."""
    end = start
    for i in range(start, len(lines)):
        if "\t" in lines[i].text:
            end = i + 1
        elif lines[i].text.strip():
            break
    return end


def _table_or_contents(lines: list[Line], before: list[Block]) -> list[Block]:
    rows = [[clean_text(cell) for cell in line.text.split("\t")] for line in lines if "\t" in line.text]
    if all(re.fullmatch(r"第.+章", row[0]) for row in rows if row and row[0]):
        contents = "目录：" + "；".join(" ".join(c for c in row if c) for row in rows)
        return [Paragraph(contents, lines[0].number, lines[-1].number)]
    header = _trim(rows[0])
    body = [_trim(row) for row in rows[1:] if _trim(row) != header]
    if header and header[0] == "序号":
        # A header repeated on a new page may differ in its empty cells; 序号 tells it.
        body = _join_repeated_rows([row for row in body if row[:1] != ["序号"]])
    width = max([len(header), *map(len, body)])
    header += [""] * (width - len(header))
    body = [row + [""] * (width - len(row)) for row in body]
    name, total = _caption(before)
    return [Table(name=name, columns=header, rows=body, start_line=lines[0].number,
                  end_line=lines[-1].number, stated_total=total)]


def _join_repeated_rows(rows: list[list[str]]) -> list[list[str]]:
    """A row cut by a page break comes back with its number repeated (6 创业 …);
    its cells continue the row above."""
    joined: list[list[str]] = []
    for row in rows:
        if joined and row and row[0] and row[0] == joined[-1][0]:
            previous = joined[-1]
            for index, cell in enumerate(row):
                if index >= len(previous):
                    previous.append(cell)
                elif cell and cell not in previous[index]:
                    previous[index] = f"{previous[index]}{cell}"
            continue
        joined.append(list(row))
    return joined


def _trim(row: list[str]) -> list[str]:
    while row and not row[-1]:
        row = row[:-1]
    return row


def _caption(before: list[Block]) -> tuple[str, int | None]:
    """The heading just above a table names it; a stated count nearby is its total."""
    paragraphs = [b for b in before[-3:] if isinstance(b, Paragraph)]
    name = next((p.text for p in reversed(paragraphs) if len(p.text) <= 60
                 and p.text[-1] not in TERMINAL), "")
    total = None
    for paragraph in reversed(paragraphs):
        match = _STATED_TOTAL.search(paragraph.text)
        if match:
            total = int(match[1])
            break
    return name, total
