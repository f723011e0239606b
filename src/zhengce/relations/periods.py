"""The periods a document states for itself and for its items, read from its text.

A whole-document clause has a subject that names the document (本通知, 以上政策措施,
lexicon.WHOLE_DOCUMENT) and says when it starts (自2020年9月1日起施行), when it ends
(执行到2020年12月31日止, 有效期5年: to the day before the fifth anniversary), that it
ends with an event (至疫情解除之日止) or with its measures (具体政策实施期满失效). An
item's clause gives that item its own period (受理截止期限为2020年12月31日,
自2020年2月起……期限不超过5个月, 2020年年内). Each clause keeps its node and words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from zhengce.corpus.model import Document
from zhengce.corpus.numerals import chinese_to_int, to_halfwidth
from zhengce.relations import lexicon

_FULL = r"\d{4}年\d{1,2}月\d{1,2}日"
_END = r"(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末)?|年?底)"
_WHOLE = "|".join(lexicon.WHOLE_DOCUMENT)
_VERB = "|".join(lexicon.IN_FORCE_VERBS)
_START = re.compile(rf"(?:{_WHOLE})[^。]{{0,80}}?自(?P<start>{_FULL}|{'|'.join(lexicon.ISSUE_DAYS)})起?(?:{_VERB})")
_LAW_START = re.compile(rf"现予公布，自(?P<start>{_FULL})起施行")
# The subject opens a clause and is not a part of the document (本通告第二条).
_SUBJECT = re.compile(rf"(?:^|(?<=[，,；;：:）)\]、条]))(?:{_WHOLE})(?![第的])")
_TERM = re.compile(r"有效期(?:为)?(?P<n>[\d一二两三四五六七八九十]{1,2})年")
_UNTIL = re.compile(rf"(?:(?:{'|'.join(lexicon.UNTIL_WORDS)})(?P<date>{_END})"
                    rf"|起至(?P<since>{_END})(?:止|截止)?|至(?P<to>{_END})(?:止|截止))")
_OPEN = re.compile(rf"(?:{'|'.join(lexicon.OPEN_END_EVENTS)})")
_WITH_MEASURES = re.compile(rf"(?:{'|'.join(lexicon.WITH_MEASURES)})")
_ITEM_UNTIL = re.compile(rf"(?:{'|'.join(lexicon.ITEM_PERIOD_WORDS)})(?:{_FULL}至)?(?P<date>{_END})")
_MONTHS = re.compile(rf"[自从](?P<y>\d{{4}})年(?P<m>\d{{1,2}})月起[^。]{{0,90}}?(?:{'|'.join(lexicon.MONTHS_LIMIT)})"
                     r"(?P<n>\d{1,2})个月")
_EXTENDED = re.compile(rf"(?:延长|缓缴|顺延)[^，。；,]{{0,12}}?至(?P<date>{_END})")
_DATED_SPAN = re.compile(rf"(?P<y>\d{{4}})年\d{{1,2}}月\d{{1,2}}日(?:至|到|-|—)(?P<date>{_END})")
_YEARS_SPAN = re.compile(r"\d{4}年?(?:至|到|-|—)(?P<y>\d{4})年")
_THIS_AND_NEXT = re.compile(r"今明两年")
_MONTH_SPAN = re.compile(r"(?:从|在)?(?P<y>\d{4}年)?(?P<m1>\d{1,2})月起?(?:到|至|—|-)(?P<m2>\d{1,2})月")
_WITHIN_YEAR = re.compile(r"(?P<y>\d{4})年年?内")


@dataclass(frozen=True)
class Clause:
    """One statement of a period: ``kind`` is starts, ends, open_end, with_measures or
    item_ends; ``on`` the start or the last day in force (None for an open end)."""

    kind: str
    on: date | None
    node_id: str
    quote: str


def month_end(year: int, month: int) -> date:
    """The last day of a month (months past 12 roll into the next year).

    >>> month_end(2020, 2), month_end(2020, 14)
    (datetime.date(2020, 2, 29), datetime.date(2021, 2, 28))
    """
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def end_date(text: str, year: int) -> date | None:
    """The last day a written end means; ``year`` where the text leaves it out.

    >>> end_date("2020年底", 2020), end_date("4月30日", 2020), end_date("2020年12月底", 2019)
    (datetime.date(2020, 12, 31), datetime.date(2020, 4, 30), datetime.date(2020, 12, 31))
    """
    match = re.fullmatch(r"(?:(\d{4})年)?(?:(\d{1,2})月(?:(\d{1,2})日|底|末)?|年?底)", text)
    if not match:
        return None
    year = int(match[1]) if match[1] else year
    if not match[2]:
        return date(year, 12, 31)
    try:
        return date(year, int(match[2]), int(match[3])) if match[3] else month_end(year, int(match[2]))
    except ValueError:
        return None


def years_later(start: date, years: int) -> date:
    """The last day of a term of ``years`` years from ``start``: the day before the anniversary.

    >>> years_later(date(2020, 5, 1), 2), years_later(date(2020, 2, 29), 1)
    (datetime.date(2022, 4, 30), datetime.date(2021, 2, 28))
    """
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        anniversary = date(start.year + years, 3, 1)
    return anniversary - timedelta(days=1)


def _full_date(text: str) -> date | None:
    match = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    try:
        return date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return None


def sentences(document: Document) -> Iterator[tuple[str, str]]:
    """(node id, sentence) for every sentence of every node, half-width and without spaces."""
    for node in document.nodes:
        text = re.sub(r"[ \t]", "", to_halfwidth(node.text))
        for sentence in re.split(r"(?<=。)|\n", text):
            if sentence.strip():
                yield f"{document.id}/{node.path}", sentence


def document_clauses(document: Document) -> list[Clause]:
    """The whole-document clauses: start, end (stated, open, with the measures)."""
    clauses: list[Clause] = []
    issued = document.date
    for node_id, sentence in sentences(document):
        start = _START.search(sentence) or _LAW_START.search(sentence)
        begins = _full_date(start["start"]) if start else None
        if start and not any(c.kind == "starts" for c in clauses):
            clauses.append(Clause("starts", begins or issued, node_id, start[0]))
        subject = _SUBJECT.search(sentence)
        if subject is None or any(c.kind != "starts" for c in clauses):
            continue
        clauses.extend(_end_clause(sentence, subject.start(), node_id, begins or _start_of(clauses) or issued,
                                   (issued or date(2020, 1, 1)).year))
    return clauses


def _start_of(clauses: list[Clause]) -> date | None:
    return next((c.on for c in clauses if c.kind == "starts"), None)


def _end_clause(sentence: str, at: int, node_id: str, start: date | None, year: int) -> list[Clause]:
    rest = sentence[at:]
    term = _TERM.search(rest)
    if term and start:
        years = int(term["n"]) if term["n"].isdigit() else chinese_to_int(term["n"])
        return [Clause("ends", years_later(start, years), node_id, _head(rest, term.end()))]
    until = _UNTIL.search(rest)
    end = end_date(until["date"] or until["since"] or until["to"], year) if until else None
    if until and end:
        return [Clause("ends", end, node_id, _head(rest, until.end()))]
    for kind, pattern in (("open_end", _OPEN), ("with_measures", _WITH_MEASURES)):
        found = pattern.search(rest)
        if found:
            return [Clause(kind, None, node_id, _head(rest, found.end() + _tail(rest, found.end())))]
    return []


def _tail(text: str, end: int) -> int:
    """How far the clause runs after ``end``: to the next comma or stop."""
    match = re.search(r"[，,。；;（(]", text[end:])
    return match.start() if match else len(text) - end


def _head(clause: str, end: int, longest: int = 60) -> str:
    """A whole-document clause's words up to ``end``: from its subject when short enough."""
    return clause[:end] if end <= longest else _quote(clause, end - 1, end, longest)


