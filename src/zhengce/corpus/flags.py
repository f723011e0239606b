"""Suspected source errors: found, explained and kept on the document, never corrected.

A faithful system shows the law as published. When the text looks wrong (a
range whose bounds are equal, a Latin word inside Chinese prose), a user should
be warned with the reason and the place, and judge for themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from zhengce.corpus.model import Document, Flag

_EQUAL_RANGE = re.compile(r"(?P<a>[\d一二三四五六七八九十百千万.]+)(?P<u>[万元倍日个月年%]*)以上(?P=a)(?P=u)以下")
_LATIN_CONJUNCTION = re.compile(r"[\u4e00-\u9fff]\s+(?:and|or)\s+[\u4e00-\u9fff]")
_DOUBLED_PARTICLE = re.compile(r"的的|了了")
_EARLIEST, _LATEST = date(2019, 1, 1), date(2021, 12, 31)


def detect_flags(document: Document) -> list[Flag]:
    """Every suspected error in ``document``, each with the node it sits in."""
    return list(_text_flags(document)) + list(_metadata_flags(document))


def _text_flags(document: Document) -> Iterator[Flag]:
    units = [(f"{document.id}/{n.path}", n.text) for n in document.nodes] or \
        [(None, p.text) for p in document.paragraphs]
    checks = (
        (_EQUAL_RANGE, "equal_range_bounds", "范围上下限相同，疑为原文错误：“{}”"),
        (_LATIN_CONJUNCTION, "latin_conjunction", "中文正文中出现英文连词，疑为“和/或”误排：“{}”"),
        (_DOUBLED_PARTICLE, "doubled_character", "字词重复，疑为原文错误：“{}”"),
    )
    for node_id, text in units:
        for pattern, code, reason in checks:
            for match in pattern.finditer(text):
                yield Flag(code, reason.format(_context(text, match)), node_id)
    if document.title and _DOUBLED_PARTICLE.search(document.title):
        yield Flag("doubled_character", f"标题字词重复，疑为原文错误：“{document.title}”")


def _metadata_flags(document: Document) -> Iterator[Flag]:
    if document.date and not _EARLIEST <= document.date <= _LATEST:
        yield Flag("date_out_of_range", f"成文日期 {document.date.isoformat()} 不在汇编年份范围内")


def _context(text: str, match: re.Match[str], width: int = 8) -> str:
    return text[max(0, match.start() - width):match.end() + width]
