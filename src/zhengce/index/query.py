"""What a user typed, made searchable: normalised, its document numbers found,
its everyday words mapped to the documents' words.

Users write 社保 for 社会保险, [2020] for 〔2020〕, ２０２０ for 2020 and 二〇二〇年 for
2020年; the documents never do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from zhengce.corpus.numerals import CHINESE_NUMERAL, chinese_to_int, nfkc
from zhengce.index.tokenize import tokens
from zhengce.lexicon import lexicon

MAX_QUERY_CHARS = 500

SYNONYMS: dict[str, tuple[str, ...]] = lexicon().synonyms

_CN_YEAR = re.compile(rf"[{CHINESE_NUMERAL}]{{4}}(?=年)")
_BRACKETS = "〔﹝（(\\[【［"
_CLOSING = "〕﹞）)\\]】］"
# A document number typed loosely: brackets of any kind, or none, or 年 for the
# closing bracket (湘人社规2020年18号, 人社部发(2020)11号, 人社部发〔2020〕第11号).
_LOOSE_NUMBER = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{2,16}}?)\s*[{_BRACKETS}]?\s*(?P<year>(?:19|20)\d\d)\s*(?:[{_CLOSING}]|年)?\s*"
    rf"第?\s*(?P<num>\d{{1,4}})\s*号"
)

# A number typed without its year (人社部明电2号文): found when the corpus holds
# exactly one document with that prefix and number.
_YEARLESS_NUMBER = re.compile(r"(?P<prefix>[\u4e00-\u9fff]{2,16}?)\s*第?\s*(?P<num>\d{1,4})\s*号")


class QueryError(ValueError):
    """A query that cannot be searched; the message tells the user why."""


@dataclass
class Query:
    """A normalised query: its text, the numbers it names and the extra words it implies."""

    raw: str
    text: str
    numbers: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)


def normalize(raw: str, known_numbers: Iterable[str] = ()) -> Query:
    """Fold widths, numerals and spoken question words, find document numbers, add the
    documents' words.

    >>> q = normalize("湘人社规[２０２０]18号 说了啥", {"湘人社规〔2020〕18号"})
    >>> q.text, q.numbers
    ('湘人社规[2020]18号 说了什么', ['湘人社规〔2020〕18号'])
    >>> normalize("社保费减免到什么时候").expansions
    ['社会保险', '社会保险费', '免征', '减征', '减半征收', '期限', '执行至', '截至', '时间']
    """
    text = " ".join(nfkc(readable(raw)).split())
    if not text:
        raise QueryError("查询为空：请输入问题、关键词或文号。")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"查询有 {len(text)} 个字，超过上限 {MAX_QUERY_CHARS} 个字：请缩短后再试。")
    text = _CN_YEAR.sub(lambda m: str(chinese_to_int(m[0])), text)
    text = _COLLOQUIAL.sub(lambda m: COLLOQUIAL[m[0]], text)
    numbers = find_numbers(text, set(known_numbers))
    if not (numbers or any(_SEARCHABLE.search(token) for token in tokens(text))):
        raise QueryError(NOTHING_TO_SEARCH)
    return Query(raw=raw, text=text, numbers=numbers, expansions=expand(text))


# A query of only punctuation, function words (的, 了), emoji or a script the
# documents are not written in (Cyrillic, Hangul, kana): refused with a reason
# rather than answered with noise.
_SEARCHABLE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff0-9a-zA-Z]")
NOTHING_TO_SEARCH = "查询中没有可检索的词（只有标点、虚词、表情或资料不用的文字）：请输入政策用语、问题或文号。"


def readable(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a command-line argument, or
    a JSON escape like \\ud800) replaced by U+FFFD, so it can be encoded, embedded and
    echoed back.

    >>> readable("社保\\udcff") == "社保\\ufffd"
    True
    """
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


COLLOQUIAL = lexicon().colloquial
_COLLOQUIAL = re.compile("|".join(sorted(COLLOQUIAL, key=len, reverse=True)))


def find_numbers(text: str, known: set[str]) -> list[str]:
    """Document numbers in ``text`` that the corpus holds, whatever the brackets.

    The words before a number are trimmed off until what remains is a known number,
    so 查一下湘人社规〔2020〕18号 finds 湘人社规〔2020〕18号; a number without its year
    counts when only one document has that prefix and number.

    >>> find_numbers("人社部明电2号文里的补贴执行到什么时候", {"人社部明电〔2020〕2号", "人社部发〔2020〕2号"})
    ['人社部明电〔2020〕2号']
    """
    found: list[str] = []
    for match in _LOOSE_NUMBER.finditer(text):
        prefix, tail = match["prefix"], f"〔{match['year']}〕{int(match['num'])}号"
        for start in range(len(prefix)):
            candidate = prefix[start:] + tail
            if candidate in known:
                if candidate not in found:
                    found.append(candidate)
                break
    for match in _YEARLESS_NUMBER.finditer(_LOOSE_NUMBER.sub("", text)):
        for start in range(len(match["prefix"]) - 1):
            prefix, tail = match["prefix"][start:], f"〕{int(match['num'])}号"
            candidates = [number for number in known if number.startswith(f"{prefix}〔") and number.endswith(tail)]
            if len(candidates) == 1:
                if candidates[0] not in found:
                    found.append(candidates[0])
                break
    return found


def expand(text: str) -> list[str]:
    """The documents' words for the everyday words in ``text``, in order, once each."""
    extra: list[str] = []
    for word, replacements in SYNONYMS.items():
        if word in text:
            extra.extend(r for r in replacements if r not in text and r not in extra)
    return extra


def without_numbers(text: str) -> str:
    """``text`` with document numbers removed: what is left says what is asked of them.

    >>> without_numbers("湘人社规[2020]18号废止了哪些文件")
    '废止了哪些文件'
    """
    return _LOOSE_NUMBER.sub("", text).strip()
