"""Validity: is a document in force on a given date, and on what evidence.

Evidence comes from the documents themselves: a clean-up notice's list of
repealed documents (湘人社规〔2020〕18号 附件2), a later document that repeals an
earlier one (……同时废止), a notice that extends a measure (延长……), and the
periods the texts state (执行至2020年6月30日, 有效期1年, 有效期至2021年12月31日).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from zhengce.corpus.model import Document
from zhengce.corpus.numerals import canonical_doc_number, parse_date, to_halfwidth
from zhengce.relations.citations import Reference

IN_FORCE, REPEALED, AMENDED, EXPIRED, NOT_YET = "有效", "已废止", "已被修改", "阶段性政策已到期", "尚未施行"
_WHOLE = (r"(?:本通知|本意见|本办法|本措施|本规定|本制度|本细则|本方案|本通告|本公告|"
          r"以上政策措施|上述政策措施|以上措施|上述措施|本政策|政策措施)")
_UNTIL = re.compile(rf"{_WHOLE}[^。；]{{0,30}}?(?:执行至|有效期至|有效期为?[^。；]{{0,12}}至|截止到|实施至)\s*"
                    r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底)?|\d{4}\s*年底)")
_TERM = re.compile(rf"{_WHOLE}?[^。；]{{0,40}}?自"
                   r"(?P<start>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|公布之日|印发之日|发布之日)"
                   r"起?(?:施行|执行|实施)[，,]\s*有效期(?P<years>[一二三四五\d])年")
# Phased measures: 延长执行到2020年12月底; 自2020年2月起……期限不超过5个月.
_EXTENDED_TO = re.compile(r"延长(?:执行)?(?:到|至)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底)?)")
_MONTHS_FROM = re.compile(r"自(?P<year>\d{4})年(?P<month>\d{1,2})月起[^。]{0,90}?期限不超过(?P<months>\d{1,2})个月")
_YEARS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}


@dataclass(frozen=True)
class Fact:
    """One piece of evidence about a document's validity."""

    doc_id: str | None
    number: str | None
    kind: str            # expires | repealed | extended | amended | confirmed
    on: date
    reason: str
    evidence: str | None  # node id that says so


@dataclass
class Validity:
    status: str
    reason: str
    evidence: list[str]
    on: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def stated_end(document: Document) -> tuple[date, str] | None:
    """The end of the document's own validity period, if its text states one: for
    the whole document (本通知执行至…, 有效期1年), else the last end of its phased measures."""
    return _whole_document_end(document) or _phased_end(document)


def _phased_end(document: Document) -> tuple[date, str] | None:
    ends: list[tuple[date, str]] = []
    for node in document.nodes:
        text = to_halfwidth(node.text)
        for match in _EXTENDED_TO.finditer(text):
            end = _date_or_month_end(match["date"])
            if end:
                ends.append((end, f"{document.id}/{node.path}"))
        for match in _MONTHS_FROM.finditer(text):
            last = int(match["month"]) + int(match["months"]) - 1
            year = int(match["year"]) + (last - 1) // 12
            end = _date_or_month_end(f"{year}年{(last - 1) % 12 + 1}月")
            if end:
                ends.append((end, f"{document.id}/{node.path}"))
    return max(ends) if ends else None


def _whole_document_end(document: Document) -> tuple[date, str] | None:
    for node in document.nodes or []:
        text = to_halfwidth(node.text)
        until = _UNTIL.search(text)
        if until:
            end = _date_or_month_end(until["date"])
            if end:
                return end, f"{document.id}/{node.path}"
        term = _TERM.search(text)
        if term:
            start = parse_date(term["start"]) if term["start"][0].isdigit() else document.date
            years = _YEARS.get(term["years"]) or int(term["years"])
            if start:
                return start.replace(year=start.year + years), f"{document.id}/{node.path}"
    return None


def _date_or_month_end(text: str) -> date | None:
    text = re.sub(r"\s", "", text)
    if text.endswith("年底"):
        return date(int(text[:4]), 12, 31)
    full = parse_date(text)
    if full:
        return full
    match = re.match(r"(\d{4})年(\d{1,2})月", text)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def validity_facts(documents: list[Document], references: list[Reference]) -> list[Fact]:
    """Every fact the corpus states about documents' validity, in and outside the corpus."""
    by_id = {d.id: d for d in documents}
    facts: list[Fact] = []
    for document in documents:
        end = stated_end(document)
        if end:
            facts.append(Fact(document.id, document.doc_number, "expires", end[0],
                              f"文件规定的执行期限至{end[0].isoformat()}", end[1]))
        facts.extend(_cleanup_facts(document))
    for reference in references:
        citing = by_id[reference.doc_id]
        if reference.kind in ("repeals", "extends", "amends") and citing.date:
            kind = {"repeals": "repealed", "extends": "extended", "amends": "amended"}[reference.kind]
            verb = {"repealed": "废止", "extended": "延长", "amended": "修改"}[kind]
            facts.append(Fact(reference.target_id, reference.number, kind, citing.date,
                              f"{citing.title}（{citing.doc_number or '无文号'}）{verb}了本文件", reference.node_id))
    return facts


def _cleanup_facts(document: Document) -> list[Fact]:
    """A clean-up notice's tables: the documents it repeals (from its date) and those it
    confirms in force."""
    facts = []
    for number, table in enumerate(document.tables, 1):
        kind = "repealed" if "废止" in table.name else "confirmed" if "继续有效" in table.name else None
        if kind is None or not document.date:
            continue
        for row_number, row in enumerate(table.rows, 1):
            cited = next(filter(None, (canonical_doc_number(cell) for cell in row)), None)
            if cited:
                verb = "决定废止" if kind == "repealed" else "确认继续有效"
                facts.append(Fact(None, cited, kind, document.date, f"{document.title}（{document.doc_number}）{verb}",
                                  f"{document.id}/t{number}/r{row_number}"))
    return facts


def status_on(facts: list[Fact], issued: date | None, on: date) -> Validity:
    """A document's status on ``on`` from its facts (most decisive first)."""
    def evidence(kind: str) -> list[Fact]:
        return [f for f in facts if f.kind == kind and f.on <= on]

    if issued and on < issued:
        return Validity(NOT_YET, f"成文日期为{issued.isoformat()}", [], on.isoformat())
    repealed = evidence("repealed")
    if repealed:
        return Validity(REPEALED, repealed[0].reason, [f.evidence for f in repealed if f.evidence], on.isoformat())
    expired = [f for f in facts if f.kind == "expires" and f.on < on]
    extended = evidence("extended")
    if expired and not extended:
        return Validity(EXPIRED, expired[0].reason, [f.evidence for f in expired if f.evidence], on.isoformat())
    changed = extended + evidence("amended")
    if changed:
        return Validity(AMENDED, changed[0].reason, [f.evidence for f in changed if f.evidence], on.isoformat())
    confirmed = evidence("confirmed")
    if confirmed:
        return Validity(IN_FORCE, confirmed[0].reason, [f.evidence for f in confirmed if f.evidence], on.isoformat())
    return Validity(IN_FORCE, "未见废止、修改或到期的依据", [], on.isoformat())
