"""Validity: a document's (or an item's) status on a date, and the words behind it.

Evidence comes from the documents themselves (``periods`` reads a document's own
start, end and items' periods; ``citations`` finds the later documents that repeal,
extend or amend it; clean-up lists name the documents they repeal). ``status_on``
is the one function that turns that evidence into a status, first rule that
applies wins (eval/validity/README.md has the rubric):

1. 尚未生效 before the issue date or a later start date;
2. 已废止 from the start of a document that repeals it;
3. 失效 after the end its own text sets for the whole document;
4. 阶段性政策已到期 after the end of its time-limited measures;
5. 部分失效 while some items' own periods have ended and others run;
6. 已被修改 once a later document of the same jurisdiction extends or amends it,
   as long as that extension runs;
7. 现行有效 otherwise (an open end such as 至疫情解除之日止 is noted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

NOT_YET, IN_FORCE, AMENDED, PARTLY, REPEALED, EXPIRED, PHASED_OUT = (
    "尚未生效", "现行有效", "已被修改", "部分失效", "已废止", "失效", "阶段性政策已到期")
STATUSES = (NOT_YET, IN_FORCE, AMENDED, PARTLY, REPEALED, EXPIRED, PHASED_OUT)
IN_FORCE_STATUSES = (IN_FORCE, AMENDED, PARTLY)
NO_EVIDENCE = "未见废止、修改或到期的依据"


@dataclass(frozen=True)
class Fact:
    """One piece of evidence about a document's validity.

    ``kind``: issued, starts, expires (the whole document's last day), phased (the last
    day of its time-limited measures), open_end, item_expires (``evidence`` is the
    item), repealed, extended, amended, confirmed. ``on`` is the day the fact speaks
    of: issue, start, last day in force, or the later document's effective date.
    ``until`` is, for an extension, the last day it gives the measures; ``item``, for an
    extension of one item only, that item's node id.
    """

    doc_id: str | None
    number: str | None
    kind: str
    on: date
    reason: str
    evidence: str | None  # node id of the article that says so
    quote: str = ""
    until: date | None = None
    item: str | None = None


@dataclass(frozen=True, kw_only=True)
class Quote:
    """A clause behind a status: its node id and words; the store names its document
    (文号, else title) and article path."""

    node_id: str
    document: str = ""
    article: str = ""
    quote: str


@dataclass(frozen=True)
class Validity:
    """A status on a date, with its reason and the clauses (node id and words) behind it,
    the document's start, last day in force and a note (an open end such as 至疫情解除之日止)."""

    status: str
    reason: str
    evidence: tuple[str, ...]
    on: str
    quotes: tuple[Quote, ...] = ()
    start: str | None = None
    end: str | None = None
    note: str | None = None

    @property
    def in_force(self) -> bool:
        return self.status in IN_FORCE_STATUSES


def _validity(status: str, reason: str, facts: list[Fact], on: date, **extra: Any) -> Validity:
    quotes = tuple(Quote(node_id=f.evidence, quote=f.quote) for f in facts if f.evidence and f.quote)
    return Validity(status, reason, tuple(f.evidence for f in facts if f.evidence), on.isoformat(), quotes, **extra)


def _first(facts: list[Fact], kind: str) -> Fact | None:
    return next((f for f in facts if f.kind == kind), None)


def status_on(facts: list[Fact], on: date) -> Validity:
    """The status on ``on`` from a document's facts: the rubric's rules, first that applies."""
    issued, start, open_end = _first(facts, "issued"), _first(facts, "starts"), _first(facts, "open_end")
    dates: dict[str, Any] = {"start": (start or issued).on.isoformat() if (start or issued) else None,
                             "note": open_end.reason if open_end else None}
    if issued and on < issued.on:
        return _validity(NOT_YET, f"文件{issued.on.isoformat()}印发，此日尚未发布", [issued], on, **dates)
    if start and on < start.on:
        return _validity(NOT_YET, f"文件自{start.on.isoformat()}起施行", [start], on, **dates)
    repealed = [f for f in facts if f.kind == "repealed" and f.on <= on]
    if repealed:
        return _validity(REPEALED, repealed[0].reason, repealed, on, **dates)
    ended = _ended(facts, on, _extended_to(facts, on), dates)
    if ended:
        return ended
    items = [f for f in facts if f.kind == "item_expires" and _item_end(facts, f, on) < on]
    if items:
        ends = "、".join(sorted({f.on.isoformat() for f in items}))
        return _validity(PARTLY, f"部分条款规定的执行期限已届满（{ends}），其余条款继续有效", items, on, **dates)
    changed = [f for f in _extensions(facts, on, items=True) if not f.until or on <= f.until]
    changed += [f for f in facts if f.kind == "amended" and f.on <= on]
    if changed:
        return _validity(AMENDED, changed[0].reason, changed, on, **dates)
    if open_end:
        return _validity(IN_FORCE, "文件规定的执行期限以事件为终点，资料中未见该事件已发生", [open_end], on, **dates)
    confirmed = [f for f in facts if f.kind == "confirmed" and f.on <= on]
    if confirmed:
        return _validity(IN_FORCE, confirmed[0].reason, confirmed, on, **dates)
    return _validity(IN_FORCE, NO_EVIDENCE, [], on, **dates)


