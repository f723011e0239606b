"""Layout of 001, a law firm's newsletter 《人力资源法律政策》2020 issue 2.

Every text line is followed by a blank line, lines are wrapped at about 34
characters, and a paragraph's last line ends with a space: that trailing space
is the paragraph rule. A page starts with a line that begins with a space; some
pages end with a block of the newsletter's header, the firm's letter-spaced
footer and a page number. A document opens with an optional short label naming
its issuer (国务院, 人社部, 北京市人社局), then its title, its number or addressee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhengce.corpus.assemble import Block, ParsedSource, RawDocument, document_key
from zhengce.corpus.metadata import DOC_TYPES
from zhengce.corpus.model import Flag, Line, Paragraph, Table
from zhengce.corpus.normalize import TERMINAL, clean_text
from zhengce.corpus.numerals import canonical_doc_number, is_date_line
from zhengce.corpus.structure import match_marker

_HEADER = re.compile(r"^人力资源法律政策\s*2020\s*第\s*2\s*期\s*$")
_FOOTER = re.compile(r"k\s*i\s*n\s*d\s*l\s*a\s*n\s*d|凯\s*联\s*律\s*师")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_PLATFORM_HEADER = re.compile(r"^\s*城市\s+失业保险金网上申领平台\s*$")
_GROUP = re.compile(r"^(\S{2,8})[：:]\s*$")
_CITY_ALONE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_CITY_ROW = re.compile(r"^([\u4e00-\u9fff]{2,4})\s+(\S.*)$")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
_TITLE_END = re.compile(
    rf"(?:{'|'.join(sorted(DOC_TYPES, key=len, reverse=True))}|措施|决定|答记者问|问答|解读|说明)$")


@dataclass
class _Paragraph:
    block: Block
    page_start: bool

    @property
    def paragraph(self) -> Paragraph:
        """The block as a paragraph; a table reads as an empty one, which no rule matches."""
        if isinstance(self.block, Paragraph):
            return self.block
        return Paragraph("", self.block.start_line, self.block.end_line)


def parse(lines: list[Line], file: str) -> ParsedSource:
    """Raw documents of 001: paragraphs by the trailing-space rule, split at titles."""
    paragraphs, furniture, notes = _paragraphs(lines)
    starts = _document_starts(paragraphs)
    firsts = [title if label is None else label for label, title, _ in starts]
    documents = []
    group_region: str | None = None
    for index, (label, title, body) in enumerate(starts):
        if label is not None:
            group_region = _label_region(paragraphs[label].paragraph.text)
        end = firsts[index + 1] if index + 1 < len(starts) else len(paragraphs)
        first = firsts[index]
        number, body_start = _number(paragraphs, title, body)
        documents.append(RawDocument(
            file=file,
            title=paragraphs[title].paragraph.text,
            start_line=paragraphs[first].paragraph.start_line,
            end_line=paragraphs[end - 1].paragraph.end_line,
            blocks=[p.block for p in paragraphs[body_start:end]],
            number_text=number,
            issuer_text=paragraphs[label].paragraph.text if label is not None else None,
            region_hint=group_region,
            flags=[flag for line, flag in notes.items()
                   if paragraphs[first].paragraph.start_line <= line <= paragraphs[end - 1].paragraph.end_line],
        ))
    return ParsedSource(documents, furniture)


def _paragraphs(lines: list[Line]) -> tuple[list[_Paragraph], set[int], dict[int, Flag]]:
    """Paragraphs (and the one table) of the whole file, rejoined over wraps and page
    furniture; with flags on lines that belong to nothing."""
    result: list[_Paragraph] = []
    furniture: set[int] = set()
    notes: dict[int, Flag] = {}
    pending: list[Line] = []
    pending_page_start = False
    previous_blank, after_furniture = True, True
    skip_until = 0
    for position, line in enumerate(lines):
        raw = line.text
        if line.number < skip_until:
            continue
        if _PLATFORM_HEADER.match(raw):
            if pending:
                result.append(_close(pending, pending_page_start))
                pending = []
            table, stray, skip_until = _claim_platforms(lines, position)
            result.append(_Paragraph(table, False))
            if stray:
                notes[table.end_line] = Flag(
                    "stray_text", f"表格“{table.name}”之后有不属于任何一行的文字：{' '.join(stray)}")
            continue
        if not raw.strip():
            previous_blank = True
            continue
        if _HEADER.match(raw) or _FOOTER.search(raw) or _PAGE_NUMBER.match(raw):
            furniture.add(line.number)
            after_furniture, previous_blank = True, False
            continue
        page_start = after_furniture or (raw.startswith(" ") and not previous_blank)
        if not pending:
            pending_page_start = page_start
        pending.append(Line(line.number, raw.strip()))
        if raw.endswith(" ") or is_date_line(raw) or _URL_ONLY.match(raw.strip()):
            result.append(_close(pending, pending_page_start))
            pending = []
        previous_blank, after_furniture = False, False
    if pending:
        result.append(_close(pending, pending_page_start))
    return [p for p in result if isinstance(p.block, Table) or p.block.text], furniture, notes


def _claim_platforms(lines: list[Line], header: int) -> tuple[Table, list[str], int]:
    """The table of 36 cities' claim platforms (人社厅发〔2020〕9号's attachment).

    Rows are grouped under 直辖市：/省会城市：/计划单列市：; a row is "城市 平台" on
    one line, or the city alone with its platform wrapped over the next lines. The
    table ends at the page footer; a URL printed twice after it belongs to no row.
    """
    rows: list[list[str]] = []
    group, stray = "", []
    position = header + 1
    while position < len(lines):
        text = lines[position].text.strip()
        if _HEADER.match(lines[position].text) or _FOOTER.search(lines[position].text):
            break
        following = lines[position + 1].text.strip() if position + 1 < len(lines) else ""
        if not text:
            pass
        elif _URL_ONLY.match(text) and text == following:
            stray.extend([text, following])
            position += 1
        elif _GROUP.match(text):
            group = _GROUP.match(text)[1]
        elif _CITY_ALONE.match(text) and not text.endswith(("市", "省")):
            rows.append([group, text, ""])
        elif rows and rows[-1][2] == "":
            rows[-1][2] = text
        elif (row := _CITY_ROW.match(text)) and not row[1].endswith(("市", "省")):
            rows.append([group, row[1], row[2]])
        elif rows:
            rows[-1][2] += text
        position += 1
    table = Table(name="各直辖市、省会城市、计划单列市失业保险金网上申领平台",
                  columns=["类别", "城市", "失业保险金网上申领平台"],
                  rows=[[g, c, clean_text(p)] for g, c, p in rows],
                  start_line=lines[header].number, end_line=lines[position - 1].number)
    return table, stray, lines[position].number if position < len(lines) else lines[-1].number + 1


def _close(lines: list[Line], page_start: bool) -> _Paragraph:
    text = clean_text("".join(line.text for line in lines))
    return _Paragraph(Paragraph(text, lines[0].number, lines[-1].number), page_start)


def _label_region(label: str) -> str | None:
    """The newsletter prints its documents in issuer groups, each opened by a label:
    the label of the group (北京市人社局) tells the region of the unlabelled ones after it."""
    return "北京" if label.startswith("北京") else None


def _is_label(text: str) -> bool:
    """The newsletter's issuer tag above a title: 国务院, 最高院, 北京市人社局."""
    return 2 <= len(text) <= 8 and not any(c in text for c in "，。：；、（）()") and not is_date_line(text)


