"""Readers' judgements on validity where the words alone do not decide, as data.

``readings.tsv`` holds one line per judgement: the document (number or id), what
was judged, the article and the words it rests on, a date, the document it acts on
(for an extension or amendment) and why. A build checks every quote against its
article, so a reading cannot drift from the text.

Kinds, about the document itself: ``issued`` (the issue date its text prints when
it has no 日期), ``starts`` (a later start for the whole document, said without a
subject such as 本通知), ``phased`` (all its operative measures are time-limited: the last
ends on the date), ``expires`` / ``open_end`` (a whole-document end the patterns
miss), ``item`` (an item's own period ends on the date), ``not_item`` (the words at
that article are a task's deadline, not the item's period), ``not_phased`` (a title
says 阶段性 but not all its measures end). About another document (``target``):
``extends`` (to the date) and ``amends``, where the later document names the earlier
one or unmistakably its measure, in the same jurisdiction; ``文号@条款`` as the target
extends that item only; ``repeals`` a document outside the corpus named by its title
only (2020年9月16日印发的《办法》停止执行), from the repealing document's start.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from zhengce.corpus.model import Document
from zhengce.corpus.numerals import to_halfwidth
from zhengce.relations.validity import Fact

READINGS = Path(__file__).with_name("readings.tsv")
OWN_KINDS = ("issued", "starts", "phased", "expires", "open_end", "item", "not_item", "not_phased")
ITEM_KINDS = ("item", "not_item")
EDGE_KINDS = {"extends": "extended", "amends": "amended", "repeals": "repealed"}


@dataclass(frozen=True)
class Reading:
    document: str
    kind: str
    article: str
    quote: str
    on: date | None
    target: str
    why: str


class ReadingError(ValueError):
    """A reading that does not match its document's text."""


def load_readings(path: Path = READINGS) -> list[Reading]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    readings = []
    for row in rows:
        if row["kind"] not in OWN_KINDS and row["kind"] not in EDGE_KINDS:
            raise ReadingError(f"{path.name}: unknown kind {row['kind']!r} for {row['document']}")
        readings.append(Reading(row["document"], row["kind"], row["article"], row["quote"],
                                date.fromisoformat(row["on"]) if row["on"] else None, row["target"], row["why"]))
    return readings


def _plain(text: str) -> str:
    return re.sub(r"\s", "", to_halfwidth(text))


def _names(document: Document, key: str) -> bool:
    return key in (document.id, document.doc_number, document.title)


def _check(document: Document, reading: Reading) -> str:
    node = next((n for n in document.nodes if n.path == reading.article), None)
    if node is None:
        raise ReadingError(f"readings.tsv: {reading.document} has no article {reading.article!r}")
    if _plain(reading.quote) not in _plain(node.text):
        raise ReadingError(f"readings.tsv: {reading.document} {reading.article} does not say {reading.quote!r}")
    return f"{document.id}/{node.path}"


def reading_facts(document: Document, facts: list[Fact], readings: list[Reading]) -> list[Fact]:
    """``facts`` with the document's own readings applied (each quote checked against its article)."""
    for reading in readings:
        if reading.kind in OWN_KINDS and _names(document, reading.document):
            facts = _apply(document, facts, reading, _check(document, reading))
    return facts


def _apply(document: Document, facts: list[Fact], reading: Reading, node_id: str) -> list[Fact]:
    kind, on = reading.kind, reading.on
    if kind == "not_item":
        return [f for f in facts if not (f.kind == "item_expires" and f.evidence == node_id)]
    if kind == "not_phased":
        return [f for f in facts if f.kind != "phased"]
    if kind == "item":  # one more period of the item (an item may state several)
        return [*facts, Fact(document.id, document.doc_number, "item_expires", on or date.max,
                             f"本项规定的执行期限至{on}（{reading.why}）", node_id, reading.quote)]
    return [*[f for f in facts if f.kind != kind],
            Fact(document.id, document.doc_number, kind, on or document.date or date.min, reading.why, node_id,
                 reading.quote)]


def edge_facts(documents: list[Document], readings: list[Reading]) -> list[Fact]:
    """Extensions and amendments readers found where a later document names the earlier
    one's measure without the words the citation reader looks for."""
    facts = []
    for reading in readings:
        if reading.kind not in EDGE_KINDS:
            continue
        later = next((d for d in documents if _names(d, reading.document)), None)
        if reading.kind == "repeals" and later is not None:
            facts.append(Fact(None, reading.target, "repealed", reading.on or later.date or date.min,
                              f"《{later.title}》（{later.doc_number or '无文号'}）废止了本文件：{reading.why}",
                              _check(later, reading), reading.quote))
            continue
        key, _, item = reading.target.partition("@")
        target = next((d for d in documents if _names(d, key)), None)
        if later is None or target is None or later.date is None:
            continue  # a reading about a document not in this corpus (one removed) does not apply
        if item and not any(n.path == item for n in target.nodes):
            raise ReadingError(f"readings.tsv: {reading.target}: no such article")
        verb = "延长" if reading.kind == "extends" else "修改"
        facts.append(Fact(target.id, target.doc_number, EDGE_KINDS[reading.kind], later.date,
                          f"《{later.title}》（{later.doc_number or '无文号'}）{verb}了本文件：{reading.why}",
                          _check(later, reading), reading.quote, reading.on,
                          f"{target.id}/{item}" if item else None))
    return facts