def _quote(sentence: str, start: int, end: int, longest: int = 60) -> str:
    """The words from ``start`` to ``end``, widened to the clause's comma; when that is
    longer than ``longest``, only the comma-bounded part that ends at ``end``."""
    left = max(sentence.rfind(mark, 0, start) for mark in "，,；;") + 1
    if end - left > longest:
        left = max(sentence.rfind(mark, 0, end - 1) for mark in "，,；;(（") + 1
    return sentence[left:end].strip()


def item_clauses(document: Document, whole: list[Clause]) -> list[Clause]:
    """Items' own periods, each node's distinct ends (none for a whole-document clause,
    none that ended before the document was issued: that is a condition, not a period)."""
    issued = document.date or date(2020, 1, 1)
    taken = {(c.node_id, c.quote) for c in whole}
    found: dict[tuple[str, date], Clause] = {}
    for node_id, sentence in sentences(document):
        if any(node_id == n and quote in sentence for n, quote in taken):
            continue
        for end, start, stop in _item_ends(sentence, issued.year):
            if end >= issued and (node_id, end) not in found:
                found[node_id, end] = Clause("item_ends", end, node_id, _quote(sentence, start, stop))
    return list(found.values())


def _year_end(match: re.Match[str], _year: int) -> date | None:
    return date(int(match["y"]), 12, 31)


def _months_end(match: re.Match[str], _year: int) -> date | None:
    return month_end(int(match["y"]), int(match["m"]) + int(match["n"]) - 1)


def _span_end(match: re.Match[str], year: int) -> date | None:
    span_year = int(match["y"][:4]) if match["y"] else year
    return month_end(span_year, int(match["m2"])) if int(match["m1"]) < int(match["m2"]) else None


def _stated_end(match: re.Match[str], year: int) -> date | None:
    return end_date(match["date"], int(match["y"]) if "y" in match.groupdict() and match["y"] else year)


def _next_year_end(_match: re.Match[str], year: int) -> date | None:
    return date(year + 1, 12, 31)


# How an item's clause states its end, and how to read the last day from it.
_ITEM_PATTERNS = (
    (_ITEM_UNTIL, _stated_end),          # 受理截止期限为2020年12月31日, 实施期限为…至…
    (_EXTENDED, _stated_end),            # 延长2020年春节假期至2月2日, 可缓缴社会保险费至2020年12月底
    (_DATED_SPAN, _stated_end),          # 自2020年1月1日至3月31日
    (_MONTHS, _months_end),              # 自2020年2月起……期限不超过5个月
    (_MONTH_SPAN, _span_end),            # 从2月到6月, 2020年3月至12月
    (_YEARS_SPAN, _year_end),            # 2020年至2022年
    (_WITHIN_YEAR, _year_end),           # 2020年年内
    (_THIS_AND_NEXT, _next_year_end),    # 今明两年
)


def _item_ends(sentence: str, year: int) -> Iterator[tuple[date, int, int]]:
    """(last day, start, end) of each period an item's sentence states, outside the
    titles it cites (《…目录（2019-2021年）》 is not a period)."""
    for pattern, read in _ITEM_PATTERNS:
        for match in pattern.finditer(sentence):
            end = None if _in_title(sentence, match.start()) else read(match, year)
            if end:
                yield end, match.start(), match.end()


def _in_title(sentence: str, at: int) -> bool:
    return sentence.count("《", 0, at) > sentence.count("》", 0, at)
