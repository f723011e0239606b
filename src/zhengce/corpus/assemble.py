"""From a layout parser's raw document to a ``Document``: metadata, tree, masking.

Layout parsers know where a document starts and what its title lines are; what
a document's parts mean (addressee, body, signature, attachments) is the same in
every compilation and is read here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from zhengce.corpus.flags import detect_flags
from zhengce.corpus.metadata import (
    doc_type,
    issuers_from_adoption,
    issuers_from_title,
    looks_like_issuer,
    region_of,
    split_issuers,
    topic_of,
)
from zhengce.corpus.model import Document, Flag, Paragraph, Source, Table
from zhengce.corpus.normalize import TERMINAL, clean_text
from zhengce.corpus.numerals import canonical_doc_number, is_date_line, parse_date
from zhengce.corpus.privacy import mask_private
from zhengce.corpus.structure import TreeBuilder, match_marker

Block = Paragraph | Table
OMITTED = re.compile(r"(?:[（(]\s*略\s*[）)]|(?:^|[）)》])略)$")


@dataclass
class RawDocument:
    """What a layout parser found: the title, the number as printed, the body blocks."""

    file: str
    title: str
    start_line: int
    end_line: int
    blocks: list[Block]
    section: str | None = None
    number_text: str | None = None
    issuer_text: str | None = None
    region_hint: str | None = None
    flags: list[Flag] = field(default_factory=list)


@dataclass
class ParsedSource:
    """A layout parser's result: the raw documents, and the numbers of the lines it
    recognised as something other than a document (cover, contents, section headings,
    running headers), so that the build can report what nobody placed."""

    documents: list[RawDocument]
    recognised: set[int] = field(default_factory=set)


def document_key(title: str) -> str:
    """A title reduced to its words, for matching the same document across sources.

    >>> document_key("关于延长 2020 年春节假期的通知") == document_key("关于延长2020年春节假期的通知")
    True
    """
    return re.sub(r"[\s\"“”‘’'《》〈〉<>()（）\[\]【】〔〕,，、.。:：;；·—\-]", "", title)


def document_id(doc_number: str | None, title: str) -> str:
    """A stable id from the document number, or the title when there is none."""
    basis = doc_number or document_key(title)
    return hashlib.sha1(basis.encode()).hexdigest()[:10]


def assemble(raw: RawDocument) -> Document:
    """Read metadata, build the article tree and mask private data of one raw document."""
    blocks = [_masked(block) for block in raw.blocks]
    title = clean_text(raw.title)
    number = canonical_doc_number(raw.number_text) if raw.number_text else None
    signature_end, issuers, issued = _signature(blocks)
    if not issuers:
        issuers = split_issuers(clean_text(raw.issuer_text)) if raw.issuer_text else []
    if not issuers:
        issuers = issuers_from_title(title)
    if not issuers and number and "部令" in number:
        issuers = [number.split("令")[0]]
    if not issuers:
        issuers = issuers_from_adoption("\n".join(b.text for b in blocks[:8] if isinstance(b, Paragraph)))
    document = Document(
        title=title, doc_number=number, issuers=issuers, date=issued,
        region=region_of(number, issuers, title, raw.region_hint), section=raw.section or topic_of(title),
        doc_type=doc_type(title, number),
        paragraphs=[b for b in blocks if isinstance(b, Paragraph)],
        sources=[Source(raw.file, raw.start_line, raw.end_line)],
        flags=list(raw.flags),
    )
    document.omission_context = _omission_context(document.paragraphs)
    document.omitted = bool(document.omission_context)
    _build_tree(document, blocks, signature_end)
    document.id = document_id(number, title)
    document.flags.extend(detect_flags(document))
    return document


def _omission_context(paragraphs: list[Paragraph]) -> str:
    """The words around each （略） marker: what the compilation left out."""
    context = []
    for index, paragraph in enumerate(paragraphs):
        if OMITTED.search(paragraph.text):
            before = paragraphs[index - 1].text if index and len(paragraph.text) <= 4 else ""
            context.append(f"{before}{paragraph.text}")
    return "\n".join(context)


def _masked(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return Paragraph(mask_private(block.text), block.start_line, block.end_line)
    block.rows = [[mask_private(cell) for cell in row] for row in block.rows]
    return block


def _signature(blocks: list[Block]) -> tuple[int | None, list[str], object]:
    """The signature block ending the main text: (index of its date, issuers, date).

    The main text's signature is the first date line preceded by issuer lines;
    what follows it is an attachment (an attached 办法 or 方案).
    """
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or not is_date_line(block.text):
            continue
        issuers: list[str] = []
        cursor = index - 1
        while cursor >= 0 and isinstance(blocks[cursor], Paragraph):
            line = blocks[cursor].text
            if looks_like_issuer(line):
                issuers[:0] = split_issuers(line)
            elif issuers and looks_like_issuer(line + issuers[0]):
                issuers[0] = line + issuers[0]  # one body's name wrapped over two lines
            else:
                break
            cursor -= 1
        if issuers or index == len(blocks) - 1:
            return index, issuers, parse_date(block.text)
    # No issuer above any date (a law under its promulgation order, a garbled
    # signature): the first date printed on a line of its own.
    first_date = next((parse_date(b.text) for b in blocks
                       if isinstance(b, Paragraph) and is_date_line(b.text)), None)
    return None, [], first_date


_PUBLICITY_NOTE = re.compile(r"^[（(]\s*(?:此件|本件|联系单位|主动公开|依申请公开)[^（）()]*[）)]$")


def _build_tree(document: Document, blocks: list[Block], signature_end: int | None) -> None:
    """Place every paragraph in the article tree; tables hang off the node above them.

    The signature block and the publicity notes under it (（此件主动公开）) stay in the
    text but not in the tree; the first heading after them opens the attachment.
    """
    builder = TreeBuilder()
    current: str | None = None
    awaiting_attachment = signature_end is not None
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            block.node_path = current
            document.tables.append(block)
            continue
        before_signature = signature_end is not None and index <= signature_end
        if before_signature and _in_signature(blocks, index, signature_end):
            continue
        if not before_signature and _PUBLICITY_NOTE.match(block.text):
            continue
        if awaiting_attachment and not before_signature:
            awaiting_attachment = False
            if _is_attachment_title(block):
                current = builder.start_attachment(block)
                continue
        # A list of attachments above the signature names them; it does not open them.
        current = builder.add(block, attachments=not before_signature)
    document.nodes = builder.nodes


def _in_signature(blocks: list[Block], index: int, signature_end: int) -> bool:
    """True for the issuer and date lines of the signature block."""
    return all(isinstance(b, Paragraph) and (looks_like_issuer(b.text) or is_date_line(b.text))
               for b in blocks[index:signature_end + 1])


def _is_attachment_title(paragraph: Paragraph) -> bool:
    """A short heading with no sentence punctuation, printed after the signature."""
    text = paragraph.text
    if match_marker(text) and not text.startswith("附件"):
        return False
    return len(text) <= 60 and text[-1] not in TERMINAL + "，"
