"""Readers' judgements on validity where the words alone do not decide, as data.

``readings.tsv`` holds one line per judgement: the document (number or id), what
was judged, the article and the words it rests on, the date, and why. A build
checks every quote against its article, so a reading cannot drift from the text.

Kinds: ``issued`` (the issue date printed in the text of a document without 日期),
``phased`` (all its operative measures are time-limited: they end on the date),
``expires`` / ``open_end`` (a whole-document end the patterns miss), ``item`` (an
item's own period ends on the date), ``not_item`` (the words at that article are
a task's deadline, not the item's period), ``not_phased`` (a title says 阶段性 but
the document's measures do not all end).
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
KINDS = ("issued", "phased", "expires", "open_end", "item", "not_item", "not_phased")


@dataclass(frozen=True)
class Reading:
    document: str
    kind: str
    article: str
    quote: str
    on: date | None
    why: str


class ReadingError(ValueError):
    """A reading that does not match its document's text."""


def load_readings(path: Path = READINGS) -> list[Reading]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    readings = []
    for row in rows:
        if row["kind"] not in KINDS:
            raise ReadingError(f"{path.name}: unknown kind {row['kind']!r} for {row['document']}")
        readings.append(Reading(row["document"], row["kind"], row["article"], row["quote"],
                                date.fromisoformat(row["on"]) if row["on"] else None, row["why"]))
    return readings


def _plain(text: str) -> str:
    return re.sub(r"\s", "", to_halfwidth(text))


def reading_facts(document: Document, facts: list[Fact], readings: list[Reading]) -> list[Fact]:
    """``facts`` with the document's readings applied (each quote checked against its article)."""
    mine = [r for r in readings if r.document in (document.id, document.doc_number)]
    for reading in mine:
        node_id = _check(document, reading)
        facts = _apply(document, facts, reading, node_id)
    return facts


def _check(document: Document, reading: Reading) -> str:
    node = next((n for n in document.nodes if n.path == reading.article), None)
    if node is None:
        raise ReadingError(f"readings.tsv: {reading.document} has no article {reading.article!r}")
    if _plain(reading.quote) not in _plain(node.text):
        raise ReadingError(f"readings.tsv: {reading.document} {reading.article} does not say {reading.quote!r}")
    return f"{document.id}/{node.path}"


def _apply(document: Document, facts: list[Fact], reading: Reading, node_id: str) -> list[Fact]:
    kind, on = reading.kind, reading.on
    if kind == "not_item":
        return [f for f in facts if not (f.kind == "item_expires" and f.evidence == node_id)]
    if kind == "not_phased":
        return [f for f in facts if f.kind != "phased"]
    fact_kind = {"item": "item_expires"}.get(kind, kind)
    if kind in ("issued", "phased", "expires", "open_end"):
        facts = [f for f in facts if f.kind != fact_kind]
    if kind == "item":
        facts = [f for f in facts if not (f.kind == "item_expires" and f.evidence == node_id)]
    reason = reading.why or reading.quote
    return [*facts, Fact(document.id, document.doc_number, fact_kind, on or document.date or date.min, reason,
                         node_id, reading.quote)]