def _extensions(facts: list[Fact], on: date, items: bool = False) -> list[Fact]:
    """The extensions issued by ``on``: of the whole document's measures, or also of single items."""
    return [f for f in facts if f.kind == "extended" and f.on <= on and (items or f.item is None)]


def _extended_to(facts: list[Fact], on: date) -> date | None:
    """The last day the extensions issued by ``on`` give the document's measures."""
    return max((f.until for f in _extensions(facts, on) if f.until), default=None)


def _item_end(facts: list[Fact], period: Fact, on: date) -> date:
    """An item's period's last day, moved by the extensions issued by ``on`` of the whole
    document's measures or of that item."""
    moved = [f.until for f in _extensions(facts, on, items=True)
             if f.until and (f.item is None or f.item == period.evidence)]
    return max([period.on, *moved])


def _ended(facts: list[Fact], on: date, extended_to: date | None, dates: dict[str, Any]) -> Validity | None:
    """Rules 3 and 4: the whole document's stated end, else its measures' end, each
    moved by a later extension; None while neither has passed."""
    extended = _extensions(facts, on)
    rules = (("expires", EXPIRED, "文件规定的有效期"), ("phased", PHASED_OUT, "阶段性政策的执行期限"))
    for kind, status, words in rules:
        own = [f for f in facts if f.kind == kind]
        if not own:
            continue
        last = max(f.on for f in own)
        end = max(last, extended_to) if extended_to else last
        if on > end:
            moved = [f for f in extended if f.until and f.until > last]
            reason = f"{words}至{end.isoformat()}届满" + ("（经延长）" if moved else "")
            return _validity(status, reason, own + moved, on, end=end.isoformat(), **dates)
        dates["end"] = end.isoformat()
    if extended_to and "end" not in dates:
        dates["end"] = extended_to.isoformat()
        if on > extended_to:
            return _validity(PHASED_OUT, f"延长后的执行期限至{extended_to.isoformat()}届满", extended, on, **dates)
    return None


def item_status(facts: list[Fact], node_id: str, on: date, document: Validity | None = None) -> Validity | None:
    """An item's own status on ``on`` when the text gives it (or an article above it) its
    own period; None when the item simply shares its document's status (``document``,
    computed here unless given)."""
    own = [f for f in facts if f.kind == "item_expires" and f.evidence
           and (node_id == f.evidence or node_id.startswith(f.evidence + "/"))]
    if not own:
        return None
    end = max(_item_end(facts, f, on) for f in own)
    document = document or status_on(facts, on)
    if not document.in_force and document.status != NOT_YET:
        return document
    if on > end:
        return _validity(PHASED_OUT, f"本项规定的执行期限至{end.isoformat()}届满", own, on, end=end.isoformat())
    if document.status == NOT_YET:
        return document
    return _validity(IN_FORCE, f"本项规定的执行期限至{end.isoformat()}", own, on, end=end.isoformat())


def node_status(facts: list[Fact], node_id: str, on: date) -> Validity:
    """Any article's status on ``on``: its own where it has a period, else its document's
    without the other items' periods (an item without its own end runs with the document)."""
    own = item_status(facts, node_id, on)
    if own is not None:
        return own
    return status_on([f for f in facts if f.kind != "item_expires"], on)


def covered(node_id: str, nodes: set[str]) -> bool:
    """Whether ``node_id`` is one of ``nodes`` or lies under one of them.

    >>> covered("d/附件/三/26/（一）", {"d/附件/三/26"}), covered("d/附件/三/2", {"d/附件/三/26"})
    (True, False)
    """
    parts = node_id.split("/")
    return any("/".join(parts[:end]) in nodes for end in range(2, len(parts) + 1))
