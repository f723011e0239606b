"""Layout of 004: one document alone, a line per paragraph, title then number."""

from __future__ import annotations

from zhengce.corpus.assemble import ParsedSource, RawDocument
from zhengce.corpus.model import Line
from zhengce.corpus.normalize import join_paragraphs
from zhengce.corpus.numerals import canonical_doc_number


def parse(lines: list[Line], file: str) -> ParsedSource:
    """The file's one document: first line the title, then the number, then paragraphs."""
    text_lines = [line for line in lines if line.text.strip()]
    title, rest = text_lines[0], text_lines[1:]
    number = rest[0] if rest and canonical_doc_number(rest[0].text) else None
    body = rest[1:] if number else rest
    return ParsedSource([RawDocument(
        file=file, title=title.text, start_line=title.number, end_line=text_lines[-1].number,
        blocks=join_paragraphs(body, lambda previous, line: True),
        number_text=number.text if number else None,
    )])