def _is_number(text: str) -> bool:
    return len(text) <= 40 and canonical_doc_number(text) is not None and not text.startswith("（")


def _is_titlelike(text: str) -> bool:
    return 8 <= len(text) <= 90 and text[-1] not in TERMINAL + "，" and not match_marker(text) \
        and bool(_TITLE_END.search(text)) and not text.startswith(("附件", "《"))


def _is_addressee(text: str) -> bool:
    return text.endswith(("：", ":")) and "。" not in text and len(text) <= 120


def _document_starts(paragraphs: list[_Paragraph]) -> list[tuple[int | None, int, int]]:
    """(label index or None, title index, first index after the title) of each document."""
    starts: list[tuple[int | None, int, int]] = []
    for index, item in enumerate(paragraphs):
        text = item.paragraph.text
        if not _is_titlelike(text):
            continue
        following = [p.paragraph.text for p in paragraphs[index + 1:index + 3]]
        previous = paragraphs[index - 1] if index else None
        opens = any(_is_number(t) for t in following) or (following and _is_addressee(following[0]))
        after_close = previous is None or is_date_line(previous.paragraph.text) or item.page_start \
            or (previous.page_start and _is_label(previous.paragraph.text))
        if not (opens or (after_close and _stands_alone(paragraphs, index))):
            continue
        if starts and _belongs_to(paragraphs, starts[-1][1], index):
            continue
        label = index - 1 if previous and _is_label(previous.paragraph.text) \
            and not is_date_line(previous.paragraph.text) else None
        starts.append((label, index, index + 1))
    return starts


def _belongs_to(paragraphs: list[_Paragraph], title: int, candidate: int) -> bool:
    """A title-like paragraph that is part of the document opened at ``title``: a
    second title line in its heading block, the text it 印发 or 转发 after its
    signature, or its own title printed again above the text it promulgates."""
    between = [p.paragraph.text for p in paragraphs[title + 1:candidate]]
    if len(between) <= 3 and all(len(t) <= 60 and t[-1:] not in TERMINAL for t in between):
        return True
    opened, text = paragraphs[title].paragraph.text, paragraphs[candidate].paragraph.text
    if document_key(opened) == document_key(text):
        return True
    return any(verb in opened for verb in ("印发", "转发")) and document_key(text) in document_key(opened)


def _stands_alone(paragraphs: list[_Paragraph], index: int) -> bool:
    """A title without number or addressee (an 通告, a 答记者问) opens a document only
    when the paragraph after it is ordinary prose."""
    if index + 1 >= len(paragraphs):
        return False
    following = paragraphs[index + 1].paragraph.text
    return len(following) > 30 and not _is_titlelike(following)


def _number(paragraphs: list[_Paragraph], title: int, body: int) -> tuple[str | None, int]:
    """The document number printed within two paragraphs after the title, if any."""
    for offset in range(2):
        index = body + offset
        if index < len(paragraphs) and _is_number(paragraphs[index].paragraph.text):
            prefix = paragraphs[body].paragraph.text if offset else ""
            return prefix + paragraphs[index].paragraph.text, index + 1
    return None, body
