"""Chinese numerals, document numbers (文号) and dates, as printed in the sources.

Every parser and every query goes through these functions, so that a document
number typed by a user and one printed in a compilation compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL = "〇零○一二两三四五六七八九十百千"

# Year brackets seen in the sources: 〔〕 ﹝﹞ （） () [] 【】 ［］.
_OPEN = "〔﹝（([【［"
_CLOSE = "〕﹞）)]】］"
DOC_NUMBER_RE = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{1,14}}?)\s*[{re.escape(_OPEN)}]\s*"
    rf"(?P<year>(?:19|20)\d\d)\s*[{re.escape(_CLOSE)}]\s*(?:第\s*)?(?P<num>\d{{1,4}})\s*号"
)
# 北京市人民代表大会常务委员会公告〔十五届〕第23号: numbered within a legislature's session.
SESSION_RE = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{0,30}}公告)?\s*[{re.escape(_OPEN)}]\s*(?P<session>[{CHINESE_NUMERAL}]+届)\s*"
    rf"[{re.escape(_CLOSE)}]\s*第\s*(?P<num>\d{{1,4}})\s*号"
)
# 人力资源社会保障部公告2020年第9号 style, and orders such as 主席令第六十五号.
YEAR_SERIAL_RE = re.compile(r"(?P<year>(?:19|20)\d\d)\s*年\s*第\s*(?P<num>\d{1,4})\s*号")
ORDER_RE = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{0,20}}令)\s*第\s*(?P<num>\d{{1,4}}|[{CHINESE_NUMERAL}]{{1,6}})\s*号"
)


_HALFWIDTH = {code: code - 0xFEE0 for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for code in range(start, end + 1)} | {0x3000: ord(" ")}


def to_halfwidth(text: str) -> str:
    """Fold full-width ASCII (digits, letters, some punctuation) to half-width.

    Chinese punctuation such as ，。（） is kept: only U+FF10-FF5A letters and digits
    and the ideographic space change, because those are what varies between sources.

    >>> to_halfwidth("渝委办〔２０２０〕８号")
    '渝委办〔2020〕8号'
    """
    return text.translate(_HALFWIDTH)


def chinese_to_int(numeral: str) -> int:
    """Value of a Chinese numeral, positional (二〇二〇) or with units (六十五).

    >>> chinese_to_int("六十五"), chinese_to_int("十二"), chinese_to_int("二〇二〇")
    (65, 12, 2020)
    >>> chinese_to_int("一百零三")
    103
    """
    numeral = numeral.strip()
    if numeral.isdigit():
        return int(numeral)
    if not any(char in _UNITS for char in numeral):
        return int("".join(str(_DIGITS[char]) for char in numeral))
    total, current = 0, 0
    for char in numeral:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return total + current


def int_to_chinese(value: int) -> str:
    """Chinese numeral for 1..99, the range of article and item numbers.

    >>> int_to_chinese(3), int_to_chinese(10), int_to_chinese(21)
    ('三', '十', '二十一')
    """
    names = "〇一二三四五六七八九"
    if value < 10:
        return names[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else names[tens]) + "十" + (names[ones] if ones else "")


def canonical_doc_number(text: str) -> str | None:
    """The canonical form of the first document number in ``text``, or None.

    ASCII digits, no spaces, the year in 〔〕 whatever bracket was printed.

    >>> canonical_doc_number("渝肺炎组办发〔2020〕30 号")
    '渝肺炎组办发〔2020〕30号'
    >>> canonical_doc_number("人社部发﹝2020﹞11号"), canonical_doc_number("渝人社（2020）41号")
    ('人社部发〔2020〕11号', '渝人社〔2020〕41号')
    >>> canonical_doc_number("湘政发[2020]3号"), canonical_doc_number("国办发明电〔2020〕1 号")
    ('湘政发〔2020〕3号', '国办发明电〔2020〕1号')
    >>> canonical_doc_number("中华人民共和国主席令第六十五号")
    '中华人民共和国主席令第65号'
    >>> canonical_doc_number("北京市人民代表大会常务委员会公告〔十五届〕第 23 号")
    '北京市人民代表大会常务委员会公告〔十五届〕第23号'
    >>> canonical_doc_number("人力资源社会保障部公告 2020 年第 9 号") is None
    True
    """
    text = to_halfwidth(text)
    match = DOC_NUMBER_RE.search(text)
    if match:
        return f"{match['prefix']}〔{match['year']}〕{int(match['num'])}号"
    match = ORDER_RE.search(text)
    if match:
        return f"{match['prefix']}第{chinese_to_int(match['num'])}号"
    match = SESSION_RE.search(text)
    if match:
        return f"{match['prefix'] or ''}〔{match['session']}〕第{int(match['num'])}号"
    return None


def find_doc_numbers(text: str) -> list[tuple[int, int, str]]:
    """Every bracketed document number in ``text``: (start, end, canonical form)."""
    folded = to_halfwidth(text)
    return [
        (m.start(), m.end(), f"{m['prefix']}〔{m['year']}〕{int(m['num'])}号")
        for m in DOC_NUMBER_RE.finditer(folded)
    ]


_DATE_RE = re.compile(
    rf"(?P<y>(?:19|20)\d\d|[{CHINESE_NUMERAL}]{{4}})\s*年\s*"
    rf"(?P<m>\d{{1,2}}|[{CHINESE_NUMERAL}]{{1,3}})\s*月\s*"
    rf"(?:(?P<d>\d{{1,2}}|[{CHINESE_NUMERAL}]{{1,3}})\s*日)?"
)


def parse_date(text: str) -> date | None:
    """The first full date in ``text`` (a day is required), in either numeral system.

    >>> parse_date("2020 年 1 月 26 日")
    datetime.date(2020, 1, 26)
    >>> parse_date("二〇二〇年十二月三十一日")
    datetime.date(2020, 12, 31)
    >>> parse_date("二〇二一年五月") is None
    True
    """
    for match in _DATE_RE.finditer(to_halfwidth(text)):
        if not match["d"]:
            continue
        try:
            return date(chinese_to_int(match["y"]), chinese_to_int(match["m"]),
                        chinese_to_int(match["d"]))
        except ValueError:
            continue
    return None


def is_date_line(line: str) -> bool:
    """True for a line that is only a date, such as a signature block's last line.

    >>> is_date_line("2020 年 1 月 26 日"), is_date_line("二〇二〇年十二月三十一日")
    (True, True)
    >>> is_date_line("2020年1月26日起施行")
    False
    """
    stripped = re.sub(r"[\s（）()]", "", to_halfwidth(line))
    match = _DATE_RE.fullmatch(stripped)
    return bool(match and match["d"])


def nfkc(text: str) -> str:
    """NFKC-fold a query or key: full-width to half-width, compatibility forms folded."""
    return unicodedata.normalize("NFKC", text)
