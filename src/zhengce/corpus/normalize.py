"""The shared normaliser: clean a raw line, rejoin wrapped lines into paragraphs.

Each source layout decides *where* a paragraph ends (001 marks it with a
trailing space, 000 only by a short line, 003 by blank lines); rejoining and
cleaning the words is the same for all of them and lives here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from zhengce.corpus.model import Line, Paragraph
from zhengce.corpus.numerals import to_halfwidth

_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》、，。：；！？（）〔〕【】"
# PDF conversion puts spaces around digits inside Chinese ("2020 年 1 月"); the
# published text has none. Spaces between two Chinese words (co-issuers) stay.
_SPACE_AROUND_DIGIT = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[\d%])|(?<=[\d%])[ \t]+(?=[{_CJK}])")
_SPACE_AROUND_PUNCT = re.compile(r"[ \t]*([，。：；！？、）」』》〕】”])[ \t]*|([（「『《〔【“])[ \t]+")
_MULTISPACE = re.compile(r"[ \t\u3000]{2,}")
# Signature lines are often letter-spaced: 湖 南 省 财 政 厅.
_LETTER_SPACED = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){2,}$")
TERMINAL = "。！？；：…"


def clean_text(text: str) -> str:
    """Fold full-width digits and letters, drop conversion spaces, keep the words.

    >>> clean_text("关于延长 2020 年春节假期的通知")
    '关于延长2020年春节假期的通知'
    >>> clean_text("人力资源社会保障部  财政部 税务总局")
    '人力资源社会保障部 财政部 税务总局'
    >>> clean_text("生态环境保护 and 修复"), clean_text("湖 南 省 财 政 厅")
    ('生态环境保护 and 修复', '湖南省财政厅')
    """
    text = to_halfwidth(text).replace("\u00a0", " ").strip()
    if _LETTER_SPACED.match(text):
        return re.sub(r"\s+", "", text)
    text = _SPACE_AROUND_DIGIT.sub("", text)
    text = _SPACE_AROUND_PUNCT.sub(lambda m: m[1] or m[2], text)
    text = _MULTISPACE.sub(" ", text)
    return text.strip()


def tidy_title(text: str) -> str:
    """A title as published: wrap spaces dropped, the spaces between co-issuers kept.

    >>> tidy_title("人力资源社会保障部 财政部 关于实施企业稳岗扩岗专项 支持计划的通知")
    '人力资源社会保障部 财政部关于实施企业稳岗扩岗专项支持计划的通知'
    >>> tidy_title("人力资源社会保障部关于开展 “人社服务快办行动”的通知")
    '人力资源社会保障部关于开展“人社服务快办行动”的通知'
    """
    text = clean_text(text)
    head, marker, tail = text.partition("关于")
    if not marker:
        return re.sub(r"\s+", "", text)
    return head.strip() + marker + re.sub(r"\s+", "", tail)


_SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff，。、；：“”（）])[ \t]+(?=[\u4e00-\u9fff，。、；：“”（）])")


def drop_justification_spaces(text: str) -> str:
    """Remove spaces between Chinese characters that justified print leaves in prose.

    Only for running text: in a title or signature a space separates two issuers.

    >>> drop_justification_spaces("可申请缓缴社会 保险费，缓缴期限原则上")
    '可申请缓缴社会保险费，缓缴期限原则上'
    """
    return _SPACE_BETWEEN_HAN.sub("", text)


def join_fragments(left: str, right: str) -> str:
    """Join a wrapped line to the next: Chinese joins directly, two Latin words with a space."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() \
            and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def display_width(text: str) -> int:
    """Width in half-width cells: a Chinese character counts two, ASCII one."""
    return sum(1 if ord(char) < 0x1100 else 2 for char in text)


def join_paragraphs(lines: Sequence[Line], breaks_before: Callable[[Line, Line], bool]) -> list[Paragraph]:
    """Rejoin ``lines`` into paragraphs; ``breaks_before(previous, line)`` says where one ends."""
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for line in lines:
        if current and breaks_before(current[-1], line):
            paragraphs.append(_paragraph(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(_paragraph(current))
    return [p for p in paragraphs if p.text]


def _paragraph(lines: list[Line]) -> Paragraph:
    text = ""
    for line in lines:
        text = join_fragments(text, line.text.strip())
    return Paragraph(clean_text(text), lines[0].number, lines[-1].number)


def typical_width(lines: Sequence[Line]) -> int:
    """The width a layout wraps at: the upper quartile of the longer lines' widths
    (print varies a few cells from line to line; indented first lines are shorter)."""
    widths = sorted(display_width(line.text.strip()) for line in lines if line.text.strip())
    long_widths = [w for w in widths if w >= 40] or widths or [0]
    return long_widths[(len(long_widths) * 3) // 4]
